import Foundation

/// Text snapshots under `Tests/Fixtures/`, re-recorded when `RECORD_SNAPSHOTS=1`.
public enum Snapshots {
  /// Whether this run records snapshots instead of checking them.
  public static var recording: Bool {
    ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  }

  /// Compares `actual` with the snapshot at `Tests/Fixtures/<relativePath>`.
  ///
  /// When recording, writes `actual` there and returns nil.
  /// - Returns: nil when they match, else a message naming the snapshot and the first line that
  ///   differs (or that the snapshot is missing).
  public static func mismatch(_ actual: String, at relativePath: String) -> String? {
    let url = Fixtures.url(relativePath)
    if recording {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: url)
      return nil
    }
    guard let data = try? Data(contentsOf: url) else {
      return "\(relativePath): no snapshot; run the tests with RECORD_SNAPSHOTS=1 to record it"
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return nil }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let e = index < expectedLines.count ? expectedLines[index] : "<end of file>"
      let a = index < actualLines.count ? actualLines[index] : "<end of file>"
      if e != a {
        return """
          \(relativePath):\(index + 1): differs from the snapshot \
          (re-record with RECORD_SNAPSHOTS=1 if the change is intended)
            expected: \(e)
            actual:   \(a)
          """
      }
    }
    return "\(relativePath): differs from the snapshot"
  }
}
