import Foundation
import GRDB
import MemoClustering
import MemoCore
import MemoLexicon
import MemoScoring
import MemoTokenization
import TestSupport
import Testing

@testable import MemoLibrary

/// A library in a fresh folder, scored with the mini lexicon.
struct TestLibrary {
  let folder: URL
  let library: Library
  let scorer: Scorer
  let stamp: LexiconStamp

  init() throws {
    folder = try Fixtures.temporaryFolder()
    library = try Library(path: folder.appendingPathComponent("test.sqlite").path, create: true)
    let lexicon = try Lexicon.load(Fixtures.url("Lexicons/mini").path)
    scorer = Scorer(lexicon: lexicon)
    stamp = LexiconStamp(name: lexicon.name, version: lexicon.version, hash: lexicon.hash)
  }

  /// Adds memos, each keyed by its body.
  @discardableResult
  func add(_ memos: [Memo]) throws -> Int {
    try library.add(
      memos.map {
        LibraryRecord(
          memo: $0, contentHash: LibraryRecord.contentHash(of: Array(($0.source + $0.body).utf8)),
          url: nil, scorer: scorer)
      }, lexicon: stamp, addedAt: "2026-01-01T00:00:00Z")
  }
}

func memo(_ source: String, company: String?, date: String?, _ paragraphs: String...) -> Memo {
  Memo(source: source, date: date, company: company, paragraphs: paragraphs)
}

