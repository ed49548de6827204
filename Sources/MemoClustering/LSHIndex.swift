import CMinHash
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
  ///   - vectorScreen: Screen with the C kernel when the processor has one (false: always the
  ///     Swift loop, for tests).
  ///   - verify: The exact check; returns an edge to keep, or nil.
  /// - Returns: The edges, and how many distinct pairs passed the screen and were verified.
  static func verifiedPairs(
    signatures: [UInt32], hashes: Int, bands: Int, rows: Int, skip: [Bool],
    minimumAgreement: Int, vectorScreen: Bool = true,
    verify: @Sendable (Int, Int) -> ClusterGraph.Edge?
  ) -> (edges: [ClusterGraph.Edge], candidates: Int) {
    // The low byte of every signature value, for a screen that reads a quarter of the memory.
    // Every byte is written by the workers (no zeroing first).
    let lowBytes = [UInt8](unsafeUninitializedCapacity: signatures.count) { bytes, initialized in
      let shared = UncheckedSendable(value: bytes)
      signatures.withUnsafeBufferPointer { signatures in
        let source = UncheckedSendable(value: signatures)
        Parallel.forEachChunk(count: signatures.count, minimumChunk: 1 << 16) { range in
          for index in range {
            shared.value[index] = UInt8(truncatingIfNeeded: source.value[index])
          }
        }
      }
      initialized = signatures.count
    }
    let frozenLowBytes = lowBytes
    let perBand: [(edges: [ClusterGraph.Edge], candidates: Int)] = Parallel.map(
      count: bands, minimumChunk: 1
    ) { band in
      var edges: [ClusterGraph.Edge] = []
      var candidates = 0
      signatures.withUnsafeBufferPointer { signatures in
        frozenLowBytes.withUnsafeBufferPointer { lowBytes in
          let entries = bucketed(
            signatures: signatures, hashes: hashes, band: band, rows: rows, skip: skip)

          /// True when documents `a` and `b` also collide in an earlier band.
          func collidedEarlier(_ a: Int, _ b: Int) -> Bool {
            let x = a * hashes
            let y = b * hashes
            if rows == 2 {
              // Two rows are one 64-bit word: four bands per vector compare.
              let base = UnsafeRawPointer(signatures.baseAddress!)
              var earlier = 0
              while earlier + 4 <= band {
                let left = (base + (x + 2 * earlier) * 4).loadUnaligned(as: SIMD4<UInt64>.self)
                let right = (base + (y + 2 * earlier) * 4).loadUnaligned(as: SIMD4<UInt64>.self)
                if any(left .== right) { return true }
                earlier += 4
              }
              while earlier < band {
                let left = (base + (x + 2 * earlier) * 4).loadUnaligned(as: UInt64.self)
                let right = (base + (y + 2 * earlier) * 4).loadUnaligned(as: UInt64.self)
                if left == right { return true }
                earlier += 1
              }
              return false
            }
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

          /// The checks after the low-byte screen: skip pairs that an earlier band already
          /// handles, screen on the full values, verify.
          func consider(_ a: Int, _ b: Int) {
            if collidedEarlier(a, b) { return }
            if agreement(signatures, a, b, hashes) < minimumAgreement { return }
            candidates += 1
            if let edge = verify(a, b) { edges.append(edge) }
          }

          // Screen first, on the low bytes: they agree wherever the values do, so fewer equal
          // bytes than `minimumAgreement` rules a pair out, and most pairs in a bucket are
          // chance collisions that stop here. One document against the rest of its bucket at a
          // time, in the vector kernel `memoscope_screen_row` when the processor has one.
          var passing = [UInt32](repeating: 0, count: 64)
          var start = 0
          while start < entries.count {
            var end = start + 1
            while end < entries.count && entries.keys[end] == entries.keys[start] { end += 1 }
            if end - start >= 2 {
              if passing.count < end - start {
                passing = [UInt32](repeating: 0, count: 2 * (end - start))
              }
              entries.documents.withUnsafeBufferPointer { documents in
                passing.withUnsafeMutableBufferPointer { passing in
                  for i in start..<(end - 1) {
                    let a = Int(documents[i])
                    let found =
                      vectorScreen
                      ? memoscope_screen_row(
                        lowBytes.baseAddress, hashes, documents[i], documents.baseAddress! + i + 1,
                        end - i - 1, minimumAgreement, passing.baseAddress) : -1
                    if found >= 0 {
                      for t in 0..<found { consider(a, Int(documents[i + 1 + Int(passing[t])])) }
                    } else {
                      for j in (i + 1)..<end
                      where agreement(lowBytes, a, Int(documents[j]), hashes) >= minimumAgreement {
                        consider(a, Int(documents[j]))
                      }
                    }
                  }
                }
              }
            }
            start = end
          }
        }
      }
      return (edges, candidates)
    }
    let edges = sortedByPair(
      perBand.flatMap(\.edges), documents: hashes > 0 ? signatures.count / hashes : 0)
    return (edges, perBand.reduce(0) { $0 + $1.candidates })
  }

  /// `edges` sorted by (a, b), for edges whose pairs are distinct and whose documents are below
  /// `documents`: a counting sort on `a`, then an insertion sort by `b` among each document's
  /// few edges. The order a comparison sort on (a, b) gives, in linear time (the comparison
  /// sort of 52,000 edges had been a few milliseconds on one thread while the others waited).
  static func sortedByPair(_ edges: [ClusterGraph.Edge], documents: Int) -> [ClusterGraph.Edge] {
    guard edges.count > 1 else { return edges }
    guard edges.allSatisfy({ $0.a >= 0 && $0.a < documents }) else {
      return edges.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }
    var starts = [Int](repeating: 0, count: documents + 1)
    for edge in edges { starts[edge.a + 1] += 1 }
    for document in 0..<documents { starts[document + 1] += starts[document] }
    var next = starts
    return [ClusterGraph.Edge](unsafeUninitializedCapacity: edges.count) { sorted, initialized in
      for edge in edges {
        (sorted.baseAddress! + next[edge.a]).initialize(to: edge)
        next[edge.a] += 1
      }
      initialized = edges.count
      for document in 0..<documents where starts[document + 1] - starts[document] > 1 {
        for index in (starts[document] + 1)..<starts[document + 1] {
          let edge = sorted[index]
          var position = index
          while position > starts[document] && sorted[position - 1].b > edge.b {
            sorted[position] = sorted[position - 1]
            position -= 1
          }
          sorted[position] = edge
        }
      }
    }
  }

  /// The key of one band of a signature: its `rows` values from `base`, hashed with the band.
  @inline(__always)
  static func bandKey(
    _ signatures: UnsafeBufferPointer<UInt32>, base: Int, band: Int, rows: Int
  ) -> UInt64 {
    var key = UInt64(band)
    for row in 0..<rows {
      key = StableHash.mix(key ^ UInt64(signatures[base + row]), seed: UInt64(row))
    }
    return key
  }

  /// One band's (key, document) entries sorted by key, then document, so that each bucket is a
  /// run with its documents in ascending order.
  ///
  /// A stable counting sort on the key's top bits (documents go in ascending, so they stay
  /// ascending within a slot), then an insertion sort inside each slot, which holds about one
  /// entry: the same order as a comparison sort on (key, document), in linear time.
  static func bucketed(
    signatures: UnsafeBufferPointer<UInt32>, hashes: Int, band: Int, rows: Int, skip: [Bool]
  ) -> (keys: [UInt64], documents: [UInt32], count: Int) {
    var keys: [UInt64] = []
    var documents: [UInt32] = []
    keys.reserveCapacity(skip.count)
    documents.reserveCapacity(skip.count)
    for document in 0..<skip.count where !skip[document] {
      keys.append(
        bandKey(signatures, base: document * hashes + band * rows, band: band, rows: rows))
      documents.append(UInt32(document))
    }
    let count = keys.count
    var bits = 1
    while 1 << bits < count && bits < 24 { bits += 1 }
    let shift = UInt64(64 - bits)
    var starts = [Int](repeating: 0, count: (1 << bits) + 1)
    for key in keys { starts[Int(key >> shift) + 1] += 1 }
    for slot in 0..<(1 << bits) { starts[slot + 1] += starts[slot] }
    var sortedKeys = [UInt64](repeating: 0, count: count)
    var sortedDocuments = [UInt32](repeating: 0, count: count)
    var next = starts
    for index in 0..<count {
      let slot = Int(keys[index] >> shift)
      sortedKeys[next[slot]] = keys[index]
      sortedDocuments[next[slot]] = documents[index]
      next[slot] += 1
    }
    for slot in 0..<(1 << bits) where starts[slot + 1] - starts[slot] > 1 {
      for index in (starts[slot] + 1)..<starts[slot + 1] {
        let key = sortedKeys[index]
        let document = sortedDocuments[index]
        var position = index
        while position > starts[slot] && sortedKeys[position - 1] > key {
          sortedKeys[position] = sortedKeys[position - 1]
          sortedDocuments[position] = sortedDocuments[position - 1]
          position -= 1
        }
        sortedKeys[position] = key
        sortedDocuments[position] = document
      }
    }
    return (sortedKeys, sortedDocuments, count)
  }

  /// How many of the `hashes` values of documents `a` and `b` are equal (16 or 8 lanes at a
  /// time).
  @inline(__always)
  static func agreement<Value: FixedWidthInteger>(
    _ values: UnsafeBufferPointer<Value>, _ a: Int, _ b: Int, _ hashes: Int
  ) -> Int {
    let base = UnsafeRawPointer(values.baseAddress!)
    let stride = MemoryLayout<Value>.stride
    let x = base + a * hashes * stride
    let y = base + b * hashes * stride
    var same = 0
    var offset = 0
    if stride == 1 {
      var counts = SIMD16<UInt8>()
      while offset + 16 <= hashes {
        let left = x.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        let right = y.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        counts &+= SIMD16<UInt8>().replacing(with: 1, where: left .== right)
        offset += 16
        // Fold before a lane could wrap.
        if offset % (16 * 255) == 0 {
          same += Int(SIMD16<UInt16>(truncatingIfNeeded: counts).wrappedSum())
          counts = SIMD16<UInt8>()
        }
      }
      same += Int(SIMD16<UInt16>(truncatingIfNeeded: counts).wrappedSum())
    } else if stride == 4 {
      var counts = SIMD8<UInt32>()
      while offset + 8 <= hashes {
        let left = x.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<UInt32>.self)
        let right = y.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<UInt32>.self)
        counts &+= SIMD8<UInt32>().replacing(with: 1, where: left .== right)
        offset += 8
      }
      same = Int(counts.wrappedSum())
    }
    while offset < hashes {
      if values[a * hashes + offset] == values[b * hashes + offset] { same += 1 }
      offset += 1
    }
    return same
  }
}
