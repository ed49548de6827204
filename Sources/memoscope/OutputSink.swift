import ArgumentParser
import Foundation
import MemoscopeKit

/// Output that goes to an atomic file when `--output` is given, else to standard output
/// (buffered). Either way it is written as it is produced: the file is streamed into a hidden
/// temporary file beside the destination (removed on SIGINT/SIGTERM) and renamed into place by
/// `finish()`.
struct OutputSink {
  private let writer: AtomicFileWriter?
  private var buffer: [UInt8] = []

  init(writer: AtomicFileWriter?) { self.writer = writer }

  /// A sink for `output` (standard output when nil).
  ///
  /// - Throws: `CommandFailure` (status 1) when the file's folder is missing or not writable.
  static func open(_ output: String?) throws -> OutputSink {
    guard let output else { return OutputSink(writer: nil) }
    do {
      return OutputSink(writer: try AtomicFileWriter(url: URL(fileURLWithPath: output)))
    } catch {
      throw CommandFailure.failed(error.description)
    }
  }

  /// The usage error for an `--output` file that exists without `--force` (for `validate()`).
  /// A device or pipe (`/dev/null`, `/dev/stdout`) holds nothing to overwrite and is allowed.
  static func refuseExisting(_ output: String?, force: Bool) throws {
    if let output, !force, FileManager.default.fileExists(atPath: output),
      !AtomicFileWriter.isSpecialFile(output)
    {
      throw ValidationError(
        "\(output): the file exists; pass --force to overwrite it or choose another --output.")
    }
  }

  mutating func write(_ text: String) {
    if let writer {
      writer.write(text)
      return
    }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flushStandardOutput() }
  }

  mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
    if let writer {
      writer.write(bytes)
      return
    }
    if bytes.count >= 1 << 16 {
      // A large piece is written as it is rather than copied into the buffer and again.
      flushStandardOutput()
      if let base = bytes.baseAddress {
        FileHandle.standardOutput.write(
          Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count,
            deallocator: .none))
      }
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { flushStandardOutput() }
  }

  /// Flushes standard output, or commits the atomic file.
  ///
  /// - Throws: `CommandFailure` (status 1) when the file could not be written.
  mutating func finish() throws {
    do {
      if let writer { try writer.commit() } else { flushStandardOutput() }
    } catch {
      throw CommandFailure.failed(error.description)
    }
  }

  private mutating func flushStandardOutput() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
