import CMinHash
import MemoCore
import Testing

@testable import MemoClustering

@Suite("MinHasher")
struct MinHasherTests {
  @Test("The vector kernel gives the portable signature, for any set size and hash count")
  func kernelAgrees() {
    var state: UInt64 = 17
    for (trial, hashes) in [128, 136, 8, 3, 16, 24, 256].enumerated() {
      let hasher = MinHasher(count: hashes, seed: UInt64(trial))
      for size in [0, 1, 2, 7, 40, 333] {
        var set: [UInt32] = []
        for _ in 0..<size {
          state = StableHash.mix(state, seed: 3)
          set.append(UInt32(truncatingIfNeeded: state))
        }
        var fast = [UInt32](repeating: 0, count: hashes)
        var portable = [UInt32](repeating: 1, count: hashes)
        set.withUnsafeBufferPointer { shingles in
          fast.withUnsafeMutableBufferPointer { hasher.signature(of: shingles, into: $0) }
          portable.withUnsafeMutableBufferPointer {
            hasher.portableSignature(of: shingles, into: $0)
          }
        }
        #expect(fast == portable, "\(hashes) hashes, \(size) shingles")
        // Each kernel the processor has (AVX2 and AVX-512), not only the one chosen.
        for level in 1...2 {
          var kernel = [UInt32](repeating: 2, count: hashes)
          let ran = hasher.multipliers.withUnsafeBufferPointer { a in
            hasher.increments.withUnsafeBufferPointer { b in
              set.withUnsafeBufferPointer { shingles in
                kernel.withUnsafeMutableBufferPointer {
                  memoscope_minhash_at(
                    Int32(level), shingles.baseAddress, shingles.count, a.baseAddress,
                    b.baseAddress, hashes, $0.baseAddress)
                }
              }
            }
          }
          if ran != 0 { #expect(kernel == portable, "level \(level), \(hashes) hashes") }
        }
        if size == 0 { #expect(fast.allSatisfy { $0 == UInt32.max }) }
      }
    }
  }
}
