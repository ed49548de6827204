/// A news story about a memo: the outlet (its site name, JSON-LD publisher, the reporter in
/// its meta author) is not the memo's company or writer. The story names them near the memo:
/// "chief executive Dana Lee told employees in a memo", "el director general, Ana Ruiz, …",
/// a quoted sign-off "— Dana Lee, President, Acme", "Acme's CEO"; the company is also the
/// name the story opens with ("Acme will close 60 stores…").
enum NewsAboutMemo {
  /// Words that say a text is about a memo, lower case (matched at a word start).
  static let memoCues = [
    "memo", "staff email", "email to staff", "email to employees", "note to staff",
    "note to employees", "tells staff", "tells employees", "told staff", "told employees",
    "letter to staff", "letter to employees", "internal email",
    "correo interno", "comunicado interno", "carta interna", "carta a la plantilla",
    "note interne", "courriel interne", "lettre aux salariés", "interne mail",
    "interne mitteilung", "rundschreiben", "brief an die belegschaft", "社内メール", "社内通知",
  ]

  /// Whether a title speaks of a memo ("…, memo shows", "según un correo interno").
  static func mentionsMemo(_ title: String) -> Bool {
    let lower = title.lowercased()
    for cue in memoCues where lower.containsBytes(cue) {
      var search = lower.startIndex..<lower.endIndex
      while let range = lower.range(of: cue, range: search) {
        let before =
          range.lowerBound == lower.startIndex
          || !lower[lower.index(before: range.lowerBound)].isLetter
        let after = lower[range.upperBound...]
        let next = after.first
        let ends =
          next == nil || !next!.isLetter
          || (cue == "memo" && (after.hasPrefix("s") || after.hasPrefix("randum")))
        if before && (ends || !cue.allSatisfy(\.isASCII)) { return true }
        search = range.upperBound..<lower.endIndex
      }
    }
    return false
  }

  /// Roles of the people who send memos, lower case, as words.
  static let roles: [[String]] = [
    "chief executive officer", "chief executive", "ceo", "president", "presidenta", "presidente",
    "président", "présidente", "founder", "co-founder", "cofounder", "managing director",
    "chief operating officer", "coo", "chair", "chairman", "chairwoman", "chairperson",
    "director general", "directora general", "director ejecutivo", "consejero delegado",
    "consejera delegada", "directeur général", "directrice générale", "pdg", "geschäftsführer",
    "geschäftsführerin", "vorstandschef", "vorstandschefin", "vorstandsvorsitzende",
    "vorstandsvorsitzender", "general manager", "amministratore delegato",
    // The head noun of any other role ("chief revenue officer", "plant manager").
    "officer", "manager", "director", "studio head",
  ].map { $0.split(separator: " ").map(String.init) }

  /// Lower-case words that may join the capitalized words of a name ("Envases del Henares").
  static let particles: Set<String> = [
    "de", "del", "la", "van", "von", "der", "da", "di", "du", "le", "&", "and", "y",
  ]

  /// Words that open a sentence rather than a name.
  static let starters: Set<String> = [
    "the", "a", "an", "la", "el", "los", "las", "le", "les", "der", "die", "das", "in", "on",
    "at", "when", "after", "as", "for", "this", "it", "en", "un", "une", "una", "today", "but",
    "posted", "updated", "published", "by", "to", "from",
  ]

  static func core(_ word: Substring) -> String {
    word.trimmingCharacters(in: .init(charactersIn: ",.;:!?\"“”«»()—–'’"))
  }

  static func isCapitalized(_ word: String) -> Bool {
    guard let first = word.first else { return false }
    return first.isUppercase && word.contains { $0.isLowercase }
  }

  /// The name that runs from `start` in `words` (capitalized words, particles between them),
  /// stopping after a word with punctuation at its end; nil for fewer than `minimum` words.
  static func nameRun(_ words: [Substring], from start: Int, minimum: Int) -> [String]? {
    var run: [String] = []
    var index = start
    while index < words.count, run.count < 6 {
      let word = words[index]
      var clean = core(word)
      let possessive = clean.hasSuffix("'s") || clean.hasSuffix("’s")
      if possessive { clean = String(clean.dropLast(2)) }
      if isCapitalized(clean) {
        run.append(clean)
      } else if !run.isEmpty, particles.contains(clean.lowercased()), index + 1 < words.count,
        isCapitalized(core(words[index + 1])), !word.hasSuffix(",")
      {
        run.append(clean)
      } else {
        break
      }
      if possessive || word.last.map({ ",.;:!?\"”»)".contains($0) }) == true { break }
      index += 1
    }
    guard run.count >= minimum, let first = run.first, !starters.contains(first.lowercased())
    else { return nil }
    return run
  }

