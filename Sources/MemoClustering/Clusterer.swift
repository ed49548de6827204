import Dispatch
import Foundation
import MemoCore

/// Groups near-duplicate memos: shingles, MinHash, LSH banding, exact verification, clusters
/// guarded against chaining, and the passages each cluster shares.
///
/// ```swift
/// let result = try Clusterer().cluster(memos)
/// for cluster in result.clusters { print(cluster.members.map(\.source)) }
/// ```
///
/// The result does not depend on the order of the input: memos are first put in a canonical
/// order (by source, then content).
public struct Clusterer: Sendable {
  /// The settings used.
  public var options: ClusteringOptions

  /// Creates a clusterer.
  public init(options: ClusteringOptions = ClusteringOptions()) {
    self.options = options
  }

  /// Clusters memos held in memory.
  /// - Throws: `ClusteringError.invalidOption` when the options are out of range.
  public func cluster(_ memos: [Memo]) throws(ClusteringError) -> ClusterResult {
    try cluster(count: memos.count) { memos[$0] }
  }

  /// Clusters `count` memos loaded on demand, so big inputs need not stay in memory.
  ///
  /// `memo` is called concurrently, once per memo while fingerprinting and once more for each
  /// memo a shared passage is quoted from (each memo is tokenized once; passages are found from
  /// what fingerprinting kept); it must return the same memo each time, or `nil` to skip an
  /// index (for input that failed to load).
  ///
  /// - Complexity: O(words × hashes / cores) for signatures, plus the candidate pairs.
  /// - Throws: `ClusteringError.invalidOption` when the options are out of range.
  public func cluster(count: Int, memo: @Sendable (Int) -> Memo?) throws(ClusteringError)
    -> ClusterResult
  {
    try options.validate()
    let options = options
    var timer = PhaseTimer()
    // 1. Fingerprints: tokens → shingle sets, concurrently.
    var documents: [Fingerprint] = {
      var loaded: [Fingerprint?] = Parallel.map(count: count) { index in
        memo(index).map { Fingerprint(memo: $0, index: index, options: options) }
      }
      // Sort positions, not the (large) fingerprints themselves, by keys taken out once:
      // comparing fingerprints copied (retained and released) all their arrays each time.
      let present = loaded.indices.filter { loaded[$0] != nil }
      let keys = present.map { loaded[$0]!.orderKey }
      let order = keys.indices.sorted { Fingerprint.canonicalOrder(keys[$0], keys[$1]) }
      // Moved out in that order, not copied: a copy retains every array and string it holds.
      var sorted: [Fingerprint] = []
      sorted.reserveCapacity(order.count)
      for position in order { sorted.append(loaded[present[position]].take()!) }
      return sorted
    }()
    let n = documents.count
    timer.lap(
      "fingerprints (\(n) memos, \(documents.reduce(0) { $0 + $1.shingles.count }) shingles)")

    // 2. Document frequency of shingles; very common ones are ignored for similarity.
    let sketch = DocumentFrequencySketch(counting: documents.map(\.shingles))
    let commonDocuments = max(
      options.commonShingleMinimum,
      Int((options.commonShingleFraction * Double(n)).rounded(.up)))
    let boilerplateDocuments = max(
      options.boilerplateMinimum, Int((options.boilerplateFraction * Double(n)).rounded(.up)))
    let frozenSketch = sketch
    // Move the shingle sets out and partition them in place, so only one copy is alive: the
    // shingles kept for similarity first, then the common ones (passages still need them).
    var sets = ShingleSets(values: documents.map(\.shingles))
    for index in 0..<n { documents[index].shingles = [] }
    sets.setAside(reaching: commonDocuments, in: frozenSketch)
    timer.lap(
      "document frequency (common at \(commonDocuments) memos, \(sets.keptCount) shingles kept)"
    )

    // 3. Signatures, 4. candidate pairs, 5. exact verification.
    let frozenSets = sets
    // In a closure, so the signatures are freed as soon as the pairs are found.
    let (edges, candidateCount) = { () -> ([ClusterGraph.Edge], Int) in
      let hasher = MinHasher(count: options.hashCount, seed: options.seed)
      let signatures = Self.signatures(of: frozenSets, hasher: hasher)
      timer.lap("signatures")
      return LSHIndex.verifiedPairs(
        signatures: signatures, hashes: hasher.count, bands: options.bands, rows: options.rows,
        skip: frozenSets.kept.map { $0 == 0 },
        minimumAgreement: Int((options.threshold * 0.6 * Double(hasher.count)).rounded(.down))
      ) { a, b in
        let (jaccard, containment) = frozenSets.similarity(a, b)
        guard jaccard >= options.threshold || containment >= options.containmentThreshold else {
          return nil
        }
        return ClusterGraph.Edge(a: a, b: b, jaccard: jaccard, containment: containment)
      }
    }()
    timer.lap(
      "signatures, LSH and verification (\(candidateCount) pairs verified, \(edges.count) kept)")

    // 6. Clusters with the chaining guard.
    let (groups, cutIndices) = ClusterGraph.clusters(
      documents: n, edges: edges, minimumLinkage: options.minimumLinkage,
      jaccard: { frozenSets.similarity($0, $1).jaccard })
    timer.lap("chaining guard (\(groups.count) groups, \(cutIndices.count) cut)")

    // 7. Members in date order, pairs and shared passages, concurrently over clusters.
    var edgesByGroup = [[ClusterGraph.Edge]](repeating: [], count: groups.count)
    var groupOf = [Int](repeating: -1, count: n)
    for (g, group) in groups.enumerated() { for d in group { groupOf[d] = g } }
    for edge in edges where groupOf[edge.a] >= 0 && groupOf[edge.a] == groupOf[edge.b] {
      edgesByGroup[groupOf[edge.a]].append(edge)
    }
    let frozenDocuments = documents
    let frozenEdges = edgesByGroup
    var clusters: [MemoCluster] = Parallel.map(count: groups.count, minimumChunk: 1) { g in
      Self.describe(
        group: groups[g], edges: frozenEdges[g], documents: frozenDocuments, shingles: frozenSets,
        memo: memo, options: options, sketch: frozenSketch,
        boilerplateDocuments: boilerplateDocuments)
    }
    timer.lap("clusters and passages (\(groups.count) clusters)")
    clusters.sort { a, b in
      if a.members.count != b.members.count { return a.members.count > b.members.count }
      return Fingerprint.memberOrder(a.members[0], b.members[0])
    }
    for index in clusters.indices { clusters[index].id = index + 1 }
    let cutPairs = cutIndices.map { index in
      let edge = edges[index]
      let (first, second) =
        Fingerprint.memberOrder(documents[edge.a].member, documents[edge.b].member)
        ? (edge.a, edge.b) : (edge.b, edge.a)
      return ClusterPair(
        a: documents[first].source, b: documents[second].source, jaccard: edge.jaccard,
        containment: edge.containment)
    }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    let parameters = ClusterParameters(
      threshold: options.threshold, containmentThreshold: options.containmentThreshold,
      bands: options.bands, rows: options.rows, hashes: options.hashCount,
      shingleSize: options.shingleSize, masking: options.masking,
      minimumLinkage: options.minimumLinkage, commonShingleDocuments: commonDocuments,
      boilerplateDocuments: boilerplateDocuments)
    return ClusterResult(
      parameters: parameters, documents: n, clusters: clusters, cutPairs: cutPairs)
  }

