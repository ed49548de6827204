import MemoCore

/// Locality-sensitive hashing by banding, with sort-based buckets and verification in place.
///
/// Each band's rows are hashed to one 64-bit key per document; sorting (key, document) pairs
/// puts each bucket in a run. Every pair inside a run is a candidate, handled only in the first
/// band where the two documents collide (earlier bands are compared directly on the
/// signatures), so no global list of candidate pairs is ever built or deduplicated. Each
/// candidate is then screened by the share of equal MinHash values and verified exactly.
enum LSHIndex {
  /// Verified pairs found through LSH, sorted by (a, b).
  ///
  /// - Parameters:
  ///   - signatures: `hashes` values per document, documents in order.
  ///   - skip: Documents to leave out (empty shingle sets).
  ///   - minimumAgreement: Candidates whose signatures agree on fewer values are dropped
  ///     without an exact check.
  ///   - verify: The exact check; returns an edge to keep, or nil.
  /// - Returns: The edges, and how many distinct pairs passed the screen and were verified.
  static func verifiedPairs(
    signatures: [UInt32], hashes: Int, bands: Int, rows: Int, skip: [Bool],
    minimumAgreement: Int, verify: @Sendable (Int, Int) -> ClusterGraph.Edge?
  ) -> (edges: [ClusterGraph.Edge], candidates: Int) {
    let documents = skip.count
    let perBand: [(edges: [ClusterGraph.Edge], candidates: Int)] = Parallel.map(
      count: bands, minimumChunk: 1
    ) { band in
      var entries: [(key: UInt64, document: UInt32)] = []
      entries.reserveCapacity(documents)
      var edges: [ClusterGraph.Edge] = []
      var candidates = 0
      signatures.withUnsafeBufferPointer { signatures in
        for document in 0..<documents where !skip[document] {
          var key = UInt64(band)
          let base = document * hashes + band * rows
          for row in 0..<rows {
            key = StableHash.mix(key ^ UInt64(signatures[base + row]), seed: UInt64(row))
          }
          entries.append((key, UInt32(document)))
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.document < $1.document }

        /// True when documents `a` and `b` also collide in an earlier band.
        func collidedEarlier(_ a: Int, _ b: Int) -> Bool {
          let x = a * hashes
          let y = b * hashes
          var earlier = 0
          while earlier < band {
            var same = true
            for row in (earlier * rows)..<((earlier + 1) * rows)
            where signatures[x + row] != signatures[y + row] {
              same = false
              break
            }
            if same { return true }
            earlier += 1
          }
          return false
        }

        /// How many MinHash values two signatures share (8 lanes at a time).
        func agreement(_ a: Int, _ b: Int) -> Int {
          let base = UnsafeRawPointer(signatures.baseAddress!)
          let x = base + a * hashes * 4
          let y = base + b * hashes * 4
          var counts = SIMD8<UInt32>()
          let zero = SIMD8<UInt32>()
          var offset = 0
          while offset + 8 <= hashes {
            let left = x.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<UInt32>.self)
            let right = y.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<UInt32>.self)
            counts &+= zero.replacing(with: 1, where: left .== right)
            offset += 8
          }
          var same = Int(counts.wrappedSum())
          while offset < hashes {
            if signatures[a * hashes + offset] == signatures[b * hashes + offset] { same += 1 }
            offset += 1
          }
          return same
        }

        var start = 0
        while start < entries.count {
          var end = start + 1
          while end < entries.count && entries[end].key == entries[start].key { end += 1 }
          if end - start >= 2 {
            for i in start..<end {
              let a = Int(entries[i].document)
              for j in (i + 1)..<end {
                let b = Int(entries[j].document)
                // Screen first (cheap, drops most chance collisions), then skip pairs that an
                // earlier band already handles.
                if agreement(a, b) < minimumAgreement { continue }
                if collidedEarlier(a, b) { continue }
                candidates += 1
                if let edge = verify(a, b) { edges.append(edge) }
              }
            }
          }
          start = end
        }
      }
      return (edges, candidates)
    }
    var edges = perBand.flatMap(\.edges)
    edges.sort { ($0.a, $0.b) < ($1.a, $1.b) }
    return (edges, perBand.reduce(0) { $0 + $1.candidates })
  }
}