  /// The person a role names next to it, and the company it names, in one paragraph:
  /// "chief executive Dana Lee", "the CEO, Dana Lee,", "Dana Lee, President, Acme",
  /// "Acme's chief executive, Dana Lee".
  static func writer(in paragraph: String) -> (person: String?, company: String?) {
    let words = paragraph.split(separator: " ")
    let lowered = words.map { core($0).lowercased() }
    for index in words.indices {
      for role in roles where index + role.count <= words.count {
        guard Array(lowered[index..<(index + role.count)]) == role else { continue }
        let end = index + role.count
        var company: String?
        // "Acme's chief executive": the possessive just before.
        if index > 0, words[index - 1].hasSuffix("'s") || words[index - 1].hasSuffix("’s") {
          var start = index - 1
          while start > 0, isCapitalized(core(words[start - 1])), !words[start - 1].hasSuffix(",") {
            start -= 1
          }
          company = nameRun(words, from: start, minimum: 1)?.joined(separator: " ")
        }
        // "Dana Lee, President, Acme": a name just before, then the company after.
        if index > 0, words[index - 1].hasSuffix(",") {
          var start = index - 1
          while start > 0,
            isCapitalized(core(words[start - 1])) || particles.contains(lowered[start - 1]),
            !words[start - 1].hasSuffix(","), index - start < 5
          {
            start -= 1
          }
          if let person = nameRun(words, from: start, minimum: 2), start + person.count == index {
            if company == nil, words[end - 1].hasSuffix(","), end < words.count {
              company = nameRun(words, from: end, minimum: 1)?.joined(separator: " ")
            }
            let name = person.joined(separator: " ")
            if !MemoHeaders.isOrganizationName(name) { return (name, company) }
          }
        }
        // "chief executive Dana Lee", "the CEO, Dana Lee,", "CEO of Acme, Dana Lee".
        var next = end
        if next < words.count, ["of", "de", "at", "bei", "du", "di"].contains(lowered[next]) {
          company = company ?? nameRun(words, from: next + 1, minimum: 1)?.joined(separator: " ")
          while next < words.count, !words[next].hasSuffix(",") { next += 1 }
          next += 1
        }
        if next < words.count, let person = nameRun(words, from: next, minimum: 2) {
          let name = person.joined(separator: " ")
          if !MemoHeaders.isOrganizationName(name) { return (name, company) }
        }
      }
    }
    return (nil, nil)
  }

  /// Author sources that are a page's credit (a wrapper's, when the page quotes a memo).
  static let pageCredits: Set<String> = ["meta", "json-ld", "byline"]
  /// Company sources that name the page's site rather than a line of the memo.
  static let wrapperSources: Set<String> = ["meta", "json-ld", "title", "footer"]

  /// A page around a memo (a story, a newsletter, show notes, an aggregator's copy) whose
  /// title speaks of a memo, or whose lead names the memo's writer in a sentence about the
  /// memo ("In a note to staff on Wednesday, chief revenue officer Ana Ruiz wrote:"): the
  /// memo's writer, company and sending day take the place of the page's credits.
  static func applyIfWrapped(_ memo: inout Memo) {
    // A page that names no site and credits nobody in its head is a memo page, not a wrapper
    // (a text memo's "By …" line is its writer's); most memos are turned away here, before
    // any text is read.
    guard !memo.quoted,
      memo.company != nil || memo.authorSource == "meta" || memo.authorSource == "json-ld",
      memo.author == nil || pageCredits.contains(memo.authorSource ?? ""),
      memo.company == nil || wrapperSources.contains(memo.companySource ?? "")
    else { return }
    let titled = memo.title.map(mentionsMemo) ?? false
    guard titled || cueParagraph(memo.paragraphs.prefix(8)) != nil else { return }
    apply(&memo)
  }

  /// The first paragraph that speaks of a memo and names its writer.
  static func cueParagraph(_ lead: ArraySlice<String>) -> String? {
    lead.first { paragraph in
      mayMentionMemo(paragraph) && mentionsMemo(paragraph)
        && (writer(in: paragraph).person ?? sender(in: paragraph).person) != nil
    }
  }

  /// Byte runs one of which every cue in `memoCues` holds whatever the case of its first
  /// letter, so a paragraph without any is turned away before it is lower-cased.
  static let cueBytes = [
    "emo", "mail", "ote to", "etter", "old ", "ells ", "ntern", "undschreiben", "elegschaft",
    "lantilla", "alariés", "社内",
  ]

  static func mayMentionMemo(_ paragraph: String) -> Bool {
    cueBytes.contains { paragraph.containsBytes($0) }
  }

  /// Nouns for a memo in "the note Ana Ruiz sent to Acme staff".
  static let memoNouns: Set<String> = ["note", "memo", "email", "letter", "message"]
  /// Words for a company's people after "sent to Acme …".
  static let staffWords: Set<String> = ["staff", "employees", "colleagues", "workers", "team"]

