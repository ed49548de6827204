import MemoCore
import MemoTokenization

/// A loaded and compiled lexicon: categories, weighted entries and one phrase matcher.
///
/// Load with `Lexicon.load(_:)`; find hits in a tokenized document with `hits(in:)`. A lexicon
/// is immutable and safe to share between threads.
public struct Lexicon: Sendable {
  /// The lexicon's name, e.g. `ai-washing`.
  public let name: String
  /// Its semantic version.
  public let version: String
  /// One sentence on what it measures.
  public let description: String
  /// The folder it was read from.
  public let folder: String
  /// FNV-1a 64 over the YAML files' bytes in file-name order, as 16 hex digits.
  public let hash: String
  /// Categories in report order.
  public let categories: [LexiconCategory]
  /// Entries in file-name order, then file order. `LexiconHit.entry` indexes this array.
  public let entries: [LexiconEntry]

  private let categoryIndex: [String: Int]
  private let entryIndex: [String: Int]
  private let matcher: PhraseMatcher
  /// Each entry's overlap group (`CategoryRole.overlapGroup`).
  private let overlapGroups: [Int]
  /// Whether each entry is a distancing entry (those keep their words against any other).
  private let distancingEntries: [Bool]
  /// For each exception or context (in matcher order): its entry and what it does; a context
  /// has a `reach` (sentences either side) and neither suppresses nor redirects.
  private let exceptionRules: [(entry: Int, redirect: Int?, reach: Int?)]
  /// Whether each entry's hits need one of its contexts nearby.
  private let needsContext: [Bool]
  /// The number of distinct token sequences all patterns expand to.
  public let sequenceCount: Int
  /// The states and edges of the compiled automaton (a minimized trie of all sequences).
  public var automatonSize: (states: Int, edges: Int) { matcher.size }

  /// Most sequences one pattern may expand to; beyond this the pattern is an error.
  static let expansionLimit = 20_000

  /// Loads a lexicon folder (or a folder holding exactly one lexicon folder).
  ///
  /// - Throws: The first `LexiconError` found; `LexiconCheck` lists them all.
  public static func load(_ path: String, tokenizer: Tokenizer = Tokenizer()) throws(LexiconError)
    -> Lexicon
  {
    let outcome = LexiconLoader.load(path, tokenizer: tokenizer)
    if let error = outcome.errors.first { throw error }
    guard let lexicon = outcome.lexicon else { throw .notALexicon(path: path) }
    return lexicon
  }

