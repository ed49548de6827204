/// What `Clusterer` found: groups of near-duplicate memos with their shared passages.
///
/// Everything is sorted by explicit keys, so the same memos in any order give an equal value
/// (and the same JSON bytes).
public struct ClusterResult: Sendable, Codable, Equatable {
  /// The settings the result was computed with.
  public var parameters: ClusterParameters
  /// How many memos were compared.
  public var documents: Int
  /// Clusters of two or more memos, largest first (ties: earliest member's date, then source).
  /// Memos similar to nothing are not listed.
  public var clusters: [MemoCluster]
  /// Verified pairs that the chaining guard cut because they were the only, weakly supported
  /// link between two groups (see `ClusteringOptions.minimumLinkage`).
  public var cutPairs: [ClusterPair]

  /// Creates a result.
  public init(
    parameters: ClusterParameters, documents: Int, clusters: [MemoCluster],
    cutPairs: [ClusterPair]
  ) {
    self.parameters = parameters
    self.documents = documents
    self.clusters = clusters
    self.cutPairs = cutPairs
  }
}

/// The parameters reported with a result.
public struct ClusterParameters: Sendable, Codable, Equatable {
  /// Verification threshold on Jaccard similarity.
  public var threshold: Double
  /// Verification threshold on containment.
  public var containmentThreshold: Double
  /// LSH bands.
  public var bands: Int
  /// Rows per band.
  public var rows: Int
  /// MinHash functions per signature.
  public var hashes: Int
  /// Words per shingle.
  public var shingleSize: Int
  /// Whether numbers and company names were masked.
  public var masking: Bool
  /// Minimum average linkage for weakly linked groups to stay together.
  public var minimumLinkage: Double
  /// Shingles in at least this many documents were ignored for similarity.
  public var commonShingleDocuments: Int
  /// Passages whose shingles occur in at least this many documents outside the cluster are
  /// flagged as boilerplate.
  public var boilerplateDocuments: Int

  /// Creates parameters.
  public init(
    threshold: Double, containmentThreshold: Double, bands: Int, rows: Int, hashes: Int,
    shingleSize: Int, masking: Bool, minimumLinkage: Double, commonShingleDocuments: Int,
    boilerplateDocuments: Int
  ) {
    self.threshold = threshold
    self.containmentThreshold = containmentThreshold
    self.bands = bands
    self.rows = rows
    self.hashes = hashes
    self.shingleSize = shingleSize
    self.masking = masking
    self.minimumLinkage = minimumLinkage
    self.commonShingleDocuments = commonShingleDocuments
    self.boilerplateDocuments = boilerplateDocuments
  }
}

/// A group of memos that share a template.
public struct MemoCluster: Sendable, Codable, Equatable {
  /// 1-based position in `ClusterResult.clusters`.
  public var id: Int
  /// The members ordered by date (undated after dated), then source. The first is the likely
  /// origin of the template.
  public var members: [ClusterMember]
  /// Every verified pair inside the cluster, sorted by `a`, then `b`.
  public var pairs: [ClusterPair]
  /// Runs of text shared by two or more members; boilerplate last, then longest first.
  public var passages: [SharedPassage]

  /// Creates a cluster.
  public init(
    id: Int, members: [ClusterMember], pairs: [ClusterPair], passages: [SharedPassage]
  ) {
    self.id = id
    self.members = members
    self.pairs = pairs
    self.passages = passages
  }
}

/// One memo of a cluster.
public struct ClusterMember: Sendable, Codable, Equatable {
  /// The memo's `source`.
  public var source: String
  /// The memo's title, when known.
  public var title: String?
  /// The memo's company, when known.
  public var company: String?
  /// The memo's date (`YYYY-MM-DD`), when known.
  public var date: String?
  /// Words in the memo.
  public var tokens: Int
  /// Share of the memo's words inside passages it shares with other members (boilerplate not
  /// counted), 0…1.
  public var coverage: Double

  /// Creates a member.
  public init(
    source: String, title: String?, company: String?, date: String?, tokens: Int,
    coverage: Double
  ) {
    self.source = source
    self.title = title
    self.company = company
    self.date = date
    self.tokens = tokens
    self.coverage = coverage
  }

  private enum CodingKeys: String, CodingKey {
    case source, title, company, date, tokens, coverage
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    source = try container.decode(String.self, forKey: .source)
    title = try container.decodeIfPresent(String.self, forKey: .title)
    company = try container.decodeIfPresent(String.self, forKey: .company)
    date = try container.decodeIfPresent(String.self, forKey: .date)
    tokens = try container.decode(Int.self, forKey: .tokens)
    coverage = try container.decode(Double.self, forKey: .coverage)
  }

  /// Encodes every key, with `null` for unknown metadata, so the schema is stable.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(title, forKey: .title)
    try container.encode(company, forKey: .company)
    try container.encode(date, forKey: .date)
    try container.encode(tokens, forKey: .tokens)
    try container.encode(coverage, forKey: .coverage)
  }
}

/// A verified pair of memos with its exact similarity.
public struct ClusterPair: Sendable, Codable, Equatable, Hashable {
  /// The source of the first memo (the smaller in member order).
  public var a: String
  /// The source of the second memo.
  public var b: String
  /// Jaccard similarity of the two shingle sets, 0…1.
  public var jaccard: Double
  /// Shared shingles over the smaller set's size, 0…1.
  public var containment: Double

  /// Creates a pair.
  public init(a: String, b: String, jaccard: Double, containment: Double) {
    self.a = a
    self.b = b
    self.jaccard = jaccard
    self.containment = containment
  }
}

/// A run of text that two or more memos share.
public struct SharedPassage: Sendable, Codable, Equatable {
  /// The passage as written in its earliest member, sliced from the original paragraph.
  /// With masking, other members may have other names or numbers in the same places.
  public var text: String
  /// Sources of the members containing it, in member order.
  public var members: [String]
  /// Words in the passage.
  public var tokens: Int
  /// Mean share of its members' words that the passage makes up, 0…1.
  public var coverage: Double
  /// True when the passage recurs in many documents outside the group (legal footers,
  /// boilerplate); such passages do not count toward member coverage.
  public var boilerplate: Bool
  /// In how many input documents the passage's shingles occur (median over its shingles).
  public var documentFrequency: Int

  /// Creates a passage.
  public init(
    text: String, members: [String], tokens: Int, coverage: Double, boilerplate: Bool,
    documentFrequency: Int
  ) {
    self.text = text
    self.members = members
    self.tokens = tokens
    self.coverage = coverage
    self.boilerplate = boilerplate
    self.documentFrequency = documentFrequency
  }
}