  /// All signatures in one flat buffer, `hasher.count` values per document.
  static func signatures(of sets: ShingleSets, hasher: MinHasher) -> [UInt32] {
    let k = hasher.count
    let count = sets.values.count
    // Not zeroed first: the hasher writes every value (an empty set gets all ones), and the
    // buffer's fresh pages are touched by the workers, not by one thread beforehand.
    return [UInt32](unsafeUninitializedCapacity: count * k) { buffer, initialized in
      let shared = UncheckedSendable(value: buffer)
      Parallel.forEachChunk(count: count, minimumChunk: 64) { range in
        for index in range {
          let slice = UnsafeMutableBufferPointer(
            rebasing: shared.value[(index * k)..<((index + 1) * k)])
          sets.values[index].withUnsafeBufferPointer { set in
            hasher.signature(
              of: UnsafeBufferPointer(rebasing: set[0..<sets.kept[index]]), into: slice)
          }
        }
      }
      initialized = count * k
    }
  }

  /// Builds one cluster's description: ordered members, pairs, passages, coverage.
  ///
  /// Passages come from what fingerprinting kept (`Fingerprint.ranks` into the shingle sets),
  /// so memos are not read and tokenized again, except those whose text a passage quotes
  /// (only the quoted paragraph is tokenized) and any memo too long to have ranks.
  static func describe(
    group: [Int], edges: [ClusterGraph.Edge], documents: [Fingerprint],
    shingles: ShingleSets, memo: @Sendable (Int) -> Memo?, options: ClusteringOptions,
    sketch: DocumentFrequencySketch, boilerplateDocuments: Int
  ) -> MemoCluster {
    let ordered = group.sorted {
      Fingerprint.memberOrder(documents[$0].member, documents[$1].member)
    }
    var position: [Int: Int] = [:]
    for (index, d) in ordered.enumerated() { position[d] = index }
    /// A member's memo and tokens, read again (once) when it has no ranks.
    var reread: [Int: (paragraphs: [String], tokens: [ClusterToken])] = [:]
    func tokens(of index: Int) -> (paragraphs: [String], tokens: [ClusterToken]) {
      if let known = reread[index] { return known }
      let found =
        memo(documents[ordered[index]].inputIndex).map {
          ($0.paragraphs, ClusterTokenizer.tokens(of: $0, masking: options.masking))
        } ?? ([], [])
      reread[index] = found
      return found
    }
    /// Members read again for a quoted passage, and their paragraphs tokenized alone (which
    /// gives the same tokens as in the whole memo: see `ClusterTokenizer.tokens(of:paragraph:)`).
    var quotedMemos: [Int: Memo?] = [:]
    var quotedParagraphs: [Int64: [ClusterToken]] = [:]
    let passageDocuments = ordered.indices.map { index -> PassageDocument in
      let d = ordered[index]
      // Fields read one by one: a whole fingerprint copied retains all its arrays and strings.
      guard let ranks = documents[d].ranks else {
        return PassageDocument(
          source: documents[d].source, tokens: tokens(of: index).tokens,
          shingleSize: options.shingleSize)
      }
      return PassageDocument(
        source: documents[d].source, tokenCount: documents[d].tokenCount,
        paragraphStarts: documents[d].paragraphStarts, ranks: ranks,
        shingles: shingles.unfiltered(d), shingleSize: options.shingleSize)
    }
    let (passages, coverage) = PassageAnalysis.run(
      passageDocuments, options: options, documentFrequency: { sketch.count($0) },
      boilerplateDocuments: boilerplateDocuments
    ) { document, first, last in
      let d = ordered[document]
      guard documents[d].ranks != nil else {
        let (paragraphs, tokens) = tokens(of: document)
        guard last < tokens.count else { return "" }
        return PassageAnalysis.text(
          paragraphs: paragraphs, first: tokens[first], last: tokens[last])
      }
      let paragraph = Int(passageDocuments[document].paragraphs[first])
      if quotedMemos[document] == nil { quotedMemos[document] = memo(documents[d].inputIndex) }
      // The passage lies in one paragraph: tokenize only that one.
      var offset = 0
      let paragraphStarts = documents[d].paragraphStarts
      for index in stride(from: 0, to: paragraphStarts.count, by: 2)
      where paragraphStarts[index] == Int32(paragraph) {
        offset = Int(paragraphStarts[index + 1])
      }
      guard let memo = quotedMemos[document]!, paragraph < memo.paragraphs.count else {
        return ""
      }
      let key = Int64(document) << 32 | Int64(paragraph)
      if quotedParagraphs[key] == nil {
        quotedParagraphs[key] = ClusterTokenizer.tokens(
          of: memo, paragraph: paragraph, masking: options.masking)
      }
      let tokens = quotedParagraphs[key]!
      guard first >= offset, last - offset < tokens.count else { return "" }
      return PassageAnalysis.text(
        paragraphs: memo.paragraphs, first: tokens[first - offset], last: tokens[last - offset])
    }
    var members: [ClusterMember] = []
    for (index, d) in ordered.enumerated() {
      var member = documents[d].member
      member.coverage = coverage[index]
      members.append(member)
    }
    let pairs = edges.map { edge -> (Int, Int, ClusterGraph.Edge) in
      let x = position[edge.a]!
      let y = position[edge.b]!
      return (min(x, y), max(x, y), edge)
    }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { x, y, edge in
      ClusterPair(
        a: members[x].source, b: members[y].source, jaccard: edge.jaccard,
        containment: edge.containment)
    }
    return MemoCluster(id: 0, members: members, pairs: pairs, passages: passages)
  }
}

