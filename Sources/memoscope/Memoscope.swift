import ArgumentParser
import Foundation
import MemoCore

@main
struct Memoscope: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memoscope",
    abstract: "Extract, score and cluster layoff memos for AI-washing language.",
    version: MemoscopeVersion.current,
    subcommands: [
      Extract.self, Score.self, LexiconCommand.self, Cluster.self, Compare.self, Report.self,
      LibraryCommand.self,
    ])

  /// Runs the command; usage errors (bad flags or values) exit with status 2, not 64.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
