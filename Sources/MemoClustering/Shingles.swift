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
    var result: [UInt32] = []
    tokens.withUnsafeBufferPointer { buffer in
      let count = max(1, buffer.count - size + 1)
      result.reserveCapacity(count)
      for start in 0..<count {
        result.append(hash(buffer, start: start, size: size))
      }
    }
    result.sort()
    return result.uniqued()
  }

  /// |A ∩ B| for two sorted, duplicate-free arrays.
  static func intersectionCount(_ a: [UInt32], _ b: [UInt32]) -> Int {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
          let x = a[i]
          let y = b[j]
          if x == y {
            shared += 1
            i += 1
            j += 1
          } else if x < y {
            i += 1
          } else {
            j += 1
          }
        }
        return shared
      }
    }
  }

  /// Jaccard similarity and containment (|A ∩ B| / min(|A|, |B|)) of two sorted sets.
  static func similarity(_ a: [UInt32], _ b: [UInt32]) -> (jaccard: Double, containment: Double) {
    guard !a.isEmpty, !b.isEmpty else { return (0, 0) }
    let shared = intersectionCount(a, b)
    let union = a.count + b.count - shared
    return (Double(shared) / Double(union), Double(shared) / Double(min(a.count, b.count)))
  }
}

extension Array where Element: Equatable {
  /// Removes adjacent duplicates (a sorted array becomes a set).
  func uniqued() -> [Element] {
    guard count > 1 else { return self }
    var result: [Element] = []
    result.reserveCapacity(count)
    result.append(self[0])
    for element in self.dropFirst() where element != result[result.count - 1] {
      result.append(element)
    }
    return result
  }
}
