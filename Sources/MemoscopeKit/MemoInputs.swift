import Foundation
import MemoClustering
import MemoCore
import MemoExtraction

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One unit of work for a batch: a document to extract (a file or standard input), one line of
/// a JSONL file written by `memoscope extract --format jsonl`, or an input that failed before
/// it could be read.
///
/// JSONL lines are memos already extracted, so `score`, `report` and `extract` itself read them
/// without parsing any page again, exactly as `cluster` does.
package enum MemoInput: Sendable {
  /// A page, email, text or Markdown file (or standard input) to read and extract.
  case document(CollectedInput)
  /// One memo line of a JSONL file.
  case line(JSONLMemoFile, JSONLMemoFile.Line)
  /// A path that could not be collected (missing, empty folder, unreadable).
  case failure(ExtractionError)

  /// True for a document to read and extract.
  var isDocument: Bool {
    if case .document = self { return true }
    return false
  }
}

/// One line of a JSONL file of memos, as `memoscope extract --format jsonl` writes it.
public enum JSONLMemoLine {
  /// Decodes one line's bytes (without the line feed) into a memo: the fast decoder for lines
  /// in the schema's key order, else `JSONDecoder`.
  ///
  /// - Returns: The memo, or an error naming `path` and the 1-based `line` and what is wrong.
  public static func decode(_ bytes: [UInt8], path: String, line: Int) -> Result<
    Memo, ExtractionError
  > {
    if let memo = MemoLineDecoder.decode(bytes) { return .success(memo) }
    do {
      return .success(try JSONDecoder().decode(Memo.self, from: Data(bytes)))
    } catch {
      return .failure(
        .invalidMemoLine(path: path, line: line, reason: JSONLMemoFile.reason(error)))
    }
  }
}

