/// Word classes for patterns: every pattern word matches its inflections unless it is a closed
/// class word (the, of, us, not, …) or marked exact with `=word`.
///
/// Forms are grouped by a key (a light stemmer: possessive, plural, -ed, -ing and y → i, with
/// e-drop and consonant doubling undone, and irregular verb forms mapped to their base). The
/// class of a pattern word is every form generated from the word's possible bases whose key
/// equals the word's key, so each form belongs to exactly one class and the lexicon compiles the
/// classes into its symbol table once: matching costs the same as for a single word.
public enum Lemma {
  /// The forms a pattern word matches, the word first: itself, and, unless it is a closed class
  /// word, a number or holds an apostrophe, its regular inflections and irregular verb forms.
  /// `always` inflects a closed class word too (a pattern's `do~`).
  public static func forms(of word: String, always: Bool = false) -> [String] {
    guard inflects(word) || (always && word.allSatisfy({ $0.isLetter && $0.isASCII })) else {
      return [word]
    }
    let target = key(word)
    var candidates: [String] = []
    for base in bases(of: word) {
      candidates.append(contentsOf: Inflection.forms(of: base))
      candidates.append(contentsOf: irregularForms[base] ?? [])
    }
    var forms = [word]
    for form in candidates where !forms.contains(form) && key(form) == target {
      forms.append(form)
    }
    return forms
  }

  /// Whether a pattern word takes inflections by default: a word of letters (an inner
  /// apostrophe excluded) that is not a closed class word.
  public static func inflects(_ word: String) -> Bool {
    word.unicodeScalars.count >= 2 && !closedClass.contains(word)
      && word.allSatisfy { $0.isLetter && $0.isASCII }
  }

  /// The class key of a form (lower-case): equal keys, one class.
  public static func key(_ form: String) -> String {
    var word = Array(form.utf8)
    if word.count > 2, word.suffix(2) == Array("'s".utf8) { word.removeLast(2) }
    if let base = irregularBase[String(decoding: word, as: UTF8.self)] { word = Array(base.utf8) }
    guard word.count > 2 else { return String(decoding: word, as: UTF8.self) }
    // Plural or third person -s.
    if word.hasSuffix("sses") {
      word.removeLast(2)
    } else if word.hasSuffix("ies") {
      word.removeLast(2)
    } else if word.last == UInt8(ascii: "s"), !word.hasSuffix("ss"), !word.hasSuffix("us"),
      !word.hasSuffix("is")
    {
      word.removeLast()
    }
    // -ed and -ing, then the e, the undoubled consonant or nothing put back.
    var stripped = false
    if word.hasSuffix("eed") {
      // need, exceed: the e belongs to the word.
    } else if word.hasSuffix("ed"), hasVowel(word.dropLast(2)) {
      word.removeLast(2)
      stripped = true
    } else if word.hasSuffix("ing"), hasVowel(word.dropLast(3)) {
      word.removeLast(3)
      stripped = true
    }
    if stripped {
      if word.hasSuffix("at") || word.hasSuffix("bl") || word.hasSuffix("iz") {
        word.append(UInt8(ascii: "e"))
      } else if measure(word) == 1 && endsConsonantVowelConsonant(word) {
        word.append(UInt8(ascii: "e"))
      }
    }
    // Final y after a vowel-bearing stem reads as i (simplify, simplifies, simplified).
    if word.last == UInt8(ascii: "y"), hasVowel(word.dropLast()) {
      word[word.count - 1] = UInt8(ascii: "i")
    }
    // Final e dropped where it is not needed to keep the word (reduce, reduced → reduc).
    if word.last == UInt8(ascii: "e") {
      let stem = Array(word.dropLast())
      let m = measure(stem)
      if m > 1 || (m == 1 && !endsConsonantVowelConsonant(stem)) { word = stem }
    }
    // A final double consonant counts once (staff, staffed; cut, cutting).
    if word.count > 2, let last = word.last, word[word.count - 2] == last,
      isConsonant(word, word.count - 1),
      !"lsz".utf8.contains(last)
    {
      word.removeLast()
    }
    return String(decoding: word, as: UTF8.self)
  }

  /// The word itself and the bases it may be an inflection of.
  static func bases(of word: String) -> [String] {
    var bases = [word]
    func add(_ base: some StringProtocol) {
      let base = String(base)
      if base.count >= 2 && !bases.contains(base) { bases.append(base) }
    }
    if let base = irregularBase[word] { add(base) }
    if word.hasSuffix("'s") { add(word.dropLast(2)) }
    if word.hasSuffix("ies") { add(word.dropLast(3) + "y") }
    if word.hasSuffix("es") { add(word.dropLast(2)) }
    if word.hasSuffix("s") { add(word.dropLast()) }
    if word.hasSuffix("ied") { add(word.dropLast(3) + "y") }
    for suffix in ["ed", "ing"] where word.hasSuffix(suffix) {
      let stem = word.dropLast(suffix.count)
      add(stem)
      add(stem + "e")
      if stem.count > 2, stem.last == stem.dropLast().last { add(stem.dropLast()) }
    }
    return bases
  }

  private static func isConsonant(_ word: [UInt8], _ index: Int) -> Bool {
    switch word[index] {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
      UInt8(ascii: "u"):
      return false
    case UInt8(ascii: "y"):
      return index == 0 || !isConsonant(word, index - 1)
    default:
      return true
    }
  }

  private static func hasVowel(_ word: ArraySlice<UInt8>) -> Bool {
    let array = Array(word)
    return array.indices.contains { !isConsonant(array, $0) }
  }

