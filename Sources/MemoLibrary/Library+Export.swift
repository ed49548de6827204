import Foundation
import GRDB
import MemoCore

/// A tidy table: one header, one row per observation, every cell a string.
public struct TidyTable: Sendable, Equatable {
  /// Column names.
  public var header: [String]
  /// Rows, each as long as the header.
  public var rows: [[String]]

  /// Creates a table.
  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }
}

/// What `library export` writes.
public enum ExportKind: String, Sendable, CaseIterable {
  /// One row per memo.
  case memos
  /// One row per lexicon hit.
  case hits
  /// One row per memo and category (zero counts included).
  case categories
}

extension Library {
  /// The filtered library as a tidy table.
  ///
  /// - Parameter categories: The lexicon's categories (id, role) in lexicon order, so every
  ///   memo gets a row per category, zero counts included.
  public func export(
    _ kind: ExportKind, filter: LibraryFilter = LibraryFilter(),
    categories: [(id: String, role: String)] = []
  ) throws(LibraryError) -> TidyTable {
    try filter.validate()
    let memoPart = filter.memoConditions()
    let memoWhere = memoPart.sql.isEmpty ? "" : " WHERE " + memoPart.sql.joined(separator: " AND ")
    func text(_ value: DatabaseValue) -> String {
      switch value.storage {
      case .null: ""
      case .int64(let number): String(number)
      case .double(let number): NumberText.fixed(number)
      case .string(let string): string
      case .blob: ""
      }
    }
    switch kind {
    case .memos:
      let header = [
        "source", "company", "date", "title", "url", "added_at", "tokens", "index", "hits",
        "hash",
      ]
      let rows = try read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT m.source, m.company, m.date, m.title, m.url, m.added_at, m.tokens, m.score,
              (SELECT count(*) FROM hit h WHERE h.memo_id = m.id), m.hash
            FROM memo m\(memoWhere) ORDER BY m.date IS NULL, m.date, m.source, m.id
            """, arguments: StatementArguments(memoPart.arguments)
        ).map { row in Array(row.databaseValues.map(text)) }
      }
      return TidyTable(header: header, rows: rows)
    case .hits:
      let lines = try hits(filter)
      return TidyTable(
        header: [
          "source", "company", "date", "entry", "category", "paragraph", "text", "before",
          "after", "verdict",
        ],
        rows: lines.map {
          [
            $0.source, $0.company ?? "", $0.date ?? "", $0.entry ?? "", $0.category ?? "",
            String($0.paragraph), $0.text, $0.before, $0.after, $0.verdict ?? "",
          ]
        })
    case .categories:
      let counts = try read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT m.id AS id, e.category AS category, count(*) AS n FROM hit h
            JOIN entry e ON e.id = h.entry_id
            JOIN memo m ON m.id = h.memo_id\(memoWhere) GROUP BY m.id, e.category
            """, arguments: StatementArguments(memoPart.arguments))
      }
      var byMemo: [Int64: [String: Int]] = [:]
      for row in counts { byMemo[row["id"], default: [:]][row["category"]] = row["n"] }
      let memos = try read { db in
        try Row.fetchAll(
          db,
          sql: "SELECT m.id, m.source, m.company, m.date, m.tokens FROM memo m\(memoWhere) "
            + "ORDER BY m.date IS NULL, m.date, m.source, m.id",
          arguments: StatementArguments(memoPart.arguments))
      }
      var known = categories
      let listed = Set(categories.map(\.id))
      let extra = Set(counts.map { $0["category"] as String }).subtracting(listed).sorted()
      known += extra.map { (id: $0, role: "") }
      var rows: [[String]] = []
      for memo in memos {
        let id: Int64 = memo[0]
        let tokens: Int = memo[4]
        for category in known {
          let count = byMemo[id]?[category.id] ?? 0
          let rate = tokens == 0 ? 0 : Double(count) * 1000 / Double(tokens)
          rows.append([
            memo[1] ?? "", memo[2] ?? "", memo[3] ?? "", category.id, category.role,
            String(count), NumberText.fixed(rate, decimals: 2),
          ])
        }
      }
      return TidyTable(
        header: ["source", "company", "date", "category", "role", "hits", "per_1000_tokens"],
        rows: rows)
    }
  }
}
