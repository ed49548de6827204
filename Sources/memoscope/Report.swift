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
      With --data DIR, the numbers behind the report are written beside it as tidy CSV \
      (memos.csv, hits.csv, categories.csv; the report's method section lists their columns).
      With --check REPORT, nothing is written: the command stamped in REPORT is run again (from \
      the current folder, as the stamp's paths are relative), the inputs' SHA-256 are compared \
      with the stamped ones, and the re-rendered report and charts with the files; it prints \
      whether the result is the same.
      Exit status: 0 when every input was read (with --check: the result is the same), 1 when \
      some were not (the report is still written), the report could not be written or (with \
      --check) the result differs, 2 for usage errors, a broken lexicon or an existing FILE \
      without --force.
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
  var output: String?

  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "Also write memos.csv, hits.csv and categories.csv into this folder.", valueName: "dir"))
  var dataFolder: String?

  @Option(
    name: .customLong("check"),
    help: ArgumentHelp(
      "Re-run the report stamped in this file and say whether the result is the same.",
      valueName: "report"))
  var check: String?

  @Flag(help: "Overwrite the report file if it exists.")
  var force = false

  @Option(
    name: .customLong("generated-on"),
    help: ArgumentHelp(
      "Print this generation date (YYYY-MM-DD) in the report (off by default, so that "
        + "reports stay byte-identical).", valueName: "date"))
  var generatedOn: String?

  @Argument(help: ArgumentHelp("Memo files or folders to read.", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    if check != nil {
      if output != nil || !paths.isEmpty || dataFolder != nil {
        throw ValidationError(
          "--check re-runs the stamped command; give only the report, e.g. "
            + "'memoscope report --check report.md'.")
      }
      return
    }
    if paths.isEmpty { throw ValidationError("Give at least one file or folder to read.") }
    if let threshold, !(threshold > 0 && threshold <= 1) {
      throw ValidationError("--threshold must be above 0 and at most 1, e.g. 0.5.")
    }
    guard let output, !output.isEmpty else {
      throw ValidationError("--output needs a file name, e.g. --output report.md.")
    }
    if let generatedOn, CalendarDate(day: generatedOn) == nil {
      throw ValidationError(
        "--generated-on must be a date written YYYY-MM-DD, e.g. 2026-03-01; got '\(TerminalText.clean(generatedOn))'."
      )
    }
    if let dataFolder, dataFolder.isEmpty {
      throw ValidationError("--data needs a folder name, e.g. --data report-data.")
    }
  }

  /// The request this command stands for, with the command line to stamp.
  func request(commandLine: String) -> ReportRequest {
    ReportRequest(
      paths: paths, lexiconPath: lexiconOptions.path, title: title, threshold: threshold,
      output: output ?? "", force: force, commandLine: commandLine, generatedOn: generatedOn,
      dataFolder: dataFolder)
  }

  func run() throws {
    if let check {
      try runCheck(check)
      return
    }
    let request = request(commandLine: CommandLineText.current())
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
      StandardError.write("error: \(failure.message)")
    }
    Diagnostics.notes(outcome.exclusions)
    print(TerminalText.clean(outcome.summary))
    if !outcome.failures.isEmpty { throw CommandFailure.someInputsFailed }
  }

  /// `--check REPORT`: re-run the stamped command and compare.
  func runCheck(_ path: String) throws {
    func fail(_ message: String, code: Int32) -> CommandFailure {
      CommandFailure(message: TerminalText.clean(message), code: code)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw fail("\(path): cannot read the report to check.", code: 1)
    }
    guard let stamp = ReportStamp(markdown: String(decoding: data, as: UTF8.self)),
      let words = ShellWords.split(stamp.commandLine), words.count >= 2,
      words[0] == "memoscope", words[1] == "report"
    else {
      throw fail(
        "\(path): no reproducibility stamp with a 'memoscope report' command was found; "
          + "only reports written by memoscope report can be checked.", code: 2)
    }
    let stamped: Report
    do {
      stamped = try Report.parse(Array(words.dropFirst(2)))
    } catch {
      throw fail(
        "\(path): the stamped command cannot be parsed: \(Report.message(for: error))", code: 2)
    }
    let check: Pipeline.ReportCheck
    do {
      check = try Pipeline.checkReport(
        path, request: stamped.request(commandLine: stamp.commandLine),
        stampedInputs: stamp.inputs)
    } catch let error as LexiconError {
      throw lexiconFailure(
        error, path: stamped.lexiconOptions.path, explicit: stamped.lexiconOptions.explicitPath)
    } catch {
      throw fail("\(error)", code: 1)
    }
    print(check.summary, terminator: "")
    if !check.isSame { throw CommandFailure.someInputsFailed }
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
