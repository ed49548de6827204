import Dispatch
import Foundation
import MemoExtraction
import TestSupport
import Testing

/// The article-extraction benchmark (181 real pages, `../shared/bench/article-extraction`),
/// scored with the same metric as its `score.py`. The floor only rises.
///
/// A fresh clone has no `../shared`: the gates then skip with a note, and `.ci/run` runs them
/// with `MEMOSCOPE_BENCH` set, where a missing benchmark fails.
@Suite("Extraction benchmark")
struct BenchmarkF1Tests {
  /// The F1 measured when the floor was last raised, rounded down to 3 decimals. Set anew when
  /// the body scored became `paragraphs` alone (0.964 that way before, 0.971 with the
  /// commentary of pages wrongly read as quoted memos), and lowered from 0.970 to 0.968 when
  /// climbing to a split body's parent several levels up (`Thresholds.climbReach`) took the
  /// WCXB pages below 0.5 from 28 to 17 at the cost of two pages here, and raised to 0.970
  /// (0.9701) by issue 10's third round (titled asides, repeats, tables in figures).
  static let floor = 0.970

  /// `$MEMOSCOPE_BENCH/article-extraction`, else `../shared/bench/article-extraction`.
  static let benchFolder: URL = {
    if let bench = ProcessInfo.processInfo.environment["MEMOSCOPE_BENCH"], !bench.isEmpty {
      return URL(fileURLWithPath: bench).appendingPathComponent("article-extraction")
        .standardizedFileURL
    }
    return Fixtures.repositoryRoot
      .appendingPathComponent("../shared/bench/article-extraction").standardizedFileURL
  }()

  /// True when the benchmark is there, or when `MEMOSCOPE_BENCH` demands it (CI's gate step).
  static let enabled =
    ProcessInfo.processInfo.environment["MEMOSCOPE_BENCH"] != nil
    || FileManager.default.fileExists(
      atPath: benchFolder.appendingPathComponent("ground-truth.json").path)

  /// The note printed when the gates skip.
  static let skipNote: Comment =
    "skipped: no ../shared/bench/article-extraction beside the repository (.ci/run runs this gate)"

  /// Scores `paragraphs` alone: a page wrongly read as a quoted memo loses its story here.
  @Test(
    "F1 over the 181 benchmark pages stays at or above the floor",
    .enabled(if: BenchmarkF1Tests.enabled, BenchmarkF1Tests.skipNote))
  func f1AboveFloor() throws {
    let truthURL = Self.benchFolder.appendingPathComponent("ground-truth.json")
    let truthJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL))
    let truth = try #require(truthJSON as? [String: [String: Any]])
    let ids = truth.keys.sorted()
    let extractor = MemoExtractor()
    let storage = Bodies(count: ids.count)
    DispatchQueue.concurrentPerform(iterations: ids.count) { index in
      let path = Self.benchFolder.appendingPathComponent("html/\(ids[index]).html.gz").path
      let memo = try? extractor.extract(fileAt: path)
      let body = memo?.paragraphs
      storage.set(index, body?.joined(separator: "\n\n") ?? "")
    }
    let predictions = storage.values()
    var scores: [ShingleScore.Page] = []
    for (index, id) in ids.enumerated() {
      let expected = truth[id]?["articleBody"] as? String ?? ""
      scores.append(ShingleScore.Page(truth: expected, prediction: predictions[index]))
    }
    let result = ShingleScore.aggregate(scores)
    print(
      String(
        format: "benchmark F1 %.4f precision %.4f recall %.4f (%d pages)", result.f1,
        result.precision, result.recall, scores.count))
    #expect(scores.count == 181)
    #expect(
      result.f1 >= Self.floor,
      "F1 \(result.f1) fell below the floor \(Self.floor); see Benchmarks/extraction.sh")
  }

  @Test("The metric matches score.py on small cases")
  func metric() {
    let same = ShingleScore.Page(
      truth: "one two three four five", prediction: "one two three four five")
    #expect(same.overlap == 2 && same.truthCount == 2 && same.predictionCount == 2)
    let short = ShingleScore.Page(truth: "a b", prediction: "a b c")
    #expect(short.overlap == 0 && short.truthCount == 1 && short.predictionCount == 1)
    let partial = ShingleScore.Page(truth: "w1 w2 w3 w4 w5 w6", prediction: "w1 w2 w3 w4 x")
    #expect(partial.overlap == 1 && partial.truthCount == 3 && partial.predictionCount == 2)
    #expect(
      ShingleScore.words("Don’t stop_now: 3.5 naïve") == [
        "Don", "t", "stop_now", "3", "5", "naïve",
      ])
  }
}

/// Result slots filled from several threads.
final class Bodies: @unchecked Sendable {
  private var slots: [String]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: "", count: count) }
  func set(_ index: Int, _ value: String) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }
  func values() -> [String] { slots }
}

/// The benchmark metric: `\w+` tokens, multisets of 4-token shingles, mean precision and
/// mean recall over pages, F1 the harmonic mean of the two means.
enum ShingleScore {
  struct Page {
    var overlap = 0
    var truthCount = 0
    var predictionCount = 0

    init(truth: String, prediction: String) {
      let truthShingles = ShingleScore.shingles(ShingleScore.words(truth))
      let predictedShingles = ShingleScore.shingles(ShingleScore.words(prediction))
      truthCount = truthShingles.values.reduce(0, +)
      predictionCount = predictedShingles.values.reduce(0, +)
      for (shingle, count) in predictedShingles {
        overlap += min(count, truthShingles[shingle] ?? 0)
      }
    }
  }

  /// Maximal runs of word characters (letters, digits, underscore), as Python's `\w+`.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isWordCharacter(scalar) {
        current.append(scalar)
      } else if !current.isEmpty {
        words.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "_" { return true }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  static func shingles(_ words: [String]) -> [String: Int] {
    guard !words.isEmpty else { return [:] }
    if words.count <= 4 { return [words.joined(separator: "\u{1}"): 1] }
    var counts: [String: Int] = [:]
    for start in 0...(words.count - 4) {
      counts[words[start..<(start + 4)].joined(separator: "\u{1}"), default: 0] += 1
    }
    return counts
  }

  static func aggregate(_ pages: [Page]) -> (f1: Double, precision: Double, recall: Double) {
    let precisions = pages.filter { $0.predictionCount > 0 }.map {
      Double($0.overlap) / Double($0.predictionCount)
    }
    let recalls = pages.filter { $0.truthCount > 0 }.map {
      Double($0.overlap) / Double($0.truthCount)
    }
    let precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
    let recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
    let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    return (f1, precision, recall)
  }
}
