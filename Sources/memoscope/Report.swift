import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope report`: a Markdown report with charts, written beside each other.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a Markdown report (ranking, quotes, charts, clusters, method) on memos.",
    discussion: """
      Reads every PATH (files, or folders read recursively), scores each memo against the \
      lexicon, groups memos that share a template, and writes FILE with its SVG charts in \
      <FILE-stem>-charts/ beside it. The report is the same byte for byte for the same inputs \
      and lexicon. Inputs that cannot be read are listed in the report and on stderr.
      Exit status: 0 when every input was read, 1 when some were not (the report is still \
      written) or the report could not be written, 2 for usage errors, a broken lexicon or an \
      existing FILE without --force.
      """)

  @OptionGroup var lexiconOptions: LexiconOptions

  @Option(help: "The report's title.")
  var title: String = ReportRequest.defaultTitle

  @Option(
    help: ArgumentHelp(
      "Jaccard similarity (0…1) from which memos are grouped as sharing a template "
        + "(default \(ClusteringOptions().threshold)).",
      valueName: "J"))
  var threshold: Double?

  @Option(name: .shortAndLong, help: ArgumentHelp("The report file to write.", valueName: "file"))
  var output: String

  @Flag(help: "Overwrite the report file if it exists.")
  var force = false

  @Option(
    name: .customLong("generated-on"),
    help: ArgumentHelp(
      "Print this generation date in the report (off by default, so that reports stay "
        + "byte-identical).", valueName: "date"))
  var generatedOn: String?

  @Argument(help: ArgumentHelp("Memo files or folders to read.", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Give at least one file or folder to read.") }
    if let threshold, !(threshold > 0 && threshold <= 1) {
      throw ValidationError("--threshold must be above 0 and at most 1, e.g. 0.5.")
    }
    if output.isEmpty { throw ValidationError("--output needs a file name, e.g. report.md.") }
  }

  func run() throws {
    let request = ReportRequest(
      paths: paths, lexiconPath: lexiconOptions.path, title: title, threshold: threshold,
      output: output, force: force, commandLine: CommandLineText.current(),
      generatedOn: generatedOn)
    let outcome: ReportOutcome
    do {
      outcome = try Pipeline.report(request)
    } catch let error as LexiconError {
      throw lexiconFailure(error, path: lexiconOptions.path, explicit: lexiconOptions.explicitPath)
    } catch {
      let usage = (error as? ReportingError)?.isUsageError == true
      throw CommandFailure(message: "\(error)", code: usage ? 2 : 1)
    }
    for failure in outcome.failures {
      FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
    }
    Diagnostics.notes(outcome.exclusions)
    print(outcome.summary)
    if !outcome.failures.isEmpty { throw CommandFailure.someInputsFailed }
  }
}

/// The command line as typed, for the report's reproducibility stamp.
enum CommandLineText {
  /// `memoscope` followed by the arguments, each quoted for a POSIX shell when needed.
  static func current() -> String {
    (["memoscope"] + CommandLine.arguments.dropFirst().map(quote)).joined(separator: " ")
  }

  static func quote(_ argument: String) -> String {
    let safe = argument.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0))
    }
    if safe, !argument.isEmpty { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
