import ArgumentParser

/// `memoscope lexicon` (being built; see the open issue).
struct LexiconCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lexicon", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("'memoscope lexicon' is not built yet.")
  }
}
