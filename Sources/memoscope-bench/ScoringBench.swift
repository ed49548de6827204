import ArgumentParser
import CICU
import Foundation
import MemoscopeKit

/// `memoscope-bench tokenize`: ICU's bare word-break rate versus the tokenizer and the matcher.
struct TokenizeBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize",
    abstract: "Measure bare ICU word break, tokenize, and tokenize + lexicon match (MB/s).",
    discussion: """
      The input is a UTF-8 text file; paragraphs are split on blank lines and grouped into
      documents of --paragraphs-per-document paragraphs. Benchmarks/scoring.sh builds it from
      the extracted text of ../shared/bench/article-extraction/html/*.html.gz, repeated to ~50 MB.
      All three passes run in one process, single-threaded, best of --rounds.
      """)

  @Option(help: "A UTF-8 text file to tokenize.")
  var input: String

  @Option(help: "The lexicon folder for the match pass (omit to skip it).")
  var lexicon: String?

  @Option(help: "Paragraphs per document.")
  var paragraphsPerDocument = 40

  @Option(help: "Rounds per pass; the best is reported.")
  var rounds = 3

  @Flag(help: "Run only the tokenize pass (for profiling).")
  var onlyTokenize = false

  func run() throws {
    let text = try String(contentsOfFile: input, encoding: .utf8)
    let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
    let megabytes = Double(paragraphs.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
    var documents: [[String]] = []
    var start = 0
    while start < paragraphs.count {
      let end = min(start + paragraphsPerDocument, paragraphs.count)
      documents.append(Array(paragraphs[start..<end]))
      start = end
    }
    print(
      String(
        format: "input: %.1f MB, %d paragraphs, %d documents, ICU %@", megabytes,
        paragraphs.count, documents.count, Tokenizer.icuVersion))

    let tokenizer = Tokenizer()
    if onlyTokenize {
      let tokenized = best(of: rounds) { () -> Int in
        documents.reduce(0) { $0 + tokenizer.tokenize(paragraphs: $1).tokens.count }
      }
      print(String(format: "tokenize: %7.1f MB/s", megabytes / tokenized.seconds))
      return
    }
    let utf16 = paragraphs.map { Array($0.utf16) }
    let bare = best(of: rounds) { () -> Int in
      bareWordBreak(utf16)
    }
    print(
      String(format: "bare ICU word break: %7.1f MB/s (%d words)", megabytes / bare.seconds, bare.value))

    let sentences = best(of: 1) { () -> Int in
      bareWordBreak(utf16, kind: 1)
    }
    print(
      String(
        format: "(bare ICU sentence break: %5.1f MB/s, for reference)",
        megabytes / sentences.seconds))

    let icuSentences = Tokenizer(sentences: .icu)
    let exact = best(of: 1) { () -> Int in
      documents.reduce(0) { $0 + icuSentences.tokenize(paragraphs: $1).sentenceCount }
    }
    print(
      String(
        format: "(tokenize with ICU sentence iterator: %5.1f MB/s, %d sentences)",
        megabytes / exact.seconds, exact.value))
    let tokenized = best(of: rounds) { () -> Int in
      documents.reduce(0) { $0 + tokenizer.tokenize(paragraphs: $1).tokens.count }
    }
    let tokenizeRate = megabytes / tokenized.seconds
    print(
      String(
        format: "tokenize:            %7.1f MB/s (%d tokens) = %.0f%% of bare ICU", tokenizeRate,
        tokenized.value, 100 * bare.seconds / tokenized.seconds))
  }

  /// Iterates ICU word boundaries over every paragraph; returns the number of word segments.
  private func bareWordBreak(_ paragraphs: [[UInt16]], kind: Int32 = 0) -> Int {
    guard let iterator = memoscope_break_open(kind) else { return 0 }
    defer { memoscope_break_close(iterator) }
    var words = 0
    for paragraph in paragraphs {
      paragraph.withUnsafeBufferPointer { units in
        _ = memoscope_break_set_text(iterator, units.baseAddress, Int32(units.count))
        _ = memoscope_break_first(iterator)
        while memoscope_break_next(iterator) >= 0 {
          if kind == 1 || memoscope_break_rule_status(iterator) >= MEMOSCOPE_WORD_NUMBER {
            words += 1
          }
        }
      }
    }
    return words
  }
}

/// Runs `body` `rounds` times and returns the fastest run's seconds and its result.
func best<T>(of rounds: Int, _ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
  var fastest = Double.infinity
  var value: T?
  for _ in 0..<max(1, rounds) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = start.duration(to: clock.now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if seconds < fastest {
      fastest = seconds
      value = result
    }
  }
  return (fastest, value!)
}
