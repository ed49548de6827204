import Foundation
import MemoLexicon
import MemoTokenization
import TestSupport
import Testing

@Suite("Number words")
struct NumberWordsTests {
  /// A one-entry lexicon whose patterns count with `#`, and one that names a number word.
  static func lexicon() throws -> Lexicon {
    return try LexiconFixture.oneCategory(
      name: "numbers", description: "Number words.",
      entries: """
          - id: cut_n
            weight: 1.0
            patterns:
              - "cut # [*] jobs"
            rationale: Test.
            examples:
              match:
                - We cut 40 jobs.
              no_match:
                - We cut jobs.
          - id: ten_percent
            weight: 1.0
            patterns:
              - "ten percent of staff"
            rationale: Test.
            examples:
              match:
                - Ten percent of staff.
              no_match:
                - Five percent of staff.
        """)
  }

  @Test("A run of number words is one number; the hit covers the memo's words")
  func runs() throws {
    let lexicon = try Self.lexicon()
    let tokenizer = Tokenizer()
    func matched(_ text: String) -> [String] {
      let tokens = tokenizer.tokenize(text)
      return lexicon.hits(in: tokens).map { hit in
        let first = tokens.tokens[hit.tokens.lowerBound]
        let last = tokens.tokens[hit.tokens.upperBound - 1]
        let scalars = Array(text.unicodeScalars)[Int(first.start)..<Int(last.end)]
        return "\(lexicon.entries[hit.entry].id): " + String(String.UnicodeScalarView(scalars))
      }
    }
    #expect(matched("We cut forty jobs.") == ["cut_n: cut forty jobs"])
    #expect(matched("We cut forty-two jobs.") == ["cut_n: cut forty-two jobs"])
    #expect(
      matched("They cut two hundred and fifty warehouse jobs.") == [
        "cut_n: cut two hundred and fifty warehouse jobs"
      ])
    #expect(matched("They cut a dozen jobs.") == ["cut_n: cut a dozen jobs"])
    #expect(matched("They cut nine hundred jobs, then ten percent of staff.").count == 2)
    // "one" and "a" are numbers only before a scale word; "and" only inside a run.
    #expect(matched("They cut one of the jobs.").isEmpty)
    #expect(matched("They cut a few jobs.").isEmpty)
    #expect(matched("We cut 40 and then jobs.").isEmpty)
    // A number word a pattern names still matches as a word.
    #expect(matched("Ten percent of staff.") == ["ten_percent: Ten percent of staff"])
    // A run never crosses a sentence.
    #expect(matched("We cut two. Hundred jobs remain.").isEmpty)
  }
}
