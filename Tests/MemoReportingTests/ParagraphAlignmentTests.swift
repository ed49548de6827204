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

  @Test("Alignment never crosses: a moved paragraph is unique on both sides")
  func noCrossing() {
    let left = ["alpha beta gamma", "delta epsilon zeta"]
    let right = ["delta epsilon zeta", "alpha beta gamma"]
    let alignment = ParagraphAlignment(left: left, right: right)
    #expect(alignment.rows.map(Self.describe) == ["0-", "1=0 1.00", "+1"])
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
    }
  }
}
