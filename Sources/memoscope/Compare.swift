import ArgumentParser

/// `memoscope compare` (being built; see the open issue).
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("'memoscope compare' is not built yet.")
  }
}