  init(
    name: String, version: String, description: String, folder: String, hash: String,
    categories: [LexiconCategory], entries: [LexiconEntry], tokenizer: Tokenizer,
    errors: inout [LexiconError]
  ) {
    self.name = name
    self.version = version
    self.description = description
    self.folder = folder
    self.hash = hash
    self.categories = categories
    self.entries = entries
    var categoryIndex: [String: Int] = [:]
    for (index, category) in categories.enumerated() where categoryIndex[category.id] == nil {
      categoryIndex[category.id] = index
    }
    self.categoryIndex = categoryIndex
    var entryIndex: [String: Int] = [:]
    for (index, entry) in entries.enumerated() where entryIndex[entry.id] == nil {
      entryIndex[entry.id] = index
    }
    self.entryIndex = entryIndex

    let roles = Dictionary(categories.map { ($0.id, $0.role) }, uniquingKeysWith: { a, _ in a })
    func groupOf(_ entry: Int) -> Int { roles[entries[entry].category]?.overlapGroup ?? 0 }
    self.overlapGroups = entries.map { roles[$0.category]?.overlapGroup ?? 0 }
    self.distancingEntries = entries.map { roles[$0.category] == .distancing }
    var matcher = PhraseMatcher()
    var owners: [[Slot]: (entry: Int, pattern: Int)] = [:]
    var reported = Set<[Int]>()
    var rules: [(entry: Int, redirect: Int?, reach: Int?)] = []
    var lemmas: [String: WordClass] = [:]
    for (index, entry) in entries.enumerated() {
      for (patternIndex, pattern) in entry.patterns.enumerated() {
        let location = entry.patternLocations[patternIndex]
        guard
          let sequences = Self.compile(
            pattern, at: location, tokenizer: tokenizer, errors: &errors, lemmas: &lemmas)
        else { continue }
        for sequence in sequences {
          _ = matcher.insert(
            sequence, output: PhraseOutput(isException: false, index: Int32(index)))
          if let owner = owners[sequence] {
            // Layers overlap with phrases by design ("AI" is a reference and part of "AI-first").
            let sameGroup = groupOf(owner.entry) == groupOf(index)
            if owner.entry != index && sameGroup
              && reported.insert([owner.entry, owner.pattern, index, patternIndex]).inserted
            {
              let other = entries[owner.entry]
              errors.append(
                .duplicatePattern(
                  location, pattern: pattern, tokens: Self.describe(sequence),
                  otherEntry: other.id, other: other.patternLocations[owner.pattern]))
            }
          } else {
            owners[sequence] = (index, patternIndex)
          }
        }
      }
      for exception in entry.exceptions {
        var redirect: Int?
        if case .redirect(let target) = exception.action {
          guard let targetIndex = entryIndex[target] else {
            errors.append(.unknownRedirect(exception.actionLocation, target: target))
            continue
          }
          redirect = targetIndex
        }
        guard
          let sequences = Self.compile(
            exception.pattern, at: exception.location, tokenizer: tokenizer, errors: &errors,
            lemmas: &lemmas)
        else { continue }
        let output = PhraseOutput(isException: true, index: Int32(rules.count))
        rules.append((index, redirect, nil))
        for sequence in sequences { _ = matcher.insert(sequence, output: output) }
      }
      for context in entry.contexts {
        guard
          let sequences = Self.compile(
            context.pattern, at: context.location, tokenizer: tokenizer, errors: &errors,
            lemmas: &lemmas)
        else { continue }
        let output = PhraseOutput(isException: true, index: Int32(rules.count))
        rules.append((index, nil, context.reach))
        for sequence in sequences { _ = matcher.insert(sequence, output: output) }
      }
    }
    self.needsContext = entries.map { !$0.contexts.isEmpty }
    for (key, wordClass) in lemmas.sorted(by: { $0.key < $1.key }) {
      matcher.addClass(key: key, forms: wordClass.forms.sorted())
    }
    matcher.finish()
    self.matcher = matcher
    self.exceptionRules = rules
    self.sequenceCount = owners.count
  }

  /// Parses and expands one pattern; on a problem records it and returns nil.
  static func compile(
    _ pattern: String, at location: SourceLocation, tokenizer: Tokenizer,
    errors: inout [LexiconError], lemmas: inout [String: WordClass]
  ) -> [[Slot]]? {
    let nodes: [PatternNode]
    do {
      nodes = try PatternParser.parse(pattern)
    } catch {
      switch error {
      case .unbalanced(let problem):
        errors.append(.unbalanced(location, pattern: pattern, problem: problem))
      case .syntax(let problem):
        errors.append(.badPattern(location, pattern: pattern, problem: problem))
      }
      return nil
    }
    var expander = Expander(tokenizer: tokenizer)
    defer {
      lemmas.merge(expander.lemmas) {
        WordClass(forms: $0.forms.union($1.forms), written: $0.written.union($1.written))
      }
    }
    guard let sequences = expander.expand(nodes) else {
      errors.append(
        .badPattern(
          location, pattern: pattern,
          problem: expander.problem
            ?? "expands to more than \(expansionLimit) phrases; split it into several patterns"))
      return nil
    }
    // Sorted by their text, each described once (a pattern can expand to thousands).
    let unique = Set(sequences).map { (text: describe($0), sequence: $0) }
      .sorted { $0.text < $1.text }.map(\.sequence)
    if unique.contains(where: \.isEmpty) {
      let reason =
        nodes.allSatisfy({ if case .optional = $0 { true } else { false } })
        ? "can match nothing, because every part is optional"
        : "has no words after tokenization (punctuation only), so it can never match"
      errors.append(.neverMatches(location, pattern: pattern, reason: reason))
      return nil
    }
    if unique.contains(where: { !$0.contains { if case .any = $0 { false } else { true } } }) {
      errors.append(
        .neverMatches(location, pattern: pattern, reason: "is only '*', which would match any text")
      )
      return nil
    }
    return unique
  }

