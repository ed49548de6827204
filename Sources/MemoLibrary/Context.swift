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
    let scalars = paragraph.unicodeScalars
    func index(_ offset: Int, from base: String.Index) -> String.Index {
      scalars.index(base, offsetBy: offset, limitedBy: scalars.endIndex) ?? scalars.endIndex
    }
    let lowerIndex = index(max(0, start), from: scalars.startIndex)
    let upperIndex = index(max(0, end - max(0, start)), from: lowerIndex)
    // Back up to `width` scalars before the match, then forward to the first space (a word).
    var beforeStart = lowerIndex
    var count = 0
    while count < width && beforeStart > scalars.startIndex {
      beforeStart = scalars.index(before: beforeStart)
      count += 1
    }
    let cutBefore = beforeStart > scalars.startIndex
    if cutBefore, let space = scalars[beforeStart..<lowerIndex].firstIndex(of: " ") {
      beforeStart = scalars.index(after: space)
    }
    var afterEnd = upperIndex
    count = 0
    while count < width && afterEnd < scalars.endIndex {
      afterEnd = scalars.index(after: afterEnd)
      count += 1
    }
    let cutAfter = afterEnd < scalars.endIndex
    if cutAfter, let space = scalars[upperIndex..<afterEnd].lastIndex(of: " "), space > upperIndex {
      afterEnd = space
    }
    let before = (cutBefore ? "…" : "") + String(scalars[beforeStart..<lowerIndex])
    let after = String(scalars[upperIndex..<afterEnd]) + (cutAfter ? "…" : "")
    return (
      before.replacingNewlines(), String(scalars[lowerIndex..<upperIndex]).replacingNewlines(),
      after.replacingNewlines()
    )
  }
}

extension String {
  /// Line breaks and tabs as spaces, so a context stays on one output line.
  fileprivate func replacingNewlines() -> String {
    guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return self }
    return String(
      String.UnicodeScalarView(
        unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
  }
}
