import MemoTokenization
import Testing

/// The built-in sentence rules (`SentenceSegmentation.rules`) against ICU's sentence iterator
/// on random text, as the word rules are fuzzed against ICU's word iterator.
@Suite("Sentence rules fuzzed against ICU")
struct SentenceFuzzTests {
  /// Pieces that sentence rules turn on: words with and without capitals, numbers,
  /// abbreviations, terminators, closing punctuation, quotes and spaces.
  static let pieces: [String] = [
    "we", "We", "AI", "a", "I", "x1", "3", "3.5", "U.S.", "e.g.", "Mr.", "ok", ".", ".", ".",
    "!", "?", "...", "?!", ",", ";", ":", "-", "'", "\"", "(", ")", "[", "]", " ", " ", " ",
    " ", "  ", "\t", "\n", "1)", "#", "%", "&",
  ]

  /// The same with the non-ASCII pieces memos have: curly quotes, dashes, a no-break space,
  /// Cyrillic words and a combining accent.
  static let widePieces: [String] =
    pieces + [
      "Ёлка", "ёлка", "—", "–", "“", "”", "‘", "’", "«", "»", "\u{A0}", "é", "e\u{301}", "…",
    ]

  /// Sentence numbers of the tokens of `text` with each segmentation.
  static func sentences(_ text: String) -> (rules: [Int32], icu: [Int32]) {
    let rules = Tokenizer(sentences: .rules).tokenize(text).tokens.map(\.sentence)
    let icu = Tokenizer(sentences: .icu).tokenize(text.replacingOccurrences(of: "\n", with: " "))
      .tokens.map(\.sentence)
    return (rules, icu)
  }

  @Test(
    "20,000 random paragraphs get the same sentence numbers as ICU gives",
    arguments: [false, true])
  func random(wide: Bool) {
    let pieces = wide ? Self.widePieces : Self.pieces
    var state: UInt64 = 0x2545_f491_4f6c_dd1d
    func nextIndex(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var failures: [String] = []
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<nextIndex(24) { text += pieces[nextIndex(pieces.count)] }
      let (rules, icu) = Self.sentences(text)
      if rules != icu { failures.append(text) }
    }
    let shortest = failures.sorted { $0.count < $1.count }.prefix(25).map {
      "\($0.debugDescription) rules \(Self.sentences($0).rules) icu \(Self.sentences($0).icu)"
    }
    #expect(
      failures.count == 0, "\(failures.count) differ, e.g.\n\(shortest.joined(separator: "\n"))")
  }
}
