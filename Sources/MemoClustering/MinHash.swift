import MemoCore

/// MinHash over 32-bit shingle hashes with `count` multiply-add-shift hash functions.
///
/// Function `i` maps a shingle `x` to the high 32 bits of `a_i · x + b_i` (mod 2^64), with
/// `a_i` (odd) and `b_i` drawn from `StableHash.mix(i, seed:)`: a 2-universal family, cheap
/// enough to evaluate 128 times per shingle.
struct MinHasher: Sendable {
  let multipliers: [UInt64]
  let increments: [UInt64]

  init(count: Int, seed: UInt64) {
    multipliers = (0..<count).map { StableHash.mix(UInt64(2 * $0), seed: seed) | 1 }
    increments = (0..<count).map { StableHash.mix(UInt64(2 * $0 + 1), seed: seed) }
  }

  var count: Int { multipliers.count }

  /// Writes the signature of `shingles` into `signature` (`count` values).
  /// An empty set gets the all-ones signature, which never matches a real one by chance.
  func signature(of shingles: [UInt32], into signature: UnsafeMutableBufferPointer<UInt32>) {
    let k = multipliers.count
    for i in 0..<k { signature[i] = UInt32.max }
    multipliers.withUnsafeBufferPointer { a in
      increments.withUnsafeBufferPointer { b in
        for shingle in shingles {
          let x = UInt64(shingle)
          for i in 0..<k {
            let value = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
            if value < signature[i] { signature[i] = value }
          }
        }
      }
    }
  }
}
