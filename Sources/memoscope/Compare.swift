import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope compare`: two memos side by side.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Show two memos side by side: metadata, scores, paragraph-by-paragraph changes.",
    discussion: """
      Lines up the paragraphs of A and B (those whose word sets are similar enough, in \
      order), shows the words that differ inside each pair, the paragraphs only one memo has, \
      the passages both contain, and the lexicon phrases each uses. Counts and quotes only.
      The terminal format fits COLUMNS (or the terminal's width, else 100) and uses colour \
      when standard output is a terminal and NO_COLOR is unset; without colour, removed \
      words are shown [-like this-] and added ones {+like this+}.
      Exit status: 0 on success, 1 when a memo cannot be read, 2 for usage errors.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case terminal, md, json
  }

  enum Color: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  @OptionGroup var lexiconOptions: LexiconOptions

  @Option(help: "Output format: terminal (two columns), md (Markdown) or json.")
  var format: Format = .terminal

  @Option(help: "Colour in the terminal format: auto, always or never.")
  var color: Color = .auto

  @Argument(help: ArgumentHelp("The first memo file.", valueName: "a"))
  var left: String

  @Argument(help: ArgumentHelp("The second memo file.", valueName: "b"))
  var right: String

  func run() throws {
    let comparison: Comparison
    do {
      comparison = try Pipeline.compare(left: left, right: right, lexiconPath: lexiconOptions.path)
    } catch let error as LexiconError {
      throw lexiconFailure(error, path: lexiconOptions.path, explicit: lexiconOptions.explicitPath)
    } catch {
      let usage = (error as? ReportingError)?.isUsageError == true
      throw CommandFailure(message: "\(error)", code: usage ? 2 : 1)
    }
    let environment = ProcessInfo.processInfo.environment
    switch format {
    case .md: print(comparison.markdown, terminator: "")
    case .json: print(comparison.json, terminator: "")
    case .terminal:
      let useColor: Bool =
        switch color {
        case .always: true
        case .never: false
        case .auto: TerminalLayout.autoColor(environment: environment)
        }
      let layout = TerminalLayout(
        width: TerminalLayout.detectWidth(environment: environment), color: useColor)
      print(comparison.terminal(layout), terminator: "")
    }
  }
}
