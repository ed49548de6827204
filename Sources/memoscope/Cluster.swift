import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope cluster`: groups near-duplicate (templated) memos and shows what they share.
struct Cluster: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cluster",
    abstract: "Group near-duplicate memos and show the passages they share.",
    discussion: """
      Memos are compared by word 5-gram shingles (numbers and company names masked), MinHash \
      signatures (128 hashes) and LSH (64 bands × 2 rows); each candidate pair is verified \
      exactly. A pair joins a cluster at Jaccard >= --threshold (default 0.15; templated memos \
      with edits share 0.16–0.46, unrelated ones stay below about 0.07) or containment >= 0.5.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, md
  }

  @Option(help: "Jaccard similarity a pair needs to be clustered (0 < J <= 1).")
  var threshold: Double = 0.15

  @Option(help: "Output format: table, json or md.")
  var format: Format = .table

  @Flag(help: "Do not mask numbers and company names before comparing.")
  var noMask = false

  @Option(help: "LSH bands (advanced; more bands find lower similarities, at more cost).")
  var bands: Int = 64

  @Option(help: "Rows (MinHash values) per LSH band (advanced).")
  var rows: Int = 2

  @Option(
    name: [.customShort("o"), .long],
    help: ArgumentHelp(
      "Write the output to this file (streamed, atomically) instead of stdout.",
      valueName: "file"))
  var output: String?

  @Flag(help: "Overwrite the --output file if it exists.")
  var force = false

  @Argument(
    help: "Memo files, folders, or JSONL files written by 'memoscope extract --format jsonl'.")
  var paths: [String]

  func validate() throws {
    if !(threshold > 0 && threshold <= 1) {
      throw ValidationError("--threshold must be greater than 0 and at most 1, got \(threshold).")
    }
    if bands < 1 || rows < 1 || bands * rows > 1024 {
      throw ValidationError("--bands and --rows must be positive, with bands × rows at most 1024.")
    }
    try OutputSink.refuseExisting(output, force: force)
  }

  func run() throws {
    let options = ClusteringOptions(
      threshold: threshold, bands: bands, rows: rows, masking: !noMask)
    // Opened first: a folder that cannot be written to fails before the work, not after.
    var sink = try OutputSink.open(output)
    let run: ClusterRun
    do {
      run = try Pipeline.cluster(paths: paths, options: options)
    } catch {
      throw CommandFailure.usage(error.description)
    }
    for problem in run.problems {
      StandardError.write("error: \(problem)")
    }
    Diagnostics.notes(run.exclusions)
    switch format {
    // JSON is written in pieces as it is rendered, never held whole.
    case .json: run.result.writeJSONBytes { sink.write(bytes: $0) }
    case .md: sink.write(run.result.markdown())
    case .table: sink.write(run.result.table())
    }
    try sink.finish()
    let failed = !run.problems.isEmpty
    // The process ends next: its result need not be freed on this thread first.
    Pipeline.releaseInBackground(consume run)
    if failed { throw CommandFailure.someInputsFailed }
  }
}
