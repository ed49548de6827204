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
    "sent to employees", "sent to staff", "sent to workers", "sent employees", "sent staff",
    // Finnish, Turkish and Hindi words carry case endings ("viestissä", "e-postada"): these
    // and every cue in a script other than ASCII match however the word goes on.
    "viesti", "sähköposti", "henkilöstölle", "e-posta", "çalışanlara", "ईमेल", "कर्मचारियों को",
    "사내 메일", "사내 이메일", "사내 공지", "직원에게 보낸", "직원들에게 보낸",
  ]

  /// ASCII cues that match however the word goes on (stems of languages with case endings).
  static let stemCues: Set<String> = ["viesti", "e-posta"]

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
        if before && (ends || stemCues.contains(cue) || !cue.allSatisfy(\.isASCII)) {
          return true
        }
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
    "vorstandsvorsitzender", "general manager", "amministratore delegato", "toimitusjohtaja",
    "perustaja", "genel müdür", "genel müdürü", "yönetim kurulu başkanı", "सीईओ",
    "मुख्य कार्यकारी अधिकारी", "प्रबंध निदेशक", "संस्थापक",
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
      let suffix = apostropheSuffix(clean)
      let possessive = suffix != nil
      if let suffix { clean = String(clean.dropLast(suffix + 1)) }
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

  /// The length of a case ending written after an apostrophe ("Acme's", Turkish
  /// "Yıldırımoğlu'nun": one to four lower-case letters), nil when the word has none.
  static func apostropheSuffix(_ word: String) -> Int? {
    guard let mark = word.lastIndex(where: { $0 == "'" || $0 == "’" }) else { return nil }
    let rest = word[word.index(after: mark)...]
    guard (1...4).contains(rest.count), rest.allSatisfy(\.isLowercase) else { return nil }
    return rest.count
  }

  /// Words after a name in a script without capitals (Hindi postpositions: "ने", "को", …)
  /// that end it.
  static let caselessStops: Set<String> = ["ने", "को", "का", "की", "के", "से", "में", "और", "पर"]

  /// Whether a word is written in a script without capital letters (Devanagari, Thai, …).
  static func isCaseless(_ word: Substring) -> Bool {
    guard let first = word.first else { return false }
    return first.isLetter && !first.isUppercase && !first.isLowercase
  }

  /// A name of two or three words in a script without capitals, from `start` to the
  /// postposition after it ("अंकिता मल्होत्रा ने" → "अंकिता मल्होत्रा"); nil otherwise.
  static func caselessRun(_ words: [Substring], from start: Int) -> [String]? {
    var run: [String] = []
    var index = start
    while index < words.count, run.count <= 3 {
      let clean = core(words[index])
      if caselessStops.contains(clean) { break }
      guard isCaseless(words[index]) else { return nil }
      run.append(clean)
      if words[index].last.map({ ",.;:!?|।".contains($0) }) == true { break }
      index += 1
    }
    return (2...3).contains(run.count) ? run : nil
  }

  /// The person a role names next to it, and the company it names, in one paragraph:
  /// "chief executive Dana Lee", "the CEO, Dana Lee,", "Dana Lee, President, Acme",
  /// "Acme's chief executive, Dana Lee".
  static func writer(in paragraph: String) -> (person: String?, company: String?) {
    if let korean = koreanWriter(in: paragraph) { return korean }
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
        if next < words.count,
          let person = nameRun(words, from: next, minimum: 2)
            ?? (isCaseless(words[next]) ? caselessRun(words, from: next) : nil)
        {
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
  ///
  /// - Parameter reported: the page's own first lines hold a reporter's byline
  ///   (`reporterLine`), as a story's print view shows it without meta tags.
  static func applyIfWrapped(_ memo: inout Memo, reported: Bool = false) {
    // A page that names no site and credits nobody in its head is a memo page, not a wrapper
    // (a text memo's "By …" line is its writer's); most memos are turned away here, before
    // any text is read.
    guard !memo.quoted,
      memo.company != nil || memo.authorSource == "meta" || memo.authorSource == "json-ld"
        || memo.author == nil && (reported || reporterLine(in: memo.paragraphs.prefix(3))),
      memo.author == nil || pageCredits.contains(memo.authorSource ?? ""),
      memo.company == nil || wrapperSources.contains(memo.companySource ?? "")
    else { return }
    let titled = memo.title.map(mentionsMemo) ?? false
    guard titled || cueParagraph(memo.paragraphs.prefix(8)) != nil else { return }
    apply(&memo)
  }

  /// The writer in a Korean story's sentence about the memo: name, company, then a role with
  /// its topic or subject particle ("최은서 한결해운 대표는 … 사내 메일에서"). Nil for text
  /// without Hangul (read on its first byte's range) or without such a run.
  static func koreanWriter(in paragraph: String) -> (person: String?, company: String?)? {
    // Hangul syllables are E A/B/C/D/E in UTF-8's lead byte; most paragraphs hold none.
    guard paragraph.utf8.contains(where: { $0 >= 0xEA && $0 <= 0xED }),
      koreanMemoCues.contains(where: { paragraph.containsBytes($0) })
    else { return nil }
    let words = paragraph.split(separator: " ")
    for index in words.indices.dropFirst(2) {
      let word = words[index]
      guard let role = LanguageSignatures.eastAsianRoles.first(where: { word.hasPrefix($0) }),
        ["", "는", "은", "이", "가"].contains(String(word.dropFirst(role.count)))
      else { continue }
      let person = String(words[index - 2])
      let company = String(words[index - 1])
      let hangul = { (text: String) in
        text.unicodeScalars.allSatisfy { (0xAC00...0xD7A3).contains($0.value) }
      }
      guard (2...4).contains(person.count), hangul(person), company.count >= 2,
        company.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
      else { continue }
      return (person, company)
    }
    return nil
  }

  /// Korean words for a message to staff ("사내 메일", "직원들에게 보낸").
  static let koreanMemoCues = ["사내 메일", "사내 이메일", "사내 공지", "직원에게 보낸", "직원들에게 보낸"]

  /// Whether one of a page's first paragraphs is a reporter's byline ("By Eliza Strand –
  /// Staff Reporter"), as on a story's print view without its head: a short line with "By "
  /// and a reporter's title, found on its bytes.
  static func reporterLine(in lead: ArraySlice<String>) -> Bool {
    lead.contains { line in
      line.utf8.count <= 200 && (line.containsBytes("By ") || line.containsBytes(" by "))
        && reporterTitles.contains { line.containsBytes($0) }
    }
  }

  /// Titles of a newsroom's writers, as bylines spell them.
  static let reporterTitles = [
    "Reporter", "reporter", "Correspondent", "correspondent", "Staff Writer", "staff writer",
    "Contributing Writer", "Senior Writer",
  ]

  /// The first paragraph that speaks of a memo and names its writer; else, when one
  /// paragraph of the lead speaks of a memo ("a letter the company sent to employees"), the
  /// first that names a memo by its noun and its writer ("In the letter, signed by general
  /// manager Dana Lee, …").
  static func cueParagraph(_ lead: ArraySlice<String>) -> String? {
    func namesWriter(_ paragraph: String) -> Bool {
      (writer(in: paragraph).person ?? sender(in: paragraph).person) != nil
    }
    var cued = false
    for paragraph in lead where mayMentionMemo(paragraph) && mentionsMemo(paragraph) {
      if namesWriter(paragraph) { return paragraph }
      cued = true
    }
    guard cued else { return nil }
    return lead.first { namesMemoNoun($0) && namesWriter($0) }
  }

  /// Whether a paragraph names a memo by one of `memoNouns` ("the letter", "an email").
  static func namesMemoNoun(_ paragraph: String) -> Bool {
    guard memoNounBytes.contains(where: { paragraph.containsBytes($0) }) else { return false }
    return paragraph.split(separator: " ").contains { memoNouns.contains(core($0).lowercased()) }
  }

  /// Byte runs one of which each of `memoNouns` holds after its first letter.
  static let memoNounBytes = ["ote", "emo", "mail", "etter", "essage"]

  /// Byte runs one of which every cue in `memoCues` holds whatever the case of its first
  /// letter, so a paragraph without any is turned away before it is lower-cased.
  static let cueBytes = [
    "emo", "mail", "ote to", "etter", "old ", "ells ", "ntern", "undschreiben", "elegschaft",
    "lantilla", "alariés", "社内", "ent to", "ent employees", "ent staff", "viesti",
    "hköposti", "henkilöstö", "-posta", "çalışan", "ईमेल", "कर्मचारियों", "사내", "직원",
  ]

  static func mayMentionMemo(_ paragraph: String) -> Bool {
    cueBytes.contains { paragraph.containsBytes($0) }
  }

  /// Nouns for a memo in "the note Ana Ruiz sent to Acme staff".
  static let memoNouns: Set<String> = ["note", "memo", "email", "e-mail", "letter", "message"]
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
      // A name written with its legal form ("Kuusiluoto Oy vähentää …") names the company
      // wherever it stands in the lead.
      for text in (source.map { [$0] } ?? []) + lead.prefix(3) where company == nil {
        if let name = legalFormName(in: text), name.lowercased() != publisher { company = name }
      }
      // A headline that opens with a name the lead repeats names the company ("Corvane
      // Analytics lays off …" over "Oakland data startup Corvane Analytics laid off …").
      if company == nil, let title = memo.title, case let words = title.split(separator: " "),
        words.count >= 4, let run = nameRun(words, from: 0, minimum: 2),
        case let name = run.joined(separator: " "), name.lowercased() != publisher,
        lead.prefix(3).contains(where: { $0 != title && $0.containsBytes(" " + name + " ") })
      {
        company = name
      }
      for text in (source.map { [$0] } ?? []) + lead.prefix(2) + [memo.title ?? ""]
      where company == nil {
        let words = text.split(separator: " ")
        // A one-line section label ("Industry") is no story's opening.
        guard words.count >= 6 else { continue }
        // A dateline in capitals before a dash ("RIDGEPORT — Acme will …") opens no name.
        let start = datelineEnd(words)
        guard
          let run = nameRun(words, from: start, minimum: 1)
            ?? (isCaseless(words[start]) ? caselessRun(words, from: start) : nil)
        else { continue }
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
    // The page's own date, else the date its lead gives: a day named in the sentence about
    // the memo, or in another of the lead that speaks of it under its writer's last name
    // ("Yıldırımoğlu'nun … 9 Ekim tarihli e-postada"), is read against it.
    guard let source,
      let page = memo.date ?? MemoRefinement.leadDate(memo.paragraphs)
        ?? BodyEvidence.placeDateline(memo.paragraphs) ?? bylineDate(lead)
    else { return }
    let surname = person.split(separator: " ").last.map(String.init) ?? person
    let others = lead.filter {
      $0 != source && $0.containsBytes(surname)
        && ((mayMentionMemo($0) && mentionsMemo($0)) || namesMemoNoun($0))
    }
    for text in [source] + others {
      if let sent = sentDay(in: text, before: page) {
        (memo.date, memo.dateSource) = (sent, "body")
        return
      }
    }
  }

  /// The date of a byline among the lead's first paragraphs: a short one that holds a date
  /// after a label or a separator ("प्रकाशित: 14 अक्टूबर 2026, 09:30 IST", "· Oct 7, 2026").
  static func bylineDate(_ lead: [String]) -> String? {
    for paragraph in lead.prefix(4) where paragraph.utf8.count <= 200 {
      for part in paragraph.split(whereSeparator: { "·|".contains($0) }) {
        var text = part.trimmed
        if let colon = text.firstIndex(of: ":"),
          text.distance(from: text.startIndex, to: colon) < 20
        {
          text = String(text[text.index(after: colon)...]).trimmed
        }
        if let comma = text.lastIndex(of: ","), text[text.index(after: comma)...].contains(":") {
          text = String(text[..<comma])
        }
        if text.count <= 30, let date = DateNormalizer.normalize(text) { return date }
      }
    }
    return nil
  }

  /// A name written with a legal form after it ("Kuusiluoto Oy", "Karaçam Tekstil A.Ş.,"),
  /// without the form; nil when the text names none.
  static func legalFormName(in text: String) -> String? {
    let words = text.split(separator: " ")
    for index in words.indices.dropFirst() {
      let raw = words[index]
      guard raw.first?.isUppercase == true else { continue }
      let form = raw.trimmingCharacters(in: .init(charactersIn: ",;:")).lowercased()
      guard CompanyNames.trailingLastWords.contains(form) else { continue }
      var start = index
      while start > 0, index - start < 4, isCapitalized(core(words[start - 1])),
        !words[start - 1].hasSuffix(","), !words[start - 1].hasSuffix(".")
      {
        start -= 1
      }
      guard start < index, !starters.contains(core(words[start]).lowercased()) else { continue }
      return words[start..<index].map { core($0) }.joined(separator: " ")
    }
    return nil
  }

  /// The index after a dateline in capitals and its dash ("RIDGEPORT —", "NEW YORK --"),
  /// 0 when the words open with none.
  static func datelineEnd(_ words: [Substring]) -> Int {
    for index in words.indices.prefix(4) where ["—", "–", "-", "--"].contains(String(words[index]))
    {
      let place = words[..<index]
      let letters = place.joined().filter(\.isLetter)
      guard !letters.isEmpty, letters.allSatisfy(\.isUppercase), index + 1 < words.count else {
        return 0
      }
      return index + 1
    }
    return 0
  }

  /// Weekday names, Monday first, in the languages of `memoCues`; a word matches a name it
  /// begins with and carries at most `weekdayEnding` more letters ("maanantaina", "lunes").
  static let weekdays: [[String]] = [
    [
      "monday", "montag", "lundi", "lunes", "lunedì", "segunda-feira", "maanantai", "pazartesi",
      "सोमवार", "poniedziałek", "maandag", "måndag",
    ],
    [
      "tuesday", "dienstag", "mardi", "martes", "martedì", "terça-feira", "tiistai", "salı",
      "मंगलवार", "wtorek", "dinsdag", "tisdag",
    ],
    [
      "wednesday", "mittwoch", "mercredi", "miércoles", "mercoledì", "quarta-feira",
      "keskiviikko", "çarşamba", "बुधवार", "środa", "woensdag", "onsdag",
    ],
    [
      "thursday", "donnerstag", "jeudi", "jueves", "giovedì", "quinta-feira", "torstai",
      "perşembe", "गुरुवार", "czwartek", "donderdag", "torsdag",
    ],
    [
      "friday", "freitag", "vendredi", "viernes", "venerdì", "sexta-feira", "perjantai", "cuma",
      "शुक्रवार", "piątek", "vrijdag", "fredag",
    ],
    [
      "saturday", "samstag", "samedi", "sábado", "sabato", "lauantai", "cumartesi", "शनिवार",
      "sobota", "zaterdag", "lördag",
    ],
    [
      "sunday", "sonntag", "dimanche", "domingo", "domenica", "sunnuntai", "pazar", "रविवार",
      "niedziela", "zondag", "söndag",
    ],
  ]

  /// Most letters a weekday name may carry after it (a Finnish "-na", a Turkish "-ya").
  static let weekdayEnding = 3

  /// The weekday a word names, 0 for Monday; nil for any other word.
  static func weekday(_ word: String) -> Int? {
    var best: (index: Int, length: Int)?
    for (index, names) in weekdays.enumerated() {
      for name in names where word.hasPrefix(name) && word.count - name.count <= weekdayEnding {
        if name.count > best?.length ?? 0 { best = (index, name.count) }
      }
    }
    return best?.index
  }

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
      if let weekday = weekday(word) {
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
      } else if let day = Int(word), (1...31).contains(day), index + 1 < words.count,
        words[index + 1].count >= 3, let year = Int(page.prefix(4)),
        let date = DateNormalizer.normalize("\(day) \(words[index + 1]) \(year)"),
        var number = dayNumber(date)
      {
        // "9 Ekim tarihli", "5 October": the day before its month.
        if number > pageDay,
          let earlier = DateNormalizer.normalize("\(day) \(words[index + 1]) \(year - 1)")
        {
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
