/// The score of one memo: token count, lexicon hits, per-category rates and the AI-washing
/// index with every component that made it.
///
/// This is what `memoscope score --format json|jsonl` prints (keys as below, `null` for unknown
/// metadata) and what `compare` and `report` read.
public struct ScoreCard: Sendable, Codable, Equatable {
  /// The input path, as in `Memo.source`.
  public var source: String
  /// The memo's title, when known.
  public var title: String?
  /// The memo's company, when known.
  public var company: String?
  /// The memo's date (`YYYY-MM-DD`), when known.
  public var date: String?
  /// Word and number tokens in the memo body.
  public var tokens: Int
  /// Sentences with at least one token.
  public var sentences: Int
  /// The AI-washing index, 0–100 with one decimal (see `WashingIndex`).
  public var score: Double
  /// Is AI given as the reason for the cuts? The memo's strongest attribution (see `AIReason`).
  public var aiReason: AIReason
  /// True when cut language (plain or euphemistic) is present and not negated: "we are not
  /// making layoffs" is false.
  public var announcesCuts: Bool
  /// Every lexicon category in lexicon order, zero counts included.
  public var categories: [CategoryCount]
  /// Hits of entries whose category is not distancing, grouped by entry, in lexicon order.
  public var hits: [EntryHits]
  /// Hits of distancing entries ("this is not about AI"), reported apart: they are not
  /// attribution and do not raise the index.
  public var distancing: [EntryHits]
  /// How the index was computed, hit by hit.
  public var index: IndexBreakdown
  /// The lexicon used.
  public var lexicon: LexiconStamp

  /// Creates a score card.
  public init(
    source: String, title: String?, company: String?, date: String?, tokens: Int,
    sentences: Int, score: Double, aiReason: AIReason = .absent, announcesCuts: Bool = false,
    categories: [CategoryCount], hits: [EntryHits], distancing: [EntryHits],
    index: IndexBreakdown, lexicon: LexiconStamp
  ) {
    self.source = source
    self.title = title
    self.company = company
    self.date = date
    self.tokens = tokens
    self.sentences = sentences
    self.score = score
    self.aiReason = aiReason
    self.announcesCuts = announcesCuts
    self.categories = categories
    self.hits = hits
    self.distancing = distancing
    self.index = index
    self.lexicon = lexicon
  }

  private enum CodingKeys: String, CodingKey {
    case source, title, company, date, tokens, sentences, score, aiReason, announcesCuts
    case categories, hits, distancing
    case index, lexicon
  }

  /// Encodes every key, writing `null` for unknown metadata so the schema is stable.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(title, forKey: .title)
    try container.encode(company, forKey: .company)
    try container.encode(date, forKey: .date)
    try container.encode(tokens, forKey: .tokens)
    try container.encode(sentences, forKey: .sentences)
    try container.encode(score, forKey: .score)
    try container.encode(aiReason, forKey: .aiReason)
    try container.encode(announcesCuts, forKey: .announcesCuts)
    try container.encode(categories, forKey: .categories)
    try container.encode(hits, forKey: .hits)
    try container.encode(distancing, forKey: .distancing)
    try container.encode(index, forKey: .index)
    try container.encode(lexicon, forKey: .lexicon)
  }

  /// Every hit, distancing included, in reading order (paragraph, then position).
  ///
  /// Paragraph numbers in hits and contributions are 1-based, as in reports and `compare`.
  public var allMatches: [(entry: EntryHits, match: HitMatch)] {
    (hits + distancing).flatMap { entry in entry.matches.map { (entry, $0) } }
      .sorted {
        ($0.match.paragraph, $0.match.start, $0.entry.id) < (
          $1.match.paragraph, $1.match.start, $1.entry.id
        )
      }
  }
}

/// The name, version and content hash of the lexicon a score was computed with.
public struct LexiconStamp: Sendable, Codable, Equatable, Hashable {
  /// The lexicon's name.
  public var name: String
  /// Its semantic version.
  public var version: String
  /// Its content hash (16 hex digits).
  public var hash: String

  /// Creates a stamp.
  public init(name: String, version: String, hash: String) {
    self.name = name
    self.version = version
    self.hash = hash
  }
}

/// One category's hits in one memo.
public struct CategoryCount: Sendable, Codable, Equatable {
  /// The category id, e.g. `org_flattening`.
  public var id: String
  /// Its title.
  public var title: String
  /// Its role: `ai_framing`, `restructuring`, `signal`, `distancing` or `alternative`.
  public var role: String
  /// The number of hits.
  public var count: Int
  /// The sum of the hits' entry weights.
  public var weight: Double
  /// Hits per 1,000 tokens, two decimals.
  public var perThousandTokens: Double

  /// Creates a category count.
  public init(
    id: String, title: String, role: String, count: Int, weight: Double, perThousandTokens: Double
  ) {
    self.id = id
    self.title = title
    self.role = role
    self.count = count
    self.weight = weight
    self.perThousandTokens = perThousandTokens
  }
}

