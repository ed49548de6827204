import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import MemoLexicon
import MemoReporting
import MemoScoring

extension Pipeline {
  /// Compares the memos in two files.
  ///
  /// - Parameters:
  ///   - left: The first memo's file. - right: The second memo's file.
  ///   - lexiconPath: The lexicon folder.
  /// - Throws: `ReportingError.notOneMemo` when a path is a folder (a usage error),
  ///   `ReportingError.unreadableInput` when a file cannot be read, `LexiconError`.
  public static func compare(left: String, right: String, lexiconPath: String) throws
    -> Comparison
  {
    var memos: [Memo] = []
    for path in [left, right] {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        throw ReportingError.notOneMemo(path: path)
      }
      // A JSONL file of extracted memos is accepted when it holds exactly one memo.
      let results = ExtractionBatch.extract([path])
      guard results.count == 1 else { throw ReportingError.notOneMemo(path: path) }
      switch results[0] {
      case .success(let memo): memos.append(memo)
      case .failure(let error):
        throw ReportingError.unreadableInput(path: error.path, reason: error.description)
      }
    }
    let lexicon = try Lexicon.load(lexiconPath)
    return compare(memos[0], memos[1], lexicon: lexicon)
  }

  /// Compares two memos already read.
  public static func compare(_ left: Memo, _ right: Memo, lexicon: Lexicon) -> Comparison {
    let scorer = Scorer(lexicon: lexicon)
    let shared = PassageFinder().sharedPassages(among: [left, right])
    return Comparison(
      left: left, right: right, leftScore: scorer.score(left), rightScore: scorer.score(right),
      lexicon: "\(lexicon.name) \(lexicon.version) (hash \(lexicon.hash))",
      passages: shared.passages.map { Comparison.Passage(text: $0.text, words: $0.tokens) },
      coverage: (left: shared.coverage.first ?? 0, right: shared.coverage.last ?? 0))
  }
}
