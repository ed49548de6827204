import Foundation

/// Expands command-line paths into the list of files to read, in a stable order.
///
/// Files are taken as given; folders are walked recursively and their files sorted by path
/// (byte order). A folder walk skips hidden files and folders (names starting with `.`), a
/// folder's own documentation (`README`, `LICENSE`, `CHANGELOG`, … in any extension) and data or
/// code files that are never memos (`.json`, `.yaml`, `.csv`, `.js`, …): name such a file
/// explicitly to read it. Problems become per-path errors in place, so one missing path never
/// stops the others.
public enum InputCollector {
  /// - Parameter paths: Files and folders, as given by the user.
  /// - Returns: One entry per file found (or per path that failed), in order.
  public static func collect(_ paths: [String]) -> [Result<String, ExtractionError>] {
    var result: [Result<String, ExtractionError>] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        result.append(.failure(.notFound(path: path)))
        continue
      }
      guard isFolder.boolValue else {
        result.append(.success(path))
        continue
      }
      switch files(inFolder: path) {
      case .success(let files) where files.isEmpty:
        result.append(.failure(.emptyFolder(path: path)))
      case .success(let files):
        result.append(contentsOf: files.map { .success($0) })
      case .failure(let error):
        result.append(.failure(error))
      }
    }
    return result
  }

  /// Regular non-hidden files under `folder`, sorted by their UTF-8 bytes.
  static func files(inFolder folder: String) -> Result<[String], ExtractionError> {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var found: [String] = []
    var pending: [String] = [prefix]
    while let current = pending.popLast() {
      let entries: [String]
      do {
        entries = try FileManager.default.contentsOfDirectory(atPath: current)
      } catch {
        let path = current == prefix ? folder : String(current.dropLast())
        if access(path, R_OK) != 0 {
          return .failure(.unreadable(path: path, reason: "permission denied"))
        }
        return .failure(.unreadable(path: path, reason: "cannot list the folder"))
      }
      for entry in entries where !isSkippedInFolderWalk(entry) {
        let path = current + entry
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
          continue  // A dangling symbolic link.
        }
        if isFolder.boolValue {
          pending.append(path + "/")
        } else if !isNeverAMemo(entry) {
          found.append(path)
        }
      }
    }
    found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return .success(found)
  }

  /// Folder documentation stems skipped by a folder walk (compared case-insensitively).
  static let documentationStems: Set<String> = [
    "readme", "license", "licence", "copying", "changelog", "notice", "contributing",
  ]

  /// Extensions of data and code files that a folder walk never reads as memos.
  static let nonMemoExtensions: Set<String> = [
    "json", "yaml", "yml", "toml", "csv", "tsv", "js", "mjs", "css", "map", "py", "sh", "swift",
    "svg", "ds_store",
  ]

  /// True for hidden entries, which a folder walk skips whether file or folder.
  static func isSkippedInFolderWalk(_ name: String) -> Bool { name.hasPrefix(".") }

  /// True for a file a folder walk skips: documentation or a data or code file.
  static func isNeverAMemo(_ name: String) -> Bool {
    let lowered = name.lowercased()
    let stem = lowered.split(separator: ".", maxSplits: 1).first.map(String.init) ?? lowered
    if documentationStems.contains(stem) { return true }
    guard let dot = lowered.lastIndex(of: ".") else { return false }
    return nonMemoExtensions.contains(String(lowered[lowered.index(after: dot)...]))
  }
}
