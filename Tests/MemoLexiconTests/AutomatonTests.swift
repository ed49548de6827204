import Foundation
import MemoLexicon
import MemoTokenization
import TestSupport
import Testing

@Suite("Minimized automaton")
struct AutomatonTests {
  /// A lexicon of one category whose patterns share long tails behind many heads and slots.
  func lexicon() throws -> Lexicon {
    return try LexiconFixture.oneCategory(
      name: "tails", description: "Shared tails.",
      entries: """
          - id: share_cut
            weight: 1.0
            patterns:
              - "(cut|trim|shed|slash|reduce) [*] # [percent] of (our|the) (staff|workforce|team)"
            rationale: Test.
            examples:
              match:
                - We will cut nearly 10 percent of our staff.
              no_match:
                - We cut 10 percent of the budget.
          - id: team_cut
            weight: 2.0
            patterns:
              - "(shed|slash) the [*] [*] team"
            rationale: Test.
            examples:
              match:
                - They shed the whole support team.
              no_match:
                - They shed light on the team.
        """)
  }

  @Test("Shared tails are stored once, and every path still matches with its own entry")
  func sharedTails() throws {
    let lexicon = try lexicon()
    #expect(lexicon.automatonSize.states < lexicon.sequenceCount)
    let tokenizer = Tokenizer()
    func hits(_ text: String) -> [String] {
      let tokenized = tokenizer.tokenize(text)
      return lexicon.hits(in: tokenized).map { hit in
        let words = tokenized.tokens[hit.tokens].map { tokenized.normalizedText(of: $0) }
        return lexicon.entries[hit.entry].id + ": " + words.joined(separator: " ")
      }
    }
    #expect(
      hits("They slashed 12% of the workforce.") == ["share_cut: slashed 12 of the workforce"])
    #expect(
      hits("We trim about 5 percent of our team.") == [
        "share_cut: trim about 5 percent of our team"
      ])
    #expect(hits("We shed the whole support team.") == ["team_cut: shed the whole support team"])
    #expect(hits("We shed the team.") == ["team_cut: shed the team"])
    #expect(hits("We shed the old legacy support team.") == [])
    #expect(hits("We reduce 10 percent of the budget.") == [])
  }
}
