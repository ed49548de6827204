import Foundation

/// The git revision Memoscope was built from, for the report's reproducibility stamp.
enum GitRevision {
  /// `MEMOSCOPE_GIT_REVISION` when set (empty: unknown), else the commit checked out in the
  /// git work tree holding the running executable (a source build), else nil. Read from the
  /// `.git` files directly: no `git` process is started.
  static var current: String? {
    if let given = ProcessInfo.processInfo.environment["MEMOSCOPE_GIT_REVISION"] {
      return given.isEmpty ? nil : given
    }
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    guard !executable.isEmpty else { return nil }
    var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
    for _ in 0..<12 {
      if let revision = revision(checkout: folder) { return revision }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return nil
  }

  /// The commit of the work tree at `folder`, when it has a `.git` folder or file.
  static func revision(checkout folder: URL) -> String? {
    let dotGit = folder.appendingPathComponent(".git")
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) else {
      return nil
    }
    var gitFolder = dotGit
    if !isFolder.boolValue {
      // A linked work tree: ".git" holds "gitdir: PATH".
      guard let text = read(dotGit), text.hasPrefix("gitdir:") else { return nil }
      let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
      gitFolder = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
    }
    var common = gitFolder
    if let text = read(gitFolder.appendingPathComponent("commondir")) {
      common =
        URL(fileURLWithPath: text, relativeTo: gitFolder.appendingPathComponent("x"))
        .standardizedFileURL
    }
    guard let head = read(gitFolder.appendingPathComponent("HEAD")) else { return nil }
    guard head.hasPrefix("ref:") else { return isHash(head) ? head : nil }
    let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
    for base in [gitFolder, common] {
      if let hash = read(base.appendingPathComponent(ref)), isHash(hash) { return hash }
    }
    for line in (read(common.appendingPathComponent("packed-refs")) ?? "").split(separator: "\n")
    where line.hasSuffix(" " + ref) {
      let hash = String(line.prefix { $0 != " " })
      if isHash(hash) { return hash }
    }
    return nil
  }

  private static func read(_ url: URL) -> String? {
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static func isHash(_ text: String) -> Bool {
    text.count == 40 && text.allSatisfy { $0.isHexDigit }
  }
}
