import Foundation
import MemoCore
import MemoLexicon
import MemoTokenization

/// The AI-washing index: how strongly a memo presents AI as the reason for cuts.
///
/// For every hit of an `ai_framing` entry with weight w:
/// - framing: 0.25 · w (AI framing is present at all);
/// - attribution: 1.0 · w when a `restructuring` hit lies within ±2 sentences (AI given as
///   the reason next to cut language);
/// - vagueness: 0.25 · w when the hit's sentence has no number and no concrete noun (a task,
///   tool or unit such as "tickets", "code", "hours"; see `concreteNouns`).
///
/// points = (framing + attribution + vagueness) · (1 + 0.1 · min(3, signal hits)), and
/// index = 100 · (1 − e^(−points / 8)), rounded to one decimal. A memo without AI framing scores
/// 0 whatever its cuts; distancing hits are not framing and add nothing; alternative
/// explanations are listed but not scored.
public enum WashingIndex {
  /// Points per unit of weight for any AI-framing hit.
  public static let framingFactor = 0.25
  /// Extra points per unit of weight for an AI-framing hit near restructuring language.
  public static let attributionFactor = 1.0
  /// Extra points per unit of weight for an AI-framing hit with nothing concrete in its sentence.
  public static let vaguenessFactor = 0.25
  /// Sentences either side of a framing hit searched for restructuring hits.
  public static let window = 2
  /// Multiplier added per signal hit, and the most signal hits counted.
  public static let signalStep = 0.1
  public static let maxSignals = 3
  /// The points at which the index reaches 63 (1 − 1/e).
  public static let scale = 8.0

  /// The formula in words, stamped into every score card.
  public static let formula =
    "index = 100 * (1 - exp(-points / 8)); points = (framing + attribution + vagueness)"
    + " * (1 + 0.1 * min(3, signal hits)); per ai_framing hit of weight w: framing 0.25w,"
    + " attribution 1.0w if a restructuring hit is within 2 sentences, vagueness 0.25w if its"
    + " sentence has no number and no concrete noun"

  /// Normalized words that make an AI claim concrete: tasks, tools, work units and measures.
  public static let concreteNouns: Set<String> = [
    "code", "coding", "tests", "testing", "ticket", "tickets", "bug", "bugs", "invoice",
    "invoices", "claim", "claims", "call", "calls", "chat", "chats", "email", "emails",
    "translation", "translations", "documentation", "document", "documents", "query", "queries",
    "case", "cases", "contract", "contracts", "report", "reports", "review", "reviews",
    "hours", "hour", "minutes", "days", "weeks", "percent", "dollars", "million", "billion",
    "copilot", "chatgpt", "claude", "gemini", "cursor", "llm", "llms", "gpt", "model", "models",
    "tool", "tools", "chatbot", "chatbots", "assistant", "pull", "requests", "deployment",
    "deployments", "transactions", "orders", "shipments", "resolution", "resolutions",
  ]

  /// The index for a number of points.
  public static func index(points: Double) -> Double {
    (100 * (1 - exp(-points / scale)) * 10).rounded() / 10
  }
}

/// Scores memos against a lexicon. Immutable and safe to share between threads.
public struct Scorer: Sendable {
  /// The lexicon.
  public let lexicon: Lexicon
  /// The tokenizer.
  public let tokenizer: Tokenizer

  /// Characters of context either side of a match.
  public static let contextWidth = 60

  private let concreteHashes: Set<UInt64>

  /// Creates a scorer.
  public init(lexicon: Lexicon, tokenizer: Tokenizer = Tokenizer()) {
    self.lexicon = lexicon
    self.tokenizer = tokenizer
    concreteHashes = Set(WashingIndex.concreteNouns.map { StableHash.of($0) })
  }

  /// Tokenizes and scores a memo's paragraphs.
  public func score(_ memo: Memo) -> ScoreCard {
    score(tokenizer.tokenize(paragraphs: memo.paragraphs), memo: memo)
  }

