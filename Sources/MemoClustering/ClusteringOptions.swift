/// The knobs of near-duplicate clustering; the defaults are tuned for templated memos.
///
/// Templated memos that swap names and numbers and add, drop or reorder paragraphs share a word
/// 5-gram Jaccard of only about 0.16–0.46, while unrelated memos in the same register stay below
/// about 0.07. The defaults therefore verify pairs at `threshold` 0.15, and band 128 MinHash
/// values into 64 bands of 2 rows, whose S-curve makes a pair a candidate at J = 0.28 in 99.4%
/// of cases, at J = 0.2 in 92.6% and at J = 0.15 in 76% (the rest of a family is found through
/// its other members). Such wide bands also catch many unrelated pairs (J = 0.03: 5.6%), so each
/// candidate is first screened on its signatures (at least `0.6 × threshold` of the 128 values
/// equal) and then verified exactly on the shingle sets. With 42 bands of 3 rows, 3% of family
/// members were left out on the generated benchmark corpus.
public struct ClusteringOptions: Sendable, Codable, Equatable, Hashable {
  /// Verified pairs need at least this Jaccard similarity of their shingle sets (or this
  /// containment, see `containmentThreshold`). Default 0.15.
  public var threshold: Double
  /// A pair whose smaller shingle set is at least this much contained in the larger one is
  /// kept too, so a short excerpt of a longer memo joins it. Default 0.5.
  public var containmentThreshold: Double
  /// LSH bands. Default 64.
  public var bands: Int
  /// Rows (hashes) per band. Default 2.
  public var rows: Int
  /// Words per shingle. Default 5.
  public var shingleSize: Int
  /// Replace numbers and company names with placeholders before shingling. Default true.
  public var masking: Bool
  /// Seed of the MinHash functions (all derived with `StableHash.mix`).
  public var seed: UInt64
  /// Two groups joined only by unsupported pairs stay one cluster only when the mean Jaccard
  /// over all pairs across the groups (average linkage) reaches this value. Default 0.08.
  public var minimumLinkage: Double
  /// Shingles found in at least this share of all documents (and at least
  /// `commonShingleMinimum` documents) are left out of signatures and verification. Default 0.05.
  public var commonShingleFraction: Double
  /// See `commonShingleFraction`. Default 200.
  public var commonShingleMinimum: Int
  /// A shared passage is flagged as boilerplate when its shingles occur (median) in more
  /// documents outside its cluster than inside, and in at least this many outside (or
  /// `boilerplateFraction` of the input, whichever is more). Default 3.
  public var boilerplateMinimum: Int
  /// See `boilerplateMinimum`. Default 0.001.
  public var boilerplateFraction: Double
  /// Gaps of up to this many differing tokens inside a shared run are bridged. Default 3.
  public var passageGap: Int
  /// Shared passages shorter than this many tokens are not reported. Default 8.
  public var passageMinimumTokens: Int

  /// Creates options; every parameter defaults to the tuned value.
  public init(
    threshold: Double = 0.15, containmentThreshold: Double = 0.5, bands: Int = 64,
    rows: Int = 2, shingleSize: Int = 5, masking: Bool = true,
    seed: UInt64 = 0x6d65_6d6f_7363_6f70, minimumLinkage: Double = 0.08,
    commonShingleFraction: Double = 0.05, commonShingleMinimum: Int = 200,
    boilerplateMinimum: Int = 3, boilerplateFraction: Double = 0.001, passageGap: Int = 3,
    passageMinimumTokens: Int = 8
  ) {
    self.threshold = threshold
    self.containmentThreshold = containmentThreshold
    self.bands = bands
    self.rows = rows
    self.shingleSize = shingleSize
    self.masking = masking
    self.seed = seed
    self.minimumLinkage = minimumLinkage
    self.commonShingleFraction = commonShingleFraction
    self.commonShingleMinimum = commonShingleMinimum
    self.boilerplateMinimum = boilerplateMinimum
    self.boilerplateFraction = boilerplateFraction
    self.passageGap = passageGap
    self.passageMinimumTokens = passageMinimumTokens
  }

  /// Hashes per signature: `bands × rows`, and never fewer than 128.
  public var hashCount: Int { max(128, bands * rows) }

  /// Checks that the values make sense together.
  /// - Throws: `ClusteringError.invalidOption` naming the option and the allowed range.
  public func validate() throws(ClusteringError) {
    if !(threshold > 0 && threshold <= 1) {
      throw .invalidOption("threshold", "must be in (0, 1], got \(threshold)")
    }
    if !(containmentThreshold > 0 && containmentThreshold <= 1) {
      throw .invalidOption(
        "containmentThreshold", "must be in (0, 1], got \(containmentThreshold)")
    }
    if bands < 1 || rows < 1 || bands * rows > 1024 {
      throw .invalidOption("bands×rows", "must be positive with at most 1024 hashes")
    }
    if shingleSize < 1 || shingleSize > 16 {
      throw .invalidOption("shingleSize", "must be 1…16, got \(shingleSize)")
    }
    if passageGap < 0 || passageMinimumTokens < 1 {
      throw .invalidOption("passageGap", "gap must be >= 0 and minimum tokens >= 1")
    }
  }
}

/// Why clustering could not run.
public enum ClusteringError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An option is out of range: the option's name and what is wrong.
  case invalidOption(String, String)

  public var description: String {
    switch self {
    case .invalidOption(let name, let problem):
      "clustering option '\(name)': \(problem). Use the default or a value in range."
    }
  }
}
