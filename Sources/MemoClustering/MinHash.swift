import CMinHash
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
  ///
  /// With AVX-512 or AVX2 the C kernel `memoscope_minhash` computes it (two to four times as
  /// fast as the baseline vectors Swift compiles to); it must give exactly the values of
  /// `portableSignature(of:into:)`, which runs otherwise (tested on random sets).
  func signature(
    of shingles: UnsafeBufferPointer<UInt32>, into signature: UnsafeMutableBufferPointer<UInt32>
  ) {
    let done = multipliers.withUnsafeBufferPointer { a in
      increments.withUnsafeBufferPointer { b in
        memoscope_minhash(
          shingles.baseAddress, shingles.count, a.baseAddress, b.baseAddress, a.count,
          signature.baseAddress)
      }
    }
    if done == 0 { portableSignature(of: shingles, into: signature) }
  }

  /// The signature with the baseline x86-64 (or any) vector instructions: eight functions at a
  /// time run over all shingles in vector registers; the running minimum is kept biased as a
  /// signed value (`u ^ 0x8000_0000`), since a signed lane-wise minimum is what SSE2 offers.
  func portableSignature(
    of shingles: UnsafeBufferPointer<UInt32>, into signature: UnsafeMutableBufferPointer<UInt32>
  ) {
    let k = multipliers.count
    multipliers.withUnsafeBufferPointer { a in
      increments.withUnsafeBufferPointer { b in
        let xs = shingles
        var i = 0
        while i + 8 <= k {
          let av = SIMD8<UInt64>(a[i..<(i + 8)])
          let bv = SIMD8<UInt64>(b[i..<(i + 8)])
          var low = SIMD8<Int32>(repeating: Int32.max)
          for x in xs {
            let h = (av &* SIMD8<UInt64>(repeating: UInt64(x)) &+ bv) &>> 32
            let v = SIMD8<Int32>(truncatingIfNeeded: h) ^ SIMD8<Int32>(repeating: Int32.min)
            low.replace(with: v, where: v .< low)
          }
          let unbiased = low ^ SIMD8<Int32>(repeating: Int32.min)
          for lane in 0..<8 { signature[i + lane] = UInt32(bitPattern: unbiased[lane]) }
          i += 8
        }
        while i < k {
          var low = UInt32.max
          for x in xs {
            let value = UInt32(truncatingIfNeeded: (a[i] &* UInt64(x) &+ b[i]) >> 32)
            if value < low { low = value }
          }
          signature[i] = low
          i += 1
        }
      }
    }
  }
}