  /// Scores an already tokenized memo body.
  ///
  /// - Complexity: O(n) in the number of tokens, plus O(h log h) in hits.
  public func score(_ text: TokenizedText, memo: Memo) -> ScoreCard {
    let found = lexicon.hits(in: text)
    let tokenCount = text.tokens.count

    // Per sentence: does it hold a number or a concrete noun?
    var concreteSentence = [Bool](repeating: false, count: max(1, text.sentenceCount))
    let concreteIDs = text.vocabulary.hashes.map { concreteHashes.contains($0) }
    for token in text.tokens where token.kind == .number || concreteIDs[Int(token.id)] {
      concreteSentence[Int(token.sentence)] = true
    }

    struct Located {
      var entry: Int
      var role: CategoryRole
      var match: HitMatch
    }
    var located: [Located] = []
    var scalarCache: [Int: [Unicode.Scalar]] = [:]
    for hit in found {
      let entry = lexicon.entries[hit.entry]
      guard let category = lexicon.category(of: entry) else { continue }
      let first = text.tokens[hit.tokens.lowerBound]
      let last = text.tokens[hit.tokens.upperBound - 1]
      located.append(
        Located(
          entry: hit.entry, role: category.role,
          match: makeMatch(
            text, paragraph: Int(first.paragraph), sentence: Int(first.sentence),
            start: Int(first.start), end: Int(last.end), cache: &scalarCache)))
    }

    // Categories.
    var counts = [Int](repeating: 0, count: lexicon.categories.count)
    var weights = [Double](repeating: 0, count: lexicon.categories.count)
    let categoryIndex = Dictionary(
      lexicon.categories.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first })
    for hit in located {
      guard let index = categoryIndex[lexicon.entries[hit.entry].category] else { continue }
      counts[index] += 1
      weights[index] += lexicon.entries[hit.entry].weight
    }
    let categories = lexicon.categories.enumerated().map { index, category in
      CategoryCount(
        id: category.id, title: category.title, role: category.role.rawValue,
        count: counts[index], weight: weights[index],
        perThousandTokens: tokenCount == 0
          ? 0 : (Double(counts[index]) * 1000 / Double(tokenCount) * 100).rounded() / 100)
    }

    // Entries.
    var byEntry: [Int: [HitMatch]] = [:]
    for hit in located { byEntry[hit.entry, default: []].append(hit.match) }
    var hits: [EntryHits] = []
    var distancing: [EntryHits] = []
    for index in byEntry.keys.sorted() {
      let entry = lexicon.entries[index]
      let role = lexicon.category(of: entry)?.role ?? .alternative
      let matches = byEntry[index]!
      let grouped = EntryHits(
        id: entry.id, phrase: entry.canonicalPhrase, category: entry.category,
        role: role.rawValue, weight: entry.weight, count: matches.count, matches: matches)
      if role == .distancing { distancing.append(grouped) } else { hits.append(grouped) }
    }

