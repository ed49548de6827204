import MemoCore
import Testing

@testable import MemoClustering

@Suite("Shingles")
struct ShinglesTests {
  /// Sorted distinct values drawn from `0..<range` by a fixed generator.
  func sample(_ count: Int, range: UInt64, seed: UInt64) -> [UInt32] {
    var values = Set<UInt32>()
    var state = seed
    while values.count < count {
      state = StableHash.mix(state, seed: 7)
      values.insert(UInt32(state % range))
    }
    return values.sorted()
  }

  @Test("Blockwise intersection counts what a plain set intersection counts")
  func intersection() {
    for trial in 0..<200 {
      let sizeA = trial % 37
      let sizeB = (trial * 7) % 53
      let range = UInt64(20 + trial % 90)
      let a = sample(min(sizeA, Int(range)), range: range, seed: UInt64(trial))
      let b = sample(min(sizeB, Int(range)), range: range, seed: UInt64(trial + 1000))
      let expected = Set(a).intersection(Set(b)).count
      #expect(Shingles.intersectionCount(a, b) == expected, "trial \(trial)")
      #expect(Shingles.intersectionCount(b, a) == expected, "trial \(trial)")
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          #expect(Shingles.portableIntersectionCount(a, b) == expected, "trial \(trial)")
        }
      }
    }
    let big = sample(5000, range: 1 << 32, seed: 3)
    #expect(Shingles.intersectionCount(big, big) == 5000)
    #expect(Shingles.intersectionCount(big, []) == 0)
  }

  @Test("Shingle sets are sorted and free of duplicates")
  func sortedSets() {
    let tokens = (0..<300).map {
      ClusterToken(key: UInt64($0 % 17), paragraph: 0, start: Int32($0), end: Int32($0 + 1))
    }
    let set = Shingles.set(of: tokens, size: 3)
    #expect(set == Array(Set(set)).sorted())
    #expect(set.count == 17)
    #expect(Shingles.set(of: Array(tokens.prefix(2)), size: 5).count == 1)
    #expect(Shingles.set(of: [], size: 5).isEmpty)
  }

  @Test("Ranks point every position at its own shingle in the same set that set(of:) gives")
  func ranks() {
    for (count, size) in [(0, 5), (1, 5), (4, 5), (5, 5), (300, 5), (300, 1), (2000, 3)] {
      let tokens = (0..<count).map { (index: Int) -> ClusterToken in
        let key = StableHash.mix(UInt64(index % 23), seed: 1)
        return ClusterToken(
          key: key, paragraph: Int32(index / 40), start: Int32(index), end: Int32(index + 1))
      }
      let (set, ranks) = Shingles.setAndRanks(of: tokens, size: size)
      #expect(set == Shingles.set(of: tokens, size: size), "\(count) tokens")
      let ranked = ranks ?? []
      let positions = count == 0 ? 0 : max(1, count - size + 1)
      #expect(ranked.count == positions, "\(count) tokens")
      tokens.withUnsafeBufferPointer { buffer in
        for (position, rank) in ranked.enumerated() {
          #expect(set[Int(rank)] == Shingles.hash(buffer, start: position, size: size))
        }
      }
    }
  }

  @Test("A memo with more than 65,536 shingle positions gets its set but no ranks")
  func tooLongForRanks() {
    let tokens = (0..<70_000).map {
      ClusterToken(key: UInt64($0), paragraph: 0, start: Int32($0), end: Int32($0 + 1))
    }
    let (set, ranks) = Shingles.setAndRanks(of: tokens, size: 5)
    #expect(ranks == nil)
    #expect(set == Shingles.set(of: tokens, size: 5))
  }

  @Test("The one-pass bucket sort orders distinct keys as the four-pass radix sort does")
  func bucketSort() {
    var state: UInt64 = 99
    for count in [0, 1, 2, 3, 17, 350, 4096] {
      var keys: [UInt64] = []
      for position in 0..<count {
        state = StableHash.mix(state, seed: 5)
        // Few distinct hashes, so equal high halves are common too.
        let hash = count > 20 ? state % 97 &* 0x0123_4567_89AB : state
        keys.append(UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(position))
      }
      var radix = keys
      var bucket = keys
      var spare = [UInt64](repeating: 0, count: count)
      radix.withUnsafeMutableBufferPointer { values in
        spare.withUnsafeMutableBufferPointer { Shingles.radixSortHigh(values, spare: $0) }
      }
      bucket.withUnsafeMutableBufferPointer { values in
        spare.withUnsafeMutableBufferPointer { Shingles.bucketSortHigh(values, spare: $0) }
      }
      #expect(bucket == radix, "\(count) keys")
      #expect(bucket == keys.sorted(), "\(count) keys")
    }
  }
}
