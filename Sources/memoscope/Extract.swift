import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope extract`: prints the memo found in each input file.
struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract the memo text and metadata from HTML pages, text, Markdown and emails.",
    discussion: """
      PATH is a file or a folder (read recursively, in sorted order). Each input that cannot \
      be read gets one line on stderr and the others carry on.
      Exit status: 0 when every input was extracted, 1 when some failed, 2 for usage errors.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
  }

  @Option(help: "Output format: text (for reading), json (pretty) or jsonl (one memo per line).")
  var format: Format = .text

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("Skip files larger than this (e.g. 50MB, 512KB).", valueName: "size"))
  var maxSize = ByteSizeArgument(bytes: ExtractionOptions.defaultMaxFileSize)

  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp(
      "Write the output to this file (streamed, atomically) instead of stdout.",
      valueName: "file"))
  var output: String?

  @Flag(help: "Overwrite the --output file if it exists.")
  var force = false

  @Argument(
    help: ArgumentHelp("Files or folders to read (- for standard input).", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty {
      throw ValidationError("memoscope extract: give at least one file or folder to read.")
    }
    try OutputSink.refuseExisting(output, force: force)
  }

  func run() throws {
    // No stamps printed: duplicates are found by the faster hash.
    let corpus = Corpus(
      paths: paths, options: ExtractionOptions(maxFileSize: maxSize.bytes), stamps: false)
    // Every format is written as memos come: memory stays flat however many there are.
    var output = try OutputSink.open(self.output)
    var failed = 0
    var json = ExtractionOutput.PrettyJSONStream()
    var first = true
    corpus.forEach({ $0 }) { result in
      switch result {
      case .failure(let error):
        failed += 1
        StandardError.write("error: \(error.description)")
      case .success(let memo):
        switch format {
        case .jsonl: output.write(ExtractionOutput.jsonLine(memo) + "\n")
        case .json: output.write(json.add(memo))
        case .text:
          output.write((first ? "" : "\n") + ExtractionOutput.text(memo))
          first = false
        }
      }
    }
    if format == .json { output.write(json.finish() + "\n") }
    try output.finish()
    Diagnostics.notes(corpus.exclusions)
    if failed > 0 { throw CommandFailure.someInputsFailed }
  }
}
