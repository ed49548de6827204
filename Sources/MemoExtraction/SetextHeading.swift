/// Markdown's setext headings: a line of text underlined with `=` or `-`.
enum SetextHeading {
  /// Whether a trimmed line underlines the line above it: three or more `=`, or three or
  /// more `-`, and nothing else ("- - -" and "***" are rules, not underlines).
  static func isUnderline(_ trimmedLine: String) -> Bool {
    let bytes = trimmedLine.utf8
    guard bytes.count >= 3, let first = bytes.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "-")
    else { return false }
    return bytes.allSatisfy { $0 == first }
  }
}
