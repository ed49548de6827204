import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

@Suite("Scorer")
struct ScorerTests {
  let scorer: Scorer

  init() throws {
    scorer = Scorer(lexicon: try Lexicon.load(Fixtures.url("Lexicons/layered").path))
  }

  func score(_ paragraphs: String...) -> ScoreCard {
    scorer.score(Memo(source: "memo.txt", title: "A memo", company: "Acme", paragraphs: paragraphs))
  }

  static let plainLayoff = [
    "Today we are eliminating 120 roles across the company. We laid off staff in sales and support.",
    "We grew too fast during the pandemic, and the market has changed.",
    "Everyone affected will receive twelve weeks of pay.",
  ]
  static let adoptionOnly = [
    "We are becoming an AI-first company. Soon every manager will be managing AI agents.",
    "This is a change in how we work, and an inflection point for all of us.",
  ]
  static let blamedLayoff = [
    "We are becoming an AI-first company. We are at an inflection point.",
    "Because AI does the work now, we are eliminating 120 roles and removing layers.",
    "Soon every manager will be managing AI agents. We laid off staff in every team.",
  ]

  @Test("A layoff memo that never mentions AI scores zero, whatever its cuts")
  func plainLayoff() {
    let card = scorer.score(Memo(source: "plain.txt", paragraphs: Self.plainLayoff))
    #expect(card.score == 0)
    #expect(card.index.points == 0)
    #expect(card.categories.first { $0.id == "cuts" }?.count == 2)
    #expect(card.index.alternatives.map(\.entry) == ["over_hiring"])
  }

  @Test("An AI-adoption memo without cuts scores below a layoff memo that blames AI")
  func adoptionBelowBlame() {
    let adoption = scorer.score(Memo(source: "adoption.txt", paragraphs: Self.adoptionOnly))
    let blamed = scorer.score(Memo(source: "blamed.txt", paragraphs: Self.blamedLayoff))
    #expect(adoption.score > 0)
    #expect(adoption.index.attribution.points == 0)
    #expect(blamed.index.attribution.points > 0)
    #expect(adoption.score < blamed.score)
    #expect(blamed.score > 50)
  }

  @Test("The index is the documented formula over the listed contributions")
  func formula() {
    let card = scorer.score(Memo(source: "blamed.txt", paragraphs: Self.blamedLayoff))
    // Framing hits: ai_first (w 2, sentence 0), ai_replacing "AI does the work" (w 3, sentence 2),
    // ai_replacing "managing AI agents" (w 3, sentence 3).
    #expect(
      card.index.framing.contributions.map(\.entry) == ["ai_first", "ai_replacing", "ai_replacing"])
    #expect(card.index.framing.points == 0.25 * (2 + 3 + 3))
    // Sentence 2 joins AI and a cut with "Because": explicit, 1.0 x its heaviest AI hit (3).
    // Sentences 0 and 3 have AI and, two and one sentences away, a cut: implied, 0.4 x w.
    #expect(card.aiReason == .explicit)
    #expect(card.announcesCuts)
    #expect(card.index.attribution.contributions.map(\.sentence) == [0, 2, 3])
    #expect(card.index.attribution.contributions.map(\.points) == [0.8, 3.0, 1.2])
    #expect(
      card.index.attribution.contributions.map(\.reason) == [
        "implied: AI ai_first 'AI-first company' (sentence 0) with cut cut_named"
          + " 'eliminating 120 roles' in a nearby sentence (2)",
        "explicit: AI ai_replacing 'AI does the work' and cut cut_named 'eliminating 120 roles'"
          + " joined by cause_word 'Because' (sentence 2)",
        "implied: AI ai_replacing 'managing AI agents' (sentence 3) with cut cut_named"
          + " 'eliminating 120 roles' in a nearby sentence (2)",
      ])
    // Sentence 2 has a number (120); sentences 0 and 3 have nothing concrete.
    #expect(card.index.vagueness.contributions.map(\.sentence) == [0, 3])
    #expect(card.index.vagueness.points == 0.25 * (2 + 3))
    #expect(card.index.signals.map(\.entry) == ["inflection_point"])
    #expect(card.index.signalMultiplier == 1.1)
    #expect(card.index.lengthFactor == 1)
    let points = (2.0 + 5.0 + 1.25) * 1.1
    #expect(abs(card.index.points - points) < 0.001)
    #expect(card.score == (100 * (1 - exp(-points / 8)) * 10).rounded() / 10)
  }

  @Test("Long memos are divided by sqrt(tokens / 500), so repetition does not saturate")
  func lengthNormalisation() {
    let filler = String(repeating: "The office moves to the third floor next week. ", count: 150)
    let short = score("Because AI does the work now, we are eliminating 120 roles.")
    let long = score("Because AI does the work now, we are eliminating 120 roles.", filler)
    #expect(long.tokens > 1000)
    #expect(
      long.index.lengthFactor == ((Double(long.tokens) / 500).squareRoot() * 1000).rounded() / 1000)
    #expect(long.score < short.score)
    #expect(long.score > 0)
  }

  @Test("Distancing hits are reported apart and add nothing to the index")
  func distancing() {
    let denied = score(
      "This is not about AI replacing people. We are eliminating 120 roles.",
      "It is not because of AI.")
    #expect(denied.score == 0)
    #expect(denied.aiReason == .denied)
    #expect(denied.announcesCuts)
    #expect(denied.distancing.map(\.id) == ["not_about_ai", "ai_word"])
    #expect(denied.distancing[0].count == 2)
    #expect(denied.hits.map(\.id) == ["cut_named", "role_eliminations", "cause_word"])
    #expect(denied.categories.first { $0.id == "hedges" }?.count == 2)
  }

  @Test("A concrete AI claim with a number is not vague")
  func concreteClaims() {
    let card = score("AI writes 30% of our code. We laid off staff.")
    #expect(card.index.framing.contributions.map(\.entry) == ["code_share"])
    #expect(card.index.vagueness.contributions.isEmpty)
    #expect(card.index.attribution.contributions.count == 1)
  }

  @Test("Hits carry place, text and context; categories carry rates per 1,000 tokens")
  func hitDetails() throws {
    let long = String(repeating: "word ", count: 30)
    let card = score("\(long)we are removing\nlayers \(long)")
    let hit = try #require(card.hits.first)
    #expect(hit.id == "fewer_layers")
    #expect(hit.phrase == "fewer layers")
    #expect(hit.category == "cuts")
    #expect(hit.count == 1)
    let match = hit.matches[0]
    #expect(match.paragraph == 1)
    #expect(match.start == 157)
    #expect(match.end == 172)
    #expect(match.text == "removing layers")
    #expect(match.before == "…" + String(repeating: "word ", count: 10) + "we are ")
    #expect(match.after == String(repeating: " word", count: 11) + "…")
    #expect(card.tokens == 64)
    #expect(card.categories.first { $0.id == "cuts" }?.perThousandTokens == 15.63)
    #expect(card.title == "A memo")
    #expect(card.company == "Acme")
    #expect(card.lexicon.name == "layered")
  }

  @Test("Score cards encode every key, null for unknown metadata")
  func encoding() throws {
    let card = scorer.score(Memo(source: "x.txt", paragraphs: ["We laid off staff."]))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(card), as: UTF8.self)
    #expect(json.contains("\"company\":null"))
    #expect(json.contains("\"date\":null"))
    let decoded = try JSONDecoder().decode(ScoreCard.self, from: Data(json.utf8))
    #expect(decoded == card)
  }
}
