import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope score`: the AI-washing index and lexicon hits of each memo.
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score memos for AI-washing language with a lexicon.",
    discussion: """
      PATH is an HTML page, text, Markdown or email file, or a folder (read recursively, in \
      sorted order). Each memo gets an AI-washing index from 0 to 100 and its lexicon hits; \
      see README "Scoring" for the formula.

      Formats: table (for people, highest index first), json (an array), jsonl (one score card \
      per line, input order), csv (one row per memo, a column per category).

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
  var maxSize: String = "50MB"

  @Argument(help: ArgumentHelp("Files or folders to score.", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    guard !paths.isEmpty else {
      throw failure("error: memoscope score: give at least one file or folder to score.", code: 2)
    }
    guard let limit = ByteSize.parse(maxSize), limit > 0 else {
      throw failure(
        "error: memoscope score: --max-size '\(maxSize)' is not a size; use e.g. 50MB or 512KB.",
        code: 2)
    }
    if let output, !force, FileManager.default.fileExists(atPath: output) {
      throw failure(
        "error: \(output): the file exists; pass --force to overwrite it or choose another --output.",
        code: 2)
    }
    let lexicon = lexiconOptions.path
    let loaded: Lexicon
    do {
      loaded = try Lexicon.load(lexicon)
    } catch {
      throw lexiconFailure(error, path: lexicon)
    }
    let scorer = Scorer(lexicon: loaded)

    var cards: [ScoreCard] = []
    var lines = ""
    var failed = 0
    var progress: ProgressLine?
    func report(_ done: Int, _ total: Int) {
      if progress == nil { progress = ProgressLine(total: total) }
      progress?.update(done)
    }
    let corpus = Corpus(paths: paths, options: ExtractionOptions(maxFileSize: limit))
    ScoringBatch.forEach(corpus, scorer: scorer, progress: report) { result in
      switch result {
      case .failure(let error):
        failed += 1
        progress?.finish()
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
      case .success(let card):
        if format == .jsonl {
          lines += ScoreOutput.jsonLine(card) + "\n"
        } else {
          cards.append(card)
        }
      }
    }
    progress?.finish()
    Diagnostics.notes(corpus.exclusions)

    let text: String
    switch format {
    case .jsonl: text = lines
    case .json: text = ScoreOutput.prettyJSON(cards) + "\n"
    case .table: text = cards.isEmpty ? "" : ScoreOutput.table(cards)
    case .csv: text = ScoreOutput.csv(cards, lexicon: loaded)
    }
    if let output {
      do {
        try AtomicFile.write(text, to: URL(fileURLWithPath: output))
      } catch {
        throw failure("error: \(error.description)", code: 1)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if failed > 0 { throw ExitCode(1) }
  }

  private func failure(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode(code)
  }
}
