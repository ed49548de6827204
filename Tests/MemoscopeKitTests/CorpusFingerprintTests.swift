import Foundation
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
}
