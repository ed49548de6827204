import Foundation
import MemoCore
import MemoExtraction
import MemoReporting
import TestSupport
import Testing

@testable import MemoscopeKit

@Suite("Corpus fingerprints")
struct CorpusFingerprintTests {
  /// Three memos, one of them twice under another name, and a third file differing from the
  /// first only in its last byte.
  static func folder() throws -> URL {
    let folder = try Fixtures.temporaryFolder()
    let memo =
      "Team,\n\nWe are reducing the size of our support team this quarter.\n\nBest,\nDana\n"
    let files = [
      "a.txt": memo, "b.txt": memo.replacingOccurrences(of: "support", with: "sales"),
      "copy-of-a.txt": memo, "c.txt": String(memo.dropLast()) + "!",
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test("without stamps, duplicates are found alike and the same memos come out")
  func sameOutcomeWithoutStamps() throws {
    let folder = try Self.folder()
    var outcomes: [[String]] = []
    var exclusionLists: [[InputExclusion]] = []
    for stamps in [true, false] {
      let corpus = Corpus(paths: [folder.path], stamps: stamps)
      let memos = corpus.memos().compactMap { try? $0.get() }
      outcomes.append(memos.map { $0.source + "|" + $0.paragraphs.joined(separator: "\n") })
      exclusionLists.append(corpus.exclusions)
      #expect(corpus.recordsStamps == stamps)
      #expect(corpus.stamps.count == (stamps ? 3 : 0))
    }
    #expect(outcomes[0] == outcomes[1])
    #expect(outcomes[0].count == 3)
    #expect(exclusionLists[0] == exclusionLists[1])
    #expect(exclusionLists[1].map(\.path) == [folder.path + "/copy-of-a.txt"])
  }

  @Test("stamps carry FNV-1a 64, as reports print and check them")
  func stampsAreFNV() throws {
    let folder = try Self.folder()
    let corpus = Corpus(paths: [folder.path + "/a.txt"])
    _ = corpus.memos()
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("a.txt")))
    #expect(corpus.stamps.count == 1)
    #expect(corpus.stamps.first?.matches(bytes) == true)
  }

  @Test("A hash match is confirmed byte for byte before a file is dropped as a duplicate")
  func duplicatesConfirmedByBytes() throws {
    let folder = try Self.folder()
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    #expect(Corpus.sameBytes(path("a.txt"), path("copy-of-a.txt")))
    // Same size, last byte differs: what a colliding hash would have paired.
    #expect(!Corpus.sameBytes(path("a.txt"), path("c.txt")))
    // Standard input cannot be read again: the hash and size decide.
    #expect(Corpus.sameBytes("-", path("a.txt")))
  }

  /// A JSONL file of memos larger than one 1 MiB read block, its copy, and a file of the same
  /// size differing from it in the last memo.
  static func jsonlFolder() throws -> URL {
    let folder = try Fixtures.temporaryFolder()
    var lines: [String] = []
    for index in 0..<900 {
      let memo = Memo(
        source: "memo-\(index).txt",
        paragraphs: [
          "Paragraph \(index) of a memo long enough to fill blocks.",
          String(repeating: "We are changing how our teams work. ", count: 40),
        ])
      lines.append(ExtractionOutput.jsonLine(memo))
    }
    let text = lines.joined(separator: "\n") + "\n"
    #expect(text.utf8.count > 1 << 20)
    try Data(text.utf8).write(to: folder.appendingPathComponent("a.jsonl"))
    try Data(text.utf8).write(to: folder.appendingPathComponent("b.jsonl"))
    let changed = text.replacingOccurrences(of: "Paragraph 899 of", with: "Paragraph 998 of")
    #expect(changed != text && changed.utf8.count == text.utf8.count)
    try Data(changed.utf8).write(to: folder.appendingPathComponent("c.jsonl"))
    return folder
  }

  @Test("a JSONL file read in blocks: its stamp is FNV-1a 64 of the whole; copies found either way")
  func jsonlBlocks() throws {
    let folder = try Self.jsonlFolder()
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("a.jsonl")))
    for stamps in [true, false] {
      let corpus = Corpus(paths: [folder.path], stamps: stamps)
      #expect(corpus.exclusions.map(\.path) == [folder.path + "/b.jsonl"])
      #expect(corpus.count == 1800)
      if stamps {
        #expect(corpus.stamps.count == 2)
        #expect(corpus.stamps.first?.matches(bytes) == true)
      }
    }
    var whole = StableHash()
    whole.combine(bytes)
    let opened = try JSONLMemoFile.open(folder.appendingPathComponent("a.jsonl").path).get()
    #expect(opened.hash == whole.value)
    #expect(opened.size == bytes.count)
  }

  @Test("many small inputs go to the workers in batches: same memos, order and exclusions")
  func batches() throws {
    #expect(Corpus.batchSize(units: 10, workers: 2) == 1)
    #expect(Corpus.batchSize(units: 300, workers: 2) == 2)
    #expect(Corpus.batchSize(units: 10_000, workers: 2) == 16)
    #expect(Corpus.batchSize(units: 10_000, workers: 0) == 16)
    let folder = try Fixtures.temporaryFolder()
    for index in 0..<400 {
      // Every 50th file repeats the one before it: a duplicate to find inside a batch.
      let body = index % 50 == 49 ? index - 1 : index
      let text = "Team,\n\nMemo \(body): we are reorganizing group \(body).\n\nBest,\nDana\n"
      let name = String(format: "m-%03d.txt", index)
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    let corpus = Corpus(paths: [folder.path], stamps: false)
    var progress: [Int] = []
    var sources: [String] = []
    corpus.forEach({ $0.source }, progress: { done, _ in progress.append(done) }) {
      if case .success(let source) = $0 { sources.append(source) }
    }
    let expected = (0..<400).filter { $0 % 50 != 49 }.map {
      folder.path + String(format: "/m-%03d.txt", $0)
    }
    #expect(sources == expected)
    #expect(progress == Array(1...400))
    #expect(corpus.exclusions.count == 8)
    #expect(corpus.exclusions.first?.path == folder.path + "/m-049.txt")
  }
}
