import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import MemoReporting

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The inputs of one run, collected once and read once: the one input stream of every command.
///
/// `Corpus(paths:)` walks the paths (`InputCollector`: each file and folder once by device and
/// inode, unreadable entries as failures, the walk carrying on) and indexes JSONL files of
/// extracted memos. `forEach` then reads every input once on all cores, in a bounded, ordered
/// engine: each file's bytes are hashed as they are read, Memoscope's own outputs are
/// recognised by their content and left out, a file whose bytes equal an earlier one's is
/// counted once, and a JSONL memo whose source file is also read in the run is counted once.
/// What was left out is in `exclusions`, each with its reason; what failed is in `failures`.
///
/// A corpus is used by one thread and read by one `forEach` (or `forEachUnit`) call.
public final class Corpus {
  /// How many units the run reads: documents, JSONL memo lines and failed paths.
  public var count: Int { units.count }
  /// Inputs left out on purpose, with their reasons: those of the walk first, then those met
  /// while reading, in input order.
  public private(set) var exclusions: [InputExclusion]
  /// The inputs that could not be read, in input order (filled by `forEach`).
  public private(set) var failures: [ExtractionError] = []
  /// The size and FNV-1a 64 hash of every file read (as stored, before decompressing), in
  /// input order (filled by `forEach`); empty when the corpus was made with `stamps: false`.
  public private(set) var stamps: [InputStamp] = []
  /// Whether `stamps` are recorded: FNV-1a costs a multiply per byte, so runs that print no
  /// stamp find duplicate files with `InputReader.Fingerprint.quick` instead.
  public let recordsStamps: Bool

  package let units: [MemoInput]
  private let options: ExtractionOptions
  /// Files read as documents, by identity, to recognise a JSONL memo of one of them.
  private let documentPaths: DocumentIndex

  /// Collects and indexes the inputs under `paths`; nothing is extracted yet.
  ///
  /// - Parameter stamps: Record each file's FNV-1a 64 in `stamps` (reports print them); with
  ///   false, duplicates are found by a faster hash and `stamps` stays empty.
  public init(
    paths: [String], options: ExtractionOptions = ExtractionOptions(),
    stamps recordsStamps: Bool = true
  ) {
    self.options = options
    self.recordsStamps = recordsStamps
    let collection = InputCollector.collect(paths)
    var units: [MemoInput] = []
    var exclusions = collection.exclusions
    var documents: [FileIdentity: String] = [:]
    documents.reserveCapacity(collection.inputs.count)
    units.reserveCapacity(collection.inputs.count)
    var jsonlContents: [ContentKey: String] = [:]
    var stamps: [InputStamp] = []
    for input in collection.inputs {
      switch input {
      case .failure(let error):
        units.append(.failure(error))
      case .standardInput:
        units.append(.document(input))
      case .file(let file):
        guard JSONLMemoFile.isJSONL(file.path) else {
          documents[FileIdentity(device: file.device, inode: file.inode)] = file.path
          units.append(.document(input))
          continue
        }
        switch JSONLMemoFile.open(file, fingerprint: recordsStamps ? .fnv1a64 : .quick) {
        case .failure(let error): units.append(.failure(error))
        case .success(let jsonl):
          if let kind = MemoscopeOutput.kind(ofJSONLine: jsonl.head) {
            exclusions.append(InputExclusion(path: file.path, reason: .memoscopeOutput(kind: kind)))
            continue
          }
          // Keyed by hash and size, confirmed byte for byte, as documents are.
          let key = ContentKey(hash: jsonl.hash, size: jsonl.size)
          if let first = jsonlContents[key] {
            if Self.sameBytes(first, file.path) {
              exclusions.append(
                InputExclusion(path: file.path, reason: .duplicateContent(of: first)))
              continue
            }
          } else {
            jsonlContents[key] = file.path
          }
          stamps.append(
            InputStamp(path: file.path, bytes: jsonl.size, hash: InputStamp.hex(jsonl.hash)))
          units.append(contentsOf: jsonl.lines.map { .line(jsonl, $0) })
        }
      }
    }
    self.units = units
    self.exclusions = exclusions
    self.documentPaths = DocumentIndex(paths: documents, names: Set(documents.values))
    self.stamps = recordsStamps ? stamps : []
  }

