/// One step of an edit script between two sequences.
public enum DiffOperation: Sendable, Equatable {
  /// Elements present in both sequences: `a[lower..<upper]` equals `b[lower..<upper]`.
  case equal(a: Range<Int>, b: Range<Int>)
  /// Elements only in the first sequence.
  case delete(a: Range<Int>)
  /// Elements only in the second sequence.
  case insert(b: Range<Int>)
}

/// Shortest edit scripts between sequences (Myers' O(ND) algorithm).
public enum SequenceDiff {
  /// The shortest edit script turning `a` into `b`, as runs of equal, deleted and inserted
  /// elements in order. Among scripts of equal length, deletions come before insertions.
  ///
  /// Past `maximumEdits` differing elements the search stops and the differing middle is
  /// reported as one deletion and one insertion, so two long, unrelated paragraphs cannot take
  /// quadratic time or memory.
  ///
  /// - Complexity: O((N + M) · D) time and O(D²) extra memory, where D is the number of
  ///   deleted plus inserted elements, at most `maximumEdits`.
  public static func operations<Element: Equatable>(_ a: [Element], _ b: [Element])
    -> [DiffOperation]
  {
    // Common prefix and suffix are cut off first: most memo paragraphs differ in a few words.
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix,
      a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    let middleA = Array(a[prefix..<(a.count - suffix)])
    let middleB = Array(b[prefix..<(b.count - suffix)])
    var steps: [Step] = []
    if prefix > 0 { steps.append(contentsOf: Array(repeating: .equal, count: prefix)) }
    steps.append(contentsOf: middleSteps(middleA, middleB))
    if suffix > 0 { steps.append(contentsOf: Array(repeating: .equal, count: suffix)) }
    return runs(of: steps)
  }

  /// The most deleted plus inserted elements searched for (1,000: a few MB and milliseconds).
  public static let maximumEdits = 1_000

  private enum Step { case equal, delete, insert }

  /// Myers' greedy forward search, keeping each round's frontier to walk back the path.
  private static func middleSteps<Element: Equatable>(_ a: [Element], _ b: [Element]) -> [Step] {
    let n = a.count
    let m = b.count
    if n == 0 { return Array(repeating: .insert, count: m) }
    if m == 0 { return Array(repeating: .delete, count: n) }
    let maxD = min(n + m, maximumEdits)
    let offset = maxD
    var frontier = [Int](repeating: 0, count: 2 * maxD + 2)
    var trace: [[Int]] = []
    var finalD = -1
    search: for d in 0...maxD {
      trace.append(frontier)
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
          x = frontier[offset + k + 1]  // down: insertion
        } else {
          x = frontier[offset + k - 1] + 1  // right: deletion
        }
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        frontier[offset + k] = x
        if x >= n, y >= m {
          finalD = d
          break search
        }
      }
    }
    if finalD < 0 {
      return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m)
    }
    // Walk back from (n, m) through the saved frontiers.
    var steps: [Step] = []
    var x = n
    var y = m
    for d in stride(from: finalD, to: 0, by: -1) {
      let previous = trace[d]
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = previous[offset + previousK]
      let previousY = previousX - previousK
      while x > previousX, y > previousY {
        steps.append(.equal)
        x -= 1
        y -= 1
      }
      if previousK == k + 1 {
        steps.append(.insert)
      } else {
        steps.append(.delete)
      }
      x = previousX
      y = previousY
    }
    while x > 0, y > 0 {
      steps.append(.equal)
      x -= 1
      y -= 1
    }
    return steps.reversed()
  }

  private static func runs(of steps: [Step]) -> [DiffOperation] {
    var operations: [DiffOperation] = []
    var x = 0
    var y = 0
    var index = 0
    while index < steps.count {
      let step = steps[index]
      var end = index
      while end < steps.count, steps[end] == step { end += 1 }
      let length = end - index
      switch step {
      case .equal:
        operations.append(.equal(a: x..<(x + length), b: y..<(y + length)))
        x += length
        y += length
      case .delete:
        operations.append(.delete(a: x..<(x + length)))
        x += length
      case .insert:
        operations.append(.insert(b: y..<(y + length)))
        y += length
      }
      index = end
    }
    return operations
  }
}
