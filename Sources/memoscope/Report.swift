import ArgumentParser

/// `memoscope report` (being built; see the open issue).
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("'memoscope report' is not built yet.")
  }
}
