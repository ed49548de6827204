import ArgumentParser

/// `memoscope extract` (being built; see the open issue).
struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("'memoscope extract' is not built yet.")
  }
}
