/// The date a memo carries on itself, which beats the day a page published it: a place
/// dateline on its own line ("Ajka, 2026. november 24.", "Lyon, le 3 mars 2026") or a
/// poster's note that the message "was sent … on 11 November 2026".
enum OwnDate {
  /// Lines of a page searched (its first short lines).
  static let searchedLines = 40
  /// Paragraphs searched for a "sent on" note (a poster's note opens the page's text).
  static let searchedParagraphs = 2
  /// Days the memo's own date may precede the page's: a knowledge-base article or company
  /// news page posts a memo a day or a few later; a date further back is another event.
  static let window = 7

  /// "Place, date" alone on a line: one to three capitalized words, a comma, a date that is
  /// all the rest (a leading "le", "den" or "d." allowed).
  static func placeDateline(_ line: String) -> String? {
    // Bytes first: a comma within the first 32 bytes, a digit somewhere after it.
    guard line.utf8.count <= 60,
      let comma = line.firstUTF8Index(of: UInt8(ascii: ","), within: 32)
    else { return nil }
    let place = line[..<comma].split(separator: " ")
    guard (1...3).contains(place.count),
      place.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) })
    else { return nil }
    var rest = line[line.index(after: comma)...].trimmed
    // The date is all the rest: four words at most, of digits, letters and dots ("Sides,
    // Sourdough · December 9, 2021" is a category line).
    let words = rest.split(separator: " ")
    guard rest.contains(where: \.isNumber), words.count <= 4,
      words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "," } })
    else { return nil }
    for lead in ["le ", "den ", "d. ", "am "] where rest.hasPrefix(lead) {
      rest = String(rest.dropFirst(lead.count))
    }
    return DateNormalizer.normalize(rest.trimmingScalars { $0 == " " })
      ?? DateNormalizer.normalize(rest.trimmingScalars { $0 == "." || $0 == " " })
  }

  /// "… was sent to all staff by email on 11 November 2026.": the date after the first " on "
  /// that follows " sent ".
  static func sentOnDate(_ line: String) -> String? {
    guard line.utf8.count <= 400, line.containsBytes(" sent "),
      let sent = line.range(of: " sent "),
      let on = line[sent.upperBound...].range(of: " on ")
    else { return nil }
    let words = line[on.upperBound...].split(separator: " ").prefix(4).map {
      String($0).trimmingScalars { $0 == "," || $0 == "." || $0 == ";" || $0 == ")" }
    }
    for length in [3, 1, 4, 2] where length <= words.count {
      let phrase = words.prefix(length).joined(separator: " ")
      guard phrase.contains(where: \.isNumber) else { continue }
      if let date = DateNormalizer.normalize(phrase) { return date }
    }
    return nil
  }

  /// Whether `own` is one to `window` days before `page` (both `YYYY-MM-DD`).
  static func isShortlyBefore(_ own: String, _ page: String) -> Bool {
    guard let a = NewsAboutMemo.dayNumber(own), let b = NewsAboutMemo.dayNumber(page) else {
      return false
    }
    return (1...window).contains(b - a)
  }
}
