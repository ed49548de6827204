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

  /// A memo as the worker threads hand it on: its finished output, or the memo itself.
  enum Rendered: Sendable {
    case line(String)
    case memo(Memo)
  }

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
    // JSONL lines and text are made on the worker threads; this thread only writes them.
    // Pretty JSON is one stream, made here.
    let format = self.format
    corpus.forEach({ memo -> Rendered in
      switch format {
      case .jsonl: .line(ExtractionOutput.jsonLine(memo) + "\n")
      case .text: .line(ExtractionOutput.text(memo))
      case .json: .memo(memo)
      }
    }) { result in
      switch result {
      case .failure(let error):
        failed += 1
        StandardError.write("error: \(error.description)")
      case .success(.memo(let memo)): output.write(json.add(memo))
      case .success(.line(let line)):
        output.write(format == .text && !first ? "\n" + line : line)
        first = false
      }
    }
    if format == .json { output.write(json.finish() + "\n") }
    try output.finish()
    Diagnostics.notes(corpus.exclusions)
    if failed > 0 { throw CommandFailure.someInputsFailed }
  }
}
