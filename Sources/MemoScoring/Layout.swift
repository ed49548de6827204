import MemoTokenization

/// Layouts whose parts a reader joins across sentences: footnotes and their marks, table rows
/// under a header, and a labelled reason ("The honest reason: …").
enum Layout {
  /// Marks that open a footnote and stand after the words they annotate ("roles.*", "Monday.¹").
  static let footnoteMarks: Set<Character> = [
    "*", "†", "‡", "§", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  ]

  /// Per footnote paragraph, the paragraph and scalar offset of the mark it explains: a
  /// paragraph opening with a mark (`*`, `†`, a superscript digit, or `[1]`) and a space, whose
  /// mark stands right after a word or a full stop in an earlier paragraph. An asterisk counts
  /// only where its paragraph holds an odd number of them (paired ones are emphasis).
  static func footnotes(_ paragraphs: [String]) -> [Int: (paragraph: Int, offset: Int)] {
    var result: [Int: (paragraph: Int, offset: Int)] = [:]
    for (index, paragraph) in paragraphs.enumerated() where index > 0 {
      guard let mark = openingMark(paragraph) else { continue }
      search: for earlier in stride(from: index - 1, through: 0, by: -1) {
        let scalars = Array(paragraphs[earlier].unicodeScalars)
        let needle = Array(mark.unicodeScalars)
        if mark == "*" && scalars.count(where: { $0 == "*" }) % 2 == 0 { continue }
        var position = scalars.count - needle.count
        while position > 0 {
          defer { position -= 1 }
          guard Array(scalars[position..<(position + needle.count)]) == needle,
            !scalars[position - 1].properties.isWhitespace
          else { continue }
          let end = position + needle.count
          if end < scalars.count && !scalars[end].properties.isWhitespace
            && !",;:)".unicodeScalars.contains(scalars[end])
          {
            continue
          }
          result[index] = (earlier, position)
          break search
        }
      }
    }
    return result
  }

  /// The footnote mark that opens a paragraph and is followed by a space ("* ", "¹ ", "[2] ").
  static func openingMark(_ paragraph: String) -> String? {
    let trimmed = paragraph.drop { $0.isWhitespace }
    if trimmed.first == "[" {
      let digits = trimmed.dropFirst().prefix { $0.isNumber }
      let rest = trimmed.dropFirst(1 + digits.count)
      guard !digits.isEmpty, digits.count <= 2, rest.first == "]",
        rest.dropFirst().first?.isWhitespace ?? false
      else { return nil }
      return "[" + digits + "]"
    }
    let mark = trimmed.prefix { footnoteMarks.contains($0) }
    guard !mark.isEmpty, mark.count <= 3,
      trimmed.dropFirst(mark.count).first?.isWhitespace ?? false
    else { return nil }
    return String(mark)
  }

  /// The number of `|` separators before `offset` in a paragraph: the table cell it is in.
  static func cell(of offset: Int, in scalars: [Unicode.Scalar]) -> Int {
    var count = 0
    for scalar in scalars[..<min(offset, scalars.count)] where scalar == "|" { count += 1 }
    return count
  }

  /// Whether a paragraph is a table row: two or more cells separated by `|`.
  static func isTableRow(_ paragraph: String) -> Bool {
    guard paragraph.utf8.contains(UInt8(ascii: "|")) else { return false }
    let cells = paragraph.split(separator: "|", omittingEmptySubsequences: false)
      .filter { !$0.allSatisfy(\.isWhitespace) }
    return cells.count >= 2
  }

  /// Header words of a column that counts a cut ("Roles reduced", "Jobs affected", "Cuts").
  static let cutHeaderForms: Set<String> = [
    "reduced", "reduction", "reductions", "cut", "cuts", "affected", "impacted", "eliminated",
    "redundancies", "exits", "leaving", "lost", "removed", "closing", "closed", "fewer",
  ]
  /// Words by which a table header says it counts people or jobs ("Roles reduced", "Role
  /// family | Reduced"): without one, a "Cut" column may count money.
  static let peopleHeaderForms: Set<String> = [
    "role", "roles", "job", "jobs", "position", "positions", "post", "posts", "headcount",
    "staff", "people", "employees", "fte", "ftes", "heads", "workers", "colleagues",
  ]
  /// Header words of a column that gives the reason ("Driver", "Reason", "Why").
  static let reasonHeaderForms: Set<String> = [
    "driver", "drivers", "reason", "reasons", "cause", "causes", "why", "rationale", "basis",
  ]
  /// Words of a label before a colon that introduces a reason ("The honest reason:", "Reasons
  /// for the proposals:", "Driver:").
  static let reasonLabelForms: Set<String> = [
    "reason", "reasons", "driver", "drivers", "cause", "causes", "why", "rationale",
    "explanation",
  ]
  /// Most tokens in a reason label before its colon ("Reasons for the proposals" is 4).
  static let reasonLabelLength = 6

  /// Spelled-out numbers read for a count that goes down ("from twelve people to five").
  static let numberWordValues: [String: Double] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
  ]

  /// The value of a number token's normalized form ("1,200", "12", "twelve"), if it has one.
  static func value(_ form: String) -> Double? {
    if let word = numberWordValues[form] { return word }
    let digits = form.filter { $0.isNumber || $0 == "." }
    return digits.isEmpty ? nil : Double(digits)
  }

  /// Whether the forms of a hit say a count goes up or stays ("from 5 people to 12"): "from",
  /// a number, then "to" and a number that is not smaller. A count that goes down is a cut.
  static func countRises(_ forms: [String]) -> Bool {
    guard let from = forms.firstIndex(of: "from"),
      let first = forms[(from + 1)...].firstIndex(where: { value($0) != nil }),
      let to = forms[(first + 1)...].firstIndex(of: "to"),
      let second = forms[(to + 1)...].firstIndex(where: { value($0) != nil }),
      let before = value(forms[first]), let after = value(forms[second])
    else { return false }
    return after >= before
  }
}