/// A JSONL file of memos, indexed by line and read on demand by offset, so that a large file is
/// never held in memory whole. Safe to read from many threads at once (`pread`).
package final class JSONLMemoFile: @unchecked Sendable {
  /// Where one non-blank line sits in the file.
  package struct Line: Sendable {
    /// Byte offset of the line's first byte.
    package var offset: Int
    /// Length in bytes, without the line feed.
    package var length: Int
    /// 1-based line number, for messages.
    package var number: Int
  }

  /// The path, as given.
  package let path: String
  /// The non-blank lines, in file order.
  package let lines: [Line]
  private let descriptor: Int32

  private init(path: String, descriptor: Int32, lines: [Line]) {
    self.path = path
    self.descriptor = descriptor
    self.lines = lines
  }

  deinit { close(descriptor) }

  /// True when `path` names a JSONL file (by its extension, any case).
  package static func isJSONL(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".jsonl")
  }

  /// The hash of the file's bytes, computed while indexing: FNV-1a 64 (the input stamp), or
  /// with `InputReader.Fingerprint.quick` a hash of 8-byte words per 1 MiB block, for finding
  /// duplicate files only.
  package private(set) var hash: UInt64 = 0
  /// The file's size in bytes.
  package private(set) var size: Int = 0
  /// The first bytes of the first non-blank line (up to 4 KiB), to recognise what wrote it.
  package private(set) var head: [UInt8] = []

  /// Opens and indexes the file at `path`.
  package static func open(_ path: String) -> Result<JSONLMemoFile, ExtractionError> {
    open(
      CollectedFile(path: path, pathBytes: Array(path.utf8), device: 0, inode: 0, size: 0))
  }

  /// Opens and indexes a collected file, reading it once (hash and head included).
  package static func open(
    _ file: CollectedFile, fingerprint: InputReader.Fingerprint = .fnv1a64
  ) -> Result<JSONLMemoFile, ExtractionError> {
    let descriptor = file.pathBytes.withUnsafeBufferPointer { bytes in
      let cPath = Array(bytes) + [0]
      return cPath.withUnsafeBufferPointer {
        systemOpen(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self))
      }
    }
    guard descriptor >= 0 else {
      return .failure(.unreadable(path: file.path, reason: String(cString: strerror(errno))))
    }
    let index = Index(descriptor: descriptor, fingerprint: fingerprint)
    let opened = JSONLMemoFile(path: file.path, descriptor: descriptor, lines: index.lines)
    opened.hash = index.hash
    opened.size = index.size
    opened.head = index.head
    return .success(opened)
  }

  /// The memo on `line`, or an error naming the file and line number.
  package func memo(at line: Line) -> Result<Memo, ExtractionError> {
    var bytes = [UInt8](repeating: 0, count: line.length)
    let read = bytes.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress, line.length, off_t(line.offset))
    }
    guard read == line.length else {
      return .failure(
        .invalidMemoLine(path: path, line: line.number, reason: "cannot read the line"))
    }
    return JSONLMemoLine.decode(bytes, path: path, line: line.number)
  }

  /// A short reason for a decoding failure: the missing key, or where the value is wrong.
  package static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _):
      return "missing key '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return "wrong type at '\(path)'"
    case DecodingError.dataCorrupted(let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? "invalid JSON" : "invalid value at '\(path)'"
    default:
      return "invalid JSON"
    }
  }

  /// The byte ranges and 1-based numbers of the non-blank lines of a file.
  static func lines(of descriptor: Int32) -> [Line] { Index(descriptor: descriptor).lines }

  /// One pass over a file: its non-blank lines, its hash and the head of its first line.
  ///
  /// Reads 1 MiB at a time; `memchr` finds each line end, and a line is blank when it has only
  /// spaces, tabs and carriage returns (usually decided by its first byte). The hash runs over
  /// the block in one non-generic loop (`StableHash.combine`, generic over a sequence and
  /// compiled in another module, took an eighth of clustering a 10,000-memo JSONL).
  struct Index {
    var lines: [Line] = []
    var hash: UInt64 = 0
    var size = 0
    var head: [UInt8] = []

    init(descriptor: Int32, fingerprint: InputReader.Fingerprint = .fnv1a64) {
      let capacity = 1 << 20
      let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      defer { buffer.deallocate() }
      var fnv = InputReader.fnvOffsetBasis
      var quick: UInt64 = 0
      var fileOffset = 0
      var lineStart = 0
      var lineNumber = 1
      var blank = true
      while true {
        // A whole block unless the file ends, so the quick hash's blocks do not depend on how
        // much one `read` returns.
        var count = 0
        while count < capacity {
          let got = systemRead(descriptor, buffer + count, capacity - count)
          if got < 0 && errno == EINTR { continue }
          if got <= 0 { break }
          count += got
        }
        if count == 0 { break }
        let block = UnsafeBufferPointer(start: buffer, count: count)
        switch fingerprint {
        case .fnv1a64: fnv = InputReader.fnv1a64(block, continuing: fnv)
        case .quick: quick = StableHash.mix(quick ^ InputReader.quickHash(block))
        }
        var index = 0
        while index < count {
          let end =
            memchr(buffer + index, 0x0A, count - index).map {
              $0.assumingMemoryBound(to: UInt8.self) - buffer
            } ?? count
          if blank {
            var probe = index
            while probe < end {
              let byte = buffer[probe]
              if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                blank = false
                break
              }
              probe += 1
            }
          }
          if lines.isEmpty && !blank && head.count < 4096 {
            let from = max(index, lineStart - fileOffset)
            head.append(
              contentsOf: UnsafeBufferPointer(
                start: buffer + from, count: min(end - from, 4096 - head.count)))
          }
          guard end < count else { break }
          let lineEnd = fileOffset + end
          if !blank {
            lines.append(Line(offset: lineStart, length: lineEnd - lineStart, number: lineNumber))
          }
          lineStart = lineEnd + 1
          lineNumber += 1
          blank = true
          index = end + 1
        }
        fileOffset += count
      }
      if !blank {
        lines.append(Line(offset: lineStart, length: fileOffset - lineStart, number: lineNumber))
      }
      hash = fingerprint == .quick ? quick : fnv
      size = fileOffset
    }
  }
}

/// `open(2)` and `read(2)`, named apart from the methods of the same names.
private func systemOpen(_ path: UnsafePointer<CChar>) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int)
  -> Int
{ read(descriptor, buffer, count) }
