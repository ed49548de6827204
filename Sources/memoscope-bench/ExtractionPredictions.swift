import ArgumentParser
import Foundation
import MemoscopeKit

/// Writes `{id: {"articleBody": ..., "title": ..., "author": ..., "date": ...}}` for the article-extraction benchmark's pages, for
/// `score.py` to grade (see Benchmarks/extraction.sh).
struct ExtractionPredictions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extraction-predictions",
    abstract: "Extract the article-extraction benchmark pages and write predictions JSON.")

  @Option(help: "The benchmark folder (holds html/<id>.html.gz).")
  var bench: String

  @Option(help: "Where to write the predictions JSON.")
  var output: String

  func run() throws {
    let folder = URL(fileURLWithPath: bench).appendingPathComponent("html").path
    let start = Date()
    var predictions: [String: [String: String]] = [:]
    var failures = 0
    for result in ExtractionBatch.extract([folder]) {
      switch result {
      case .success(let memo):
        let name = URL(fileURLWithPath: memo.source).lastPathComponent
        let id = String(name.prefix { $0 != "." })
        // The page's own text: the memo plus any story around it.
        let body = (memo.quoted ? memo.commentary + memo.paragraphs : memo.paragraphs)
        var prediction = ["articleBody": body.joined(separator: "\n\n")]
        // Metadata for score.py's exact-match title, author and date columns.
        prediction["title"] = memo.title
        prediction["author"] = memo.author
        prediction["date"] = memo.date
        predictions[id] = prediction
      case .failure(let error):
        failures += 1
        let name = URL(fileURLWithPath: error.path).lastPathComponent
        predictions[String(name.prefix { $0 != "." })] = ["articleBody": ""]
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try AtomicFile.write(try encoder.encode(predictions), to: URL(fileURLWithPath: output))
    let seconds = Date().timeIntervalSince(start)
    print(
      "\(predictions.count) pages (\(failures) failed) in \(String(format: "%.2f", seconds)) s")
  }
}
