import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// The labelled set: passages written for this project (not copied), one per line in
/// `Tests/Fixtures/Scoring/labelled/<label>.txt`, labelled as an analyst reads them before any
/// tuning. " || " separates paragraphs. The shipped lexicon must find each label's AI reason
/// with precision and recall of at least 0.9.
@Suite("Labelled set")
struct LabelledSetTests {
  /// The label files and the AI reason each stands for.
  static let labels: [(file: String, reason: AIReason)] = [
    ("explicit", .explicit), ("implied", .implied), ("framing", .framing),
    ("denial", .denied), ("none", .absent),
  ]
  /// The floor for every label's precision and recall.
  static let floor = 0.9

  struct Passage {
    var text: String
    var expected: AIReason
    var file: String
    var line: Int
  }

  static func passages() throws -> [Passage] {
    var result: [Passage] = []
    for (file, reason) in labels {
      let text = try String(
        contentsOf: Fixtures.url("Scoring/labelled/\(file).txt"), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      where !line.isEmpty && !line.hasPrefix("#") {
        result.append(
          Passage(text: String(line), expected: reason, file: file, line: number + 1))
      }
    }
    return result
  }

  @Test("Precision and recall are at least 0.9 for every label")
  func precisionAndRecall() throws {
    let lexicon = try Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path)
    let scorer = Scorer(lexicon: lexicon)
    let passages = try Self.passages()
    #expect(passages.count >= 300)
    var predicted: [AIReason] = []
    var misses: [String] = []
    for passage in passages {
      let paragraphs = passage.text.components(separatedBy: " || ")
      let card = scorer.score(Memo(source: "\(passage.file).txt", paragraphs: paragraphs))
      predicted.append(card.aiReason)
      if card.aiReason != passage.expected {
        misses.append(
          "\(passage.file).txt:\(passage.line): expected \(passage.expected.rawValue), got "
            + "\(card.aiReason.rawValue): \(passage.text)")
      }
    }
    var lines: [String] = []
    for (_, reason) in Self.labels {
      let truePositives = zip(passages, predicted).count {
        $0.expected == reason && $1 == reason
      }
      let predictedCount = predicted.count { $0 == reason }
      let actualCount = passages.count { $0.expected == reason }
      let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
      let recall = actualCount == 0 ? 0 : Double(truePositives) / Double(actualCount)
      lines.append(
        "\(reason.rawValue): precision \(String(format: "%.3f", precision)), recall "
          + "\(String(format: "%.3f", recall)) (\(actualCount) passages)")
      #expect(precision >= Self.floor, "\(reason.rawValue) precision \(precision)")
      #expect(recall >= Self.floor, "\(reason.rawValue) recall \(recall)")
    }
    print("Labelled set:\n" + lines.joined(separator: "\n"))
    if !misses.isEmpty { print("Misread passages:\n" + misses.joined(separator: "\n")) }
  }
}
