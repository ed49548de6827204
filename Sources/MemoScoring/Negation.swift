import MemoCore
import MemoTokenization

/// Negation and denial scope over a tokenized memo.
///
/// - A negation cue (`not`, `n't`, `no`, `never`, `nothing`, `neither`, `nor`, `without`, `none`,
///   `hardly`, `scarcely`, `untrue`, `little` before "if any", `far` before "from", `zero`
///   before "role", "part", "connection")
///   covers the rest of its clause: up to `;`, `:`, a dash, a bracket, a contrast word (`but`,
///   `however`, `instead`, `rather`, `yet`, `while`, `whereas`, `although`) or the sentence end.
///   A comma ends the clause only when a new subject follows it (`, we …`); otherwise the
///   coordinated items stay covered ("not AI, cost or performance").
/// - A subject that reports a claim ("Reports that…", "The supposed link…") or any subject of
///   "a myth", followed by a copula and a falsity word, is negated ("… are inaccurate").
/// - A counterfactual's two cues cancel: "If AI had not taken over…, we would not be cutting…"
///   affirms both the cause and the cut.
/// - The words just before a cue in its clause (the subject of "AI is not the reason") are
///   `subjectNegated`: a claim about them is denied, they are not themselves absent.
/// - A predicate that rejects saying an affirmed claim ("It would be wrong to say AI drove
///   these cuts") negates the claim; "dispute" as a verb ("people close to it dispute reports
///   linking…") and "rien" / "nichts" / "niets" are cues; "not primarily / mainly" is a hedge.
/// - A short denial sentence ("They are not.", "The answer is no.", "No.") has a cue, at most
///   `shortDenialLength` tokens and nothing else of substance; it negates the sentence before it.
///   So does a short opening clause that is only a denial ("No, we overhired…", "It really
///   isn't; our ML team is growing"): `leadingDenials`.
struct NegationScope {
  /// Per token: inside the scope of an odd number of cues ("no decision is made by a model
  /// without a clinician" affirms the clinician).
  var negated: [Bool]
  /// Per token: the number of cues whose scope covers it.
  var coverCount: [UInt8]
  /// Per token: it is a cue.
  var isCueToken: [Bool]
  /// Per token: in the clause before a cue (its subject).
  var subjectNegated: [Bool]
  /// Per sentence: holds a negation cue.
  var hasCue: [Bool]
  /// Sentences that are short denials of the sentence before them.
  var shortDenials: Set<Int>
  /// Sentences whose opening clause is a short denial of the sentence before them; the rest of
  /// the sentence is a clause of its own ("No, we overhired in 2021 and are cutting 120 roles").
  var leadingDenials: Set<Int>
  /// Per sentence: a cue whose clause's subject is a pronoun ("it was not a factor").
  var pronounSubject: [Bool]

  /// Most tokens in a short denial sentence ("The answer is simply no" is 5).
  static let shortDenialLength = 5
  /// Most tokens in a short denial that opens with a pronoun or "no" ("That is not what we are
  /// doing today" is 8).
  static let pronounDenialLength = 8
  /// Most tokens in a denying opening clause ("It really isn't;", "That is simply not the
  /// case:", "No,"): short enough to be nothing but the denial.
  static let leadingDenialLength = 6
  /// Verbs that report an answer before a denial ("Management confirmed that it did not;",
  /// "The CFO replied that it was not"): the denial opens after the verb and its "that".
  static let reportingVerbForms: Set<String> = [
    "confirmed", "confirms", "said", "says", "replied", "replies", "answered", "answers",
    "stated", "states", "responded", "responds", "clarified", "clarifies", "explained",
    "explains", "assured", "assures",
  ]
  /// Most tokens before the reporting verb ("The chief financial officer confirmed" is 4).
  static let reportingSubjectLength = 4
  private static let reportingVerbHashes = Set(reportingVerbForms.map { StableHash.of($0) })
  private static let thatHash = StableHash.of("that")
  /// Words that may follow the cue in a denying opening clause ("It is not true;", "That is
  /// not the case:"); any other word makes the clause a claim of its own ("It isn't easy;").
  static let denialClosingForms: Set<String> = [
    "true", "so", "the", "case", "correct", "accurate", "right", "really",
  ]

