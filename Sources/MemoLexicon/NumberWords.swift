import MemoCore
import MemoTokenization

/// Numbers written as words, read as numbers by the matcher: a pattern's `#` meets "forty",
/// "nine hundred", "two hundred and fifty" and "a dozen" as it meets "40", "900" and "250".
///
/// A run of number words (with "and" after a scale word, and "a" or "one" before one) becomes
/// one number token whose range is the run's. A lone word keeps its own form too, so patterns
/// that list number words ("(ten|twenty) percent") still match them. Plural scale words
/// ("hundreds of", "thousands of") are not numbers here: patterns name them.
///
/// Numbers with a thousands, millions or billions suffix ("3k", "1.5k", "~2k", "2m", "1.2bn",
/// one token each) are numbers too, each on its own: they never join a run of number words.
package enum NumberWords {
  /// Count words: each can start or continue a run.
  static let countForms: Set<String> = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
  ]
  /// Scale words: numbers on their own ("hundred"), or multipliers inside a run.
  static let scaleForms: Set<String> = ["hundred", "thousand", "million", "billion", "dozen"]
  /// Words that are numbers only right before a scale word ("a dozen", "one hundred"); "one"
  /// alone is too often a pronoun ("no one", "one of").
  static let articleForms: Set<String> = ["a", "one"]

  private enum Kind: UInt8 { case none, count, scale, article, and, suffixed }

  /// Whether a normalized form is a number with a thousands, millions or billions suffix: an
  /// ASCII digit first, then digits with inner `.` or `,`, then `k`, `m` or `bn` ("3k", "1.5k",
  /// "12,5k", "2m", "1.2bn"). "3km", "2x" and "4th" are not.
  package static func isSuffixedNumber(_ form: UnsafeBufferPointer<UInt8>) -> Bool {
    guard form.count >= 2, form[0] &- 0x30 < 10 else { return false }
    let suffix: Int
    switch form[form.count - 1] {
    case UInt8(ascii: "k"), UInt8(ascii: "m"): suffix = 1
    case UInt8(ascii: "n") where form.count >= 3 && form[form.count - 2] == UInt8(ascii: "b"):
      suffix = 2
    default: return false
    }
    let digits = form.count - suffix
    guard form[digits - 1] &- 0x30 < 10 else { return false }
    for index in 1..<digits {
      let byte = form[index]
      if byte &- 0x30 < 10 { continue }
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { continue }
      return false
    }
    return true
  }

  /// The ids of `vocabulary`'s suffixed numbers ("3k", "1.5k"): a one-byte test rules out every
  /// form that does not start with a digit.
  static func suffixedNumberIDs(_ vocabulary: Vocabulary) -> [Int] {
    vocabulary.withForms { bytes, offsets in
      var result: [Int] = []
      guard offsets.count > 1 else { return result }
      for id in 0..<(offsets.count - 1) {
        let start = Int(offsets[id])
        let end = Int(offsets[id + 1])
        guard end - start >= 2, bytes[start] &- 0x30 < 10 else { continue }
        if isSuffixedNumber(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
          result.append(id)
        }
      }
      return result
    }
  }
  private static let kinds: [UInt64: Kind] = {
    var result: [UInt64: Kind] = [:]
    for form in countForms { result[StableHash.of(form)] = .count }
    for form in scaleForms { result[StableHash.of(form)] = .scale }
    for form in articleForms { result[StableHash.of(form)] = .article }
    result[StableHash.of("and")] = .and
    return result
  }()
  /// "a", "one" and "and", which join or start a run only next to number words.
  private static let joiners: [(UInt64, Kind)] = kinds.filter {
    $0.value == .article || $0.value == .and
  }.map { ($0.key, $0.value) }
  /// Bits of the low 12 hash bits of the count and scale words: most forms are ruled out by one
  /// bit test, so a memo without number words costs one load per distinct form.
  private static let filterBits = 4096
  private static let filter: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: filterBits / 64)
    for (hash, kind) in kinds where kind == .count || kind == .scale {
      let bit = Int(hash & UInt64(filterBits - 1))
      bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    return bits
  }()

  /// How the matcher should read a memo's number words.
  enum Reading {
    /// Lone number words only: the vocabulary forms that are numbers (indexed by form id), so
    /// the matcher reads them as numbers without a copy of the tokens.
    case forms([Bool])
    /// Runs of number words folded into one token each: the folded text, and for each of its
    /// tokens the first and last original token it stands for.
    case folded(TokenizedText, first: [Int], last: [Int])
  }

  /// How to read `text`'s number words; nil when the memo has none.
  static func fold(_ text: TokenizedText) -> Reading? {
    let hashes = text.vocabulary.hashes
    var numberIDs: [Int] = []
    filter.withUnsafeBufferPointer { filter in
      for (id, hash) in hashes.enumerated() {
        let bit = Int(hash & UInt64(filterBits - 1))
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0,
          let kind = kinds[hash], kind == .count || kind == .scale
        {
          numberIDs.append(id)
        }
      }
    }
    let suffixedIDs = suffixedNumberIDs(text.vocabulary)
    guard !numberIDs.isEmpty || !suffixedIDs.isEmpty else { return nil }
    var kind = [Kind](repeating: .none, count: hashes.count)
    for id in numberIDs { kind[id] = kinds[hashes[id]]! }
    for id in suffixedIDs { kind[id] = .suffixed }
    for (hash, joiner) in joiners {
      if let id = text.vocabulary.id(forHash: hash) { kind[Int(id)] = joiner }
    }
    let tokens = text.tokens
    func kindAt(_ index: Int) -> Kind { kind[Int(tokens[index].id)] }
    // The common case: lone number words ("two teams"), no run to fold. One tight pass looks
    // for a run; without one the matcher reads the number forms from a table by form id.
    let runs = tokens.withUnsafeBufferPointer { tokens in
      kind.withUnsafeBufferPointer { kind in
        for index in 0..<tokens.count {
          let own = kind[Int(tokens[index].id)]
          guard own == .count || own == .scale else { continue }
          if index + 1 < tokens.count && kind[Int(tokens[index + 1].id)] != .none
            && kind[Int(tokens[index + 1].id)] != .suffixed
          {
            return true
          }
          if index > 0 && kind[Int(tokens[index - 1].id)] == .article { return true }
        }
        return false
      }
    }
    if !runs {
      var forms = [Bool](repeating: false, count: hashes.count)
      for id in numberIDs { forms[id] = true }
      for id in suffixedIDs { forms[id] = true }
      return .forms(forms)
    }
    func sameSentence(_ a: Int, _ b: Int) -> Bool {
      b < tokens.count && tokens[a].sentence == tokens[b].sentence
        && tokens[a].paragraph == tokens[b].paragraph
    }
    var folded = tokens
    var first: [Int]?
    var last: [Int]?
    var index = 0
    var out = 0
    while index < tokens.count {
      var token = tokens[index]
      let own = kindAt(index)
      let startsRun =
        own == .count || own == .scale
        || (own == .article && sameSentence(index, index + 1) && kindAt(index + 1) == .scale)
      var end = index
      if startsRun {
        while sameSentence(end, end + 1) {
          let next = kindAt(end + 1)
          if next == .count || next == .scale {
            end += 1
          } else if next == .and && kindAt(end) == .scale && sameSentence(end, end + 2)
            && kindAt(end + 2) == .count
          {
            end += 2
          } else {
            break
          }
        }
        token.kind = .number
        token.end = tokens[end].end
      } else if own == .suffixed {
        token.kind = .number
      }
      if end > index && first == nil {
        // The first run of several words: from here on, tokens shift; record the map.
        first = Array(0..<out)
        last = Array(0..<out)
      }
      folded[out] = token
      first?.append(index)
      last?.append(end)
      out += 1
      index = end + 1
    }
    folded.removeLast(tokens.count - out)
    let text = TokenizedText(
      paragraphs: text.paragraphs, tokens: folded, vocabulary: text.vocabulary,
      sentenceCount: text.sentenceCount)
    // Without a run of several words the tokens did not shift: the maps are the identity.
    return .folded(text, first: first ?? Array(0..<out), last: last ?? Array(0..<out))
  }
}
