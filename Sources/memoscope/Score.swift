import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope score`: the AI-washing index and lexicon hits of each memo.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score memos for AI-washing language with a lexicon.",
    discussion: """
      PATH is an HTML page, text, Markdown or email file, a folder (read recursively, in \
      sorted order), a JSONL file written by 'memoscope extract --format jsonl', or - for \
      standard input. Each memo gets an AI-washing index from 0 to 100 and its lexicon hits; \
      see README "Scoring" for the formula.

      Formats: table (for people, highest index first), json (an array), jsonl (one score card \
      per line, input order, streamed), csv (one row per memo, a column per category).

      Exit status: 0 when every input was scored, 1 when some inputs could not be read (each \
      is reported on stderr and the others are scored), 2 for usage errors, a broken lexicon \
      (reported as file:line:column: message) or an existing --output file without --force.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
  }

  @OptionGroup var lexiconOptions: LexiconOptions

  @Option(help: "Output format: table, json, jsonl or csv.")
  var format: Format = .table

  @Option(
    help: ArgumentHelp(
      "Write the output to this file (atomically) instead of stdout.", valueName: "file"))
  var output: String?

  @Flag(help: "Overwrite the --output file if it exists.")
  var force = false

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("Skip files larger than this (e.g. 50MB, 512KB).", valueName: "size"))
  var maxSize = ByteSizeArgument(bytes: ExtractionOptions.defaultMaxFileSize)

  @Argument(help: ArgumentHelp("Files or folders to score.", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty {
      throw ValidationError("memoscope score: give at least one file or folder to score.")
    }
    try OutputSink.refuseExisting(output, force: force)
  }

  func run() throws {
    // Parse → request.
    let lexicon = try lexiconOptions.load()
    let scorer = Scorer(lexicon: lexicon)
    let corpus = Corpus(paths: paths, options: ExtractionOptions(maxFileSize: maxSize.bytes))

    // Where the output goes: the atomic file (streamed) or standard output.
    var sink = try OutputSink.open(output)

    // Run, writing JSONL as it comes.
    var cards: [ScoreCard] = []
    var failed = 0
    var progress: ProgressLine?
    ScoringBatch.forEach(
      corpus, scorer: scorer,
      progress: { done, total in
        if progress == nil { progress = ProgressLine(total: total) }
        progress?.update(done)
      }
    ) { result in
      switch result {
      case .failure(let error):
        failed += 1
        progress?.finish()
        StandardError.write("error: \(error.description)")
      case .success(let card):
        if format == .jsonl {
          sink.write(ScoreOutput.jsonLine(card) + "\n")
        } else {
          cards.append(card)
        }
      }
    }
    progress?.finish()
    Diagnostics.notes(corpus.exclusions)

    // Write.
    switch format {
    case .jsonl: break
    case .json: sink.write(ScoreOutput.prettyJSON(cards) + "\n")
    case .table: sink.write(cards.isEmpty ? "" : ScoreOutput.table(cards))
    case .csv: sink.write(ScoreOutput.csv(cards, lexicon: lexicon))
    }
    try sink.finish()
    if failed > 0 { throw CommandFailure.someInputsFailed }
  }
}
