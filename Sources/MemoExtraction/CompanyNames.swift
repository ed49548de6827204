/// A company's name as a journalist writes it down: without its legal form ("Velstrand Group
/// N.V." → "Velstrand Group", "株式会社ミナセ精工" → "ミナセ精工") and without the words a site
/// or a document adds to it ("Acme Stories", "Blog der Acme", "Acme Annual Report 2025",
/// "Acme 社内ポータル" → "Acme").
enum CompanyNames {
  /// Legal forms written after the name, lower case, longest first where one ends another.
  /// "Inc.", "LLC", "Ltd" and "Corp." stay: the manifests and the corpus compare without them
  /// already, and "Acme, Inc." is how many releases name a company on purpose.
  static let trailingLegalForms = [
    "gmbh & co. kg", "gmbh & co kg", "pty ltd", "pty. ltd.", "s.p.a.", "s.a.s.", "s.a.u.",
    "s.r.l.", "s.a.", "s.l.", "n.v.", "b.v.", "gmbh", "ag", "se", "plc", "sas", "sarl", "sa",
    "spa", "srl", "nv", "bv", "ab", "asa", "a/s", "as", "oy", "oyj", "kk", "k.k.", "kg", "ohg",
    "ltda.", "ltda", "lda.", "co.", "株式会社", "有限会社", "(株)", "㈱", "sp. z o.o.", "sp. z o. o.",
    "sp", "san. ve tic. a.ş.", "san. ve tic. ltd. şti.", "ltd. şti.", "a.ş.", "limited",
    "b.v", "n.v", "s.p.a", "s.r.l", "α.ε.", "α.ε", "ε.π.ε.", "ο.ε.", "בע\"מ", "בע״מ", "tbk.", "tbk",
    "jsc", "प्राइवेट लिमिटेड", "लिमिटेड", "sdn. bhd.", "sdn bhd", "bhd.", "bhd", "spol. s r.o.", "s.r.o.",
    "s.r.o", "a.s.", "zrt.", "zrt", "nyrt.", "nyrt", "kft.", "kft", "bt.", "aps", "oü",
    "d.o.o.", "d.d.", "s.c.a.",
  ]

  /// The last words of `trailingLegalForms`, to turn most names away at once.
  static let trailingLastWords: Set<String> = Set(
    trailingLegalForms.compactMap { $0.split(separator: " ").last.map(String.init) })

  /// Legal forms written before the name (Japanese, written without a space or with one).
  /// Each ends in its own separator where the script uses spaces ("PT Cendana Kapuas",
  /// "Công ty Cổ phần Sông Lam", "شركة واحة النخيل": "company" or a legal form first).
  static let leadingLegalForms = [
    "株式会社", "有限会社", "(株)", "㈱", "주식회사", "(주)", "㈜", "PT ", "Công ty Cổ phần ",
    "Công ty cổ phần ", "Công ty TNHH ", "Công ty ", "شركة ", "ТОВ ", "ПрАТ ", "ПАТ ", "АТ ",
    "ООО ", "ПАО ", "АО ", "ЗАО ",
  ]

  /// Legal forms written after the name without a space (Japanese, Korean, Chinese), longest
  /// first where one ends another.
  static let unspacedTrailingForms = [
    "株式会社", "有限会社", "주식회사", "股份有限公司", "有限责任公司", "有限公司",
  ]

  /// Words a site, section or document adds to a company's name; lower case.
  static let descriptorWords: Set<String> = [
    "blog", "stories", "story", "people", "portal", "intranet", "newsroom", "news", "careers",
    "insider", "community", "magazine", "annual", "report", "review", "engineering", "tech",
    "life", "team", "hub", "journal", "updates", "社内ポータル", "ポータル", "社内報", "ブログ",
    "ニュース",
  ]

  /// Descriptors that are never part of a company's name, so they go even when the memo does
  /// not spell the rest ("Blog der Acme" → "Acme").
  static let siteOnlyWords: Set<String> = [
    "blog", "portal", "intranet", "newsroom", "report", "annual", "社内ポータル", "ポータル", "社内報", "ブログ",
  ]

