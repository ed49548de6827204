import Foundation
import MemoClustering
import MemoCore
import MemoScoring
import MemoTokenization

/// One memo ready to store: what extraction, scoring and fingerprinting made of one input.
///
/// Built off the write lock (on all cores), then written by `Library.add(_:)` in a batch.
public struct LibraryRecord: Sendable {
  /// The content key: a hash of the input's bytes (the file, or the JSONL line).
  public var contentHash: String
  /// The page's own address (`Memo.url`: canonical link, `og:url`, JSON-LD, `<base>`), if any.
  public var url: String?
  /// The memo.
  public var memo: Memo
  /// Its score with the library's lexicon.
  public var card: ScoreCard
  /// Each paragraph's normalized tokens as phrase index terms, space separated (what phrase
  /// search matches).
  var indexedParagraphs: [String]
  /// The near-duplicate fingerprint.
  var sketch: MemoSketch
  /// The memo and its token spans as stored (`StoredMemoCoding`, deflated) and their size
  /// before deflate.
  var stored: (deflated: [UInt8], size: Int)

  /// Tokenizes, scores and fingerprints `memo` (one tokenizer pass serves all three).
  public init(memo: Memo, contentHash: String, url: String?, scorer: Scorer) {
    self.contentHash = contentHash
    self.url = url ?? memo.url
    self.memo = memo
    let text = scorer.tokenizer.tokenize(paragraphs: memo.paragraphs)
    card = scorer.score(text, memo: memo)
    indexedParagraphs = Self.indexedParagraphs(text)
    sketch = MemoSketch(memo: memo, text: text)
    stored = Self.stored(memo, text: text)
  }

  /// The memo with its token spans, coded and deflated, and the size before deflate.
  static func stored(_ memo: Memo, text: TokenizedText) -> (deflated: [UInt8], size: Int) {
    var spans = [[Range<Int32>]](repeating: [], count: memo.paragraphs.count)
    for token in text.tokens where Int(token.paragraph) < spans.count {
      spans[Int(token.paragraph)].append(token.start..<token.end)
    }
    let coded = StoredMemoCoding.encode(memo, spans: spans)
    return (Deflate.compress(coded), coded.count)
  }

  /// Each paragraph's normalized forms as phrase index terms (`PhraseIndex.term`), joined by
  /// spaces: one term per token, so FTS5 token offsets are token numbers.
  static func indexedParagraphs(_ text: TokenizedText) -> [String] {
    // Each distinct form once (a memo repeats most of its words).
    var forms = [String?](repeating: nil, count: text.vocabulary.count)
    var result = [String](repeating: "", count: text.paragraphs.count)
    var current = -1
    var line = ""
    for token in text.tokens {
      let paragraph = Int(token.paragraph)
      if paragraph != current {
        if current >= 0 { result[current] = line }
        current = paragraph
        line = ""
      } else {
        line += " "
      }
      if let form = forms[Int(token.id)] {
        line += form
      } else {
        let form = PhraseIndex.term(text.normalizedText(of: token))
        forms[Int(token.id)] = form
        line += form
      }
    }
    if current >= 0 { result[current] = line }
    return result
  }

  /// The content key of some bytes: two independent 64-bit hashes of them, eight bytes at a
  /// time (32 hex digits), a hyphen and the length. Not cryptographic: it tells files apart, it
  /// does not resist forgery.
  public static func contentHash(of bytes: [UInt8]) -> String {
    var first: UInt64 = 0x243F_6A88_85A3_08D3
    var second: UInt64 = 0x1319_8A2E_0370_7344
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        first = ((first ^ word) &* 0x9E37_79B9_7F4A_7C15).rotated(31)
        second = ((second ^ word) &* 0xC2B2_AE3D_27D4_EB4F).rotated(27) &+ 0x1656_67B1_9E37_79F9
        offset += 8
      }
      var tail: UInt64 = 0
      for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * (index - offset)) }
      first = (first ^ tail) &* 0x9E37_79B9_7F4A_7C15
      second = (second ^ tail) &* 0xC2B2_AE3D_27D4_EB4F
    }
    first = StableHash.mix(first, seed: UInt64(bytes.count))
    second = StableHash.mix(second ^ first.rotated(17), seed: ~UInt64(bytes.count))
    return hex(first) + hex(second) + "-" + String(bytes.count)
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

extension UInt64 {
  fileprivate func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
