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

  /// Two decimals, for people.
  package func format(_ value: Double) -> String {
    String(format: "%.2f", value)
  }

  /// A whole percentage, for people.
  package func percent(_ value: Double) -> String {
    "\(Int((value * 100).rounded()))%"
  }
}

extension String {
  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