@Suite("Memo library")
struct LibraryTests {
  @Test("Adding the same memos again adds nothing")
  func idempotentAdd() throws {
    let test = try TestLibrary()
    let memos = [
      memo("a.txt", company: "Acme", date: "2025-01-02", "We will run with fewer layers."),
      memo("b.txt", company: "Bolt", date: "2025-02-03", "We are removing layers."),
    ]
    #expect(try test.add(memos) == 2)
    #expect(try test.add(memos) == 0)
    #expect(try test.add(memos + [memo("c.txt", company: nil, date: nil, "Hello.")]) == 1)
    #expect(try test.library.memoCount() == 3)
    // Stored memos come back whole.
    #expect(
      try test.library.memos().map(\.memo) == [memos[0], memos[1]] + [
        memo("c.txt", company: nil, date: nil, "Hello.")
      ])
    #expect(try test.library.integrityCheck() == ["ok"])
  }

  @Test("A phrase finds its spelling variants, quoted as written, paragraphs 1-based")
  func spellingVariants() throws {
    let test = try TestLibrary()
    try test.add([
      memo("1.txt", company: "A", date: "2025-01-01", "Intro.", "We are an AI-native company."),
      memo("2.txt", company: "B", date: "2025-01-02", "Becoming A.I.-native, fast."),
      memo("3.txt", company: "C", date: "2025-01-03", "An AI\u{2011}native team."),
      memo("4.txt", company: "D", date: "2025-01-04", "AI native or not, the native AI stays."),
      memo("5.txt", company: "E", date: "2025-01-05", "Nothing to see: native speakers, AI."),
    ])
    let lines = try test.library.search(PhraseQuery(["AI native"]))
    #expect(lines.map(\.source) == ["1.txt", "2.txt", "3.txt", "4.txt"])
    #expect(lines.map(\.text) == ["AI-native", "A.I.-native", "AI\u{2011}native", "AI native"])
    #expect(lines[0].paragraph == 2)
    #expect(lines[0].before == "We are an ")
    #expect(lines[0].after == " company.")
    #expect(try test.library.search(PhraseQuery(["\"a.i. native\""])).count == 4)
    // Two words as two arguments: both in one paragraph, each quoted.
    let both = try test.library.search(PhraseQuery(["native", "speakers"]))
    #expect(both.map(\.text) == ["native", "speakers"])
    #expect(throws: LibraryError.emptyQuery("…")) { try PhraseQuery(["…"]) }
  }

  @Test("Company, date, entry and category filters narrow searches and hits")
  func filters() throws {
    let test = try TestLibrary()
    try test.add([
      memo("a.txt", company: "Acme", date: "2024-12-30", "We will run with fewer layers."),
      memo("b.txt", company: "acme", date: "2025-03-01", "Fewer management layers now."),
      memo("c.txt", company: "Bolt", date: "2025-03-02", "Fewer layers for Bolt."),
      memo("d.txt", company: "Bolt", date: nil, "Fewer layers, undated."),
    ])
    let query = try PhraseQuery(["fewer layers"])
    #expect(try test.library.search(query).map(\.source) == ["a.txt", "c.txt", "d.txt"])
    #expect(
      try test.library.search(query, filter: LibraryFilter(company: "ACME")).map(\.source)
        == ["a.txt"])
    #expect(
      try test.library.search(query, filter: LibraryFilter(since: "2025")).map(\.source)
        == ["c.txt"])
    #expect(
      try test.library.search(query, filter: LibraryFilter(until: "2025-03-01")).map(\.source)
        == ["a.txt"])
    #expect(
      try test.library.search(query, filter: LibraryFilter(until: "2024")).map(\.source)
        == ["a.txt"])
    let hits = try test.library.hits(LibraryFilter(entry: "fewer_layers"))
    #expect(hits.map(\.source) == ["a.txt", "b.txt", "c.txt", "d.txt"])
    #expect(
      hits.map(\.text) == [
        "fewer layers", "Fewer management layers", "Fewer layers", "Fewer layers",
      ])
    #expect(
      try test.library.hits(LibraryFilter(company: "bolt", category: "cuts")).map(\.source)
        == ["c.txt", "d.txt"])
    #expect(try test.library.hits(LibraryFilter(category: "hedges")).isEmpty)
    #expect(throws: LibraryError.badDate("March")) {
      try test.library.search(query, filter: LibraryFilter(since: "March"))
    }
  }

  @Test("The timeline lists each company's first use in date order, the earliest marked")
  func timeline() throws {
    let test = try TestLibrary()
    try test.add([
      memo("first.txt", company: "Early", date: "2023-01-01", "A quiet memo about lunch."),
      memo("c2.txt", company: "Copier", date: "2025-06-01", "Fewer layers again."),
      memo("o.txt", company: "Origin", date: "2024-05-01", "We want fewer layers."),
      memo("c1.txt", company: "copier", date: "2025-02-01", "Fewer layers, we said."),
      memo("o2.txt", company: "Origin", date: "2024-04-30", "No flattening talk here."),
      memo("x.txt", company: nil, date: "2020-01-01", "Fewer layers with no company."),
    ])
    let timeline = try test.library.timeline(try PhraseQuery(["fewer layers"]))
    #expect(timeline.uses.map(\.company) == ["Origin", "copier"])
    #expect(timeline.uses.map(\.date) == ["2024-05-01", "2025-02-01"])
    #expect(timeline.uses.map(\.earliest) == [true, false])
    #expect(timeline.uses.map(\.memos) == [1, 2])
    #expect(timeline.unplaced == ["x.txt"])
    #expect(timeline.libraryRange?.first == "2020-01-01")
    let byEntry = try test.library.timeline(LibraryFilter(entry: "fewer_layers"))
    #expect(byEntry.uses.map(\.company) == ["Origin", "copier"])
  }

  @Test("Verdicts are stored by hit, counted, and wrong hits leave the timeline")
  func vetting() throws {
    let test = try TestLibrary()
    try test.add([
      memo("a.txt", company: "Acme", date: "2025-01-02", "We will run with fewer layers."),
      memo("b.txt", company: "Bolt", date: "2025-02-03", "We are removing layers."),
    ])
    let sample = try test.library.vettingSample(count: 10)
    #expect(sample.count == 2)
    #expect(try test.library.vettingSample(count: 1, seed: 7).count == 1)
    let a = try #require(sample.first { $0.source == "a.txt" })
    let verdicts = [
      Verdict(
        memoHash: a.memoHash, entry: a.entry!, paragraph: a.paragraph, start: a.start, wrong: true,
        note: "sarcasm"),
      Verdict(memoHash: "nope", entry: "fewer_layers", paragraph: 1, start: 0, wrong: false),
    ]
    let unknown = try test.library.storeVerdicts(verdicts, checkedAt: "2026-01-02T00:00:00Z")
    #expect(unknown.map(\.memoHash) == ["nope"])
    #expect(
      try test.library.vettingSummary().sentence == "1 of 2 hits checked by a person, 1 wrong")
    #expect(try test.library.hits().map(\.verdict) == ["wrong", nil])
    #expect(try test.library.vettingSample(count: 10).map(\.source) == ["b.txt"])
    let timeline = try test.library.timeline(LibraryFilter(entry: "fewer_layers"))
    #expect(timeline.uses.map(\.company) == ["Bolt"])
    #expect(try test.library.wrongHits()[a.memoHash]?.count == 1)
  }

  @Test("A library from a newer schema, another program's database and a corrupt file are refused")
  func refusals() throws {
    let test = try TestLibrary()
    try test.add([memo("a.txt", company: "Acme", date: nil, "Fewer layers.")])
    let newer = test.folder.appendingPathComponent("newer.sqlite").path
    _ = try Library(path: newer, create: true)
    try DatabaseQueue(path: newer).write { try $0.execute(sql: "PRAGMA user_version = 99") }
    #expect(
      throws: LibraryError.newerSchema(path: newer, found: 99, supported: Library.schemaVersion)
    ) {
      try Library(path: newer)
    }
    let other = test.folder.appendingPathComponent("other.sqlite").path
    try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t(x)") }
    #expect(throws: LibraryError.notALibrary(path: other)) { try Library(path: other) }
    let corrupt = test.folder.appendingPathComponent("corrupt.sqlite").path
    try Data("this is not a database at all, just some text\n".utf8).write(
      to: URL(fileURLWithPath: corrupt))
    #expect(
      throws: LibraryError.corrupt(
        path: corrupt, reason: "the file does not start with an SQLite header")
    ) { try Library(path: corrupt) }
    let missing = test.folder.appendingPathComponent("missing.sqlite").path
    #expect(throws: LibraryError.missing(path: missing)) { try Library(path: missing) }
    #expect(
      LibraryError.newerSchema(path: "x.sqlite", found: 2, supported: 1).description
        == "x.sqlite: this library has schema version 2, written by a newer memoscope; this one "
        + "reads up to version 1. Update memoscope to open it.")
  }

  @Test("While another process writes, readers search and a writer gets a clear error")
  func locked() throws {
    let test = try TestLibrary()
    try test.add([memo("a.txt", company: "Acme", date: nil, "Fewer layers.")])
    let path = test.folder.appendingPathComponent("test.sqlite").path
    let open = try Library(path: path, busyTimeout: 0.1)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let other = try DatabaseQueue(path: path, configuration: configuration)
    try other.inDatabase { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      try db.execute(sql: "UPDATE memo SET source = 'moved.txt'")
    }
    #expect(try open.search(PhraseQuery(["fewer layers"])).map(\.source) == ["a.txt"])
    #expect(throws: LibraryError.locked(path: path)) {
      try open.add(
        [
          LibraryRecord(
            memo: memo("z.txt", company: nil, date: nil, "Fewer layers."), contentHash: "z",
            url: nil, scorer: test.scorer)
        ], lexicon: test.stamp, addedAt: "now")
    }
    // Opening a current library takes no write lock, so a reader opens it too.
    #expect(try Library(path: path, busyTimeout: 0.1).memoCount() == 1)
    try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
  }

  @Test("Similar memos come from the stored band index, verified on shingles")
  func similar() throws {
    let test = try TestLibrary()
    let template = [
      "Today we are announcing changes to how Acme is organized, and they affect many of you.",
      "We will reduce the number of management layers and bring decisions closer to customers.",
      "Roughly 120 roles will be eliminated across sales, support and operations this quarter.",
      "Everyone affected will hear from their manager today and receive sixteen weeks of pay.",
    ]
    try test.add([
      Memo(source: "acme.txt", company: "Acme", paragraphs: template),
      Memo(
        source: "other.txt", company: "Other",
        paragraphs: ["Our cafeteria menu changes next week; soup moves to Tuesdays and Fridays."]),
    ])
    var copy = template
    copy[0] = copy[0].replacingOccurrences(of: "Acme", with: "Bolt")
    copy[2] = copy[2].replacingOccurrences(of: "120", with: "85")
    let found = try test.library.similar(
      to: Memo(source: "bolt.txt", company: "Bolt", paragraphs: copy))
    #expect(found.map(\.source) == ["acme.txt"])
    #expect(found[0].jaccard > 0.5)
  }

  @Test("Changing the lexicon rescoring every stored memo; the library records it")
  func rescore() throws {
    let test = try TestLibrary()
    try test.add([memo("a.txt", company: "Acme", date: nil, "Fewer layers.")])
    let other = LexiconStamp(name: "mini", version: "9.9.9", hash: "0000000000000000")
    #expect(
      throws: LibraryError.lexiconMismatch(
        path: test.library.path, stored: test.stamp.hash, given: other.hash)
    ) {
      try test.library.add([], lexicon: other, addedAt: "now")
    }
    let count = try test.library.rescore(stamp: other) { memos in memos.map(test.scorer.score) }
    #expect(count == 1)
    #expect(try test.library.lexicon() == other)
    #expect(try test.library.hits().count == 1)
  }
  @Test("Tokens with inner punctuation are one index term; matches are quoted from stored spans")
  func storedSpans() throws {
    let test = try TestLibrary()
    try test.add([
      memo(
        "a.txt", company: "A", date: "2025-01-01", "Title",
        "We don't cut 1,000 roles; we don't, and A.I.\u{2011}first teams don't either.")
    ])
    let dont = try test.library.search(PhraseQuery(["don't"]))
    #expect(dont.map(\.text) == ["don't", "don't", "don't"])
    #expect(dont.map(\.paragraph) == [2, 2, 2])
    #expect(dont.map(\.start) == [3, 29, 57])
    #expect(try test.library.search(PhraseQuery(["1,000 roles"])).map(\.text) == ["1,000 roles"])
    // "don" alone is not a token of this text.
    #expect(try test.library.search(PhraseQuery(["don"])).isEmpty)
    let first = try test.library.search(PhraseQuery(["ai first teams"]))
    #expect(first.map(\.text) == ["A.I.\u{2011}first teams"])
    #expect(first[0].before == "We don't cut 1,000 roles; we don't, and ")
    // The stored coding gives each paragraph's text and spans back without the rest.
    let memo = Memo(source: "x", paragraphs: ["One two.", "", "Three, four-five"])
    let text = Tokenizer().tokenize(paragraphs: memo.paragraphs)
    let stored = LibraryRecord.stored(memo, text: text)
    let bytes = try #require(Deflate.decompress(stored.deflated, size: stored.size))
    #expect(StoredMemoCoding.decode(bytes) == memo)
    #expect(StoredMemoCoding.paragraph(0, in: bytes)?.spans == [0..<3, 4..<7])
    #expect(StoredMemoCoding.paragraph(1, in: bytes)?.spans == [])
    #expect(StoredMemoCoding.paragraph(2, in: bytes)?.text == "Three, four-five")
    #expect(StoredMemoCoding.paragraph(2, in: bytes)?.spans == [0..<5, 7..<11, 12..<16])
    #expect(StoredMemoCoding.paragraph(3, in: bytes) == nil)
    // Inflated only up to a paragraph's block: that paragraph reads, the rest is not out.
    let long = Memo(
      source: "long",
      paragraphs: (1...60).map { "Paragraph \($0) says what changes for team \($0) this year." })
    let longStored = LibraryRecord.stored(
      long, text: Tokenizer().tokenize(paragraphs: long.paragraphs))
    let inflater = Inflater()
    for index in [0, 30, 59] {
      let prefix = try #require(
        inflater.decompress(
          longStored.deflated, size: longStored.size,
          prefix: { StoredMemoCoding.end(ofParagraph: index, in: $0, available: $1) }))
      #expect(index == 59 || prefix.count < longStored.size)
      let found = StoredMemoCoding.paragraph(index, in: prefix)
      #expect(found?.text == long.paragraphs[index])
      #expect(found?.spans.count == 10)
    }
    #expect(
      inflater.decompress(longStored.deflated, size: longStored.size, prefix: { _, _ in .max })
        .flatMap(StoredMemoCoding.decode) == long)
    #expect(PhraseIndex.term("don't") == "don\u{E027}t")
  }

  @Test("A version 1 library is upgraded in place: spans, phrase index, bands, 1-based hits")
  func migration() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("v1.sqlite").path
    let lexicon = try Lexicon.load(Fixtures.url("Lexicons/mini").path)
    let scorer = Scorer(lexicon: lexicon)
    let template = [
      "Today we are announcing changes to how Acme is organized, and they affect many of you.",
      "We will run with fewer layers and bring decisions closer to customers this quarter.",
      "Everyone affected will hear from their manager today and receive sixteen weeks of pay.",
    ]
    let memos = [
      Memo(source: "acme.txt", date: "2025-01-02", company: "Acme", paragraphs: template),
      Memo(
        source: "other.txt", date: "2025-02-03", company: "Other",
        paragraphs: ["Our cafeteria menu changes next week.", "We are removing layers."]),
    ]
    // A file as version 1 wrote it: memos without spans, 0-based hits and verdicts, the
    // phrase index of v1 (forms split at punctuation), one band row per key.
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try Schema.version1(db)
      try db.execute(sql: "PRAGMA user_version = 1")
      try db.execute(sql: "PRAGMA application_id = \(Library.applicationID)")
      try Library.storeLexicon(
        LexiconStamp(name: lexicon.name, version: lexicon.version, hash: lexicon.hash), in: db)
      var id: Int64 = 1
      for (number, memo) in memos.enumerated() {
        let coded = codeVersion2(memo, spans: nil)
        let card = scorer.score(memo)
        try db.execute(
          sql: """
            INSERT INTO memo(id, hash, source, added_at, company, date, paragraphs, tokens,
              score, lexicon_hash, memo_bytes, memo) VALUES (?, ?, ?, 'then', ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, "hash\(number)", memo.source, memo.company, memo.date, memo.paragraphs.count,
            card.tokens, card.score, lexicon.hash, coded.count, Data(Deflate.compress(coded)),
          ])
        let text = Tokenizer().tokenize(paragraphs: memo.paragraphs)
        for paragraph in memo.paragraphs.indices {
          let forms = text.tokens.filter { Int($0.paragraph) == paragraph }.map {
            text.normalizedText(of: $0)
          }
          try db.execute(
            sql: "INSERT INTO passage(rowid, tokens) VALUES (?, ?)",
            arguments: [id + Int64(paragraph), forms.joined(separator: " ")])
        }
        for key in MemoSketch(memo: memo).bandKeys {
          try db.execute(
            sql: "INSERT OR IGNORE INTO band(key, memo_id) VALUES (?, ?)",
            arguments: [Int64((Int32(truncatingIfNeeded: key >> 40) << 8) >> 8), id])
        }
        for (entry, match) in card.allMatches {
          let entryID = try Library.entryID(entry.id, category: entry.category, in: db)
          try db.execute(
            sql: """
              INSERT INTO hit(memo_id, paragraph, start, entry_id, sentence, "end")
              VALUES (?, ?, ?, ?, ?, ?)
              """,
            arguments: [id, match.paragraph - 1, match.start, entryID, match.sentence, match.end]
          )
          try db.execute(
            sql: """
              INSERT INTO verdict(memo_hash, entry, paragraph, start, wrong, checked_at)
              VALUES (?, ?, ?, ?, 1, 'then')
              """, arguments: ["hash\(number)", entry.id, match.paragraph - 1, match.start])
        }
        id += Int64(memo.paragraphs.count)
      }
    }
    try queue.close()
    let library = try Library(path: path)
    #expect(try library.integrityCheck() == ["ok"])
    #expect(
      try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        == Library.schemaVersion)
    let found = try library.search(PhraseQuery(["fewer layers"]))
    #expect(found.map(\.source) == ["acme.txt"])
    #expect(found.map(\.paragraph) == [2])
    #expect(found.first?.before == "We will run with ")
    let hits = try library.hits(LibraryFilter(entry: "fewer_layers"))
    #expect(hits.map(\.paragraph) == [2, 2])
    #expect(hits.map(\.text) == ["fewer layers", "removing layers"])
    // Verdicts moved with their hits.
    #expect(hits.map(\.verdict) == ["wrong", "wrong"])
    var copy = template
    copy[0] = copy[0].replacingOccurrences(of: "Acme", with: "Bolt")
    let similar = try library.similar(
      to: Memo(source: "bolt.txt", company: "Bolt", paragraphs: copy),
      options: ClusteringOptions())
    #expect(similar.map(\.source) == ["acme.txt"])
    // Opened again, the file is current: nothing to migrate.
    #expect(try Library(path: path).memoCount() == 2)
  }

  @Test("A version 2 library is upgraded in place to version 3: same search results, vacuumed")
  func migrationVersion2() throws {
    let test = try TestLibrary()
    try test.add([
      memo(
        "a.txt", company: "A", date: "2025-01-01", "Title",
        "We don't cut 1,000 roles; we are going AI-native, and A.I.\u{2011}native teams lead.",
        "Another paragraph without the phrase.", "Finally, our AI native plan starts today."),
      memo("b.txt", company: "B", date: "2025-02-01", "We will be an AI\u{2011}native company."),
    ])
    let queries = [["AI native"], ["don't"], ["1,000 roles"], ["plan", "today"]]
    let before = try queries.map { try test.library.search(PhraseQuery($0)) }
    #expect(before[0].count == 4)
    let memos = try test.library.memos().map(\.memo)
    let path = test.library.path
    // The same file as version 2 wrote it: memos in the v2 coding, and pages left free.
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      for row in try Row.fetchAll(db, sql: "SELECT id, memo_bytes, memo FROM memo") {
        let id: Int64 = row["id"]
        let bytes = try #require(
          Deflate.decompress([UInt8](row["memo"] as Data), size: row["memo_bytes"]))
        let memo = try #require(StoredMemoCoding.decode(bytes))
        let spans = memo.paragraphs.indices.map { index in
          (StoredMemoCoding.paragraph(index, in: bytes)?.spans ?? []).map {
            Int32($0.lowerBound)..<Int32($0.upperBound)
          }
        }
        let coded = codeVersion2(memo, spans: spans)
        try db.execute(
          sql: "UPDATE memo SET memo_bytes = ?, memo = ? WHERE id = ?",
          arguments: [coded.count, Data(Deflate.compress(coded)), id])
      }
      try db.execute(sql: "CREATE TABLE filler (x BLOB)")
      try db.execute(
        sql: "INSERT INTO filler SELECT zeroblob(100000) FROM memo, memo, memo, memo")
      try db.execute(sql: "DROP TABLE filler")
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    #expect(try queue.read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") } ?? 0 > 0)
    try queue.close()
    let library = try Library(path: path)
    let check = try DatabaseQueue(path: path)
    #expect(try check.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 3)
    #expect(try check.read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") } == 0)
    try check.close()
    #expect(try library.integrityCheck() == ["ok"])
    let after = try queries.map { try library.search(PhraseQuery($0)) }
    #expect(after == before)
    #expect(try library.memos().map(\.memo) == memos)
  }

  @Test("similar leaves out shingles common in the library, as cluster does")
  func similarCommonShingles() throws {
    let test = try TestLibrary()
    let boilerplate =
      "This message is confidential and intended only for employees of the company named "
      + "above; please do not forward, print or share it outside the organization."
    let stored = (1...4).map { number in
      Memo(
        source: "m\(number).txt", company: "C\(number)",
        paragraphs: [
          "Memo \(number) talks about the \(["garden", "parking", "library", "menu"][number - 1]) "
            + "plans for the spring and what changes for each team in the building.",
          boilerplate,
        ])
    }
    try test.add(stored)
    let new = Memo(
      source: "new.txt", company: "N",
      paragraphs: ["A memo about the holiday schedule and nothing else at all.", boilerplate])
    // The shared footer alone makes the new memo contained in the others...
    var options = ClusteringOptions()
    options.commonShingleMinimum = 100
    #expect(try test.library.similar(to: new, options: options).count == 4)
    // ...until it is common: in 5 of 5 memos, at a minimum of 3 it is left out.
    options.commonShingleMinimum = 3
    #expect(try test.library.similar(to: new, options: options).isEmpty)
    #expect(Library.commonThreshold(memos: 100_000, options: ClusteringOptions()) == 5000)
  }
}

/// A memo in the coding of schema versions 1 (no spans) and 2 (spans after the commentary), as
/// those versions wrote it, to make files to migrate.
func codeVersion2(_ memo: Memo, spans: [[Range<Int32>]]?) -> [UInt8] {
  var bytes: [UInt8] = []
  bytes.reserveCapacity(memo.paragraphs.reduce(64) { $0 + $1.utf8.count * 3 / 2 + 2 })
  func number(_ value: Int) { Varint.append(value, to: &bytes) }
  func string(_ text: String) {
    number(text.utf8.count)
    bytes.append(contentsOf: text.utf8)
  }
  func optional(_ text: String?) {
    guard let text else { return number(0) }
    number(text.utf8.count + 1)
    bytes.append(contentsOf: text.utf8)
  }
  string(memo.source)
  optional(memo.title)
  optional(memo.author)
  optional(memo.date)
  optional(memo.company)
  string(memo.encoding)
  bytes.append(memo.quoted ? 1 : 0)
  string(memo.format.rawValue)
  number(memo.paragraphs.count)
  memo.paragraphs.forEach(string)
  number(memo.commentary.count)
  memo.commentary.forEach(string)
  guard let spans else { return bytes }
  for index in memo.paragraphs.indices {
    let tokens = index < spans.count ? spans[index] : []
    if WordRuns.matches(tokens, memo.paragraphs[index]) {
      number(0)
      continue
    }
    number(tokens.count + 1)
    var previous: Int32 = 0
    for span in tokens {
      let gap = Int(span.lowerBound - previous)
      let length = Int(span.upperBound - span.lowerBound)
      if gap >= 0 && gap <= 3 && length >= 1 && length <= 63 {
        bytes.append(UInt8(gap << 6 | length))
      } else {
        bytes.append(0)
        number(max(0, gap))
        number(max(0, length))
      }
      previous = span.upperBound
    }
  }
  return bytes
}
