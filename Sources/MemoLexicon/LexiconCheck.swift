import MemoTokenization

/// Validates a lexicon folder and runs every entry's examples (`memoscope lexicon check`).
public struct LexiconCheck: Sendable {
  /// The lexicon, when its files could be read (even with problems).
  public var lexicon: Lexicon?
  /// Every problem: file and entry errors first, then failed examples, in file order.
  public var problems: [LexiconError]
  /// The number of examples run.
  public var examplesRun: Int
  /// The number of examples that behaved as declared.
  public var examplesPassed: Int

  /// Whether the lexicon is free of problems.
  public var passed: Bool { problems.isEmpty && lexicon != nil }

  /// Checks the lexicon at `path` (a lexicon folder or a folder holding exactly one).
  public static func run(_ path: String, tokenizer: Tokenizer = Tokenizer()) -> LexiconCheck {
    let outcome = LexiconLoader.load(path, tokenizer: tokenizer)
    var check = LexiconCheck(
      lexicon: outcome.lexicon, problems: outcome.errors, examplesRun: 0, examplesPassed: 0)
    guard let lexicon = outcome.lexicon else { return check }
    // With an AI reference layer, AI framing must name AI: every match example of an
    // ai_framing entry holds an AI reference.
    let hasReferences = lexicon.categories.contains { $0.role == .aiReference }
    func role(_ entry: Int) -> CategoryRole? { lexicon.category(of: lexicon.entries[entry])?.role }
    for (index, entry) in lexicon.entries.enumerated() {
      for example in entry.matchExamples {
        check.examplesRun += 1
        let text = tokenizer.tokenize(example.text)
        let hits = lexicon.hits(in: text)
        if hits.contains(where: { $0.entry == index }) {
          if hasReferences && role(index) == .aiFraming
            && !hits.contains(where: { role($0.entry) == .aiReference })
          {
            check.problems.append(
              .framingWithoutAI(example.location, entry: entry.id, example: example.text))
            continue
          }
          check.examplesPassed += 1
        } else {
          let found = Set(hits.map { lexicon.entries[$0.entry].id }).sorted()
          check.problems.append(
            .exampleNotMatched(
              example.location, entry: entry.id, example: example.text, found: found))
        }
      }
      for example in entry.noMatchExamples {
        check.examplesRun += 1
        let text = tokenizer.tokenize(example.text)
        if let hit = lexicon.hits(in: text).first(where: { $0.entry == index }) {
          let first = text.tokens[hit.tokens.lowerBound]
          let last = text.tokens[hit.tokens.upperBound - 1]
          let surface = text.text(
            paragraph: Int(first.paragraph), range: Int(first.start)..<Int(last.end))
          check.problems.append(
            .exampleMatched(
              example.location, entry: entry.id, example: example.text, surface: surface))
        } else {
          check.examplesPassed += 1
        }
      }
    }
    check.problems = LexiconError.sortedByLocation(check.problems)
    return check
  }

  /// The one-line summary, e.g.
  /// `ai-washing 1.0.0 (hash 0123456789abcdef): 152 entries in 12 categories, 304 examples passed`,
  /// followed by the failures and problems when there are any.
  public var summary: String {
    guard let lexicon else {
      return "lexicon not loaded: \(problems.count) problem\(problems.count == 1 ? "" : "s")"
    }
    func count(_ number: Int, _ noun: String, _ plural: String) -> String {
      "\(number) \(number == 1 ? noun : plural)"
    }
    var line =
      "\(lexicon.name) \(lexicon.version) (hash \(lexicon.hash)): "
      + count(lexicon.entries.count, "entry", "entries") + " in "
      + count(lexicon.categories.count, "category", "categories") + ", "
      + count(examplesPassed, "example", "examples") + " passed"
    let failed = examplesRun - examplesPassed
    if failed > 0 { line += ", \(failed) failed" }
    if !problems.isEmpty {
      line += "; " + count(problems.count, "problem", "problems")
    }
    return line
  }
}
