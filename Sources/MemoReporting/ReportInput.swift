import MemoClustering
import MemoCore
import MemoScoring

/// Everything `memoscope report` writes about: the memos read and their scores, the inputs
/// that failed, the clusters, the lexicon and the stamp that makes the report reproducible.
///
/// The report is a pure function of this value: the same input gives the same bytes.
public struct ReportInput: Sendable {
  /// The report's title (first heading).
  public var title: String
  /// The memos read, with their scores, in any order (the report sorts them).
  public var memos: [ScoredMemo]
  /// The inputs that could not be read, with why.
  public var failures: [InputFailure]
  /// Groups of memos sharing a template.
  public var clusters: [MemoCluster]
  /// The lexicon used.
  public var lexicon: ReportLexicon
  /// How the index is computed, in one or two plain sentences.
  public var indexFormula: String
  /// Bands of the index used to count how strongly memos use AI-washing language, from the
  /// highest lower bound down.
  public var bands: [IndexBand]
  /// Each input file with its size and hash.
  public var inputs: [InputStamp]
  /// The command line that produced the report, as the user typed it (arguments joined).
  public var commandLine: String
  /// A generation date to print, or nil to print none (the default, for byte-identical output).
  public var generatedOn: String?
  /// The folder, relative to the report, where the charts are written.
  public var chartsFolder: String
  /// The clustering similarity threshold used (Jaccard).
  public var clusterThreshold: Double
  /// The clustering containment threshold used, when the clustering module has one.
  public var clusterContainmentThreshold: Double?
  /// Inputs found but left out on purpose (duplicates, Memoscope's own outputs, …), with why.
  public var exclusions: [ReportExclusion]
  /// How negated and distancing phrases are treated, in one or two plain sentences.
  public var negationRule: String
  /// Extraction quality as measured on the benchmarks (with where the figures come from), or
  /// nil when none is known.
  public var extractionQuality: String?
  /// Versions and revision of the software that made the report.
  public var environment: ReportEnvironment
  /// The folder, relative to the report, where `--data` wrote the CSV files; nil when none.
  public var dataFolder: String?

  /// Creates a report input.
  public init(
    title: String, memos: [ScoredMemo], failures: [InputFailure], clusters: [MemoCluster],
    lexicon: ReportLexicon, indexFormula: String, bands: [IndexBand], inputs: [InputStamp],
    commandLine: String, generatedOn: String? = nil, chartsFolder: String,
    clusterThreshold: Double, clusterContainmentThreshold: Double? = nil,
    exclusions: [ReportExclusion] = [], negationRule: String = "",
    extractionQuality: String? = nil, environment: ReportEnvironment = ReportEnvironment(),
    dataFolder: String? = nil
  ) {
    self.dataFolder = dataFolder
    self.exclusions = exclusions
    self.negationRule = negationRule
    self.extractionQuality = extractionQuality
    self.environment = environment
    self.title = title
    self.memos = memos
    self.failures = failures
    self.clusters = clusters
    self.lexicon = lexicon
    self.indexFormula = indexFormula
    self.bands = bands
    self.inputs = inputs
    self.commandLine = commandLine
    self.generatedOn = generatedOn
    self.chartsFolder = chartsFolder
    self.clusterThreshold = clusterThreshold
    self.clusterContainmentThreshold = clusterContainmentThreshold
  }
}

/// A memo with its score card, as the scoring module made it (the report renders both
/// directly).
public struct ScoredMemo: Sendable, Equatable {
  /// The memo.
  public var memo: Memo
  /// Its score card.
  public var card: ScoreCard

  /// Creates a scored memo.
  public init(memo: Memo, card: ScoreCard) {
    self.memo = memo
    self.card = card
  }
}

/// An input that could not be read.
public struct InputFailure: Sendable, Equatable {
  /// The input's path.
  public var source: String
  /// The one-line error.
  public var message: String

  /// Creates a failure.
  public init(source: String, message: String) {
    self.source = source
    self.message = message
  }
}

/// An input found but left out of the report on purpose.
public struct ReportExclusion: Sendable, Equatable {
  /// The input's path.
  public var source: String
  /// Why, in a few words a reader can count by ("duplicate", "Memoscope's own output", …).
  public var reason: String
  /// More detail, e.g. the path it duplicates; may be empty.
  public var detail: String

  /// Creates an exclusion.
  public init(source: String, reason: String, detail: String = "") {
    self.source = source
    self.reason = reason
    self.detail = detail
  }
}

extension ReportExclusion {
  /// The report's row for an input the corpus stream left out: a short reason to count by,
  /// and the stream's own words as the detail.
  public init(_ exclusion: InputExclusion) {
    let reason =
      switch exclusion.reason {
      case .sameFile: "same file given twice"
      case .folderAlreadyRead: "folder already read"
      case .duplicateContent: "duplicate content"
      case .sourceAlsoRead: "extracted copy of a file also read"
      case .memoscopeOutput: "Memoscope's own output"
      case .documentation: "folder documentation"
      case .notAMemoType: "not a memo file type"
      case .brokenLink: "broken symbolic link"
      case .standardInputAgain: "standard input given twice"
      }
    self.init(source: exclusion.path, reason: reason, detail: exclusion.reasonText)
  }
}

