/// Speaker labels of a transcript ("ROSALIND FENN (CEO): Thanks for coming…"): the person who
/// speaks first and most is the memo's author when nothing else names one.
enum SpeakerLabels {
  /// Paragraphs read from the top; a transcript's labels start at once.
  static let searchedParagraphs = 60
  /// Labelled paragraphs needed before the labels count as a transcript's (calibrated on an
  /// all-hands transcript written here: one "FOR IMMEDIATE RELEASE:" line must not count).
  static let minimumLabels = 3
  /// Bytes of a paragraph searched for the label's colon.
  static let labelBytes = 80

  /// The name in a label at the start of a paragraph, title-cased: two to four words in
  /// capitals, then an optional "(role)" and a colon. Nil for other paragraphs, which a byte
  /// test on the first byte and a colon in the first `labelBytes` bytes turns away.
  static func speaker(_ paragraph: String) -> String? {
    let bytes = paragraph.utf8
    guard let first = bytes.first, (0x41...0x5A).contains(first) || first >= 0xC0,
      let colon = paragraph.firstUTF8Index(of: UInt8(ascii: ":"), within: labelBytes)
    else { return nil }
    var label = paragraph[..<colon].trimmed[...]
    if label.last == ")", let open = label.firstIndex(of: "(") { label = label[..<open] }
    let words = label.split(separator: " ")
    guard (2...4).contains(words.count),
      words.allSatisfy({ word in
        word.contains(where: \.isUppercase) && !word.contains(where: \.isLowercase)
          && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
      })
    else { return nil }
    let name = words.map(titleCased).joined(separator: " ")
    guard !MemoHeaders.isOrganizationName(name), !MemoHeaders.isJobTitle(name),
      !MemoRefinement.isAccount(name)
    else { return nil }
    return name
  }

  /// "FENN" → "Fenn", "ADEYEMI-ROURKE" → "Adeyemi-Rourke", "O'NEILL" → "O'Neill".
  static func titleCased(_ word: Substring) -> String {
    var result = ""
    var startOfPart = true
    for character in word {
      result += startOfPart ? character.uppercased() : character.lowercased()
      startOfPart = !character.isLetter
    }
    return result
  }

  /// The transcript's first speaker when there are `minimumLabels` labelled paragraphs and
  /// that speaker speaks at least twice and no one speaks more often.
  static func author(_ paragraphs: [String]) -> String? {
    var counts: [String: Int] = [:]
    var firstSpeaker: String?
    var labelled = 0
    for paragraph in paragraphs.prefix(searchedParagraphs) {
      guard let name = speaker(paragraph) else { continue }
      labelled += 1
      firstSpeaker = firstSpeaker ?? name
      counts[name, default: 0] += 1
    }
    guard labelled >= minimumLabels, let firstSpeaker, let spoken = counts[firstSpeaker],
      spoken >= 2, spoken == counts.values.max()
    else { return nil }
    return firstSpeaker
  }
}
