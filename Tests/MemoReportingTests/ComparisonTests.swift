import Foundation
import MemoCore
import MemoScoring
import TestSupport
import Testing

@testable import MemoReporting

/// Two memos from one template, with scores built by hand.
func sampleComparison() -> Comparison {
  let left = Memo(
    source: "a/norvale.html", title: "Building an AI-native Norvale", author: "Dana Whitlock",
    date: "2025-03-04", company: "Norvale",
    paragraphs: [
      "Today Norvale is becoming an AI-native company.",
      "We will reduce our workforce by 14 percent.",
      "Every team will work alongside AI agents.",
    ])
  let right = Memo(
    source: "b/quill.html", title: "A note from our founder", author: nil, date: "2025-08-19",
    company: "Quillhaven",
    paragraphs: [
      "Today Quillhaven is becoming an AI-native company.",
      "We will reduce our workforce by 9 percent.",
      "Severance will be sixteen weeks of pay.",
    ])
  var sentence = 0
  func hit(_ entry: String, _ category: String, _ paragraph: Int, _ surface: String) -> TestHit {
    sentence += 1
    return TestHit(
      entry: entry, phrase: surface, category: category, weight: 2, paragraph: paragraph + 1,
      sentence: sentence, surface: surface, before: "", after: "")
  }
  let categories = [("ai_framing", "AI framing"), ("distancing", "Distancing")]
  func score(_ hits: [TestHit], _ index: Double) -> ScoreCard {
    testCard(
      source: "", index: index, tokens: 20,
      categories: categories.map { (id: $0.0, title: $0.1, role: $0.0) }, ratePerHit: 0,
      hits: hits)
  }
  return Comparison(
    left: left, right: right,
    leftScore: score(
      [
        hit("ai_native", "ai_framing", 0, "AI-native"),
        hit("ai_agents", "ai_framing", 2, "AI agents"),
      ], 4.25),
    rightScore: score([hit("ai_native", "ai_framing", 0, "AI-native")], 2),
    lexicon: "fixture 1.0.0 (hash 0011223344556677)",
    passages: [Comparison.Passage(text: "is becoming an AI-native company", words: 5)],
    coverage: (left: 0.4, right: 0.38))
}

@Suite("Comparison")
struct ComparisonTests {
  @Test("Paragraphs pair up with their exact word changes; unique ones are listed")
  func paragraphs() {
    let comparison = sampleComparison()
    #expect(comparison.paragraphs.map(\.kind) == ["matched", "matched", "left_only", "right_only"])
    #expect(comparison.paragraphs[0].changes == [.init(removed: "Norvale", added: "Quillhaven")])
    #expect(comparison.paragraphs[1].changes == [.init(removed: "14", added: "9")])
    #expect(comparison.paragraphs[2].left == 3)
    #expect(comparison.paragraphs[3].right == 3)
  }

  @Test("Buzzwords are split into shared and one-sided")
  func buzzwords() {
    let comparison = sampleComparison()
    #expect(comparison.sharedBuzzwords.map(\.entryID) == ["ai_native"])
    #expect(comparison.leftOnlyBuzzwords.map(\.entryID) == ["ai_agents"])
    #expect(comparison.rightOnlyBuzzwords.isEmpty)
    #expect(comparison.categories[0].leftHits == 2)
    #expect(comparison.categories[0].rightPhrases == ["AI-native"])
  }

  @Test("The Markdown form shows changes as strike and bold, and renders cleanly")
  func markdown() {
    let markdown = sampleComparison().markdown
    #expect(
      markdown.contains(
        "### Norvale ¶ 2 ↔ Quillhaven ¶ 2 (similarity 0.78)\n\n> We will reduce our workforce by ~~14~~ **9** percent."
      ))
    #expect(
      markdown.contains("| AI-washing index | 4.3 | 2.0 |")
        || markdown.contains("| AI-washing index | 4.2 | 2.0 |"))
    for (flavor, html) in CommonMark.renders(markdown) {
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
    }
    let mismatch = Snapshots.mismatch(markdown, at: "Reporting/Snapshots/comparison.md")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("The JSON form has stable keys and rounded numbers")
  func json() throws {
    let json = sampleComparison().json
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(object?["lexicon"] as? String == "fixture 1.0.0 (hash 0011223344556677)")
    #expect(json.contains("\"similarity\" : 0.778"))
    #expect(json == sampleComparison().json)
  }

  @Test("Sides are named by company, else by file name, else A and B")
  func sideNames() {
    var comparison = sampleComparison()
    #expect(comparison.sideNames == ("Norvale", "Quillhaven"))
    comparison.right.company = nil
    #expect(comparison.sideNames == ("Norvale", "quill.html"))
    comparison.left.company = "quill.html"
    #expect(comparison.sideNames == ("A", "B"))
  }

  @Test("The terminal form puts the two memos side by side")
  func terminal() {
    let text = sampleComparison().terminal(TerminalLayout(width: 80, color: false))
    #expect(text.contains("[-14-] percent.                        │ {+9+} percent."))
    #expect(!text.contains("\u{1B}"))
    let mismatch = Snapshots.mismatch(text, at: "Reporting/Snapshots/comparison-80.txt")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("A paragraph found at another place is shown as moved, in every format")
  func moved() throws {
    let shared = "Thank you for everything you have built here together."
    let left = Memo(
      source: "a.txt", company: "Norvale",
      paragraphs: [shared, "Today we are becoming AI-native.", "We will reduce our workforce."])
    let right = Memo(
      source: "b.txt", company: "Quillhaven",
      paragraphs: ["Today we are becoming AI-native.", "We will reduce our workforce.", shared])
    let empty = testCard(
      source: "", index: 0, tokens: 10, categories: [], ratePerHit: 0, hits: [])
    let comparison = Comparison(
      left: left, right: right, leftScore: empty, rightScore: empty, lexicon: "x",
      passages: [], coverage: (0, 0))
    #expect(comparison.paragraphs.map(\.kind) == ["moved", "matched", "matched"])
    #expect(comparison.paragraphCounts.moved == 1)
    #expect(comparison.markdown.contains("### Moved: Norvale ¶ 1 → Quillhaven ¶ 3"))
    #expect(comparison.json.contains("\"kind\" : \"moved\""))
    let terminal = comparison.terminal(TerminalLayout(width: 100, color: false))
    #expect(terminal.contains("(moved to ¶3)"))
    #expect(terminal.contains("(moved from ¶1)"))
  }
}
