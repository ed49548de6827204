import MemoCore
import MemoTokenization

/// A memo's near-duplicate fingerprint for an index kept outside one clustering run (the memo
/// library): its shingle set and one LSH key per band, computed exactly as `Clusterer` computes
/// them (same tokens, masking, shingles, MinHash functions and band hashing).
///
/// Two memos whose keys agree in some band are candidates; `similarity(_:_:)` on their shingle
/// sets is the clusterer's exact verification.
package struct MemoSketch: Sendable, Equatable {
  /// The sorted set of the memo's shingle hashes.
  package var shingles: [UInt32]
  /// One key per band (`options.bands` of them); empty when the memo has no tokens.
  package var bandKeys: [UInt64]

  /// Fingerprints `memo` with `options` (the clusterer's defaults unless changed).
  package init(memo: Memo, options: ClusteringOptions = ClusteringOptions()) {
    self.init(
      memo: memo, tokens: ClusterTokenizer.tokens(of: memo, masking: options.masking),
      options: options)
  }

  /// Fingerprints `memo` from its body already tokenized by the shared `Tokenizer` (`text` must
  /// be `memo.paragraphs` tokenized).
  package init(memo: Memo, text: TokenizedText, options: ClusteringOptions = ClusteringOptions()) {
    self.init(
      memo: memo, tokens: ClusterTokenizer.tokens(of: memo, text: text, masking: options.masking),
      options: options)
  }

  private init(memo: Memo, tokens: [ClusterToken], options: ClusteringOptions) {
    shingles = Shingles.set(of: tokens, size: options.shingleSize)
    guard !shingles.isEmpty else {
      bandKeys = []
      return
    }
    let hasher = MinHasher(count: options.hashCount, seed: options.seed)
    var signature = [UInt32](repeating: 0, count: hasher.count)
    shingles.withUnsafeBufferPointer { set in
      signature.withUnsafeMutableBufferPointer { hasher.signature(of: set, into: $0) }
    }
    bandKeys = signature.withUnsafeBufferPointer { values in
      (0..<options.bands).map {
        LSHIndex.bandKey(values, base: $0 * options.rows, band: $0, rows: options.rows)
      }
    }
  }

  /// Jaccard similarity and containment (|A ∩ B| / min(|A|, |B|)) of two shingle sets.
  package static func similarity(_ a: [UInt32], _ b: [UInt32]) -> (
    jaccard: Double, containment: Double
  ) {
    Shingles.similarity(a, b)
  }
}
