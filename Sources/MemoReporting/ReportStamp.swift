import Foundation

/// The reproducibility stamp read back from a report's Markdown: the command that made it and
/// the input table (path, bytes, SHA-256), for `memoscope report --check`.
public struct ReportStamp: Sendable, Equatable {
  /// The command line, as printed in the stamp's code block.
  public var commandLine: String
  /// The inputs, as listed.
  public var inputs: [InputStamp]

  /// Reads the stamp from a report written by ``MarkdownReport``; nil when the text has no
  /// "Reproducibility" section with a command.
  public init?(markdown: String) {
    let lines = markdown.components(separatedBy: "\n")
    guard let section = lines.lastIndex(of: "## Reproducibility") else { return nil }
    var command: String?
    var inputs: [InputStamp] = []
    var index = section + 1
    while index < lines.count {
      let line = lines[index]
      if command == nil, line.hasPrefix("```sh"), index + 1 < lines.count {
        command = lines[index + 1]
        index += 2
        continue
      }
      if line.hasPrefix("| "), line.hasSuffix("` |") {
        let cells = Self.cells(line)
        if cells.count == 3, let bytes = Int(cells[1]) {
          let hash = cells[2].trimmingCharacters(in: ["`"])
          inputs.append(InputStamp(path: cells[0], bytes: bytes, printedHash: hash))
        }
      }
      index += 1
    }
    guard let command else { return nil }
    commandLine = command
    self.inputs = inputs
  }

  /// The unescaped cells of a table row written by ``MarkdownDocument``.
  static func cells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var characters = Array(line.dropFirst(2).dropLast(2))[...]
    while let character = characters.popFirst() {
      if character == "\\", let next = characters.first, next.isASCII,
        next.isPunctuation || next.isSymbol
      {
        current.append(next)
        characters = characters.dropFirst()
      } else if character == "|" {
        cells.append(current.trimmingCharacters(in: [" "]))
        current = ""
      } else if character != MarkdownText.autolinkBreaker {
        current.append(character)
      }
    }
    cells.append(current.trimmingCharacters(in: [" "]))
    return cells
  }
}

/// Splits a command line written by Memoscope's stamp (POSIX shell quoting: single quotes,
/// `'\''` for a quote inside) back into arguments.
public enum ShellWords {
  /// The arguments of `line`; nil when a quote is left open.
  public static func split(_ line: String) -> [String]? {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quoted = false
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if quoted {
        if character == "'" { quoted = false } else { current.append(character) }
      } else if character == "'" {
        quoted = true
        inWord = true
      } else if character == "\\" {
        escaped = true
        inWord = true
      } else if character == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    guard !quoted, !escaped else { return nil }
    if inWord { words.append(current) }
    return words
  }
}
