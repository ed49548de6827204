import ArgumentParser
import Foundation
import MemoscopeKit

/// The `--lexicon` flag shared by `score`, `compare` and `report`.
struct LexiconOptions: ParsableArguments {
  @Option(
    name: .customLong("lexicon"),
    help: ArgumentHelp(
      "The lexicon folder (default: $MEMOSCOPE_LEXICON, else ./Lexicons/ai-washing, else the bundled one).",
      valueName: "path"))
  var explicitPath: String?

  /// The folder to load, after applying the defaults.
  var path: String { LexiconLocator.resolve(explicit: explicitPath) }
}

/// Prints a lexicon error and the command that lists every problem; exit status 2.
func lexiconFailure(_ error: LexiconError, path: String) -> ExitCode {
  let message =
    "\(error.description)\nerror: the lexicon has problems; run 'memoscope lexicon check "
    + "\(path)' to list them all.\n"
  FileHandle.standardError.write(Data(message.utf8))
  return ExitCode(2)
}
