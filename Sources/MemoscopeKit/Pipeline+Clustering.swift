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
    let extraction = ExtractionOptions(findsSignOffAuthor: false)
    let corpus = Corpus(paths: paths, options: extraction, stamps: false)
    timer.lap("walk (\(corpus.count) inputs)")
    return try cluster(corpus, options: options, rereading: extraction)
  }

  /// Clusters the memos of a corpus collected by the caller (who then has its exclusions).
  public static func cluster(_ corpus: Corpus, options: ClusteringOptions) throws(ClusteringError)
    -> ClusterRun
  {
    try cluster(corpus, options: options, rereading: nil)
  }

  /// Each memo is fingerprinted on the worker that extracted it. With `rereading` (the options
  /// `corpus` extracts with), memos of files past `textBudget` bytes of kept text are dropped
  /// and read again only if a passage quotes them.
  static func cluster(
    _ corpus: Corpus, options: ClusteringOptions, rereading: ExtractionOptions?,
    textBudget: Int = MemoCorpus.keptTextBudget
  ) throws(ClusteringError) -> ClusterRun {
    try options.validate()
    var timer = PhaseTimer()
    let clusterer = Clusterer(options: options)
    let memos = MemoCorpus(
      corpus, clusterer: clusterer, rereading: rereading, textBudget: textBudget)
    timer.lap("read, extract and fingerprint (\(memos.count) memos)")
    let result = try clusterer.cluster(
      count: memos.count, fingerprint: { memos.fingerprint(at: $0) }, memo: { memos.memo(at: $0) })
    return ClusterRun(result: result, problems: memos.problems, exclusions: corpus.exclusions)
  }
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

/// Memo inputs indexed for on-demand loading: memos fingerprinted while read (the memo kept
/// while the text budget lasts, or when it cannot be read again), or lines of JSONL files.
final class MemoCorpus: Sendable {
  /// Bytes of memo text (UTF-8 of paragraphs) kept in memory for quoting; memos of files read
  /// past it are dropped once fingerprinted and read again if quoted. Calibrated on the
  /// clustering benchmark's folders: at 10,000 memos (30 MB of text, 1,590 of them quoted)
  /// 8 MiB peaks at 128 MB against 131 MB for the old two-pass reading, which kept every
  /// memo; keeping every memo here peaks at 146 MB, keeping none at 116 MB for about 0.08 s
  /// more CPU (6%) reading memos again. At 100,000 memos: 658 MB against 792 MB, for 5% more
  /// CPU.
  static let keptTextBudget = 8 << 20

  enum Entry: Sendable {
    /// Boxed, so that the entries of a JSONL file stay two words each.
    indirect case fingerprinted(MemoFingerprint, Source)
    case line(JSONLMemoFile, JSONLMemoFile.Line)
  }

  /// Where a fingerprinted memo's text is found again.
  enum Source: Sendable {
    /// Kept in memory (within the text budget, standard input, JSONL lines read with
    /// documents, no `rereading`).
    case memo(Memo)
    /// Read and extracted again from its file; `digest` is `MemoCorpus.digest` of the first
    /// reading's paragraphs, so a file changed meanwhile is reported, never quoted.
    case file(CollectedInput, digest: UInt64)
  }

  let entries: [Entry]
  private let extractor: MemoExtractor?
  private let failures = Mutex<[Int: String]>([:])
  private let openProblems: [String]

