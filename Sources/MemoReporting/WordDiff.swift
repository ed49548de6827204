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
      if character.isWhitespace {
        flush()
        sawSpace = true
        continue
      }
      let isWordCharacter = character.isLetter || character.isNumber
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
      return (previous.isLetter || previous.isNumber) && (next.isLetter || next.isNumber)
    case ".", ",":
      return previous.isNumber && next.isNumber
    default:
      return false
    }
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

  /// The runs in reading order.
  public var segments: [Segment]

  /// Creates a diff from segments.
  public init(segments: [Segment]) { self.segments = segments }

  /// The word-level difference between `left` and `right`. Words compare exactly (case and
  /// punctuation count); a deletion next to an insertion becomes one change.
  public init(_ left: String, _ right: String) {
    let a = DiffWord.split(left)
    let b = DiffWord.split(right)
    let operations = SequenceDiff.operations(a.map(\.text), b.map(\.text))
    var segments: [Segment] = []
    var pendingRemoved: [DiffWord] = []
    var pendingAdded: [DiffWord] = []
    func flushChange() {
      if !pendingRemoved.isEmpty || !pendingAdded.isEmpty {
        segments.append(
          .changed(removed: DiffWord.join(pendingRemoved), added: DiffWord.join(pendingAdded)))
      }
      pendingRemoved = []
      pendingAdded = []
    }
    for operation in operations {
      switch operation {
      case .equal(let range, _):
        flushChange()
        segments.append(.same(DiffWord.join(a[range])))
      case .delete(let range):
        pendingRemoved.append(contentsOf: a[range])
      case .insert(let range):
        pendingAdded.append(contentsOf: b[range])
      }
    }
    flushChange()
    self.segments = segments
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
