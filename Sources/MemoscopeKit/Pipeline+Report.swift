import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import MemoLexicon
import MemoReporting
import MemoScoring

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

  /// Creates a request.
  public init(
    paths: [String], lexiconPath: String, title: String = defaultTitle,
    threshold: Double? = nil, output: String, force: Bool = false, commandLine: String,
    generatedOn: String? = nil
  ) {
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
    let lexicon = try Lexicon.load(request.lexiconPath)
    let corpus = Corpus(paths: request.paths)
    let input = try reportInput(request, corpus: corpus, lexicon: lexicon)
    let rendered = MarkdownReport.render(input)
    let written = try ReportFiles.write(rendered, to: request.output, force: request.force)
    return ReportOutcome(
      written: written, memos: input.memos.count, failures: input.failures,
      exclusions: corpus.exclusions)
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
    corpus.forEach({ memo in ScoredMemo(memo: memo, score: ScoreSummary(scorer.score(memo))) }) {
      switch $0 {
      case .success(let memo):
        memos.append(memo.memo)
        scored.append(memo)
      case .failure(let error):
        failures.append(InputFailure(source: error.path, message: error.description))
      }
    }
    let stamps = corpus.stamps

    var options = ClusteringOptions()
    if let threshold = request.threshold { options.threshold = threshold }
    let clusters = try Clusterer(options: options).cluster(memos)

    return ReportInput(
      title: request.title, memos: scored, failures: failures,
      clusters: clusters.clusters.map(ReportCluster.init),
      lexicon: ReportLexicon(lexicon), indexFormula: indexDescription,
      bands: indexBands, inputs: stamps, commandLine: request.commandLine,
      generatedOn: request.generatedOn,
      chartsFolder: ReportFiles.chartsFolder(forReport: request.output),
      clusterThreshold: clusters.parameters.threshold,
      clusterContainmentThreshold: clusters.parameters.containmentThreshold)
  }

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
      + ". A memo without AI framing scores 0 whatever its cuts; distancing phrases add "
      + "nothing; alternative explanations are listed but not scored."
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
      })
  }
}
