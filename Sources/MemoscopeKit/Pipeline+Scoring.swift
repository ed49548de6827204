import CSV
import Foundation
import MemoCore
import MemoExtraction
import MemoLexicon
import MemoScoring

/// Extracts and scores many inputs at once, on all cores, in a stable order.
public enum ScoringBatch {
  /// Extracts and scores every memo of `corpus`, handing results to `body` in input order
  /// (see `Corpus.forEach`), whatever the number of threads.
  ///
  /// - Parameters:
  ///   - corpus: The inputs, collected once.
  ///   - scorer: The scorer (lexicon and tokenizer).
  ///   - progress: Called after each input with (inputs done, inputs in all).
  ///   - body: Receives each memo's score card or an input's extraction error.
  public static func forEach(
    _ corpus: Corpus, scorer: Scorer, progress: ((Int, Int) -> Void)? = nil,
    _ body: (Result<ScoreCard, ExtractionError>) -> Void
  ) {
    corpus.forEach({ scorer.score($0) }, progress: progress, body)
  }

  /// Extracts and scores every input found under `paths`; see `forEach`.
  public static func score(
    _ paths: [String], scorer: Scorer, options: ExtractionOptions = ExtractionOptions()
  ) -> [Result<ScoreCard, ExtractionError>] {
    var results: [Result<ScoreCard, ExtractionError>] = []
    forEach(Corpus(paths: paths, options: options), scorer: scorer) { results.append($0) }
    return results
  }
}

/// How `memoscope score` prints score cards.
public enum ScoreOutput {
  /// One score card as a single line of JSON (keys sorted, so output is byte-stable).
  public static func jsonLine(_ card: ScoreCard) -> String {
    encode(card, style: .line)
  }

  /// Score cards as a pretty-printed JSON array.
  public static func prettyJSON(_ cards: [ScoreCard]) -> String {
    encode(cards, style: .pretty)
  }

  /// Score cards sorted for reading: highest index first (ties: source, byte order).
  public static func sortedForReading(_ cards: [ScoreCard]) -> [ScoreCard] {
    cards.sorted { left, right in
      if left.score != right.score { return left.score > right.score }
      return Array(left.source.utf8).lexicographicallyPrecedes(Array(right.source.utf8))
    }
  }

  /// A table for people: index, tokens, hits per role and source, highest index first.
  public static func table(_ cards: [ScoreCard]) -> String {
    let header = ["index", "tokens", "framing", "cuts", "signal", "distancing", "other", "source"]
    var rows = [header]
    for card in sortedForReading(cards) {
      func count(_ role: CategoryRole) -> String {
        String(card.categories.filter { $0.role == role.rawValue }.reduce(0) { $0 + $1.count })
      }
      rows.append([
        NumberText.fixed(card.score), String(card.tokens), count(.aiFraming),
        count(.restructuring), count(.signal), count(.distancing), count(.alternative),
        TerminalText.clean(card.source),
      ])
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines: [String] = []
    for row in rows {
      var cells: [String] = []
      for (column, cell) in row.enumerated() {
        if column == row.count - 1 {
          cells.append(cell)
        } else {
          cells.append(String(repeating: " ", count: widths[column] - cell.count) + cell)
        }
      }
      lines.append(cells.joined(separator: "  "))
    }
    if let lexicon = cards.first?.lexicon {
      lines.append("")
      lines.append(
        TerminalText.clean(
          "\(cards.count) memo\(cards.count == 1 ? "" : "s") scored with \(lexicon.name) "
            + "\(lexicon.version) (hash \(lexicon.hash)); index 0-100, see README \"Scoring\"."))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// CSV (RFC 4180) with a header and one row per memo in input order: metadata, tokens,
  /// index, AI reason (`explicit`, `implied`, `framing`, `absent`, `denied`), whether the memo
  /// announces cuts (`true`/`false`), the index's parts, then one hit-count column per category
  /// (lexicon order).
  public static func csv(_ cards: [ScoreCard], lexicon: Lexicon) -> String {
    let stream = OutputStream(toMemory: ())
    // CSVWriter throws only on stream errors, which an in-memory stream does not have.
    guard let writer = try? CSVWriter(stream: stream) else { return "" }
    var header = [
      "source", "title", "company", "date", "tokens", "sentences", "index", "ai_reason",
      "announces_cuts", "framing_points",
      "attribution_points", "vagueness_points", "signal_multiplier", "distancing_hits",
      "lexicon", "lexicon_version", "lexicon_hash",
    ]
    header.append(contentsOf: lexicon.categories.map(\.id))
    try? writer.write(row: header)
    for card in cards {
      var row = [
        card.source, card.title ?? "", card.company ?? "", card.date ?? "", String(card.tokens),
        String(card.sentences), NumberText.fixed(card.score), card.aiReason.rawValue,
        card.announcesCuts ? "true" : "false", number(card.index.framing.points),
        number(card.index.attribution.points),
        number(card.index.vagueness.points), number(card.index.signalMultiplier),
        String(card.distancing.reduce(0) { $0 + $1.count }), card.lexicon.name,
        card.lexicon.version, card.lexicon.hash,
      ]
      let counts = Dictionary(
        card.categories.map { ($0.id, $0.count) }, uniquingKeysWith: { first, _ in first })
      row.append(contentsOf: lexicon.categories.map { String(counts[$0.id] ?? 0) })
      try? writer.write(row: row)
    }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  /// A number with at most three decimals and no trailing zeros.
  private static func number(_ value: Double) -> String {
    NumberText.trimmed(value, decimals: 3)
  }

  private static func encode<Value: Encodable>(_ value: Value, style: JSONStyle) -> String {
    // Score cards hold only strings, finite numbers, bools and arrays: encoding cannot fail.
    (try? JSONWriter.encode(value, style: style)) ?? "{}"
  }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
public struct ProgressLine {
  private let total: Int
  private let enabled: Bool
  private var lastDrawn = -1

  /// Creates a progress line for `total` items; it stays silent when stderr is not a terminal
  /// or the batch is short (`total` ≤ `minimum`).
  public init(total: Int, minimum: Int = 50) {
    self.total = total
    enabled = total > minimum && isatty(STDERR_FILENO) == 1
  }

  /// Redraws the bar for `done` items.
  public mutating func update(_ done: Int) {
    guard enabled, total > 0 else { return }
    let percent = done * 100 / total
    guard percent != lastDrawn else { return }
    lastDrawn = percent
    let width = 30
    let filled = done * width / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
  }

  /// Clears the bar.
  public func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
