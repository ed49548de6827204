/// Keyword-in-context pieces: a match's text and the words either side of it.
enum Context {
  /// Characters of context either side of a match (as the scorer quotes hits).
  static let width = 60

  /// The text between two Unicode scalar offsets of `paragraph`.
  static func slice(_ paragraph: String, _ start: Int, _ end: Int) -> String {
    let scalars = paragraph.unicodeScalars
    guard start >= 0, start <= end else { return "" }
    var view = String.UnicodeScalarView()
    var index = 0
    for scalar in scalars {
      if index >= end { break }
      if index >= start { view.append(scalar) }
      index += 1
    }
    return String(view)
  }

  /// The match at `start..<end` (Unicode scalars) of `paragraph` and about `width` characters
  /// before and after it, cut at a space and marked `…` when cut.
  static func around(_ paragraph: String, start: Int, end: Int) -> (
    before: String, text: String, after: String
  ) {
    let scalars = Array(paragraph.unicodeScalars)
    let lower = max(0, min(start, scalars.count))
    let upper = max(lower, min(end, scalars.count))
    func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: slice)
      return String(view)
    }
    var beforeStart = max(0, lower - width)
    if beforeStart > 0 {
      // Start at a word: after the first space in the window, when there is one.
      if let space = scalars[beforeStart..<lower].firstIndex(where: { $0 == " " }) {
        beforeStart = space + 1
      }
    }
    var afterEnd = min(scalars.count, upper + width)
    if afterEnd < scalars.count {
      if let space = scalars[upper..<afterEnd].lastIndex(where: { $0 == " " }), space > upper {
        afterEnd = space
      }
    }
    let before = (beforeStart > 0 ? "…" : "") + string(scalars[beforeStart..<lower])
    let after = string(scalars[upper..<afterEnd]) + (afterEnd < scalars.count ? "…" : "")
    return (
      before.replacingNewlines(), string(scalars[lower..<upper]).replacingNewlines(),
      after.replacingNewlines()
    )
  }
}

extension String {
  /// Line breaks and tabs as spaces, so a context stays on one output line.
  fileprivate func replacingNewlines() -> String {
    String(
      String.UnicodeScalarView(
        unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
  }
}
