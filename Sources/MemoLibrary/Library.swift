import Foundation
import GRDB
import MemoClustering
import MemoCore
import MemoTokenization

/// A memo library: memos, their scores, lexicon hits, search index and near-duplicate index,
/// kept in one SQLite file (WAL mode, foreign keys on) and grown batch by batch.
///
/// Each `add` batch is one transaction, so a process killed at any point leaves the file as it
/// was before the batch or after it; memos are keyed by the hash of their input bytes, so
/// adding the same file again adds nothing and a rerun after a crash completes the work.
/// Readers (search, timeline, …) run while a writer adds memos: WAL gives them the last
/// committed state.
public struct Library: Sendable {
  /// The schema version this build writes; older files are migrated, newer ones refused.
  public static let schemaVersion = 3
  /// SQLite's `application_id` of a memo library ("MMSC"), told apart from other databases.
  static let applicationID: Int32 = 0x4D4D_5343
  /// How long a command waits for another process's write lock before giving up (seconds).
  public static let defaultBusyTimeout: TimeInterval = 5
  /// SQLite page size of new files: 16 KiB pages hold several memos each (a 4 KiB page holds
  /// one, leaving a third of the file empty on the generated benchmark memos).
  static let pageSize = 16384

  /// How much of the file SQLite maps into memory (1 GiB of address space, not of memory).
  static let mmapSize = 1 << 30

  /// The file's path, as given.
  public let path: String
  let pool: DatabasePool

  /// Opens the library at `path`, creating it when `create` is true and it does not exist,
  /// and migrating an older schema.
  ///
  /// - Throws: `LibraryError` naming the file: missing, newer schema, not a library, corrupt,
  ///   locked.
  public init(path: String, create: Bool = false, busyTimeout: TimeInterval = defaultBusyTimeout)
    throws(LibraryError)
  {
    self.path = path
    let exists = FileManager.default.fileExists(atPath: path)
    if !exists && !create { throw .missing(path: path) }
    if exists { try Self.checkHeader(path) }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    configuration.prepareDatabase { db in
      // WAL with NORMAL sync: a killed process never corrupts the file or loses a commit.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // Big pages pack memo rows of a few kilobytes without waste (no effect once created).
      try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
      // Pages read through memory mapping rather than a system call and a copy each (a
      // search reads a memo row per matching memo).
      try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapSize)")
      // Where a phrase matched, for keyword-in-context lines.
      PhraseIndex.register(db)
    }
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw Self.libraryError(error, path: path)
    }
    try migrate()
  }

  /// Refuses files that are not SQLite databases before SQLite touches them.
  private static func checkHeader(_ path: String) throws(LibraryError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .database(path: path, reason: "cannot read the file (check its permissions)")
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    if header.isEmpty { return }  // An empty file becomes a new library.
    if header != Data("SQLite format 3\0".utf8) {
      throw .corrupt(path: path, reason: "the file does not start with an SQLite header")
    }
  }

  /// Creates or upgrades the schema, one version at a time, in one transaction.
  private func migrate() throws(LibraryError) {
    let path = path
    // A current library needs no write lock, so readers open it while a writer works.
    let current = try read { db in
      try Int.fetchOne(db, sql: "PRAGMA user_version") == Self.schemaVersion
        && Int32.fetchOne(db, sql: "PRAGMA application_id") == Self.applicationID
    }
    if current { return }
    let upgraded = try run { db -> Bool in
      var upgraded = false
      try db.inTransaction(.immediate) {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables =
          try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
          ?? 0
        if application != Self.applicationID && (application != 0 || tables > 0) {
          throw LibraryError.notALibrary(path: path)
        }
        if version > Self.schemaVersion {
          throw LibraryError.newerSchema(
            path: path, found: version, supported: Self.schemaVersion)
        }
        for (target, step) in Schema.migrations where target > version {
          try step(db, version)
          try db.execute(sql: "PRAGMA user_version = \(target)")
        }
        try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
        upgraded = version > 0
        return .commit
      }
      return upgraded
    }
    // An upgrade drops tables and rewrites rows: give the freed pages back to the disk.
    if upgraded { try run { db in try db.execute(sql: "VACUUM") } }
  }

  /// Runs `body` on the writer connection, mapping SQLite errors to `LibraryError`.
  func run<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    do {
      return try pool.writeWithoutTransaction(body)
    } catch {
      throw Self.libraryError(error, path: path)
    }
  }

  /// Runs `body` in one write transaction.
  func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    do {
      return try pool.write(body)
    } catch {
      throw Self.libraryError(error, path: path)
    }
  }

  /// Runs `body` on a reader connection (concurrent with a writer).
  func read<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
    do {
      return try pool.read(body)
    } catch {
      throw Self.libraryError(error, path: path)
    }
  }

  static func libraryError(_ error: any Error, path: String) -> LibraryError {
    if let error = error as? LibraryError { return error }
    guard let error = error as? DatabaseError else {
      return .database(path: path, reason: String(describing: error))
    }
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return .corrupt(path: path, reason: error.message ?? "damaged database")
    case .SQLITE_CANTOPEN:
      return .database(
        path: path, reason: "cannot open the file (check the folder and permissions)")
    case .SQLITE_READONLY:
      return .database(path: path, reason: "the file is read-only")
    case .SQLITE_FULL:
      return .database(path: path, reason: "the disk is full")
    default:
      return .database(path: path, reason: error.message ?? "SQLite error \(error.resultCode)")
    }
  }

  /// Whether SQLite finds the file sound (`PRAGMA integrity_check` says `ok`).
  public func integrityCheck() throws(LibraryError) -> [String] {
    try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }

  /// How many memos the library holds.
  public func memoCount() throws(LibraryError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM memo") ?? 0 }
  }
}

