import Foundation
import GRDB
import MemoCore
import MemoTokenization

/// One line of keyword-in-context output: a phrase or lexicon hit where it was found.
///
/// Its JSON form has `source`, `company`, `date`, `paragraph`, `text`, `before`, `after`, and
/// for a lexicon hit `entry`, `category` and `verdict`.
public struct ContextLine: Sendable, Equatable, Encodable {
  /// The memo's source path as added.
  public var source: String
  /// The memo's company, when known.
  public var company: String?
  /// The memo's date, when known.
  public var date: String?
  /// The paragraph, 1-based as reports cite it.
  public var paragraph: Int
  /// The text matched, as written.
  public var text: String
  /// About 60 characters before it (`…` when cut).
  public var before: String
  /// About 60 characters after it (`…` when cut).
  public var after: String
  /// For a lexicon hit: the entry id.
  public var entry: String?
  /// For a lexicon hit: the entry's category.
  public var category: String?
  /// For a lexicon hit: what a person said of it (`right`, `wrong`), or nil when unchecked.
  public var verdict: String?
  /// The stored memo's content key (for vetting).
  public var memoHash: String
  /// Where the match starts in its paragraph, in Unicode scalars.
  public var start: Int

  private enum CodingKeys: String, CodingKey {
    case source, company, date, paragraph, text, before, after, entry, category, verdict
  }

  /// Encodes the documented keys (`null` for unknown metadata; hit keys only for hits).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(company, forKey: .company)
    try container.encode(date, forKey: .date)
    try container.encode(paragraph, forKey: .paragraph)
    try container.encode(text, forKey: .text)
    try container.encode(before, forKey: .before)
    try container.encode(after, forKey: .after)
    if let entry {
      try container.encode(entry, forKey: .entry)
      try container.encode(category, forKey: .category)
      try container.encode(verdict, forKey: .verdict)
    }
  }
}

/// A search query as phrases of normalized tokens.
public struct PhraseQuery: Sendable, Equatable {
  /// Each phrase's normalized tokens; a paragraph matches when it holds all phrases.
  public var phrases: [[String]]

  /// Parses query arguments: each argument is a phrase (the shell's quotes group words), and
  /// double quotes inside an argument delimit phrases too. Tokens are normalized by the
  /// scoring tokenizer, so "AI native", "AI-native" and "A.I.-native" are the same phrase.
  public init(_ arguments: [String], tokenizer: Tokenizer = Tokenizer()) throws(LibraryError) {
    var phrases: [[String]] = []
    for argument in arguments {
      let pieces = argument.split(separator: "\"", omittingEmptySubsequences: false)
      for (index, piece) in pieces.enumerated() {
        let forms = tokenizer.tokenize(String(piece)).normalizedForms
        if forms.isEmpty { continue }
        if index % 2 == 1 || pieces.count == 1 {
          phrases.append(forms)
        } else {
          // Outside quotes in an argument that has quotes: each word on its own.
          phrases.append(contentsOf: forms.map { [$0] })
        }
      }
    }
    guard !phrases.isEmpty else { throw .emptyQuery(arguments.joined(separator: " ")) }
    self.phrases = phrases
  }

