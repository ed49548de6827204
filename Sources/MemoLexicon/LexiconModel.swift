/// How a category enters the AI-washing index (see Lexicons/README.md).
public enum CategoryRole: String, Sendable, Codable, CaseIterable, Hashable {
  /// AI given as a reason, frame or workforce.
  case aiFraming = "ai_framing"
  /// Cuts and re-organisation language.
  case restructuring
  /// Investor signalling, inevitability and urgency: amplifies framing.
  case signal
  /// Statements that deny or hedge AI as the cause.
  case distancing
  /// Other explanations given for the cuts.
  case alternative
  /// Layer 1: a mention of AI (AI, artificial intelligence, LLMs, agents, automation). Marks AI
  /// as present; scores nothing alone.
  case aiReference = "ai_reference"
  /// Layer 2: cut language, plain or euphemistic (laid off, job cuts, eliminate 40% of staff).
  case cut
  /// Layer 3: a causal or enabling construction (because of, driven by, lets us, blames … for)
  /// that joins AI to cuts within a sentence.
  case cause

  /// True for the layer roles (`ai_reference`, `cut`, `cause`): their hits compete for words
  /// only with hits of the same layer, so a phrase entry never hides a layer hit or the reverse.
  public var isLayer: Bool { self == .aiReference || self == .cut || self == .cause }

  /// The overlap group of a role: hits compete for words only within a group (phrases, AI
  /// references, cut language, causal constructions).
  public var overlapGroup: Int {
    switch self {
    case .aiReference: 1
    case .cut: 2
    case .cause: 3
    default: 0
    }
  }
}

/// A category of a lexicon, as declared in `lexicon.yaml`.
public struct LexiconCategory: Sendable, Hashable, Codable {
  /// The snake_case id, also the name of the category's file.
  public var id: String
  /// A short human title.
  public var title: String
  /// How the category enters the index.
  public var role: CategoryRole
  /// What the category captures.
  public var description: String

  /// Creates a category.
  public init(id: String, title: String, role: CategoryRole, description: String) {
    self.id = id
    self.title = title
    self.role = role
    self.description = description
  }
}

/// A public memo that used an entry's phrase.
public struct EntrySource: Sendable, Hashable, Codable {
  /// The company, e.g. `Fiverr`.
  public var company: String?
  /// When, `YYYY-MM` or `YYYY-MM-DD`.
  public var date: String?
  /// The memo's id in the corpus, e.g. `FVRR-2025-09`.
  public var memo: String?
  /// A link to the memo.
  public var url: String?

  /// Creates a source.
  public init(company: String? = nil, date: String? = nil, memo: String? = nil, url: String? = nil)
  {
    self.company = company
    self.date = date
    self.memo = memo
    self.url = url
  }
}

/// An example sentence and where it is written.
public struct LexiconExample: Sendable, Hashable {
  /// The sentence.
  public var text: String
  /// Where the example is in its file.
  public var location: SourceLocation
}

/// What an exception does to a hit of its entry it overlaps.
public enum ExceptionAction: Sendable, Hashable {
  /// The hit is dropped.
  case suppress
  /// The hit counts as the given entry instead.
  case redirect(to: String)
}

/// A context that voids or redirects hits of its entry.
public struct LexiconException: Sendable, Hashable {
  /// The exception's pattern, in pattern syntax.
  public var pattern: String
  /// What happens to an overlapped hit.
  public var action: ExceptionAction
  /// Where the exception's pattern is written.
  public var location: SourceLocation
  /// Where its `to:` (or `pattern:` when there is none) is written.
  public var actionLocation: SourceLocation
}

/// A context an entry's hits need: a hit counts only when the context's pattern matches in its
/// sentence or within `reach` sentences before or after it ("models" is AI only near an AI word).
public struct LexiconContext: Sendable, Hashable {
  /// The context's pattern, in pattern syntax.
  public var pattern: String
  /// Sentences before and after the hit's own searched for the pattern (0: its sentence only).
  public var reach: Int
  /// Where the pattern is written.
  public var location: SourceLocation
}

/// One lexicon entry: a phrase family with a weight, patterns and examples.
public struct LexiconEntry: Sendable, Hashable {
  /// The snake_case id, unique across the lexicon.
  public var id: String
  /// The category id.
  public var category: String
  /// 0.5 (faint) to 3.0 (signature phrase).
  public var weight: Double
  /// Patterns in pattern syntax; any one matching makes a hit.
  public var patterns: [String]
  /// Where each pattern is written (parallel to `patterns`).
  public var patternLocations: [SourceLocation]
  /// Why the phrase marks AI-washing.
  public var rationale: String
  /// Public memos that used it.
  public var sources: [EntrySource]
  /// Sentences that must produce a hit of this entry.
  public var matchExamples: [LexiconExample]
  /// Sentences that must not produce a hit of this entry.
  public var noMatchExamples: [LexiconExample]
  /// Contexts that void or redirect hits.
  public var exceptions: [LexiconException]
  /// Where the entry starts.
  public var location: SourceLocation
  /// The lexicon version that added the entry (`since:`), when recorded.
  public var since: String? = nil
  /// The lexicon version that last changed its patterns or weight (`changed:`), when recorded.
  public var changed: String? = nil
  /// Contexts one of which a hit needs nearby (`context:`); empty: every hit counts.
  public var contexts: [LexiconContext] = []

  /// The first pattern's plain form: optional parts dropped, first alternatives taken, `~`
  /// removed. Reports print it as the entry's phrase.
  public var canonicalPhrase: String {
    patterns.first.map(PatternParser.plainForm) ?? id
  }
}
