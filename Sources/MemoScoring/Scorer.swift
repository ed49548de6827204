import Foundation
import MemoCore
import MemoLexicon
import MemoTokenization

/// Scores memos against a lexicon. Immutable and safe to share between threads.
public struct Scorer: Sendable {
  /// The lexicon.
  public let lexicon: Lexicon
  /// The tokenizer.
  public let tokenizer: Tokenizer

  /// Characters of context either side of a match.
  public static let contextWidth = 60

  private let concreteHashes: Set<UInt64>
  /// The AI reference entry a bare "agents" read as AI counts under: the first one with a
  /// pattern naming agents (`AgentSense`); nil in a lexicon without one.
  private let agentEntry: Int?

  /// Creates a scorer.
  public init(lexicon: Lexicon, tokenizer: Tokenizer = Tokenizer()) {
    self.lexicon = lexicon
    self.tokenizer = tokenizer
    concreteHashes = Set(WashingIndex.concreteNouns.map { StableHash.of($0) })
    agentEntry = lexicon.entries.indices.first { index in
      let entry = lexicon.entries[index]
      guard lexicon.category(of: entry)?.role == .aiReference else { return false }
      return entry.patterns.contains { pattern in
        pattern.split(whereSeparator: { !$0.isLetter }).contains { $0 == "agents" }
      }
    }
  }

  /// Whether a one-token AI match is the given name Ai: written "Ai" (not "AI" or "A.I."), then
  /// a capitalised word in the same sentence ("Ai Nakamura, head of human resources").
  static func isPersonalName(_ text: TokenizedText, at range: Range<Int>) -> Bool {
    guard range.count == 1, range.upperBound < text.tokens.count else { return false }
    let token = text.tokens[range.lowerBound]
    let next = text.tokens[range.upperBound]
    guard text.normalizedText(of: token) == "ai", next.sentence == token.sentence,
      text.surface(of: token) == "Ai"
    else { return false }
    let surname = text.surface(of: next)
    guard let initial = surname.first, initial.isUppercase, surname.count > 1 else {
      return false
    }
    // "Ai Nakamura", not "Ai TOOLS": the rest of the next word is lower case.
    return surname.dropFirst().allSatisfy { $0.isLowercase }
  }

  /// Words for jobs or people that a negation cue right before denies ("no roles are going").
  static let jobNouns: Set<String> = [
    "roles", "jobs", "positions", "posts", "people", "staff", "employees", "one", "role", "job",
  ]

  /// Whether a one-token "AI" opens its paragraph as an action item's label: a number right
  /// after it, then a colon, bracket or full stop ("AI 1:", "AI 2)", "AI #3."), as meeting
  /// notes number their action items. "AI 2.0 is here" has no mark after its number's end
  /// before a space… and a version keeps its dot inside the number token.
  static func isActionItemLabel(_ text: TokenizedText, at range: Range<Int>) -> Bool {
    guard range.count == 1, range.upperBound < text.tokens.count else { return false }
    let token = text.tokens[range.lowerBound]
    let next = text.tokens[range.upperBound]
    guard text.normalizedText(of: token) == "ai", next.kind == .number,
      next.paragraph == token.paragraph,
      range.lowerBound == 0 || text.tokens[range.lowerBound - 1].paragraph != token.paragraph
    else { return false }
    let rest = text.text(
      paragraph: Int(next.paragraph),
      range: Int(
        next.end)..<min(
          Int(next.end) + 1, text.paragraphs[Int(next.paragraph)].unicodeScalars.count))
    return rest == ":" || rest == ")" || rest == "."
  }

