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
    if let company = edges.lazy.compactMap({ copyrightHolder($0) }).first {
      return (company, "footer")
    }
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
  static func copyrightHolder(_ line: String, byBytes: Bool = true) -> String? {
    guard line.utf8.count <= 160, !byBytes || opensWithCopyrightBytes(line) else { return nil }
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
    var name = rest.trimmingCharacters(in: [" ", ".", ","])
    // "© Acme Mutual 2026": the year after the holder goes too.
    if let space = name.lastUTF8Index(of: 0x20) {
      let year = name.utf8[name.utf8.index(after: space)...]
      if year.count == 4, year.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
        name = String(name[..<space]).trimmingCharacters(in: [" ", ","])
      }
    }
    guard let first = name.first, first.isUppercase, name.split(separator: " ").count <= 6 else {
      return nil
    }
    return name
  }

  /// Whether the line's bytes open with "©", "(c) ", "(C) " or "Copyright ": the prefixes
  /// `copyrightHolder` reads. A line whose first `Character`s are one of them opens with its
  /// bytes (none of their characters has another canonically equivalent spelling), so a line
  /// without them is turned away before any `Character` work.
  static func opensWithCopyrightBytes(_ line: String) -> Bool {
    let utf8 = line.utf8
    guard let first = utf8.first else { return false }
    switch first {
    case 0xC2: return utf8.dropFirst().first == 0xA9
    case UInt8(ascii: "("): return utf8.starts(with: "(c) ".utf8) || utf8.starts(with: "(C) ".utf8)
    case UInt8(ascii: "C"): return utf8.starts(with: "Copyright ".utf8)
    default: return false
    }
  }

  /// Whether `name` has at most `limit` words (split at spaces, on bytes when ASCII) and each
  /// starts with a capital.
  static func capitalizedWords(_ name: String, atMost limit: Int) -> Bool {
    let words = MemoHeaders.spaceWords(name)
    return words.count <= limit && words.allSatisfy { $0.first?.isUppercase == true }
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
        !MemoHeaders.isJobTitle(name), capitalizedWords(name, atMost: 5)
      else { continue }
      return name
    }
    // Name, role and company on lines of their own: "Celestine Abara" / "Chief Executive
    // Officer" / "Trevanna Biosciences".
    if paragraphs.count >= 3, let last = paragraphs.last, last.utf8.count <= 60,
      MemoHeaders.isJobTitle(paragraphs[paragraphs.count - 2]),
      paragraphs[paragraphs.count - 2].utf8.count <= 80, !MemoHeaders.isJobTitle(last)
    {
      let name = last.trimmingScalars { $0 == " " || $0 == "." || $0 == "," }
      let words = name.split(separator: " ")
      if (1...5).contains(words.count),
        words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" }),
        !name.contains(where: { ":@".contains($0) }), DateNormalizer.normalize(name) == nil
      {
        return name
      }
    }
    return nil
  }

  /// The separators `releaseDateline` looks for. None of their characters (space, hyphen,
  /// dashes, colon) has a canonically equivalent spelling, so Foundation's `range(of:)` finds
  /// one only where its bytes occur: a byte check turns the rest away first.
  static let releaseSeparators = [" -- ", "--", " — ", " – ", ": "]

  /// Wire markers between a release's dateline and its first sentence.
  static let wireMarkers = [
    "/PRNewswire/", "(BUSINESS WIRE)", "(GLOBE NEWSWIRE)", "(ACCESSWIRE)", "/CNW/",
    "(PRWEB)", "/EINPresswire/", "(Newsfile Corp.)", "(Marketwired)",
  ]

  /// The date and the company of a press release's dateline sentence: "SEATTLE, Feb. 12,
  /// 2026 /PRNewswire/ -- Tellurane Inc., a provider …" → ("2026-02-12", "Tellurane Inc."),
  /// "CHICAGO--(BUSINESS WIRE)--March 4, 2026--Hollin & Marsh, the broker, …". Read from the
  /// first three paragraphs; a dateline needs a wire marker or a date before a dash.
  static func releaseDateline(_ paragraphs: [String]) -> (date: String?, company: String?)? {
    for paragraph in paragraphs.prefix(3) {
      guard paragraph.utf8.count >= 40, DateNormalizer.hasYearDigits(paragraph) else {
        continue
      }
      let head = paragraph.characterPrefix(220)
      // The first sentence starts after the last dash of the dateline.
      var cut: Range<String.Index>?
      for dash in [" -- ", "--", " — ", " – "] {
        // Foundation finds a dash only where its bytes are (`releaseSeparators`).
        guard head.containsBytes(dash) else { continue }
        if let range = head.range(of: dash, options: .backwards),
          cut.map({ range.upperBound > $0.upperBound }) ?? true
        {
          cut = range
        }
      }
      // "GLASGOW, 6 January 2026: Acme today …": a colon right after the dateline's date,
      // before any dash.
      if head.containsBytes(": "), let colon = head.range(of: ": "),
        cut.map({ colon.lowerBound < $0.lowerBound }) ?? true,
        head.distance(from: head.startIndex, to: colon.lowerBound) <= 60,
        let comma = head[..<colon.lowerBound].firstIndex(of: ","),
        DateNormalizer.normalize(head[head.index(after: comma)..<colon.lowerBound].trimmed) != nil
      {
        cut = colon
      }
      guard let cut else { continue }
      let dateline = String(head[..<cut.lowerBound])
      let hasMarker = wireMarkers.contains { dateline.contains($0) }
      // A date in the dateline: the longest run of its comma- and dash-separated parts that
      // reads as one ("March 4, 2026", "Feb. 12, 2026").
      var date: String?
      let parts = dateline.replacingOccurrences(of: "--", with: ",")
        .replacingOccurrences(of: "(", with: ",").replacingOccurrences(of: ")", with: ",")
        .split(separator: ",").map { $0.trimmed }
      for start in parts.indices where date == nil {
        for end in stride(from: min(parts.count - 1, start + 2), through: start, by: -1) {
          var joined = parts[start...end].joined(separator: ", ")
          for marker in wireMarkers { joined = joined.replacingOccurrences(of: marker, with: "") }
          joined = joined.replacingOccurrences(of: "/", with: " ").trimmed
          guard joined.count <= 30, let found = DateNormalizer.normalize(joined) else {
            continue
          }
          date = found
          break
        }
      }
      guard hasMarker || date != nil, dateline.count <= 120 else { continue }
      // The dateline opens with a place in capitals ("SOUTH SAN FRANCISCO, Calif.").
      guard let firstWord = dateline.split(separator: " ").first,
        firstWord.count >= 2, !firstWord.contains(where: \.isLowercase)
      else { continue }
      var subject = head[cut.upperBound...]
      for stop in [",", " (", " today", " announced", " said", " is ", " has ", " will "] {
        if let range = subject.range(of: stop) { subject = subject[..<range.lowerBound] }
      }
      let name = subject.trimmed
      let words = name.split(separator: " ")
      let company =
        (1...6).contains(words.count)
          && words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" || $0 == "and" })
        ? name : nil
      return (date, company)
    }
    return nil
  }

  /// A dateline in a place's own case at the start of one of the first three paragraphs
  /// ("Milano, 12 febbraio 2026 – Ferrovale …", "Lyon, 3 mars 2026 — …"): one to three
  /// capitalized words, a comma, a date, then a dash. Release datelines in capitals are
  /// `releaseDateline`'s; this reads the rest, and only when no other date was found.
  static func placeDateline(_ paragraphs: [String]) -> String? {
    for paragraph in paragraphs.prefix(3) {
      // Bytes first: a comma, a space and a digit within the first 40 bytes.
      let opens = paragraph.withUTF8Bytes { bytes -> Bool in
        guard
          let comma = ByteSearch.firstOffset(
            of: UInt8(ascii: ","), in: UnsafeBufferPointer(rebasing: bytes.prefix(40)))
        else { return false }
        return comma + 2 < Swift.min(bytes.count, 90) && bytes[comma + 1] == 0x20
          && (0x30...0x39).contains(bytes[comma + 2])
      }
      guard opens else { continue }
      let text = paragraph.characterPrefix(90)
      guard let commaIndex = text.firstIndex(of: ",") else { continue }
      let place = text[..<commaIndex].split(separator: " ")
      guard (1...3).contains(place.count),
        place.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) })
      else { continue }
      let rest = text[text.index(after: commaIndex)...]
      for dash in [" – ", " — ", " - ", " -- "] {
        guard let range = rest.range(of: dash) else { continue }
        let day = rest[..<range.lowerBound].trimmed
        if day.count <= 30, let date = DateNormalizer.normalize(day) { return date }
      }
    }
    return nil
  }

  /// Whether two spellings name one company: the same words once a legal form and
  /// punctuation are left out ("Tellurane Inc." and "Tellurane").
  static func sameCompany(_ a: String, _ b: String) -> Bool {
    func key(_ name: String) -> [Substring] {
      var words = name.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "&" }
      while let last = words.last, MemoHeaders.legalForms.contains(last.uppercased()) {
        words.removeLast()
      }
      return words
    }
    let (left, right) = (key(a), key(b))
    return !left.isEmpty && left == right
  }

  /// The paragraphs above a release's contact lines at the end ("Contacts", "Media: …",
  /// "###"), where a sign-off is looked for.
  static func withoutContacts(_ paragraphs: [String]) -> [String] {
    let tail = max(0, paragraphs.count - 4)
    for index in paragraphs.indices where index >= tail && index > 0 {
      let text = paragraphs[index]
      guard text.utf8.count <= 160 else { continue }
      let lower = text.lowercased().trimmingScalars { $0 == " " || $0 == ":" }
      if ["contacts", "contact", "media contact", "media contacts", "press contact", "###"]
        .contains(lower)
        || ["media:", "press:", "investors:", "investor contact:", "media contact:"].contains(
          where: { lower.hasPrefix($0) })
      {
        return Array(paragraphs[..<index])
      }
    }
    return paragraphs
  }

  /// The headline a release prints above its dateline sentence: a short paragraph without a
  /// final period right before it.
  static func releaseHeadline(_ paragraphs: [String]) -> String? {
    for index in paragraphs.indices.prefix(3).dropFirst()
    where releaseDateline([paragraphs[index]]) != nil {
      let candidate = paragraphs[index - 1].trimmed
      let words = candidate.split(separator: " ").count
      guard (3...30).contains(words), !candidate.hasSuffix("."), !candidate.hasSuffix(":"),
        !candidate.hasSuffix(",")
      else { return nil }
      return candidate
    }
    return nil
  }

  /// Whether `title` is a post's opening words cut off with an ellipsis ("Dana Lee on
  /// LinkedIn: Today I told our team that…"), rather than a headline.
  static func isExcerpt(_ title: String, of paragraphs: [String]) -> Bool {
    var text = title.trimmed
    // 'Name: "Opening words…"' (a post's page): the quote's closing mark after the ellipsis.
    if text.hasSuffix("\"") || text.hasSuffix("”") { text = String(text.dropLast()) }
    guard text.hasSuffix("…") || text.hasSuffix("..."), let first = paragraphs.first else {
      return false
    }
    text = text.trimmingScalars { $0 == "…" || $0 == "." || $0 == " " }
    // "Name on LinkedIn: …", "Name: …".
    if let colon = text.range(of: ": "),
      text[..<colon.lowerBound].contains(" on ")
        || PageMetadata.readsAsName(String(text[..<colon.lowerBound]))
    {
      text = String(text[colon.upperBound...])
    }
    text = text.trimmingScalars { "\"“”'‘’ ".unicodeScalars.contains($0) }
    guard text.count >= 12 else { return false }
    return first.hasPrefix(text)
  }

  /// The site's name in a `<title>` whose other part is the headline: "Restructuring our
  /// support :: Ferrowind", "Tindra Robotics | A message from Oskar", "Kestrelline - Blog"
  /// (its section word left out). The parts left once the headline, section words, hosting
  /// sites, "by …" credits and dates are set aside must be one name of one to four
  /// capitalized words; nil otherwise.
  static func siteInTitle(_ segments: [String], headline: String?, author: String?) -> String? {
    guard segments.count >= 2 else { return nil }
    let headlineKey = headline.map(HTMLReader.wordKey)
    var setAside = 0
    var left: [String] = []
    for segment in segments {
      let lower = segment.lowercased()
      let key = HTMLReader.wordKey(segment)
      if let headlineKey, !key.isEmpty,
        key == headlineKey || headlineKey.hasPrefix(key + " ") || key.hasPrefix(headlineKey + " ")
      {
        setAside += 1
      } else if PageMetadata.isSectionLabel(lower)
        || PageMetadata.hostingPlatforms.contains(lower) || lower.hasPrefix("by ")
        || PageMetadata.isMeetingName(segment)
        || DateNormalizer.hasYearDigits(segment)
        || author.map({ lower == $0.lowercased() }) == true
      {
        setAside += 1
      } else {
        left.append(segment)
      }
    }
    guard setAside > 0, left.count == 1,
      let name = PageMetadata.companyInSiteName(left[0])
    else { return nil }
    let words = name.split(separator: " ")
    guard (1...4).contains(words.count),
      words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" || $0 == "and" }),
      !MemoHeaders.isJobTitle(name)
    else { return nil }
    return name
  }

  /// The company in an author card's role line naming `person`: "Odile Ferrante · CEO at
  /// Brackenridge Software" → "Brackenridge Software".
  static func roleCompany(_ lines: [String], person: String) -> String? {
    for line in lines where line.contains(person) {
      guard let range = line.range(of: " at ", options: .backwards) else { continue }
      var name = String(line[range.upperBound...])
      for stop in [" · ", " | ", " • ", ",", " ("] {
        if let cut = name.range(of: stop) { name = String(name[..<cut.lowerBound]) }
      }
      name = name.trimmingScalars { $0 == " " || $0 == "." }
      let words = name.split(separator: " ")
      guard (1...5).contains(words.count),
        words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" }),
        !MemoHeaders.isJobTitle(name)
      else { continue }
      return name
    }
    return nil
  }

  /// The organization a post is written for: "Dana Lee for Acme Robotics" on a line of the
  /// page's header (a publishing platform's byline), one to four capitalized words after
  /// the author's name and " for ".
  static func writtenFor(_ lines: [String], person: String) -> String? {
    let lead = person + " for "
    for line in lines where line.hasPrefix(lead) {
      var name = String(line.dropFirst(lead.count))
      for stop in [" · ", " • ", " | ", " Posted", ",", " ("] {
        if let cut = name.range(of: stop) { name = String(name[..<cut.lowerBound]) }
      }
      name = name.trimmed
      let words = name.split(separator: " ")
      guard (1...4).contains(words.count),
        words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" })
      else { continue }
      return name
    }
    return nil
  }

  /// The name beside a date on a short meta line of the page's top ("3 December 2026 · Acme
  /// Instruments · Internal"): two to four capitalized words between separators, not the
  /// author's name, when the memo's title or text uses its first word ("Simplifying Acme").
  static func metaLineCompany(_ lines: [String], text: [String], author: String?) -> String? {
    for line in lines where line.utf8.count <= 120 && line.containsBytes(" · ") {
      let parts = line.splitting(on: " · ").map(\.trimmed)
      guard parts.count >= 2,
        parts.contains(where: {
          DateNormalizer.hasYearDigits($0) && DateNormalizer.normalize($0) != nil
        })
      else { continue }
      for part in parts where !part.contains(where: \.isNumber) {
        let words = part.split(separator: " ")
        guard (2...4).contains(words.count),
          words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" }),
          !PageMetadata.isSectionLabel(part.lowercased()), part != author,
          let first = words.first, text.contains(where: { $0.containsBytes(String(first)) })
        else { continue }
        return CompanyNames.withoutLegalForm(part)
      }
    }
    return nil
  }

  /// The company of a profile's bio ("CEO at Plumline. Maps, bikes.") when the memo names it
  /// too: the role opens the line, and the name is one to three capitalized words after " at "
  /// up to the sentence's end.
  static func bioCompany(_ lines: [String], text: [String]) -> String? {
    for line in lines {
      guard let range = line.range(of: " at "),
        MemoHeaders.isJobTitle(String(line[..<range.lowerBound])),
        line.distance(from: line.startIndex, to: range.lowerBound) <= 40
      else { continue }
      var name = line[range.upperBound...]
      for stop in [". ", " · ", " | ", " • ", ",", " (", ";"] {
        if let cut = name.range(of: stop) { name = name[..<cut.lowerBound] }
      }
      let company = String(name).trimmingScalars { $0 == " " || $0 == "." }
      let words = company.split(separator: " ")
      guard (1...3).contains(words.count),
        words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" }),
        text.contains(where: { $0.containsBytes(company) })
      else { continue }
      return company
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
