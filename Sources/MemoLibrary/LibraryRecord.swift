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
  /// The page's own address (`<link rel="canonical">` or `og:url`), when it has one.
  public var url: String?
  /// The memo.
  public var memo: Memo
  /// Its score with the library's lexicon.
  public var card: ScoreCard
  /// Each paragraph's normalized tokens, space separated (what phrase search matches).
  var indexedParagraphs: [String]
  /// The near-duplicate fingerprint.
  var sketch: MemoSketch

  /// Tokenizes, scores and fingerprints `memo` (one tokenizer pass serves all three).
  public init(memo: Memo, contentHash: String, url: String?, scorer: Scorer) {
    self.contentHash = contentHash
    self.url = url
    self.memo = memo
    let text = scorer.tokenizer.tokenize(paragraphs: memo.paragraphs)
    card = scorer.score(text, memo: memo)
    indexedParagraphs = Self.indexedParagraphs(text)
    sketch = MemoSketch(memo: memo, text: text)
  }

  /// Each paragraph's normalized forms joined by spaces.
  static func indexedParagraphs(_ text: TokenizedText) -> [String] {
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
      line += text.normalizedText(of: token)
    }
    if current >= 0 { result[current] = line }
    return result
  }

  /// The content key of some bytes: 64-bit FNV-1a and a second, differently seeded 64-bit hash
  /// of the same bytes, with the length (32 hex digits, a hyphen, the length).
  public static func contentHash<Bytes: Collection>(of bytes: Bytes) -> String
  where Bytes.Element == UInt8 {
    var first = StableHash()
    first.combine(bytes)
    var second: UInt64 = 0x9E37_79B9_7F4A_7C15
    var count = 0
    for byte in bytes {
      second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ UInt64(count & 0xFF)
      count += 1
    }
    second = StableHash.mix(second, seed: UInt64(count))
    return hex(first.value) + hex(second) + "-" + String(count)
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// The 0-based paragraph of a hit: score cards number paragraphs from 0 or (newer cards,
/// citing as reports do) from 1; the hit's own text tells which.
func paragraphIndex(of match: HitMatch, in memo: Memo) -> Int {
  let asIndex = match.paragraph
  if asIndex >= 0, asIndex < memo.paragraphs.count,
    Context.slice(memo.paragraphs[asIndex], match.start, match.end) == match.text
  {
    return asIndex
  }
  return max(0, asIndex - 1)
}