  static let cueForms: Set<String> = [
    "not", "no", "never", "nothing", "neither", "nor", "without", "none", "cannot", "nobody",
    "deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting",
    "dismissed", "dismisses", "disputed", "disputes", "refuted", "unrelated", "hardly",
    "scarcely", "untrue", "incorrectly", "wrongly", "erroneously", "falsely", "mistakenly",
    "dispute", "refute", "refutes", "contradict", "contradicts", "contradicted",
    // "nothing" in French, German and Dutch ("n'ont rien à voir avec", "hat nichts mit … zu
    // tun", "heeft niets te maken met"); Spanish "no tiene nada que ver" already has "no".
    "rien", "nichts", "niets",
  ]
  /// Words before "dispute" that make it a noun ("a pay dispute", "the dispute over AI"), not a
  /// verb that rejects a claim ("people close to the firm dispute reports…").
  static let disputeNounMarkers: Set<String> = [
    "a", "an", "the", "this", "that", "its", "their", "our", "his", "her", "pay", "wage",
    "labour", "labor", "trade", "legal", "industrial", "contract", "of", "in", "into", "no",
    "any", "under", "without", "long", "bitter",
  ]
  private static let disputeHash = StableHash.of("dispute")
  private static let disputeNounHashes = Set(disputeNounMarkers.map { StableHash.of($0) })
  /// A news correction retracts what an earlier version reported: "An earlier version of this
  /// story said the cuts were caused by AI" negates the report, from the reporting verb on,
  /// when one of these follows "earlier / previous / original version" within
  /// `correctionReach` tokens.
  static let correctionVerbForms: Set<String> = [
    "said", "stated", "reported", "wrote", "suggested", "described", "claimed", "attributed",
    "misstated", "implied",
  ]
  static let correctionReach = 8
  private static let correctionVerbHashes = Set(correctionVerbForms.map { StableHash.of($0) })
  private static let versionHash = StableHash.of("version")
  private static let earlierHashes = Set(
    ["earlier", "previous", "original"].map { StableHash.of($0) })
  /// A quantifier that is a cue only before "if any" ("played little if any part"): alone it
  /// affirms ("a little help", "little by little").
  static let hedgedCueForm = "little"
  private static let hedgedCueHash = StableHash.of("little")
  private static let ifHash = StableHash.of("if")
  private static let anyHash = StableHash.of("any")
  /// Words that call the claim before them false when a pronoun clause says so ("Blaming AI
  /// would be convenient, but it would be wrong", "…; that is untrue", "…; that is a myth").
  static let falsityForms: Set<String> = [
    "wrong", "untrue", "false", "misleading", "inaccurate", "mistaken", "incorrect", "myth",
    "unfounded", "baseless", "fiction",
  ]
  /// Falsity words that are nouns: "X is a myth" denies X whatever X's subject is.
  static let falsityNounForms: Set<String> = ["myth", "fiction"]
  /// Copulas, modals, adverbs and articles between the pronoun and the falsity word.
  static let copulaForms: Set<String> = [
    "is", "was", "be", "would", "will", "are", "were", "simply", "just", "plainly", "quite",
    "entirely", "also", "being", "that's", "it's", "a", "an", "complete", "total",
  ]
  /// Words that mark a sentence's subject as a claim reported, not made ("Reports that…",
  /// "The supposed link between…", "Claims that…"): such a subject followed by a falsity
  /// predicate ("… are inaccurate", "… is a myth") is denied.
  static let hearsayForms: Set<String> = [
    "supposed", "alleged", "purported", "rumoured", "rumored", "report", "reports",
    "claim", "claims", "suggestion", "suggestions", "speculation", "rumour", "rumours", "rumor",
    "rumors", "idea", "notion", "narrative", "allegation", "allegations", "assertion",
    "assertions", "headlines",
  ]
  /// Nouns that, after "zero", make it a negation cue ("played zero role", "zero connection");
  /// elsewhere "zero" is a number ("zero downtime", "net zero").
  static let zeroCueNouns: Set<String> = [
    "role", "part", "bearing", "connection", "link", "influence", "relation", "relationship",
  ]
  private static let zeroHash = StableHash.of("zero")
  private static let farHash = StableHash.of("far")
  private static let fromHash = StableHash.of("from")
  private static let zeroNounHashes = Set(zeroCueNouns.map { StableHash.of($0) })
  private static let hearsayHashes = Set(hearsayForms.map { StableHash.of($0) })
  private static let falsityNounHashes = Set(falsityNounForms.map { StableHash.of($0) })
  private static let falsityHashes = Set(falsityForms.map { StableHash.of($0) })
  private static let copulaHashes = Set(copulaForms.map { StableHash.of($0) })
  private static let contractedPronounHashes = Set(["that's", "it's"].map { StableHash.of($0) })
  /// Words after a cue that make it no negation: "no longer", "not only", "no doubt", "not just"
  /// ("not just to reduce headcount" says headcount is reduced).
  static let voidingForms: Set<String> = [
    "longer", "only", "doubt", "matter", "exception", "just", "merely", "simply", "solely",
    "entirely", "wholly", "purely", "exclusively", "surprising", "surprisingly", "coincidence",
    "secret", "wonder", "accident",
    // A hedged admission: "not primarily / mainly driven by AI" gives AI as a lesser reason.
    "primarily", "mainly", "mostly", "largely", "chiefly", "principally", "predominantly",
    // Declining to comment is no denial: "Executives would not say", "did not confirm whether".
    "say", "comment", "confirm", "disclose", "elaborate", "specify", "discuss",
    // A negated "stop" affirms what goes on: "Managers won't stop talking about AI fluency".
    "stop", "stopping", "cease",
  ]
  /// Predicates that reject saying what follows ("dishonest to tell you that…").
  static let rejectingForms: Set<String> = [
    "dishonest", "wrong", "false", "untrue", "misleading", "disingenuous", "absurd", "naive",
    "unfair", "silly", "foolish",
  ]
  /// Saying verbs after a rejecting predicate and "to".
  static let sayingForms: Set<String> = [
    "say", "tell", "claim", "pretend", "suggest", "argue", "insist", "imply",
  ]
  /// "not the only", "not our sole": a cue, one of these, then a `soleForms` word is a hedge
  /// ("automation is not the only reason for the cuts" gives automation as one reason).
  static let hedgeDeterminerForms: Set<String> = ["the", "our", "its", "their", "a"]
  static let soleForms: Set<String> = ["only", "sole", "single"]
  /// Pronouns that, as a negated clause's subject, can stand for AI named just before.
  static let pronounForms: Set<String> = ["it", "this", "that", "they", "which"]
  static let contrastForms: Set<String> = [
    "but", "however", "instead", "rather", "yet", "while", "whereas", "although", "though",
  ]
  /// Words that start a new clause after a comma.
  static let subjectForms: Set<String> = [
    "we", "i", "they", "it", "this", "that", "these", "those", "you", "he", "she", "our", "the",
    "there", "and", "so",
  ]

