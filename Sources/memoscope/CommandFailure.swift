import ArgumentParser
import Foundation
import MemoscopeKit

/// An error a command ends with: the message and the exit status it carries.
///
/// `Memoscope.main` is the one printer: `error: <message>` on stderr, then exit with `code`.
/// Status 1 is for inputs or outputs that failed, 2 for usage errors (also a broken lexicon or
/// an existing output without `--force`, which the user fixes on the command line).
struct CommandFailure: Error, CustomStringConvertible {
  /// The message, without the `error: ` prefix, printed as one line.
  var message: String
  /// Lines printed after the message, each on its own line (e.g. what to run next).
  var followingLines: [String] = []
  /// The process exit status.
  var code: Int32
  /// Whether the printer puts `error: ` before the message (off for messages that start with a
  /// `file:line:column:` location, as compilers print them).
  var prefixed = true

  /// A usage error: exit status 2.
  static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message: message, code: 2)
  }

  /// An input or output failure: exit status 1.
  static func failed(_ message: String) -> CommandFailure {
    CommandFailure(message: message, code: 1)
  }

  /// Status 1 with nothing more to print: each failed input already has its own line.
  static let someInputsFailed = CommandFailure(message: "", code: 1)

  var description: String { message }
}

/// A byte count given on the command line: `50MB`, `512KB`, `1GB` or a number of bytes.
struct ByteSizeArgument: ExpressibleByArgument, Sendable {
  /// The number of bytes (at least 1).
  var bytes: Int

  init(bytes: Int) { self.bytes = bytes }

  init?(argument: String) {
    guard let bytes = ByteSize.parse(argument), bytes > 0 else { return nil }
    self.bytes = bytes
  }

  var defaultValueDescription: String {
    ByteSize.format(bytes).replacingOccurrences(of: " ", with: "")
  }
}

/// Lines on stderr: the one way commands print errors and notes. Each line goes through
/// `TerminalText.clean`, so a file name or field quoted in a message cannot carry an escape
/// sequence or a bidi override to the terminal, and a line break inside a file name cannot
/// split a message: the only line breaks printed are those between the lines given.
enum StandardError {
  /// One message on one line.
  static func write(_ line: String) {
    write(lines: [line])
  }

  /// Several lines, each cleaned on its own.
  static func write(lines: [String]) {
    guard !lines.isEmpty else { return }
    let text = lines.map(TerminalText.clean).joined(separator: "\n") + "\n"
    FileHandle.standardError.write(Data(text.utf8))
  }
}
