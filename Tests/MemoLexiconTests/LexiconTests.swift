import Foundation
import MemoCore
import MemoLexicon
import MemoTokenization
import TestSupport
import Testing

@Suite("Lexicon")
struct LexiconTests {
  let tokenizer = Tokenizer()
  let lexicon: Lexicon

  init() throws {
    lexicon = try Lexicon.load(Fixtures.url("Lexicons/mini").path)
  }

  /// The ids of the entries hit in `text`, with the matched surface text, in text order.
  func hits(_ paragraphs: String...) -> [String] {
    let text = tokenizer.tokenize(paragraphs: paragraphs)
    return lexicon.hits(in: text).map { hit in
      let first = text.tokens[hit.tokens.lowerBound]
      let last = text.tokens[hit.tokens.upperBound - 1]
      let surface = text.text(
        paragraph: Int(first.paragraph), range: Int(first.start)..<Int(last.end))
      return "\(lexicon.entries[hit.entry].id): \(surface)"
    }
  }

  @Test("The manifest, categories and entries load in file order")
  func loads() {
    #expect(lexicon.name == "mini")
    #expect(lexicon.version == "0.3.1")
    #expect(
      lexicon.categories.map(\.id) == ["ai_framing", "cuts", "urgency", "hedges", "other_reasons"])
    #expect(
      lexicon.categories.map(\.role) == [
        .aiFraming, .restructuring, .signal, .distancing, .alternative,
      ])
    #expect(
      lexicon.entries.map(\.id) == [
        "ai_first", "ai_replacing", "code_share", "fewer_layers", "role_eliminations", "attrition",
        "not_about_ai", "over_hiring", "inflection_point",
      ])
    #expect(
      lexicon.entries[0].sources == [
        EntrySource(company: "Example", date: "2025-01", memo: "EXAMPLE-2025-01")
      ])
    #expect(lexicon.entries[3].weight == 2.5)
  }

  @Test("The content hash is FNV-1a 64 over the YAML files' bytes in file-name order")
  func contentHash() throws {
    let folder = Fixtures.url("Lexicons/mini")
    var hash = StableHash()
    for name in [
      "ai_framing.yaml", "cuts.yaml", "hedges.yaml", "lexicon.yaml", "other_reasons.yaml",
      "urgency.yaml",
    ] {
      hash.combine(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
    let hex = String(hash.value, radix: 16)
    #expect(lexicon.hash == String(repeating: "0", count: 16 - hex.count) + hex)
    #expect(lexicon.hash.count == 16)
  }

  @Test("An entry's phrase is its first pattern's plain form")
  func canonicalPhrase() {
    #expect(lexicon.entries[0].canonicalPhrase == "ai first")
    #expect(lexicon.entries[2].canonicalPhrase == "# percent of our code")
    #expect(lexicon.entries[3].canonicalPhrase == "fewer layers")
  }

  @Test("Phrases match across spelling variants, inflections, optional words and choices")
  func matching() {
    #expect(
      hits(
        "We are an A.I.\u{2011}native organisation that is removing layers and laid off 40 people.")
        == [
          "ai_first: A.I.\u{2011}native", "fewer_layers: removing layers",
          "role_eliminations: laid off",
        ])
    #expect(
      hits("AI first.", "Fewer\nmanagement layers.") == [
        "ai_first: AI first", "fewer_layers: Fewer\nmanagement layers",
      ])
  }

  @Test("'#' matches one number token and '*' any one token")
  func wildcards() {
    #expect(hits("Agents write 30% of our code.") == ["code_share: 30% of our code"])
    // Number words are numbers (since 2.2.0), a run of them one number.
    #expect(
      hits("Agents write thirty percent of our code.") == [
        "code_share: thirty percent of our code"
      ])
    #expect(
      hits("Agents write thirty-five percent of our code.") == [
        "code_share: thirty-five percent of our code"
      ])
    #expect(hits("Agents write one percent of our code.") == [])
    #expect(
      hits("Managers are managing autonomous agents.") == [
        "ai_replacing: managing autonomous agents"
      ])
    #expect(hits("Managers are managing agents.") == [])
  }

  @Test("The longest match wins over a shorter one inside it")
  func longestMatch() {
    #expect(
      hits("That is not about AI replacing people.") == [
        "not_about_ai: not about AI replacing people"
      ])
    #expect(hits("This is not about AI.") == ["not_about_ai: This is not about AI"])
    #expect(hits("AI replacing people is the plan.") == ["ai_replacing: AI replacing people"])
  }

  @Test("Exceptions suppress or redirect the hits they overlap")
  func exceptions() {
    #expect(hits("Sand it to remove layers of old paint.") == [])
    #expect(hits("Remove layers of management.") == ["fewer_layers: Remove layers"])
    #expect(
      hits("We will reduce our workforce through attrition.") == ["attrition: reduce our workforce"]
    )
    #expect(hits("We will reduce our workforce.") == ["role_eliminations: reduce our workforce"])
  }

  @Test("A phrase never spans two paragraphs")
  func paragraphs() {
    #expect(hits("We are at an inflection", "point of no return.") == [])
    #expect(hits("We are at an inflection point") == ["inflection_point: inflection point"])
  }

  @Test("A phrase never spans two sentences")
  func sentences() {
    #expect(hits("We rely on AI. First, we will cut costs.") == [])
    #expect(hits("We are AI-first.") == ["ai_first: AI-first"])
  }

  @Test("Plain phrases list every word-only expansion, sorted")
  func plainPhrases() {
    let phrases = lexicon.plainPhrases
    // A word class is given once, by the shortest word written for it in a pattern.
    #expect(phrases.contains("ai native organization"))
    #expect(!phrases.contains("ai native organizations"))
    #expect(phrases.contains("fewer management layers"))
    #expect(!phrases.contains { $0.contains("#") || $0.contains("*") })
    #expect(phrases == phrases.sorted())
  }

  @Test("Loading a broken lexicon throws its first problem")
  func loadThrows() {
    let folder = Fixtures.url("Lexicons/broken-yaml").path
    #expect(throws: LexiconError.self) { try Lexicon.load(folder) }
    do {
      _ = try Lexicon.load(folder)
    } catch {
      #expect(
        error.description
          == "\(folder)/cuts.yaml:5:14: YAML syntax error: mapping values are not allowed in this context. Fix the indentation or quoting here."
      )
    }
  }

  @Test("A folder holding one lexicon folder is accepted; others are refused")
  func resolving() throws {
    let parent = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    try FileManager.default.copyItem(
      at: Fixtures.url("Lexicons/mini"), to: parent.appendingPathComponent("mini"))
    #expect(try Lexicon.load(parent.path).name == "mini")
    let fixtures = Fixtures.url("Lexicons").path
    #expect(throws: LexiconError.notALexicon(path: fixtures)) { try Lexicon.load(fixtures) }
    #expect(
      LexiconError.notALexicon(path: fixtures).description
        == "\(fixtures): no lexicon.yaml here; pass a lexicon folder such as Lexicons/ai-washing.")
  }
}
