import Foundation

/// The header block a memo often starts with (To/From/Date/Subject) and its sign-off.
struct MemoHeaders: Sendable, Equatable {
  var from: String?
  var subject: String?
  var date: String?

  enum Field: String { case to, from, date, subject, cc, sent }

  /// The field a line such as `From: Dana Whitfield, CEO` starts with, if any.
  static func headerField(_ line: String) -> (field: Field, value: String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let key = line[..<colon].trimmingSpaces.lowercased()
    guard key.count <= 8 else { return nil }
    let value = String(line[line.index(after: colon)...]).trimmed
    let field: Field
    switch key {
    case "to": field = .to
    case "from": field = .from
    case "date": field = .date
    case "subject", "re", "subj": field = .subject
    case "cc", "bcc": field = .cc
    case "sent": field = .sent
    default: return nil
    }
    // "Date: TBD" is fine, but a long sentence after "To:" is prose, not a header.
    guard !value.isEmpty, value.count <= 200 else { return nil }
    return (field, value)
  }

  /// Reads header lines at the start of `paragraphs` and returns them with the headers removed.
  ///
  /// Only a run of at least two header lines (or one `From:`/`Subject:` line) within the first
  /// few paragraphs counts, so prose that happens to start with "Re:" is left alone.
  static func split(_ paragraphs: [String]) -> (headers: MemoHeaders, body: [String]) {
    var headers = MemoHeaders()
    var start = -1
    var end = -1
    var fields = 0
    var sawStrong = false
    for (index, paragraph) in paragraphs.prefix(12).enumerated() {
      // A paragraph may hold several header lines when the source did not break them.
      guard let (field, value) = headerField(paragraph) else {
        if start >= 0 { break }
        continue
      }
      if start < 0 { start = index }
      end = index
      fields += 1
      switch field {
      case .from:
        headers.from = headers.from ?? personName(value)
        sawStrong = true
      case .subject:
        headers.subject = headers.subject ?? value
        sawStrong = true
      case .date, .sent: headers.date = headers.date ?? value
      case .to, .cc: break
      }
    }
    guard start >= 0, fields >= 2 || sawStrong else { return (MemoHeaders(), paragraphs) }
    var body = paragraphs
    body.removeSubrange(start...end)
    return (headers, body)
  }

  /// "Dana Whitfield, CEO" → "Dana Whitfield"; `"Dana" <dana@x.com>` → "Dana";
  /// a bare address stays an address.
  static func personName(_ raw: String) -> String? {
    var value = raw.trimmed
    if let open = value.firstIndex(of: "<"), value.hasSuffix(">") {
      let name = value[..<open].trimmed.trimmingCharacters(in: ["\"", "'"])
      value =
        name.isEmpty
        ? String(value[value.index(after: open)..<value.index(before: value.endIndex)]) : name
    }
    if let comma = value.firstIndex(of: ",") { value = String(value[..<comma]) }
    for separator in [" - ", " – ", " — ", " (", " | "] {
      if let range = value.range(of: separator) { value = String(value[..<range.lowerBound]) }
    }
    value = value.trimmed
    return value.isEmpty ? nil : value
  }

  /// The name in a closing line such as "— Dana", "Best, Dana" or "Thanks,\nDana Whitfield".
  ///
  /// Looks at the last three paragraphs only.
  static func signOff(_ paragraphs: [String]) -> String? {
    let closings = [
      "best", "best regards", "regards", "kind regards", "warm regards", "thanks", "thank you",
      "sincerely", "cheers", "with gratitude", "gratefully", "warmly", "onward", "all the best",
      "with appreciation", "respectfully",
    ]
    let tail = Array(paragraphs.suffix(4))
    for (offset, paragraph) in tail.enumerated() where offset + 1 < tail.count {
      // "Warm regards," then "Jordan Blake" as separate paragraphs.
      if MemoInStory.isClosingWord(paragraph.lowercased().trimmed) {
        let name = personName(tail[offset + 1]) ?? ""
        if looksLikeName(name) { return name }
      }
    }
    for paragraph in paragraphs.suffix(3).reversed() {
      let text = paragraph.trimmed
      guard text.count <= 80 else { continue }
      for dash in ["—", "–", "-", "~"] where text.hasPrefix(dash) {
        let name = text.dropFirst(dash.count).trimmed
        if looksLikeName(name) { return name }
      }
      let lower = text.lowercased()
      for closing in closings where lower.hasPrefix(closing) {
        var rest = text.dropFirst(closing.count)
        guard let first = rest.first, first == "," || first == " " || first == "!" else {
          continue
        }
        rest = rest.drop { $0 == "," || $0 == " " || $0 == "!" || $0 == "\n" }
        let name = personName(String(rest)) ?? ""
        if looksLikeName(name) { return name }
      }
    }
    return nil
  }

  /// One to four capitalized words, e.g. "Dana" or "Dana K. Whitfield".
  static func looksLikeName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count) else { return false }
    return words.allSatisfy { word in
      guard let first = word.first, first.isUppercase else { return false }
      return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }
    }
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(self).trimmed
  }
}
