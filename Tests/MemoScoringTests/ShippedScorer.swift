import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport

/// The scorer with the shipped lexicon (`Lexicons/ai-washing`), loaded once for the suites that
/// check rules on invented sentences.
enum ShippedScorer {
  static let scorer: Scorer = {
    let lexicon = try! Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path)
    return Scorer(lexicon: lexicon)
  }()

  /// Scores `text`, whose paragraphs are separated by ` || ` as in the probe files.
  static func card(_ text: String) -> ScoreCard {
    scorer.score(Memo(source: "t", paragraphs: text.components(separatedBy: " || ")))
  }
}