  /// Words before a name that make it a code name ("Project Gemini", "Operation Claude").
  static let codenameForms: Set<String> = [
    "project", "operation", "programme", "program", "initiative", "codename", "mission",
  ]
  /// Titles before a name that make it a person's ("Dr Claude Ngata").
  static let honorificForms: Set<String> = [
    "mr", "mrs", "ms", "mx", "dr", "sir", "dame", "prof", "professor", "monsieur", "madame",
  ]
  /// Labels before a colon whose value is a person ("Lead: Claude Marchetti").
  static let personLabelForms: Set<String> = [
    "lead", "owner", "contact", "author", "sponsor", "chair", "manager", "head", "presenter",
    "speaker", "assignee", "reviewer", "approver", "cc", "from", "to", "dear", "hi", "hello",
  ]
  /// Capitalised words that continue a product's name ("Claude Code", "ChatGPT Enterprise",
  /// "Copilot Studio"), so they are no surname after it.
  static let productQualifiers: Set<String> = [
    "code", "enterprise", "pro", "plus", "team", "teams", "business", "advanced", "ultra",
    "flash", "nano", "studio", "chat", "opus", "sonnet", "haiku", "workspace", "max", "edu",
    "api", "app", "apps", "desktop", "mobile", "web", "agent", "agents", "assistant", "labs",
    "search", "voice", "vision", "mini", "turbo", "instant", "for", "in", "with",
  ]

  /// Whether a one-token AI product name ("Claude", "Gemini", "Copilot") stands where a
  /// person's or a code name stands: after "Project" / "Operation" or a title ("Dr"), after a
  /// label for a person ("Lead: Claude"), as the second half of a hyphenated given name
  /// ("Jean-Claude"), or before a capitalised surname that is no product qualifier ("Claude
  /// Marchetti"). A surname in a title-case headline ("Copilot Gets Smarter") is no surname:
  /// the word after it must not be capitalised too, unless a bracket or comma comes first.
  static func isNameOrCodename(_ text: TokenizedText, at range: Range<Int>) -> Bool {
    guard range.count == 1 else { return false }
    let tokens = text.tokens
    let index = range.lowerBound
    let token = tokens[index]
    let surface = text.surface(of: token)
    guard text.normalizedText(of: token) != "ai", let initial = surface.first,
      initial.isUppercase, surface.contains(where: { $0.isLowercase })
    else { return false }
    func gap(_ left: Int, _ right: Int) -> String {
      text.gap(left, right, acrossParagraphs: "\n")
    }
    func capitalisedWord(_ position: Int) -> Bool {
      let word = text.surface(of: tokens[position])
      guard tokens[position].kind != .number, let first = word.first, first.isUppercase,
        word.count > 1
      else { return false }
      return word.dropFirst().allSatisfy { $0.isLowercase }
    }
    if index > 0 {
      let before = text.normalizedText(of: tokens[index - 1])
      let between = gap(index - 1, index)
      if codenameForms.contains(before) && between == " " { return true }
      if honorificForms.contains(before) && (between == " " || between == ". ") { return true }
      if personLabelForms.contains(before) && between.contains(":") { return true }
      if between == "-" && capitalisedWord(index - 1) { return true }
    }
    let next = index + 1
    guard next < tokens.count, tokens[next].sentence == token.sentence,
      gap(index, next) == " ", capitalisedWord(next),
      !productQualifiers.contains(text.normalizedText(of: tokens[next]))
    else { return false }
    let after = next + 1
    guard after < tokens.count, tokens[after].sentence == token.sentence else { return true }
    let afterGap = gap(next, after)
    return afterGap.contains(where: { "(,".contains($0) }) || !capitalisedWord(after)
  }

