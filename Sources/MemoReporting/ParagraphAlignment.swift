/// How the paragraphs of two memos correspond, in reading order.
///
/// Long inputs are aligned in linear space and near-linear time: paragraphs whose words occur
/// exactly once on each side anchor the alignment (patience diff: the longest run of such
/// anchors in order on both sides), and only the stretches between anchors are aligned by
/// similarity, each within a bounded table. Stretches too long for their table, and whatever
/// is left once the whole comparison's budget is spent, are matched word for word only and
/// counted in ``coarseParagraphs``. Identical paragraphs found in different places are
/// reported as moved.
public struct ParagraphAlignment: Sendable, Equatable {
  /// One row of the alignment. Paragraph numbers are 0-based here; output shows them 1-based.
  public enum Row: Sendable, Equatable {
    /// Paragraph `left` of the first memo corresponds to paragraph `right` of the second, with
    /// the Jaccard similarity of their word sets.
    case matched(left: Int, right: Int, similarity: Double)
    /// A paragraph of the first memo with no counterpart.
    case leftOnly(Int)
    /// A paragraph of the second memo with no counterpart.
    case rightOnly(Int)
    /// The same words stand at `left` in the first memo and at `right` in the second, out of
    /// the order of the rest; listed where the first memo has it.
    case moved(left: Int, right: Int)
  }

  /// The rows, in the order of both memos.
  public var rows: [Row]
  /// Paragraphs (both sides together) in stretches too long to align by similarity, where
  /// only identical paragraphs were matched; 0 for memos of ordinary length.
  public var coarseParagraphs: Int

  /// The lowest similarity at which two paragraphs may correspond.
  public static let defaultThreshold = 0.3
  /// The largest stretch aligned by similarity, in paragraph pairs (1,000 × 1,000 paragraphs:
  /// 16 MB of tables, well under a second).
  public static let stretchBudget = 1_000_000
  /// Paragraph pairs compared in one alignment at most (about 5 s on one core, measured with
  /// Benchmarks/compare.sh); later stretches are matched word for word only.
  public static let totalBudget = 40_000_000

  /// Creates an alignment from rows.
  public init(rows: [Row], coarseParagraphs: Int = 0) {
    self.rows = rows
    self.coarseParagraphs = coarseParagraphs
  }

  /// Aligns paragraphs monotonically (no crossings) around shared anchors, maximising the
  /// summed similarity of matched pairs between anchors; pairs below `threshold` are never
  /// matched. Then identical paragraphs left unmatched on both sides are marked moved.
  ///
  /// Similarity is the Jaccard index of the paragraphs' sets of lower-cased words. Ties prefer
  /// matching, then earlier paragraphs of the first memo.
  ///
  /// - Complexity: O((n + m) log(n + m)) plus at most `totalBudget` similarity computations,
  ///   in O(n + m + stretchBudget) memory.
  public init(
    left: [String], right: [String], threshold: Double = defaultThreshold,
    stretchBudget: Int = Self.stretchBudget, totalBudget: Int = Self.totalBudget
  ) {
    var aligner = Aligner(
      left: left, right: right, threshold: threshold, stretchBudget: stretchBudget,
      budget: totalBudget)
    aligner.align(0..<left.count, 0..<right.count, depth: 0)
    self.rows = aligner.markMoves()
    self.coarseParagraphs = aligner.coarse
  }

  /// The lower-cased words of a paragraph (letters and digits), in order.
  static func words(_ text: String) -> [String] {
    DiffWord.split(text).lazy.filter { $0.text.first.map(DiffWord.isWord) == true }
      .map { $0.text.lowercased() }
  }

  /// The lower-cased words of a paragraph, as a set.
  static func wordSet(_ text: String) -> Set<String> { Set(words(text)) }

  static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    if a.isEmpty, b.isEmpty { return 0 }
    let common = a.intersection(b).count
    return Double(common) / Double(a.count + b.count - common)
  }
}

/// The working state of one alignment.
private struct Aligner {
  /// Each paragraph's distinct word ids, sorted, on each side.
  let leftWords: [[Int32]], rightWords: [[Int32]]
  /// Each paragraph's key (id of its word sequence; -1 for a paragraph without words).
  let leftKeys: [Int], rightKeys: [Int]
  let threshold: Double
  let stretchBudget: Int
  var budget: Int
  var rows: [ParagraphAlignment.Row] = []
  var coarse = 0

