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
      All passes run in one process, single-threaded, alternating within each round; the best
      of --rounds is reported for each. Rates use the thread's CPU time, not wall time.
      """)

  @Option(help: "A UTF-8 text file to tokenize.")
  var input: String

  @Option(help: "The lexicon folder for the match pass (omit to skip it).")
  var lexicon: String?

  @Option(help: "Paragraphs per document.")
  var paragraphsPerDocument = 12

  @Option(help: "Rounds per pass; the best is reported.")
  var rounds = 3

  @Flag(help: "Run only the tokenize pass, or tokenize + match with --lexicon (for profiling).")
  var onlyTokenize = false

  @Flag(help: "Check that the built-in ASCII segmenter and ICU give the same tokens, then stop.")
  var compareICU = false

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
    if compareICU {
      var icu = Tokenizer()
      icu.asciiSegmentation = false
      var differing = 0
      for document in documents {
        let fast = tokenizer.tokenize(paragraphs: document)
        let exact = icu.tokenize(paragraphs: document)
        if fast.tokens.map({ fast.normalizedText(of: $0) })
          != exact.tokens.map({ exact.normalizedText(of: $0) })
          || fast.tokens.map({ [$0.start, $0.end, $0.sentence, $0.paragraph] })
            != exact.tokens.map({ [$0.start, $0.end, $0.sentence, $0.paragraph] })
          || fast.tokens.map(\.kind) != exact.tokens.map(\.kind)
        {
          differing += 1
        }
      }
      print("documents whose tokens differ between the ASCII segmenter and ICU: \(differing)")
      if differing > 0 { throw ExitCode.failure }
      return
    }
    if onlyTokenize {
      let loaded = try lexicon.map { try Lexicon.load($0) }
      var fastest = Double.infinity
      for _ in 0..<max(1, rounds) {
        if let loaded {
          fastest = min(
            fastest,
            time {
              for document in documents {
                _ = loaded.hits(in: tokenizer.tokenize(paragraphs: document))
              }
            })
          continue
        }
        fastest = min(
          fastest,
          time { for document in documents { _ = tokenizer.tokenize(paragraphs: document) } })
      }
      print(String(format: "tokenize: %7.1f MB/s", megabytes / fastest))
      return
    }
    let utf16 = paragraphs.map { Array($0.utf16) }
    let loaded = try lexicon.map { try Lexicon.load($0) }
    let icuSentences = Tokenizer(sentences: .icu)
    var icuOnly = Tokenizer()
    icuOnly.asciiSegmentation = false
    // The passes alternate within each round, so a busy machine slows them alike; the best
    // round of each pass is reported.
    var bare = Double.infinity
    var sentences = Double.infinity
    var exact = Double.infinity
    var tokenized = Double.infinity
    var matched = Double.infinity
    var matchedICUOnly = Double.infinity
    var counts = (words: 0, tokens: 0, sentences: 0, hits: 0)
    for _ in 0..<max(1, rounds) {
      bare = min(bare, time { counts.words = bareWordBreak(utf16) })
      sentences = min(sentences, time { _ = bareWordBreak(utf16, kind: 1) })
      exact = min(
        exact,
        time {
          counts.sentences = documents.reduce(0) {
            $0 + icuSentences.tokenize(paragraphs: $1).sentenceCount
          }
        })
      tokenized = min(
        tokenized,
        time {
          counts.tokens = documents.reduce(0) {
            $0 + tokenizer.tokenize(paragraphs: $1).tokens.count
          }
        })
      if let loaded {
        matched = min(
          matched,
          time {
            counts.hits = documents.reduce(0) {
              $0 + loaded.hits(in: tokenizer.tokenize(paragraphs: $1)).count
            }
          })
        matchedICUOnly = min(
          matchedICUOnly,
          time {
            for document in documents {
              _ = loaded.hits(in: icuOnly.tokenize(paragraphs: document))
            }
          })
      }
    }
    print(
      String(format: "bare ICU word break: %7.1f MB/s (%d words)", megabytes / bare, counts.words))
    print(
      String(format: "(bare ICU sentence break: %5.1f MB/s, for reference)", megabytes / sentences))
    print(
      String(
        format:
          "(tokenize with ICU sentence iterator: %5.1f MB/s = %.0f%% of bare ICU, %d sentences)",
        megabytes / exact, 100 * bare / exact, counts.sentences))
    print(
      String(
        format: "tokenize:            %7.1f MB/s (%d tokens) = %.0f%% of bare ICU",
        megabytes / tokenized, counts.tokens, 100 * bare / tokenized))
    if let loaded {
      print(
        String(
          format:
            "tokenize + match:    %7.1f MB/s (%ld hits, %ld entries, %ld sequences) = %.0f%% of bare ICU",
          megabytes / matched, counts.hits, loaded.entries.count, loaded.sequenceCount,
          100 * bare / matched))
      print(
        "(automaton: \(loaded.automatonSize.states) states, \(loaded.automatonSize.edges) edges)")
      print(
        String(
          format:
            "(tokenize + match, every paragraph through ICU: %5.1f MB/s = %.0f%% of bare ICU)",
          megabytes / matchedICUOnly, 100 * bare / matchedICUOnly))
    }
  }

  /// The CPU seconds the calling thread spends in `body` (steadier than wall time on a shared
  /// machine; the passes are single-threaded).
  private func time(_ body: () -> Void) -> Double {
    func now() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
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

/// `memoscope-bench phrases`: the lexicon's word-only phrase expansions, one per line, for the
/// Python peer of the scoring benchmark.
struct PhrasesExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phrases",
    abstract: "Print every word-only phrase a lexicon's patterns expand to, lower-cased, sorted.")

  @Option(help: "The lexicon folder.")
  var lexicon = "Lexicons/ai-washing"

  func run() throws {
    let loaded = try Lexicon.load(lexicon)
    print(loaded.plainPhrases.joined(separator: "\n"))
  }
}