/// What clustering keeps of a memo between stages: metadata and its shingle set.
struct Fingerprint: Sendable {
  var inputIndex: Int
  var source: String
  var title: String?
  var company: String?
  var date: String?
  var tokenCount: Int
  var contentKey: UInt64
  var shingles: [UInt32]
  /// For each shingle position, its index in `shingles` as first computed (before common
  /// shingles were set aside); nil for a memo too long for 16-bit indices.
  var ranks: [UInt16]?
  /// `(paragraph, first token)` for each paragraph with tokens (see `PassageDocument`).
  var paragraphStarts: [Int32]

  init(memo: Memo, index: Int, options: ClusteringOptions) {
    let tokens = ClusterTokenizer.tokens(of: memo, masking: options.masking)
    inputIndex = index
    source = memo.source
    title = memo.title
    company = memo.company
    date = memo.date
    tokenCount = tokens.count
    // Identifies the content for ordering memos that share a source (never printed).
    var key = StableHash.mix(UInt64(memo.paragraphs.count), seed: UInt64(tokens.count))
    for token in tokens { key = StableHash.mix(key ^ token.key, seed: UInt64(token.end)) }
    contentKey = key ^ StableHash.of((memo.title ?? "") + "\u{0}" + (memo.date ?? ""))
    (shingles, ranks) = Shingles.setAndRanks(of: tokens, size: options.shingleSize)
    paragraphStarts = PassageDocument.paragraphStarts(of: tokens)
  }

