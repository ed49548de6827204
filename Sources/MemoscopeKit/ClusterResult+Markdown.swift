import MemoClustering
import MemoReporting

extension ClusterResult {
  /// A Markdown section: one subsection per cluster with a member table and quoted passages.
  ///
  /// - Parameter passageLimit: At most this many passages per cluster (the longest).
  public func markdown(passageLimit: Int = 5) -> String {
    let p = parameters
    var out = "## Near-duplicate memos\n\n"
    out +=
      "\(clusters.count) cluster\(clusters.count == 1 ? "" : "s") among \(documents) memo\(documents == 1 ? "" : "s") "
      + "(word \(p.shingleSize)-gram shingles, \(p.masking ? "numbers and names masked" : "no masking"), "
      + "\(p.bands) bands × \(p.rows) rows, verified at Jaccard ≥ \(format(p.threshold)) "
      + "or containment ≥ \(format(p.containmentThreshold))).\n"
    for cluster in clusters {
      let origin = cluster.members[0]
      out +=
        "\n### Cluster \(cluster.id): \(cluster.members.count) memos, earliest \(MarkdownText.escape(origin.source))\n\n"
      out += "| # | Date | Company | Title | Source | Reused |\n|---|---|---|---|---|---|\n"
      for (index, member) in cluster.members.enumerated() {
        out +=
          "| \(index + 1) | \(member.date ?? "—") | \(MarkdownText.escape(member.company ?? "—")) "
        out +=
          "| \(MarkdownText.escape(member.title ?? "—")) | \(MarkdownText.escape(member.source)) "
        out += "| \(percent(member.coverage)) |\n"
      }
      let strongest = cluster.pairs.max { $0.jaccard < $1.jaccard }
      if let strongest {
        out +=
          "\nStrongest pair: \(MarkdownText.escape(strongest.a)) and \(MarkdownText.escape(strongest.b)), "
        out += "Jaccard \(format(strongest.jaccard)), containment \(format(strongest.containment)) "
        out += "(\(cluster.pairs.count) verified pair\(cluster.pairs.count == 1 ? "" : "s")).\n"
      }
      let shown = cluster.passages.prefix(passageLimit)
      if !shown.isEmpty {
        out += "\nShared passages:\n\n"
        for passage in shown {
          let flag = passage.boilerplate ? " (boilerplate)" : ""
          out +=
            "- \(passage.members.count) of \(cluster.members.count) memos, \(passage.tokens) words\(flag): "
          out += "“\(MarkdownText.escape(passage.text))”\n"
        }
        if cluster.passages.count > shown.count {
          out += "- … and \(cluster.passages.count - shown.count) more\n"
        }
      }
    }
    if !cutPairs.isEmpty {
      out +=
        "\n### Pairs cut as weak links\n\n| A | B | Jaccard | Containment |\n|---|---|---|---|\n"
      for pair in cutPairs {
        out +=
          "| \(MarkdownText.escape(pair.a)) | \(MarkdownText.escape(pair.b)) | \(format(pair.jaccard)) | \(format(pair.containment)) |\n"
      }
    }
    return out
  }
}
