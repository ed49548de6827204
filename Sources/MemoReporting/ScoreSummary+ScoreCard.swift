import MemoCore
import MemoScoring

extension ScoreSummary {
  /// The report's view of a score card: its index, category counts, every hit (distancing
  /// included) in reading order with the scorer's context, the index's parts, and the scorer's
  /// reading of the memo (cuts announced, AI reason).
  ///
  /// The card's paragraph numbers are 1-based; the summary's are 0-based indexes into
  /// `Memo.paragraphs` (every output prints them 1-based).
  public init(_ card: ScoreCard) {
    self.init(
      index: card.score, tokens: card.tokens,
      categories: card.categories.map {
        CategoryScore(
          id: $0.id, title: $0.title, role: $0.role, hits: $0.count, rate: $0.perThousandTokens)
      },
      hits: card.allMatches.map { entry, match in
        HitSummary(
          entryID: entry.id, phrase: entry.phrase, category: entry.category,
          weight: entry.weight, paragraph: match.paragraph - 1, sentence: match.sentence,
          surface: match.text, before: match.before, after: match.after)
      },
      components: [
        IndexPart(name: "framing", value: card.index.framing.points),
        IndexPart(name: "attribution", value: card.index.attribution.points),
        IndexPart(name: "vagueness", value: card.index.vagueness.points),
        IndexPart(name: "signal multiplier", value: card.index.signalMultiplier),
        IndexPart(name: "points", value: card.index.points),
      ], announcesCuts: card.announcesCuts, aiReason: card.aiReason.rawValue)
  }
}

extension ScoredMemo {
  /// A memo with its score card, as the report renders it (for callers holding `ScoreCard`s,
  /// e.g. a report over a subset of a library).
  public init(memo: Memo, card: ScoreCard) {
    self.init(memo: memo, score: ScoreSummary(card))
  }
}
