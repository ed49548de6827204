/// What a token is made of.
public enum TokenKind: UInt8, Sendable, Codable, Hashable {
  /// Letters (and the digits, apostrophes or inner dots ICU keeps with them), e.g. `AI`, `don't`.
  case word
  /// A number as ICU sees it, e.g. `2025`, `3.5`, `1,000`.
  case number
}

/// One word or number of a tokenized text, as a compact value (no `String` per token).
///
/// The token's normalized form lives in the owning `TokenizedText`'s `Vocabulary` under `id`;
/// its original spelling is `TokenizedText.surface(of:)`.
public struct Token: Sendable, Hashable {
  /// The token's normalized form's id in the owning text's `Vocabulary`.
  public var id: UInt32
  /// The index of the paragraph the token is in.
  public var paragraph: Int32
  /// The document-wide index of the sentence the token is in (paragraphs start new sentences).
  public var sentence: Int32
  /// Where the token starts in its original paragraph, in Unicode scalars.
  public var start: Int32
  /// Where the token ends (exclusive) in its original paragraph, in Unicode scalars.
  public var end: Int32
  /// Word or number.
  public var kind: TokenKind

  /// Creates a token.
  public init(
    id: UInt32, paragraph: Int32, sentence: Int32, start: Int32, end: Int32, kind: TokenKind
  ) {
    self.id = id
    self.paragraph = paragraph
    self.sentence = sentence
    self.start = start
    self.end = end
    self.kind = kind
  }

  /// The token's range in its original paragraph, in Unicode scalar offsets (as Python slices).
  public var range: Range<Int> { Int(start)..<Int(end) }
}
