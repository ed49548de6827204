import MemoClustering
import MemoCore
import MemoReporting

extension ClusterResult {
  /// A Markdown section: one subsection per cluster with a member table and quoted passages.
  ///
  /// Every memo-supplied field (source, company, title, date, passage text) goes through the
  /// escaping builder (``MarkdownDocument``, ``Inline/text(_:)``), so it renders as text in
  /// CommonMark and GFM.
  ///
  /// - Parameter passageLimit: At most this many passages per cluster (the longest).
  public func markdown(passageLimit: Int = 5) -> String {
    let p = parameters
    func fixed(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }
    func plural(_ count: Int, _ word: String) -> String {
      "\(count) \(word)\(count == 1 ? "" : "s")"
    }
    var document = MarkdownDocument()
    document.heading(2, "Near-duplicate memos")
    document.paragraph(
      .markup(
        "\(plural(clusters.count, "cluster")) among \(plural(documents, "memo")) "
          + "(word \(p.shingleSize)-gram shingles, "
          + "\(p.masking ? "numbers and names masked" : "no masking"), "
          + "\(p.bands) bands × \(p.rows) rows, verified at Jaccard ≥ \(fixed(p.threshold)) "
          + "or containment ≥ \(fixed(p.containmentThreshold)))."))
    for cluster in clusters {
      let origin = cluster.members[0]
      document.heading(
        3, "Cluster \(cluster.id): \(cluster.members.count) memos, earliest \(origin.source)")
      document.table(
        ["#", "Date", "Company", "Title", "Source", "Reused"],
        rows: cluster.members.enumerated().map { index, member in
          [
            "\(index + 1)", .text(member.date ?? ""), .text(member.company ?? ""),
            .text(member.title ?? ""), .text(member.source),
            .markup(NumberText.percent(member.coverage)),
          ]
        })
      if let strongest = cluster.pairs.max(by: { $0.jaccard < $1.jaccard }) {
        document.paragraph(
          "Strongest pair: \(strongest.a) and \(strongest.b), "
            + .markup(
              "Jaccard \(fixed(strongest.jaccard)), containment \(fixed(strongest.containment)) "
                + "(\(plural(cluster.pairs.count, "verified pair"))).")
        )
      }
      let shown = cluster.passages.prefix(passageLimit)
      if !shown.isEmpty {
        document.paragraph("Shared passages:")
        var items: [Inline] = shown.map { passage in
          .markup(
            "\(passage.members.count) of \(cluster.members.count) memos, \(passage.tokens) words"
              + (passage.boilerplate ? " (boilerplate)" : "") + ": ")
            + .text("“\(passage.text)”")
        }
        if cluster.passages.count > shown.count {
          items.append(.markup("… and \(cluster.passages.count - shown.count) more"))
        }
        document.bullets(items)
      }
    }
    if !cutPairs.isEmpty {
      document.heading(3, "Pairs cut as weak links")
      document.table(
        ["A", "B", "Jaccard", "Containment"],
        rows: cutPairs.map {
          [
            .text($0.a), .text($0.b), .markup(fixed($0.jaccard)), .markup(fixed($0.containment)),
          ]
        })
    }
    return document.markdown
  }
}