    // The index.
    let restructuring = located.filter { $0.role == .restructuring }
    var framing: [Contribution] = []
    var attribution: [Contribution] = []
    var vagueness: [Contribution] = []
    var signals: [Contribution] = []
    var alternatives: [Contribution] = []
    func contribution(_ hit: Located, _ points: Double, _ reason: String) -> Contribution {
      Contribution(
        entry: lexicon.entries[hit.entry].id, paragraph: hit.match.paragraph,
        sentence: hit.match.sentence, start: hit.match.start, text: hit.match.text,
        points: (points * 1000).rounded() / 1000, reason: reason)
    }
    for hit in located {
      let weight = lexicon.entries[hit.entry].weight
      switch hit.role {
      case .aiFraming:
        framing.append(
          contribution(hit, WashingIndex.framingFactor * weight, "AI framing, weight \(weight)"))
        let near = restructuring.min {
          (abs($0.match.sentence - hit.match.sentence), $0.match.sentence, $0.match.start)
            < (abs($1.match.sentence - hit.match.sentence), $1.match.sentence, $1.match.start)
        }
        if let near, abs(near.match.sentence - hit.match.sentence) <= WashingIndex.window {
          attribution.append(
            contribution(
              hit, WashingIndex.attributionFactor * weight,
              "near \(lexicon.entries[near.entry].id) '\(near.match.text)' (sentence \(near.match.sentence))"
            ))
        }
        if !concreteSentence[hit.match.sentence] {
          vagueness.append(
            contribution(
              hit, WashingIndex.vaguenessFactor * weight,
              "no number and no concrete noun in its sentence"))
        }
      case .signal:
        signals.append(contribution(hit, 0, "signal"))
      case .alternative:
        alternatives.append(contribution(hit, 0, "alternative explanation (not scored)"))
      case .restructuring, .distancing:
        break
      }
    }
    func component(_ parts: [Contribution]) -> IndexComponent {
      IndexComponent(
        points: (parts.reduce(0) { $0 + $1.points } * 1000).rounded() / 1000,
        contributions: parts)
    }
    let framingPart = component(framing)
    let attributionPart = component(attribution)
    let vaguenessPart = component(vagueness)
    let raw = framingPart.points + attributionPart.points + vaguenessPart.points
    let multiplier =
      raw > 0
      ? 1 + WashingIndex.signalStep * Double(min(WashingIndex.maxSignals, signals.count)) : 1
    let points = (raw * multiplier * 1000).rounded() / 1000
    let breakdown = IndexBreakdown(
      formula: WashingIndex.formula, framing: framingPart, attribution: attributionPart,
      vagueness: vaguenessPart, signalMultiplier: (multiplier * 100).rounded() / 100,
      signals: signals, alternatives: alternatives, points: points)

    return ScoreCard(
      source: memo.source, title: memo.title, company: memo.company, date: memo.date,
      tokens: tokenCount, sentences: text.sentenceCount, score: WashingIndex.index(points: points),
      categories: categories, hits: hits, distancing: distancing, index: breakdown,
      lexicon: LexiconStamp(name: lexicon.name, version: lexicon.version, hash: lexicon.hash))
  }

  /// A match with its text and about `contextWidth` characters of context either side.
  private func makeMatch(
    _ text: TokenizedText, paragraph: Int, sentence: Int, start: Int, end: Int,
    cache: inout [Int: [Unicode.Scalar]]
  ) -> HitMatch {
    let scalars =
      cache[paragraph]
      ?? {
        let scalars = Array(text.paragraphs[paragraph].unicodeScalars)
        cache[paragraph] = scalars
        return scalars
      }()
    func clean(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      var result = ""
      var lastWasSpace = false
      for scalar in slice {
        let space = scalar.properties.isWhitespace
        if space {
          if !lastWasSpace { result.unicodeScalars.append(" ") }
        } else {
          result.unicodeScalars.append(scalar)
        }
        lastWasSpace = space
      }
      return result
    }
    var beforeStart = max(0, start - Self.contextWidth)
    if beforeStart > 0 {
      // Start at a word boundary when one is near.
      if let space = scalars[beforeStart..<start].firstIndex(where: { $0.properties.isWhitespace }),
        space - beforeStart < 15
      {
        beforeStart = space + 1
      }
    }
    var afterEnd = min(scalars.count, end + Self.contextWidth)
    if afterEnd < scalars.count {
      if let space = scalars[end..<afterEnd].lastIndex(where: { $0.properties.isWhitespace }),
        afterEnd - space < 15
      {
        afterEnd = space
      }
    }
    let before = (beforeStart > 0 ? "…" : "") + clean(scalars[beforeStart..<start])
    let after = clean(scalars[end..<afterEnd]) + (afterEnd < scalars.count ? "…" : "")
    return HitMatch(
      paragraph: paragraph, sentence: sentence, start: start, end: end,
      text: clean(scalars[start..<end]), before: before, after: after)
  }
}
