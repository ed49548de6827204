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
  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("memoscope-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
