import MemoCore

/// Finds the passages a set of memos share, for `memoscope compare` and cluster reports.
public struct PassageFinder: Sendable {
  /// Shingle size, masking, gap and minimum length come from here.
  public var options: ClusteringOptions

  /// Creates a finder.
  public init(options: ClusteringOptions = ClusteringOptions()) {
    self.options = options
  }

  /// The passages shared by two or more of `memos`, and how much of each memo they cover.
  ///
  /// A passage is a maximal run of words, inside one paragraph, whose word `shingleSize`-grams
  /// also occur in another memo; gaps of up to `passageGap` differing words are bridged, so a
  /// swapped name or number does not split it. Its text is quoted from the first memo (in the
  /// order given) that contains it. Passages are never flagged as boilerplate here, since there
  /// is no corpus to count document frequency in.
  ///
  /// - Parameter memos: The memos, in the order their sources should be listed.
  /// - Returns: The passages (longest first) and each memo's coverage, in input order.
  /// - Complexity: O(total words) with hashing.
  public func sharedPassages(among memos: [Memo]) -> PassageReport {
    let tokens = memos.map { ClusterTokenizer.tokens(of: $0, masking: options.masking) }
    let documents = memos.indices.map {
      PassageDocument(
        source: memos[$0].source, tokens: tokens[$0], shingleSize: options.shingleSize)
    }
    let found = PassageAnalysis.run(
      documents, options: options, documentFrequency: nil, boilerplateDocuments: Int.max
    ) { document, first, last in
      PassageAnalysis.text(
        paragraphs: memos[document].paragraphs, first: tokens[document][first],
        last: tokens[document][last])
    }
    return PassageReport(passages: found.passages, coverage: found.coverage)
  }
}

/// The passages shared among a few memos, and each memo's reused share.
public struct PassageReport: Sendable, Codable, Equatable {
  /// Shared passages, longest first.
  public var passages: [SharedPassage]
  /// For each memo, in the order given, the share of its words inside shared passages (0…1).
  public var coverage: [Double]

  /// Creates a report.
  public init(passages: [SharedPassage], coverage: [Double]) {
    self.passages = passages
    self.coverage = coverage
  }
}

/// What passage analysis needs of a memo: for each token its paragraph, and the hash of the
/// k-gram starting there when the k tokens lie in one paragraph.
struct PassageDocument: Sendable {
  var source: String
  /// The paragraph of each token.
  var paragraphs: [Int32]
  /// For each token, the in-paragraph k-gram starting there (`Shingles.hash`), or nil.
  var grams: [UInt32?]

  var tokenCount: Int { paragraphs.count }

  /// From the tokens themselves.
  init(source: String, tokens: [ClusterToken], shingleSize k: Int) {
    self.source = source
    paragraphs = tokens.map(\.paragraph)
    var grams = [UInt32?](repeating: nil, count: tokens.count)
    tokens.withUnsafeBufferPointer { tokens in
      var position = 0
      while position + k <= tokens.count {
        if tokens[position].paragraph == tokens[position + k - 1].paragraph {
          grams[position] = Shingles.hash(tokens, start: position, size: k)
        }
        position += 1
      }
    }
    self.grams = grams
  }

  /// From what fingerprinting kept: the shingle at each start position as an index into the
  /// document's sorted shingle set (`Shingles.setAndRanks`), and where each paragraph's tokens
  /// begin. Gives the same grams as `init(source:tokens:shingleSize:)` on the same tokens.
  init(
    source: String, tokenCount: Int, paragraphStarts: [Int32], ranks: [UInt16],
    shingles: [UInt32], shingleSize k: Int
  ) {
    self.source = source
    var paragraphs = [Int32](repeating: 0, count: tokenCount)
    var index = 0
    while index < paragraphStarts.count {
      let paragraph = paragraphStarts[index]
      let first = Int(paragraphStarts[index + 1])
      let end = index + 2 < paragraphStarts.count ? Int(paragraphStarts[index + 3]) : tokenCount
      for token in first..<end { paragraphs[token] = paragraph }
      index += 2
    }
    var grams = [UInt32?](repeating: nil, count: tokenCount)
    var position = 0
    while position + k <= tokenCount {
      if paragraphs[position] == paragraphs[position + k - 1] {
        grams[position] = shingles[Int(ranks[position])]
      }
      position += 1
    }
    self.paragraphs = paragraphs
    self.grams = grams
  }

