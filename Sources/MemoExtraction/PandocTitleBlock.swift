/// A Pandoc title block: up to three lines at the very start of a Markdown or text file, each
/// opening with `%`: the title, the authors (separated by `;`) and the date.
///
/// ```
/// % Consolidating the studios
/// % Dana Lee; Sam Ito
/// % 9 November 2026
/// ```
///
/// An empty line (`%` alone) leaves its field out; a line indented under a `%` line
/// continues it. Two `%` lines at least make a block, and an empty line ends it. Only a file whose first byte is `%` is looked at, so other files cost one
/// byte test.
enum PandocTitleBlock {
  /// The block's fields (`title`, `author`, `date`, as front matter names them) and the
  /// number of lines it takes; nil when the first line does not open with `% `.
  static func read(_ lines: [String]) -> (fields: [String: String], count: Int)? {
    guard let first = lines.first, first.utf8.first == UInt8(ascii: "%"),
      first.utf8.count == 1 || first.utf8.dropFirst().first == 0x20
    else { return nil }
    var values: [String] = []
    var count = 0
    for line in lines.prefix(12) {
      if line.utf8.first == UInt8(ascii: "%") {
        guard values.count < 3 else { break }
        values.append(String(line.dropFirst()).trimmed)
      } else if !values.isEmpty, line.utf8.first == 0x20, !line.trimmed.isEmpty {
        values[values.count - 1] += " " + line.trimmed
      } else {
        break
      }
      count += 1
    }
    // Two `%` lines at least, then an empty line or the end: a memo opening with "% of our
    // staff" is not a block.
    guard values.count >= 2, count == lines.count || lines[count].trimmed.isEmpty else {
      return nil
    }
    var fields: [String: String] = [:]
    for (key, value) in zip(["title", "author", "date"], values) where !value.isEmpty {
      // "Dana Lee; Sam Ito": the first author signs.
      let first = key == "author" ? value.split(separator: ";").first.map(String.init) : value
      if let first, !first.trimmed.isEmpty { fields[key] = first.trimmed }
    }
    return (fields, count)
  }
}