/// The software that made a report, for its reproducibility stamp.
public struct ReportEnvironment: Sendable, Equatable {
  /// Memoscope's version, and its git revision when known.
  public var toolVersion: String, gitRevision: String?
  /// The ICU and libxml2 versions loaded at run time, when known.
  public var icuVersion: String?, libxml2Version: String?

  /// Creates an environment stamp.
  public init(
    toolVersion: String = MemoscopeVersion.current, gitRevision: String? = nil,
    icuVersion: String? = nil, libxml2Version: String? = nil
  ) {
    self.toolVersion = toolVersion
    self.gitRevision = gitRevision
    self.icuVersion = icuVersion
    self.libxml2Version = libxml2Version
  }
}

/// A named range of the index: memos whose index is at least `minimum` (and below the next
/// band's minimum) are in this band.
public struct IndexBand: Sendable, Equatable {
  /// The band's name, e.g. "high".
  public var name: String
  /// The lowest index in the band.
  public var minimum: Double

  /// Creates a band.
  public init(name: String, minimum: Double) {
    self.name = name
    self.minimum = minimum
  }
}

/// The lexicon's identity and categories, for the method section.
public struct ReportLexicon: Sendable, Equatable {
  /// The lexicon's name, version and content hash (hex).
  public var name: String, version: String, hash: String
  /// How many entries it has.
  public var entryCount: Int
  /// Vetted precision, e.g. "0.94 (47 of 50 hits checked by a person were right)", when a
  /// vetting gives it; nil when the lexicon's hits were not checked.
  public var precision: String?
  /// Its categories in lexicon order: id, title, role and description.
  public var categories: [(id: String, title: String, role: String, description: String)]

  /// Creates a stamp.
  public init(
    name: String, version: String, hash: String, entryCount: Int,
    categories: [(id: String, title: String, role: String, description: String)],
    precision: String? = nil
  ) {
    self.precision = precision
    self.name = name
    self.version = version
    self.hash = hash
    self.entryCount = entryCount
    self.categories = categories
  }

  public static func == (lhs: ReportLexicon, rhs: ReportLexicon) -> Bool {
    lhs.name == rhs.name && lhs.version == rhs.version && lhs.hash == rhs.hash
      && lhs.entryCount == rhs.entryCount && lhs.precision == rhs.precision
      && lhs.categories.map { [$0.id, $0.title, $0.role, $0.description] }
        == rhs.categories.map { [$0.id, $0.title, $0.role, $0.description] }
  }
}

/// An input file's identity: its size and a hash of its bytes, SHA-256 when the reader
/// computed one (anyone can check it with `sha256sum`), else FNV-1a 64.
public struct InputStamp: Sendable, Equatable {
  /// The path as given or found.
  public var path: String
  /// Its size in bytes.
  public var bytes: Int
  /// SHA-256 of its bytes, 64 lower-case hex digits, when computed.
  public var sha256: String?
  /// FNV-1a 64 of its bytes, 16 hex digits, when that is the hash the reader computed.
  public var hash: String?

  /// A stamp with a SHA-256.
  public init(path: String, bytes: Int, sha256: String) {
    self.path = path
    self.bytes = bytes
    self.sha256 = sha256
  }

  /// A stamp with an FNV-1a 64 hash (16 hex digits), for readers that hash with it.
  public init(path: String, bytes: Int, hash: String) {
    self.path = path
    self.bytes = bytes
    self.hash = hash
  }

  /// The stamp of a file's bytes, with their SHA-256.
  public init(path: String, contents: [UInt8]) {
    self.init(path: path, bytes: contents.count, sha256: SHA256.hex(contents))
  }

  /// The hash as the stamp prints it: the SHA-256 alone, or `fnv1a64:` and the FNV hash.
  public var printedHash: String {
    if let sha256 { return sha256 }
    return "fnv1a64:" + (hash ?? "")
  }

  /// Whether `contents` are the stamped bytes, by whichever hash the stamp has.
  public func matches(_ contents: [UInt8]) -> Bool {
    if let sha256 { return SHA256.hex(contents) == sha256 }
    var fnv = StableHash()
    fnv.combine(contents)
    return Self.hex(fnv.value) == hash
  }

  /// Reads a printed hash back (see ``printedHash``).
  public init(path: String, bytes: Int, printedHash: String) {
    if printedHash.hasPrefix("fnv1a64:") {
      self.init(path: path, bytes: bytes, hash: String(printedHash.dropFirst("fnv1a64:".count)))
    } else {
      self.init(path: path, bytes: bytes, sha256: printedHash)
    }
  }

  /// 16 lower-case hex digits.
  public static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