  /// The FTS5 query: every phrase, quoted, its tokens as phrase index terms.
  var ftsQuery: String {
    phrases.map { phrase -> String in
      let terms: String = phrase.map { PhraseIndex.term($0) }.joined(separator: " ")
      return "\"" + terms.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    .joined(separator: " AND ")
  }
}

extension Library {
  /// Every place a query's phrases occur in the filtered memos, in date order (undated last),
  /// then source, paragraph and position.
  ///
  /// The phrase index finds the paragraphs and, in each, the token offset of every phrase
  /// instance (`memo_instances`); the memo's stored token spans turn those into the text as
  /// written, so a match costs reading its memo's row, not tokenizing its paragraph.
  ///
  /// - Complexity: an index lookup, plus one memo row read per matching memo and inflated up
  ///   to its last matching paragraph.
  public func search(_ query: PhraseQuery, filter: LibraryFilter = LibraryFilter())
    throws(LibraryError) -> [ContextLine]
  {
    try filter.validate()
    let (conditions, arguments) = filter.memoConditions()
    let rows = try read { db -> [(row: Int64, id: Int64, places: [UInt8])] in
      let select: String =
        "SELECT p.rowid AS row, m.id AS id, \(PhraseIndex.instancesFunction)(passage) AS places "
        + "FROM passage p JOIN memo m ON m.id = (SELECT max(id) FROM memo WHERE id <= p.rowid) "
      let filters: String = conditions.map { " AND " + $0 }.joined()
      let sql: String =
        select + "WHERE passage MATCH ?" + filters
        + " ORDER BY m.date IS NULL, m.date, m.source, p.rowid"
      return try Row.fetchAll(
        db, sql: sql, arguments: StatementArguments([query.ftsQuery] + arguments)
      ).map { row in
        let places: Data = row["places"] ?? Data()
        return (row: row["row"] as Int64, id: row["id"] as Int64, places: [UInt8](places))
      }
    }
    // Runs of rows of one memo (a memo's rows are consecutive).
    var found: [Range<Int>] = []
    for index in rows.indices {
      if index > 0 && rows[index].id == rows[index - 1].id {
        found[found.count - 1] = found[found.count - 1].lowerBound..<(index + 1)
      } else {
        found.append(index..<(index + 1))
      }
    }
    let runs = found
    // Chunks of runs, each read (on a reader connection of its own) and quoted on all cores.
    let chunkCount = min(runs.count, ProcessInfo.processInfo.activeProcessorCount * 4)
    let located = concurrentMap(count: chunkCount) {
      chunk -> Result<[ContextLine], LibraryError> in
      let slice = (runs.count * chunk / chunkCount)..<(runs.count * (chunk + 1) / chunkCount)
      let stored: [Int64: RawMemo]
      do throws(LibraryError) {
        stored = try storedRows(slice.map { rows[runs[$0].lowerBound].id })
      } catch {
        return .failure(error)
      }
      let inflater = Inflater()
      var lines: [ContextLine] = []
      for run in slice {
        let id = rows[runs[run].lowerBound].id
        guard let raw = stored[id] else { continue }
        // One inflate serves the memo's matches, stopped after the last paragraph quoted.
        let last = runs[run].map { Int(rows[$0].row - id) }.max() ?? 0
        guard
          let bytes = inflater.decompress(
            raw.deflated, size: raw.size,
            prefix: { StoredMemoCoding.end(ofParagraph: last, in: $0, available: $1) })
        else { continue }
        var memo: Memo?
        for index in runs[run] {
          let paragraph = Int(rows[index].row - id)
          if let found = StoredMemoCoding.paragraph(paragraph, in: bytes) {
            lines += Self.quote(
              query, places: PhraseIndex.decodeInstances(rows[index].places), text: found.text,
              spans: found.spans, paragraph: paragraph, raw: raw)
            continue
          }
          // A damaged paragraph block: the whole memo, its paragraph tokenized again.
          memo = memo ?? raw.memo
          if let memo {
            lines += Self.locate(query, in: memo, paragraph: paragraph, hash: raw.hash)
          }
        }
      }
      return .success(lines)
    }
    var lines: [ContextLine] = []
    lines.reserveCapacity(rows.count)
    for chunk in located { lines += try chunk.get() }
    return lines
  }