  /// A token sequence as text, e.g. `fewer layers` or `# percent`.
  static func describe(_ sequence: [Slot]) -> String {
    sequence.map { slot -> String in
      switch slot {
      case .word(let form): form
      case .lemma(let key): key + "~"
      case .any: "*"
      case .number: "#"
      }
    }.joined(separator: " ")
  }

  /// The category of an entry (nil only for a broken lexicon).
  public func category(of entry: LexiconEntry) -> LexiconCategory? {
    categoryIndex[entry.category].map { categories[$0] }
  }

  /// The index of the entry with the given id.
  public func entryIndex(of id: String) -> Int? { entryIndex[id] }

  /// Finds the entries' phrases in a tokenized document.
  ///
  /// All patterns are matched at once. Matches compete for words only within their layer (AI
  /// references, cut language, causal constructions, and all other phrases). Where matches of
  /// one layer overlap, the stronger keeps its words: a distancing entry first (it holds the
  /// denial around a claim), then the longer match, then the higher weight ("agentic-AI-first":
  /// "AI first" at 3.0 keeps "AI" from "agentic AI" at 1.5), then the entry listed first and
  /// the earlier match. Then each entry's exceptions void or redirect the
  /// winning hits they overlap, and a hit of an entry with contexts is dropped unless one of
  /// them matches within its reach (sentences before or after the hit's).
  ///
  /// - Returns: Hits in text order.
  /// - Complexity: O(n · L) for n tokens and the longest pattern length L, plus sorting hits.
  public func hits(in text: TokenizedText) -> [LexiconHit] {
    var candidates: [(entry: Int, range: Range<Int>)] = []
    var exceptionMatches: [(rule: Int, range: Range<Int>)] = []
    // Number words ("forty", "two hundred and fifty") are matched as one number token; the
    // ranges found in the folded text are mapped back to the memo's tokens.
    var scanned = text
    var numberForms: [Bool] = []
    var first: [Int]?
    var last: [Int]?
    switch NumberWords.fold(text) {
    case nil: break
    case .forms(let forms): numberForms = forms
    case .folded(let folded, let firsts, let lasts):
      scanned = folded
      first = firsts
      last = lasts
    }
    matcher.scan(scanned, numberForms: numberForms) { output, range in
      var range = range
      if let first, let last {
        range = first[range.lowerBound]..<(last[range.upperBound - 1] + 1)
      }
      if output.isException {
        exceptionMatches.append((Int(output.index), range))
      } else {
        candidates.append((Int(output.index), range))
      }
    }
    guard !candidates.isEmpty else { return [] }
    candidates.sort {
      let left = (distancingEntries[$0.entry] ? 1 : 0, $0.range.count, entries[$0.entry].weight)
      let right = (distancingEntries[$1.entry] ? 1 : 0, $1.range.count, entries[$1.entry].weight)
      if left != right { return left > right }
      return (-$0.entry, -$0.range.lowerBound) > (-$1.entry, -$1.range.lowerBound)
    }
    let groupCount = 4
    var covered = [Bool](repeating: false, count: text.tokens.count * groupCount)
    var hits: [LexiconHit] = []
    for candidate in candidates {
      let base = overlapGroups[candidate.entry] * text.tokens.count
      guard !candidate.range.contains(where: { covered[base + $0] }) else { continue }
      for index in candidate.range { covered[base + index] = true }
      var hit = LexiconHit(
        entry: candidate.entry, matchedEntry: candidate.entry, tokens: candidate.range)
      var suppressed = false
      if needsContext[candidate.entry] {
        let sentence = Int(text.tokens[candidate.range.lowerBound].sentence)
        suppressed = !exceptionMatches.contains { match in
          let rule = exceptionRules[match.rule]
          guard rule.entry == candidate.entry, let reach = rule.reach else { return false }
          return abs(Int(text.tokens[match.range.lowerBound].sentence) - sentence) <= reach
        }
      }
      for match in exceptionMatches
      where !suppressed && exceptionRules[match.rule].entry == candidate.entry
        && exceptionRules[match.rule].reach == nil && match.range.overlaps(candidate.range)
      {
        if let target = exceptionRules[match.rule].redirect {
          hit.entry = target
        } else {
          suppressed = true
        }
        break
      }
      if !suppressed { hits.append(hit) }
    }
    hits.sort { ($0.tokens.lowerBound, $0.entry) < ($1.tokens.lowerBound, $1.entry) }
    return hits
  }

