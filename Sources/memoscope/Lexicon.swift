import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope lexicon`: tools for lexicon authors.
struct LexiconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon", abstract: "Validate lexicons and run their examples.",
    subcommands: [Check.self], defaultSubcommand: Check.self)

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
      for problem in check.problems { print(problem) }
      print(check.summary)
      if !check.passed { throw CommandFailure.someInputsFailed }
    }
  }
}
