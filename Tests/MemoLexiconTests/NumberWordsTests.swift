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

  @Test("Numbers with a k, m or bn suffix are numbers, alone or beside number words")
  func suffixedNumbers() throws {
    let lexicon = try Self.lexicon()
    let tokenizer = Tokenizer()
    func matched(_ text: String) -> Int { lexicon.hits(in: tokenizer.tokenize(text)).count }
    for text in [
      "They cut 3k jobs.", "They cut ~2k jobs.", "They cut 1.5k jobs.", "They cut 15K jobs.",
      "They cut 2m jobs.", "They cut 1.2bn jobs.", "They cut 12,5k jobs.",
      // Beside a run of number words, which folds the memo's tokens.
      "They cut 3k warehouse jobs and then two hundred and fifty more.",
    ] {
      #expect(matched(text) >= 1, "\(text)")
    }
    for text in [
      "They cut 3km jobs.", "They cut 2x jobs.", "They cut 4th jobs.", "They cut k jobs.",
      "They cut bn jobs.",
    ] {
      #expect(matched(text) == 0, "\(text)")
    }
  }

  @Test("The suffixed-number test reads bytes: digits, inner dots or commas, then k, m or bn")
  func suffixedNumberForms() {
    func test(_ form: String) -> Bool {
      var copy = form
      return copy.withUTF8 { NumberWords.isSuffixedNumber($0) }
    }
    for form in ["3k", "1.5k", "12,5k", "2m", "1.2bn", "10000k"] { #expect(test(form), "\(form)") }
    for form in ["k", "3", "3km", "3.k", "bn", "3b", "x3k", "3kk", "2mn", ""] {
      #expect(!test(form), "\(form)")
    }
  }
}