  /// Reads every memo and hands `transform(memo)` (computed on worker threads) or the input's
  /// error to `body` on the calling thread, in input order.
  ///
  /// Workers stay at most `lookahead` units ahead of `body`, so memory stays bounded.
  ///
  /// - Parameters:
  ///   - transform: Runs on a worker thread for each memo (e.g. scoring).
  ///   - progress: Called after each unit with (units done, units in all).
  ///   - body: Receives each kept memo's value or each failed input's error.
  public func forEach<Value: Sendable>(
    _ transform: @escaping @Sendable (Memo) -> Value,
    progress: ((Int, Int) -> Void)? = nil,
    _ body: (Result<Value, ExtractionError>) -> Void
  ) {
    forEachUnit(lazyLines: false, transform, progress: progress) { unit in
      switch unit {
      case .value(let value): body(.success(value))
      case .failure(let error): body(.failure(error))
      case .line: break  // Not produced when lines are not lazy.
      }
    }
  }

  /// Reads every memo; see `forEach(_:progress:_:)`.
  public func memos() -> [Result<Memo, ExtractionError>] {
    var results: [Result<Memo, ExtractionError>] = []
    forEach({ $0 }) { results.append($0) }
    return results
  }

  /// What `forEachUnit` hands on: a value, a JSONL line left unread, or an input's error.
  package enum Unit<Value: Sendable> {
    case value(Value)
    case line(JSONLMemoFile, JSONLMemoFile.Line)
    case failure(ExtractionError)
  }

  /// The engine behind `forEach`; with `lazyLines`, JSONL lines are handed on unread when no
  /// document of the run could be their source (as `cluster` reads them on demand).
  package func forEachUnit<Value: Sendable>(
    lazyLines: Bool, _ transform: @escaping @Sendable (Memo) -> Value,
    progress: ((Int, Int) -> Void)? = nil, _ body: (Unit<Value>) -> Void
  ) {
    let extractor = MemoExtractor(options: options)
    let documents = documentPaths
    let limit = options.maxFileSize
    let lookahead = max(1, ProcessInfo.processInfo.activeProcessorCount) * Self.lookaheadPerCore
    let fingerprint: InputReader.Fingerprint = recordsStamps ? .fnv1a64 : .quick
    let recordsStamps = recordsStamps
    // Keyed by hash and size; a match is confirmed byte for byte before a file is dropped.
    var contentSeen: [ContentKey: String] = [:]
    var done = 0
    if lazyLines && documents.isEmpty && !units.contains(where: \.isDocument) {
      // Nothing to read: every line is handed on as it is, without worker threads.
      for unit in units {
        done += 1
        switch unit {
        case .line(let file, let line): body(.line(file, line))
        case .failure(let error):
          failures.append(error)
          body(.failure(error))
        case .document: break
        }
        progress?(done, units.count)
      }
      return
    }
    // Units go to the workers in small batches when there are many: each handover wakes the
    // reader, and one per small file (10,000 .txt memos) cost a tenth of the run in futex
    // calls and context switches.
    let units = units
    let batch = Self.batchSize(units: units.count, workers: ParallelMap.workerCount)
    let batches = stride(from: 0, to: units.count, by: batch).map {
      $0..<min($0 + batch, units.count)
    }
    ParallelMap.forEachInOrder(
      batches, lookahead: max(1, lookahead / batch),
      { range in
        range.map { index in
          Self.read(
            units[index], extractor: extractor, limit: limit, fingerprint: fingerprint,
            documents: documents, lazyLines: lazyLines, transform)
        }
      }
    ) { reads in
      for read in reads {
        done += 1
        defer { progress?(done, units.count) }
        if let stamp = read.stamp {
          let key = ContentKey(hash: stamp.hash, size: stamp.size)
          if let first = contentSeen[key] {
            if Self.sameBytes(first, stamp.path) {
              exclusions.append(
                InputExclusion(path: stamp.path, reason: .duplicateContent(of: first)))
              continue
            }
          } else {
            contentSeen[key] = stamp.path
          }
          if recordsStamps {
            stamps.append(
              InputStamp(path: stamp.path, bytes: stamp.size, hash: InputStamp.hex(stamp.hash)))
          }
        }
        switch read.outcome {
        case .value(let value): body(.value(value))
        case .line(let file, let line): body(.line(file, line))
        case .failure(let error):
          failures.append(error)
          body(.failure(error))
        case .excluded(let exclusion): exclusions.append(exclusion)
        }
      }
    }
  }