  /// Words that join a descriptor to the name ("Blog der Acme", "The Acme Blog").
  static let joiningWords: Set<String> = [
    "the", "of", "der", "des", "die", "das", "von", "de", "du", "la", "le", "del", "di", "van",
    "from", "at",
  ]

  /// `name` without a trailing or leading legal form; unchanged when nothing else remains.
  static func withoutLegalForm(_ name: String) -> String {
    var text = name.trimmed
    // Cheap first: most names end in no legal form and have no Japanese one.
    // An ASCII name's last word is what follows its last space byte.
    let ascii = text.isASCIIBytes
    let lastWord =
      ascii
      ? String(
        text[
          (text.lastUTF8Index(of: 0x20).map { text.utf8.index(after: $0) } ?? text.startIndex)...]
      ).lowercased()
      : text.split(separator: " ").last.map { $0.lowercased() } ?? ""
    guard trailingLastWords.contains(lastWord) || !ascii || text.hasPrefix("PT ") else {
      return text
    }
    let lower = text.lowercased()
    trailing: for form in trailingLegalForms {
      for joint in [" ", ", "] where lower.hasSuffix(joint + form) {
        // "Bellhaven Studio, Lda." matches " lda." first: its comma goes too.
        let rest = String(text.dropLast(form.count + joint.count)).trimmed
          .trimmingScalars { $0 == "," || $0 == " " }
        // "Harwood & Co." is the name itself.
        if form == "co.", rest.hasSuffix("&") { return text }
        if rest.count >= 2 { text = rest }
        // A name may carry a form at both ends ("PT Cendana Kapuas Tbk").
        guard text.hasPrefix("PT ") || !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        break trailing
      }
    }
    for form in leadingLegalForms where text.hasPrefix(form) && text.count > form.count + 1 {
      // "ТОВ «Зоряна Пекарня»": the name in its quotation marks, without them.
      let rest = String(text.dropFirst(form.count)).trimmed
        .trimmingScalars { "«»\"„“”".unicodeScalars.contains($0) }
      if !rest.isEmpty { return rest }
    }
    for form in unspacedTrailingForms where text.hasSuffix(form) {
      let rest = String(text.dropLast(form.count)).trimmed
      if !rest.isEmpty { return rest }
    }
    return text
  }

  /// A site or document name reduced to the company it names: the longest run of its words
  /// that drops only descriptors, years and joining words, and that `text` (the memo's title
  /// and paragraphs) uses; a run the text never uses still wins when every dropped word is a
  /// site word ("Blog der Acme" → "Acme"). The name stays whole when the text uses it whole.
  static func reducedSiteName(_ name: String, text: [String]) -> String {
    let words = name.split(separator: " ").map(String.init)
    guard words.count >= 2 else { return name }
    let lowered = words.map { $0.lowercased() }
    // Cheap first: a name with no descriptor in it stays.
    guard lowered.contains(where: { descriptorWords.contains($0) }) else { return name }
    // A document or site word ("Annual Report", "Blog") is never the name, even when the page
    // prints the whole: otherwise the memo's own use of the whole keeps it.
    let hasSiteWord = lowered.contains { siteOnlyWords.contains($0) }
    if !hasSiteWord, text.contains(where: { $0.containsBytes(name) }) { return name }
    func droppable(_ word: String) -> Bool {
      descriptorWords.contains(word) || joiningWords.contains(word)
        || (word.count == 4 && word.allSatisfy(\.isNumber))
    }
    // Runs from longest to shortest; among runs of one length, the first.
    for length in stride(from: words.count - 1, through: 1, by: -1) {
      for start in 0...(words.count - length) {
        let dropped = lowered[..<start] + lowered[(start + length)...]
        guard dropped.allSatisfy(droppable) else { continue }
        let kept = lowered[start..<(start + length)]
        // The run must hold the name: not only descriptors or joining words.
        guard let first = kept.first, let last = kept.last, !droppable(first), !droppable(last)
        else { continue }
        let run = words[start..<(start + length)].joined(separator: " ")
        let siteOnly = dropped.contains { siteOnlyWords.contains($0) }
        if siteOnly || text.contains(where: { $0.containsBytes(run) }) { return run }
      }
    }
    return name
  }

