import Dispatch
import Foundation
import MemoCore
import MemoExtraction

/// Extracts memos from many inputs at once, on all cores, in a stable order.
///
/// `score`, `cluster` and `report` read their inputs through here, so every command accepts
/// the same paths (files and folders) and reports bad inputs the same way.
public enum ExtractionBatch {
  /// Extracts every input found under `paths`.
  ///
  /// - Parameters:
  ///   - paths: Files and folders as given by the user; folders are walked recursively.
  ///   - options: Size limit and other extraction options.
  /// - Returns: One result per file found (or per path that failed), in the order of
  ///   `InputCollector.collect(_:)`, whatever the number of threads.
  public static func extract(
    _ paths: [String], options: ExtractionOptions = ExtractionOptions()
  ) -> [Result<Memo, ExtractionError>] {
    var results: [Result<Memo, ExtractionError>] = []
    forEach(paths, options: options) { results.append($0) }
    return results
  }

  /// Extracts every input found under `paths`, handing results to `body` in input order.
  ///
  /// Work runs in windows of a few files per core, so memory stays bounded on large folders
  /// while `body` still sees results in the same order on every run.
  public static func forEach(
    _ paths: [String], options: ExtractionOptions = ExtractionOptions(),
    _ body: (Result<Memo, ExtractionError>) -> Void
  ) {
    let inputs = InputCollector.collect(paths)
    let extractor = MemoExtractor(options: options)
    let window = max(1, ProcessInfo.processInfo.activeProcessorCount) * 8
    var start = 0
    while start < inputs.count {
      let end = min(start + window, inputs.count)
      let slice = Array(inputs[start..<end])
      let results = ParallelMap.map(slice) { input -> Result<Memo, ExtractionError> in
        switch input {
        case .failure(let error): return .failure(error)
        case .success(let path):
          return Result { () throws(ExtractionError) -> Memo in
            try extractor.extract(fileAt: path)
          }
        }
      }
      results.forEach(body)
      start = end
    }
  }
}

/// Maps over an array on all cores, keeping the input order.
package enum ParallelMap {
  /// Applies `transform` to every element concurrently; the result is in input order.
  package static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    guard inputs.count > 1 else { return inputs.map(transform) }
    let storage = ResultStorage<Output>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      storage.set(index, transform(inputs[index]))
    }
    return storage.values()
  }
}

/// Slots written once each from different threads, read after all writers finish.
private final class ResultStorage<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [Value] { slots.map { $0! } }
}

/// How `memoscope extract` prints memos: for people (`text`) or as JSON.
public enum ExtractionOutput {
  /// One memo as a single line of JSON (every key present, `null` when unknown).
  public static func jsonLine(_ memo: Memo) -> String {
    encode(memo, pretty: false)
  }

  /// Memos as pretty-printed JSON: an object for one memo, an array for several.
  public static func prettyJSON(_ memos: [Memo]) -> String {
    memos.count == 1 ? encode(memos[0], pretty: true) : encode(memos, pretty: true)
  }

  /// A header line naming the document, then the memo's paragraphs separated by blank lines.
  ///
  /// The header reads `=== source — title — author — date ===`, leaving out what is unknown,
  /// and says `(quoted in a story)` when the memo came from inside a news article.
  public static func text(_ memo: Memo) -> String {
    var header = [memo.source]
    if let title = memo.title { header.append(title) }
    if let author = memo.author { header.append(author) }
    if let date = memo.date { header.append(date) }
    var line = "=== " + header.joined(separator: " — ")
    if memo.quoted { line += " (quoted in a story)" }
    line += " ==="
    return line + "\n\n" + memo.paragraphs.joined(separator: "\n\n") + "\n"
  }

  private static func encode<Value: Encodable>(_ value: Value, pretty: Bool) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
    // Memo's encoding is infallible (strings, bools and arrays only).
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
