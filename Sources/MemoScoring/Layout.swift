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

  /// Most tokens read at a paragraph's start for a section label ("On the growth side" is 5).
  static let sectionLabelLength = 6
  /// Nouns that make "on the … side" a label of one side of a contrast.
  static let sectionNouns: Set<String> = ["side", "front", "hand"]

  /// Whether a paragraph's first words label one side of a contrast: "On the cost side",
  /// "On the growth front", "On the other hand" (up to two words between "the" and the noun).
  static func isSectionLabel(_ forms: [String]) -> Bool {
    guard forms.count >= 4, forms[0] == "on", forms[1] == "the" else { return false }
    return forms[3..<min(forms.count, 5)].contains(where: sectionNouns.contains)
  }

  /// Whether a paragraph's first word opens an objective ("Objective: …", "Goal: …").
  static func isObjectiveOpener(_ form: String) -> Bool {
    form == "objective" || form == "objectives" || form == "goal"
  }

  /// Whether a paragraph's first word opens a key result ("KR2:", "KR 1:", "Key result:").
  static func isKeyResultOpener(_ form: String) -> Bool {
    guard form.hasPrefix("kr") else { return form == "key" }
    return form.dropFirst(2).allSatisfy(\.isNumber)
  }

  /// Whether a paragraph is a line of hashtags only ("#AIFirst #Leadership").
  static func isHashtagLine(_ paragraph: String) -> Bool {
    guard paragraph.utf8.contains(UInt8(ascii: "#")) else { return false }
    let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" })
    return !words.isEmpty && words.allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
  }

  /// Verbs of wording that, negated in a label, list phrases not to use ("Don't say:").
  static let wordingVerbForms: Set<String> = ["say", "use", "mention", "write", "imply"]
  /// Negations before such a verb in a label.
  static let wordingNegationForms: Set<String> = ["don't", "don’t", "never", "not", "no"]

  /// Whether the words of a label before its colon introduce wording to avoid ("Avoid:",
  /// "Phrases to avoid:", "Don't say:", "Never use:"): what follows quotes words, not claims.
  static func isWordingLabel(_ forms: [String]) -> Bool {
    if forms.contains(where: { $0 == "avoid" || $0 == "avoided" }) { return true }
    for index in forms.indices.dropFirst()
    where wordingVerbForms.contains(forms[index])
      && forms[..<index].contains(where: wordingNegationForms.contains)
    {
      return true
    }
    return false
  }

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

  /// Units of a bare signed count of people ("-900 FTE", "−40 roles").
  static let countUnits: Set<String> = [
    "fte", "ftes", "roles", "jobs", "positions", "posts", "heads", "headcount", "staff",
    "employees", "people", "agents", "advisers", "advisors", "role", "job", "position", "post",
    "head", "employee", "person", "agent", "adviser", "advisor",
  ]
  /// Words between a count and an earlier one ("Members: 0 (previously 22)").
  static let earlierCountForms: Set<String> = ["previously", "formerly", "was", "were", "down"]
  /// Words inside a spelled-out count ("forty million", "two hundred and fifty").
  static let numberScaleForms: Set<String> = [
    "hundred", "thousand", "million", "billion", "and", "a", "dozen",
  ]
  /// Signs that make a bare count a fall ("-900 FTE"): hyphen-minus, minus, en dash.
  static let minusSigns: Set<Unicode.Scalar> = ["-", "\u{2212}", "\u{2013}"]

  /// Whether a cut stated by numbers alone holds: `nil` when the hit is not of that shape; for
  /// a bare count and unit ("-900 FTE") a minus sign right before the number, after a space,
  /// colon, comma or bracket (so "2026-2028" is no sign); for two counts side by side ("3,100
  /// -> 1,900") an arrow between them and a fall; for a count beside an earlier one ("0
  /// (previously 22)") a fall.
  static func countFalls(_ text: TokenizedText, hit: Range<Int>) -> Bool? {
    let tokens = text.tokens
    let forms = hit.map { text.normalizedText(of: tokens[$0]) }
    let first = tokens[hit.lowerBound]
    // A bare count and unit ("-900 FTE"); a count in words ("six people", "forty million
    // agent sessions") carries no sign: no fall.
    if let unit = forms.last, countUnits.contains(unit), forms.count >= 2,
      forms.dropLast().allSatisfy({ value($0) != nil || numberScaleForms.contains($0) })
    {
      guard first.kind == .number, forms.count == 2 else { return false }
      let scalars = Array(text.paragraphs[Int(first.paragraph)].unicodeScalars)
      let start = Int(first.start)
      guard start >= 1, minusSigns.contains(scalars[start - 1]) else { return false }
      return start == 1 || scalars[start - 2].properties.isWhitespace
        || ":,;(".unicodeScalars.contains(scalars[start - 2])
    }
    // The count shapes end on a count in digits: "staff 3,100 -> 1,900", "members 0
    // (previously 22)". A cut phrase that holds numbers in another place ("reducing that team
    // by twenty-five people", "2 500 posts will go") is not one of them.
    let last = hit.upperBound - 1
    guard hit.count >= 3, tokens[last].kind == .number,
      let after = value(forms[forms.count - 1])
    else { return nil }
    if tokens[last - 1].kind == .number, let before = value(forms[forms.count - 2]) {
      let gap = text.text(
        paragraph: Int(tokens[last].paragraph),
        range: Int(tokens[last - 1].end)..<Int(tokens[last].start))
      let arrow = ["->", "\u{2192}", "=>", "\u{27F6}", "\u{2794}"].contains { gap.contains($0) }
      // "2 500": digits grouped by a space are one number.
      if !arrow && gap.allSatisfy(\.isWhitespace) && forms[forms.count - 1].count == 3 {
        return nil
      }
      return arrow && after < before
    }
    // "0 (previously 22)": the first count is the current one.
    guard let current = hit.dropLast().last(where: { tokens[$0].kind == .number }),
      let now = value(forms[current - hit.lowerBound]),
      forms[(current + 1 - hit.lowerBound)..<(forms.count - 1)].contains(
        where: earlierCountForms.contains)
    else { return nil }
    return now < after
    return nil
  }
}
