import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

extension Pipeline {
  /// Reads memos from `paths` and clusters them.
  ///
  /// Paths may be files or folders (searched recursively, in sorted order). A `.jsonl` file is
  /// read as written by `memoscope extract --format jsonl`, one `Memo` per line, and is not
  /// kept in memory: lines are read again only for memos that end up in a cluster. Every other
  /// file goes through extraction. A bad file or line is reported in `problems` and skipped.
  ///
  /// - Parameters:
  ///   - paths: Files and folders, as given on the command line.
  ///   - options: Clustering settings.
  /// - Returns: The clusters and one message per input that could not be read.
  /// - Throws: `ClusteringError` when the options are out of range.
  public static func cluster(paths: [String], options: ClusteringOptions) throws(ClusteringError)
    -> ClusterRun
  {
    let corpus = MemoCorpus(paths: paths)
    let result = try Clusterer(options: options).cluster(count: corpus.count) {
      corpus.memo(at: $0)
    }
    return ClusterRun(result: result, problems: corpus.problems)
  }
}

/// The outcome of `Pipeline.cluster(paths:options:)`.
public struct ClusterRun: Sendable {
  /// The clusters.
  public var result: ClusterResult
  /// One line per unreadable input (file or JSONL line), location first, sorted.
  public var problems: [String]
}

/// A memo input that could not be read.
public enum MemoInputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A JSONL line is not a memo.
  case badLine(path: String, line: Int, reason: String)
  /// A file or folder could not be read.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .badLine(let path, let line, let reason):
      "\(path):\(line): not a memo: \(reason). Each line must be one memo as written by 'memoscope extract --format jsonl'."
    case .unreadable(let path, let reason):
      "\(path): cannot read: \(reason)."
    }
  }
}

/// Memo inputs indexed for on-demand loading: in-memory memos, or lines of JSONL files.
final class MemoCorpus: Sendable {
  enum Entry: Sendable {
    case memo(Memo)
    case line(file: Int, offset: Int, length: Int, number: Int)
  }

  let files: [String]
  let descriptors: [Int32]
  let entries: [Entry]
  private let failures = Mutex<[Int: String]>([:])
  private let openProblems: [String]

  init(paths: [String]) {
    var files: [String] = []
    var descriptors: [Int32] = []
    var entries: [Entry] = []
    var problems: [String] = []
    var others: [String] = []
    for input in InputCollector.collect(paths) {
      let path: String
      switch input {
      case .failure(let error):
        problems.append(error.description)
        continue
      case .success(let found):
        path = found
      }
      guard path.lowercased().hasSuffix(".jsonl") else {
        others.append(path)
        continue
      }
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        problems.append(
          MemoInputError.unreadable(path: path, reason: String(cString: strerror(errno)))
            .description)
        continue
      }
      let file = files.count
      files.append(path)
      descriptors.append(descriptor)
      for (offset, length, number) in MemoCorpus.lines(of: descriptor) {
        entries.append(.line(file: file, offset: offset, length: length, number: number))
      }
    }
    for result in ExtractionBatch.extract(others) {
      switch result {
      case .success(let memo): entries.append(.memo(memo))
      case .failure(let error): problems.append(error.description)
      }
    }
    self.files = files
    self.descriptors = descriptors
    self.entries = entries
    self.openProblems = problems
  }

  deinit {
    for descriptor in descriptors { close(descriptor) }
  }

  var count: Int { entries.count }

  /// Every problem found so far, sorted by location.
  var problems: [String] {
    (openProblems + failures.withLock { Array($0.values) }).sorted {
      $0.localizedStandardCompare($1) == .orderedAscending
    }
  }

  /// The memo at `index`, or nil (and a recorded problem) when its line is not a memo.
  func memo(at index: Int) -> Memo? {
    switch entries[index] {
    case .memo(let memo):
      return memo
    case .line(let file, let offset, let length, let number):
      var bytes = [UInt8](repeating: 0, count: length)
      let read = bytes.withUnsafeMutableBytes {
        pread(descriptors[file], $0.baseAddress, length, off_t(offset))
      }
      guard read == length else {
        record(index, .badLine(path: files[file], line: number, reason: "cannot read the line"))
        return nil
      }
      if let memo = MemoLineDecoder.decode(bytes) { return memo }
      do {
        return try JSONDecoder().decode(Memo.self, from: Data(bytes))
      } catch {
        record(index, .badLine(path: files[file], line: number, reason: Self.reason(error)))
        return nil
      }
    }
  }

  private func record(_ index: Int, _ error: MemoInputError) {
    failures.withLock { $0[index] = error.description }
  }

  /// A short reason for a decoding failure.
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
  static func lines(of descriptor: Int32) -> [(offset: Int, length: Int, number: Int)] {
    var result: [(Int, Int, Int)] = []
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
        if !blank { result.append((lineStart, lineEnd - lineStart, lineNumber)) }
        lineStart = lineEnd + 1
        lineNumber += 1
        blank = true
        index = end + 1
      }
      fileOffset += count
    }
    if !blank { result.append((lineStart, fileOffset - lineStart, lineNumber)) }
    return result
  }
}
