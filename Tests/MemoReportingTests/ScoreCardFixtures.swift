import MemoCore
import MemoScoring

/// A lexicon hit written by hand for report tests: `paragraph` is 1-based and `sentence`
/// 0-based, as in `HitMatch`.
struct TestHit {
  var entry: String
  var phrase: String
  var category: String
  var weight: Double = 2
  var paragraph: Int
  var sentence: Int
  var surface: String
  var before: String
  var after: String
}

/// A score card built by hand, as the scorer would shape it: categories in the order given
/// with their hit counts, hits grouped by entry (distancing ones apart), matches placed in the
/// order given so that `allMatches` reads them back in that order, and the index's framing
/// part equal to `index`.
func testCard(
  source: String, index: Double, tokens: Int,
  categories: [(id: String, title: String, role: String)],
  ratePerHit: Double, hits: [TestHit], announcesCuts: Bool = true,
  aiReason: AIReason = .explicit
) -> ScoreCard {
  let roles = Dictionary(
    categories.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
  var entries: [EntryHits] = []
  for (position, hit) in hits.enumerated() {
    let match = HitMatch(
      paragraph: hit.paragraph, sentence: hit.sentence, start: position * 100,
      end: position * 100 + hit.surface.unicodeScalars.count, text: hit.surface,
      before: hit.before, after: hit.after)
    if let existing = entries.firstIndex(where: { $0.id == hit.entry }) {
      entries[existing].matches.append(match)
      entries[existing].count += 1
    } else {
      entries.append(
        EntryHits(
          id: hit.entry, phrase: hit.phrase, category: hit.category,
          role: roles[hit.category] ?? "ai_framing", weight: hit.weight, count: 1,
          matches: [match]))
    }
  }
  let counts = categories.map { category in
    let count = hits.count { $0.category == category.id }
    return CategoryCount(
      id: category.id, title: category.title, role: category.role, count: count,
      weight: Double(count) * 2, perThousandTokens: Double(count) * ratePerHit)
  }
  let none = IndexComponent(points: 0, contributions: [])
  return ScoreCard(
    source: source, title: nil, company: nil, date: nil, tokens: tokens, sentences: 10,
    score: index, aiReason: aiReason, announcesCuts: announcesCuts, categories: counts,
    hits: entries.filter { $0.role != "distancing" },
    distancing: entries.filter { $0.role == "distancing" },
    index: IndexBreakdown(
      formula: "test", framing: IndexComponent(points: index, contributions: []),
      attribution: none, vagueness: none, signalMultiplier: 1, signals: [], alternatives: [],
      points: index),
    lexicon: LexiconStamp(name: "test", version: "1.0.0", hash: "0123456789abcdef"))
}
