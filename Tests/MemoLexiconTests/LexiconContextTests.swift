import Foundation
import MemoLexicon
import MemoTokenization
import TestSupport
import Testing

/// An entry's `context:`: a hit counts only when a context pattern matches within `reach`
/// sentences of it.
@Suite("Lexicon contexts")
struct LexiconContextTests {
  static func lexicon(reach: Int) throws -> Lexicon {
    try LexiconFixture.oneCategory(
      name: "context-test", description: "Contexts.",
      entries: """
          - id: cut_them
            weight: 1.0
            patterns:
              - "cut them"
            context:
              - pattern: "(workers|roles)"
                reach: \(reach)
            rationale: A pronoun cut needs a people noun nearby.
            examples:
              match:
                - "We had 40 workers and cut them."
              no_match:
                - "Prices rose, so we cut them."
        """)
  }

  func hits(_ lexicon: Lexicon, _ text: String) -> Int {
    lexicon.hits(in: Tokenizer().tokenize(text)).count
  }

  @Test("A hit counts only with its context in its sentence or within reach")
  func reach() throws {
    let local = try Self.lexicon(reach: 0)
    #expect(hits(local, "We had 40 workers and cut them.") == 1)
    #expect(hits(local, "We had 40 workers. We cut them.") == 0)
    #expect(hits(local, "Prices rose, so we cut them.") == 0)
    let wide = try Self.lexicon(reach: 1)
    #expect(hits(wide, "We had 40 workers. We cut them.") == 1)
    #expect(hits(wide, "We cut them. The roles had gone stale.") == 1)
    #expect(hits(wide, "We had 40 workers. Costs rose. We cut them.") == 0)
  }

  @Test("A reach outside 0...5 is reported with its place")
  func badReach() throws {
    #expect(throws: LexiconError.self) { try Self.lexicon(reach: 9) }
    do {
      _ = try Self.lexicon(reach: 9)
    } catch {
      #expect("\(error)".contains("reach"))
      #expect("\(error)".contains("cuts.yaml"))
    }
  }

  @Test("The shipped 'models' entry needs an AI word within two sentences")
  func modelsNearAI() throws {
    let lexicon = try Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path)
    func models(_ text: String) -> Bool {
      lexicon.hits(in: Tokenizer().tokenize(text)).contains {
        lexicon.entries[$0.entry].id == "models_near_ai"
      }
    }
    #expect(models("We use AI in legal. Our models draft every contract."))
    #expect(models("We use AI in legal. It is new. Our models draft every contract."))
    #expect(!models("We use AI in legal. It is new. It is fast. Our models draft every contract."))
    #expect(!models("Our models draft every contract."))
    #expect(!models("We use AI in legal. Our pricing models changed."))
    #expect(!models("We use AI in legal. The models show a deficit."))
  }
}
