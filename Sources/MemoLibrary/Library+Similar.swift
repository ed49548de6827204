import GRDB
import MemoClustering
import MemoCore

/// A stored memo that shares passages with a new one.
public struct SimilarMemo: Sendable, Equatable {
  /// The stored memo's source, company, date and title.
  public var source: String, company: String?, date: String?, title: String?
  /// Jaccard similarity of the two memos' shingle sets.
  public var jaccard: Double
  /// Containment: shared shingles over the smaller set.
  public var containment: Double
  /// The stored memo, for passage finding.
  public var memo: Memo
}

extension Library {
  /// The stored memos near-identical to `memo`, most similar first: candidates from the LSH
  /// bands kept in the library (an index lookup, not a pass over every memo), each verified
  /// on exact shingle sets with the clusterer's thresholds and its frequent-shingle filter.
  ///
  /// As in `cluster`, shingles that occur in at least `commonShingleFraction` of the memos
  /// (and at least `commonShingleMinimum`; the library's `ShingleCounts`, counting the new
  /// memo too) are left out of both sets before verification, so shared boilerplate does not
  /// make memos similar. Band keys were computed when each memo was added, from all its
  /// shingles (the filter depends on the memos added later), so candidates are found on all
  /// shingles and only verification applies the filter.
  ///
  /// - Parameter options: The clustering settings (thresholds, bands, rows must be those the
  ///   library was built with: the defaults).
  public func similar(to memo: Memo, options: ClusteringOptions = ClusteringOptions())
    throws(LibraryError) -> [SimilarMemo]
  {
    let sketch = MemoSketch(memo: memo, options: options)
    guard !sketch.bandKeys.isEmpty else { return [] }
    let query = Set(sketch.bandKeys.map(Self.bandTerm)).sorted().map { "\"\($0)\"" }
      .joined(separator: " OR ")
    let (candidates, counts) = try read { db in
      (
        try Int64.fetchAll(
          db, sql: "SELECT rowid FROM band_keys WHERE band_keys MATCH ?", arguments: [query]),
        try ShingleCounts.load(db)
      )
    }
    let threshold = Self.commonThreshold(memos: counts.memos + 1, options: options)
    // Counts over the stored memos and the new one.
    let own = Set(sketch.shingles)
    func rare(_ set: [UInt32]) -> [UInt32] {
      set.filter { counts.count($0) + (own.contains($0) ? 1 : 0) < threshold }
    }
    let shingles = rare(sketch.shingles)
    guard !shingles.isEmpty else { return [] }
    let stored = try storedMemos(candidates)
    var result: [SimilarMemo] = []
    for id in candidates.sorted() {
      guard let candidate = stored[id]?.memo else { continue }
      let other = MemoSketch(memo: candidate, options: options)
      let (jaccard, containment) = MemoSketch.similarity(shingles, rare(other.shingles))
      guard jaccard >= options.threshold || containment >= options.containmentThreshold else {
        continue
      }
      result.append(
        SimilarMemo(
          source: candidate.source, company: candidate.company, date: candidate.date,
          title: candidate.title, jaccard: jaccard, containment: containment, memo: candidate))
    }
    return result.sorted {
      ($1.jaccard, $0.source) < ($0.jaccard, $1.source)
    }
  }

  /// The document count at which `cluster` calls a shingle common among `memos` memos.
  static func commonThreshold(memos: Int, options: ClusteringOptions) -> Int {
    max(
      options.commonShingleMinimum,
      Int((options.commonShingleFraction * Double(memos)).rounded(.up)))
  }
}