  /// Sources whose company is a site's or a document's name rather than a line of the memo.
  static let siteSources: Set<String> = ["meta", "json-ld", "title"]

  /// The memo's company as a journalist writes it: legal form dropped, and a site name
  /// (from `source`) reduced to the company the memo's `text` names.
  static func cleaned(_ company: String, source: String?, text: [String]) -> String {
    var name = withoutLegalForm(company)
    if let source, siteSources.contains(source) {
      name = withoutLegalForm(reducedSiteName(name, text: text))
    }
    return name
  }

  /// Legal forms as a signature writes them after a company's name (case as written).
  static let signatureLegalForms: Set<String> = [
    "GmbH", "AG", "SE", "SAS", "SA", "S.A.", "S.L.", "S.L", "N.V.", "B.V.", "plc", "PLC",
    "Ltd", "Ltd.", "Limited", "Inc.", "Inc", "LLC", "S.p.A.", "AB", "ASA", "Oy", "S.r.l.",
    "株式会社", "Ltda.", "Ltda", "B.V.", "BV", "NV", "AS", "A/S", "Oyj", "SpA", "Srl", "S.A.S.",
    "S.A.U.", "LLP", "Co.", "Zrt.", "Nyrt.", "Kft.", "ApS", "a.s.", "s.r.o.", "d.o.o.",
  ]