/// The hits of one lexicon entry in one memo.
public struct EntryHits: Sendable, Codable, Equatable {
  /// The entry id, e.g. `fewer_layers`.
  public var id: String
  /// The entry's canonical phrase (its first pattern's plain form).
  public var phrase: String
  /// The entry's category id.
  public var category: String
  /// The category's role.
  public var role: String
  /// The entry's weight.
  public var weight: Double
  /// The number of matches.
  public var count: Int
  /// Each match, in reading order.
  public var matches: [HitMatch]

  /// Creates the hits of an entry.
  public init(
    id: String, phrase: String, category: String, role: String, weight: Double, count: Int,
    matches: [HitMatch]
  ) {
    self.id = id
    self.phrase = phrase
    self.category = category
    self.role = role
    self.weight = weight
    self.count = count
    self.matches = matches
  }
}

/// One place where an entry matched.
public struct HitMatch: Sendable, Codable, Equatable {
  /// The paragraph number, 1-based (`Memo.paragraphs[paragraph - 1]`), as reports print it.
  public var paragraph: Int
  /// The document-wide sentence index, 0-based.
  public var sentence: Int
  /// Where the match starts in the paragraph, in Unicode scalars (a Python string index).
  public var start: Int
  /// Where it ends (exclusive), in Unicode scalars.
  public var end: Int
  /// The matched text as written.
  public var text: String
  /// About 60 characters of the paragraph before the match (`…` when cut).
  public var before: String
  /// About 60 characters of the paragraph after the match (`…` when cut).
  public var after: String

  /// Creates a match.
  public init(
    paragraph: Int, sentence: Int, start: Int, end: Int, text: String, before: String,
    after: String
  ) {
    self.paragraph = paragraph
    self.sentence = sentence
    self.start = start
    self.end = end
    self.text = text
    self.before = before
    self.after = after
  }
}

/// The index's parts: each lists the hits that made it and their points.
public struct IndexBreakdown: Sendable, Codable, Equatable {
  /// The formula, in words.
  public var formula: String
  /// 0.25 × weight for every affirmed AI-framing hit (once per sentence and entry).
  public var framing: IndexComponent
  /// Per sentence where AI is a reason for cuts: 1.0 × the heaviest AI hit's weight when
  /// explicit, 0.4 × when implied. Each contribution's reason names the AI, cut and causal
  /// words that made it.
  public var attribution: IndexComponent
  /// 0.25 × weight for every AI-framing hit whose sentence has no number and no concrete noun.
  public var vagueness: IndexComponent
  /// The signal multiplier: 1 + 0.1 per signal hit (at most 3 counted), when there is framing.
  public var signalMultiplier: Double
  /// The signal hits counted in the multiplier.
  public var signals: [Contribution]
  /// Alternative explanations found (not negated): reported, not scored.
  public var alternatives: [Contribution]
  /// The length divisor: max(1, sqrt(tokens / 500)).
  public var lengthFactor: Double
  /// (framing + attribution + vagueness) × signal multiplier ÷ length factor; 0 when the AI
  /// reason is absent or denied.
  public var points: Double

  /// Creates a breakdown.
  public init(
    formula: String, framing: IndexComponent, attribution: IndexComponent,
    vagueness: IndexComponent, signalMultiplier: Double, signals: [Contribution],
    alternatives: [Contribution], lengthFactor: Double = 1, points: Double
  ) {
    self.formula = formula
    self.framing = framing
    self.attribution = attribution
    self.vagueness = vagueness
    self.signalMultiplier = signalMultiplier
    self.signals = signals
    self.alternatives = alternatives
    self.lengthFactor = lengthFactor
    self.points = points
  }
}

/// One additive part of the index.
public struct IndexComponent: Sendable, Codable, Equatable {
  /// The part's points (sum of its contributions).
  public var points: Double
  /// The hits that made it.
  public var contributions: [Contribution]

  /// Creates a component.
  public init(points: Double, contributions: [Contribution]) {
    self.points = points
    self.contributions = contributions
  }
}

/// One hit's share of an index component.
public struct Contribution: Sendable, Codable, Equatable {
  /// The entry id.
  public var entry: String
  /// The paragraph number of the hit, 1-based.
  public var paragraph: Int
  /// The sentence of the hit.
  public var sentence: Int
  /// The hit's start in the paragraph, in Unicode scalars.
  public var start: Int
  /// The matched text.
  public var text: String
  /// The points it adds (0 for signals and alternatives).
  public var points: Double
  /// Why it counts, e.g. `near role_eliminations (sentence 4)` or `no number or concrete noun
  /// in its sentence`.
  public var reason: String

  /// Creates a contribution.
  public init(
    entry: String, paragraph: Int, sentence: Int, start: Int, text: String, points: Double,
    reason: String
  ) {
    self.entry = entry
    self.paragraph = paragraph
    self.sentence = sentence
    self.start = start
    self.text = text
    self.points = points
    self.reason = reason
  }
}
