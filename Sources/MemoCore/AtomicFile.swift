import Foundation

/// Writes files so that readers see either the old content or the new, never a torn file.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
  ///
  /// - Parameters:
  ///   - data: The bytes to write.
  ///   - url: The destination. Its folder must exist.
  /// - Throws: `AtomicFileError` naming the path and the reason.
  public static func write(_ data: Data, to url: URL) throws(AtomicFileError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    )
    do {
      try data.write(to: temporary, options: [])
    } catch {
      throw .cannotWrite(path: url.path, reason: "\(error.localizedDescription)")
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(path: url.path, reason: reason)
    }
  }

  /// Writes a UTF-8 string atomically; see `write(_:to:)`.
  public static func write(_ text: String, to url: URL) throws(AtomicFileError) {
    try write(Data(text.utf8), to: url)
  }
}

/// Why an atomic write failed.
public enum AtomicFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be written or renamed into place.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      "\(path): cannot write file: \(reason). Check that the folder exists and is writable."
    }
  }
}
