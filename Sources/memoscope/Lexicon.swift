import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope lexicon`: tools for lexicon authors.
struct LexiconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon", abstract: "Validate lexicons, run their examples and audit their hits.",
    subcommands: [Check.self, Audit.self], defaultSubcommand: Check.self)

  /// `memoscope lexicon audit PATH... [--per-entry N] [--output PREFIX]` and
  /// `memoscope lexicon audit --import FILE.csv`.
  struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit",
      abstract: "Sample each entry's hits in context for marking, or read the marks back.",
      discussion: """
        Scores the memos under PATH and prints up to --per-entry hits of every lexicon entry \
        (distancing and the AI reference, cut and causal layers included) as keyword-in-context \
        lines, in Markdown. With --output PREFIX it writes PREFIX.md and PREFIX.csv instead; \
        mark each CSV line right (y) or wrong (n) in the 'correct' column. \
        --import FILE.csv reads a marked file and prints each entry's precision as CSV, with \
        the overall figure last.

        Exit status: 0 on success, 1 when some input could not be read, 2 on usage errors, a \
        broken lexicon, or an existing output without --force.
        """)

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(help: ArgumentHelp("Hits sampled per entry.", valueName: "n"))
    var perEntry: Int = 5

    @Option(
      help: ArgumentHelp(
        "Write PREFIX.md and PREFIX.csv (atomically) instead of Markdown on stdout.",
        valueName: "prefix"))
    var output: String?

    @Flag(help: "Overwrite the --output files if they exist.")
    var force = false

    @Option(
      name: .customLong("import"),
      help: ArgumentHelp("A marked audit CSV: print per-entry precision.", valueName: "file"))
    var importFile: String?

    @Argument(help: ArgumentHelp("Files or folders of memos to sample.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
      if let importFile {
        do {
          let rows = try LexiconAudit.precision(ofMarkedFile: importFile)
          print(LexiconAudit.precisionTable(rows))
          print(LexiconAudit.categoryTable(rows), terminator: "")
          return
        } catch {
          StandardError.write("error: \(error.description)")
          throw ExitCode(1)
        }
      }
      guard !paths.isEmpty else {
        throw fail("error: memoscope lexicon audit: give at least one file or folder, or --import.")
      }
      guard perEntry > 0 else {
        throw fail("error: memoscope lexicon audit: --per-entry must be at least 1.")
      }
      let targets = output.map { [$0 + ".md", $0 + ".csv"] } ?? []
      for target in targets where !force && FileManager.default.fileExists(atPath: target) {
        throw fail(
          "error: \(target): the file exists; pass --force to overwrite it or choose another --output."
        )
      }
      let path = lexiconOptions.path
      let lexicon: Lexicon
      do {
        lexicon = try Lexicon.load(path)
      } catch {
        throw lexiconFailure(error, path: path)
      }
      let sample = LexiconAudit.sample(
        paths, scorer: Scorer(lexicon: lexicon), perEntry: perEntry)
      for error in sample.errors {
        StandardError.write("error: \(error.description)")
      }
      let markdown = LexiconAudit.markdown(sample.lines, lexicon: lexicon, perEntry: perEntry)
      if let output {
        do {
          try AtomicFile.write(markdown, to: URL(fileURLWithPath: output + ".md"))
          try AtomicFile.write(
            LexiconAudit.csv(sample.lines), to: URL(fileURLWithPath: output + ".csv"))
        } catch {
          StandardError.write("error: \(error.description)")
          throw ExitCode(1)
        }
        print(
          TerminalText.clean(
            "\(sample.lines.count) lines written to \(output).md and \(output).csv"))
      } else {
        print(markdown, terminator: "")
      }
      if !sample.errors.isEmpty { throw ExitCode(1) }
    }

    private func fail(_ message: String) -> ExitCode {
      StandardError.write(message)
      return ExitCode(2)
    }
  }

  /// `memoscope lexicon check [PATH]`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Validate a lexicon and run every entry's examples.",
      discussion: """
        Reads lexicon.yaml and the category files, compiles every pattern, reports duplicate \
        and never-matching patterns, then checks that each 'match' example yields a hit of its \
        entry and each 'no_match' example does not. Problems are printed as \
        file:line:column: message, then a summary line.

        Exit status: 0 when the lexicon has no problem, 1 when it has some, 2 when PATH is \
        not a lexicon.
        """)

    @Argument(
      help: "A lexicon folder, or a folder holding one lexicon folder (default: as for score).")
    var path: String?

    func run() throws {
      let check = LexiconCheck.run(LexiconLocator.resolve(explicit: path))
      if check.lexicon == nil, let first = check.problems.first {
        switch first {
        case .notALexicon, .unreadable:
          throw LexiconLocator.notFoundMessage(for: first, explicit: path).map(CommandFailure.usage)
            ?? CommandFailure.usage("\(first)")
        default: break
        }
      }
      for problem in check.problems { print(TerminalText.clean(problem.description)) }
      print(check.summary)
      if !check.passed { throw CommandFailure.someInputsFailed }
    }
  }
}