  /// Reads the corpus once: documents extracted and fingerprinted on the corpus's workers,
  /// JSONL lines left for on-demand reading. With `rereading`, memos of files past
  /// `textBudget` bytes of kept text are dropped once fingerprinted, so a large run never
  /// holds every memo's text at once.
  init(
    _ corpus: Corpus, clusterer: Clusterer, rereading: ExtractionOptions?,
    textBudget: Int = MemoCorpus.keptTextBudget
  ) {
    var files: [String: CollectedInput] = [:]
    if rereading != nil {
      for case .document(let input) in corpus.units {
        if case .file = input { files[input.path] = input }
      }
    }
    let count = corpus.count
    let rereadable = files
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    var problems: [String] = []
    let budget = TextBudget(bytes: textBudget)
    corpus.forEachUnit(
      lazyLines: true,
      { memo -> Entry in
        let fingerprint = clusterer.fingerprint(of: memo)
        // A memo's source is its file's path as collected (JSONL memos of those files are left
        // out by the corpus).
        if let input = rereadable[memo.source], !budget.take(Self.textSize(memo.paragraphs)) {
          return .fingerprinted(fingerprint, .file(input, digest: Self.digest(memo.paragraphs)))
        }
        return .fingerprinted(fingerprint, .memo(memo))
      }
    ) { unit in
      switch unit {
      case .value(let entry): entries.append(entry)
      case .line(let file, let line): entries.append(.line(file, line))
      case .failure(let error): problems.append(error.description)
      }
    }
    self.entries = entries
    self.openProblems = problems
    self.extractor = rereading.map { MemoExtractor(options: $0) }
    self.clusterer = clusterer
  }

  private let clusterer: Clusterer

  var count: Int { entries.count }

  /// Every problem found so far, sorted by location.
  var problems: [String] {
    (openProblems + failures.withLock { Array($0.values) }).sorted {
      $0.localizedStandardCompare($1) == .orderedAscending
    }
  }

  /// The fingerprint at `index`: made while reading, or now from a JSONL line (nil, and a
  /// recorded problem, when the line is not a memo).
  func fingerprint(at index: Int) -> MemoFingerprint? {
    switch entries[index] {
    case .fingerprinted(let fingerprint, _): return fingerprint
    case .line: return memo(at: index).map { clusterer.fingerprint(of: $0) }
    }
  }

  /// The memo at `index`, or nil (and a recorded problem) when its line is not a memo or its
  /// file can no longer be read as it was.
  func memo(at index: Int) -> Memo? {
    switch entries[index] {
    case .fingerprinted(_, .memo(let memo)):
      return memo
    case .fingerprinted(_, .file(let input, let digest)):
      guard let extractor else { return nil }
      do {
        let contents = try InputReader.read(
          input, limit: extractor.options.maxFileSize, fingerprint: .quick)
        let memo = try extractor.extract(bytes: contents.bytes, source: input.path)
        if Self.digest(memo.paragraphs) == digest { return memo }
        failures.withLock {
          $0[index] =
            "\(input.path): changed while being clustered; its passages are left out (run again)"
        }
      } catch {
        failures.withLock { $0[index] = error.description }
      }
      return nil
    case .line(let file, let line):
      switch file.memo(at: line) {
      case .success(let memo): return memo
      case .failure(let error):
        failures.withLock { $0[index] = error.description }
        return nil
      }
    }
  }

  /// The UTF-8 bytes of `paragraphs`.
  static func textSize(_ paragraphs: [String]) -> Int {
    paragraphs.reduce(0) { $0 + $1.utf8.count }
  }

  /// A quick 64-bit digest of paragraphs (8 bytes at a time), to notice a file that changed
  /// between its two readings.
  static func digest(_ paragraphs: [String]) -> UInt64 {
    var hash = StableHash.mix(UInt64(paragraphs.count))
    for paragraph in paragraphs {
      var text = paragraph
      hash = text.withUTF8 { bytes in
        var hash = StableHash.mix(hash ^ UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
          let word = UnsafeRawBufferPointer(bytes).loadUnaligned(
            fromByteOffset: offset, as: UInt64.self)
          hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
          hash ^= hash >> 29
          offset += 8
        }
        while offset < bytes.count {
          hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01B3
          offset += 1
        }
        return hash
      }
    }
    return hash
  }
}

/// Bytes of memo text that may still be kept, shared by the reading workers.
private final class TextBudget: Sendable {
  private let left: Atomic<Int>

  init(bytes: Int) { left = Atomic(bytes) }

  /// Takes `bytes` from the budget if they fit.
  func take(_ bytes: Int) -> Bool {
    var current = left.load(ordering: .relaxed)
    while current >= bytes {
      let (exchanged, original) = left.compareExchange(
        expected: current, desired: current - bytes, ordering: .relaxed)
      if exchanged { return true }
      current = original
    }
    return false
  }
}
