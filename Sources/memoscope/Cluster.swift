import ArgumentParser

/// `memoscope cluster` (being built; see the open issue).
struct Cluster: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cluster", abstract: "Not built yet.")

  func run() throws {
    throw ValidationError("'memoscope cluster' is not built yet.")
  }
}