  init(left: [String], right: [String], threshold: Double, stretchBudget: Int, budget: Int) {
    var wordIDs: [String: Int32] = [:]
    var keyIDs: [[Int32]: Int] = [:]
    func prepare(_ text: String) -> (words: [Int32], key: Int) {
      let sequence = ParagraphAlignment.words(text).map { word in
        if let id = wordIDs[word] { return id }
        let id = Int32(wordIDs.count)
        wordIDs[word] = id
        return id
      }
      guard !sequence.isEmpty else { return ([], -1) }
      let key = keyIDs[sequence] ?? keyIDs.count
      keyIDs[sequence] = key
      return (Array(Set(sequence)).sorted(), key)
    }
    let l = left.map(prepare)
    let r = right.map(prepare)
    leftWords = l.map(\.words)
    leftKeys = l.map(\.key)
    rightWords = r.map(\.words)
    rightKeys = r.map(\.key)
    self.threshold = threshold
    self.stretchBudget = stretchBudget
    self.budget = budget
  }

  func similarity(_ i: Int, _ j: Int) -> Double {
    let a = leftWords[i]
    let b = rightWords[j]
    if a.isEmpty || b.isEmpty { return 0 }
    // Jaccard is at most the smaller set over the larger one.
    if Double(min(a.count, b.count)) < threshold * Double(max(a.count, b.count)) { return 0 }
    var x = 0
    var y = 0
    var common = 0
    while x < a.count, y < b.count {
      if a[x] == b[y] {
        common += 1
        x += 1
        y += 1
      } else if a[x] < b[y] {
        x += 1
      } else {
        y += 1
      }
    }
    return Double(common) / Double(a.count + b.count - common)
  }

  mutating func align(_ l: Range<Int>, _ r: Range<Int>, depth: Int) {
    var lower = l.lowerBound
    var rLower = r.lowerBound
    var upper = l.upperBound
    var rUpper = r.upperBound
    // Identical ends first.
    while lower < upper, rLower < rUpper, leftKeys[lower] >= 0,
      leftKeys[lower] == rightKeys[rLower]
    {
      rows.append(.matched(left: lower, right: rLower, similarity: similarity(lower, rLower)))
      lower += 1
      rLower += 1
    }
    var tail = 0
    while lower < upper - tail, rLower < rUpper - tail, leftKeys[upper - tail - 1] >= 0,
      leftKeys[upper - tail - 1] == rightKeys[rUpper - tail - 1]
    {
      tail += 1
    }
    upper -= tail
    rUpper -= tail
    defer {
      for offset in 0..<tail {
        rows.append(
          .matched(
            left: upper + offset, right: rUpper + offset,
            similarity: similarity(upper + offset, rUpper + offset)))
      }
    }
    let n = upper - lower
    let m = rUpper - rLower
    if n == 0 || m == 0 {
      rows.append(contentsOf: (lower..<upper).map(ParagraphAlignment.Row.leftOnly))
      rows.append(contentsOf: (rLower..<rUpper).map(ParagraphAlignment.Row.rightOnly))
      return
    }
    if n * m <= stretchBudget, n * m <= budget {
      budget -= n * m
      table(lower..<upper, rLower..<rUpper)
      return
    }
    let anchors = depth < 48 ? self.anchors(lower..<upper, rLower..<rUpper) : []
    guard !anchors.isEmpty else {
      // Too long to align by similarity: identical paragraphs only, in order.
      coarse += n + m
      rows.append(contentsOf: (lower..<upper).map(ParagraphAlignment.Row.leftOnly))
      rows.append(contentsOf: (rLower..<rUpper).map(ParagraphAlignment.Row.rightOnly))
      return
    }
    var i = lower
    var j = rLower
    for (a, b) in anchors {
      align(i..<a, j..<b, depth: depth + 1)
      rows.append(.matched(left: a, right: b, similarity: similarity(a, b)))
      i = a + 1
      j = b + 1
    }
    align(i..<upper, j..<rUpper, depth: depth + 1)
  }

