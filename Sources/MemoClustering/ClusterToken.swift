import MemoCore

/// One word of a memo as clustering sees it: a normalized key, where it is, and what it is.
struct ClusterToken: Sendable, Equatable {
  /// The normalized form's hash, or a placeholder key when the token is masked.
  var key: UInt64
  /// Paragraph index in `Memo.paragraphs`.
  var paragraph: Int32
  /// First Unicode scalar of the token in its paragraph.
  var start: Int32
  /// One past the last scalar (for a collapsed run of names, the end of the last name).
  var end: Int32
}

/// Placeholder keys for masked tokens, fixed so that masked shingles agree across runs.
enum MaskKey {
  static let number: UInt64 = StableHash.of("\u{1}NUMBER")
  static let name: UInt64 = StableHash.of("\u{1}NAME")
}
