import MemoCore
import MemoScoring

/// Two memos side by side: metadata, scores, corresponding paragraphs with their word-level
/// differences, shared passages and buzzwords. Counts and quotes only, no verdicts.
public struct Comparison: Sendable, Codable, Equatable {
  /// One memo's metadata and scores.
  public struct Side: Sendable, Codable, Equatable {
    /// The input path.
    public var source: String
    /// Company, author, date and title when known.
    public var company: String?, author: String?, date: String?, title: String?
    /// Words (scoring tokens) in the memo.
    public var words: Int
    /// Paragraphs in the memo.
    public var paragraphs: Int
    /// The AI-washing index.
    public var index: Double
    /// Share of the memo's words inside passages shared with the other memo, 0…1.
    public var sharedCoverage: Double

    private enum CodingKeys: String, CodingKey {
      case source, company, author, date, title, words, paragraphs, index, sharedCoverage
    }

    /// Encodes every key, `null` for unknown metadata, so the schema is stable.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(source, forKey: .source)
      try container.encode(company, forKey: .company)
      try container.encode(author, forKey: .author)
      try container.encode(date, forKey: .date)
      try container.encode(title, forKey: .title)
      try container.encode(words, forKey: .words)
      try container.encode(paragraphs, forKey: .paragraphs)
      try container.encode(index, forKey: .index)
      try container.encode(sharedCoverage, forKey: .sharedCoverage)
    }
  }

  /// One category's hits on both sides.
  public struct CategoryRow: Sendable, Codable, Equatable {
    /// The category id and title.
    public var id: String, title: String
    /// Hits on each side.
    public var leftHits: Int, rightHits: Int
    /// The phrases hit on each side, as written, in reading order, without repeats.
    public var leftPhrases: [String], rightPhrases: [String]
  }

  /// One row of the paragraph alignment.
  public struct ParagraphRow: Sendable, Codable, Equatable {
    /// `matched`, `left_only`, `right_only` or `moved` (the same words at another place).
    public var kind: String
    /// 1-based paragraph numbers (¶) on each side; nil on the side without one.
    public var left: Int?, right: Int?
    /// Jaccard similarity of the two paragraphs' word sets (matched rows only).
    public var similarity: Double?
    /// The paragraph texts.
    public var leftText: String?, rightText: String?
    /// Word-level changes inside matched paragraphs, in reading order.
    public var changes: [Change]
    /// The full word diff of matched paragraphs (`same` and `changed` runs), for rendering.
    public var segments: [Segment]

    private enum CodingKeys: String, CodingKey {
      case kind, left, right, similarity, leftText, rightText, changes, segments
    }

    /// Encodes every key, `null` on the side without a paragraph, so the schema is stable.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(left, forKey: .left)
      try container.encode(right, forKey: .right)
      try container.encode(similarity, forKey: .similarity)
      try container.encode(leftText, forKey: .leftText)
      try container.encode(rightText, forKey: .rightText)
      try container.encode(changes, forKey: .changes)
      try container.encode(segments, forKey: .segments)
    }
  }

  /// A replaced run of words.
  public struct Change: Sendable, Codable, Equatable {
    /// Text only on the left, and only on the right (either may be empty).
    public var removed: String, added: String
  }

  /// A run of a word diff.
  public struct Segment: Sendable, Codable, Equatable {
    /// Text in both paragraphs (for `same` runs), else nil.
    public var same: String?
    /// Text only on the left and only on the right (for changed runs), else nil.
    public var removed: String?, added: String?
    /// Whether the run follows the text before it without a space, on the left and on the
    /// right (e.g. a "%" after a changed number).
    public var leftGlued: Bool, rightGlued: Bool
  }

  /// A passage both memos contain.
  public struct Passage: Sendable, Codable, Equatable {
    /// The passage as written in the left memo.
    public var text: String
    /// Words in the passage.
    public var words: Int

    /// Creates a passage.
    public init(text: String, words: Int) {
      self.text = text
      self.words = words
    }
  }

  /// A lexicon entry used in one or both memos.
  public struct Buzzword: Sendable, Codable, Equatable {
    /// The entry id and its canonical phrase.
    public var entryID: String, phrase: String
    /// The phrase as most often written in the two memos.
    public var surface: String
    /// The category id.
    public var category: String
    /// Hits on each side.
    public var leftCount: Int, rightCount: Int
  }

  /// The two memos.
  public var left: Side, right: Side
  /// Lexicon name, version and content hash.
  public var lexicon: String
  /// Every category in lexicon order.
  public var categories: [CategoryRow]
  /// The alignment, in the order of both memos.
  public var paragraphs: [ParagraphRow]
  /// Paragraphs in stretches too long to align by similarity (only identical paragraphs were
  /// matched there); 0 for memos of ordinary length.
  public var coarseParagraphs: Int
  /// The shared passages, longest first.
  public var passages: [Passage]
  /// Entries used by both, by the left only, and by the right only (most hits first, then id).
  public var sharedBuzzwords: [Buzzword], leftOnlyBuzzwords: [Buzzword],
    rightOnlyBuzzwords: [Buzzword]

  /// Compares two memos.
  ///
  /// - Parameters:
  ///   - left: The first memo. - right: The second memo.
  ///   - leftScore: The first memo's score. - rightScore: The second memo's score.
  ///   - lexicon: The lexicon's name, version and hash, as printed.
  ///   - passages: Passages both memos contain (text as in `left`, word count), longest first.
  ///   - coverage: The share of each memo's words inside shared passages.
  ///   - threshold: The paragraph similarity under which paragraphs are not matched.
  public init(
    left: Memo, right: Memo, leftScore: ScoreCard, rightScore: ScoreCard, lexicon: String,
    passages: [Passage], coverage: (left: Double, right: Double),
    threshold: Double = ParagraphAlignment.defaultThreshold
  ) {
    func side(_ memo: Memo, _ card: ScoreCard, _ coverage: Double) -> Side {
      Side(
        source: memo.source, company: memo.company, author: memo.author, date: memo.date,
        title: memo.title, words: card.tokens, paragraphs: memo.paragraphs.count,
        index: card.score, sharedCoverage: Self.rounded(coverage))
    }
    self.left = side(left, leftScore, coverage.left)
    self.right = side(right, rightScore, coverage.right)
    self.lexicon = lexicon
    self.passages = passages

    // Categories: the left score's order, then any category only the right one lists.
    var categoryOrder = leftScore.categories
    for category in rightScore.categories
    where !categoryOrder.contains(where: { $0.id == category.id }) {
      categoryOrder.append(category)
    }
    func phrases(_ card: ScoreCard, _ category: String) -> [String] {
      var seen: Set<String> = []
      return card.readingHits.filter { $0.entry.category == category }
        .map { MarkdownText.flatten($0.match.text) }
        .filter { seen.insert($0.lowercased()).inserted }
    }
    func hits(_ card: ScoreCard, _ category: String) -> Int {
      card.categories.first { $0.id == category }?.count ?? 0
    }
    categories = categoryOrder.map { category in
      CategoryRow(
        id: category.id, title: category.title, leftHits: hits(leftScore, category.id),
        rightHits: hits(rightScore, category.id), leftPhrases: phrases(leftScore, category.id),
        rightPhrases: phrases(rightScore, category.id))
    }

    // Paragraphs.
    let alignment = ParagraphAlignment(
      left: left.paragraphs, right: right.paragraphs, threshold: threshold)
    coarseParagraphs = alignment.coarseParagraphs
    paragraphs = alignment.rows.map { row in
      switch row {
      case .matched(let i, let j, let similarity):
        let diff = WordDiff(left.paragraphs[i], right.paragraphs[j])
        return ParagraphRow(
          kind: "matched", left: i + 1, right: j + 1, similarity: Self.rounded(similarity),
          leftText: left.paragraphs[i], rightText: right.paragraphs[j],
          changes: diff.changes.map { Change(removed: $0.removed, added: $0.added) },
          segments: zip(diff.segments, diff.glue).map { segment, glue in
            switch segment {
            case .same(let text):
              Segment(
                same: text, removed: nil, added: nil, leftGlued: glue.left, rightGlued: glue.right)
            case .changed(let removed, let added):
              Segment(
                same: nil, removed: removed, added: added, leftGlued: glue.left,
                rightGlued: glue.right)
            }
          })
      case .moved(let i, let j):
        return ParagraphRow(
          kind: "moved", left: i + 1, right: j + 1, similarity: 1,
          leftText: left.paragraphs[i], rightText: right.paragraphs[j], changes: [], segments: [])
      case .leftOnly(let i):
        return ParagraphRow(
          kind: "left_only", left: i + 1, right: nil, similarity: nil,
          leftText: left.paragraphs[i], rightText: nil, changes: [], segments: [])
      case .rightOnly(let j):
        return ParagraphRow(
          kind: "right_only", left: nil, right: j + 1, similarity: nil, leftText: nil,
          rightText: right.paragraphs[j], changes: [], segments: [])
      }
    }

    // Buzzwords.
    // Each entry's hits and the spellings used, per side.
    func uses(_ card: ScoreCard) -> [String: (
      entry: EntryHits, count: Int, surfaces: [String: Int]
    )] {
      var uses: [String: (entry: EntryHits, count: Int, surfaces: [String: Int])] = [:]
      for (entry, match) in card.readingHits {
        uses[entry.id, default: (entry, 0, [:])].count += 1
        uses[entry.id]!.surfaces[MarkdownText.flatten(match.text), default: 0] += 1
      }
      return uses
    }
    let leftUses = uses(leftScore)
    let rightUses = uses(rightScore)
    let all = Set(leftUses.keys).union(rightUses.keys)
    let buzzwords = all.map { id in
      let entry = (leftUses[id] ?? rightUses[id]!).entry
      let surfaces = (leftUses[id]?.surfaces ?? [:]).merging(
        rightUses[id]?.surfaces ?? [:], uniquingKeysWith: +)
      return Buzzword(
        entryID: id, phrase: entry.phrase,
        surface: Spellings.mostFrequent(surfaces) ?? entry.phrase, category: entry.category,
        leftCount: leftUses[id]?.count ?? 0, rightCount: rightUses[id]?.count ?? 0)
    }.sorted {
      ($1.leftCount + $1.rightCount, $0.entryID) < ($0.leftCount + $0.rightCount, $1.entryID)
    }
    sharedBuzzwords = buzzwords.filter { $0.leftCount > 0 && $0.rightCount > 0 }
    leftOnlyBuzzwords = buzzwords.filter { $0.rightCount == 0 }
    rightOnlyBuzzwords = buzzwords.filter { $0.leftCount == 0 }
  }

  /// Counts of matched, left-only, right-only and moved paragraphs, and of identical matched
  /// ones.
  public var paragraphCounts:
    (matched: Int, identical: Int, leftOnly: Int, rightOnly: Int, moved: Int)
  {
    (
      paragraphs.count { $0.kind == "matched" },
      paragraphs.count { $0.kind == "matched" && $0.changes.isEmpty },
      paragraphs.count { $0.kind == "left_only" },
      paragraphs.count { $0.kind == "right_only" },
      paragraphs.count { $0.kind == "moved" }
    )
  }

  /// Rounds to three decimals so that JSON shows stable, readable numbers.
  static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
