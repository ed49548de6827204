import MemoClustering

extension ReportCluster {
  /// The report's view of a cluster found by `MemoClustering`.
  public init(_ cluster: MemoCluster) {
    self.init(
      members: cluster.members.map {
        Member(source: $0.source, company: $0.company, date: $0.date, coverage: $0.coverage)
      },
      passages: cluster.passages.map {
        Passage(
          text: $0.text, words: $0.tokens, members: $0.members.count, boilerplate: $0.boilerplate)
      },
      maximumJaccard: cluster.pairs.map(\.jaccard).max() ?? 0)
  }
}
