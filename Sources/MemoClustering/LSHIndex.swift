import MemoCore

/// Locality-sensitive hashing by banding, with sort-based buckets.
///
/// Each band's rows are hashed to one 64-bit key per document; sorting (key, document) pairs
/// puts each bucket in a run, and every pair inside a run is a candidate. No dictionaries of
/// arrays are built.
enum LSHIndex {
  /// Candidate pairs as `a << 32 | b` with `a < b`, sorted and unique.
  static func candidatePairs(
    signatures: [UInt32], hashes: Int, bands: Int, rows: Int, skip: [Bool]
  ) -> [UInt64] {
    let documents = skip.count
    let perBand: [[UInt64]] = Parallel.map(count: bands, minimumChunk: 1) { band in
      var entries: [(key: UInt64, document: UInt32)] = []
      entries.reserveCapacity(documents)
      signatures.withUnsafeBufferPointer { signatures in
        for document in 0..<documents where !skip[document] {
          var key = UInt64(band)
          let base = document * hashes + band * rows
          for row in 0..<rows {
            key = StableHash.mix(key ^ UInt64(signatures[base + row]), seed: UInt64(row))
          }
          entries.append((key, UInt32(document)))
        }
      }
      entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.document < $1.document }
      var pairs: [UInt64] = []
      var start = 0
      while start < entries.count {
        var end = start + 1
        while end < entries.count && entries[end].key == entries[start].key { end += 1 }
        if end - start >= 2 {
          for i in start..<end {
            for j in (i + 1)..<end {
              pairs.append(UInt64(entries[i].document) << 32 | UInt64(entries[j].document))
            }
          }
        }
        start = end
      }
      return pairs
    }
    var all = perBand.flatMap { $0 }
    all.sort()
    return all.uniqued()
  }
}
