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
  /// bands kept in the library (an index lookup per band, not a pass over every memo), each
  /// verified on exact shingle sets with the clusterer's thresholds.
  ///
  /// - Parameter options: The clustering settings (thresholds, bands, rows must be those the
  ///   library was built with: the defaults).
  public func similar(to memo: Memo, options: ClusteringOptions = ClusteringOptions())
    throws(LibraryError) -> [SimilarMemo]
  {
    let sketch = MemoSketch(memo: memo, options: options)
    guard !sketch.bandKeys.isEmpty else { return [] }
    let candidates = try read { db in
      let placeholders = Array(repeating: "?", count: sketch.bandKeys.count).joined(
        separator: ",")
      return try Int64.fetchAll(
        db, sql: "SELECT DISTINCT memo_id FROM band WHERE key IN (\(placeholders))",
        arguments: StatementArguments(sketch.bandKeys.map(Self.bandKey)))
    }
    let stored = try storedMemos(candidates)
    var result: [SimilarMemo] = []
    for id in candidates.sorted() {
      guard let candidate = stored[id]?.memo else { continue }
      let other = MemoSketch(memo: candidate, options: options)
      let (jaccard, containment) = MemoSketch.similarity(sketch.shingles, other.shingles)
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
}
