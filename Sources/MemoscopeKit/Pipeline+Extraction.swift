import Foundation
import MemoCore
import MemoExtraction

/// Extracts memos from many inputs at once, on all cores, in a stable order.
///
/// `extract`, `score`, `cluster`, `compare` and `report` read their inputs through `Corpus`,
/// so every command accepts the same paths (files, folders, `-` for standard input, and JSONL
/// files of memos written by `memoscope extract --format jsonl`) and reports bad and skipped
/// inputs the same way.
public enum ExtractionBatch {
  /// Extracts every input found under `paths` (exclusions are dropped: use `Corpus` to see
  /// them).
  ///
  /// - Returns: One result per memo read or input that failed, in input order.
  public static func extract(
    _ paths: [String], options: ExtractionOptions = ExtractionOptions()
  ) -> [Result<Memo, ExtractionError>] {
    Corpus(paths: paths, options: options, stamps: false).memos()
  }
}

/// Maps over an array on all cores, keeping the input order.
///
/// Uses its own threads rather than `DispatchQueue.concurrentPerform`, whose width on Linux
/// counts the calling thread: called from the async `main` of a command-line tool, it ran
/// everything on one core.
package enum ParallelMap {
  /// Applies `transform` to every element on one thread per core; the result is in input order.
  package static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @escaping @Sendable (Input) -> Output
  ) -> [Output] {
    var results: [Output] = []
    results.reserveCapacity(inputs.count)
    forEachInOrder(inputs, lookahead: max(1, inputs.count), transform) { results.append($0) }
    return results
  }
}

extension ParallelMap {
  /// The worker threads `forEachInOrder` starts at most: one per core.
  package static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Applies `transform` on one thread per core and hands each result to `body` on the calling
  /// thread, in input order, as soon as it and all earlier ones are done.
  ///
  /// Workers never run more than `lookahead` inputs ahead of `body`, which bounds memory.
  package static func forEachInOrder<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], lookahead: Int, _ transform: @escaping @Sendable (Input) -> Output,
    _ body: (Output) -> Void
  ) {
    let workers = min(inputs.count, workerCount)
    guard workers > 1 else {
      for input in inputs { body(transform(input)) }
      return
    }
    let queue = OrderedQueue<Output>(count: inputs.count, lookahead: max(1, lookahead))
    for _ in 0..<workers {
      let thread = Thread {
        while let index = queue.claim() { queue.set(index, transform(inputs[index])) }
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    for index in 0..<inputs.count { body(queue.take(index)) }
  }
}

/// Results produced by worker threads and consumed in index order by one reader.
private final class OrderedQueue<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private var nextIndex = 0
  private var consumed = 0
  private let lookahead: Int
  private let condition = NSCondition()

  init(count: Int, lookahead: Int) {
    slots = Array(repeating: nil, count: count)
    self.lookahead = lookahead
  }

  /// The next index no worker has taken yet (waiting while workers are too far ahead of the
  /// reader), or nil when all are taken.
  func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while nextIndex < slots.count && nextIndex >= consumed + lookahead { condition.wait() }
    guard nextIndex < slots.count else { return nil }
    nextIndex += 1
    return nextIndex - 1
  }

  func set(_ index: Int, _ value: Value) {
    condition.lock()
    slots[index] = value
    condition.broadcast()
    condition.unlock()
  }

  /// Waits for the value at `index` and removes it; indices must be taken in order.
  func take(_ index: Int) -> Value {
    condition.lock()
    defer { condition.unlock() }
    while slots[index] == nil { condition.wait() }
    let value = slots[index]!
    slots[index] = nil
    consumed = index + 1
    condition.broadcast()
    return value
  }
}

/// How `memoscope extract` prints memos: for people (`text`) or as JSON.
///
/// JSON keys always come in the order of the schema (`source`, `title`, `author`, `date`,
/// `company`, `paragraphs`, `encoding`, `quoted`, `commentary`, `format`), with `null` for
/// unknown metadata, so the same input gives the same bytes on every run.
public enum ExtractionOutput {
  /// One memo as a single line of JSON.
  public static func jsonLine(_ memo: Memo) -> String {
    JSONWriter.text(jsonValue(memo), style: line)
  }

  /// Memos as pretty-printed JSON: an object for one memo, an array for several.
  public static func prettyJSON(_ memos: [Memo]) -> String {
    let value = memos.count == 1 ? jsonValue(memos[0]) : .array(memos.map(jsonValue))
    return JSONWriter.text(value, style: pretty)
  }

  /// `prettyJSON` written as memos come, holding at most one memo: an object when the input
  /// had one memo, an array otherwise, byte for byte what `prettyJSON` gives for them all.
  public struct PrettyJSONStream: Sendable {
    private var first: Memo?
    private var count = 0

    /// Creates an empty stream.
    public init() {}

    /// The text to write for the next memo (empty for the first, which waits for a second).
    public mutating func add(_ memo: Memo) -> String {
      count += 1
      switch count {
      case 1:
        first = memo
        return ""
      case 2:
        let opening = "[\n  " + ExtractionOutput.element(first!)
        first = nil
        return opening + ",\n  " + ExtractionOutput.element(memo)
      default:
        return ",\n  " + ExtractionOutput.element(memo)
      }
    }

    /// The text that closes the output.
    public func finish() -> String {
      switch count {
      case 0: "[]"
      case 1: ExtractionOutput.prettyJSON([first!])
      default: "\n]"
      }
    }
  }

  /// One memo as an element of the pretty array (indented one level).
  static func element(_ memo: Memo) -> String {
    var writer = JSONWriter()
    writer.value(jsonValue(memo), style: pretty, level: 1)
    return writer.text
  }

  /// The schema's key order, on one line.
  static let line = JSONStyle(indent: nil, colon: ":", sortedKeys: false)
  /// The schema's key order, two-space indent.
  static let pretty = JSONStyle(indent: "  ", colon: ": ", sortedKeys: false)

  /// A memo's JSON in the schema's key order (`Memo.encode(to:)`).
  static func jsonValue(_ memo: Memo) -> JSONValue {
    // A memo holds strings, booleans and arrays only: encoding cannot fail.
    (try? JSONValue(encoding: memo)) ?? .object([])
  }

  /// A header line naming the document, then the memo's paragraphs separated by blank lines.
  ///
  /// The header reads `=== source — title — author — date ===`, leaving out what is unknown,
  /// and says `(quoted in a story)` when the memo came from inside a news article.
  public static func text(_ memo: Memo) -> String {
    // The header names the file: cleaned so that a name cannot drive the terminal.
    var header = [TerminalText.clean(memo.source)]
    if let title = memo.title { header.append(TerminalText.clean(title)) }
    if let author = memo.author { header.append(TerminalText.clean(author)) }
    if let date = memo.date { header.append(TerminalText.clean(date)) }
    var line = "=== " + header.joined(separator: " — ")
    if memo.quoted { line += " (quoted in a story)" }
    line += " ==="
    return line + "\n\n" + memo.paragraphs.joined(separator: "\n\n") + "\n"
  }
}
