import MemoCore
import MemoTokenization

/// Numbers written as words, read as numbers by the matcher: a pattern's `#` meets "forty",
/// "nine hundred", "two hundred and fifty" and "a dozen" as it meets "40", "900" and "250".
///
/// A run of number words (with "and" after a scale word, and "a" or "one" before one) becomes
/// one number token whose range is the run's. A lone word keeps its own form too, so patterns
/// that list number words ("(ten|twenty) percent") still match them. Plural scale words
/// ("hundreds of", "thousands of") are not numbers here: patterns name them.
enum NumberWords {
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

  private enum Kind: UInt8 { case none, count, scale, article, and }
  private static let kinds: [UInt64: Kind] = {
    var result: [UInt64: Kind] = [:]
    for form in countForms { result[StableHash.of(form)] = .count }
    for form in scaleForms { result[StableHash.of(form)] = .scale }
    for form in articleForms { result[StableHash.of(form)] = .article }
    result[StableHash.of("and")] = .and
    return result
  }()

  /// The text with every number-word run folded into one number token, and for each folded
  /// token the first and last original token it stands for; nil when the memo has no number
  /// words (the common case costs one lookup per distinct form).
  static func fold(_ text: TokenizedText) -> (text: TokenizedText, first: [Int], last: [Int])? {
    let hashes = text.vocabulary.hashes
    var kind = [Kind](repeating: .none, count: hashes.count)
    var anyNumberWord = false
    for (id, hash) in hashes.enumerated() {
      guard let found = kinds[hash] else { continue }
      kind[id] = found
      if found == .count || found == .scale { anyNumberWord = true }
    }
    guard anyNumberWord else { return nil }
    let tokens = text.tokens
    func kindAt(_ index: Int) -> Kind { kind[Int(tokens[index].id)] }
    func sameSentence(_ a: Int, _ b: Int) -> Bool {
      b < tokens.count && tokens[a].sentence == tokens[b].sentence
        && tokens[a].paragraph == tokens[b].paragraph
    }
    var folded: [Token] = []
    var first: [Int] = []
    var last: [Int] = []
    folded.reserveCapacity(tokens.count)
    first.reserveCapacity(tokens.count)
    last.reserveCapacity(tokens.count)
    var index = 0
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
      }
      folded.append(token)
      first.append(index)
      last.append(end)
      index = end + 1
    }
    return (
      TokenizedText(
        paragraphs: text.paragraphs, tokens: folded, vocabulary: text.vocabulary,
        sentenceCount: text.sentenceCount),
      first, last
    )
  }
}
