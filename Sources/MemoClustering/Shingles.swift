import CMinHash
import MemoCore

/// Word k-gram shingles hashed to 32 bits.
enum Shingles {
  /// Per-position multipliers that make a k-gram's hash depend on word order.
  private static let weights: [UInt64] = (0..<16).map {
    StableHash.mix(UInt64($0), seed: 0x5348_494e) | 1
  }

  /// The hash of the `size` tokens starting at `start` (fewer when the document is shorter).
  @inline(__always)
  static func hash(_ tokens: UnsafeBufferPointer<ClusterToken>, start: Int, size: Int) -> UInt32 {
    var sum: UInt64 = 0
    let end = min(tokens.count, start + size)
    var weight = 0
    for index in start..<end {
      sum &+= tokens[index].key &* weights[weight]
      weight += 1
    }
    return UInt32(truncatingIfNeeded: StableHash.mix(sum, seed: UInt64(end - start)) >> 32)
  }

  /// The sorted set of a document's shingle hashes (across paragraph breaks).
  ///
  /// A document shorter than `size` tokens has one shingle made of all its tokens.
  static func set(of tokens: [ClusterToken], size: Int) -> [UInt32] {
    guard !tokens.isEmpty else { return [] }
    let count = max(1, tokens.count - size + 1)
    var result = [UInt32](repeating: 0, count: count)
    var spare = [UInt32](repeating: 0, count: count)
    tokens.withUnsafeBufferPointer { buffer in
      result.withUnsafeMutableBufferPointer { out in
        for start in 0..<count { out[start] = hash(buffer, start: start, size: size) }
        spare.withUnsafeMutableBufferPointer { spare in radixSort(out, spare: spare) }
      }
    }
    // Drop adjacent duplicates in place.
    var kept = 1
    result.withUnsafeMutableBufferPointer { values in
      for index in 1..<values.count where values[index] != values[kept - 1] {
        values[kept] = values[index]
        kept += 1
      }
    }
    result.removeLast(result.count - kept)
    return result
  }

