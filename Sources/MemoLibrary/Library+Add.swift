import Foundation
import GRDB
import MemoClustering
import MemoCore
import MemoScoring

extension Library {
  /// The lexicon the stored scores were computed with, or nil for an empty library.
  public func lexicon() throws(LibraryError) -> LexiconStamp? {
    try read { db in
      let values = Dictionary(
        try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map {
          ($0["key"] as String, $0["value"] as String)
        }, uniquingKeysWith: { first, _ in first })
      guard let name = values["lexicon_name"], let version = values["lexicon_version"],
        let hash = values["lexicon_hash"]
      else { return nil }
      return LexiconStamp(name: name, version: version, hash: hash)
    }
  }

  static func storeLexicon(_ stamp: LexiconStamp, in db: Database) throws {
    for (key, value) in [
      ("lexicon_name", stamp.name), ("lexicon_version", stamp.version),
      ("lexicon_hash", stamp.hash),
    ] {
      try db.execute(
        sql: "INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
    }
  }

  /// Which of `hashes` are stored already.
  public func storedHashes(_ hashes: [String]) throws(LibraryError) -> Set<String> {
    guard !hashes.isEmpty else { return [] }
    return try read { db in
      var found = Set<String>()
      let statement = try db.cachedStatement(sql: "SELECT 1 FROM memo WHERE hash = ?")
      for hash in hashes where try Bool.fetchOne(statement, arguments: [hash]) != nil {
        found.insert(hash)
      }
      return found
    }
  }

  /// Stores a batch of memos in one transaction: the memo, its hits, its paragraphs in the
  /// phrase index and its band keys in the near-duplicate index. Memos whose content hash is
  /// stored already are skipped.
  ///
  /// - Parameters:
  ///   - records: The memos, scored with `lexicon`.
  ///   - lexicon: The lexicon the records were scored with (recorded on the first batch).
  ///   - addedAt: The time to record, ISO 8601.
  /// - Returns: How many memos were new.
  /// - Throws: `LibraryError.lexiconMismatch` when the library holds scores from another
  ///   lexicon (rescore first); SQLite errors.
  @discardableResult
  public func add(_ records: [LibraryRecord], lexicon: LexiconStamp, addedAt: String)
    throws(LibraryError) -> Int
  {
    let path = path
    return try write { db in
      let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM memo") ?? 0
      let stored = try Self.storedLexiconHash(db)
      if count > 0, let stored, stored != lexicon.hash {
        throw LibraryError.lexiconMismatch(path: path, stored: stored, given: lexicon.hash)
      }
      try Self.storeLexicon(lexicon, in: db)
      let exists = try db.cachedStatement(sql: "SELECT 1 FROM memo WHERE hash = ?")
      let insertMemo = try db.cachedStatement(
        sql: """
          INSERT INTO memo(id, hash, source, url, added_at, title, company, date, paragraphs,
            tokens, score, lexicon_hash, memo_bytes, memo)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let insertPassage = try db.cachedStatement(
        sql: "INSERT INTO passage(rowid, tokens) VALUES (?, ?)")
      let insertBands = try db.cachedStatement(
        sql: "INSERT INTO band_keys(rowid, keys) VALUES (?, ?)")
      var next =
        try Int64.fetchOne(
          db, sql: "SELECT id + max(paragraphs, 1) FROM memo ORDER BY id DESC LIMIT 1") ?? 1
      var added = 0
      var seen = Set<String>()
      var counts = try ShingleCounts.load(db)
      for record in records {
        guard seen.insert(record.contentHash).inserted,
          try Bool.fetchOne(exists, arguments: [record.contentHash]) == nil
        else { continue }
        let id = next
        next += Int64(max(1, record.memo.paragraphs.count))
        try insertMemo.execute(arguments: [
          id, record.contentHash, record.memo.source, record.url, addedAt, record.memo.title,
          record.memo.company, record.memo.date, record.memo.paragraphs.count,
          record.card.tokens, record.card.score, lexicon.hash, record.stored.size,
          Data(record.stored.deflated),
        ])
        for (index, tokens) in record.indexedParagraphs.enumerated() where !tokens.isEmpty {
          try insertPassage.execute(arguments: [id + Int64(index), tokens])
        }
        if !record.sketch.bandKeys.isEmpty {
          try insertBands.execute(arguments: [
            id, record.sketch.bandKeys.map(Self.bandTerm).joined(separator: " "),
          ])
        }
        try Self.insertHits(record.card, memo: record.memo, id: id, in: db)
        counts.add(record.sketch.shingles)
        added += 1
      }
      if added > 0 { try counts.save(db) }
      return added
    }
  }

  /// A band key as a term of `band_keys`: its high 24 bits as six hex digits. A chance
  /// collision only adds a candidate, which verification drops.
  static func bandTerm(_ key: UInt64) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes = [UInt8](repeating: 0, count: 6)
    var rest = (key >> 40) & 0xFF_FFFF
    for index in (0..<6).reversed() {
      bytes[index] = digits[Int(rest & 0xF)]
      rest >>= 4
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The number of a lexicon entry in the `entry` table, added when new.
  static func entryID(_ name: String, category: String, in db: Database) throws -> Int64 {
    let find = try db.cachedStatement(sql: "SELECT id, category FROM entry WHERE name = ?")
    if let row = try Row.fetchOne(find, arguments: [name]) {
      let id: Int64 = row["id"]
      if row["category"] != category {
        // A new lexicon moved the entry: its hits follow.
        try db.execute(
          sql: "UPDATE entry SET category = ? WHERE id = ?", arguments: [category, id])
      }
      return id
    }
    try db.execute(
      sql: "INSERT INTO entry(name, category) VALUES (?, ?)", arguments: [name, category])
    return db.lastInsertedRowID
  }

  static func storedLexiconHash(_ db: Database) throws -> String? {
    try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'lexicon_hash'")
  }

  static func insertHits(_ card: ScoreCard, memo: Memo, id: Int64, in db: Database) throws {
    let insertHit = try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO hit(memo_id, paragraph, start, entry_id, sentence, "end")
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    // In key order, so the hit B-tree is appended to and its pages stay full.
    var rows: [(paragraph: Int, start: Int, entry: Int64, sentence: Int, end: Int)] = []
    for (entry, match) in card.allMatches {
      rows.append(
        (
          match.paragraph, match.start, try entryID(entry.id, category: entry.category, in: db),
          match.sentence, match.end
        ))
    }
    rows.sort { ($0.paragraph, $0.start, $0.entry) < ($1.paragraph, $1.start, $1.entry) }
    for row in rows {
      try insertHit.execute(arguments: [
        id, row.paragraph, row.start, row.entry, row.sentence, row.end,
      ])
    }
  }

  /// Scores again every memo not scored with the lexicon `stamp`, in batches of `batchSize`
  /// (one transaction each), and records the lexicon.
  ///
  /// - Parameters:
  ///   - stamp: The new lexicon's stamp.
  ///   - score: Scores a batch of memos with that lexicon (the caller spreads it over cores).
  ///   - progress: Called after each batch with (memos done, memos to do).
  /// - Returns: How many memos were scored again.
  @discardableResult
  public func rescore(
    stamp: LexiconStamp, batchSize: Int = 512, score: ([Memo]) -> [ScoreCard],
    progress: ((Int, Int) -> Void)? = nil
  ) throws(LibraryError) -> Int {
    let total = try read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM memo WHERE lexicon_hash != ?", arguments: [stamp.hash])
        ?? 0
    }
    var done = 0
    while true {
      let batch = try read { db in
        try Row.fetchAll(
          db,
          sql: "SELECT id, memo_bytes, memo FROM memo WHERE lexicon_hash != ? ORDER BY id LIMIT ?",
          arguments: [stamp.hash, batchSize]
        ).map { (id: $0["id"] as Int64, memo: Self.decodeMemo($0)) }
      }
      if batch.isEmpty { break }
      let readable = batch.compactMap { item in item.memo.map { (item.id, $0) } }
      let cards = score(readable.map(\.1))
      try write { db in
        // A stored memo that cannot be decoded keeps its hits; it is marked so the loop ends.
        for item in batch where item.memo == nil {
          try db.execute(
            sql: "UPDATE memo SET lexicon_hash = ? WHERE id = ?", arguments: [stamp.hash, item.id])
        }
        for ((id, memo), card) in zip(readable, cards) {
          try db.execute(sql: "DELETE FROM hit WHERE memo_id = ?", arguments: [id])
          try Self.insertHits(card, memo: memo, id: id, in: db)
          try db.execute(
            sql: "UPDATE memo SET score = ?, tokens = ?, lexicon_hash = ? WHERE id = ?",
            arguments: [card.score, card.tokens, stamp.hash, id])
        }
        try Self.storeLexicon(stamp, in: db)
      }
      done += batch.count
      progress?(done, total)
    }
    if total == 0 { try write { db in try Self.storeLexicon(stamp, in: db) } }
    return done
  }

  /// A stored memo back from its row's `memo` and `memo_bytes` columns; nil when damaged.
  static func decodeMemo(_ row: Row) -> Memo? {
    guard let data = row["memo"] as Data?, let size = row["memo_bytes"] as Int?,
      let bytes = Deflate.decompress([UInt8](data), size: size)
    else { return nil }
    return StoredMemoCoding.decode(bytes)
  }

  /// A memo of a version 1 or 2 file back from its row (`StoredMemoCoding.Version2`) with its
  /// token spans when stored; nil when damaged.
  static func decodeVersion2(_ row: Row) -> (memo: Memo, spans: [[Range<Int>]]?)? {
    guard let data = row["memo"] as Data?, let size = row["memo_bytes"] as Int?,
      let bytes = Deflate.decompress([UInt8](data), size: size),
      let memo = StoredMemoCoding.Version2.decode(bytes)
    else { return nil }
    var spans: [[Range<Int>]] = []
    for index in memo.paragraphs.indices {
      guard let found = StoredMemoCoding.Version2.paragraph(index, in: bytes) else {
        return (memo, nil)
      }
      spans.append(found.spans)
    }
    return (memo, spans)
  }
}

extension Library {
  /// Marks every stored score as stale, so the next rescore scores every memo again.
  public func forgetScores() throws(LibraryError) {
    try write { db in try db.execute(sql: "UPDATE memo SET lexicon_hash = ''") }
  }
}
