/// What reports and comparisons need from a memo's score card: the index, per-category counts
/// and each hit with its place and context.
///
/// Built from `MemoScoring`'s score card (see `ScoreSummary+ScoreCard.swift`); kept as plain
/// values so that rendering can be tested on its own.
public struct ScoreSummary: Sendable, Codable, Equatable {
  /// The AI-washing index.
  public var index: Double
  /// Words (tokens) in the memo.
  public var tokens: Int
  /// Every lexicon category in lexicon order, with its counts (zero counts included).
  public var categories: [CategoryScore]
  /// Every hit, in reading order.
  public var hits: [HitSummary]
  /// The parts the index is computed from, in the scoring module's order.
  public var components: [IndexPart]
  /// Whether the memo announces job cuts; nil when the scorer did not say.
  public var announcesCuts: Bool?
  /// How the memo ties AI to its cuts, as the scorer labels it: `explicit` (AI given as the
  /// reason), `implied` (AI framing tied to the cuts), `framing` (AI framing not tied to the
  /// cuts), `absent` (no AI) or `denied` (AI denied as the reason); nil when unknown.
  public var aiReason: String?

  /// Creates a summary.
  public init(
    index: Double, tokens: Int, categories: [CategoryScore], hits: [HitSummary],
    components: [IndexPart] = [], announcesCuts: Bool? = nil, aiReason: String? = nil
  ) {
    self.index = index
    self.tokens = tokens
    self.categories = categories
    self.hits = hits
    self.components = components
    self.announcesCuts = announcesCuts
    self.aiReason = aiReason
  }

  /// The roles whose hits make the index (see the scoring module's formula: AI framing and AI
  /// references, cut and causal language that tie them to the cuts, restructuring and signals);
  /// distancing and alternative explanations are listed but do not raise it.
  public static let indexRoles: Set<String> = [
    "ai_framing", "ai_reference", "cut", "cause", "restructuring", "signal",
  ]

  /// Categories that drive the index, most hits first (ties: lexicon order); empty when the
  /// index is 0, since then nothing drove it.
  public var drivingCategories: [CategoryScore] {
    guard index > 0 else { return [] }
    return leadingCategories.filter { Self.indexRoles.contains($0.role) }
  }

  /// Categories with at least one hit, most hits first (ties: lexicon order).
  public var leadingCategories: [CategoryScore] {
    categories.enumerated().filter { $0.element.hits > 0 }
      .sorted { ($1.element.hits, $0.offset) < ($0.element.hits, $1.offset) }
      .map(\.element)
  }

  /// Hits grouped by lexicon entry: entry id, phrase, category, count and the surface forms
  /// as written, most used first (ties: entry id).
  public var entries: [EntryUse] {
    var uses: [String: EntryUse] = [:]
    for hit in hits {
      uses[
        hit.entryID,
        default: EntryUse(
          entryID: hit.entryID, phrase: hit.phrase, category: hit.category, count: 0)
      ].count += 1
      uses[hit.entryID]!.surfaces[MarkdownText.flatten(hit.surface), default: 0] += 1
    }
    return uses.values.sorted { ($1.count, $0.entryID) < ($0.count, $1.entryID) }
  }
}

/// One category's counts in one memo.
public struct CategoryScore: Sendable, Codable, Equatable {
  /// The category id (`org_flattening`).
  public var id: String
  /// The category's human title.
  public var title: String
  /// The category's role in the index (`ai_framing`, `restructuring`, …).
  public var role: String
  /// Hits in this category.
  public var hits: Int
  /// Hits per 1,000 words.
  public var rate: Double

  /// Creates a category score.
  public init(id: String, title: String, role: String, hits: Int, rate: Double) {
    self.id = id
    self.title = title
    self.role = role
    self.hits = hits
    self.rate = rate
  }
}

/// One lexicon hit with its place in the memo and its context.
public struct HitSummary: Sendable, Codable, Equatable {
  /// The lexicon entry's id.
  public var entryID: String
  /// The entry's canonical phrase (its first pattern, as a person would say it).
  public var phrase: String
  /// The entry's category id.
  public var category: String
  /// The entry's weight.
  public var weight: Double
  /// The paragraph, 0-based (shown 1-based: ¶ 1 is the first paragraph of the memo body).
  public var paragraph: Int
  /// The document-wide sentence index, when the scorer gives it; one sentence counts once per
  /// entry in the report's phrase counts.
  public var sentence: Int?
  /// The matched text as written.
  public var surface: String
  /// Text before the match in its paragraph, as it stands in the paragraph (spaces kept,
  /// starting with `…` when shortened).
  public var before: String
  /// Text after the match in its paragraph, as it stands (ending with `…` when shortened).
  public var after: String

  /// Creates a hit.
  public init(
    entryID: String, phrase: String, category: String, weight: Double, paragraph: Int,
    sentence: Int? = nil, surface: String, before: String, after: String
  ) {
    self.sentence = sentence
    self.entryID = entryID
    self.phrase = phrase
    self.category = category
    self.weight = weight
    self.paragraph = paragraph
    self.surface = surface
    self.before = before
    self.after = after
  }
}

/// How often one lexicon entry was used in a memo.
public struct EntryUse: Sendable, Codable, Equatable {
  /// The entry's id.
  public var entryID: String
  /// The entry's canonical phrase.
  public var phrase: String
  /// The entry's category id.
  public var category: String
  /// Hits of the entry.
  public var count: Int
  /// How often each surface form (the matched text as written) occurs.
  public var surfaces: [String: Int]

  /// Creates an entry use.
  public init(
    entryID: String, phrase: String, category: String, count: Int, surfaces: [String: Int] = [:]
  ) {
    self.entryID = entryID
    self.phrase = phrase
    self.category = category
    self.count = count
    self.surfaces = surfaces
  }

  /// The form to show a reader: the most frequent surface form (ties: the smallest in
  /// byte order), else the canonical phrase.
  public var displayPhrase: String { Self.mostFrequent(surfaces) ?? phrase }

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

/// One named part of the AI-washing index, e.g. the AI-framing weight per 1,000 words.
public struct IndexPart: Sendable, Codable, Equatable {
  /// The component's name as the scoring module gives it.
  public var name: String
  /// Its value.
  public var value: Double

  /// Creates a component.
  public init(name: String, value: Double) {
    self.name = name
    self.value = value
  }
}
