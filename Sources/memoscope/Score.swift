import ArgumentParser

/// `memoscope score` (being built; see the open issue).
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("'memoscope score' is not built yet.")
  }
}