  /// Porter's measure: the number of vowel-consonant sequences.
  private static func measure(_ word: [UInt8]) -> Int {
    var m = 0
    var previousVowel = false
    for index in word.indices {
      let vowel = !isConsonant(word, index)
      if previousVowel && !vowel { m += 1 }
      previousVowel = vowel
    }
    return m
  }

  private static func endsConsonantVowelConsonant(_ word: [UInt8]) -> Bool {
    let n = word.count
    guard n >= 3 else { return false }
    return isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)
      && !"wxy".utf8.contains(word[n - 1])
  }

  /// Closed class words: articles, pronouns, prepositions, conjunctions, auxiliaries and
  /// modals, negations and quantifiers. They match only as written: their "inflections" are
  /// other words (us → uses, as → a, its → it).
  static let closedClass: Set<String> = [
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all",
    "both", "either", "neither", "no", "none", "not", "nor", "nothing", "never", "own", "other",
    "another", "such", "same", "more", "most", "less", "least", "few", "fewer", "fewest", "many",
    "much", "several", "enough", "i", "me", "my", "mine", "we", "us", "our", "ours", "you",
    "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them",
    "their", "theirs", "who", "whom", "whose", "which", "what", "whatever", "where", "when",
    "why", "how", "whether", "if", "as", "at", "by", "for", "from", "in", "into", "of", "off",
    "on", "onto", "out", "over", "per", "since", "than", "to", "toward", "towards", "under",
    "until", "up", "upon", "via", "with", "within", "without", "about", "above", "across",
    "after", "against", "along", "among", "around", "before", "behind", "below", "beneath",
    "beside", "besides", "between", "beyond", "down", "during", "except", "inside", "like",
    "near", "outside", "past", "through", "throughout", "unlike", "and", "or", "but", "so",
    "yet", "because", "although", "though", "while", "unless", "whereas", "then", "thus",
    "hence", "therefore", "also", "only", "just", "even", "still", "already", "again", "ever",
    "here", "there", "now", "today", "very", "too", "quite", "rather", "be", "is", "am", "are",
    "was", "were", "been", "being", "have", "has", "had", "having", "do", "does", "did",
    "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "ought", "yes", "one", "ones", "way", "ways",
  ]

  /// Irregular verb (and a few noun) forms, by base.
  static let irregularForms: [String: [String]] = [
    "do": ["does", "did", "done", "doing"], "have": ["has", "had", "having"],
    "bear": ["bore", "borne"], "become": ["became"], "begin": ["began", "begun"],
    "bend": ["bent"], "break": ["broke", "broken"], "bring": ["brought"], "build": ["built"],
    "buy": ["bought"], "catch": ["caught"], "choose": ["chose", "chosen"], "come": ["came"],
    "deal": ["dealt"], "draw": ["drew", "drawn"], "drink": ["drank", "drunk"],
    "drive": ["drove", "driven"], "eat": ["ate", "eaten"], "fall": ["fell", "fallen"],
    "feel": ["felt"], "fight": ["fought"], "find": ["found"], "fly": ["flew", "flown"],
    "forget": ["forgot", "forgotten"], "freeze": ["froze", "frozen"], "get": ["got", "gotten"],
    "give": ["gave", "given"], "go": ["went", "gone"], "grow": ["grew", "grown"],
    "hang": ["hung"], "hear": ["heard"], "hide": ["hid", "hidden"], "hold": ["held"],
    "keep": ["kept"], "know": ["knew", "known"], "lay": ["laid"], "lead": ["led"],
    "leave": ["left"], "lend": ["lent"], "lose": ["lost"], "make": ["made"],
    "mean": ["meant"], "meet": ["met"], "mislead": ["misled"], "oversee": ["oversaw", "overseen"],
    "outgrow": ["outgrew", "outgrown"], "pay": ["paid"], "rebuild": ["rebuilt"],
    "rethink": ["rethought"], "rewrite": ["rewrote", "rewritten"], "rise": ["rose", "risen"],
    "run": ["ran"], "rerun": ["reran"], "say": ["said"], "see": ["saw", "seen"],
    "seek": ["sought"], "sell": ["sold"], "send": ["sent"], "shake": ["shook", "shaken"],
    "shoot": ["shot"], "show": ["shown"], "shrink": ["shrank", "shrunk"], "sink": ["sank", "sunk"],
    "sit": ["sat"], "sleep": ["slept"], "speak": ["spoke", "spoken"], "spend": ["spent"],
    "stand": ["stood"], "steal": ["stole", "stolen"], "stick": ["stuck"], "strike": ["struck"],
    "swing": ["swung"], "take": ["took", "taken"], "teach": ["taught"], "tear": ["tore", "torn"],
    "tell": ["told"], "think": ["thought"], "throw": ["threw", "thrown"],
    "undergo": ["underwent", "undergone"], "understand": ["understood"], "wake": ["woke", "woken"],
    "wear": ["wore", "worn"], "win": ["won"], "withdraw": ["withdrew", "withdrawn"],
    "write": ["wrote", "written"], "man": ["men"], "woman": ["women"], "child": ["children"],
  ]

  /// Each irregular form's base.
  static let irregularBase: [String: String] = {
    var bases: [String: String] = [:]
    for (base, forms) in irregularForms {
      for form in forms where bases[form] == nil { bases[form] = base }
    }
    return bases
  }()
}

extension Array where Element == UInt8 {
  fileprivate func hasSuffix(_ suffix: String) -> Bool {
    let bytes = Array(suffix.utf8)
    return count >= bytes.count && Array(self[(count - bytes.count)...]) == bytes
  }
}
