import Foundation
import MemoCore
import MemoLexicon
import MemoLibrary
import MemoScoring
import TestSupport
import Testing

@testable import MemoscopeKit

@Suite("library report: hits marked wrong")
struct LibraryReportIndexTests {
  let memo = Memo(
    source: "acme.txt", company: "Acme",
    paragraphs: [
      "We are becoming an AI-first company, and we are at an inflection point.",
      "Because AI now does much of this work, we are eliminating 120 roles today.",
    ])

  /// The keys of the card's hits whose category has one of `roles`.
  func keys(_ card: ScoreCard, roles: Set<String>) -> Set<HitKey> {
    Set(
      card.allMatches.filter { roles.contains($0.entry.role) }.map {
        HitKey(entry: $0.entry.id, paragraph: $0.match.paragraph, start: $0.match.start)
      })
  }

  @Test("The index is computed again without the wrong hits' contributions")
  func withoutWrongHits() throws {
    let lexicon = try Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path)
    let card = Scorer(lexicon: lexicon).score(memo)
    try #require(card.score > 0)
    try #require(!card.index.attribution.contributions.isEmpty)
    // Nothing marked wrong: the card as scored.
    #expect(Pipeline.removing([], from: card, memo: memo) == card)
    // The cut language wrong: AI is no longer given as the reason for cuts.
    let cuts = keys(card, roles: ["cut"])
    try #require(!cuts.isEmpty)
    let noCut = Pipeline.removing(cuts, from: card, memo: memo)
    #expect(noCut.index.attribution.contributions.isEmpty)
    #expect(noCut.score < card.score)
    #expect(noCut.aiReason != .explicit && noCut.aiReason != .implied)
    // One AI framing hit wrong: its contributions go, the index drops.
    if let framing = card.index.framing.contributions.first {
      let key = HitKey(entry: framing.entry, paragraph: framing.paragraph, start: framing.start)
      let lowered = Pipeline.removing([key], from: card, memo: memo)
      #expect(lowered.score < card.score)
      #expect(
        !lowered.index.framing.contributions.contains {
          $0.entry == framing.entry && $0.start == framing.start
        })
    }
    // Every AI hit wrong: nothing is left to score.
    let ai = keys(card, roles: ["ai_framing", "ai_reference"])
    let none = Pipeline.removing(ai, from: card, memo: memo)
    #expect(none.score == 0)
    #expect(none.aiReason == .absent)
    // The report's summary line says so.
    let line = Pipeline.withVetting(
      "# R\n\n## Summary\n\n- a\n", VettingSummary(hits: 4, checked: 2, wrong: 1))
    #expect(line.contains("- Vetting: 2 of 4 hits checked by a person, 1 wrong; hits marked"))
    #expect(line.contains("each memo's index is computed again without them."))
  }
}