  /// Every distinct word sequence the patterns expand to, lower-cased, sorted (for benchmarks
  /// and peers that match plain strings; sequences with `*` or `#` are left out, and a word
  /// class is given by its shortest form, not by all of its inflections).
  public var plainPhrases: [String] {
    var phrases = Set<String>()
    var errors: [LexiconError] = []
    var lemmas: [String: WordClass] = [:]
    let tokenizer = Tokenizer()
    var sequences: [[Slot]] = []
    for entry in entries {
      for (index, pattern) in entry.patterns.enumerated() {
        sequences +=
          Self.compile(
            pattern, at: entry.patternLocations[index], tokenizer: tokenizer, errors: &errors,
            lemmas: &lemmas) ?? []
      }
    }
    let shortest = lemmas.mapValues {
      $0.written.min { ($0.count, $0) < ($1.count, $1) } ?? ""
    }
    for sequence in sequences {
      var words: [String] = []
      for slot in sequence {
        switch slot {
        case .word(let form): words.append(form)
        case .lemma(let key): words.append(shortest[key] ?? key)
        case .any, .number: break
        }
      }
      if words.count == sequence.count { phrases.insert(words.joined(separator: " ")) }
    }
    return phrases.sorted()
  }
}

/// One phrase of a lexicon entry found in a document.
public struct LexiconHit: Sendable, Hashable {
  /// The index in `Lexicon.entries` of the entry the hit counts for (after any redirect).
  public var entry: Int
  /// The entry whose pattern matched (differs from `entry` after a redirect).
  public var matchedEntry: Int
  /// The matched tokens, as indexes into `TokenizedText.tokens`.
  public var tokens: Range<Int>
}

/// The forms of one word class (`Lemma`) and the pattern words written for it.
struct WordClass: Sendable {
  var forms: Set<String> = []
  var written: Set<String> = []
}

/// Expands pattern nodes into token sequences, tokenizing literal text.
private struct Expander {
  let tokenizer: Tokenizer
  var problem: String?
  /// Every word class met, by class key (see `Lemma`).
  var lemmas: [String: WordClass] = [:]

  init(tokenizer: Tokenizer) { self.tokenizer = tokenizer }

  mutating func expand(_ nodes: [PatternNode]) -> [[Slot]]? {
    var result: [[Slot]] = [[]]
    for node in nodes {
      guard let options = expand(node) else { return nil }
      var product: [[Slot]] = []
      for prefix in result {
        for option in options { product.append(prefix + option) }
      }
      guard product.count <= Lexicon.expansionLimit else { return nil }
      result = product
    }
    return result
  }

  mutating func expand(_ node: PatternNode) -> [[Slot]]? {
    switch node {
    case .any: return [[.any]]
    case .number: return [[.number]]
    case .optional(let inner):
      guard let options = expand(inner) else { return nil }
      return options + [[]]
    case .choice(let alternatives):
      var options: [[Slot]] = []
      for alternative in alternatives {
        guard let expanded = expand(alternative) else { return nil }
        options.append(contentsOf: expanded)
      }
      return options
    case .text(let text, let exact, let inflect):
      let tokenized = tokenizer.tokenize(text)
      let forms = tokenized.normalizedForms
      if exact && forms.count != 1 {
        problem = "'=\(text)' is \(forms.count) tokens; mark one word at a time, as in =new"
        return nil
      }
      var slots: [Slot] = []
      for (token, form) in zip(tokenized.tokens, forms) {
        if exact || token.kind != .word || !(inflect || Lemma.inflects(form)) {
          slots.append(.word(form))
        } else {
          let key = Lemma.key(form)
          lemmas[key, default: WordClass()].forms.formUnion(Lemma.forms(of: form, always: inflect))
          lemmas[key]!.written.insert(form)
          slots.append(.lemma(key))
        }
      }
      return [slots]
    }
  }
}
