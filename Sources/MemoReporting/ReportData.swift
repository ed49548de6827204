import Foundation
import MemoCore
import MemoScoring

/// The report's numbers as tidy CSV tables (one row per observation, one column per variable)
/// that a spreadsheet or chart tool takes as is: `memos.csv`, `hits.csv`, `categories.csv`.
///
/// RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break, CRLF
/// line ends, UTF-8. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or carriage return) gets a leading `'`. Paragraph numbers are 1-based.
public enum ReportData {
  /// One column of one file, for the data dictionary.
  public struct Column: Sendable, Equatable {
    /// The file, the column name and what it holds.
    public var file: String, name: String, meaning: String
  }

  /// The data dictionary: every column of every file, in file order.
  public static let dictionary: [Column] = [
    Column(file: "memos.csv", name: "source", meaning: "input path, as in the report"),
    Column(file: "memos.csv", name: "company", meaning: "company, empty when unknown"),
    Column(file: "memos.csv", name: "date", meaning: "memo date YYYY-MM-DD, empty when unknown"),
    Column(
      file: "memos.csv", name: "quarter", meaning: "calendar quarter of the date, e.g. 2025-Q1"),
    Column(
      file: "memos.csv", name: "format", meaning: "input kind: html, text, markdown, email, jsonl"),
    Column(
      file: "memos.csv", name: "quoted",
      meaning: "true when the memo was quoted inside a news story"),
    Column(file: "memos.csv", name: "words", meaning: "words (tokens) scored"),
    Column(file: "memos.csv", name: "index", meaning: "AI-washing index, 0-100"),
    Column(file: "memos.csv", name: "band", meaning: "index band (high, moderate, low, none)"),
    Column(
      file: "memos.csv", name: "announces_cuts",
      meaning: "true or false when the scorer says whether the memo announces job cuts, else empty"),
    Column(
      file: "memos.csv", name: "ai_reason",
      meaning: "explicit, implied, framing, absent or denied (see Summary), empty when unknown"),
    Column(file: "memos.csv", name: "hits", meaning: "lexicon hits, distancing included"),
    Column(
      file: "memos.csv", name: "url",
      meaning:
        "the page's own address (canonical link, og:url, JSON-LD url or <base href>; http or https only), empty when unknown"
    ),
    Column(file: "hits.csv", name: "source", meaning: "input path of the memo"),
    Column(
      file: "hits.csv", name: "paragraph",
      meaning: "paragraph number, 1 = first paragraph of the memo body"),
    Column(
      file: "hits.csv", name: "sentence",
      meaning: "sentence number in the memo, 1 = first; empty when unknown"),
    Column(file: "hits.csv", name: "entry", meaning: "lexicon entry id"),
    Column(file: "hits.csv", name: "entry_phrase", meaning: "the entry's canonical phrase"),
    Column(file: "hits.csv", name: "category", meaning: "category id"),
    Column(
      file: "hits.csv", name: "role",
      meaning:
        "category role (ai_framing, ai_reference, cut, cause, restructuring, signal, distancing, alternative)"
    ),
    Column(file: "hits.csv", name: "weight", meaning: "entry weight"),
    Column(file: "hits.csv", name: "text", meaning: "the words matched, as written"),
    Column(
      file: "hits.csv", name: "before",
      meaning: "up to about 60 characters before the match in its paragraph"),
    Column(file: "hits.csv", name: "after", meaning: "up to about 60 characters after the match"),
    Column(file: "categories.csv", name: "source", meaning: "input path of the memo"),
    Column(file: "categories.csv", name: "category", meaning: "category id"),
    Column(file: "categories.csv", name: "title", meaning: "category title"),
    Column(file: "categories.csv", name: "role", meaning: "category role"),
    Column(
      file: "categories.csv", name: "hits",
      meaning: "hits of the category in the memo (zero rows kept)"),
    Column(file: "categories.csv", name: "per_1000_words", meaning: "hits per 1,000 words"),
  ]

  /// The three files, by name, for `input`'s memos (in the report's ranking order).
  public static func files(_ input: ReportInput) -> [(name: String, csv: String)] {
    let memos = MarkdownReport.rank(input.memos)
    let roles = Dictionary(
      input.lexicon.categories.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
    func columns(_ file: String) -> [String] { dictionary.filter { $0.file == file }.map(\.name) }
    var memoRows = [columns("memos.csv")]
    var hitRows = [columns("hits.csv")]
    var categoryRows = [columns("categories.csv")]
    for scored in memos {
      let memo = scored.memo
      let card = scored.card
      memoRows.append([
        text(memo.source), text(memo.company ?? ""), memo.date ?? "",
        memo.date.flatMap(CalendarDate.init(iso:)).map(\.quarter) ?? "", memo.format.rawValue,
        memo.quoted ? "true" : "false", "\(card.tokens)", NumberText.fixed(card.score),
        MarkdownReport.band(of: card.score, bands: input.bands),
        card.announcesCuts ? "true" : "false", card.aiReason.rawValue,
        "\(card.readingHits.count)", text(memo.url ?? ""),
      ])
      for (entry, match) in card.readingHits {
        hitRows.append([
          text(memo.source), "\(match.paragraph)", "\(match.sentence + 1)",
          entry.id, text(entry.phrase), entry.category,
          roles[entry.category] ?? card.categories.first { $0.id == entry.category }?.role ?? "",
          NumberText.fixed(entry.weight, decimals: 2), text(match.text), text(match.before),
          text(match.after),
        ])
      }
      for category in card.categories {
        categoryRows.append([
          text(memo.source), category.id, text(category.title), category.role, "\(category.count)",
          NumberText.fixed(category.perThousandTokens, decimals: 2),
        ])
      }
    }
    return [
      ("memos.csv", csv(memoRows)), ("hits.csv", csv(hitRows)),
      ("categories.csv", csv(categoryRows)),
    ]
  }

  /// Rows as RFC 4180 CSV with CRLF line ends.
  static func csv(_ rows: [[String]]) -> String {
    rows.map { row in row.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  private static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Untrusted text, defused for spreadsheets: a leading formula character gets a `'`.
  private static func text(_ value: String) -> String {
    guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first)
    else { return value }
    return "'" + value
  }
}
