import MemoCore
import MemoTokenization
import Testing

/// `Tokenizer.hashedASCIITokens(of:into:)` against `tokenize(paragraphs:)`, the path it stands
/// in for, on generated paragraphs.
@Suite("Hashed ASCII tokens")
struct HashedASCIITokenTests {
  /// Pieces that segmentation, initials, sentences and case turn on, and some the bytes path
  /// must refuse (`_`, `@`, non-ASCII).
  static let pieces: [String] = [
    "we", "We", "AI", "a", "A", "I", "x1", "1a", "3", "3.5", "1,000", "1;2", "U.S.", "u.s",
    "e.g.", "Mr.", "A.I", "O'Neil", "don't", "ok", ".", ".", ".", "!", "?", "...", "?!", ",", ";",
    ":", "-", "'", "\"", "(", ")", " ", " ", " ", " ", "  ", "\t", "\n", "\r", "\u{0B}", "1)",
    "#", "%", "&", "J.", "R.", "Q", "abcdefghijklmnopqrstuvwxyzabcdefgh", "A.B.C.D.E.F.G.H.I.J",
  ]
  static let refused: [String] = ["_", "@", "é", "’", "—", "Ёлка", "\u{A0}"]

  /// The plain path's tokens of `text` in the bytes path's terms.
  static func reference(_ text: String) -> [HashedToken] {
    var tokenizer = Tokenizer()
    tokenizer.keepsForms = false
    let tokenized = tokenizer.tokenize(paragraphs: [text])
    var previous: Int32 = -1
    return tokenized.tokens.map { token in
      defer { previous = token.sentence }
      return HashedToken(
        hash: tokenized.hash(of: token), start: token.start, end: token.end, kind: token.kind,
        startsSentence: token.sentence != previous)
    }
  }

  static func hashed(_ text: String) -> [HashedToken]? {
    var scratch = HashedTokenScratch()
    var text = text
    let done = text.withUTF8 { Tokenizer.hashedASCIITokens(of: $0, into: &scratch) }
    return done ? scratch.tokens : nil
  }

  @Test("30,000 random ASCII paragraphs get the plain tokenizer's hashes, offsets and sentences")
  func random() {
    var state: UInt64 = 0x9e37_79b9_7f4a_7c15
    func nextIndex(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var failures: [String] = []
    var refusals = 0
    for round in 0..<30_000 {
      var text = ""
      for _ in 0..<nextIndex(40) {
        text += Self.pieces[nextIndex(Self.pieces.count)]
        if nextIndex(3) == 0 { text += " " }
      }
      let withRefused = round % 10 == 0
      if withRefused {
        let index = text.index(text.startIndex, offsetBy: nextIndex(text.count + 1))
        text.insert(contentsOf: Self.refused[nextIndex(Self.refused.count)], at: index)
      }
      guard let hashed = Self.hashed(text) else {
        refusals += 1
        if !withRefused { failures.append("refused: \(text.debugDescription)") }
        continue
      }
      if hashed != Self.reference(text) { failures.append(text.debugDescription) }
    }
    #expect(refusals == 3_000)
    #expect(
      failures.isEmpty,
      "\(failures.count) differ, e.g.\n\(failures.prefix(10).joined(separator: "\n"))")
  }

  @Test("Initials are joined and sentence starts found as the plain path does")
  func initialsAndSentences() throws {
    for text in [
      "We use A. I. daily. J. R. R. Tolkien wrote it. U. S. A. too.", "", "   ",
      "Dr. Smith met Mr. Jones. then left! Why? 3.5 and 1,000 a.i", "A.I. and A. I. and a.i",
    ] {
      let hashed = try #require(Self.hashed(text))
      #expect(hashed == Self.reference(text), "\(text)")
    }
    let joined = try #require(Self.hashed("We use A. I. daily."))
    #expect(joined.map(\.hash) == ["we", "use", "ai", "daily"].map { StableHash.of($0) })
  }
}
