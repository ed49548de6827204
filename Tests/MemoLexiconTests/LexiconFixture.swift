import Foundation
import MemoLexicon
import TestSupport

/// Small lexicons written for a test: one restructuring category, `cuts`, with the entries given.
enum LexiconFixture {
  /// Writes `lexicon.yaml` and `cuts.yaml` to a temporary folder and loads them. `entries` is
  /// the YAML list under `entries:` (items start with `  - id:`).
  static func oneCategory(name: String, description: String, entries: String) throws -> Lexicon {
    let folder = try Fixtures.temporaryFolder()
    try """
    name: \(name)
    version: 1.0.0
    description: \(description)
    categories:
      - id: cuts
        title: Cuts
        role: restructuring
        description: Cuts.
    """.write(
      to: folder.appendingPathComponent("lexicon.yaml"), atomically: true, encoding: .utf8)
    try ("category: cuts\nentries:\n" + entries + "\n").write(
      to: folder.appendingPathComponent("cuts.yaml"), atomically: true, encoding: .utf8)
    return try Lexicon.load(folder.path)
  }
}
