/// How the paragraphs of two memos correspond, in reading order.
public struct ParagraphAlignment: Sendable, Equatable {
  /// One row of the alignment.
  public enum Row: Sendable, Equatable {
    /// Paragraph `left` of the first memo corresponds to paragraph `right` of the second
    /// (0-based), with the Jaccard similarity of their word sets.
    case matched(left: Int, right: Int, similarity: Double)
    /// A paragraph of the first memo with no counterpart.
    case leftOnly(Int)
    /// A paragraph of the second memo with no counterpart.
    case rightOnly(Int)
  }

  /// The rows, in the order of both memos.
  public var rows: [Row]

  /// The lowest similarity at which two paragraphs may correspond.
  public static let defaultThreshold = 0.3

  /// Creates an alignment from rows.
  public init(rows: [Row]) { self.rows = rows }

  /// Aligns paragraphs monotonically (no crossings), maximising the summed similarity of
  /// matched pairs; pairs below `threshold` are never matched.
  ///
  /// Similarity is the Jaccard index of the paragraphs' sets of lower-cased words. Ties prefer
  /// matching, then earlier paragraphs of the first memo.
  ///
  /// - Complexity: O(n · m) similarity computations for n and m paragraphs.
  public init(left: [String], right: [String], threshold: Double = defaultThreshold) {
    let leftSets = left.map(Self.wordSet)
    let rightSets = right.map(Self.wordSet)
    let n = left.count
    let m = right.count
    var similarity = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
    for i in 0..<n {
      for j in 0..<m {
        similarity[i][j] = Self.jaccard(leftSets[i], rightSets[j])
      }
    }
    // best[i][j]: best total for left[i...] and right[j...].
    var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        var value = max(best[i + 1][j], best[i][j + 1])
        if similarity[i][j] >= threshold {
          value = max(value, best[i + 1][j + 1] + similarity[i][j])
        }
        best[i][j] = value
      }
    }
    var rows: [Row] = []
    var i = 0
    var j = 0
    var pendingRight: [Int] = []
    while i < n, j < m {
      let s = similarity[i][j]
      if s >= threshold, best[i][j] == best[i + 1][j + 1] + s {
        rows.append(contentsOf: pendingRight.map(Row.rightOnly))
        pendingRight = []
        rows.append(.matched(left: i, right: j, similarity: s))
        i += 1
        j += 1
      } else if best[i][j] == best[i + 1][j] {
        rows.append(.leftOnly(i))
        i += 1
      } else {
        pendingRight.append(j)
        j += 1
      }
    }
    while i < n {
      rows.append(.leftOnly(i))
      i += 1
    }
    rows.append(contentsOf: pendingRight.map(Row.rightOnly))
    while j < m {
      rows.append(.rightOnly(j))
      j += 1
    }
    self.rows = rows
  }

  /// The lower-cased words of a paragraph (letters and digits), as a set.
  static func wordSet(_ text: String) -> Set<String> {
    Set(
      DiffWord.split(text).lazy.filter {
        $0.text.first?.isLetter == true || $0.text.first?.isNumber == true
      }
      .map { $0.text.lowercased() })
  }

  static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    if a.isEmpty, b.isEmpty { return 0 }
    let common = a.intersection(b).count
    return Double(common) / Double(a.count + b.count - common)
  }
}
