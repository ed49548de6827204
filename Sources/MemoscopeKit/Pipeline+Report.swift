import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import MemoLexicon
import MemoReporting
import MemoScoring
import MemoTokenization

/// What `memoscope report` was asked to do.
public struct ReportRequest: Sendable {
  /// The title used when none is given.
  public static let defaultTitle = "AI-washing in layoff memos"

  /// Files and folders to read.
  public var paths: [String]
  /// The lexicon folder (the CLI's default is `Lexicons/ai-washing`, as for `score`).
  public var lexiconPath: String
  /// The report's title.
  public var title: String
  /// The clustering Jaccard threshold, or nil for the clustering module's default.
  public var threshold: Double?
  /// The report file.
  public var output: String
  /// Whether an existing report may be replaced.
  public var force: Bool
  /// The command line, for the reproducibility stamp.
  public var commandLine: String
  /// A generation date to print, or nil for none.
  public var generatedOn: String?
  /// A folder for the CSV data files (`memos.csv`, `hits.csv`, `categories.csv`), or nil.
  public var dataFolder: String?

  /// Creates a request.
  public init(
    paths: [String], lexiconPath: String, title: String = defaultTitle,
    threshold: Double? = nil, output: String, force: Bool = false, commandLine: String,
    generatedOn: String? = nil, dataFolder: String? = nil
  ) {
    self.dataFolder = dataFolder
    self.paths = paths
    self.lexiconPath = lexiconPath
    self.title = title
    self.threshold = threshold
    self.output = output
    self.force = force
    self.commandLine = commandLine
    self.generatedOn = generatedOn
  }
}

/// What `memoscope report` did.
public struct ReportOutcome: Sendable {
  /// The files written: charts, then the report.
  public var written: [String]
  /// How many memos were read.
  public var memos: Int
  /// The inputs that could not be read, in input order.
  public var failures: [InputFailure]
  /// The CSV data files written (with `--data`).
  public var data: [String] = []
  /// The inputs left out on purpose (duplicates, Memoscope's own outputs, …), with reasons.
  public var exclusions: [InputExclusion] = []

  /// One line for the terminal, e.g. `Wrote report.md and 2 charts in report-charts/ (40
  /// memos read, 1 input not read).`
  public var summary: String {
    let report = written.last ?? ""
    let charts = written.dropLast()
    let folder = charts.first.map { ($0 as NSString).deletingLastPathComponent } ?? ""
    var line = "Wrote \(report)"
    if !charts.isEmpty { line += " and \(charts.count) charts in \(folder)/" }
    if let first = data.first {
      line += ", data in \((first as NSString).deletingLastPathComponent)/"
    }
    line += " (\(memos) \(memos == 1 ? "memo" : "memos") read"
    if !failures.isEmpty {
      line += ", \(failures.count) \(failures.count == 1 ? "input" : "inputs") not read"
    }
    if !exclusions.isEmpty {
      line += ", \(exclusions.count) skipped"
    }
    return line + ")."
  }
}