  /// `(paragraph, first token)` for each paragraph that has tokens, flattened, in order.
  static func paragraphStarts(of tokens: [ClusterToken]) -> [Int32] {
    var starts: [Int32] = []
    for (index, token) in tokens.enumerated()
    where index == 0 || tokens[index - 1].paragraph != token.paragraph {
      starts.append(token.paragraph)
      starts.append(Int32(index))
    }
    return starts
  }
}

/// The passage algorithm over tokenized documents.
enum PassageAnalysis {
  struct Run {
    var document: Int
    var first: Int
    var last: Int
    /// Where the run's shared k-grams are in the analysis's flat list of gram slots.
    var grams: Range<Int>
    var length: Int { last - first + 1 }
  }

  /// Finds shared passages; `documentFrequency` maps a shingle to its corpus document count,
  /// and `text` gives the original text from token `first` to token `last` of a document.
  static func run(
    _ documents: [PassageDocument], options: ClusteringOptions,
    documentFrequency: (@Sendable (UInt32) -> Int)?, boilerplateDocuments: Int,
    text: (_ document: Int, _ first: Int, _ last: Int) -> String
  ) -> (passages: [SharedPassage], coverage: [Double]) {
    let k = options.shingleSize
    // 1. In how many documents each in-paragraph k-gram occurs; each position's slot in the
    //    table is kept, so later steps read the count (and the owner) without hashing again.
    var occurrence = GramTable(capacity: documents.reduce(0) { $0 + $1.tokenCount })
    var firstPosition: [Int] = []
    var slotAt: [Int32] = []
    slotAt.reserveCapacity(documents.reduce(0) { $0 + $1.tokenCount })
    for (index, document) in documents.enumerated() {
      firstPosition.append(slotAt.count)
      for gram in document.grams {
        if let gram {
          slotAt.append(Int32(truncatingIfNeeded: occurrence.add(gram, document: index)))
        } else {
          slotAt.append(-1)
        }
      }
    }
    // 2. Runs of covered words per document, gaps bridged, inside one paragraph.
    var runs: [Run] = []
    /// The slots of each run's shared k-grams, run after run (`Run.grams`).
    var runSlots: [Int32] = []
    var sharedGram: [Bool] = []
    var covered: [Bool] = []
    for (index, document) in documents.enumerated() {
      let paragraphOf = document.paragraphs
      let count = paragraphOf.count
      let base = firstPosition[index]
      // Whether the k-gram at each position occurs in another document too, and whether a
      // shared k-gram covers the position: one starts at most k - 1 positions before it, so
      // a running end of cover marks each position once (a k-gram only starts where all k
      // of its tokens are in the document).
      sharedGram.removeAll(keepingCapacity: true)
      covered.removeAll(keepingCapacity: true)
      var coveredThrough = -1
      for position in 0..<count {
        let slot = slotAt[base + position]
        let shared = slot >= 0 && occurrence.documents(atSlot: Int(slot)) >= 2
        sharedGram.append(shared)
        if shared { coveredThrough = max(coveredThrough, position + k - 1) }
        covered.append(position <= coveredThrough)
      }
      var position = 0
      while position < count {
        guard covered[position] else {
          position += 1
          continue
        }
        let first = position
        var last = position
        var next = position + 1
        while next < count && paragraphOf[next] == paragraphOf[first] {
          if covered[next] {
            last = next
            next += 1
          } else if next - last <= options.passageGap {
            next += 1
          } else {
            break
          }
        }
        let gramStart = runSlots.count
        for p in first...last where sharedGram[p] { runSlots.append(slotAt[base + p]) }
        runs.append(
          Run(document: index, first: first, last: last, grams: gramStart..<runSlots.count))
        position = last + 1
      }
    }
    // 3. Runs sharing a k-gram are one passage (the first run with a k-gram owns it).
    var sameText = DisjointSets(count: runs.count)
    var owner = [Int32](repeating: -1, count: occurrence.slotCount)
    for (id, run) in runs.enumerated() {
      for slot in runSlots[run.grams] {
        let other = owner[Int(slot)]
        if other >= 0 {
          sameText.union(Int(other), id)
        } else {
          owner[Int(slot)] = Int32(id)
        }
      }
    }
    // Runs grouped by their set's root, groups in ascending root order, runs in id order.
    let roots = runs.indices.map { sameText.root($0) }
    let order = runs.indices.sorted { roots[$0] != roots[$1] ? roots[$0] < roots[$1] : $0 < $1 }
    // 4. Describe each passage; keep those in two or more documents and long enough.
    var passages: [(passage: SharedPassage, runs: [Int])] = []
    var words = [Int](repeating: 0, count: documents.count)
    var groupStart = 0
    while groupStart < order.count {
      var groupEnd = groupStart + 1
      while groupEnd < order.count && roots[order[groupEnd]] == roots[order[groupStart]] {
        groupEnd += 1
      }
      let ids = Array(order[groupStart..<groupEnd])
      groupStart = groupEnd
      var members: [Int] = []
      for id in ids where words[runs[id].document] == 0 {
        members.append(runs[id].document)
        words[runs[id].document] = -1
      }
      members.sort()
      for member in members { words[member] = 0 }
      guard members.count >= 2 else { continue }
      var origin = -1
      var longest = 0
      for id in ids {
        let run = runs[id]
        longest = max(longest, run.length)
        guard run.document == members[0] else { continue }
        // The longest run of the first member; the earliest among equally long ones.
        if origin < 0 || run.length > runs[origin].length
          || (run.length == runs[origin].length && run.first < runs[origin].first)
        {
          origin = id
        }
      }
      let run = runs[origin]
      guard longest >= options.passageMinimumTokens else { continue }
      for id in ids { words[runs[id].document] += runs[id].length }
      var coverage = 0.0
      for member in members {
        coverage += Double(words[member]) / Double(max(1, documents[member].tokenCount))
        words[member] = 0
      }
      coverage /= Double(members.count)
      var frequency = members.count
      if let documentFrequency, !run.grams.isEmpty {
        let counts = runSlots[run.grams].map { documentFrequency(occurrence.key(atSlot: Int($0))) }
          .sorted()
        frequency = max(members.count, counts[counts.count / 2])
      }
      let passage = SharedPassage(
        text: text(run.document, run.first, run.last),
        members: members.map { documents[$0].source }, tokens: run.length,
        coverage: coverage,
        boilerplate: frequency - members.count >= max(boilerplateDocuments, members.count),
        documentFrequency: frequency)
      passages.append((passage, ids))
    }
    // 5. Member coverage counts only non-boilerplate passages.
    var coveredWords = documents.map { [Bool](repeating: false, count: $0.tokenCount) }
    for entry in passages where !entry.passage.boilerplate {
      for id in entry.runs {
        let run = runs[id]
        for t in run.first...run.last { coveredWords[run.document][t] = true }
      }
    }
    let coverage = coveredWords.map { words in
      words.isEmpty ? 0 : Double(words.reduce(0) { $0 + ($1 ? 1 : 0) }) / Double(words.count)
    }
    let sorted = passages.map(\.passage).sorted { a, b in
      if a.boilerplate != b.boilerplate { return !a.boilerplate }
      if a.tokens != b.tokens { return a.tokens > b.tokens }
      if a.members.count != b.members.count { return a.members.count > b.members.count }
      if a.text != b.text { return a.text < b.text }
      return a.members.lexicographicallyPrecedes(b.members)
    }
    return (sorted, coverage)
  }

  /// The original text from token `first` to token `last` (one paragraph), sliced by scalar
  /// offsets.
  static func text(paragraphs: [String], first: ClusterToken, last: ClusterToken) -> String {
    text(of: paragraphs[Int(first.paragraph)], from: Int(first.start), to: Int(last.end))
  }

  /// The scalars `start..<end` of `paragraph` (empty when out of range).
  static func text(of paragraph: String, from start: Int, to end: Int) -> String {
    var paragraph = paragraph
    // In an ASCII paragraph scalar offsets are byte offsets.
    let ascii = paragraph.withUTF8 { bytes -> String? in
      guard ClusterTokenizer.ScalarCursor.isASCII(bytes) else { return nil }
      guard start <= end, end <= bytes.count else { return "" }
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    if let ascii { return ascii }
    let scalars = paragraph.unicodeScalars
    guard start <= end, end <= scalars.count else { return "" }
    let from = scalars.index(scalars.startIndex, offsetBy: start)
    let to = scalars.index(scalars.startIndex, offsetBy: end)
    return String(scalars[from..<to])
  }
}