  /// "the note Ana Ruiz sent to Acme Games staff" → ("Ana Ruiz", "Acme Games").
  static func sender(in paragraph: String) -> (person: String?, company: String?) {
    let words = paragraph.split(separator: " ")
    for index in words.indices.dropLast(3) where memoNouns.contains(core(words[index]).lowercased())
    {
      guard let person = nameRun(words, from: index + 1, minimum: 2) else { continue }
      let verb = index + 1 + person.count
      guard verb + 1 < words.count, ["sent", "wrote"].contains(core(words[verb]).lowercased())
      else { continue }
      var company: String?
      if core(words[verb + 1]).lowercased() == "to",
        let run = nameRun(words, from: verb + 2, minimum: 1),
        verb + 2 + run.count < words.count,
        staffWords.contains(core(words[verb + 2 + run.count]).lowercased())
      {
        company = run.joined(separator: " ")
      }
      let name = person.joined(separator: " ")
      if !MemoHeaders.isOrganizationName(name) { return (name, company) }
    }
    return (nil, nil)
  }

  /// Sets the memo's writer and company from the story's lead, when it names them; and the
  /// day the memo was sent, when the sentence that names its writer says it.
  static func apply(_ memo: inout Memo) {
    let lead = Array(memo.paragraphs.prefix(8))
    var person: String?
    var company: String?
    var source: String?
    // The sentence about the memo first, then any sentence of the lead.
    let cue = cueParagraph(lead[...])
    for paragraph in (cue.map { [$0] } ?? []) + lead + [memo.title ?? ""] where person == nil {
      var found = writer(in: paragraph)
      if found.person == nil { found = sender(in: paragraph) }
      if let name = found.person {
        person = name
        company = found.company
        source = paragraph
      }
    }
    // Only a story that names the memo's writer is read: the opening name of a page that
    // names none may be a section label or a byline ("Posted in News").
    guard let person else { return }
    let publisher = memo.company?.lowercased()
    if company == nil || company?.lowercased() == publisher {
      company = nil
      for text in (source.map { [$0] } ?? []) + lead.prefix(2) + [memo.title ?? ""] {
        let words = text.split(separator: " ")
        // A one-line section label ("Industry") is no story's opening.
        guard words.count >= 6, let run = nameRun(words, from: 0, minimum: 1) else { continue }
        let name = run.joined(separator: " ")
        guard name.count >= 3, name.lowercased() != publisher,
          lead.contains(where: { $0.containsBytes(name) })
        else { continue }
        company = name
        break
      }
    }
    (memo.author, memo.authorSource) = (person, "body")
    if let company, company.lowercased() != publisher {
      (memo.company, memo.companySource) = (company, "body")
    }
    if let source, let page = memo.date, let sent = sentDay(in: source, before: page) {
      (memo.date, memo.dateSource) = (sent, "body")
    }
  }

  /// Weekday names, Monday first.
  static let weekdays = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]

  /// Most days a memo's sending day may lie before the page's date.
  static let maxDaysBefore = 14

  /// The day a sentence says a memo was sent, read against the page's date (`YYYY-MM-DD`): a
  /// weekday ("on Wednesday": the last one on or before the page's date) or a day of a month
  /// without its year ("on February 19": the page's year, or the year before when that falls
  /// after the page). Nil when it names neither, or names a day more than `maxDaysBefore`
  /// days before the page or after it.
  static func sentDay(in sentence: String, before page: String) -> String? {
    guard let pageDay = dayNumber(page) else { return nil }
    let words = sentence.split(separator: " ").map { core($0).lowercased() }
    var found: Int?
    for (index, word) in words.enumerated() where found == nil {
      if let weekday = weekdays.firstIndex(of: word) {
        // Day 0 (1970-01-01) was a Thursday: weekday index 3 from Monday.
        let pageWeekday = ((pageDay % 7) + 3 + 7) % 7
        found = pageDay - ((pageWeekday - weekday + 7) % 7)
      } else if index + 1 < words.count, let day = Int(words[index + 1]), (1...31).contains(day),
        word.count >= 3, let year = Int(page.prefix(4)),
        let date = DateNormalizer.normalize("\(word) \(day), \(year)"), var number = dayNumber(date)
      {
        if number > pageDay, let earlier = DateNormalizer.normalize("\(word) \(day), \(year - 1)") {
          number = dayNumber(earlier) ?? number
        }
        found = number
      }
    }
    guard let found, found <= pageDay, pageDay - found <= maxDaysBefore else { return nil }
    return isoDate(found)
  }

  /// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
  static func dayNumber(_ iso: String) -> Int? {
    let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    let (year, month, day) = (parts[0], parts[1], parts[2])
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// The `YYYY-MM-DD` date of a day number (`dayNumber`'s inverse).
  static func isoDate(_ number: Int) -> String {
    let z = number + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