  /// The company a sender's domain names, as the memo's closing lines spell it with a legal
  /// form ("… Geschäftsführung Kessler & Rauch Hydraulik GmbH" for `kessler-rauch.de`): the
  /// words before the form, from the first that starts like the domain's name.
  static func legalName(forDomainOf address: String, in paragraphs: [String]) -> String? {
    guard let labels = MemoHeaders.hostLabels(address), labels.count >= 2 else { return nil }
    let label = labels[labels.count - 2].lowercased()
    let stem = String(label.prefix { $0.isLetter }.prefix(4))
    guard stem.count >= 3 else { return nil }
    for paragraph in paragraphs.suffix(4).reversed() {
      let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "|" })
      for (index, word) in words.enumerated() {
        let bare = word.hasSuffix(",") ? word.dropLast() : word
        guard index > 0, signatureLegalForms.contains(String(bare)) else { continue }
        var start = index
        while start > 0, index - start < 6 {
          let previous = words[start - 1]
          guard previous.first?.isUppercase == true || previous == "&" || previous == "und"
          else { break }
          start -= 1
          if previous.lowercased().hasPrefix(stem) { break }
        }
        let first = words[start].lowercased()
        guard start < index, first.hasPrefix(stem) else { continue }
        var name = words[start..<index].joined(separator: " ")
        while name.last == "," { name.removeLast() }
        return name
      }
    }
    return nil
  }

  // MARK: - Names written with their legal form

  /// Longest legal form in `signatureLegalForms`, in bytes.
  static let longestSignatureForm = 6

  /// The first company the text names with its legal form ("Milano, 12 febbraio 2026 –
  /// Ferrovale S.p.A. comunica …", "We at Fieldnote AS are grateful"): the capitalized words
  /// before the form, with it. Each paragraph is read once byte by byte, and words only where
  /// a short capitalized word (a form's shape) is found.
  static func namedWithLegalForm(in text: ArraySlice<String>) -> String? {
    for paragraph in text {
      var copy = paragraph
      let found = copy.withUTF8 { bytes -> String? in
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
          defer { start = index + 1 }
          let length = index - start
          guard length >= 2, length <= longestSignatureForm + 1, start > 0,
            (0x41...0x5A).contains(bytes[start])
          else { continue }
          var word = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
          if !signatureLegalForms.contains(word), let last = word.last, ",;:.".contains(last) {
            word.removeLast()
          }
          guard signatureLegalForms.contains(word),
            let name = nameBefore(
              String(decoding: UnsafeBufferPointer(rebasing: bytes[..<start]), as: UTF8.self)),
            name.contains(where: \.isLowercase)
          else { continue }
          return name + " " + word
        }
        return nil
      }
      if let found { return found }
    }
    return nil
  }

  /// A company's name with a trailing legal form on one of a page's first short lines (its
  /// banner or letterhead): "PT Cendana Kapuas Tbk Masuk sebagai: …" → "PT Cendana Kapuas
  /// Tbk". One to four capitalized words (a leading legal form among them) before the form;
  /// nil when no line has one.
  static func letterheadName(in lines: [String]) -> String? {
    for line in lines.prefix(12) where line.utf8.count <= 160 {
      let words = line.split(separator: " ")
      for (index, word) in words.enumerated() where index > 0 && word.first?.isUppercase == true {
        let form = word.lowercased().trimmingCharacters(in: [","])
        guard trailingLastWords.contains(form), form.count >= 2 else { continue }
        var start = index
        while start > 0, index - start < 4, words[start - 1].first?.isUppercase == true,
          !words[start - 1].hasSuffix(":"),
          !words[start - 1].hasSuffix(".")
            || leadingLegalForms.contains(String(words[start - 1]) + " ")
        {
          start -= 1
        }
        let nameWords = words[start..<index]
        guard !nameWords.isEmpty,
          nameWords.contains(where: { $0.contains(where: \.isLowercase) })
        else { continue }
        return words[start...index].joined(separator: " ").trimmingCharacters(in: [","])
      }
    }
    return nil
  }

  /// Words that open a sentence rather than a name.
  static let sentenceWords: Set<String> = [
    "The", "Today", "We", "Our", "At", "In", "From", "Dear", "As", "This", "For", "With", "And",
  ]

  /// The run of one to four capitalized words ending `text` (the words before a legal form).
  static func nameBefore(_ text: String) -> String? {
    var words: [Substring] = []
    // "Calloway Biosystems, Inc.": a comma may stand between the name and its form.
    var text = Substring(text)
    while text.last == " " { text.removeLast() }
    if text.last == "," { text.removeLast() }
    for word in text.split(separator: " ").reversed() {
      guard words.count < 4, word.first?.isUppercase == true || word == "&",
        word.allSatisfy({ $0.isLetter || $0 == "&" || $0 == "-" || $0 == "'" || $0 == "." })
      else { break }
      words.insert(word, at: 0)
    }
    while let first = words.first, first == "&" || sentenceWords.contains(String(first)) {
      words.removeFirst()
    }
    guard let first = words.first, first.first?.isUppercase == true else { return nil }
    return words.joined(separator: " ")
  }

  /// Paragraphs read at each end of the memo for a name with its legal form. Calibration: the
  /// lead sentence and the sign-off or footer, where batch C's pages name it, are within 3.
  static let legalNameEdge = 3

  /// A company the memo names with its legal form takes the place of none, of a name only the
  /// body's possessives gave, and of a shorter spelling from the site's title ("Cajuína" →
  /// "Cajuína Pagamentos"); the form is dropped later by `cleaned`.
  static func preferLegalName(_ memo: inout Memo) {
    let source = memo.companySource ?? ""
    let current = memo.company
    let open = current == nil || source == "body"
    // A one-word name from the site or from "To all Calloway employees:" is a short form.
    let shortSiteName =
      current.map { !$0.contains(" ") } == true
      && (siteSources.contains(source) || source == "salutation")
    guard open || shortSiteName else { return }
    // The lead and the closing lines, where a memo names its company in full.
    let paragraphs = memo.paragraphs
    let edge = legalNameEdge
    let lead = paragraphs.prefix(paragraphs.count <= 2 * edge ? paragraphs.count : edge)
    let closing: ArraySlice<String> = paragraphs.count <= 2 * edge ? [] : paragraphs.suffix(edge)
    guard
      let named = namedWithLegalForm(in: [memo.title ?? ""]) ?? namedWithLegalForm(in: lead)
        ?? namedWithLegalForm(in: closing)
    else { return }
    if !open, let current {
      guard withoutLegalForm(named).lowercased().hasPrefix(current.lowercased() + " ") else {
        return
      }
    }
    (memo.company, memo.companySource) = (named, "legal-name")
  }
}
