/// Weak evidence about a memo's company found in its own lines, and the page chrome that
/// should not count as its text: `© 2025 Acme | Privacy | Terms` footers and intranet title
/// bars kept by the content picker.
enum BodyEvidence {
  /// How many paragraphs at each end of the body are checked for chrome.
  static let chromeEdge = 3
  /// Company sources weaker than a letterhead or a sender's address.
  static let weakSources: Set<String> = ["signature", "footer", "body"]

  /// The company from the memo's own lines, weakest evidence last: a sign-off's role line,
  /// a copyright footer, then names the memo uses as its own; with its source.
  static func company(in paragraphs: [String]) -> (String?, String?) {
    if let company = signatureCompany(paragraphs) { return (company, "signature") }
    let edges = paragraphs.prefix(chromeEdge) + paragraphs.suffix(chromeEdge)
    if let company = edges.lazy.compactMap(copyrightHolder).first { return (company, "footer") }
    if let company = companyMentioned(paragraphs) { return (company, "body") }
    return (nil, nil)
  }

  /// Mentions a name needs ("Acme’s", "at Acme") to be taken as the company from the body.
  /// Calibration: one mention is as often a customer or a rival as the company itself.
  static let minMentions = 2

  /// The paragraphs without chrome lines at the start or the end.
  static func withoutChrome(_ paragraphs: [String]) -> [String] {
    guard paragraphs.count > 1 else { return paragraphs }
    var start = 0
    var end = paragraphs.count
    while start < min(chromeEdge, end - 1), isChrome(paragraphs[start]) { start += 1 }
    while end - 1 > start, end > paragraphs.count - chromeEdge, isChrome(paragraphs[end - 1]) {
      end -= 1
    }
    return Array(paragraphs[start..<end])
  }

  /// A footer or title bar: a short line that is a copyright notice, or that separates three
  /// or more short parts with `|`, `·` or `•` ("Acme Intranet | People | Home").
  static func isChrome(_ paragraph: String) -> Bool {
    guard paragraph.utf8.count <= 160 else { return false }
    if copyrightHolder(paragraph) != nil { return true }
    guard
      paragraph.containsByte(UInt8(ascii: "|")) || paragraph.containsByte(0xC2)
        || paragraph.containsByte(0xE2)
    else { return false }
    for separator in [" | ", " · ", " • "] {
      let parts = paragraph.splitting(on: separator)
      if parts.count >= 3, parts.allSatisfy({ $0.split(separator: " ").count <= 4 }),
        !parts.contains(where: { $0.hasSuffix(".") })
      {
        return true
      }
    }
    return false
  }

  /// "Acme Robotics" from "© 2025 Acme Robotics | Privacy | Terms", "Copyright 2024 Acme Inc.
  /// All rights reserved."
  static func copyrightHolder(_ line: String) -> String? {
    guard line.utf8.count <= 160 else { return nil }
    var rest = Substring(line)
    if rest.hasPrefix("©") {
      rest = rest.dropFirst()
    } else if rest.hasPrefix("(c) ") || rest.hasPrefix("(C) ") {
      rest = rest.dropFirst(4)
    } else if rest.hasPrefix("Copyright ") {
      rest = rest.dropFirst(10)
      if rest.hasPrefix("©") { rest = rest.dropFirst() }
    } else {
      return nil
    }
    rest = rest.drop { $0 == " " || $0.isNumber || $0 == "-" || $0 == "–" || $0 == "," }
    for stop in [" | ", " · ", " • ", ". All rights", " All rights", ". "] {
      if let range = rest.firstByteRange(of: stop) { rest = rest[..<range.lowerBound] }
    }
    let name = rest.trimmingCharacters(in: [" ", ".", ","])
    guard let first = name.first, first.isUppercase, name.split(separator: " ").count <= 6 else {
      return nil
    }
    return name
  }

  /// The company in a sign-off's role line: "Chief Executive Officer, Tessaline Labs" or
  /// "Head of People at Orrin Mobility", in the last four paragraphs.
  static func signatureCompany(_ paragraphs: [String]) -> String? {
    for line in paragraphs.suffix(4).reversed() where line.utf8.count <= 100 {
      guard MemoHeaders.isJobTitle(line) else { continue }
      var candidate: Substring?
      if let range = Substring(line).firstByteRange(of: " at ") {
        candidate = line[range.upperBound...]
      } else if let comma = line.lastIndex(of: ",") {
        candidate = line[line.index(after: comma)...]
      }
      // `trimmingScalars`, not Foundation's trimming: a character set built and bridged per
      // line was most of this function's time.
      guard
        let name = candidate.map({
          String($0).trimmingScalars { $0 == " " || $0 == "." || $0 == "," }
        }), !name.isEmpty,
        !MemoHeaders.isJobTitle(name), name.split(separator: " ").count <= 5,
        name.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true })
      else { continue }
      return name
    }
    return nil
  }

  /// The name the memo uses most as its own: "Yarrowfield’s history", "here at Yarrowfield",
  /// mentioned at least `minMentions` times; one or two capitalized words.
  static func companyMentioned(_ paragraphs: [String]) -> String? {
    var counts: [String: Int] = [:]
    var order: [String] = []
    func note(_ name: String) {
      if counts[name] == nil { order.append(name) }
      counts[name, default: 0] += 1
    }
    for paragraph in paragraphs {
      // Most paragraphs hold neither form; the byte search is much cheaper than the words.
      guard
        paragraph.containsBytes("’s") || paragraph.containsBytes("'s")
          || paragraph.containsBytes(" at ") || paragraph.hasPrefix("At ")
      else { continue }
      let words = paragraph.split(separator: " ")
      for (index, word) in words.enumerated() {
        // "Acme’s" / "Acme's" (and "Orrin Mobility’s").
        for suffix in ["’s", "'s"] where word.hasSuffix(suffix) {
          let bare = word.dropLast(suffix.count)
          guard isName(bare) else { continue }
          if index > 0, isName(words[index - 1]), !isSentenceStart(words, index - 1) {
            note(words[index - 1] + " " + bare)
          } else {
            note(String(bare))
          }
        }
        // "at Acme", "At Acme" followed by a non-name.
        if (word == "at" || word == "At"), index + 1 < words.count {
          let next = words[index + 1].trimmingCharacters(in: [",", ".", ";", ":", "!", "?"])
          guard isName(Substring(next)) else { continue }
          if index + 2 < words.count, isName(words[index + 2]),
            !words[index + 1].contains(where: { ",.;:".contains($0) })
          {
            note(next + " " + words[index + 2].trimmingCharacters(in: [",", ".", ";", ":"]))
          } else {
            note(next)
          }
        }
      }
    }
    let best = order.max { counts[$0]! < counts[$1]! }
    guard let best, counts[best]! >= minMentions else { return nil }
    return best
  }

  private static let notNames: Set<String> = [
    "I", "We", "Our", "The", "This", "That", "Today", "It", "You", "They", "He", "She", "My",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "AI",
    "Company", "Team", "Everyone",
  ]

  private static func isName(_ word: Substring) -> Bool {
    let bare = word.trimmingCharacters(in: [",", ".", ";", ":"])
    guard let first = bare.first, first.isUppercase, bare.count >= 2, !notNames.contains(bare)
    else { return false }
    return bare.allSatisfy { $0.isLetter || $0 == "-" || $0 == "&" }
  }

  private static func isSentenceStart(_ words: [Substring], _ index: Int) -> Bool {
    index == 0 || words[index - 1].last.map { ".!?:".contains($0) } == true
  }
}
