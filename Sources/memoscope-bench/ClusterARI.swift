import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope-bench ari`: adjusted Rand index of a clustering against `families.tsv`.
struct ClusterARI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ari",
    abstract: "Adjusted Rand index of a clustering against a families.tsv ground truth.",
    discussion: """
      RESULT is the JSON of 'memoscope cluster --format json', or a TSV of 'memo<TAB>label' \
      lines (as the datasketch script writes). Memos are matched by file name without folder \
      or extension; memos in no cluster count as singletons.
      """)

  @Option(help: "The ground truth written by 'memoscope-bench generate'.") var truth: String
  @Argument(help: "Clustering result: cluster JSON or a memo<TAB>label TSV.") var result: String

  func run() throws {
    let truthText = try String(contentsOfFile: truth, encoding: .utf8)
    var truthLabels: [String: String] = [:]
    for line in truthText.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t")
      if fields.count == 2 { truthLabels[String(fields[0])] = String(fields[1]) }
    }
    var predicted: [String: String] = [:]
    let data = try Data(contentsOf: URL(fileURLWithPath: result))
    if data.first == UInt8(ascii: "{") {
      let decoded = try JSONDecoder().decode(ClusterResult.self, from: data)
      for cluster in decoded.clusters {
        for member in cluster.members { predicted[Self.key(member.source)] = "c\(cluster.id)" }
      }
    } else {
      for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(separator: "\t")
        if fields.count == 2 { predicted[Self.key(String(fields[0]))] = String(fields[1]) }
      }
    }
    let memos = truthLabels.keys.sorted()
    let score = Self.adjustedRandIndex(
      truth: memos.map { truthLabels[$0]! }, predicted: memos.map { predicted[$0] ?? "solo:\($0)" })
    let clusters = Set(predicted.values).count
    print(
      String(format: "ARI %.4f  (%d memos, %d predicted clusters)", score, memos.count, clusters))
  }

  static func key(_ source: String) -> String {
    let name = (source as NSString).lastPathComponent
    return (name as NSString).deletingPathExtension
  }

  /// Hubert and Arabie's adjusted Rand index of two labelings of the same items.
  static func adjustedRandIndex(truth: [String], predicted: [String]) -> Double {
    func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
    var cells: [String: Int] = [:]
    var rows: [String: Int] = [:]
    var columns: [String: Int] = [:]
    for (t, p) in zip(truth, predicted) {
      cells[t + "\u{0}" + p, default: 0] += 1
      rows[t, default: 0] += 1
      columns[p, default: 0] += 1
    }
    let index = cells.values.reduce(0) { $0 + pairs($1) }
    let a = rows.values.reduce(0) { $0 + pairs($1) }
    let b = columns.values.reduce(0) { $0 + pairs($1) }
    let expected = a * b / pairs(truth.count)
    let maximum = (a + b) / 2
    return maximum == expected ? 1 : (index - expected) / (maximum - expected)
  }
}
