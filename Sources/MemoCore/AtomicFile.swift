import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that readers see either the old content or the new, never a torn file.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
  ///
  /// - Parameters:
  ///   - data: The bytes to write.
  ///   - url: The destination. Its folder must exist.
  /// - Throws: `AtomicFileError` naming the path and the reason.
  public static func write(_ data: Data, to url: URL) throws(AtomicFileError) {
    let writer = try AtomicFileWriter(url: url)
    writer.write(data)
    try writer.commit()
  }

  /// Writes a UTF-8 string atomically; see `write(_:to:)`.
  public static func write(_ text: String, to url: URL) throws(AtomicFileError) {
    try write(Data(text.utf8), to: url)
  }
}

/// Streams output into a hidden temporary file beside the destination and renames it into
/// place on `commit()`, so a large output is never held in memory and readers never see a torn
/// file. The temporary file is removed by `discard()`, when the writer is dropped uncommitted,
/// and on SIGINT or SIGTERM (`SignalCleanup`).
///
/// A destination that exists and is not a regular file or a folder (`/dev/null`, a terminal,
/// `/dev/stdout`, a named pipe) is written to directly: renaming a file over it would replace
/// the device or pipe itself, which as root turns `/dev/null` into an ordinary file.
public final class AtomicFileWriter {
  /// The destination.
  public let url: URL
  private let temporary: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var failure: String?
  private var finished = false
  /// Whether the destination is a device or pipe, written in place with no temporary file.
  private let direct: Bool

  /// Whether `path` names an existing device, pipe or socket (following symbolic links).
  public static func isSpecialFile(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    let kind = info.st_mode & S_IFMT
    return kind != S_IFREG && kind != S_IFDIR
  }

  /// Creates the temporary file beside `url`, or opens `url` itself when it is a device or pipe.
  ///
  /// - Throws: `AtomicFileError` when the folder is missing or not writable.
  public init(url: URL) throws(AtomicFileError) {
    self.url = url
    if Self.isSpecialFile(url.path) {
      direct = true
      temporary = url.path
      descriptor = open(url.path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
      }
      return
    }
    direct = false
    let folder = url.deletingLastPathComponent().path
    temporary =
      (folder.isEmpty ? "." : folder) + "/.\(url.lastPathComponent).tmp-\(getpid())-"
      + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    SignalCleanup.register(temporary)
    descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      SignalCleanup.unregister(temporary)
      throw .cannotWrite(path: url.path, reason: reason)
    }
  }

  deinit { if !finished { discard() } }

  /// Appends bytes (buffered; errors are reported by `commit()`).
  public func write<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Appends a string's UTF-8 bytes.
  public func write(_ text: String) { write(text.utf8) }

  /// Flushes, closes and renames the temporary file over the destination.
  ///
  /// - Throws: `AtomicFileError` when a write failed or the rename did; the temporary file is
  ///   removed either way.
  public func commit() throws(AtomicFileError) {
    flush()
    finished = true
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    descriptor = -1
    if direct {
      if let failure { throw .cannotWrite(path: url.path, reason: failure) }
      return
    }
    if let failure {
      unlink(temporary)
      SignalCleanup.unregister(temporary)
      throw .cannotWrite(path: url.path, reason: failure)
    }
    if rename(temporary, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      SignalCleanup.unregister(temporary)
      throw .cannotWrite(path: url.path, reason: reason)
    }
    SignalCleanup.unregister(temporary)
  }

  /// Removes the temporary file and leaves the destination as it was.
  public func discard() {
    finished = true
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
    if direct { return }
    unlink(temporary)
    SignalCleanup.unregister(temporary)
  }

  private func flush() {
    guard !buffer.isEmpty, descriptor >= 0 else { return }
    var offset = 0
    buffer.withUnsafeBytes { bytes in
      while offset < bytes.count && failure == nil {
        let written = Foundation.write(
          descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
        } else {
          offset += written
        }
      }
    }
    buffer.removeAll(keepingCapacity: true)
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

/// Removes registered temporary files when the process is stopped by SIGINT or SIGTERM, then
/// exits with status 128 + the signal number, as a shell reports a process the signal ended.
/// (The signal cannot be raised again: libdispatch keeps it blocked and would deliver it back.)
public enum SignalCleanup {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: Set<String> = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Handles SIGINT and SIGTERM from now on (once per process; later calls do nothing).
  public static func install() {
    lock.lock()
    defer { lock.unlock() }
    guard sources.isEmpty else { return }
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        removeAll()
        _exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Adds a temporary file to remove on a signal.
  public static func register(_ path: String) {
    lock.lock()
    paths.insert(path)
    lock.unlock()
  }

  /// Forgets a temporary file (renamed into place or removed).
  public static func unregister(_ path: String) {
    lock.lock()
    paths.remove(path)
    lock.unlock()
  }

  /// The temporary files currently registered.
  public static var registered: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return paths
  }

  private static func removeAll() {
    lock.lock()
    let current = paths
    paths.removeAll()
    lock.unlock()
    for path in current { unlink(path) }
  }
}
