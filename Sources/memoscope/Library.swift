import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope library`: a growing collection of memos in one SQLite file, asked the same
/// questions again without extracting or scoring anything twice.
struct LibraryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "library",
    abstract: "Keep memos in a library file: add, search, timeline, similar, vet, report, export.",
    discussion: """
      The library is one SQLite file: $MEMOSCOPE_LIBRARY, else memoscope-library.sqlite in the \
      current folder, or --library FILE. Exit status: 0 on success, 1 when some inputs could \
      not be added or some vetting rows not read (the rest is done), 2 for usage errors and a \
      library that cannot be opened (missing, locked, corrupt, from a newer memoscope).
      """,
    subcommands: [
      LibraryAdd.self, LibrarySearch.self, LibraryTimeline.self, LibrarySimilar.self,
      LibraryVet.self, LibraryReport.self, LibraryExport.self, LibraryRescore.self,
    ])
}

/// The `--library` option of every `library` command.
struct LibraryLocation: ParsableArguments {
  @Option(
    name: .customLong("library"),
    help: ArgumentHelp(
      "The library file (default: $MEMOSCOPE_LIBRARY, else ./memoscope-library.sqlite).",
      valueName: "file"))
  var explicitPath: String?

  var path: String { explicitPath ?? Pipeline.defaultLibraryPath() }

  /// Opens the library; a failure is printed and ends the command with status 2.
  func open(create: Bool = false) throws -> Library {
    do {
      return try Library(path: path, create: create)
    } catch {
      throw libraryFailure(error)
    }
  }
}

/// The filters shared by search, timeline, vet, report and export.
struct LibraryFilterOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Only memos of this company (any case).", valueName: "name"))
  var company: String?

  @Option(help: ArgumentHelp("Only memos dated on or after this date.", valueName: "YYYY-MM-DD"))
  var since: String?

  @Option(help: ArgumentHelp("Only memos dated on or before this date.", valueName: "YYYY-MM-DD"))
  var until: String?

  @Option(help: ArgumentHelp("Only hits of this lexicon entry.", valueName: "id"))
  var entry: String?

  @Option(help: ArgumentHelp("Only hits of this lexicon category.", valueName: "id"))
  var category: String?

  var filter: LibraryFilter {
    LibraryFilter(company: company, since: since, until: until, entry: entry, category: category)
  }

  func validate() throws {
    if entry != nil && category != nil {
      throw ValidationError("Give --entry or --category, not both.")
    }
    do {
      try filter.validate()
    } catch {
      throw ValidationError(error.description)
    }
  }
}

/// Prints a library error; exit status 2.
func libraryFailure(_ error: LibraryError) -> ExitCode {
  StandardError.write("error: \(error.description)")
  return ExitCode(2)
}

/// Writes `text` to `output` atomically (refusing to overwrite without `force`), or stdout.
func writeOutput(_ text: String, to output: String?, force: Bool) throws {
  guard let output else {
    FileHandle.standardOutput.write(Data(text.utf8))
    return
  }
  if !force && FileManager.default.fileExists(atPath: output) {
    StandardError.write(
      "error: \(output): the file exists; pass --force to overwrite it or choose another name.")
    throw ExitCode(2)
  }
  do {
    try AtomicFile.write(text, to: URL(fileURLWithPath: output))
  } catch {
    StandardError.write("error: \(error.description)")
    throw ExitCode(1)
  }
}

/// Loads the lexicon or ends the command with status 2.
func loadLexicon(_ options: LexiconOptions) throws -> Lexicon {
  do {
    return try Lexicon.load(options.path)
  } catch {
    throw lexiconFailure(error, path: options.path)
  }
}

struct LibraryAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Extract, score and fingerprint memos into the library (each file once).",
    discussion: """
      Files are keyed by the hash of their bytes: adding a file again adds nothing. Each \
      batch is one transaction, so an interrupted add leaves a sound library and running it \
      again completes it. When the lexicon changed since the library was scored, stored memos \
      are scored again first.
      """)

  @OptionGroup var location: LibraryLocation
  @OptionGroup var lexiconOptions: LexiconOptions

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("Skip files larger than this (e.g. 50MB, 512KB).", valueName: "size"))
  var maxSize: String = "50MB"

  @Argument(help: ArgumentHelp("Files or folders to add.", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Give at least one file or folder to add.") }
    if ByteSize.parse(maxSize).map({ $0 <= 0 }) ?? true {
      throw ValidationError("--max-size '\(maxSize)' is not a size; use e.g. 50MB or 512KB.")
    }
  }

  func run() throws {
    let lexicon = try loadLexicon(lexiconOptions)
    let library = try location.open(create: true)
    var progress: ProgressLine?
    func report(_ done: Int, _ total: Int) {
      if progress == nil { progress = ProgressLine(total: total) }
      progress?.update(done)
    }
    let outcome: LibraryAddOutcome
    do {
      outcome = try Pipeline.libraryAdd(
        paths, to: library, lexicon: lexicon,
        options: ExtractionOptions(maxFileSize: ByteSize.parse(maxSize) ?? 0), progress: report
      ) { error in
        progress?.finish()
        StandardError.write("error: \(error.description)")
      }
    } catch {
      progress?.finish()
      throw libraryFailure(error)
    }
    progress?.finish()
    var line = outcome.summary
    if outcome.rescored > 0 {
      line +=
        " \(outcome.rescored) stored memos scored again with \(lexicon.name) "
        + "\(lexicon.version)."
    }
    print(TerminalText.clean(line))
    if outcome.failed > 0 { throw ExitCode(1) }
  }
}

struct LibrarySearch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Every place a phrase occurs, in context; or the lexicon hits of an entry.",
    discussion: """
      QUERY is words or a quoted phrase, matched with the scoring tokenizer's normalization \
      ("AI native" finds "AI-native", "A.I.-native" and "AI‑native"); several arguments must \
      all occur in one paragraph. With --entry or --category the lexicon hits are listed \
      instead, with what vetting said of them. One line per match: source, company, date, \
      paragraph (1-based), text, before, after.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl, csv
  }

  @OptionGroup var location: LibraryLocation
  @OptionGroup var filters: LibraryFilterOptions

  @Option(help: "Output format: table, jsonl or csv.")
  var format: Format = .table

  @Argument(help: ArgumentHelp("Words or a quoted phrase.", valueName: "query"))
  var query: [String] = []

  func validate() throws {
    let listsHits = filters.entry != nil || filters.category != nil
    if query.isEmpty && !listsHits {
      throw ValidationError("Give a QUERY, or --entry or --category to list lexicon hits.")
    }
    if !query.isEmpty && listsHits {
      throw ValidationError("Give a QUERY or --entry/--category, not both.")
    }
  }

  func run() throws {
    let library = try location.open()
    let lines: [ContextLine]
    do {
      if query.isEmpty {
        lines = try library.hits(filters.filter)
      } else {
        lines = try library.search(PhraseQuery(query), filter: filters.filter)
      }
    } catch {
      throw libraryFailure(error)
    }
    switch format {
    case .table: try writeOutput(LibraryOutput.table(lines), to: nil, force: false)
    case .jsonl: try writeOutput(LibraryOutput.jsonLines(lines), to: nil, force: false)
    case .csv: try writeOutput(LibraryOutput.csv(lines), to: nil, force: false)
    }
  }
}

struct LibraryTimeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "Each company's first memo using a wording, in date order, the earliest marked.",
    discussion: """
      Markdown on stdout, or in --output FILE with an SVG chart beside it (FILE with .svg); the \
      chart's axis runs from the library's first memo to its last, so the time before the \
      first use shows. Hits people marked wrong do not count.
      """)

  @OptionGroup var location: LibraryLocation
  @OptionGroup var filters: LibraryFilterOptions

  @Option(name: .shortAndLong, help: ArgumentHelp("Write the Markdown here.", valueName: "file"))
  var output: String?

  @Flag(help: "Overwrite the output files if they exist.")
  var force = false

  @Argument(help: ArgumentHelp("Words or a quoted phrase.", valueName: "query"))
  var query: [String] = []

  func validate() throws {
    let byLexicon = filters.entry != nil || filters.category != nil
    if query.isEmpty == !byLexicon {
      throw ValidationError("Give exactly one of --entry ID, --category ID or QUERY.")
    }
  }

  func run() throws {
    let library = try location.open()
    let timeline: Timeline
    let wording: String
    do {
      if query.isEmpty {
        timeline = try library.timeline(filters.filter)
        wording = filters.entry.map { "entry \($0)" } ?? "category \(filters.category ?? "")"
      } else {
        timeline = try library.timeline(PhraseQuery(query), filter: filters.filter)
        wording = "\"" + query.joined(separator: " ") + "\""
      }
    } catch {
      throw libraryFailure(error)
    }
    guard let output else {
      print(LibraryOutput.timelineMarkdown(timeline, wording: wording), terminator: "")
      return
    }
    let chart = URL(fileURLWithPath: output).deletingPathExtension().appendingPathExtension("svg")
    try writeOutput(
      LibraryOutput.timelineSVG(timeline, wording: wording), to: chart.path, force: force)
    try writeOutput(
      LibraryOutput.timelineMarkdown(timeline, wording: wording, chart: chart.lastPathComponent),
      to: output, force: force)
    print(
      TerminalText.clean(
        "Wrote \(output) and \(chart.path) (\(timeline.uses.count) companies)."))
  }
}

struct LibrarySimilar: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similar",
    abstract: "Stored memos that share passages with a new memo (MinHash index in the library).",
    discussion: """
      Uses the same shingles, MinHash bands, exact verification and frequent-shingle filter \
      as 'memoscope cluster', from the band index and shingle counts kept in the library: \
      candidates are looked up, not recomputed.
      """)

  @OptionGroup var location: LibraryLocation

  @Argument(help: ArgumentHelp("The memo file to compare.", valueName: "path"))
  var path: String

  func run() throws {
    let library = try location.open()
    let memo: Memo
    do {
      memo = try Pipeline.libraryMemo(path)
    } catch {
      StandardError.write("error: \(error.description)")
      throw ExitCode(1)
    }
    do {
      print(LibraryOutput.similarTable(memo, try library.similar(to: memo)), terminator: "")
    } catch {
      throw libraryFailure(error)
    }
  }
}

struct LibraryVet: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vet",
    abstract: "Export a sample of hits for a person to mark right or wrong; import the verdicts.",
    discussion: """
      --export writes a CSV of unchecked hits (a seeded sample); fill in 'verdict' with right \
      or wrong (and 'note' if you like), then --import it. Reports then say "N of M hits \
      checked by a person, K wrong" and leave out the hits marked wrong.
      """)

  @OptionGroup var location: LibraryLocation
  @OptionGroup var filters: LibraryFilterOptions

  @Option(help: ArgumentHelp("Write a vetting sheet (CSV) here.", valueName: "file"))
  var export: String?

  @Option(
    name: .customLong("import"), help: ArgumentHelp("Read a filled-in sheet.", valueName: "file"))
  var importPath: String?

  @Option(help: "How many hits to sample.")
  var sample: Int = 100

  @Option(help: "The sample's seed (the same seed gives the same sample).")
  var seed: UInt64 = 1

  @Flag(help: "Overwrite the --export file if it exists.")
  var force = false

  func validate() throws {
    if (export == nil) == (importPath == nil) {
      throw ValidationError("Give --export FILE or --import FILE.")
    }
    if sample < 1 { throw ValidationError("--sample must be at least 1.") }
  }

  func run() throws {
    let library = try location.open()
    if let export {
      let lines: [ContextLine]
      do {
        lines = try library.vettingSample(count: sample, seed: seed, filter: filters.filter)
      } catch {
        throw libraryFailure(error)
      }
      try writeOutput(LibraryOutput.vettingSheet(lines), to: export, force: force)
      print(
        TerminalText.clean(
          "Wrote \(lines.count) hits to \(export); fill in 'verdict' (right or wrong)."))
      return
    }
    guard let importPath else { return }
    guard let data = FileManager.default.contents(atPath: importPath) else {
      StandardError.write("error: \(importPath): cannot read the file; check the path.")
      throw ExitCode(2)
    }
    let (verdicts, problems) = LibraryOutput.verdicts(
      inSheet: String(decoding: data, as: UTF8.self), path: importPath)
    var failures = problems
    do {
      let unknown = try library.storeVerdicts(
        verdicts, checkedAt: ISO8601DateFormatter().string(from: Date()))
      for verdict in unknown {
        failures.append(
          "\(importPath): no hit \(verdict.entry) at paragraph \(verdict.paragraph), start "
            + "\(verdict.start) of memo \(verdict.memoHash) in the library")
      }
      for problem in failures {
        StandardError.write("error: \(problem)")
      }
      let stored = verdicts.count - unknown.count
      print(
        "Stored \(stored) verdict\(stored == 1 ? "" : "s"). "
          + "\(try library.vettingSummary(filters.filter).sentence).")
    } catch {
      throw libraryFailure(error)
    }
    if !failures.isEmpty { throw ExitCode(1) }
  }
}

struct LibraryReport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write today's report over (a filtered subset of) the library, with vetting.",
    discussion: """
      The same report as 'memoscope report', over the stored memos the filters keep, with \
      hits people marked wrong left out (each memo's index is computed again without them) \
      and "N of M hits checked by a person, K wrong" in its summary.
      """)

  @OptionGroup var location: LibraryLocation
  @OptionGroup var lexiconOptions: LexiconOptions
  @OptionGroup var filters: LibraryFilterOptions

  @Option(help: "The report's title.")
  var title: String = ReportRequest.defaultTitle

  @Option(name: .shortAndLong, help: ArgumentHelp("The report file to write.", valueName: "file"))
  var output: String

  @Flag(help: "Overwrite the report file if it exists.")
  var force = false

  func run() throws {
    let lexicon = try loadLexicon(lexiconOptions)
    let library = try location.open()
    do {
      let outcome = try Pipeline.libraryReport(
        Pipeline.LibraryReportRequest(
          output: output, force: force, filter: filters.filter, title: title,
          commandLine: CommandLineText.current()), library: library, lexicon: lexicon)
      print(TerminalText.clean(outcome.summary))
    } catch let error as LibraryError {
      throw libraryFailure(error)
    } catch let error as ReportingError {
      StandardError.write("error: \(error.description)")
      if case .outputExists = error { throw ExitCode(2) }
      throw ExitCode(1)
    }
  }
}

struct LibraryExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Tidy CSV of the library's memos, hits or category counts.",
    discussion: """
      memos: one row per memo; hits: one row per lexicon hit (with its verdict); categories: \
      one row per memo and category, zero counts included.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
  }

  enum What: String, ExpressibleByArgument, CaseIterable {
    case memos, hits, categories
  }

  @OptionGroup var location: LibraryLocation
  @OptionGroup var lexiconOptions: LexiconOptions
  @OptionGroup var filters: LibraryFilterOptions

  @Option(help: "Output format: csv.")
  var format: Format = .csv

  @Option(help: "What to export: memos, hits or categories.")
  var what: What = .memos

  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file.", valueName: "file"))
  var output: String?

  @Flag(help: "Overwrite the --output file if it exists.")
  var force = false

  func run() throws {
    let library = try location.open()
    var categories: [(id: String, role: String)] = []
    if what == .categories {
      categories = try loadLexicon(lexiconOptions).categories.map { ($0.id, $0.role.rawValue) }
    }
    let table: TidyTable
    do {
      table = try library.export(
        ExportKind(rawValue: what.rawValue) ?? .memos, filter: filters.filter,
        categories: categories)
    } catch {
      throw libraryFailure(error)
    }
    try writeOutput(LibraryOutput.csv(table), to: output, force: force)
  }
}

struct LibraryRescore: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rescore",
    abstract: "Score the stored memos again with the current lexicon.")

  @OptionGroup var location: LibraryLocation
  @OptionGroup var lexiconOptions: LexiconOptions

  @Flag(help: "Score every memo again, even those scored with this lexicon.")
  var all = false

  func run() throws {
    let lexicon = try loadLexicon(lexiconOptions)
    let library = try location.open()
    do {
      if all { try library.forgetScores() }
      let count = try Pipeline.libraryRescore(library, lexicon: lexicon)
      print(
        "\(count) memo\(count == 1 ? "" : "s") scored again with \(lexicon.name) \(lexicon.version)."
      )
    } catch {
      throw libraryFailure(error)
    }
  }
}