  /// Whether the text defines "AI" as something other than artificial intelligence: two words
  /// with the initials A and I next to "AI" in brackets or after "or" ("Amnesty International
  /// (AI)", "artificial insemination, or AI", "AI (Adobe Illustrator)"). The second word
  /// "intelligence" ("Artificial Intelligence (AI)", "augmented intelligence") keeps AI.
  /// Returns the offsets of the "ai" tokens when it does, so every AI hit on them is dropped.
  static func redefinedAI(_ text: TokenizedText) -> Set<Int>? {
    let tokens = text.tokens
    var aiTokens = Set<Int>()
    var redefined = false
    func initial(_ index: Int, _ letter: Character) -> Bool {
      text.surface(of: tokens[index]).first.map {
        $0 == letter || $0 == Character(letter.uppercased())
      }
        ?? false
    }
    func gap(_ left: Int, _ right: Int) -> String { text.gap(left, right) }
    func expansion(_ first: Int, _ second: Int) -> Bool {
      tokens[first].paragraph == tokens[second].paragraph && initial(first, "a")
        && text.normalizedText(of: tokens[first]) != "ai"
        && initial(second, "i") && text.normalizedText(of: tokens[second]) != "intelligence"
        && gap(first, second).allSatisfy { $0 == " " }
    }
    for index in tokens.indices where text.normalizedText(of: tokens[index]) == "ai" {
      aiTokens.insert(index)
      if redefined { continue }
      // "Amnesty International (AI)", "artificial insemination, or AI".
      if index >= 2, expansion(index - 2, index - 1), gap(index - 1, index).contains("(") {
        redefined = true
      }
      if index >= 3, expansion(index - 3, index - 2),
        text.normalizedText(of: tokens[index - 1]) == "or",
        gap(index - 2, index - 1).contains(",") || gap(index - 2, index - 1).contains("(")
      {
        redefined = true
      }
      // "AI (Adobe Illustrator)".
      if index + 2 < tokens.count, expansion(index + 1, index + 2),
        gap(index, index + 1).contains("(")
      {
        redefined = true
      }
    }
    if !redefined && !aiTokens.isEmpty {
      redefined = breedingSense(text, aiTokens: aiTokens)
    }
    if !redefined && !aiTokens.isEmpty {
      let animal = animalSense(text, aiTokens: aiTokens)
      if !animal.isEmpty { return animal }
    }
    return redefined ? aiTokens : nil
  }

  /// Words of zoology: a lower-case "ai" beside one of them is the three-toed sloth ("the pair
  /// of ai, the three-toed species"), not artificial intelligence.
  static let animalForms: Set<String> = [
    "sloth", "sloths", "toed", "species", "mammal", "mammals", "zoo", "zoos", "rainforest",
    "enclosure", "primate", "primates", "wildlife", "arboreal",
  ]
  /// Tokens either side of "ai" within which a zoology word gives it the animal sense.
  /// Calibrated on invented sentences: "ai, the three-toed species" (4), "two ai at the zoo" (3).
  static let animalReach = 5

  /// The "ai" tokens that name the sloth: written in lower case (so not the acronym "AI") with
  /// a zoology word within `animalReach` tokens in their sentence. "AI cameras at the zoo" and
  /// "ai tools" (no zoology word) keep AI.
  static func animalSense(_ text: TokenizedText, aiTokens: Set<Int>) -> Set<Int> {
    let tokens = text.tokens
    var animal = Set<Int>()
    for index in aiTokens where text.surface(of: tokens[index]) == "ai" {
      let from = max(0, index - animalReach)
      let to = min(tokens.count - 1, index + animalReach)
      for other in from...to
      where other != index && tokens[other].sentence == tokens[index].sentence
        && animalForms.contains(text.normalizedText(of: tokens[other]))
      {
        animal.insert(index)
        break
      }
    }
    return animal
  }