  /// The sorted set of a document's shingle hashes (as `set(of:size:)`), and for each start
  /// position (`max(1, tokens.count - size + 1)` of them) the index in that set of the shingle
  /// starting there, so passage analysis can later find every position's k-gram without the
  /// tokens (two bytes per position instead of a token's twenty).
  ///
  /// `ranks` is nil when the set has more than 65,536 members (a memo of that many words is
  /// tokenized again when it needs passages).
  static func setAndRanks(of tokens: [ClusterToken], size: Int) -> (
    set: [UInt32], ranks: [UInt16]?
  ) {
    guard !tokens.isEmpty else { return ([], []) }
    let count = max(1, tokens.count - size + 1)
    guard count <= 1 << 16 else { return (set(of: tokens, size: size), nil) }
    // (hash << 32 | position), sorted by hash with positions ascending among equal hashes.
    // Every element is written below before it is read.
    var spare = [UInt64](unsafeUninitializedCapacity: count) { $1 = count }
    var keyed = [UInt64](unsafeUninitializedCapacity: count) { $1 = count }
    tokens.withUnsafeBufferPointer { buffer in
      keyed.withUnsafeMutableBufferPointer { out in
        if tokens.count >= size {
          // Full k-grams everywhere: `hash(_:start:size:)` with its weights held in registers.
          weights.withUnsafeBufferPointer { weights in
            if size == 5 {
              // The default size, unrolled.
              let (w0, w1, w2, w3, w4) = (
                weights[0], weights[1], weights[2], weights[3], weights[4]
              )
              for start in 0..<count {
                var sum = buffer[start].key &* w0
                sum &+= buffer[start + 1].key &* w1
                sum &+= buffer[start + 2].key &* w2
                sum &+= buffer[start + 3].key &* w3
                sum &+= buffer[start + 4].key &* w4
                let value = UInt32(truncatingIfNeeded: StableHash.mix(sum, seed: 5) >> 32)
                out[start] = UInt64(value) << 32 | UInt64(start)
              }
              return
            }
            for start in 0..<count {
              var sum: UInt64 = 0
              for offset in 0..<size {
                sum &+= buffer[start + offset].key &* weights[offset]
              }
              let value = UInt32(truncatingIfNeeded: StableHash.mix(sum, seed: UInt64(size)) >> 32)
              out[start] = UInt64(value) << 32 | UInt64(start)
            }
          }
        } else {
          out[0] = UInt64(hash(buffer, start: 0, size: size)) << 32
        }
        spare.withUnsafeMutableBufferPointer { spare in
          if count <= 4096 {
            bucketSortHigh(out, spare: spare)
          } else {
            radixSortHigh(out, spare: spare)
          }
        }
      }
    }
    var ranks = [UInt16](repeating: 0, count: count)
    var distinct = 0
    let set = [UInt32](unsafeUninitializedCapacity: count) { set, initialized in
      keyed.withUnsafeBufferPointer { keyed in
        ranks.withUnsafeMutableBufferPointer { ranks in
          var previous: UInt32 = 0
          for entry in keyed {
            let value = UInt32(truncatingIfNeeded: entry >> 32)
            if distinct == 0 || value != previous {
              set[distinct] = value
              distinct += 1
              previous = value
            }
            ranks[Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)] = UInt16(distinct - 1)
          }
        }
      }
      initialized = distinct
    }
    return (set, ranks)
  }

  /// Sorts `values` ascending (all distinct) for a memo-sized count: one pass distributes them
  /// by their top byte through `spare`, an insertion sort orders each of the 256 buckets (about
  /// one value each), and the result goes back to `values`. The same order as
  /// `radixSortHigh(_:spare:)` when the low halves, like shingle positions, ascend.
  static func bucketSortHigh(
    _ values: UnsafeMutableBufferPointer<UInt64>, spare: UnsafeMutableBufferPointer<UInt64>
  ) {
    guard values.count > 1 else { return }
    // `starts` (257 bucket starts) and `next` (256 write positions) in one stack buffer.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 513) { table in
      let starts = UnsafeMutableBufferPointer(rebasing: table[0..<257])
      let next = UnsafeMutableBufferPointer(rebasing: table[257..<513])
      starts.initialize(repeating: 0)
      for value in values { starts[Int(value >> 56) + 1] += 1 }
      for bucket in 0..<256 { starts[bucket + 1] += starts[bucket] }
      for bucket in 0..<256 { next[bucket] = starts[bucket] }
      for value in values {
        let bucket = Int(value >> 56)
        spare[next[bucket]] = value
        next[bucket] += 1
      }
      for bucket in 0..<256 where starts[bucket + 1] - starts[bucket] > 1 {
        for index in (starts[bucket] + 1)..<starts[bucket + 1] {
          let value = spare[index]
          var position = index
          while position > starts[bucket] && spare[position - 1] > value {
            spare[position] = spare[position - 1]
            position -= 1
          }
          spare[position] = value
        }
      }
      _ = values.update(fromContentsOf: spare[0..<values.count])
    }
  }

  /// Sorts `values` ascending by their high 32 bits (stable: values equal there keep their
  /// order), in four passes over one byte each through `spare`, ending back in `values`.
  static func radixSortHigh(
    _ values: UnsafeMutableBufferPointer<UInt64>, spare: UnsafeMutableBufferPointer<UInt64>
  ) {
    radixSort(values, spare: spare, bytesFrom: 4)
  }

  /// Sorts `values` ascending: four stable passes over one byte each (least significant
  /// first), through `spare` (same size), ending back in `values`.
  static func radixSort(
    _ values: UnsafeMutableBufferPointer<UInt32>, spare: UnsafeMutableBufferPointer<UInt32>
  ) {
    radixSort(values, spare: spare, bytesFrom: 0)
  }

  /// Stable least-significant-first radix sort on four bytes of each value, starting at byte
  /// `firstByte`: one counting pass per byte through `spare` (same size), so the four passes
  /// end back in `values`.
  @inline(__always)
  private static func radixSort<Value: FixedWidthInteger & UnsignedInteger>(
    _ values: UnsafeMutableBufferPointer<Value>, spare: UnsafeMutableBufferPointer<Value>,
    bytesFrom firstByte: Int
  ) {
    guard values.count > 1 else { return }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
      var source = values
      var target = spare
      for shift in stride(from: firstByte * 8, to: (firstByte + 4) * 8, by: 8) {
        counts.initialize(repeating: 0)
        for value in source { counts[Int(truncatingIfNeeded: value >> shift) & 0xFF] += 1 }
        var total = 0
        for bucket in 0..<256 {
          let here = counts[bucket]
          counts[bucket] = total
          total += here
        }
        for value in source {
          let bucket = Int(truncatingIfNeeded: value >> shift) & 0xFF
          target[counts[bucket]] = value
          counts[bucket] += 1
        }
        swap(&source, &target)
      }
    }
  }

  /// |A ∩ B| for two sorted, duplicate-free arrays.
  ///
  /// Blocks of four from each side are compared all against all (four lane rotations), then
  /// the block with the smaller last value moves on (both when equal); each shared value is
  /// counted exactly once since values within a side are distinct. A branch-free merge finishes
  /// the tails.
  static func intersectionCount(_ a: [UInt32], _ b: [UInt32]) -> Int {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in intersectionCount(a, b) }
    }
  }

  /// |A ∩ B| for two sorted, duplicate-free buffers: with AVX2 in the C kernel
  /// `memoscope_intersection_count` (eight against eight), else `portableIntersectionCount`;
  /// both give the same count (tested).
  static func intersectionCount(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>)
    -> Int
  {
    let count = memoscope_intersection_count(a.baseAddress, a.count, b.baseAddress, b.count)
    return count >= 0 ? count : portableIntersectionCount(a, b)
  }

  /// |A ∩ B| for two sorted, duplicate-free buffers (see the array version).
  static func portableIntersectionCount(
    _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>
  ) -> Int {
    var i = 0
    var j = 0
    var counts = SIMD4<UInt32>()
    if a.count >= 4 && b.count >= 4 {
      let x = UnsafeRawPointer(a.baseAddress!)
      let y = UnsafeRawPointer(b.baseAddress!)
      let one = SIMD4<UInt32>(repeating: 1)
      let zero = SIMD4<UInt32>()
      while i + 4 <= a.count && j + 4 <= b.count {
        let left = x.loadUnaligned(fromByteOffset: i * 4, as: SIMD4<UInt32>.self)
        var right = y.loadUnaligned(fromByteOffset: j * 4, as: SIMD4<UInt32>.self)
        var hits = zero.replacing(with: one, where: left .== right)
        right = SIMD4(right[1], right[2], right[3], right[0])
        hits.replace(with: one, where: left .== right)
        right = SIMD4(right[1], right[2], right[3], right[0])
        hits.replace(with: one, where: left .== right)
        right = SIMD4(right[1], right[2], right[3], right[0])
        hits.replace(with: one, where: left .== right)
        counts &+= hits
        let lastA = a[i + 3]
        let lastB = b[j + 3]
        i &+= lastA <= lastB ? 4 : 0
        j &+= lastB <= lastA ? 4 : 0
      }
    }
    var shared = Int(counts.wrappedSum())
    while i < a.count && j < b.count {
      let x = a[i]
      let y = b[j]
      shared &+= x == y ? 1 : 0
      i &+= x <= y ? 1 : 0
      j &+= y <= x ? 1 : 0
    }
    return shared
  }

  /// Jaccard similarity and containment (|A ∩ B| / min(|A|, |B|)) of two sorted sets.
  static func similarity(_ a: [UInt32], _ b: [UInt32]) -> (jaccard: Double, containment: Double) {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in similarity(a, b) }
    }
  }

  /// Jaccard similarity and containment of two sorted buffers.
  static func similarity(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> (
    jaccard: Double, containment: Double
  ) {
    guard !a.isEmpty, !b.isEmpty else { return (0, 0) }
    let shared = intersectionCount(a, b)
    let union = a.count + b.count - shared
    return (Double(shared) / Double(union), Double(shared) / Double(min(a.count, b.count)))
  }
}