  var member: ClusterMember {
    ClusterMember(
      source: source, title: title, company: company, date: date, tokens: tokenCount,
      coverage: 0)
  }

  /// What the canonical order compares.
  struct OrderKey {
    var source: String
    var contentKey: UInt64
    var tokenCount: Int
  }

  var orderKey: OrderKey {
    OrderKey(source: source, contentKey: contentKey, tokenCount: tokenCount)
  }

  /// Input-independent order: source, then content.
  static func canonicalOrder(_ a: OrderKey, _ b: OrderKey) -> Bool {
    if a.source != b.source { return a.source < b.source }
    if a.contentKey != b.contentKey { return a.contentKey < b.contentKey }
    return a.tokenCount < b.tokenCount
  }

  /// Member order: dated before undated, by date, then by source.
  static func memberOrder(_ a: ClusterMember, _ b: ClusterMember) -> Bool {
    switch (a.date, b.date) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return a.source < b.source
    }
  }
}

/// Each document's sorted shingle set, partitioned: the shingles kept for similarity first
/// (`values[d][0..<kept[d]]`, sorted), then the common ones set aside (sorted), in the one
/// allocation fingerprinting made.
struct ShingleSets: Sendable {
  var values: [[UInt32]]
  /// How many shingles of each document are kept for similarity.
  var kept: [Int]

  init(values: [[UInt32]]) {
    self.values = values
    kept = values.map(\.count)
  }