extension Pipeline {
  /// Writes a report: extract, score, cluster, render, write the charts and the report.
  ///
  /// Fails before reading anything when the report exists and `force` is off. Inputs that
  /// cannot be read do not stop the report: they are listed in it and in the outcome.
  ///
  /// - Throws: `ReportingError` (output exists, cannot write), `LexiconError` (bad lexicon),
  ///   `ClusteringError` (bad threshold).
  public static func report(_ request: ReportRequest) throws -> ReportOutcome {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: request.output, isDirectory: &isFolder) {
      if isFolder.boolValue { throw ReportingError.outputIsFolder(path: request.output) }
      if !request.force { throw ReportingError.outputExists(path: request.output) }
    }
    if let folder = request.dataFolder, !request.force {
      for name in ["memos.csv", "hits.csv", "categories.csv"] {
        let path = (folder as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: path) {
          throw ReportingError.outputExists(path: path)
        }
      }
    }
    let lexicon = try Lexicon.load(request.lexiconPath)
    let corpus = Corpus(paths: request.paths)
    let input = try reportInput(request, corpus: corpus, lexicon: lexicon)
    let rendered = MarkdownReport.render(input)
    var data: [String] = []
    if let folder = request.dataFolder {
      data = try ReportFiles.writeData(ReportData.files(input), in: folder)
    }
    let written = try ReportFiles.write(rendered, to: request.output, force: request.force)
    return ReportOutcome(
      written: written, memos: input.memos.count, failures: input.failures, data: data,
      exclusions: corpus.exclusions)
  }

  /// What `memoscope report --check` found.
  public struct ReportCheck: Sendable {
    /// Inputs whose bytes changed since the report (path, SHA-256 then, now or nil if gone).
    public var changedInputs: [(path: String, stamped: String, now: String?)]
    /// The first lines where the re-run report differs (line number, stamped, re-run).
    public var differences: [(line: Int, stamped: String, rerun: String)]
    /// Charts whose re-run SVG differs from the file beside the report.
    public var changedCharts: [String]

    /// True when inputs, report and charts are all the same.
    public var isSame: Bool {
      changedInputs.isEmpty && differences.isEmpty && changedCharts.isEmpty
    }

    /// Lines for the terminal.
    public var summary: String {
      guard !isSame else {
        return "Same: every input has the stamped hash and the re-run gives the same report "
          + "and charts, byte for byte.\n"
      }
      var lines: [String] = ["Different:"]
      for input in changedInputs {
        lines.append(
          "  input \(TerminalText.clean(input.path)): hash was \(input.stamped), "
            + (input.now.map { "now \($0)" } ?? "the file is missing"))
      }
      for difference in differences {
        lines.append("  report line \(difference.line):")
        lines.append("    stamped: \(TerminalText.clean(difference.stamped))")
        lines.append("    re-run:  \(TerminalText.clean(difference.rerun))")
      }
      for chart in changedCharts { lines.append("  chart \(TerminalText.clean(chart)) differs") }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// Re-runs a report from its stamp and compares: the inputs' SHA-256 against the stamped
  /// ones, the re-rendered report against `reportPath`'s text, and the charts beside it. Writes
  /// nothing. Run it from the folder the report was made in, since the stamped command's paths
  /// are relative to it.
  ///
  /// - Parameters:
  ///   - reportPath: The report to check.
  ///   - request: The request parsed from the report's stamped command.
  ///   - stampedInputs: The input table of the stamp.
  public static func checkReport(
    _ reportPath: String, request: ReportRequest, stampedInputs: [InputStamp]
  ) throws -> ReportCheck {
    guard let data = FileManager.default.contents(atPath: reportPath) else {
      throw ReportingError.unreadableInput(path: reportPath, reason: "cannot read the report")
    }
    let stamped = String(decoding: data, as: UTF8.self)
    var changed: [(path: String, stamped: String, now: String?)] = []
    for input in stampedInputs {
      let bytes = FileManager.default.contents(atPath: input.path).map { [UInt8]($0) }
      if let bytes, input.matches(bytes) { continue }
      let now = bytes.map { input.sha256 != nil ? SHA256.hex($0) : "a different FNV-1a 64 hash" }
      changed.append((input.path, input.printedHash, now))
    }
    let lexicon = try Lexicon.load(request.lexiconPath)
    let rendered = MarkdownReport.render(try reportInput(request, lexicon: lexicon))
    let old = stamped.components(separatedBy: "\n")
    let new = rendered.markdown.components(separatedBy: "\n")
    var differences: [(line: Int, stamped: String, rerun: String)] = []
    for index in 0..<max(old.count, new.count) where differences.count < 5 {
      let a = index < old.count ? old[index] : "(end of file)"
      let b = index < new.count ? new[index] : "(end of file)"
      if a != b { differences.append((index + 1, a, b)) }
    }
    let folder = URL(fileURLWithPath: reportPath).deletingLastPathComponent()
      .appendingPathComponent(ReportFiles.chartsFolder(forReport: reportPath))
    let charts = rendered.charts.filter { chart in
      let existing = FileManager.default.contents(
        atPath: folder.appendingPathComponent(chart.name).path)
      return existing.map { String(decoding: $0, as: UTF8.self) } != chart.svg
    }.map(\.name)
    return ReportCheck(changedInputs: changed, differences: differences, changedCharts: charts)
  }

  /// Reads, scores and clusters the inputs into what the report renders.
  public static func reportInput(_ request: ReportRequest, lexicon: Lexicon) throws
    -> ReportInput
  {
    try reportInput(request, corpus: Corpus(paths: request.paths), lexicon: lexicon)
  }

  /// Reads (once: each file read, hashed and extracted in one pass), scores and clusters the
  /// memos of `corpus` into what the report renders.
  public static func reportInput(_ request: ReportRequest, corpus: Corpus, lexicon: Lexicon)
    throws -> ReportInput
  {
    let scorer = Scorer(lexicon: lexicon)
    var memos: [Memo] = []
    var scored: [ScoredMemo] = []
    var failures: [InputFailure] = []
    corpus.forEach({ memo in ScoredMemo(memo: memo, card: scorer.score(memo)) }) {
      switch $0 {
      case .success(let memo):
        memos.append(memo.memo)
        scored.append(memo)
      case .failure(let error):
        failures.append(InputFailure(source: error.path, message: error.description))
      }
    }
    // SHA-256 for the stamp, so anyone can check an input with `sha256sum`; the stream
    // hashes with FNV-1a 64 to find duplicates fast. Standard input cannot be read again and
    // keeps its (marked) FNV hash.
    let stamps = ParallelMap.map(corpus.stamps) { stamp -> InputStamp in
      guard stamp.sha256 == nil, stamp.path != "-",
        let data = FileManager.default.contents(atPath: stamp.path), data.count == stamp.bytes
      else { return stamp }
      let bytes = [UInt8](data)
      guard stamp.matches(bytes) else { return stamp }
      return InputStamp(path: stamp.path, bytes: stamp.bytes, sha256: SHA256.hex(bytes))
    }

    var options = ClusteringOptions()
    if let threshold = request.threshold { options.threshold = threshold }
    let clusters = try Clusterer(options: options).cluster(memos)

    return ReportInput(
      title: request.title, memos: scored, failures: failures,
      clusters: clusters.clusters,
      lexicon: ReportLexicon(lexicon), indexFormula: indexDescription,
      bands: indexBands, inputs: stamps, commandLine: request.commandLine,
      generatedOn: request.generatedOn,
      chartsFolder: ReportFiles.chartsFolder(forReport: request.output),
      clusterThreshold: clusters.parameters.threshold,
      clusterContainmentThreshold: clusters.parameters.containmentThreshold,
      exclusions: corpus.exclusions.map(ReportExclusion.init), negationRule: negationRule,
      extractionQuality: extractionQuality,
      environment: ReportEnvironment(
        gitRevision: GitRevision.current, icuVersion: Tokenizer.icuVersion,
        libxml2Version: LibXML2Version.current),
      dataFolder: request.dataFolder)
  }

  /// How the scorer treats negation and denials, for the report's method section.
  public static let negationRule =
    "a negation cue (not, no, never, nothing, without, …) covers the rest of its clause, and a "
    + "hit inside it adds nothing to the index. A sentence denying AI as the cause (\"this is "
    + "not about AI\"; \"Is AI the reason? It is not.\") makes the memo's AI reason \"denied\" "
    + "unless AI is given as an explicit reason elsewhere. Distancing phrases are listed apart "
    + "and add nothing."

  /// Extraction quality on the benchmarks, as README reports it (Benchmarks/extraction.sh on
  /// the 181-page article-extraction set, and the sample corpus's manifest check).
  public static let extractionQuality =
    "on a 181-page article-extraction benchmark, body text F1 0.971 (precision 0.957, recall "
    + "0.985); on the 45-file sample corpus, body word 5-gram F1 at least 0.9 on every file "
    + "(mean 0.991), company, date and title right on all 45 (figures from README)."

  /// The bands of the 0–100 index the report counts memos in: high from 50 (about 5.5 points,
  /// e.g. two AI-framing hits given as the reason for cuts), moderate from 20, low above 0.
  public static let indexBands = [
    IndexBand(name: "high", minimum: 50), IndexBand(name: "moderate", minimum: 20),
    IndexBand(name: "low", minimum: 0),
  ]

  /// The index formula for the report's method section, from the scoring module.
  public static var indexDescription: String {
    "The index runs from 0 to 100 and is computed from the lexicon hits as follows: "
      + WashingIndex.formula
      + ". A memo with no affirmed AI reference, or denying AI as the cause, scores 0 whatever "
      + "its cuts; "
      + "distancing phrases add nothing; alternative explanations are listed but not scored."
  }
}

extension ReportLexicon {
  /// The stamp of a loaded lexicon.
  public init(_ lexicon: Lexicon) {
    self.init(
      name: lexicon.name, version: lexicon.version, hash: lexicon.hash,
      entryCount: lexicon.entries.count,
      categories: lexicon.categories.map {
        (id: $0.id, title: $0.title, role: $0.role.rawValue, description: $0.description)
      },
      // A marked `lexicon audit` file for this very version, when the folder has one.
      precision: LexiconAudit.vettedPrecision(of: lexicon))
  }
}