/// The schema and its migrations.
enum Schema {
  /// Each version's step, in order; a step brings the previous version to its own. A step is
  /// given the version the file had before the first step.
  static let migrations: [(Int, @Sendable (Database, Int) throws -> Void)] = [
    (1, { db, _ in try version1(db) }), (2, { db, _ in try version2(db) }), (3, version3),
  ]

  /// The schema of version 1.
  ///
  /// A memo's id is the phrase index row of its first paragraph; its paragraphs take the rows
  /// up to the next memo's id, so a matching row finds its memo by one index seek and its
  /// paragraph by subtraction, and the index's row ids stay dense (small). The memo itself is
  /// deflated (`StoredMemoCoding`). Hits name their entry by number; they have no index on the
  /// entry (a scan of the hits is fast and the index would cost a fifth of their size). Band
  /// keys keep 24 bits (a chance collision only adds a candidate, which verification drops).
  /// The phrase index holds the tokenizer's normalized forms, so FTS5's `ascii` tokenizer
  /// (spaces and ASCII punctuation split, nothing else changed) is all it needs.
  static func version1(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE memo (
          id INTEGER PRIMARY KEY,
          hash TEXT NOT NULL UNIQUE,
          source TEXT NOT NULL,
          url TEXT,
          added_at TEXT NOT NULL,
          title TEXT,
          company TEXT,
          date TEXT,
          paragraphs INTEGER NOT NULL,
          tokens INTEGER NOT NULL,
          score REAL NOT NULL,
          lexicon_hash TEXT NOT NULL,
          memo_bytes INTEGER NOT NULL,
          memo BLOB NOT NULL
        );
        CREATE INDEX memo_company ON memo(company COLLATE NOCASE);
        CREATE INDEX memo_date ON memo(date);
        CREATE TABLE entry (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          category TEXT NOT NULL
        );
        CREATE TABLE hit (
          memo_id INTEGER NOT NULL REFERENCES memo(id) ON DELETE CASCADE,
          paragraph INTEGER NOT NULL,
          start INTEGER NOT NULL,
          entry_id INTEGER NOT NULL REFERENCES entry(id),
          sentence INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          PRIMARY KEY (memo_id, paragraph, start, entry_id)
        ) WITHOUT ROWID;
        CREATE TABLE verdict (
          memo_hash TEXT NOT NULL,
          entry TEXT NOT NULL,
          paragraph INTEGER NOT NULL,
          start INTEGER NOT NULL,
          wrong INTEGER NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          checked_at TEXT NOT NULL,
          PRIMARY KEY (memo_hash, entry, paragraph, start)
        ) WITHOUT ROWID;
        CREATE TABLE band (
          key INTEGER NOT NULL,
          memo_id INTEGER NOT NULL REFERENCES memo(id) ON DELETE CASCADE,
          PRIMARY KEY (key, memo_id)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE passage USING fts5(
          tokens, content = '', columnsize = 0, tokenize = 'ascii');
        """)
  }

  /// Version 2: a search match is quoted from stored data instead of tokenizing its paragraph
  /// again, band keys take a quarter of the room, and paragraphs are 1-based everywhere.
  ///
  /// - The phrase index holds one term per token (`PhraseIndex.term`), so FTS5's token offset
  ///   of a match is the token's number, and each memo is stored with its token spans.
  /// - Band keys are one row per memo in a contentless FTS5 table (`band_keys`, terms of six hex
  ///   digits, no positions): FTS5 writes them in sorted segments, where the v1 `band` B-tree
  ///   of (key, memo) rows filled about two thirds of its pages.
  /// - Hits and verdicts store paragraphs 1-based, as reports cite them.
  /// - `shingle_count` keeps in how many memos each shingle occurs (`ShingleCounts`), for the
  ///   frequent-shingle filter of `similar`.
  ///
  /// Memos of a v1 file are tokenized once here (in batches, on all cores); their scores and
  /// hits are kept.
  static func version2(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE hit2 (
          memo_id INTEGER NOT NULL REFERENCES memo(id) ON DELETE CASCADE,
          paragraph INTEGER NOT NULL,
          start INTEGER NOT NULL,
          entry_id INTEGER NOT NULL REFERENCES entry(id),
          sentence INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          PRIMARY KEY (memo_id, paragraph, start, entry_id)
        ) WITHOUT ROWID;
        INSERT INTO hit2 SELECT memo_id, paragraph + 1, start, entry_id, sentence, "end" FROM hit;
        DROP TABLE hit;
        ALTER TABLE hit2 RENAME TO hit;
        CREATE TABLE verdict2 (
          memo_hash TEXT NOT NULL,
          entry TEXT NOT NULL,
          paragraph INTEGER NOT NULL,
          start INTEGER NOT NULL,
          wrong INTEGER NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          checked_at TEXT NOT NULL,
          PRIMARY KEY (memo_hash, entry, paragraph, start)
        ) WITHOUT ROWID;
        INSERT INTO verdict2
          SELECT memo_hash, entry, paragraph + 1, start, wrong, note, checked_at FROM verdict;
        DROP TABLE verdict;
        ALTER TABLE verdict2 RENAME TO verdict;
        CREATE VIRTUAL TABLE band_keys USING fts5(
          keys, content = '', columnsize = 0, detail = none, tokenize = 'ascii');
        INSERT INTO band_keys(rowid, keys)
          SELECT memo_id, group_concat(printf('%06x', key & 16777215), ' ') FROM band
          GROUP BY memo_id;
        DROP TABLE band;
        CREATE TABLE shingle_count (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          memos INTEGER NOT NULL,
          counts BLOB NOT NULL
        );
        DROP TABLE passage;
        CREATE VIRTUAL TABLE passage USING fts5(
          tokens, content = '', columnsize = 0, tokenize = 'ascii');
        """)
    // Every memo again with its token spans, and its paragraphs in the new phrase index.
    let update = try db.makeStatement(sql: "UPDATE memo SET memo_bytes = ?, memo = ? WHERE id = ?")
    let insert = try db.makeStatement(sql: "INSERT INTO passage(rowid, tokens) VALUES (?, ?)")
    var last: Int64 = 0
    var counts = ShingleCounts()
    while true {
      let rows = try Row.fetchAll(
        db, sql: "SELECT id, memo_bytes, memo FROM memo WHERE id > ? ORDER BY id LIMIT 256",
        arguments: [last])
      guard let final = rows.last else { break }
      last = final["id"]
      let batch = rows.map { (id: $0["id"] as Int64, memo: Library.decodeVersion2($0)?.memo) }
      let rebuilt = concurrentMap(count: batch.count) { index -> Rebuilt? in
        guard let memo = batch[index].memo else { return nil }
        let text = Tokenizer().tokenize(paragraphs: memo.paragraphs)
        return Rebuilt(
          stored: LibraryRecord.stored(memo, text: text),
          paragraphs: LibraryRecord.indexedParagraphs(text),
          shingles: MemoSketch(memo: memo, text: text).shingles)
      }
      for (item, rebuilt) in zip(batch, rebuilt) {
        // A memo that cannot be decoded stays as it was (it cannot be searched either way).
        guard let rebuilt else { continue }
        counts.add(rebuilt.shingles)
        try update.execute(arguments: [
          rebuilt.stored.size, Data(rebuilt.stored.deflated), item.id,
        ])
        for (index, tokens) in rebuilt.paragraphs.enumerated() where !tokens.isEmpty {
          try insert.execute(arguments: [item.id + Int64(index), tokens])
        }
      }
    }
    try counts.save(db)
  }