  /// Units each core's worker may run ahead of the thread that consumes results in order.
  /// Calibration: at 16 (two batches of 16 for two workers) a worker that finished its batch
  /// first sat waiting for the other's to be consumed; 64 gives every worker a few batches of
  /// slack and holds at most 64 memos per core.
  static let lookaheadPerCore = 64

  /// Units per batch handed to a worker: 1 for a few inputs (each worker gets work at once),
  /// up to 16 when there are at least 64 batches per worker.
  static func batchSize(units: Int, workers: Int) -> Int {
    min(16, max(1, units / (max(1, workers) * 64)))
  }

  /// A file's content as the duplicate check knows it before comparing bytes.
  private struct ContentKey: Hashable {
    var hash: UInt64
    var size: Int
  }

  /// Whether two files whose hash and size agree hold the same bytes. Read again only on such a
  /// match (rare outside real duplicates), so a hash collision never drops a memo. Standard input
  /// cannot be read twice: there the 64-bit hash and size decide.
  static func sameBytes(_ first: String, _ second: String) -> Bool {
    guard first != "-", second != "-",
      let one = FileManager.default.contents(atPath: first),
      let other = FileManager.default.contents(atPath: second)
    else { return true }
    return one == other
  }

  /// What a worker made of one unit.
  private struct Read<Value: Sendable>: Sendable {
    enum Outcome: Sendable {
      case value(Value)
      case line(JSONLMemoFile, JSONLMemoFile.Line)
      case failure(ExtractionError)
      case excluded(InputExclusion)
    }
    var outcome: Outcome
    /// The path, size and hash of the bytes read, for documents.
    var stamp: (path: String, size: Int, hash: UInt64)?
  }

  /// Reads one unit on a worker thread.
  private static func read<Value: Sendable>(
    _ unit: MemoInput, extractor: MemoExtractor, limit: Int,
    fingerprint: InputReader.Fingerprint, documents: DocumentIndex, lazyLines: Bool,
    _ transform: (Memo) -> Value
  ) -> Read<Value> {
    switch unit {
    case .failure(let error):
      return Read(outcome: .failure(error))
    case .line(let file, let line):
      if lazyLines && documents.isEmpty { return Read(outcome: .line(file, line)) }
      switch file.memo(at: line) {
      case .failure(let error): return Read(outcome: .failure(error))
      case .success(let memo):
        if !documents.isEmpty,
          let source = sourceDocument(memo.source, jsonl: file.path, documents: documents)
        {
          let location = "\(file.path):\(line.number)"
          return Read(
            outcome: .excluded(
              InputExclusion(path: location, reason: .sourceAlsoRead(path: source))))
        }
        return Read(outcome: .value(transform(memo)))
      }
    case .document(let input):
      let contents: InputReader.Contents
      do {
        contents = try InputReader.read(input, limit: limit, fingerprint: fingerprint)
      } catch {
        return Read(outcome: .failure(error))
      }
      let path = input.path
      let stamp = (path: path, size: contents.fileSize, hash: contents.hash)
      if let kind = MemoscopeOutput.kind(of: contents.bytes) {
        return Read(
          outcome: .excluded(InputExclusion(path: path, reason: .memoscopeOutput(kind: kind))),
          stamp: stamp)
      }
      do {
        let memo = try extractor.extract(bytes: contents.bytes, source: path)
        return Read(outcome: .value(transform(memo)), stamp: stamp)
      } catch {
        return Read(outcome: .failure(error), stamp: stamp)
      }
    }
  }

