import ArgumentParser
import Foundation
import MemoscopeKit

/// The `--lexicon` flag shared by `score`, `compare` and `report`.
struct LexiconOptions: ParsableArguments {
  @Option(
    name: .customLong("lexicon"),
    help: ArgumentHelp(
      "The lexicon folder (default: $MEMOSCOPE_LEXICON, else ./Lexicons/ai-washing, else the one installed with memoscope).",
      valueName: "path"))
  var explicitPath: String?

  /// The folder to load, after applying the defaults.
  var path: String { LexiconLocator.resolve(explicit: explicitPath) }

  /// Loads the lexicon, or fails with the message `lexiconFailure` gives (exit status 2).
  func load() throws(CommandFailure) -> Lexicon {
    do {
      return try Lexicon.load(path)
    } catch {
      throw lexiconFailure(error, path: path, explicit: explicitPath)
    }
  }
}

/// A lexicon error as a usage failure (exit status 2): when no lexicon was found at all, where
/// it was looked for and how to name one; else the problem and the command that lists them all.
func lexiconFailure(_ error: LexiconError, path: String, explicit: String? = nil)
  -> CommandFailure
{
  if let notFound = LexiconLocator.notFoundMessage(for: error, explicit: explicit) {
    return .usage(notFound)
  }
  return CommandFailure(
    message: error.description,
    followingLines: [
      "error: the lexicon has problems; run 'memoscope lexicon check \(path)' to list them all."
    ], code: 2, prefixed: false)
}