  /// Version 3: memos stored with their paragraph block lengths first (`StoredMemoCoding`),
  /// so a search inflates a memo only up to the paragraph it quotes. Each memo of a version 2
  /// file is coded again with the token spans it has (a file upgraded from version 1 was coded
  /// so by the version 2 step, and is left alone); a memo that cannot be decoded stays as it was.
  static func version3(_ db: Database, from version: Int) throws {
    guard version == 2 else { return }
    let update = try db.makeStatement(sql: "UPDATE memo SET memo_bytes = ?, memo = ? WHERE id = ?")
    var last: Int64 = 0
    while true {
      let rows = try Row.fetchAll(
        db, sql: "SELECT id, memo_bytes, memo FROM memo WHERE id > ? ORDER BY id LIMIT 256",
        arguments: [last])
      guard let final = rows.last else { break }
      last = final["id"]
      let batch = rows.map { (id: $0["id"] as Int64, old: Library.decodeVersion2($0)) }
      let coded = concurrentMap(count: batch.count) { index -> (deflated: [UInt8], size: Int)? in
        guard let (memo, spans) = batch[index].old else { return nil }
        guard let spans else {
          return LibraryRecord.stored(memo, text: Tokenizer().tokenize(paragraphs: memo.paragraphs))
        }
        let bytes = StoredMemoCoding.encode(
          memo,
          spans: spans.map { $0.map { Int32($0.lowerBound)..<Int32($0.upperBound) } })
        return (Deflate.compress(bytes), bytes.count)
      }
      for (item, coded) in zip(batch, coded) {
        guard let coded else { continue }
        try update.execute(arguments: [coded.size, Data(coded.deflated), item.id])
      }
    }
  }

  /// A v1 memo as v2 stores it.
  private struct Rebuilt: Sendable {
    var stored: (deflated: [UInt8], size: Int)
    var paragraphs: [String]
    var shingles: [UInt32]
  }
}
