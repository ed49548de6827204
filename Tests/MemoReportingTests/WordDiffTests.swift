import Testing

@testable import MemoReporting

@Suite("Word diff")
struct WordDiffTests {
  @Test("A renamed company and a changed figure are the only changes")
  func renamedCompanyAndFigure() {
    let diff = WordDiff(
      "Norvale will reduce its workforce by 14 percent, starting today.",
      "Quillhaven will reduce its workforce by 9 percent, starting today.")
    #expect(
      diff.segments == [
        .changed(removed: "Norvale", added: "Quillhaven"),
        .same("will reduce its workforce by"),
        .changed(removed: "14", added: "9"),
        .same("percent, starting today."),
      ])
  }

  @Test("Inserted and deleted words are reported with an empty other side")
  func insertionAndDeletion() {
    let diff = WordDiff("We are becoming AI-first.", "We are now becoming an AI-native company.")
    #expect(
      diff.segments == [
        .same("We are"),
        .changed(removed: "", added: "now"),
        .same("becoming"),
        .changed(removed: "AI-first", added: "an AI-native company"),
        .same("."),
      ])
  }

  @Test("Punctuation right after a change is glued to it on both sides")
  func glue() {
    let diff = WordDiff(
      "We cut 14% of roles, said Norvale.", "We cut 9% of roles, said Quillhaven.")
    #expect(
      diff.segments == [
        .same("We cut"), .changed(removed: "14", added: "9"), .same("% of roles, said"),
        .changed(removed: "Norvale", added: "Quillhaven"), .same("."),
      ])
    #expect(
      diff.glue.map { [$0.left, $0.right] } == [
        [false, false], [false, false], [true, true], [false, false], [true, true],
      ])
  }

  @Test("Identical paragraphs have no changes")
  func identical() {
    let diff = WordDiff("Same words here.", "Same  words\nhere.")
    #expect(diff.isIdentical)
    #expect(diff.segments == [.same("Same words here.")])
  }

  @Test("Words split on whitespace and punctuation, keeping inner connectors")
  func splitting() {
    let words = DiffWord.split("We’re cutting 14.5% (AI-native roles) - now")
    #expect(
      words.map(\.text) == [
        "We’re", "cutting", "14.5", "%", "(", "AI-native", "roles", ")", "-", "now",
      ])
    #expect(DiffWord.join(words) == "We’re cutting 14.5% (AI-native roles) - now")
  }

  @Test("The edit script is shortest and puts deletions before insertions")
  func editScript() {
    let operations = SequenceDiff.operations(Array("ABCABBA"), Array("CBABAC"))
    let edits = operations.reduce(0) { total, operation in
      switch operation {
      case .equal: total
      case .delete(let range): total + range.count
      case .insert(let range): total + range.count
      }
    }
    #expect(edits == 5)
    #expect(SequenceDiff.operations([1, 2], [3]) == [.delete(a: 0..<2), .insert(b: 0..<1)])
    #expect(SequenceDiff.operations([Int](), []) == [])
  }

  @Test("Past the edit bound, two unrelated long paragraphs become one change, quickly")
  func boundedEdits() {
    let a = (0..<3000).map { "a\($0)" }
    let b = (0..<3000).map { "b\($0)" }
    let operations = SequenceDiff.operations(a, b)
    #expect(operations == [.delete(a: 0..<3000), .insert(b: 0..<3000)])
    let near = SequenceDiff.operations(a, Array(a.dropFirst(5)) + ["x"])
    #expect(near == [.delete(a: 0..<5), .equal(a: 5..<3000, b: 0..<2995), .insert(b: 2995..<2996)])
  }
}
