import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import Synchronization

extension Pipeline {
  /// Reads memos from `paths` and clusters them.
  ///
  /// Paths may be files or folders (searched recursively, in sorted order). A `.jsonl` file is
  /// read as written by `memoscope extract --format jsonl`, one `Memo` per line, and is not
  /// kept in memory (`JSONLMemoFile`): lines are read again only for memos whose text a shared
  /// passage quotes. Every other file goes through extraction. A bad file or line is reported
  /// in `problems` and skipped.
  ///
  /// - Parameters:
  ///   - paths: Files and folders, as given on the command line.
  ///   - options: Clustering settings.
  /// - Returns: The clusters and one message per input that could not be read.
  /// - Throws: `ClusteringError` when the options are out of range.
  public static func cluster(paths: [String], options: ClusteringOptions) throws(ClusteringError)
    -> ClusterRun
  {
    var timer = PhaseTimer()
    // Clusters never show an author: the closing lines are not searched for one.
    let corpus = Corpus(
      paths: paths, options: ExtractionOptions(findsSignOffAuthor: false), stamps: false)
    timer.lap("walk (\(corpus.count) inputs)")
    return try cluster(corpus, options: options)
  }

  /// Clusters the memos of a corpus collected by the caller (who then has its exclusions).
  public static func cluster(_ corpus: Corpus, options: ClusteringOptions) throws(ClusteringError)
    -> ClusterRun
  {
    try options.validate()
    var timer = PhaseTimer()
    let memos = MemoCorpus(corpus)
    timer.lap("read and extract (\(memos.count) memos)")
    let result = try Clusterer(options: options).cluster(count: memos.count) {
      memos.memo(at: $0)
    }
    let run = ClusterRun(result: result, problems: memos.problems, exclusions: corpus.exclusions)
    releaseInBackground(consume memos)
    return run
  }

  /// Lets another thread free `value` (usually the last reference to it), so the caller goes on
  /// while the many small allocations of a big value (every memo's strings, a result's clusters)
  /// are freed one by one; a process that exits meanwhile skips the rest of that work.
  ///
  /// Freeing 10,000 memos, and at the end a result's clusters, on the thread that then writes
  /// the output (or exits) had kept one core busy for about 0.02 s each while the other waited.
  package static func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let box = ReleaseBox(value: value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
  }
}

/// Holds a value until a background thread drops it (see `Pipeline.releaseInBackground`).
private final class ReleaseBox<Value: Sendable>: @unchecked Sendable {
  var value: Value?
  init(value: consuming Value) { self.value = value }
}

/// The outcome of `Pipeline.cluster(paths:options:)`.
public struct ClusterRun: Sendable {
  /// The clusters.
  public var result: ClusterResult
  /// One line per unreadable input (file or JSONL line), location first, sorted.
  public var problems: [String]
  /// The inputs left out on purpose, with their reasons.
  public var exclusions: [InputExclusion] = []
}

/// Memo inputs indexed for on-demand loading: in-memory memos, or lines of JSONL files.
final class MemoCorpus: Sendable {
  enum Entry: Sendable {
    case memo(Memo)
    case line(JSONLMemoFile, JSONLMemoFile.Line)
  }

  let entries: [Entry]
  private let failures = Mutex<[Int: String]>([:])
  private let openProblems: [String]

  /// Reads the corpus once: documents extracted, JSONL lines left for on-demand reading.
  init(_ corpus: Corpus) {
    var entries: [Entry] = []
    var problems: [String] = []
    corpus.forEachUnit(lazyLines: true, { $0 }) { unit in
      switch unit {
      case .value(let memo): entries.append(.memo(memo))
      case .line(let file, let line): entries.append(.line(file, line))
      case .failure(let error): problems.append(error.description)
      }
    }
    self.entries = entries
    self.openProblems = problems
  }

  var count: Int { entries.count }

  /// Every problem found so far, sorted by location.
  var problems: [String] {
    (openProblems + failures.withLock { Array($0.values) }).sorted {
      $0.localizedStandardCompare($1) == .orderedAscending
    }
  }

  /// The memo at `index`, or nil (and a recorded problem) when its line is not a memo.
  func memo(at index: Int) -> Memo? {
    switch entries[index] {
    case .memo(let memo):
      return memo
    case .line(let file, let line):
      switch file.memo(at: line) {
      case .success(let memo): return memo
      case .failure(let error):
        failures.withLock { $0[index] = error.description }
        return nil
      }
    }
  }
}