  /// The document of the run a JSONL memo was extracted from, found by its `source` (relative
  /// to the current folder, else to the JSONL file's folder).
  private static func sourceDocument(
    _ source: String, jsonl: String, documents: DocumentIndex
  ) -> String? {
    if documents.names.contains(source) { return source }
    var candidates = [source]
    if !source.hasPrefix("/") {
      candidates.append((jsonl as NSString).deletingLastPathComponent + "/" + source)
    }
    for candidate in candidates {
      var info = stat()
      guard stat(candidate, &info) == 0 else { continue }
      if let path = documents.paths[
        FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))]
      {
        return path
      }
    }
    return nil
  }
}

/// The documents of a run, by identity and by path, to recognise a JSONL memo of one of them.
struct DocumentIndex: Sendable {
  var paths: [FileIdentity: String]
  var names: Set<String>
  var isEmpty: Bool { paths.isEmpty }
}

/// A file's device and inode.
struct FileIdentity: Hashable, Sendable {
  var device: UInt64
  var inode: UInt64
}

/// Recognises Memoscope's own outputs by their content, so that a report, a score file or an
/// extract output left in an input folder is not read back as a memo.
public enum MemoscopeOutput {
  /// The kind of Memoscope output `bytes` are (e.g. "report", "score JSON"), or nil.
  ///
  /// Decided by the first non-blank byte before any string work, so that an ordinary memo
  /// costs a few byte comparisons.
  public static func kind(of bytes: [UInt8]) -> String? {
    let head = bytes.prefix(4096)
    guard
      let first = head.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
    else { return nil }
    switch head[first] {
    case UInt8(ascii: "#"), UInt8(ascii: "<"):
      // A report: its marker, or its title and reproducibility section (anywhere: a report may
      // be long).
      if contains(head, "<!-- memoscope report") { return "report" }
      if head.starts(with: Array("# ".utf8)) && contains(bytes[...], "\n## Reproducibility\n")
        && contains(bytes[...], "\n- Memoscope version: `")
      {
        return "report"
      }
      return nil
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let text = Substring(String(decoding: head[first...], as: UTF8.self))
      if let kind = kind(ofJSONLine: Array(head[first...])) { return kind }
      return isExtractJSON(text) ? "extract JSON" : nil
    case UInt8(ascii: "="), UInt8(ascii: "s"), UInt8(ascii: "i"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      let end = head[first...].firstIndex(of: 0x0A) ?? head.endIndex
      let firstLine = String(decoding: head[first..<end], as: UTF8.self)
      if firstLine.hasPrefix("=== ") && firstLine.hasSuffix(" ===") { return "extract text" }
      if firstLine.hasPrefix("source,title,company,date,tokens,sentences,index") {
        return "score CSV"
      }
      let words = firstLine.split(separator: " ", omittingEmptySubsequences: true)
      if words.starts(with: ["index", "tokens", "framing", "cuts", "signal"]) {
        return "score table"
      }
      if firstLine.range(
        of: #"^\d+ clusters? among \d+ memos? \(threshold "#, options: .regularExpression) != nil
      {
        return "cluster table"
      }
      return nil
    default:
      return nil
    }
  }

  /// The kind of Memoscope output a JSON line or document starting with `head` is, when it is
  /// not a memo: "score JSONL" or "cluster JSON"; nil for extracted memos and anything else.
  public static func kind(ofJSONLine head: [UInt8]) -> String? {
    let text = String(decoding: head.prefix(4096), as: UTF8.self)
    if text.contains("\"clusters\"") && text.contains("\"members\"")
      || text.hasPrefix("{\n  \"clusters\" : [")
    {
      return "cluster JSON"
    }
    let scoreKeys = ["\"lexicon\"", "\"score\"", "\"tokens\"", "\"source\""]
    if scoreKeys.allSatisfy({ text.contains($0) })
      && (text.contains("\"categories\"") || text.contains("\"hits\""))
    {
      return text.hasPrefix("[") ? "score JSON" : "score JSONL"
    }
    return nil
  }

  /// True for `memoscope extract --format json` output: memo objects with their schema keys.
  static func isExtractJSON(_ text: Substring) -> Bool {
    ["\"source\"", "\"paragraphs\"", "\"encoding\"", "\"quoted\"", "\"format\""].allSatisfy {
      text.contains($0)
    }
  }

  private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
    ByteSearch.contains(bytes, Array(needle.utf8))
  }
}
