/// A word of display text with whether whitespace preceded it.
public struct DiffWord: Sendable, Equatable, Codable {
  /// The word or punctuation mark as written.
  public var text: String
  /// True when the word was preceded by whitespace in the original.
  public var spaced: Bool

  /// Creates a word.
  public init(_ text: String, spaced: Bool) {
    self.text = text
    self.spaced = spaced
  }

  /// Splits text into words (runs of letters and digits, see `isInnerConnector`) and single
  /// punctuation marks, remembering where the whitespace was.
  public static func split(_ text: String) -> [DiffWord] {
    var words: [DiffWord] = []
    var current = ""
    var currentSpaced = false
    var sawSpace = false
    let characters = Array(text)
    func flush() {
      if !current.isEmpty { words.append(DiffWord(current, spaced: currentSpaced)) }
      current = ""
    }
    for (index, character) in characters.enumerated() {
      if isSpace(character) {
        flush()
        sawSpace = true
        continue
      }
      let isWordCharacter = isWord(character)
      if isWordCharacter || isInnerConnector(character, at: index, in: characters, current) {
        if current.isEmpty {
          currentSpaced = sawSpace && !words.isEmpty
          sawSpace = false
        }
        current.append(character)
      } else {
        flush()
        words.append(DiffWord(String(character), spaced: sawSpace && !words.isEmpty))
        sawSpace = false
      }
    }
    flush()
    return words
  }

  /// Apostrophes and hyphens between letters or digits, and `.` or `,` between digits, keep a
  /// word together ("we’re", "AI-native", "14.5", "1,200").
  private static func isInnerConnector(
    _ character: Character, at index: Int, in characters: [Character], _ current: String
  ) -> Bool {
    guard let previous = current.last, index + 1 < characters.count else { return false }
    let next = characters[index + 1]
    switch character {
    case "'", "’", "-", "‐", "‑":
      return isWord(previous) && isWord(next)
    case ".", ",":
      return previous.isNumber && next.isNumber
    default:
      return false
    }
  }

  /// Whitespace, with an ASCII fast path (Unicode properties are slow to look up, and most
  /// memo text is ASCII).
  @inline(__always)
  static func isSpace(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ascii == 32 || (9...13).contains(ascii) }
    return character.isWhitespace
  }

  /// A letter or a digit, with an ASCII fast path.
  @inline(__always)
  static func isWord(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return (97...122).contains(ascii) || (65...90).contains(ascii) || (48...57).contains(ascii)
    }
    return character.isLetter || character.isNumber
  }

  /// Joins words back into text, one space where the original had whitespace.
  public static func join<C: Collection>(_ words: C) -> String where C.Element == DiffWord {
    var out = ""
    for (index, word) in words.enumerated() {
      if index > 0, word.spaced { out += " " }
      out += word.text
    }
    return out
  }
}

/// A word-level difference between two paragraphs: runs of common text and changed text.
public struct WordDiff: Sendable, Equatable {
  /// One run of the difference.
  public enum Segment: Sendable, Equatable {
    /// Text both paragraphs share.
    case same(String)
    /// Text replaced: `removed` is only in the first paragraph, `added` only in the second
    /// (either may be empty).
    case changed(removed: String, added: String)
  }

  /// Whether a segment's text follows the text before it without a space, on each side
  /// (punctuation such as "," or "%" after a changed word).
  public struct Glue: Sendable, Equatable {
    /// In the first paragraph (for `same` and `removed` text).
    public var left: Bool
    /// In the second paragraph (for `same` and `added` text).
    public var right: Bool

    /// Creates a glue flag pair.
    public init(left: Bool, right: Bool) {
      self.left = left
      self.right = right
    }
  }

  /// The runs in reading order.
  public var segments: [Segment]
  /// For each segment, whether it attaches to the text before it without a space.
  public var glue: [Glue]

  /// Creates a diff from segments, every one preceded by a space.
  public init(segments: [Segment]) {
    self.segments = segments
    self.glue = segments.map { _ in Glue(left: false, right: false) }
  }

  /// The word-level difference between `left` and `right`. Words compare exactly (case and
  /// punctuation count); a deletion next to an insertion becomes one change.
  public init(_ left: String, _ right: String) {
    let a = DiffWord.split(left)
    let b = DiffWord.split(right)
    let operations = SequenceDiff.operations(a.map(\.text), b.map(\.text))
    var segments: [Segment] = []
    var glue: [Glue] = []
    var pendingRemoved: [DiffWord] = []
    var pendingAdded: [DiffWord] = []
    // The first word of a paragraph is never glued: it follows the paragraph's label.
    func glued(_ word: DiffWord?, atStart: Bool) -> Bool {
      guard let word, !atStart else { return false }
      return !word.spaced
    }
    var leftConsumed = 0
    var rightConsumed = 0
    func flushChange() {
      if !pendingRemoved.isEmpty || !pendingAdded.isEmpty {
        segments.append(
          .changed(removed: DiffWord.join(pendingRemoved), added: DiffWord.join(pendingAdded)))
        glue.append(
          Glue(
            left: glued(pendingRemoved.first, atStart: leftConsumed == 0),
            right: glued(pendingAdded.first, atStart: rightConsumed == 0)))
        leftConsumed += pendingRemoved.count
        rightConsumed += pendingAdded.count
      }
      pendingRemoved = []
      pendingAdded = []
    }
    for operation in operations {
      switch operation {
      case .equal(let range, let rangeB):
        flushChange()
        segments.append(.same(DiffWord.join(a[range])))
        glue.append(
          Glue(
            left: glued(a[range.lowerBound], atStart: leftConsumed == 0),
            right: glued(b[rangeB.lowerBound], atStart: rightConsumed == 0)))
        leftConsumed += range.count
        rightConsumed += rangeB.count
      case .delete(let range):
        pendingRemoved.append(contentsOf: a[range])
      case .insert(let range):
        pendingAdded.append(contentsOf: b[range])
      }
    }
    flushChange()
    self.segments = segments
    self.glue = glue
  }

  /// The changes only, as (removed, added) pairs in order.
  public var changes: [(removed: String, added: String)] {
    segments.compactMap {
      if case .changed(let removed, let added) = $0 { (removed, added) } else { nil }
    }
  }

  /// True when the paragraphs have the same words.
  public var isIdentical: Bool { changes.isEmpty }
}
