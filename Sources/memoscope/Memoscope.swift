import ArgumentParser
import Foundation
import MemoCore
import MemoscopeKit

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

  /// Runs the command; the one place errors are printed.
  ///
  /// A `CommandFailure` prints `error: <message>` and exits with its code; usage errors (bad
  /// flags or values, failed `validate()`) exit with status 2, not 64.
  static func main() async {
    SignalCleanup.install()
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let failure as CommandFailure {
      if !failure.message.isEmpty {
        StandardError.write(
          lines: [(failure.prefixed ? "error: " : "") + failure.message] + failure.followingLines)
      }
      Foundation.exit(failure.code)
    } catch {
      if exitCode(for: error) == .validationFailure {
        // The message, then where to read the usage (ArgumentParser's own text, lower-cased
        // "error:" as every other error line).
        var lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
          .map(String.init)
        if let first = lines.first, first.hasPrefix("Error: ") {
          lines[0] = "error: " + first.dropFirst(7)
        }
        StandardError.write(lines: lines)
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
