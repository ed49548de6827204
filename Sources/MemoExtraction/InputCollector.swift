import Foundation

/// Expands command-line paths into the list of files to read, in a stable order.
///
/// Files are taken as given; folders are walked recursively, hidden files and folders (names
/// starting with `.`) skipped, and their files sorted by path (byte order). Problems become
/// per-path errors in place, so one missing path never stops the others.
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
      for entry in entries where !entry.hasPrefix(".") {
        let path = current + entry
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
          continue  // A dangling symbolic link.
        }
        if isFolder.boolValue {
          pending.append(path + "/")
        } else {
          found.append(path)
        }
      }
    }
    found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return .success(found)
  }
}