  /// Moves the shingles found in at least `threshold` documents behind the others,
  /// concurrently. (The sketch is passed, not a closure: its lookup inlined in the loop lets
  /// the processor overlap the cache misses of many shingles.)
  mutating func setAside(reaching threshold: Int, in sketch: DocumentFrequencySketch) {
    let count = values.count
    values.withUnsafeMutableBufferPointer { values in
      kept.withUnsafeMutableBufferPointer { kept in
        let shared = UncheckedSendable(value: (values, kept))
        Parallel.forEachChunk(count: count, minimumChunk: 256) { range in
          var aside: [UInt32] = []
          for index in range {
            aside.removeAll(keepingCapacity: true)
            shared.value.1[index] = shared.value.0[index].withUnsafeMutableBufferPointer { set in
              var keptCount = 0
              for position in 0..<set.count {
                let shingle = set[position]
                if sketch.reaches(shingle, threshold) {
                  aside.append(shingle)
                } else {
                  set[keptCount] = shingle
                  keptCount += 1
                }
              }
              for (offset, shingle) in aside.enumerated() { set[keptCount + offset] = shingle }
              return keptCount
            }
          }
        }
      }
    }
  }

  /// All kept shingles.
  var keptCount: Int { kept.reduce(0, +) }

  /// Jaccard similarity and containment of two documents' kept shingles.
  func similarity(_ a: Int, _ b: Int) -> (jaccard: Double, containment: Double) {
    // Through the outer buffer: `values[a]` on the array itself retained and released the
    // inner array on every call (55,000 verified pairs, and the chaining guard).
    values.withUnsafeBufferPointer { values in
      values[a].withUnsafeBufferPointer { x in
        values[b].withUnsafeBufferPointer { y in
          Shingles.similarity(
            UnsafeBufferPointer(rebasing: x[0..<kept[a]]),
            UnsafeBufferPointer(rebasing: y[0..<kept[b]]))
        }
      }
    }
  }

  /// The document's whole sorted set as fingerprinting computed it (what `ranks` index): the
  /// kept and the set-aside shingles merged back.
  func unfiltered(_ document: Int) -> [UInt32] {
    let values = values[document]
    let split = kept[document]
    guard split < values.count else { return values }
    return [UInt32](unsafeUninitializedCapacity: values.count) { merged, initialized in
      values.withUnsafeBufferPointer { values in
        var i = 0
        var j = split
        var out = 0
        while i < split && j < values.count {
          let x = values[i]
          let y = values[j]
          merged[out] = x < y ? x : y
          i += x < y ? 1 : 0
          j += x < y ? 0 : 1
          out += 1
        }
        while i < split {
          merged[out] = values[i]
          i += 1
          out += 1
        }
        while j < values.count {
          merged[out] = values[j]
          j += 1
          out += 1
        }
      }
      initialized = values.count
    }
  }
}

/// Prints phase durations (wall and process CPU time) and page faults to stderr when
/// `MEMOSCOPE_TIMING` is set (for tuning; CPU near twice the wall time means both cores of a
/// 2-core machine were busy; each fault is a fresh 4 KiB page the kernel zeroes).
package struct PhaseTimer {
  private let enabled = getenv("MEMOSCOPE_TIMING") != nil
  private var last = DispatchTime.now().uptimeNanoseconds
  private var lastCPU = PhaseTimer.cpuSeconds()
  private var lastFaults = PhaseTimer.faults()

  /// Starts timing now.
  package init() {}

  /// Prints the time since the last lap (or the start) with `label`.
  package mutating func lap(_ label: @autoclosure () -> String) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    let cpu = Self.cpuSeconds()
    var usage = rusage()
    Self.usage(&usage)
    let faults = Int(usage.ru_minflt)
    let line = String(
      format: "%8.3f s wall %8.3f s cpu %6d MB peak %7d faults  %@\n",
      Double(now - last) / 1e9, cpu - lastCPU, usage.ru_maxrss / 1024, faults - lastFaults,
      label())
    FileHandle.standardError.write(Data(line.utf8))
    last = now
    lastCPU = cpu
    lastFaults = faults
  }

  private static func faults() -> Int {
    var usage = rusage()
    Self.usage(&usage)
    return Int(usage.ru_minflt)
  }

  private static func usage(_ usage: inout rusage) {
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
  }

  /// User and system time of the whole process so far.
  private static func cpuSeconds() -> Double {
    var usage = rusage()
    Self.usage(&usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
  }
}