  /// Words of livestock breeding: "AI" beside one of them is artificial insemination ("AI
  /// technicians for the heifers", "sexed semen and AI"), not artificial intelligence.
  static let breedingForms: Set<String> = [
    "insemination", "inseminations", "inseminator", "inseminators", "semen", "sire", "sires",
    "heifer", "heifers", "calving", "oestrus", "estrus",
  ]
  /// Herd words: they give "AI" the breeding sense only after "AI technician / service /
  /// programme" ("AI service for dairy herds"); "AI cameras watch the herd", "a bull market
  /// for AI", "a breeding ground for AI start-ups" keep AI.
  static let herdForms: Set<String> = [
    "herd", "herds", "cattle", "cows", "sows", "ewes", "livestock", "dairy", "bull", "bulls",
    "breeding",
  ]
  /// Nouns after "AI" that, with a herd word near, name an insemination service.
  static let breedingServiceForms: Set<String> = [
    "technician", "technicians", "service", "services", "programme", "program", "straws",
  ]
  /// Tokens either side of "AI" within which a breeding word gives it that sense. Calibrated on
  /// invented sentences: "AI service for dairy herds" (4), not a word of the next clause.
  static let breedingReach = 4

  /// Whether "AI" means artificial insemination: the text says "artificial insemination" (and
  /// never "artificial intelligence"), or a breeding word is within `breedingReach` tokens of an
  /// "AI" in its sentence. "AI cameras that watch the herd" (5 tokens on) keeps AI.
  static func breedingSense(_ text: TokenizedText, aiTokens: Set<Int>) -> Bool {
    let tokens = text.tokens
    var insemination = false
    for index in tokens.indices.dropFirst()
    where text.normalizedText(of: tokens[index - 1]) == "artificial" {
      switch text.normalizedText(of: tokens[index]) {
      case "intelligence": return false
      case "insemination": insemination = true
      default: break
      }
    }
    if insemination { return true }
    for index in aiTokens {
      let from = max(0, index - breedingReach)
      let to = min(tokens.count - 1, index + breedingReach)
      let service =
        index + 1 < tokens.count
        && breedingServiceForms.contains(text.normalizedText(of: tokens[index + 1]))
      for other in from...to
      where other != index && tokens[other].sentence == tokens[index].sentence {
        let form = text.normalizedText(of: tokens[other])
        if breedingForms.contains(form) || (service && herdForms.contains(form)) { return true }
      }
    }
    return false
  }

