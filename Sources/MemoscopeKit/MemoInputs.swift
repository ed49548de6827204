import Foundation
import MemoClustering
import MemoCore
import MemoExtraction

#if canImport(Glibc)
  import Glibc
#endif

/// One unit of work for a batch: a document to extract, one line of a JSONL file written by
/// `memoscope extract --format jsonl`, or an input that failed before it could be read.
///
/// JSONL lines are memos already extracted, so `score`, `report` and `extract` itself read them
/// without parsing any page again, exactly as `cluster` does.
package enum MemoInput: Sendable {
  /// A page, email, text or Markdown file to extract.
  case document(path: String)
  /// One memo line of a JSONL file.
  case line(JSONLMemoFile, JSONLMemoFile.Line)
  /// A path that could not be collected (missing, empty folder, unreadable).
  case failure(ExtractionError)

  /// Every unit found under `paths`: the files of `InputCollector.collect(_:)` in its order,
  /// each `.jsonl` file expanded in place into its non-blank lines.
  package static func collect(_ paths: [String]) -> [MemoInput] {
    var inputs: [MemoInput] = []
    for collected in InputCollector.collect(paths) {
      switch collected {
      case .failure(let error):
        inputs.append(.failure(error))
      case .success(let path):
        guard JSONLMemoFile.isJSONL(path) else {
          inputs.append(.document(path: path))
          continue
        }
        switch JSONLMemoFile.open(path) {
        case .failure(let error): inputs.append(.failure(error))
        case .success(let file): inputs.append(contentsOf: file.lines.map { .line(file, $0) })
        }
      }
    }
    return inputs
  }

  /// Reads the memo: extracts the document, or decodes the JSONL line.
  package func memo(extractor: MemoExtractor) -> Result<Memo, ExtractionError> {
    switch self {
    case .failure(let error): .failure(error)
    case .document(let path):
      Result { () throws(ExtractionError) -> Memo in try extractor.extract(fileAt: path) }
    case .line(let file, let line): file.memo(at: line)
    }
  }
}

/// A JSONL file of memos, indexed by line and read on demand by offset, so that a large file is
/// never held in memory whole. Safe to read from many threads at once (`pread`).
package final class JSONLMemoFile: Sendable {
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

  /// Opens and indexes the file at `path`.
  package static func open(_ path: String) -> Result<JSONLMemoFile, ExtractionError> {
    let descriptor = Glibc.open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return .failure(.unreadable(path: path, reason: String(cString: strerror(errno))))
    }
    return .success(JSONLMemoFile(path: path, descriptor: descriptor, lines: lines(of: descriptor)))
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
    if let memo = MemoLineDecoder.decode(bytes) { return .success(memo) }
    do {
      return .success(try JSONDecoder().decode(Memo.self, from: Data(bytes)))
    } catch {
      return .failure(
        .invalidMemoLine(path: path, line: line.number, reason: Self.reason(error)))
    }
  }

  /// A short reason for a decoding failure: the missing key, or where the value is wrong.
  static func reason(_ error: any Error) -> String {
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
  ///
  /// Reads 1 MiB at a time; `memchr` finds each line end, and a line is blank when it has only
  /// spaces, tabs and carriage returns (usually decided by its first byte).
  static func lines(of descriptor: Int32) -> [Line] {
    var result: [Line] = []
    let capacity = 1 << 20
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var fileOffset = 0
    var lineStart = 0
    var lineNumber = 1
    var blank = true
    while true {
      let count = Glibc.read(descriptor, buffer, capacity)
      if count <= 0 { break }
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
        guard end < count else { break }
        let lineEnd = fileOffset + end
        if !blank {
          result.append(Line(offset: lineStart, length: lineEnd - lineStart, number: lineNumber))
        }
        lineStart = lineEnd + 1
        lineNumber += 1
        blank = true
        index = end + 1
      }
      fileOffset += count
    }
    if !blank {
      result.append(Line(offset: lineStart, length: fileOffset - lineStart, number: lineNumber))
    }
    return result
  }
}
