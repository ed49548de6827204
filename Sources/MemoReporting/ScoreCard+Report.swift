import MemoCore
import MemoScoring

/// One hit of a score card as reports read it: the card's own entry and match (paragraph
/// 1-based, sentence 0-based document-wide), not a copy.
public typealias CardHit = (entry: EntryHits, match: HitMatch)

extension ScoreCard {
  /// The roles whose hits make the index (see the scoring module's formula: AI framing and AI
  /// references, cut and causal language that tie them to the cuts, restructuring and signals);
  /// distancing and alternative explanations are listed but do not raise it.
  public static let indexRoles: Set<String> = [
    "ai_framing", "ai_reference", "cut", "cause", "restructuring", "signal",
  ]

  /// Every hit, distancing included, in reading order (`allMatches`).
  public var readingHits: [CardHit] { allMatches }

  /// Categories with at least one hit, most hits first (ties: lexicon order).
  public var leadingCategories: [CategoryCount] {
    categories.enumerated().filter { $0.element.count > 0 }
      .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
      .map(\.element)
  }

  /// Categories that drive the index, most hits first (ties: lexicon order); empty when the
  /// index is 0, since then nothing drove it.
  public var drivingCategories: [CategoryCount] {
    guard score > 0 else { return [] }
    return leadingCategories.filter { Self.indexRoles.contains($0.role) }
  }

  /// The parts the index is computed from, named as the report prints them.
  public var indexParts: [(name: String, value: Double)] {
    [
      ("framing", index.framing.points), ("attribution", index.attribution.points),
      ("vagueness", index.vagueness.points), ("signal multiplier", index.signalMultiplier),
      ("points", index.points),
    ]
  }
}

/// Counting the ways a phrase was written.
enum Spellings {
  /// The most frequent key (ties: the smallest in byte order).
  static func mostFrequent(_ counts: [String: Int]) -> String? {
    var best: (key: String, value: Int)?
    for (key, value) in counts {
      guard let current = best else {
        best = (key, value)
        continue
      }
      if value > current.value
        || (value == current.value && key.utf8.lexicographicallyPrecedes(current.key.utf8))
      {
        best = (key, value)
      }
    }
    return best?.key
  }
}
