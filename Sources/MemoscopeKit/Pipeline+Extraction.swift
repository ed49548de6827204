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
  /// Applies `transform` on one thread per core and hands each result to `body` on the calling
  /// thread, in input order, as soon as it and all earlier ones are done.
  ///
  /// Workers never run more than `lookahead` inputs ahead of `body`, which bounds memory.
  package static func forEachInOrder<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], lookahead: Int, _ transform: @escaping @Sendable (Input) -> Output,
    _ body: (Output) -> Void
  ) {
    let workers = min(inputs.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
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
    var output = ""
    write(memo, indent: nil, level: 0, to: &output)
    return output
  }

  /// Memos as pretty-printed JSON: an object for one memo, an array for several.
  public static func prettyJSON(_ memos: [Memo]) -> String {
    var output = ""
    if memos.count == 1 {
      write(memos[0], indent: "  ", level: 0, to: &output)
      return output
    }
    if memos.isEmpty { return "[]" }
    output += "[\n"
    for (index, memo) in memos.enumerated() {
      output += "  "
      write(memo, indent: "  ", level: 1, to: &output)
      output += index + 1 < memos.count ? ",\n" : "\n"
    }
    output += "]"
    return output
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

  private static func write(_ memo: Memo, indent: String?, level: Int, to output: inout String) {
    let fields: [(String, JSONValue)] = [
      ("source", .string(memo.source)), ("title", .optional(memo.title)),
      ("author", .optional(memo.author)), ("date", .optional(memo.date)),
      ("company", .optional(memo.company)), ("paragraphs", .strings(memo.paragraphs)),
      ("encoding", .string(memo.encoding)), ("quoted", .bool(memo.quoted)),
      ("commentary", .strings(memo.commentary)), ("format", .string(memo.format.rawValue)),
      ("titleSource", .optional(memo.titleSource)), ("authorSource", .optional(memo.authorSource)),
      ("dateSource", .optional(memo.dateSource)),
      ("companySource", .optional(memo.companySource)),
    ]
    let pad = indent.map { String(repeating: $0, count: level + 1) } ?? ""
    let closePad = indent.map { String(repeating: $0, count: level) } ?? ""
    let newline = indent == nil ? "" : "\n"
    let colon = indent == nil ? ":" : ": "
    output += "{" + newline
    for (index, (key, value)) in fields.enumerated() {
      output += pad
      appendString(key, to: &output)
      output += colon
      switch value {
      case .string(let text): appendString(text, to: &output)
      case .optional(let text):
        if let text { appendString(text, to: &output) } else { output += "null" }
      case .bool(let flag): output += flag ? "true" : "false"
      case .strings(let texts):
        if texts.isEmpty {
          output += "[]"
        } else {
          output += "[" + newline
          for (position, text) in texts.enumerated() {
            output += pad + (indent ?? "")
            appendString(text, to: &output)
            if position + 1 < texts.count { output += "," }
            output += newline
          }
          output += pad + "]"
        }
      }
      if index + 1 < fields.count { output += "," }
      output += newline
    }
    output += closePad + "}"
  }

  private enum JSONValue {
    case string(String)
    case optional(String?)
    case bool(Bool)
    case strings([String])
  }

  /// Appends `text` as a JSON string literal (UTF-8 kept, control characters escaped).
  ///
  /// Works on UTF-8 bytes: the bytes that need an escape (`"`, `\\` and controls) are ASCII and
  /// never part of a longer character, so the runs between them are copied whole. The same
  /// output as escaping scalar by scalar (`ExtractCommandTests` compares JSON round trips).
  private static func appendString(_ text: String, to output: inout String) {
    // Most strings need no escape at all: copy them whole.
    var copy = text
    let plain = copy.withUTF8 { bytes in
      !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }
    if plain {
      output += "\""
      output += text
      output += "\""
      return
    }
    output += "\""
    let utf8 = text.utf8
    var runStart = utf8.startIndex
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
        utf8.formIndex(after: &index)
        continue
      }
      // Decoded from bytes: a `String` slice would round a run starting after a `"` or CR
      // that opens a longer character ("\r\n", a quote with a combining mark) back to it.
      output += String(decoding: utf8[runStart..<index], as: UTF8.self)
      switch byte {
      case 0x22: output += "\\\""
      case 0x5C: output += "\\\\"
      case 0x0A: output += "\\n"
      case 0x0D: output += "\\r"
      case 0x09: output += "\\t"
      default:
        let hex = String(byte, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
      utf8.formIndex(after: &index)
      runStart = index
    }
    output += String(decoding: utf8[runStart..<utf8.endIndex], as: UTF8.self)
    output += "\""
  }

}