  /// The context lines of phrase instances (query phrase, token offset) in one paragraph.
  static func quote(
    _ query: PhraseQuery, places: [(phrase: Int, offset: Int)], text: String,
    spans: [Range<Int>], paragraph: Int, raw: RawMemo
  ) -> [ContextLine] {
    var found: [(start: Int, end: Int)] = []
    for place in places where place.phrase >= 0 && place.phrase < query.phrases.count {
      let last = place.offset + query.phrases[place.phrase].count - 1
      guard place.offset >= 0, last < spans.count else { continue }
      found.append((spans[place.offset].lowerBound, spans[last].upperBound))
    }
    return found.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }).map { start, end in
      let context = Context.around(text, start: start, end: end)
      return ContextLine(
        source: raw.source, company: raw.company, date: raw.date, paragraph: paragraph + 1,
        text: context.text, before: context.before, after: context.after, entry: nil,
        category: nil, verdict: nil, memoHash: raw.hash, start: start)
    }
  }

  /// The places of a query's phrases in one paragraph of a memo, found by tokenizing it.
  static func locate(_ query: PhraseQuery, in memo: Memo, paragraph: Int, hash: String)
    -> [ContextLine]
  {
    guard paragraph >= 0, paragraph < memo.paragraphs.count else { return [] }
    let text = memo.paragraphs[paragraph]
    let tokenized = Tokenizer().tokenize(text)
    let forms = tokenized.normalizedForms
    var found: [(start: Int, end: Int)] = []
    for phrase in query.phrases where phrase.count <= forms.count {
      for first in 0...(forms.count - phrase.count)
      where forms[first] == phrase[0] && Array(forms[first..<(first + phrase.count)]) == phrase {
        found.append(
          (
            Int(tokenized.tokens[first].start),
            Int(tokenized.tokens[first + phrase.count - 1].end)
          ))
      }
    }
    return found.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }).map { start, end in
      let context = Context.around(text, start: start, end: end)
      return ContextLine(
        source: memo.source, company: memo.company, date: memo.date, paragraph: paragraph + 1,
        text: context.text, before: context.before, after: context.after, entry: nil,
        category: nil, verdict: nil, memoHash: hash, start: start)
    }
  }

  /// A memo row as stored, memo still deflated.
  struct RawMemo: Sendable {
    var hash: String
    var source: String
    var company: String?
    var date: String?
    var url: String?
    var addedAt: String
    var size: Int
    var deflated: [UInt8]

    /// The memo, or nil when damaged.
    var memo: Memo? {
      Deflate.decompress(deflated, size: size).flatMap(StoredMemoCoding.decode)
    }
  }

  /// The stored rows of these memo ids.
  func storedRows(_ ids: [Int64]) throws(LibraryError) -> [Int64: RawMemo] {
    try read { db in
      var result: [Int64: RawMemo] = [:]
      let statement = try db.cachedStatement(
        sql: """
          SELECT hash, source, company, date, url, added_at, memo_bytes, memo FROM memo
          WHERE id = ?
          """)
      for id in ids {
        // Columns by position: looking them up by name costs more than the rest of the row.
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { continue }
        result[id] = RawMemo(
          hash: row[0], source: row[1], company: row[2], date: row[3], url: row[4],
          addedAt: row[5], size: row[6], deflated: [UInt8](row[7] as Data))
      }
      return result
    }
  }

  /// The lexicon hits in the filtered memos (of `filter.entry` or `filter.category` when set),
  /// in date order (undated last), then source, paragraph and position.
  public func hits(_ filter: LibraryFilter = LibraryFilter()) throws(LibraryError)
    -> [ContextLine]
  {
    try filter.validate()
    let memoPart = filter.memoConditions()
    let hitPart = filter.hitConditions()
    let conditions = memoPart.sql + hitPart.sql
    let rows = try read { db in
      let sql = """
        SELECT m.id AS id, e.name AS entry, e.category AS category, h.paragraph AS paragraph,
          h.start AS start, h."end" AS "end", v.wrong AS wrong
        FROM hit h JOIN entry e ON e.id = h.entry_id JOIN memo m ON m.id = h.memo_id
        LEFT JOIN verdict v ON v.memo_hash = m.hash AND v.entry = e.name
          AND v.paragraph = h.paragraph AND v.start = h.start
        """
        + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        + " ORDER BY m.date IS NULL, m.date, m.source, h.paragraph, h.start, e.name"
      return try Row.fetchAll(
        db, sql: sql, arguments: StatementArguments(memoPart.arguments + hitPart.arguments)
      ).map { row in
        (
          id: row["id"] as Int64, entry: row["entry"] as String,
          category: row["category"] as String, paragraph: row["paragraph"] as Int,
          start: row["start"] as Int, end: row["end"] as Int, wrong: row["wrong"] as Bool?
        )
      }
    }
    let memos = try storedMemos(Array(Set(rows.map(\.id))))
    return rows.compactMap { row in
      guard let stored = memos[row.id], row.paragraph >= 1,
        row.paragraph <= stored.memo.paragraphs.count
      else {
        return nil
      }
      let context = Context.around(
        stored.memo.paragraphs[row.paragraph - 1], start: row.start, end: row.end)
      return ContextLine(
        source: stored.memo.source, company: stored.memo.company, date: stored.memo.date,
        paragraph: row.paragraph, text: context.text, before: context.before,
        after: context.after, entry: row.entry, category: row.category,
        verdict: row.wrong.map { $0 ? "wrong" : "right" }, memoHash: stored.hash,
        start: row.start)
    }
  }

  /// A stored memo with its keys.
  public struct StoredMemo: Sendable {
    /// The row id.
    public var id: Int64
    /// The content key.
    public var hash: String
    /// The page's own address, when known.
    public var url: String?
    /// When it was added (ISO 8601).
    public var addedAt: String
    /// The memo.
    public var memo: Memo
  }

  /// The memos with these row ids (those that can be decoded).
  func storedMemos(_ ids: [Int64]) throws(LibraryError) -> [Int64: StoredMemo] {
    let rows = try storedRows(ids)
    let keys = Array(rows.keys)
    let decoded = concurrentMap(count: keys.count) { index -> StoredMemo? in
      let raw = rows[keys[index]]!
      return raw.memo.map {
        StoredMemo(id: keys[index], hash: raw.hash, url: raw.url, addedAt: raw.addedAt, memo: $0)
      }
    }
    var result: [Int64: StoredMemo] = [:]
    for item in decoded { if let item { result[item.id] = item } }
    return result
  }

  /// The filtered memos (entry and category filters keep memos with such a hit), in date
  /// order (undated last), then source.
  public func memos(_ filter: LibraryFilter = LibraryFilter()) throws(LibraryError)
    -> [StoredMemo]
  {
    try filter.validate()
    let memoPart = filter.memoConditions()
    let hitPart = filter.hitConditions()
    var conditions = memoPart.sql
    if !hitPart.sql.isEmpty {
      conditions.append(
        "EXISTS (SELECT 1 FROM hit h JOIN entry e ON e.id = h.entry_id WHERE h.memo_id = m.id AND "
          + hitPart.sql.joined(separator: " AND ") + ")")
    }
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT m.id AS id, m.hash AS hash, m.url AS url, m.added_at AS added_at, "
          + "m.memo_bytes AS memo_bytes, m.memo AS memo FROM memo m"
          + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
          + " ORDER BY m.date IS NULL, m.date, m.source, m.id",
        arguments: StatementArguments(memoPart.arguments + hitPart.arguments))
    }
    return rows.compactMap { row in
      Self.decodeMemo(row).map {
        StoredMemo(
          id: row["id"], hash: row["hash"], url: row["url"], addedAt: row["added_at"], memo: $0)
      }
    }
  }

  /// The earliest and latest memo dates in the whole library.
  public func dateRange() throws(LibraryError) -> (first: String, last: String)? {
    try read { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT min(date) AS a, max(date) AS b FROM memo"),
        let first = row["a"] as String?, let last = row["b"] as String?
      else { return nil }
      return (first, last)
    }
  }
}
