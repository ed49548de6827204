import Foundation

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
    var first = 0
    while first < clusters.count {
      let end = min(clusters.count, first + batch * 4 * ProcessInfoCores.count)
      let start = first
      let clusters = self.clusters
      let pieces = Parallel.map(count: (end - start + batch - 1) / batch, minimumChunk: 1) {
        piece in
        var out = JSONBytes()
        for index in (start + piece * batch)..<min(end, start + (piece + 1) * batch) {
          out.raw(index == 0 ? "\n" : ",\n")
          out.cluster(clusters[index])
        }
        return out.bytes
      }
      for piece in pieces { piece.withUnsafeBufferPointer { write($0) } }
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
      let width = min(60, cluster.members.map { $0.source.count }.max() ?? 6)
      for member in cluster.members {
        let date = member.date ?? "----------"
        let source =
          member.source.count > width ? "…" + member.source.suffix(width - 1) : member.source
        let padded = source.padding(toLength: width, withPad: " ", startingAt: 0)
        let line =
          "  \(date)  \(padded)  \(percent(member.coverage).leftPad(4)) reused  \(member.company ?? "")"
        out += line.trimmingTrailingSpaces() + "\n"
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
  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }

  fileprivate func leftPad(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

/// UTF-8 bytes of one cluster's JSON, appended without intermediate strings (several times
/// faster than string interpolation for large results); numbers and escapes as `JSONText`.
struct JSONBytes {
  var bytes: [UInt8] = []

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func text(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  mutating func integer(_ value: Int) {
    text(String(value))
  }

  mutating func number(_ value: Double) {
    text(JSONText.number(value))
  }

  mutating func string(_ value: String) {
    if JSONText.needsEscaping(value) {
      text(JSONText.string(value))
    } else {
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: value.utf8)
      bytes.append(UInt8(ascii: "\""))
    }
  }

  mutating func optional(_ value: String?) {
    if let value { string(value) } else { raw("null") }
  }

  mutating func cluster(_ cluster: MemoCluster) {
    raw("    {\n      \"id\" : ")
    integer(cluster.id)
    raw(",\n      \"members\" : [")
    for (index, member) in cluster.members.enumerated() {
      raw(index == 0 ? "\n" : ",\n")
      raw("        {\n          \"company\" : ")
      optional(member.company)
      raw(",\n          \"coverage\" : ")
      number(member.coverage)
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
      number(pair.containment)
      raw(",\n          \"jaccard\" : ")
      number(pair.jaccard)
      raw("\n        }")
    }
    raw(cluster.pairs.isEmpty ? "],\n" : "\n      ],\n")
    raw("      \"passages\" : [")
    for (index, passage) in cluster.passages.enumerated() {
      raw(index == 0 ? "\n" : ",\n")
      raw("        {\n          \"boilerplate\" : ")
      raw(passage.boilerplate ? "true" : "false")
      raw(",\n          \"coverage\" : ")
      number(passage.coverage)
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

/// Hand-written JSON for results, byte-stable and streamable (sorted keys, 2-space indent).
enum JSONText {
  static func pair(_ pair: ClusterPair, indent: String, into out: inout String) {
    out += "\(indent){\n"
    out += "\(indent)  \"a\" : \(string(pair.a)),\n"
    out += "\(indent)  \"b\" : \(string(pair.b)),\n"
    out += "\(indent)  \"containment\" : \(number(pair.containment)),\n"
    out += "\(indent)  \"jaccard\" : \(number(pair.jaccard))\n"
    out += "\(indent)}"
  }

  /// A number rounded to 4 decimals, without trailing zeros (`1`, `0.5`, `0.1234`).
  static func number(_ value: Double) -> String {
    let scaled = (value * 10_000).rounded()
    guard scaled.isFinite else { return "0" }
    let whole = Int(scaled)
    let integer = whole / 10_000
    var fraction = abs(whole % 10_000)
    if fraction == 0 { return whole < 0 && integer == 0 ? "0" : String(integer) }
    var digits = 4
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
    return (whole < 0 && integer == 0 ? "-0" : String(integer)) + "." + padded
  }

  static func optional(_ text: String?) -> String {
    text.map(string) ?? "null"
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func string(_ text: String) -> String {
    if !needsEscaping(text) { return "\"" + text + "\"" }
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// True when `text` has a character that `string(_:)` escapes.
  static func needsEscaping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for index in bytes.indices {
        let byte = bytes[index]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
          return true
        }
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
        {
          return true
        }
      }
      return false
    }
  }
}
