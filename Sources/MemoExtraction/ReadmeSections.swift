import Foundation

/// A project's README whose memo is one of its sections ("## Acme is winding down" between
/// the badges and "## Installing"): the section is the memo and its heading the title.
///
/// A README is told by its headings alone: three sections or more, two of them with a
/// README's heading (`readmeHeadings`: "Installation", "Usage", "License" …). The memo is the
/// first other section at the top section level with `minimumWords` words or more. Only the
/// headings are looked at, so a Markdown file costs nothing more.
enum ReadmeSections {
  struct Heading {
    var level: Int
    var text: String
    /// Index of the heading's first line in the prepared lines.
    var start: Int
  }

  /// Headings of a software project's README, lower case.
  static let readmeHeadings: Set<String> = [
    "install", "installing", "installation", "usage", "license", "licence", "licensing",
    "contributing", "contributors", "getting started", "quick start", "quickstart", "build",
    "building", "documentation", "docs", "requirements", "features", "faq", "development",
    "testing", "tests", "changelog", "acknowledgements", "acknowledgments", "credits",
    "examples", "configuration", "setup", "running", "roadmap", "table of contents",
    "contents", "authors", "security",
  ]

  /// Words a section needs to be the memo. Calibration: a winding-down note of a few
  /// sentences has 60 or more; a README's "About" paragraph is shorter.
  static let minimumWords = 40

  /// The memo's heading (an index into `headings`) and its lines, or nil when the headings
  /// are not a README's. `titleLevel` is the level of the heading taken as the title (0 for
  /// none); the memo's sections sit below it.
  static func memoSection(_ headings: [Heading], titleLevel: Int, lines prepared: [String])
    -> (heading: Int, lines: Range<Int>)?
  {
    guard headings.count >= 3,
      headings.lazy.filter({ readmeHeadings.contains(key($0.text)) }).count >= 2
    else { return nil }
    // A project's name as the one heading above the rest ("# Acme" under the badges) is
    // the title's level too.
    var titleLevel = titleLevel
    if let first = headings.first, headings.dropFirst().allSatisfy({ $0.level > first.level }) {
      titleLevel = max(titleLevel, first.level)
    }
    guard let top = headings.map(\.level).filter({ $0 > titleLevel }).min() else { return nil }
    for (index, heading) in headings.enumerated()
    where heading.level == top && !readmeHeadings.contains(key(heading.text)) {
      let end = headings[(index + 1)...].first { $0.level <= top }?.start ?? prepared.count
      let lines = min(heading.start + 3, end)..<end
      let words = prepared[lines].reduce(0) { $0 + $1.split(separator: " ").count }
      if words >= minimumWords { return (index, lines) }
    }
    return nil
  }

  /// A heading compared with `readmeHeadings`: lower case, without emoji or punctuation at
  /// its ends ("📦 Installation" → "installation").
  static func key(_ text: String) -> String {
    text.lowercased().trimmingCharacters(in: .letters.inverted)
  }
}
