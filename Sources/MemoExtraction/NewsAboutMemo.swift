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

  /// Sets the memo's writer and company from the story's lead, when it names them.
  static func apply(_ memo: inout Memo) {
    let lead = Array(memo.paragraphs.prefix(8))
    var person: String?
    var company: String?
    for paragraph in lead + [memo.title ?? ""] where person == nil {
      let found = writer(in: paragraph)
      if let name = found.person {
        person = name
        company = found.company
      }
    }
    // Only a story that names the memo's writer is read: the opening name of a page that
    // names none may be a section label or a byline ("Posted in News").
    guard let person else { return }
    let publisher = memo.company?.lowercased()
    if company == nil || company?.lowercased() == publisher {
      company = nil
      for text in lead.prefix(2) + [memo.title ?? ""] {
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
  }
}
