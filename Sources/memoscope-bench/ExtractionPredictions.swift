import ArgumentParser
import Foundation
import MemoscopeKit

/// Writes `{id: {"articleBody", "title", "author", "date", "quoted"}}` for a benchmark's pages
/// (`html/<id>.html.gz`), for its `score.py` to grade (see Benchmarks/real-pages.sh).
///
/// The body is the memo's `paragraphs` alone: what memoscope hands on as the text. A page
/// wrongly read as a memo quoted in a story loses its story, and the score shows it.
struct ExtractionPredictions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extraction-predictions",
    abstract: "Extract a benchmark's pages and write predictions JSON.")

  @Option(help: "The benchmark folder (holds html/<id>.html.gz).")
  var bench: String

  @Option(help: "Where to write the predictions JSON.")
  var output: String

  func run() throws {
    let folder = URL(fileURLWithPath: bench).appendingPathComponent("html").path
    let start = Date()
    var predictions: [String: Prediction] = [:]
    var failures = 0
    var quoted = 0
    for result in ExtractionBatch.extract([folder]) {
      switch result {
      case .success(let memo):
        if memo.quoted { quoted += 1 }
        predictions[Self.id(of: memo.source)] = Prediction(
          articleBody: memo.paragraphs.joined(separator: "\n\n"), title: memo.title,
          author: memo.author, date: memo.date, quoted: memo.quoted)
      case .failure(let error):
        failures += 1
        predictions[Self.id(of: error.path)] = Prediction(
          articleBody: "", title: nil, author: nil, date: nil, quoted: false)
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    try AtomicFile.write(try encoder.encode(predictions), to: URL(fileURLWithPath: output))
    let seconds = Date().timeIntervalSince(start)
    print(
      "\(predictions.count) pages (\(failures) failed, \(quoted) quoted) in \(String(format: "%.2f", seconds)) s"
    )
  }

  /// The page id: the file name up to its first dot.
  static func id(of path: String) -> String {
    String(URL(fileURLWithPath: path).lastPathComponent.prefix { $0 != "." })
  }

  struct Prediction: Encodable {
    var articleBody: String
    var title: String?
    var author: String?
    var date: String?
    var quoted: Bool

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(articleBody, forKey: .articleBody)
      try container.encode(title, forKey: .title)
      try container.encode(author, forKey: .author)
      try container.encode(date, forKey: .date)
      try container.encode(quoted, forKey: .quoted)
    }
    enum CodingKeys: String, CodingKey { case articleBody, title, author, date, quoted }
  }
}