  /// Nouns by which a text names again an AI tool it introduced ("our AI assistant … the
  /// assistant"), singular and plural.
  static let coreferenceNouns: [[String]] = [
    ["assistant", "assistants"], ["tool", "tools"], ["model", "models"], ["agent", "agents"],
    ["bot", "bots"], ["chatbot", "chatbots"], ["copilot", "copilots"], ["platform", "platforms"],
  ]
  /// Determiners before a noun that refers back ("the tool", "this assistant"); not "that",
  /// which is as often a conjunction ("show that agents cannot…").
  static let coreferenceDeterminers: Set<String> = ["the", "this", "these", "those", "our"]
  /// The hashes of `coreferenceNouns`, each with its group.
  static let coreferenceNounGroups: [UInt64: Int] = {
    var groups: [UInt64: Int] = [:]
    for (group, forms) in coreferenceNouns.enumerated() {
      for form in forms { groups[StableHash.of(form)] = group }
    }
    return groups
  }()
  /// The hashes of `coreferenceDeterminers`.
  static let coreferenceDeterminerHashes = Set(coreferenceDeterminers.map { StableHash.of($0) })
  /// Determiners between a name and the AI tool it names ("Ava, our AI assistant").
  static let appositionDeterminers: Set<String> = ["our", "the", "its", "their", "your", "an", "a"]
  /// Capitalised words that are no names for a tool ("our AI assistant, Monday to Friday").
  static let calendarWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "tomorrow", "yesterday",
  ]
  /// Sentences after its introduction within which a name or a definite noun refers back to
  /// an AI tool. Calibrated on invented memos: a letter or memo of a dozen sentences.
  static let coreferenceReach = 12

  /// Later mentions of an AI tool introduced with a name or a head noun: "Ava, our AI
  /// assistant," (or "our AI assistant, Ava," / "called Ava") makes every later capitalised
  /// "Ava" an AI reference; "our AI drafting tool" makes a later "the tool" one. Returns the
  /// entry of the introducing hit and the range of each later mention not already an AI hit.
  func coreferences(_ text: TokenizedText, located: [Located]) -> [(Int, Range<Int>)] {
    let tokens = text.tokens
    let introductions = located.filter { $0.role == .aiReference && !$0.negated }
    guard !introductions.isEmpty else { return [] }
    func form(_ index: Int) -> String { text.normalizedText(of: tokens[index]) }
    func gap(_ left: Int, _ right: Int) -> String { text.gap(left, right) }
    func isName(_ index: Int) -> Bool {
      guard tokens[index].kind != .number else { return false }
      let surface = text.surface(of: tokens[index])
      guard let initial = surface.first, initial.isUppercase, surface.count > 1,
        !Self.calendarWords.contains(form(index))
      else { return false }
      return surface.dropFirst().allSatisfy { $0.isLowercase }
    }
    var names: [(hash: UInt64, entry: Int, sentence: Int)] = []
    var nouns: [(group: Int, entry: Int, sentence: Int)] = []
    for hit in introductions {
      let range = hit.tokens
      let sentence = tokens[range.lowerBound].sentence
      // The head noun: the hit's last word or one of the two after it ("AI drafting tool").
      var head = range.upperBound - 1
      for index in (range.upperBound - 1)..<min(tokens.count, range.upperBound + 2)
      where tokens[index].sentence == sentence {
        if let group = Self.coreferenceNounGroups[text.hash(of: tokens[index])] {
          nouns.append((group, hit.entry, Int(sentence)))
          head = index
          break
        }
      }
      // "Ava, our AI assistant," — the apposition closes with a comma or a bracket after its
      // head noun.
      let before = range.lowerBound - 2
      if before >= 0, tokens[before].sentence == sentence,
        Self.appositionDeterminers.contains(form(before + 1)), isName(before),
        gap(before, before + 1).contains(","),
        head + 1 < tokens.count, tokens[head + 1].sentence == sentence,
        gap(head, head + 1).contains(where: { ",)".contains($0) })
      {
        names.append((text.hash(of: tokens[before]), hit.entry, Int(sentence)))
      }
      // "our AI assistant, Ava,", "an AI assistant called Ava".
      var after = head + 1
      if after < tokens.count, ["called", "named"].contains(form(after)) { after += 1 }
      if after < tokens.count, tokens[after].sentence == sentence, isName(after),
        after > head + 1 || gap(head, after).contains(",")
      {
        names.append((text.hash(of: tokens[after]), hit.entry, Int(sentence)))
      }
    }
    guard !names.isEmpty || !nouns.isEmpty else { return [] }
    let start = tokens[introductions.map(\.tokens.lowerBound).min()!].sentence
    var covered = Set<Int>()
    for hit in located where hit.role == .aiReference { covered.formUnion(hit.tokens) }
    let nameHashes = Set(names.map(\.hash))
    var result: [(Int, Range<Int>)] = []
    for index in tokens.indices where tokens[index].sentence > start {
      let hash = text.hash(of: tokens[index])
      guard nameHashes.contains(hash) || Self.coreferenceNounGroups[hash] != nil,
        !covered.contains(index)
      else { continue }
      let sentence = Int(tokens[index].sentence)
      if let name = names.first(where: {
        $0.hash == hash && sentence > $0.sentence && sentence - $0.sentence <= Self.coreferenceReach
      }), isName(index) {
        result.append((name.entry, index..<(index + 1)))
        continue
      }
      guard let group = Self.coreferenceNounGroups[hash], index > 0,
        tokens[index - 1].sentence == tokens[index].sentence,
        Self.coreferenceDeterminerHashes.contains(text.hash(of: tokens[index - 1])),
        let noun = nouns.first(where: {
          $0.group == group && sentence > $0.sentence
            && sentence - $0.sentence <= Self.coreferenceReach
        })
      else { continue }
      result.append((noun.entry, index..<(index + 1)))
    }
    return result
  }

  /// Tokenizes and scores a memo's paragraphs.
  public func score(_ memo: Memo) -> ScoreCard {
    score(tokenizer.tokenize(paragraphs: memo.paragraphs), memo: memo)
  }

  /// Scores an already tokenized memo body.
  ///
  /// - Complexity: O(n) in the number of tokens, plus O(h log h) in hits.
  public func score(_ text: TokenizedText, memo: Memo) -> ScoreCard {
    let tokenCount = text.tokens.count
    let sentenceCount = max(1, text.sentenceCount)

    // Per sentence: does it hold a number or a concrete noun?
    var concreteSentence = [Bool](repeating: false, count: sentenceCount)
    let concreteIDs = text.vocabulary.hashes.map { concreteHashes.contains($0) }
    for token in text.tokens where token.kind == .number || concreteIDs[Int(token.id)] {
      concreteSentence[Int(token.sentence)] = true
    }

    // Hits, once per sentence and entry, with their negation state.
    let negation = NegationScope(text)
    var located: [Located] = []
    var seen: [[Int]: Int] = [:]
    var scalarCache: [Int: [Unicode.Scalar]] = [:]
    let otherAI = Self.redefinedAI(text)
    for hit in lexicon.hits(in: text) {
      let entry = lexicon.entries[hit.entry]
      guard let category = lexicon.category(of: entry) else { continue }
      let first = text.tokens[hit.tokens.lowerBound]
      let last = text.tokens[hit.tokens.upperBound - 1]
      if category.role == .aiReference && Self.isPersonalName(text, at: hit.tokens) { continue }
      // "AI 1: HR to confirm…": an action item's label in meeting notes is no AI.
      if category.role == .aiReference && Self.isActionItemLabel(text, at: hit.tokens) {
        continue
      }
      // "Claude Marchetti (Head of Operations)", "Project Gemini": a product name in a
      // person's or a code name's position is no AI.
      if category.role == .aiReference && Self.isNameOrCodename(text, at: hit.tokens) { continue }
      // "-900 FTE", "3,100 -> 1,900", "0 (previously 22)": a count is a cut only when it falls.
      if category.role == .cut && Layout.countFalls(text, hit: hit.tokens) == false { continue }
      // "teams of four, and no roles are going": a negation cue inside a cut, right before its
      // word for jobs (where a pattern's wildcards stand), says no jobs are cut.
      if category.role == .cut,
        hit.tokens.dropFirst().dropLast().contains(where: {
          NegationScope.isCue(text.normalizedText(of: text.tokens[$0]))
            && Self.jobNouns.contains(text.normalizedText(of: text.tokens[$0 + 1]))
        })
      {
        continue
      }
      // "The team will go from 5 people to 12" is growth, not a cut.
      if category.role == .cut
        && Layout.countRises(hit.tokens.map { text.normalizedText(of: text.tokens[$0]) })
      {
        continue
      }
      // "Amnesty International (AI)": the text's "AI" is not artificial intelligence.
      if let otherAI, category.role == .aiReference || category.role == .aiFraming,
        hit.tokens.contains(where: otherAI.contains)
      {
        continue
      }
      // Once per sentence and entry: the first hit, or for cut and causal language the first
      // affirmed one after a negated one ("not because of demand but because of AI", "didn't shed them over costs, it shed
      // them because…": the second "because" is the one the sentence asserts).
      let negated = negation.negates(hit.tokens)
      let key = [hit.entry, Int(first.sentence)]
      if let earlier = seen[key] {
        guard located[earlier].negated && !negated,
          category.role == .cause || category.role == .cut
        else { continue }
      }
      let placed = Located(
        entry: hit.entry, role: category.role, tokens: hit.tokens,
        negated: negated,
        subjectNegated: hit.tokens.allSatisfy { negation.subjectNegated[$0] },
        match: makeMatch(
          text, paragraph: Int(first.paragraph), sentence: Int(first.sentence),
          start: Int(first.start), end: Int(last.end), cache: &scalarCache))
      if let earlier = seen[key] {
        located[earlier] = placed
      } else {
        seen[key] = located.count
        located.append(placed)
      }
    }

    // "Ava, our AI assistant, … With Ava resolving most questions": a name or a definite noun
    // that refers back to an AI tool named earlier is an AI reference too.
    for (entry, range) in coreferences(text, located: located) {
      let sentence = Int(text.tokens[range.lowerBound].sentence)
      let key = [entry, sentence]
      guard seen[key] == nil else { continue }
      let first = text.tokens[range.lowerBound]
      let last = text.tokens[range.upperBound - 1]
      seen[key] = located.count
      located.append(
        Located(
          entry: entry, role: .aiReference, tokens: range, negated: negation.negates(range),
          subjectNegated: range.allSatisfy { negation.subjectNegated[$0] },
          match: makeMatch(
            text, paragraph: Int(first.paragraph), sentence: sentence,
            start: Int(first.start), end: Int(last.end), cache: &scalarCache)))
    }

    // "Our agents now draft…": a bare "agents" takes the sense the memo gives agents as a whole
    // (`AgentSense`): AI agents when the memo names AI or sets agents against the people whose
    // work they took, people when it names their trade anywhere.
    if let entry = agentEntry {
      let decided = AgentSense.decide(
        text, aiReferences: located.filter { $0.role == .aiReference }.map(\.tokens))
      if case .ai(let evidence) = decided.sense {
        for index in decided.candidates {
          let sentence = Int(text.tokens[index].sentence)
          let key = [entry, sentence]
          let range = index..<(index + 1)
          // A sense inferred for the memo reads an affirmed word only: "show why an agent
          // cannot do the job" is a hiring rule, and an inferred AI must not open a denial.
          guard seen[key] == nil, !negation.negates(range), !negation.subjectNegated[index]
          else { continue }
          let token = text.tokens[index]
          seen[key] = located.count
          located.append(
            Located(
              entry: entry, role: .aiReference, tokens: range, negated: false,
              subjectNegated: false,
              match: makeMatch(
                text, paragraph: Int(token.paragraph), sentence: sentence,
                start: Int(token.start), end: Int(token.end), cache: &scalarCache),
              note: "read as AI agents: " + evidence))
        }
      }
    }

    let reading = Attribution(
      located: located, text: text, negation: negation, lexicon: lexicon,
      sentenceCount: sentenceCount)

    // Categories: every hit the memo holds, negated or not, except distancing that hedges
    // nothing about AI.
    let kept = located.indices.filter { reading.keep[$0] }
    var counts = [Int](repeating: 0, count: lexicon.categories.count)
    var weights = [Double](repeating: 0, count: lexicon.categories.count)
    let categoryIndex = Dictionary(
      lexicon.categories.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first })
    for index in kept {
      let hit = located[index]
      guard let category = categoryIndex[lexicon.entries[hit.entry].category] else { continue }
      counts[category] += 1
      weights[category] += lexicon.entries[hit.entry].weight
    }
    let categories = lexicon.categories.enumerated().map { index, category in
      CategoryCount(
        id: category.id, title: category.title, role: category.role.rawValue,
        count: counts[index], weight: weights[index],
        perThousandTokens: tokenCount == 0
          ? 0 : (Double(counts[index]) * 1000 / Double(tokenCount) * 100).rounded() / 100)
    }

    // Entries: distancing holds denials and negated AI phrases.
    var byEntry: [Int: [HitMatch]] = [:]
    var negatedByEntry: [Int: [HitMatch]] = [:]
    for index in kept {
      let hit = located[index]
      if reading.distancing[index] && hit.role != .distancing {
        negatedByEntry[hit.entry, default: []].append(hit.match)
      } else {
        byEntry[hit.entry, default: []].append(hit.match)
      }
    }
    var hits: [EntryHits] = []
    var distancing: [EntryHits] = []
    func group(_ index: Int, _ matches: [HitMatch]) -> EntryHits {
      let entry = lexicon.entries[index]
      let role = lexicon.category(of: entry)?.role ?? .alternative
      return EntryHits(
        id: entry.id, phrase: entry.canonicalPhrase, category: entry.category,
        role: role.rawValue, weight: entry.weight, count: matches.count, matches: matches)
    }
    for index in byEntry.keys.sorted() {
      let grouped = group(index, byEntry[index]!)
      if grouped.role == CategoryRole.distancing.rawValue {
        distancing.append(grouped)
      } else {
        hits.append(grouped)
      }
    }
    for index in negatedByEntry.keys.sorted() {
      distancing.append(group(index, negatedByEntry[index]!))
    }

    // The index.
    var framing: [Contribution] = []
    var vagueness: [Contribution] = []
    var signals: [Contribution] = []
    var alternatives: [Contribution] = []
    func contribution(_ hit: Located, _ points: Double, _ reason: String) -> Contribution {
      Contribution(
        entry: lexicon.entries[hit.entry].id, paragraph: hit.match.paragraph,
        sentence: hit.match.sentence, start: hit.match.start, text: hit.match.text,
        points: (points * 1000).rounded() / 1000, reason: reason)
    }
    for index in kept {
      let hit = located[index]
      let weight = lexicon.entries[hit.entry].weight
      let affirmed = reading.affirmed[index]
      switch hit.role {
      case .aiFraming where affirmed:
        framing.append(
          contribution(hit, WashingIndex.framingFactor * weight, "AI framing, weight \(weight)"))
        if !concreteSentence[hit.match.sentence] {
          vagueness.append(
            contribution(
              hit, WashingIndex.vaguenessFactor * weight,
              "no number and no concrete noun in its sentence"))
        }
      case .signal:
        signals.append(contribution(hit, 0, "signal"))
      case .alternative where affirmed:
        alternatives.append(contribution(hit, 0, "alternative explanation (not scored)"))
      default:
        break
      }
    }
    var attribution: [Contribution] = []
    for link in reading.links {
      let hit = located[link.ai]
      let factor = link.explicit ? WashingIndex.explicitFactor : WashingIndex.impliedFactor
      attribution.append(
        contribution(hit, factor * lexicon.entries[hit.entry].weight, link.reason))
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
    let lengthFactor = WashingIndex.lengthFactor(tokens: tokenCount)
    let scored = reading.reason != .absent && reading.reason != .denied
    let points = scored ? (raw * multiplier / lengthFactor * 1000).rounded() / 1000 : 0
    let breakdown = IndexBreakdown(
      formula: WashingIndex.formula, framing: framingPart, attribution: attributionPart,
      vagueness: vaguenessPart, signalMultiplier: (multiplier * 100).rounded() / 100,
      signals: signals, alternatives: alternatives,
      lengthFactor: (lengthFactor * 1000).rounded() / 1000, points: points)

    return ScoreCard(
      source: memo.source, title: memo.title, company: memo.company, date: memo.date,
      tokens: tokenCount, sentences: text.sentenceCount, score: WashingIndex.index(points: points),
      aiReason: reading.reason, announcesCuts: reading.announcesCuts,
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
      paragraph: paragraph + 1, sentence: sentence, start: start, end: end,
      text: clean(scalars[start..<end]), before: before, after: after)
  }
}

extension TokenizedText {
  /// The text between tokens `left` and `right` (punctuation and spaces), or
  /// `acrossParagraphs` when they stand in different paragraphs.
  func gap(_ left: Int, _ right: Int, acrossParagraphs: String = "") -> String {
    guard tokens[left].paragraph == tokens[right].paragraph else { return acrossParagraphs }
    return text(
      paragraph: Int(tokens[left].paragraph),
      range: Int(tokens[left].end)..<Int(tokens[right].start))
  }
}
