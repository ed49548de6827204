/// Turns the date forms found on pages, in emails and in memo headers into `YYYY-MM-DD`.
///
/// Reads ISO 8601 (`2026-03-04`, `2026-03-04T09:00:00Z`), `2026/03/04`, English forms with
/// month names (`March 4, 2026`, `Mar. 4 2026`, `4 March 2026`, `Wednesday, March 4, 2026`)
/// and RFC 2822 email dates (`Wed, 4 Mar 2026 09:12:00 -0500`). Numeric forms such as
/// `03/04/2026` are ambiguous between countries and are not guessed.
enum DateNormalizer {
  private static let months: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
  ]

  static func normalize(_ raw: String) -> String? {
    guard hasYearDigits(raw) else { return nil }
    return parse(raw)
  }

  /// `normalize` without its pre-check (tests compare the two).
  static func parse(_ raw: String) -> String? {
    let text = raw.trimmed
    guard !text.isEmpty else { return nil }
    if let iso = isoDate(text) { return iso }
    // Tokens of letters or digits.
    var tokens: [Substring] = []
    var start: String.Index? = nil
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let isPart = character.isLetter || character.isNumber
      if isPart, start == nil { start = index }
      if !isPart, let begin = start {
        tokens.append(text[begin..<index])
        start = nil
      }
      index = text.index(after: index)
    }
    if let begin = start { tokens.append(text[begin...]) }
    var month: Int?
    var day: Int?
    var year: Int?
    for token in tokens {
      let lower = token.lowercased()
      if month == nil, lower.count >= 3,
        let value = months[String(lower.prefix(lower.hasPrefix("sept") ? 4 : 3))],
        monthNameMatches(lower)
      {
        month = value
        continue
      }
      let digitPrefix = lower.prefix { $0.isNumber }
      let suffix = lower.dropFirst(digitPrefix.count)
      guard let number = Int(digitPrefix), ["", "st", "nd", "rd", "th"].contains(suffix) else {
        continue
      }
      if digitPrefix.count == 4, year == nil, (1900...2200).contains(number) {
        year = number
      } else if digitPrefix.count <= 2, suffix.isEmpty || month != nil, day == nil,
        (1...31).contains(number)
      {
        day = number
      }
      if year != nil, month != nil, day != nil { break }
    }
    guard let year, let month, let day, isValid(year: year, month: month, day: day) else {
      return nil
    }
    return format(year, month, day)
  }

  /// Whether four ASCII digits follow each other somewhere in `text`: every form `normalize`
  /// reads has them (the year), so text without them is turned away before the slow
  /// `Character`-by-`Character` reading (most lines callers try are not dates).
  static func hasYearDigits(_ text: String) -> Bool {
    var run = 0
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        run += 1
        if run == 4 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  private static func monthNameMatches(_ lower: String) -> Bool {
    let full = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "sept",
    ]
    return full.contains { $0.hasPrefix(lower) || lower == String($0.prefix(3)) }
  }

  /// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, optionally followed by a time.
  private static func isoDate(_ text: String) -> String? {
    let scalars = Array(text.utf8.prefix(10))
    guard scalars.count == 10 else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = scalars[index]
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
      scalars[4] == scalars[7], scalars[4] == UInt8(ascii: "-") || scalars[4] == UInt8(ascii: "/"),
      isValid(year: year, month: month, day: day)
    else { return nil }
    return format(year, month, day)
  }

  private static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
    let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if month == 2 && day == 29 {
      return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
    return day <= lengths[month - 1]
  }

  private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }
}
