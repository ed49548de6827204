import Foundation
import MemoLexicon
import TestSupport
import Testing

@Suite("LexiconCheck")
struct LexiconCheckTests {
  @Test("A sound lexicon passes with a summary line")
  func mini() {
    let check = LexiconCheck.run(Fixtures.url("Lexicons/mini").path)
    #expect(check.problems.map(\.description) == [])
    #expect(check.passed)
    #expect(check.examplesRun == 25)
    #expect(
      check.summary
        == "mini 0.3.1 (hash \(check.lexicon!.hash)): 9 entries in 5 categories, 25 examples passed"
    )
  }

  @Test("A lexicon with broken-manifest problems lists each one exactly")
  func brokenManifest() {
    let dir = Fixtures.url("Lexicons/broken-manifest").path
    let check = LexiconCheck.run(dir)
    #expect(!check.passed)
    #expect(
      check.problems.map(\.description) == [
        "\(dir)/lexicon.yaml:2:10: version '1.0' is not a semantic version; write it as major.minor.patch, e.g. 1.0.0.",
        "\(dir)/lexicon.yaml:3:1: unknown key 'colour'; expected one of: name, version, description, categories.",
        "\(dir)/lexicon.yaml:8:9: id 'cuts' is already used at \(dir)/lexicon.yaml:5:9; ids must be unique across the lexicon.",
        "\(dir)/lexicon.yaml:11:9: id 'Hype' is not snake_case; use lower-case letters, digits and underscores.",
        "\(dir)/lexicon.yaml:13:11: role 'hype' is not one of: ai_framing, restructuring, signal, distancing, alternative, ai_reference, cut, cause.",
        "\(dir)/lexicon.yaml:14:9: category 'missing_file' has no file missing_file.yaml; create it or remove the category.",
        "\(dir)/stray.yaml:1:11: category 'stray' is not declared in lexicon.yaml; add it under 'categories' or fix the name.",
      ])
    #expect(check.summary.hasSuffix(" 1 entry in 2 categories, 1 example passed; 7 problems"))
  }

  @Test("A lexicon with broken-entries problems lists each one exactly")
  func brokenEntries() {
    let dir = Fixtures.url("Lexicons/broken-entries").path
    let check = LexiconCheck.run(dir)
    #expect(!check.passed)
    #expect(
      check.problems.map(\.description) == [
        "\(dir)/cuts.yaml:8:5: unknown key 'colour'; expected one of: id, weight, since, changed, patterns, rationale, sources, examples, exceptions, context.",
        "\(dir)/cuts.yaml:9:5: entry 'no_weight' has no 'weight'; add it (see Lexicons/README.md).",
        "\(dir)/cuts.yaml:14:13: weight '9' must be a number from 0.5 (faint) to 3.0 (signature phrase).",
        "\(dir)/cuts.yaml:18:9: id 'fewer_layers' is already used at \(dir)/cuts.yaml:3:9; ids must be unique across the lexicon.",
        "\(dir)/cuts.yaml:23:9: id 'Bad-Id' is not snake_case; use lower-case letters, digits and underscores.",
        "\(dir)/cuts.yaml:28:5: entry 'no_examples' has no 'examples'; add it (see Lexicons/README.md).",
        "\(dir)/cuts.yaml:30:15: 'patterns' must be a list.",
      ])
    #expect(check.summary.hasSuffix(" 6 entries in 1 category, 5 examples passed; 7 problems"))
  }

  @Test("A lexicon with broken-patterns problems lists each one exactly")
  func brokenPatterns() {
    let dir = Fixtures.url("Lexicons/broken-patterns").path
    let check = LexiconCheck.run(dir)
    #expect(!check.passed)
    #expect(
      check.problems.map(\.description) == [
        "\(dir)/cuts.yaml:6:9: pattern '(remove|reduce layers' has an unclosed '('; close every '(' with ')' and every '[' with ']'.",
        "\(dir)/cuts.yaml:7:9: pattern 'fewer [management layers' has an unclosed '['; close every '(' with ')' and every '[' with ']'.",
        "\(dir)/cuts.yaml:8:9: pattern 'fewer layers)' has a ')' without its opening '('; close every '(' with ')' and every '[' with ']'.",
        "\(dir)/cuts.yaml:9:9: pattern 'remove|reduce': '|' outside parentheses; write alternatives as (a|b).",
        "\(dir)/cuts.yaml:10:9: pattern '~ layers': '~' must follow a word, as in flatten~.",
        "\(dir)/cuts.yaml:11:9: pattern '( |cut)': empty alternative in '( )'; use [word] for an optional word.",
        "\(dir)/cuts.yaml:13:24: example of 'syntax' does not match: 'We cut layers.' (matched instead: first); fix the patterns or the example.",
        "\(dir)/cuts.yaml:17:9: pattern '-- / --' has no words after tokenization (punctuation only), so it can never match; give it at least one word or number.",
        "\(dir)/cuts.yaml:18:9: pattern '[fewer] [layers]' can match nothing, because every part is optional; give it at least one word or number.",
        "\(dir)/cuts.yaml:19:9: pattern '* *' is only '*', which would match any text; give it at least one word or number.",
        "\(dir)/cuts.yaml:21:24: example of 'never' does not match: 'Nothing.' (no entry matched); fix the patterns or the example.",
        "\(dir)/cuts.yaml:31:13: exception redirects to 'nowhere', which is not an entry id; fix the id or use 'suppress'.",
        "\(dir)/cuts.yaml:33:17: action 'ignore' must be 'suppress' or 'redirect' (with 'to: entry_id').",
        "\(dir)/cuts.yaml:37:9: pattern '(cut|trim) layers' matches the same words ('cut~ layer~') as entry 'first' at \(dir)/cuts.yaml:25:9; keep it in one entry.",
      ])
    #expect(
      check.summary.hasSuffix(" 4 entries in 1 category, 2 examples passed, 2 failed; 14 problems"))
  }

  @Test("A lexicon with broken-examples problems lists each one exactly")
  func brokenExamples() {
    let dir = Fixtures.url("Lexicons/broken-examples").path
    let check = LexiconCheck.run(dir)
    #expect(!check.passed)
    #expect(
      check.problems.map(\.description) == [
        "\(dir)/cuts.yaml:10:11: example of 'fewer_layers' does not match: 'We want less hierarchy.' (matched instead: less_hierarchy); fix the patterns or the example.",
        "\(dir)/cuts.yaml:12:11: no_match example of 'fewer_layers' matches ('Fewer layers'): 'Fewer layers of paint.'; narrow the patterns or add an exception.",
      ])
    #expect(
      check.summary.hasSuffix(" 2 entries in 1 category, 2 examples passed, 2 failed; 2 problems"))
  }

  @Test("A lexicon with broken-yaml problems lists each one exactly")
  func brokenYaml() {
    let dir = Fixtures.url("Lexicons/broken-yaml").path
    let check = LexiconCheck.run(dir)
    #expect(!check.passed)
    #expect(
      check.problems.map(\.description) == [
        "\(dir)/cuts.yaml:5:14: YAML syntax error: mapping values are not allowed in this context. Fix the indentation or quoting here."
      ])
    #expect(check.summary.hasSuffix(" 0 entries in 1 category, 0 examples passed; 1 problem"))
  }

  static let shippedLexicon = Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing")

  @Test(
    "Every example of the shipped ai-washing lexicon behaves as declared",
    .enabled(
      if: FileManager.default.fileExists(
        atPath: shippedLexicon.appendingPathComponent("lexicon.yaml").path)))
  func shipped() {
    let check = LexiconCheck.run(Self.shippedLexicon.path)
    #expect(check.problems.map(\.description) == [])
    #expect(check.examplesRun > 0)
    #expect(check.examplesPassed == check.examplesRun)
  }
}
