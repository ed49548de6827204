import Foundation
import MemoCore
import TestSupport
import Testing

@Suite("Memo")
struct MemoTests {
  @Test("Unknown metadata is written as null, so every key is always present")
  func encodesNulls() throws {
    let memo = Memo(source: "a.txt", paragraphs: ["One."])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(memo), as: UTF8.self)
    #expect(
      json
        == #"{"author":null,"authorSource":null,"commentary":[],"company":null,"companySource":null,"date":null,"dateSource":null,"encoding":"utf-8","format":"text","paragraphs":["One."],"quoted":false,"source":"a.txt","title":null,"titleSource":null,"url":null}"#
    )
  }

  @Test("A JSONL line with only source and paragraphs decodes with defaults")
  func decodesMinimal() throws {
    let memo = try JSONDecoder().decode(
      Memo.self, from: Data(#"{"source":"x.html","paragraphs":["A","B"]}"#.utf8))
    #expect(memo.paragraphs == ["A", "B"])
    #expect(memo.quoted == false)
    #expect(memo.body == "A\n\nB")
  }

  @Test("Atomic writes replace the file whole and leave no temporary behind")
  func atomicWrite() throws {
    let folder = try Fixtures.temporaryFolder()
    let target = folder.appendingPathComponent("out.md")
    try AtomicFile.write("first", to: target)
    try AtomicFile.write("second", to: target)
    #expect(try String(contentsOf: target, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.md"])
  }

  @Test("A write into a missing folder names the path")
  func atomicWriteError() {
    let target = URL(fileURLWithPath: "/nonexistent-memoscope/out.md")
    #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: target) }
  }
}