  /// Paragraphs whose key occurs once in each range, longest increasing run (patience).
  func anchors(_ l: Range<Int>, _ r: Range<Int>) -> [(Int, Int)] {
    var leftCount: [Int: (count: Int, at: Int)] = [:]
    for i in l where leftKeys[i] >= 0 {
      leftCount[leftKeys[i], default: (0, i)].count += 1
    }
    var rightCount: [Int: (count: Int, at: Int)] = [:]
    for j in r where rightKeys[j] >= 0 {
      rightCount[rightKeys[j], default: (0, j)].count += 1
    }
    var pairs: [(Int, Int)] = []
    for i in l where leftKeys[i] >= 0 {
      guard let lc = leftCount[leftKeys[i]], lc.count == 1,
        let rc = rightCount[leftKeys[i]], rc.count == 1
      else { continue }
      pairs.append((i, rc.at))
    }
    // Longest increasing subsequence of right positions, in left order (O(k log k)).
    var tails: [Int] = []  // index into pairs of the smallest tail of each length
    var previous = [Int](repeating: -1, count: pairs.count)
    for (index, pair) in pairs.enumerated() {
      var low = 0
      var high = tails.count
      while low < high {
        let mid = (low + high) / 2
        if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
      }
      if low > 0 { previous[index] = tails[low - 1] }
      if low == tails.count { tails.append(index) } else { tails[low] = index }
    }
    var result: [(Int, Int)] = []
    var index = tails.last ?? -1
    while index >= 0 {
      result.append(pairs[index])
      index = previous[index]
    }
    return result.reversed()
  }

  /// The best monotone matching of a stretch, by dynamic programming over its pairs.
  mutating func table(_ l: Range<Int>, _ r: Range<Int>) {
    let n = l.count
    let m = r.count
    let width = m + 1
    var similarity = [Double](repeating: 0, count: n * m)
    for i in 0..<n {
      for j in 0..<m {
        similarity[i * m + j] = self.similarity(l.lowerBound + i, r.lowerBound + j)
      }
    }
    // best[i * width + j]: the best total for the stretch's left[i...] and right[j...].
    var best = [Double](repeating: 0, count: (n + 1) * width)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        var value = max(best[(i + 1) * width + j], best[i * width + j + 1])
        let s = similarity[i * m + j]
        if s >= threshold { value = max(value, best[(i + 1) * width + j + 1] + s) }
        best[i * width + j] = value
      }
    }
    var i = 0
    var j = 0
    var pendingRight: [Int] = []
    while i < n, j < m {
      let s = similarity[i * m + j]
      if s >= threshold, best[i * width + j] == best[(i + 1) * width + j + 1] + s {
        rows.append(contentsOf: pendingRight.map(ParagraphAlignment.Row.rightOnly))
        pendingRight = []
        rows.append(.matched(left: l.lowerBound + i, right: r.lowerBound + j, similarity: s))
        i += 1
        j += 1
      } else if best[i * width + j] == best[(i + 1) * width + j] {
        rows.append(.leftOnly(l.lowerBound + i))
        i += 1
      } else {
        pendingRight.append(r.lowerBound + j)
        j += 1
      }
    }
    while i < n {
      rows.append(.leftOnly(l.lowerBound + i))
      i += 1
    }
    rows.append(contentsOf: pendingRight.map(ParagraphAlignment.Row.rightOnly))
    while j < m {
      rows.append(.rightOnly(r.lowerBound + j))
      j += 1
    }
  }

  /// The rows with identical unmatched paragraphs paired as moved: each left-only paragraph
  /// takes the first right-only one with the same words, and that right-only row goes.
  func markMoves() -> [ParagraphAlignment.Row] {
    var rightOnly: [Int: [Int]] = [:]
    for row in rows {
      if case .rightOnly(let j) = row, rightKeys[j] >= 0 {
        rightOnly[rightKeys[j], default: []].append(j)
      }
    }
    guard !rightOnly.isEmpty else { return rows }
    var taken: Set<Int> = []
    var result: [ParagraphAlignment.Row] = []
    result.reserveCapacity(rows.count)
    var next: [Int: Int] = [:]
    for row in rows {
      if case .leftOnly(let i) = row, leftKeys[i] >= 0, let candidates = rightOnly[leftKeys[i]] {
        let position = next[leftKeys[i], default: 0]
        if position < candidates.count {
          next[leftKeys[i]] = position + 1
          taken.insert(candidates[position])
          result.append(.moved(left: i, right: candidates[position]))
          continue
        }
      }
      result.append(row)
    }
    return result.filter {
      if case .rightOnly(let j) = $0 { return !taken.contains(j) }
      return true
    }
  }
}
