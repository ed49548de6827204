import Foundation
import Testing

@testable import MemoReporting

@Suite("Paragraph alignment")
struct ParagraphAlignmentTests {
  @Test("Copied paragraphs align; added ones are unique to their side")
  func copiedTemplate() {
    let left = [
      "Today Norvale is becoming an AI-native company.",
      "We will reduce our workforce by 14 percent.",
      "Thank you for everything you have built here.",
    ]
    let right = [
      "A note from our founder.",
      "Today Quillhaven is becoming an AI-native company.",
      "We will reduce our workforce by 9 percent.",
      "Severance will be sixteen weeks of pay.",
      "Thank you for everything you have built here.",
    ]
    let alignment = ParagraphAlignment(left: left, right: right)
    #expect(
      alignment.rows.map(Self.describe) == [
        "+0", "0=1 0.75", "1=2 0.78", "+3", "2=4 1.00",
      ])
  }

  @Test("Alignment never crosses: a paragraph found elsewhere on the other side is moved")
  func noCrossing() {
    let left = ["alpha beta gamma", "delta epsilon zeta"]
    let right = ["delta epsilon zeta", "alpha beta gamma"]
    let alignment = ParagraphAlignment(left: left, right: right)
    #expect(alignment.rows.map(Self.describe) == ["0>1", "1=0 1.00"])
  }

  @Test("Long memos align around unique anchors within small tables, edits and moves found")
  func anchoredLongMemos() {
    let left = (0..<3000).map { "paragraph \($0) says item\($0) and thing\($0 * 7) plainly" }
    var right = left
    right[10] = "paragraph 10 says item10 and a changed word plainly"  // edited
    right.remove(at: 500)  // deleted
    let moved = right.remove(at: 2000)  // moved near the start
    right.insert(moved, at: 5)
    right.insert("a brand new paragraph nobody wrote before", at: 1500)  // added
    let alignment = ParagraphAlignment(
      left: left, right: right, stretchBudget: 400, totalBudget: 1_000_000)
    let rows = alignment.rows.map(Self.describe)
    #expect(alignment.coarseParagraphs == 0)
    #expect(rows.contains { $0.hasPrefix("10=11 ") && !$0.hasSuffix("1.00") })
    #expect(rows.contains("500-"))
    #expect(rows.contains("2001>5"))
    #expect(rows.contains("+1500"))
    #expect(rows.count { $0.contains("=") } == 2998)
    Self.expectCoversEachOnce(alignment, left: left.count, right: right.count)
  }

  @Test("Once the budget is spent, stretches are matched word for word only and counted")
  func budgetSpent() {
    let left = (0..<200).map { "left words \($0 % 7) and \($0 % 11)" }
    let right = (0..<200).map { "left words \($0 % 7) and \($0 % 13)" }
    let alignment = ParagraphAlignment(
      left: left, right: right, stretchBudget: 100, totalBudget: 100)
    #expect(alignment.coarseParagraphs > 0)
    Self.expectCoversEachOnce(alignment, left: left.count, right: right.count)
  }

  @Test("Random edits: every paragraph appears once and matched pairs never cross")
  func randomEdits() {
    var generator = SplitMix(seed: 7)
    for _ in 0..<30 {
      let left = (0..<Int(generator.next() % 60)).map { _ in
        "w\(generator.next() % 9) w\(generator.next() % 9) w\(generator.next() % 9)"
      }
      var right = left
      for _ in 0..<Int(generator.next() % 10) where !right.isEmpty {
        let at = Int(generator.next() % UInt64(right.count))
        switch generator.next() % 3 {
        case 0: right.remove(at: at)
        case 1: right.insert("w\(generator.next() % 9) new", at: at)
        default: right[at] += " w\(generator.next() % 9)"
        }
      }
      let alignment = ParagraphAlignment(
        left: left, right: right, stretchBudget: 50, totalBudget: 5_000)
      Self.expectCoversEachOnce(alignment, left: left.count, right: right.count)
    }
  }

  static func expectCoversEachOnce(
    _ alignment: ParagraphAlignment, left: Int, right: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var lefts: [Int] = []
    var rights: [Int] = []
    var matched: [(Int, Int)] = []
    for row in alignment.rows {
      switch row {
      case .matched(let l, let r, _):
        lefts.append(l)
        rights.append(r)
        matched.append((l, r))
      case .moved(let l, let r):
        lefts.append(l)
        rights.append(r)
      case .leftOnly(let l): lefts.append(l)
      case .rightOnly(let r): rights.append(r)
      }
    }
    #expect(lefts.sorted() == Array(0..<left), sourceLocation: sourceLocation)
    #expect(rights.sorted() == Array(0..<right), sourceLocation: sourceLocation)
    #expect(matched.map(\.0) == matched.map(\.0).sorted(), sourceLocation: sourceLocation)
    #expect(matched.map(\.1) == matched.map(\.1).sorted(), sourceLocation: sourceLocation)
  }

  /// A small deterministic generator (SplitMix64).
  struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test("Paragraphs below the threshold stay apart")
  func threshold() {
    let alignment = ParagraphAlignment(
      left: ["one two three four"], right: ["one five six seven"], threshold: 0.3)
    #expect(alignment.rows.map(Self.describe) == ["0-", "+0"])
  }

  static func describe(_ row: ParagraphAlignment.Row) -> String {
    switch row {
    case .matched(let left, let right, let similarity):
      "\(left)=\(right) " + String(format: "%.2f", similarity)
    case .leftOnly(let index): "\(index)-"
    case .rightOnly(let index): "+\(index)"
    case .moved(let left, let right): "\(left)>\(right)"
    }
  }
}
