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
    let sketch = DocumentFrequencySketch(expectedShingles: 600)
    let sets = (0..<50).map { document in
      (0..<40).map { UInt32(($0 * 7 + document * 3) % 300) }.sorted()
    }
    sketch.add(sets.map { Array(Set($0)).sorted() })
    for shingle in UInt32(0)..<400 {
      for threshold in [0, 1, 5, 7, 8, 20] {
        #expect(sketch.reaches(shingle, threshold) == (sketch.count(shingle) >= threshold))
      }
    }
  }
}
