import Foundation

/// Locates test fixtures under `Tests/Fixtures/` and the repository's data folders.
public enum Fixtures {
  /// The repository root, found from this file's path.
  public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/Fixtures/`.
  public static let root: URL = repositoryRoot.appendingPathComponent("Tests/Fixtures")

  /// The URL of a fixture, e.g. `Fixtures.url("HTML/blog.html")`.
  public static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The bytes of a fixture.
  public static func data(_ relativePath: String) throws -> Data {
    try Data(contentsOf: url(relativePath))
  }

  /// A fresh empty temporary folder for a test.
  ///
  /// Every folder sits inside one folder per test process, `memoscope-tests-<pid>`, removed
  /// when the process exits; folders left by a process that died are removed on the next run.
  public static func temporaryFolder() throws -> URL {
    let url = TemporaryFolders.parent.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `body` with a fresh temporary folder and removes the folder afterwards.
  public static func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let url = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }
}

/// The per-process parent of the test folders, created on first use and removed at exit.
private enum TemporaryFolders {
  static let prefix = "memoscope-tests-"

  static let parent: URL = {
    let base = FileManager.default.temporaryDirectory
    removeLeftovers(in: base)
    let url = base.appendingPathComponent("\(prefix)\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: TemporaryFolders.parent) }
    return url
  }()

  /// Removes `memoscope-tests-<pid>` folders whose process is gone (a crashed run's).
  static func removeLeftovers(in base: URL) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
    for name in names where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
      if kill(pid, 0) == 0 || errno == EPERM { continue }
      try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
    }
  }
}