  private static let cueHashes = Set(cueForms.map { StableHash.of($0) })
  private static let contrastHashes = Set(contrastForms.map { StableHash.of($0) })
  private static let subjectHashes = Set(subjectForms.map { StableHash.of($0) })
  private static let norHash = StableHash.of("nor")
  /// "without" negates its object only: "our agents resolve requests without a handoff" says
  /// nothing against the agents, so this cue marks no subject before it.
  private static let withoutHash = StableHash.of("without")
  private static let conjunctionHashes = Set(["and", "so", "then"].map { StableHash.of($0) })
  /// Words that open a new verb phrase or clause after "and".
  static let clauseOpenerForms: Set<String> = [
    "will", "would", "we", "we're", "we'll", "i", "they", "it", "are", "is", "was", "were",
    "have", "has", "can", "must", "shall", "should", "our", "the", "that", "this",
  ]
  private static let clauseOpenerHashes = Set(clauseOpenerForms.map { StableHash.of($0) })
  private static let voidingHashes = Set(voidingForms.map { StableHash.of($0) })
  private static let determinerHashes = Set(hedgeDeterminerForms.map { StableHash.of($0) })
  private static let soleHashes = Set(soleForms.map { StableHash.of($0) })
  private static let denialClosingHashes = Set(denialClosingForms.map { StableHash.of($0) })
  private static let pronounHashes = Set(pronounForms.map { StableHash.of($0) })
  private static let openerHashes = Set(
    ["it", "this", "that", "they", "no", "not", "nope", "neither", "none", "absolutely"].map {
      StableHash.of($0)
    })

