import Foundation
import GRDB
import MemoCore

/// A person's verdict on one lexicon hit.
public struct Verdict: Sendable, Equatable {
  /// The memo's content key.
  public var memoHash: String
  /// The entry id.
  public var entry: String
  /// The paragraph, 1-based.
  public var paragraph: Int
  /// Where the hit starts in the paragraph (Unicode scalars).
  public var start: Int
  /// True when the hit is wrong (not what the entry means here).
  public var wrong: Bool
  /// The person's note.
  public var note: String

  /// Creates a verdict.
  public init(
    memoHash: String, entry: String, paragraph: Int, start: Int, wrong: Bool, note: String = ""
  ) {
    self.memoHash = memoHash
    self.entry = entry
    self.paragraph = paragraph
    self.start = start
    self.wrong = wrong
    self.note = note
  }
}

/// How much of the filtered hits people checked.
public struct VettingSummary: Sendable, Equatable {
  /// Hits in all.
  public var hits: Int
  /// Hits with a verdict.
  public var checked: Int
  /// Hits marked wrong.
  public var wrong: Int

  /// Creates a summary.
  public init(hits: Int, checked: Int, wrong: Int) {
    self.hits = hits
    self.checked = checked
    self.wrong = wrong
  }

  /// "N of M hits checked by a person, K wrong".
  public var sentence: String {
    "\(checked) of \(hits) \(hits == 1 ? "hit" : "hits") checked by a person, \(wrong) wrong"
  }
}

extension Library {
  /// A sample of unchecked hits to vet: up to `count` of them, spread over the library by a
  /// seeded hash of each hit's key (the same seed gives the same sample), in reading order.
  public func vettingSample(count: Int, seed: UInt64 = 1, filter: LibraryFilter = LibraryFilter())
    throws(LibraryError) -> [ContextLine]
  {
    let unchecked = try hits(filter).filter { $0.verdict == nil }
    func rank(_ line: ContextLine) -> UInt64 {
      StableHash.mix(
        StableHash.of(
          "\(line.memoHash)\u{0}\(line.entry ?? "")\u{0}\(line.paragraph)\u{0}\(line.start)"),
        seed: seed)
    }
    let chosen = Set(
      unchecked.indices.sorted { rank(unchecked[$0]) < rank(unchecked[$1]) }.prefix(count))
    return unchecked.indices.filter { chosen.contains($0) }.map { unchecked[$0] }
  }

  /// Stores verdicts (replacing earlier ones on the same hits), in one transaction.
  ///
  /// - Returns: The verdicts whose hit is not in the library (not stored).
  public func storeVerdicts(_ verdicts: [Verdict], checkedAt: String) throws(LibraryError)
    -> [Verdict]
  {
    try write { db in
      var unknown: [Verdict] = []
      let find = try db.cachedStatement(
        sql: """
          SELECT 1 FROM hit h JOIN memo m ON m.id = h.memo_id JOIN entry e ON e.id = h.entry_id
          WHERE m.hash = ? AND e.name = ? AND h.paragraph = ? AND h.start = ?
          """)
      let insert = try db.cachedStatement(
        sql: """
          INSERT OR REPLACE INTO verdict(memo_hash, entry, paragraph, start, wrong, note,
            checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          """)
      for verdict in verdicts {
        let arguments: StatementArguments = [
          verdict.memoHash, verdict.entry, verdict.paragraph, verdict.start,
        ]
        guard try Bool.fetchOne(find, arguments: arguments) != nil else {
          unknown.append(verdict)
          continue
        }
        try insert.execute(
          arguments: arguments + [verdict.wrong, verdict.note, checkedAt])
      }
      return unknown
    }
  }

  /// How many of the filtered hits were checked, and how many were wrong.
  public func vettingSummary(_ filter: LibraryFilter = LibraryFilter()) throws(LibraryError)
    -> VettingSummary
  {
    let lines = try hits(filter)
    return VettingSummary(
      hits: lines.count, checked: lines.filter { $0.verdict != nil }.count,
      wrong: lines.filter { $0.verdict == "wrong" }.count)
  }

  /// The keys of hits marked wrong, per memo content key: (entry, 1-based paragraph, start).
  public func wrongHits() throws(LibraryError) -> [String: Set<HitKey>] {
    try read { db in
      var result: [String: Set<HitKey>] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT memo_hash, entry, paragraph, start FROM verdict WHERE wrong")
      {
        result[row["memo_hash"], default: []].insert(
          HitKey(entry: row["entry"], paragraph: row["paragraph"], start: row["start"]))
      }
      return result
    }
  }
}

/// Where a hit is: its entry, 1-based paragraph and start.
public struct HitKey: Sendable, Hashable {
  /// The entry id.
  public var entry: String
  /// The paragraph, 1-based as reports cite it (`Memo.paragraphs[paragraph - 1]`).
  public var paragraph: Int
  /// The start in Unicode scalars.
  public var start: Int

  /// Creates a key.
  public init(entry: String, paragraph: Int, start: Int) {
    self.entry = entry
    self.paragraph = paragraph
    self.start = start
  }
}
