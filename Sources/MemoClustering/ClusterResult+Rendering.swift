import Foundation

extension ClusterResult {
  /// The result as pretty-printed JSON with sorted keys, ending in a newline.
  ///
  /// Schema: `{documents, parameters, clusters: [{id, members: [{source, title, company, date,
  /// tokens, coverage}], pairs: [{a, b, jaccard, containment}], passages: [{text, members,
  /// tokens, coverage, boilerplate, documentFrequency}]}], cutPairs}`. Similarities are rounded
  /// to 4 decimals.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain values cannot fail.
    let data = (try? encoder.encode(rounded())) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A copy with every similarity and coverage rounded to 4 decimals, for stable output.
  public func rounded() -> ClusterResult {
    func r(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
    var copy = self
    copy.clusters = clusters.map { cluster in
      var cluster = cluster
      cluster.members = cluster.members.map { var m = $0; m.coverage = r(m.coverage); return m }
      cluster.pairs = cluster.pairs.map(Self.roundPair)
      cluster.passages = cluster.passages.map { var p = $0; p.coverage = r(p.coverage); return p }
      return cluster
    }
    copy.cutPairs = cutPairs.map(Self.roundPair)
    return copy
  }

  private static func roundPair(_ pair: ClusterPair) -> ClusterPair {
    var pair = pair
    pair.jaccard = (pair.jaccard * 10_000).rounded() / 10_000
    pair.containment = (pair.containment * 10_000).rounded() / 10_000
    return pair
  }

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
      out += "\n### Cluster \(cluster.id): \(cluster.members.count) memos, earliest \(MarkdownEscaping.escape(origin.source))\n\n"
      out += "| # | Date | Company | Title | Source | Reused |\n|---|---|---|---|---|---|\n"
      for (index, member) in cluster.members.enumerated() {
        out += "| \(index + 1) | \(member.date ?? "—") | \(MarkdownEscaping.escape(member.company ?? "—")) "
        out += "| \(MarkdownEscaping.escape(member.title ?? "—")) | \(MarkdownEscaping.escape(member.source)) "
        out += "| \(percent(member.coverage)) |\n"
      }
      let strongest = cluster.pairs.max { $0.jaccard < $1.jaccard }
      if let strongest {
        out += "\nStrongest pair: \(MarkdownEscaping.escape(strongest.a)) and \(MarkdownEscaping.escape(strongest.b)), "
        out += "Jaccard \(format(strongest.jaccard)), containment \(format(strongest.containment)) "
        out += "(\(cluster.pairs.count) verified pair\(cluster.pairs.count == 1 ? "" : "s")).\n"
      }
      let shown = cluster.passages.prefix(passageLimit)
      if !shown.isEmpty {
        out += "\nShared passages:\n\n"
        for passage in shown {
          let flag = passage.boilerplate ? " (boilerplate)" : ""
          out += "- \(passage.members.count) of \(cluster.members.count) memos, \(passage.tokens) words\(flag): "
          out += "“\(MarkdownEscaping.escape(passage.text))”\n"
        }
        if cluster.passages.count > shown.count {
          out += "- … and \(cluster.passages.count - shown.count) more\n"
        }
      }
    }
    if !cutPairs.isEmpty {
      out += "\n### Pairs cut as weak links\n\n| A | B | Jaccard | Containment |\n|---|---|---|---|\n"
      for pair in cutPairs {
        out += "| \(MarkdownEscaping.escape(pair.a)) | \(MarkdownEscaping.escape(pair.b)) | \(format(pair.jaccard)) | \(format(pair.containment)) |\n"
      }
    }
    return out
  }

  /// A plain-text table for a terminal: one block per cluster.
  public func table() -> String {
    var out = "\(clusters.count) clusters among \(documents) memos (threshold \(format(parameters.threshold)))\n"
    for cluster in clusters {
      let best = cluster.pairs.map(\.jaccard).max() ?? 0
      out += "\ncluster \(cluster.id)  \(cluster.members.count) memos  best J \(format(best))  "
      out += "\(cluster.passages.filter { !$0.boilerplate }.count) shared passages\n"
      let width = min(60, cluster.members.map { $0.source.count }.max() ?? 6)
      for member in cluster.members {
        let date = member.date ?? "----------"
        let source = member.source.count > width ? "…" + member.source.suffix(width - 1) : member.source
        let padded = source.padding(toLength: width, withPad: " ", startingAt: 0)
        out += "  \(date)  \(padded)  \(percent(member.coverage).leftPad(4)) reused  \(member.company ?? "")\n"
      }
    }
    if !cutPairs.isEmpty {
      out += "\n\(cutPairs.count) weak link\(cutPairs.count == 1 ? "" : "s") cut:\n"
      for pair in cutPairs {
        out += "  \(pair.a)  \(pair.b)  J \(format(pair.jaccard))\n"
      }
    }
    return out
  }

  private func format(_ value: Double) -> String {
    String(format: "%.2f", value)
  }

  private func percent(_ value: Double) -> String {
    "\(Int((value * 100).rounded()))%"
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
