/// The tokens of one document, with the vocabulary their ids point into.
///
/// Tokens are compact values over the original paragraphs; strings are made only on request
/// (`surface(of:)`, `normalizedText(of:)`), for reports.
public struct TokenizedText: Sendable {
  /// The original paragraphs, as given to the tokenizer.
  public let paragraphs: [String]
  /// The words and numbers in reading order. Punctuation is not a token.
  public internal(set) var tokens: [Token]
  /// The normalized forms the tokens' ids point into.
  public internal(set) var vocabulary: Vocabulary
  /// The number of sentences that hold at least one token; `Token.sentence` is below it.
  public internal(set) var sentenceCount: Int

  /// Creates a tokenized text from parts (used by the tokenizer and by tests).
  public init(paragraphs: [String], tokens: [Token], vocabulary: Vocabulary, sentenceCount: Int) {
    self.paragraphs = paragraphs
    self.tokens = tokens
    self.vocabulary = vocabulary
    self.sentenceCount = sentenceCount
  }

  /// The normalized form of a token, e.g. `ai` for `A.I.`.
  public func normalizedText(of token: Token) -> String { vocabulary.form(token.id) }

  /// The fixed 64-bit hash (`StableHash`) of a token's normalized form, for signatures.
  public func hash(of token: Token) -> UInt64 { vocabulary.hash(token.id) }

  /// The token as written in the original paragraph.
  public func surface(of token: Token) -> String {
    text(paragraph: Int(token.paragraph), range: token.range)
  }

  /// The text of a paragraph between two Unicode scalar offsets (clamped to the paragraph).
  ///
  /// - Complexity: O(n) in the paragraph's length.
  public func text(paragraph: Int, range: Range<Int>) -> String {
    let scalars = paragraphs[paragraph].unicodeScalars
    let lower =
      scalars.index(
        scalars.startIndex, offsetBy: max(0, range.lowerBound), limitedBy: scalars.endIndex)
      ?? scalars.endIndex
    let upper =
      scalars.index(
        lower, offsetBy: max(0, range.count), limitedBy: scalars.endIndex) ?? scalars.endIndex
    return String(scalars[lower..<upper])
  }

  /// The normalized forms of all tokens, space-separated (for tests and debugging).
  public var normalizedForms: [String] { tokens.map { vocabulary.form($0.id) } }
}
