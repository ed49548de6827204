import MemoCore
import Testing

@testable import MemoClustering

@Suite("LSHIndex")
struct LSHIndexTests {
  /// Signatures of `documents` documents in families of four that share most values.
  func signatures(documents: Int, hashes: Int) -> [UInt32] {
    var values: [UInt32] = []
    var state: UInt64 = 3
    for document in 0..<documents {
      for index in 0..<hashes {
        state = StableHash.mix(state, seed: 1)
        // Family members agree where the random draw is small; small values collide by chance.
        let family = UInt64(document / 4)
        let shared = StableHash.mix(family, seed: UInt64(index))
        values.append(UInt32(truncatingIfNeeded: state % 3 == 0 ? state % 7 : shared))
      }
    }
    return values
  }

  @Test("The vector screen keeps exactly the pairs the Swift screen keeps")
  func vectorScreenAgrees() {
    for (hashes, bands, rows) in [(128, 64, 2), (130, 42, 3), (24, 8, 3)] {
      let documents = 300
      let values = signatures(documents: documents, hashes: hashes)
      let skip = (0..<documents).map { $0 % 37 == 5 }
      func run(_ vector: Bool) -> [String] {
        LSHIndex.verifiedPairs(
          signatures: values, hashes: hashes, bands: bands, rows: rows, skip: skip,
          minimumAgreement: hashes / 10, vectorScreen: vector
        ) { a, b in
          ClusterGraph.Edge(a: a, b: b, jaccard: 0.5, containment: 0.5)
        }.edges.map { "\($0.a)-\($0.b)" }
      }
      let portable = run(false)
      #expect(!portable.isEmpty)
      #expect(run(true) == portable, "\(hashes) hashes")
    }
  }

  @Test("The lazy common-shingle test agrees with the estimated count")
  func sketchReaches() {
    let sets: [[UInt32]] = (0..<50).map { (document: Int) -> [UInt32] in
      let shingles = (0..<40).map { (index: Int) -> UInt32 in
        UInt32((index * 7 + document * 3) % 300)
      }
      return Array(Set(shingles)).sorted()
    }
    let sketch = DocumentFrequencySketch(counting: sets)
    #expect(!sketch.isWide)
    for shingle in UInt32(0)..<400 {
      for threshold in [0, 1, 5, 7, 8, 20] {
        #expect(sketch.reaches(shingle, threshold) == (sketch.count(shingle) >= threshold))
      }
    }
  }

  @Test("16-bit counters give the counts of 32-bit ones, and overflow falls back to them")
  func sketchCounterWidths() {
    // Random sets over 5,000 shingles, each in about 5 documents: the estimates must match.
    var state: UInt64 = 7
    var sets: [[UInt32]] = []
    for _ in 0..<400 {
      var set = Set<UInt32>()
      for _ in 0..<60 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        set.insert(UInt32((state >> 33) % 5_000))
      }
      sets.append(set.sorted())
    }
    let narrow = DocumentFrequencySketch(counting: sets)
    let wide = DocumentFrequencySketch(counting: sets, forceWide: true)
    #expect(!narrow.isWide && wide.isWide)
    for shingle in UInt32(0)..<6_000 {
      #expect(narrow.count(shingle) == wide.count(shingle))
    }
    // One shingle in 65,535 documents fills a 16-bit counter exactly.
    let full = DocumentFrequencySketch(counting: Array(repeating: [1], count: 65_535))
    #expect(!full.isWide)
    #expect(full.count(1) == 65_535)
    // 40,000 documents (2^18 counters a row) with two shingles that share their first-row
    // counter: it passes 65,535, so the sketch is counted again in 32-bit counters.
    let shared: [[UInt32]] = Array(repeating: [1, 1 + (1 << 18)], count: 40_000)
    let fallback = DocumentFrequencySketch(counting: shared)
    let reference = DocumentFrequencySketch(counting: shared, forceWide: true)
    #expect(fallback.isWide)
    #expect(fallback.count(1) == 40_000)
    #expect(fallback.count(1 + (1 << 18)) == reference.count(1 + (1 << 18)))
    #expect(fallback.reaches(1, 40_000) && !fallback.reaches(1, 40_001))
    // More documents than a 16-bit counter holds: 32-bit from the start.
    #expect(DocumentFrequencySketch(counting: Array(repeating: [3], count: 65_536)).isWide)
  }

  @Test("Edges sorted by counting on their first document come out as a comparison sort puts them")
  func edgeOrder() {
    var state: UInt64 = 7
    for documents in [1, 2, 5, 40, 1_000] {
      var pairs = Set<[Int]>()
      var edges: [ClusterGraph.Edge] = []
      for _ in 0..<(documents * 3) {
        state = StableHash.mix(state, seed: 2)
        let a = Int(state % UInt64(documents))
        let b = Int((state >> 20) % UInt64(documents))
        guard pairs.insert([a, b]).inserted else { continue }
        edges.append(ClusterGraph.Edge(a: a, b: b, jaccard: Double(state % 100), containment: 0))
      }
      let expected = edges.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
      let sorted = LSHIndex.sortedByPair(edges, documents: documents)
      #expect(sorted.map { [$0.a, $0.b] } == expected.map { [$0.a, $0.b] }, "\(documents)")
      #expect(sorted.map(\.jaccard) == expected.map(\.jaccard))
      // A document number out of range falls back to the comparison sort.
      let outside = LSHIndex.sortedByPair(edges, documents: max(0, documents - 1))
      #expect(outside.map { [$0.a, $0.b] } == expected.map { [$0.a, $0.b] })
    }
  }
}
