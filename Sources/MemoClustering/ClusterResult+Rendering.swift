import Foundation
import MemoCore

extension ClusterResult {
  /// The result as pretty-printed JSON with sorted keys, ending in a newline.
  ///
  /// Schema: `{clusters: [{id, members: [{company, coverage, date, source, title, tokens}],
  /// pairs: [{a, b, containment, jaccard}], passages: [{boilerplate, coverage,
  /// documentFrequency, members, text, tokens}]}], cutPairs, documents, parameters}`.
  /// Similarities and coverage are rounded to 4 decimals.
  public func json() -> String {
    var out = ""
    writeJSON { out += $0 }
    return out
  }

  /// Writes the JSON of `json()` in pieces (batches of clusters, rendered concurrently), so a
  /// large result need not be held twice in memory.
  public func writeJSON(_ write: (String) -> Void) {
    writeJSONBytes { write(String(decoding: $0, as: UTF8.self)) }
  }

  /// Writes the UTF-8 bytes of `json()` in pieces, as `writeJSON(_:)` does, without making
  /// strings of them (for writing to a file).
  public func writeJSONBytes(_ write: (UnsafeBufferPointer<UInt8>) -> Void) {
    func emit(_ text: String) {
      var text = text
      text.withUTF8 { write($0) }
    }
    emit("{\n  \"clusters\" : [")
    // Small pieces, several per core: the first clusters are the biggest, and a round's text
    // is held in memory until it is written.
    let batch = 16
    let piecesPerRound = 4 * ProcessInfoCores.count
    // Each piece renders into the buffer its position used in the round before: fresh buffers
    // every round cost page faults for about the whole output's size (freed memory went back
    // to the system between rounds), a sixth of the JSON's time.
    var buffers = [[UInt8]](repeating: [], count: piecesPerRound)
    var first = 0
    while first < clusters.count {
      let end = min(clusters.count, first + batch * piecesPerRound)
      let start = first
      let clusters = self.clusters
      let pieces = (end - start + batch - 1) / batch
      buffers.withUnsafeMutableBufferPointer { buffers in
        let shared = UncheckedSendable(value: buffers)
        Parallel.forEachChunk(count: pieces, minimumChunk: 1) { range in
          for piece in range {
            var out = JSONWriter()
            // Moved out, so the buffer is not shared when it is written to.
            out.bytes = shared.value[piece]
            shared.value[piece] = []
            out.bytes.removeAll(keepingCapacity: true)
            for index in (start + piece * batch)..<min(end, start + (piece + 1) * batch) {
              out.raw(index == 0 ? "\n" : ",\n")
              out.cluster(clusters[index])
            }
            shared.value[piece] = out.bytes
          }
        }
      }
      for piece in 0..<pieces { buffers[piece].withUnsafeBufferPointer { write($0) } }
      first = end
    }
    var out = ""
    out += clusters.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"cutPairs\" : ["
    for (index, pair) in cutPairs.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      JSONText.pair(pair, indent: "    ", into: &out)
    }
    out += cutPairs.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"documents\" : \(documents),\n"
    let p = parameters
    out += "  \"parameters\" : {\n"
    out += "    \"bands\" : \(p.bands),\n"
    out += "    \"boilerplateDocuments\" : \(p.boilerplateDocuments),\n"
    out += "    \"commonShingleDocuments\" : \(p.commonShingleDocuments),\n"
    out += "    \"containmentThreshold\" : \(JSONText.number(p.containmentThreshold)),\n"
    out += "    \"hashes\" : \(p.hashes),\n"
    out += "    \"masking\" : \(p.masking),\n"
    out += "    \"minimumLinkage\" : \(JSONText.number(p.minimumLinkage)),\n"
    out += "    \"rows\" : \(p.rows),\n"
    out += "    \"shingleSize\" : \(p.shingleSize),\n"
    out += "    \"threshold\" : \(JSONText.number(p.threshold))\n"
    out += "  }\n}\n"
    emit(out)
  }

  /// A copy with every similarity and coverage rounded to 4 decimals, for stable output.
  public func rounded() -> ClusterResult {
    func r(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
    var copy = self
    copy.clusters = clusters.map { cluster in
      var cluster = cluster
      cluster.members = cluster.members.map {
        var m = $0
        m.coverage = r(m.coverage)
        return m
      }
      cluster.pairs = cluster.pairs.map(Self.roundPair)
      cluster.passages = cluster.passages.map {
        var p = $0
        p.coverage = r(p.coverage)
        return p
      }
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
    var out =
      "\(clusters.count) clusters among \(documents) memos (threshold \(format(parameters.threshold)))\n"
    for cluster in clusters {
      let best = cluster.pairs.map(\.jaccard).max() ?? 0
      out += "\ncluster \(cluster.id)  \(cluster.members.count) memos  best J \(format(best))  "
      out += "\(cluster.passages.filter { !$0.boilerplate }.count) shared passages\n"
      // Names from inputs go through `TerminalText.clean`: no escape sequence, no line break.
      let sources = cluster.members.map { TerminalText.clean($0.source) }
      let width = min(60, sources.map(\.count).max() ?? 6)
      for (member, fullSource) in zip(cluster.members, sources) {
        let date = member.date.map(TerminalText.clean) ?? "----------"
        let source = fullSource.count > width ? "…" + fullSource.suffix(width - 1) : fullSource
        let padded = source.padding(toLength: width, withPad: " ", startingAt: 0)
        let company = TerminalText.clean(member.company ?? "")
        let line =
          "  \(date)  \(padded)  \(percent(member.coverage).leftPad(4)) reused  \(company)"
        out += line.trimmingTrailingSpaces() + "\n"
      }
    }
    if !cutPairs.isEmpty {
      out += "\n\(cutPairs.count) weak link\(cutPairs.count == 1 ? "" : "s") cut:\n"
      for pair in cutPairs {
        out += "  \(TerminalText.clean(pair.a))  \(TerminalText.clean(pair.b))  "
        out += "J \(format(pair.jaccard))\n"
      }
    }
    return out
  }

  /// Two decimals, for people.
  package func format(_ value: Double) -> String {
    NumberText.fixed(value, decimals: 2)
  }

  /// A whole percentage, for people.
  package func percent(_ value: Double) -> String {
    NumberText.percent(value)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }

  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

extension JSONWriter {
  /// Appends one cluster's JSON (keys sorted, laid out as `ClusterResult.json()`), without
  /// intermediate strings: several times faster than a value tree for large results.
  mutating func cluster(_ cluster: MemoCluster) {
    raw("    {\n      \"id\" : ")
    integer(cluster.id)
    raw(",\n      \"members\" : [")
    for (index, member) in cluster.members.enumerated() {
      raw(index == 0 ? "\n" : ",\n")
      raw("        {\n          \"company\" : ")
      optional(member.company)
      raw(",\n          \"coverage\" : ")
      decimal(member.coverage, decimals: 4)
      raw(",\n          \"date\" : ")
      optional(member.date)
      raw(",\n          \"source\" : ")
      string(member.source)
      raw(",\n          \"title\" : ")
      optional(member.title)
      raw(",\n          \"tokens\" : ")
      integer(member.tokens)
      raw("\n        }")
    }
    raw(cluster.members.isEmpty ? "],\n" : "\n      ],\n")
    raw("      \"pairs\" : [")
    for (index, pair) in cluster.pairs.enumerated() {
      raw(index == 0 ? "\n" : ",\n")
      raw("        {\n          \"a\" : ")
      string(pair.a)
      raw(",\n          \"b\" : ")
      string(pair.b)
      raw(",\n          \"containment\" : ")
      decimal(pair.containment, decimals: 4)
      raw(",\n          \"jaccard\" : ")
      decimal(pair.jaccard, decimals: 4)
      raw("\n        }")
    }
    raw(cluster.pairs.isEmpty ? "],\n" : "\n      ],\n")
    raw("      \"passages\" : [")
    for (index, passage) in cluster.passages.enumerated() {
      raw(index == 0 ? "\n" : ",\n")
      raw("        {\n          \"boilerplate\" : ")
      raw(passage.boilerplate ? "true" : "false")
      raw(",\n          \"coverage\" : ")
      decimal(passage.coverage, decimals: 4)
      raw(",\n          \"documentFrequency\" : ")
      integer(passage.documentFrequency)
      raw(",\n          \"members\" : [")
      for (position, member) in passage.members.enumerated() {
        raw(position == 0 ? "\n            " : ",\n            ")
        string(member)
      }
      raw(passage.members.isEmpty ? "],\n" : "\n          ],\n")
      raw("          \"text\" : ")
      string(passage.text)
      raw(",\n          \"tokens\" : ")
      integer(passage.tokens)
      raw("\n        }")
    }
    raw(cluster.passages.isEmpty ? "]\n    }" : "\n      ]\n    }")
  }
}

/// The pieces of `ClusterResult.json()` outside the clusters.
enum JSONText {
  static func pair(_ pair: ClusterPair, indent: String, into out: inout String) {
    out += "\(indent){\n"
    out += "\(indent)  \"a\" : \(JSONWriter.quoted(pair.a)),\n"
    out += "\(indent)  \"b\" : \(JSONWriter.quoted(pair.b)),\n"
    out += "\(indent)  \"containment\" : \(number(pair.containment)),\n"
    out += "\(indent)  \"jaccard\" : \(number(pair.jaccard))\n"
    out += "\(indent)}"
  }

  /// A similarity or coverage as the JSON prints it: at most 4 decimals (`1`, `0.5`, `0.1234`).
  static func number(_ value: Double) -> String {
    NumberText.trimmed(value, decimals: 4)
  }
}