  /// True for a cue token: a listed cue or a contraction ending in n't ("isn't", "don't").
  static func isCue(_ form: String) -> Bool {
    cueForms.contains(form) || form.hasSuffix("n't") || form.hasSuffix("n’t")
  }

  /// Whether a matched phrase is negated by a cue outside it: a cue inside the phrase ("with no
  /// human touch", "not made lightly") is part of what the phrase says.
  func negates(_ range: Range<Int>) -> Bool {
    var inside = 0
    for index in range {
      if isCueToken[index] { inside += 1 }
      let outside = Int(coverCount[index]) - inside
      if outside > 0 && outside % 2 == 1 { return true }
    }
    return false
  }

  init(_ text: TokenizedText) {
    let count = text.tokens.count
    negated = [Bool](repeating: false, count: count)
    coverCount = [UInt8](repeating: 0, count: count)
    isCueToken = [Bool](repeating: false, count: count)
    subjectNegated = [Bool](repeating: false, count: count)
    hasCue = [Bool](repeating: false, count: max(1, text.sentenceCount))
    pronounSubject = [Bool](repeating: false, count: max(1, text.sentenceCount))
    shortDenials = []
    leadingDenials = []
    guard count > 0 else { return }
    // Per vocabulary id, what the token is.
    let vocabulary = text.vocabulary
    var cueID = [Bool](repeating: false, count: vocabulary.count)
    var contrastID = [Bool](repeating: false, count: vocabulary.count)
    var subjectID = [Bool](repeating: false, count: vocabulary.count)
    var voidingID = [Bool](repeating: false, count: vocabulary.count)
    var conjunctionID = [Bool](repeating: false, count: vocabulary.count)
    var norID = [Bool](repeating: false, count: vocabulary.count)
    var withoutID = [Bool](repeating: false, count: vocabulary.count)
    var clauseOpenerID = [Bool](repeating: false, count: vocabulary.count)
    var pronounID = [Bool](repeating: false, count: vocabulary.count)
    var openerID = [Bool](repeating: false, count: vocabulary.count)
    var determinerID = [Bool](repeating: false, count: vocabulary.count)
    var soleID = [Bool](repeating: false, count: vocabulary.count)
    var littleID = [Bool](repeating: false, count: vocabulary.count)
    var ifID = [Bool](repeating: false, count: vocabulary.count)
    var anyID = [Bool](repeating: false, count: vocabulary.count)
    var falsityID = [Bool](repeating: false, count: vocabulary.count)
    var copulaID = [Bool](repeating: false, count: vocabulary.count)
    var closingID = [Bool](repeating: false, count: vocabulary.count)
    var correctionVerbID = [Bool](repeating: false, count: vocabulary.count)
    var versionID = [Bool](repeating: false, count: vocabulary.count)
    var earlierID = [Bool](repeating: false, count: vocabulary.count)
    var zeroID = [Bool](repeating: false, count: vocabulary.count)
    var farID = [Bool](repeating: false, count: vocabulary.count)
    var fromID = [Bool](repeating: false, count: vocabulary.count)
    var zeroNounID = [Bool](repeating: false, count: vocabulary.count)
    var hearsayID = [Bool](repeating: false, count: vocabulary.count)
    var falsityNounID = [Bool](repeating: false, count: vocabulary.count)
    var reportingID = [Bool](repeating: false, count: vocabulary.count)
    var thatID = [Bool](repeating: false, count: vocabulary.count)
    for id in 0..<vocabulary.count {
      let hash = vocabulary.hashes[id]
      reportingID[id] = Self.reportingVerbHashes.contains(hash)
      thatID[id] = hash == Self.thatHash
      voidingID[id] = Self.voidingHashes.contains(hash)
      determinerID[id] = Self.determinerHashes.contains(hash)
      soleID[id] = Self.soleHashes.contains(hash)
      conjunctionID[id] = Self.conjunctionHashes.contains(hash)
      norID[id] = hash == Self.norHash
      withoutID[id] = hash == Self.withoutHash
      clauseOpenerID[id] = Self.clauseOpenerHashes.contains(hash)
      pronounID[id] = Self.pronounHashes.contains(hash)
      openerID[id] = Self.openerHashes.contains(hash)
      contrastID[id] = Self.contrastHashes.contains(hash)
      subjectID[id] = Self.subjectHashes.contains(hash)
      cueID[id] = Self.cueHashes.contains(hash)
      littleID[id] = hash == Self.hedgedCueHash
      ifID[id] = hash == Self.ifHash
      anyID[id] = hash == Self.anyHash
      falsityID[id] = Self.falsityHashes.contains(hash)
      closingID[id] = Self.denialClosingHashes.contains(hash)
      correctionVerbID[id] = Self.correctionVerbHashes.contains(hash)
      versionID[id] = hash == Self.versionHash
      earlierID[id] = Self.earlierHashes.contains(hash)
      zeroID[id] = hash == Self.zeroHash
      farID[id] = hash == Self.farHash
      fromID[id] = hash == Self.fromHash
      zeroNounID[id] = Self.zeroNounHashes.contains(hash)
      hearsayID[id] = Self.hearsayHashes.contains(hash)
      falsityNounID[id] = Self.falsityNounHashes.contains(hash)
      copulaID[id] =
        Self.copulaHashes.contains(hash) && !Self.contractedPronounHashes.contains(hash)
      if Self.contractedPronounHashes.contains(hash) { pronounID[id] = true }
    }
    // Contractions are rare forms: check them by text only when the id is not already a cue.
    for id in 0..<vocabulary.count where !cueID[id] {
      let form = vocabulary.form(UInt32(id))
      if form.hasSuffix("n't") || form.hasSuffix("n’t") { cueID[id] = true }
    }
    var scalarCache: [Int: [Unicode.Scalar]] = [:]
    func scalars(_ paragraph: Int) -> [Unicode.Scalar] {
      if let cached = scalarCache[paragraph] { return cached }
      let result = Array(text.paragraphs[paragraph].unicodeScalars)
      scalarCache[paragraph] = result
      return result
    }
    /// The punctuation between token i and i + 1 (same paragraph): clause break, comma or none.
    func gap(after index: Int) -> Character? {
      let left = text.tokens[index]
      let right = text.tokens[index + 1]
      guard left.paragraph == right.paragraph else { return ";" }
      let chars = scalars(Int(left.paragraph))
      var result: Character?
      for position in Int(left.end)..<min(Int(right.start), chars.count) {
        let scalar = chars[position]
        switch scalar {
        // A full stop inside a sentence is an abbreviation's ("A.I. had nothing to do with"),
        // not a clause end: sentence ends are read from the tokens.
        case ";", ":", "—", "–", "(", ")", "!", "?": return ";"
        case ",": result = ","
        default: break
        }
      }
      return result
    }
    func clauseEnds(after index: Int) -> Bool {
      guard index + 1 < count else { return true }
      let next = text.tokens[index + 1]
      if next.sentence != text.tokens[index].sentence { return true }
      if contrastID[Int(next.id)] { return true }
      // "will not renew X and will cut Y": a conjunction opening a new verb phrase.
      if conjunctionID[Int(next.id)] && index + 2 < count
        && text.tokens[index + 2].sentence == next.sentence
        && clauseOpenerID[Int(text.tokens[index + 2].id)]
      {
        return true
      }
      switch gap(after: index) {
      case ";": return true
      case ",": return subjectID[Int(next.id)]
      default: return false
      }
    }

    var sentenceStart = 0
    while sentenceStart < count {
      let sentence = text.tokens[sentenceStart].sentence
      var sentenceEnd = sentenceStart
      while sentenceEnd < count && text.tokens[sentenceEnd].sentence == sentence {
        sentenceEnd += 1
      }
      var cues: [Int] = []
      // "little if any": the quantifier is the cue.
      func isHedgedCue(_ index: Int) -> Bool {
        littleID[Int(text.tokens[index].id)] && index + 2 < sentenceEnd
          && ifID[Int(text.tokens[index + 1].id)] && anyID[Int(text.tokens[index + 2].id)]
      }
      // "An earlier version of this story said…": the reporting verb is the cue.
      func isCorrectionCue(_ index: Int) -> Bool {
        guard correctionVerbID[Int(text.tokens[index].id)], index > sentenceStart + 1 else {
          return false
        }
        let from = max(sentenceStart + 1, index - Self.correctionReach)
        return (from..<index).contains {
          versionID[Int(text.tokens[$0].id)] && earlierID[Int(text.tokens[$0 - 1].id)]
        }
      }
      func form(_ index: Int) -> String { vocabulary.form(text.tokens[index].id) }
      // "had not" / "hadn't" after an "if" earlier in the sentence.
      func isCounterfactual(_ cue: Int) -> Bool {
        let hadNot =
          form(cue) == "hadn't" || form(cue) == "hadn’t"
          || (form(cue) == "not" && cue > sentenceStart && form(cue - 1) == "had")
        return hadNot && (sentenceStart..<cue).contains { ifID[Int(text.tokens[$0].id)] }
      }
      // "would not" / "wouldn't" / "could not" in the main clause.
      func isConsequent(_ cue: Int) -> Bool {
        ["wouldn't", "wouldn’t", "couldn't", "couldn’t"].contains(form(cue))
          || (["not", "never"].contains(form(cue)) && cue > sentenceStart
            && ["would", "could"].contains(form(cue - 1)))
      }
      // "far from being caused by AI", "played zero role": two-word cues.
      func isPairCue(_ index: Int) -> Bool {
        guard index + 1 < sentenceEnd else { return false }
        let next = Int(text.tokens[index + 1].id)
        let id = Int(text.tokens[index].id)
        return (farID[id] && fromID[next]) || (zeroID[id] && zeroNounID[next])
      }
      // "It would be dishonest to tell you that AI had nothing to do with…": a claim under a
      // predicate that rejects saying it is affirmed; cues after the saying verb are void.
      var rejectedFrom = sentenceEnd
      if sentenceEnd - sentenceStart >= 3 {
        for index in sentenceStart..<(sentenceEnd - 2)
        where Self.rejectingForms.contains(form(index)) && form(index + 1) == "to"
          && Self.sayingForms.contains(form(index + 2))
        {
          rejectedFrom = index + 2
          break
        }
      }
      for index in sentenceStart..<sentenceEnd
      where cueID[Int(text.tokens[index].id)] || isHedgedCue(index) || isCorrectionCue(index)
        || isPairCue(index)
      {
        if index > rejectedFrom { continue }
        if index + 1 < sentenceEnd && voidingID[Int(text.tokens[index + 1].id)] { continue }
        // "a pay dispute", "the dispute over AI": the noun rejects nothing.
        if vocabulary.hashes[Int(text.tokens[index].id)] == Self.disputeHash
          && (index == sentenceStart
            || Self.disputeNounHashes.contains(vocabulary.hashes[Int(text.tokens[index - 1].id)]))
        {
          continue
        }
        // "not the only reason", "not our sole focus": a hedge that affirms a partial cause.
        if index + 2 < sentenceEnd && determinerID[Int(text.tokens[index + 1].id)]
          && soleID[Int(text.tokens[index + 2].id)]
        {
          continue
        }
        cues.append(index)
      }
      // "It would be wrong to say AI drove these cuts": a predicate that rejects saying an
      // affirmed claim denies it; the saying verb is the cue and covers the claim.
      if rejectedFrom < sentenceEnd {
        var claimEnd = rejectedFrom
        while claimEnd + 1 < sentenceEnd && !clauseEnds(after: claimEnd) { claimEnd += 1 }
        if !((rejectedFrom + 1)...claimEnd).contains(where: {
          cueID[Int(text.tokens[$0].id)] || isPairCue($0)
        }) {
          cues.append(rejectedFrom)
        }
      }
      // A counterfactual: "If our AI tool had not taken over screening, we would not be cutting
      // 50 roles" affirms both the cause and the cut; the "had not" cue after "if" and the
      // "would not" cue after it cancel.
      if cues.count >= 2, let conditional = cues.firstIndex(where: { isCounterfactual($0) }),
        let consequent = cues[(conditional + 1)...].firstIndex(where: { isConsequent($0) })
      {
        cues.remove(at: consequent)
        cues.remove(at: conditional)
      }
      if !cues.isEmpty {
        hasCue[Int(sentence)] = true
        // A reported answer ("Management confirmed that it did not; …"): the denial opens
        // with the pronoun after the reporting verb and its "that".
        var denialStart = sentenceStart
        if let verb =
          (sentenceStart
          + 1..<min(
            sentenceEnd, sentenceStart + Self.reportingSubjectLength + 1)).first(where: {
            reportingID[Int(text.tokens[$0].id)]
          })
        {
          var pronoun = verb + 1
          if pronoun < sentenceEnd && thatID[Int(text.tokens[pronoun].id)] { pronoun += 1 }
          if pronoun < sentenceEnd && openerID[Int(text.tokens[pronoun].id)]
            && !(sentenceStart..<verb).contains(where: { clauseEnds(after: $0) })
          {
            denialStart = pronoun
          }
        }
        let length = sentenceEnd - sentenceStart
        let opensWithPronoun = openerID[Int(text.tokens[denialStart].id)]
        if (length <= Self.shortDenialLength
          || (opensWithPronoun && length <= Self.pronounDenialLength)) && sentenceStart > 0
        {
          shortDenials.insert(Int(sentence))
        }
        if opensWithPronoun && sentenceStart > 0 {
          // The opening clause alone: "No, we overhired…", "It really isn't; our ML team…"
          // (short or not, the rest of the sentence is a clause of its own).
          var end = denialStart
          while end + 1 < sentenceEnd && !clauseEnds(after: end) { end += 1 }
          if end + 1 < sentenceEnd && end - denialStart < Self.leadingDenialLength,
            let cue = cues.last(where: { $0 <= end }),
            (cue + 1..<end + 1).allSatisfy({ closingID[Int(text.tokens[$0].id)] })
          {
            leadingDenials.insert(Int(sentence))
          }
        }
        for cue in cues {
          // "neither X nor Y", "not X nor Y": the "nor" continues the negation already open.
          if norID[Int(text.tokens[cue].id)] && coverCount[cue] > 0 { continue }
          // Forward: to the clause end.
          var index = cue
          isCueToken[cue] = true
          while index < sentenceEnd {
            coverCount[index] &+= 1
            negated[index] = coverCount[index] % 2 == 1
            if clauseEnds(after: index) { break }
            index += 1
          }
          // Backward: the clause's subject. A correction's subject is the earlier version, not
          // a claim ("An earlier version of this story said…").
          if correctionVerbID[Int(text.tokens[cue].id)] || withoutID[Int(text.tokens[cue].id)] {
            continue
          }
          var back = cue - 1
          while back >= sentenceStart {
            if clauseEnds(after: back) { break }
            subjectNegated[back] = true
            if pronounID[Int(text.tokens[back].id)] && cue - back <= 3 {
              pronounSubject[Int(sentence)] = true
            }
            back -= 1
          }
        }
      }
      // "…, but it would be wrong": a pronoun clause after the claim that calls it false
      // negates everything before it in the sentence.
      // The falsity word closes its clause: "it would be wrong to pretend otherwise" affirms.
      for index in sentenceStart..<sentenceEnd
      where falsityID[Int(text.tokens[index].id)] && clauseEnds(after: index) {
        var back = index - 1
        while back > sentenceStart && copulaID[Int(text.tokens[back].id)] { back -= 1 }
        guard back > sentenceStart, pronounID[Int(text.tokens[back].id)],
          contrastID[Int(text.tokens[back - 1].id)] || clauseEnds(after: back - 1)
        else { continue }
        let claimEnd = contrastID[Int(text.tokens[back - 1].id)] ? back - 1 : back
        guard claimEnd > sentenceStart else { continue }
        hasCue[Int(sentence)] = true
        isCueToken[index] = true
        for covered in sentenceStart..<claimEnd {
          coverCount[covered] &+= 1
          negated[covered] = coverCount[covered] % 2 == 1
        }
      }
      // "Reports that the cuts stem from AI are inaccurate", "The supposed link between the
      // layoffs and AI is a myth": a subject that reports a claim (or any subject of "a
      // myth"), then a copula and a falsity word ending the clause or followed by a comma
      // ("…, a spokeswoman said"), negates the subject.
      for index in (sentenceStart + 1)..<max(sentenceStart + 1, sentenceEnd)
      where falsityID[Int(text.tokens[index].id)]
        && (clauseEnds(after: index) || gap(after: index) == ",")
      {
        var back = index - 1
        while back > sentenceStart && copulaID[Int(text.tokens[back].id)] { back -= 1 }
        guard back < index - 1, copulaID[Int(text.tokens[back + 1].id)] else { continue }
        // The subject is the copula's own clause: back to a semicolon, a dash, a contrast word
        // or a comma before a new subject ("Our layoffs are due to AI, and the idea that…");
        // "and our AI rollout" without a comma is a coordinated noun, not a new clause.
        var first = back
        while first > sentenceStart {
          let breaks =
            gap(after: first - 1) == ";" || contrastID[Int(text.tokens[first].id)]
            || (gap(after: first - 1) == "," && subjectID[Int(text.tokens[first].id)])
          if breaks { break }
          first -= 1
        }
        let subject = first...back
        guard
          falsityNounID[Int(text.tokens[index].id)]
            || subject.contains(where: { hearsayID[Int(text.tokens[$0].id)] })
        else { continue }
        hasCue[Int(sentence)] = true
        isCueToken[index] = true
        for covered in subject {
          coverCount[covered] &+= 1
          negated[covered] = coverCount[covered] % 2 == 1
        }
      }
      sentenceStart = sentenceEnd
    }
  }
}
