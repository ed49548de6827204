import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

/// The blind metadata batch (`Tests/Fixtures/MetadataBlind/`): 32 small memo pages written in the
/// shapes real memo pages come in, with the title, author, company and date a careful reader
/// would give (null where there is none), committed before the extractor was run on them. The
/// test prints each field's accuracy and every miss, and fails when a field falls below the
/// floor recorded in README ("Metadata on memo pages").
@Suite("Blind metadata batch")
struct BlindMetadataTests {
  struct Expected: Decodable {
    let path: String
    let title: String?
    let author: String?
    let company: String?
    let date: String?
  }

  /// Fields that must come out right on at least this many of the 32 pages: the figures
  /// measured when the floor was last raised (README), so a change that loses a page fails.
  static let floors: [String: Int] = ["title": 32, "author": 32, "company": 31, "date": 32]

  /// Case, spacing and typographic quotes aside; for companies a trailing legal form
  /// ("Inc.", "LLC", "Ltd") too, as in the Corpus manifest.
  static func normalized(_ value: String?, company: Bool = false) -> String? {
    guard var text = value else { return nil }
    text = text.replacingOccurrences(of: "\u{2019}", with: "'")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    if company {
      for suffix in [
        ", inc.", " inc.", ", inc", " inc", " llc", ", ltd.", " ltd.", " ltd", " corp.",
      ] {
        if text.hasSuffix(suffix) { text.removeLast(suffix.count) }
      }
    }
    return text
  }

  @Test("per-field accuracy on the blind batch stays at its recorded floor")
  func accuracy() throws {
    let folder = "MetadataBlind/"
    let expected = try JSONDecoder().decode(
      [Expected].self, from: Fixtures.data(folder + "manifest.json"))
    var right: [String: Int] = [:]
    var misses: [String] = []
    for page in expected {
      let memo = try MemoExtractor().extract(
        bytes: Array(try Fixtures.data(folder + page.path)), source: page.path)
      let fields: [(String, String?, String?, Bool)] = [
        ("title", page.title, memo.title, false), ("author", page.author, memo.author, false),
        ("company", page.company, memo.company, true), ("date", page.date, memo.date, false),
      ]
      for (name, want, got, isCompany) in fields {
        if Self.normalized(want, company: isCompany) == Self.normalized(got, company: isCompany) {
          right[name, default: 0] += 1
        } else {
          misses.append("\(page.path) \(name): want \(want ?? "null"), got \(got ?? "null")")
        }
      }
    }
    let summary = ["title", "author", "company", "date"]
      .map { "\($0) \(right[$0, default: 0])/\(expected.count)" }.joined(separator: ", ")
    print("Blind metadata batch: \(summary)")
    for miss in misses { print("  miss: \(miss)") }
    for (field, floor) in Self.floors {
      #expect(right[field, default: 0] >= floor, "\(field) fell below \(floor): \(summary)")
    }
  }
}
