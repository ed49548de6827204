/// The last pass over a memo's metadata, once every reader has had its say: the title, author
/// and company as a journalist would write them down.
///
/// Each step starts with a cheap test on a short string (the title, the author, the company)
/// and reads paragraphs only when it applies, so a page that needs none costs a few
/// comparisons.
enum MemoRefinement {
  /// The memo with forwarded-mail headers, news-about-a-memo evidence and cleaned names
  /// applied.
  static func refined(_ input: Memo) -> Memo {
    var memo = input
    // The title's prefixes are read once: for the forward test and, when the chat reader
    // leaves the title as it was, for the clean title.
    let original = memo.title
    let prefixes = original.map(EmailReader.subjectWithoutPrefixes)
    let forwarded = prefixes?.forwarded ?? false
    if memo.format != .email, !memo.quoted { ChatExport.apply(&memo) }
    if let title = memo.title {
      // Compared byte for byte: `==` would also match a canonically equivalent title.
      let unchanged = original.map { sameBytes(title, $0) } ?? false
      let withoutPrefixes = unchanged ? prefixes?.subject : nil
      memo.title = cleanTitle(title, withoutPrefixes: withoutPrefixes)
    }
    if forwarded || memo.format == .email, !memo.quoted {
      applyForward(&memo, forwarded: forwarded)
    }
    // A page around a memo (a story, a newsletter, show notes): the memo's writer and company.
    NewsAboutMemo.applyIfWrapped(&memo)
    if let author = memo.author { cleanAuthor(author, in: &memo) }
    if memo.date == nil,
      let date = leadDate(memo.paragraphs) ?? BodyEvidence.placeDateline(memo.paragraphs)
    {
      (memo.date, memo.dateSource) = (date, "dateline")
    }
    if !memo.quoted { LanguageSignatures.apply(&memo) }
    if !memo.quoted { CompanyNames.preferLegalName(&memo) }
    if let company = memo.company {
      let text = [memo.title ?? ""] + memo.paragraphs.prefix(12) + memo.paragraphs.suffix(6)
      memo.company = CompanyNames.cleaned(company, source: memo.companySource, text: text)
    }
    if !memo.quoted, memo.author == nil, let speaker = SpeakerLabels.author(memo.paragraphs) {
      (memo.author, memo.authorSource) = (speaker, "speaker-label")
    }
    if !memo.quoted { signerForCompanyCredit(&memo) }
    return memo
  }

  /// Whether two strings hold the same UTF-8 bytes.
  static func sameBytes(_ one: String, _ other: String) -> Bool {
    guard one.utf8.count == other.utf8.count else { return false }
    var one = one
    var other = other
    return one.withUTF8 { first in other.withUTF8 { first.elementsEqual($0) } }
  }

  // MARK: - Titles

  /// A title without reply and forward prefixes ("WG: …"), leading tags ("[INTERNAL]") and
  /// emoji; nil for a file name ("chair_letter_final_v3").
  ///
  /// - Parameter withoutPrefixes: `EmailReader.subjectWithoutPrefixes(raw).subject` when the
  ///   caller has it already.
  static func cleanTitle(_ raw: String, withoutPrefixes: String? = nil) -> String? {
    var title = withoutPrefixes ?? EmailReader.subjectWithoutPrefixes(raw).subject
    var changed = true
    while changed {
      changed = false
      // A label in capitals ("[INTERNAL]", "[ACTION REQUIRED]"); not "[2025]" or "[Video]".
      if let first = title.first, first == "[" || first == "【",
        let close = title.firstIndex(where: { $0 == "]" || $0 == "】" }),
        title.distance(from: title.startIndex, to: close) <= 24,
        title[title.index(after: title.startIndex)..<close].allSatisfy({
          $0.isUppercase || $0 == " " || !$0.isASCII && $0.isLetter && !$0.isLowercase
        })
      {
        let rest = title[title.index(after: close)...].trimmed
        if !rest.isEmpty {
          title = rest
          changed = true
        }
      }
      if let first = title.unicodeScalars.first, isPictograph(first) {
        title =
          String(String.UnicodeScalarView(title.unicodeScalars.drop { isPictograph($0) }))
          .trimmed
        changed = !title.isEmpty
      }
    }
    if title.isEmpty { return raw }
    if isFileName(title) { return nil }
    return title
  }

  /// Emoji and the joiners and selectors that build them; not digits, `#` or `*`.
  static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x2000 { return false }
    if scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) { return true }
    return scalar.properties.isEmojiPresentation
      || scalar.properties.isEmoji
        && scalar.value >= 0x2190
      || (0x1F000...0x1FAFF).contains(scalar.value)
  }

  /// A document's file name used as its title: no spaces, and words joined by underscores
  /// ("board_letter_final_v3") or a file ending.
  static func isFileName(_ title: String) -> Bool {
    // No "_" byte, no "_" character: the common title is turned away on its bytes.
    guard title.utf8.contains(UInt8(ascii: "_")), !title.contains(" ") else { return false }
    return title.filter { $0 == "_" }.count >= 1 && title.contains { $0.isLetter }
  }

  // MARK: - Authors

  /// Author sources that are the page's credit, not the memo's own lines.
  static let pageCredits: Set<String> = ["meta", "json-ld", "byline"]

  /// Words before a name that are not the name.
  static let honorifics: Set<String> = [
    "dr.", "dr", "prof.", "prof", "mr.", "mrs.", "ms.", "mx.", "dra.", "herr", "frau", "mme",
    "mme.", "sra.", "sr.", "dott.", "ing.", "mag.",
  ]

  /// Degrees and post-nominals after a name.
  static let degrees: Set<String> = [
    "phd", "ph.d.", "ph.d", "md", "m.d.", "dvm", "mba", "cpa", "jd", "j.d.", "frcp", "msc",
    "dphil", "esq.", "esq",
  ]

  /// First words of a department or mailbox that signs instead of a person ("Dirección
  /// General", "Human Resources", "Geschäftsführung").
  static let departmentWords: Set<String> = [
    "dirección", "direction", "direzione", "directie", "geschäftsführung", "geschäftsleitung",
    "vorstand", "recursos", "ressources", "personalabteilung", "human", "people", "hr",
    "comunicación", "communication", "communications", "unternehmenskommunikation",
    "comunicazione", "gerencia", "administración", "administration", "presidencia",
  ]

  /// Last words of an account that posts for others ("Acme Admin", "Wire Staff").
  static let accountWords: Set<String> = [
    "admin", "administrator", "webmaster", "staff", "editor", "editors", "desk", "newsdesk",
  ]

  /// The word without commas at either end, as `trimmingCharacters(in: ",")` gives it; a
  /// word without a comma byte is returned as it is, without Foundation.
  static func withoutCommas(_ word: String) -> String {
    guard word.utf8.contains(UInt8(ascii: ",")) else { return word }
    return word.trimmingCharacters(in: .init(charactersIn: ","))
  }

  /// Whether an author is an account or a department rather than a person.
  static func isAccount(_ author: String) -> Bool {
    if let words = ASCIIWords(author) {
      // The same test on an ASCII name's bytes: no lower-cased copy, no array of words.
      guard words.count > 0 else { return false }
      if words.count <= 4, accountWords.contains(words.lowercased(words.last)) { return true }
      return words.count <= 3 && departmentWords.contains(words.lowercased(words.first))
        && author.first?.isUppercase == true
    }
    let words = author.lowercased().split(separator: " ")
    guard let first = words.first, let last = words.last else { return false }
    if accountWords.contains(String(last)) && words.count <= 4 { return true }
    return departmentWords.contains(String(first)) && words.count <= 3
      && author.first?.isUppercase == true
  }

  /// The author without honorifics and degrees; an account or department gives way to the
  /// person who signs the memo (or to none). "Staff" and "Editor" bylines on a news story
  /// are kept: news sites credit them, and only a release or a memo has a signer instead.
  static func cleanAuthor(_ raw: String, in memo: inout Memo) {
    // A page's byline (meta, JSON-LD, a "By" line) is credited as the site writes it ("Dr.
    // Ana Ruiz", "admin": the WCXB truth keeps both); the memo's own lines are cleaned.
    let ownLine = !pageCredits.contains(memo.authorSource ?? "")
    guard ownLine || memo.companySource == "release" else { return }
    let name = withoutHonorificsAndDegrees(raw)
    memo.author = name
    guard isAccount(name) else { return }
    let lower = name.lowercased()
    let isNewsCredit =
      ["staff", "editor", "editors", "desk", "newsdesk"].contains { lower.hasSuffix($0) }
      && memo.companySource != "release"
    if isNewsCredit { return }
    let signer = (MemoHeaders.signOff(memo.paragraphs) ?? delimitedSignature(memo.paragraphs))
      .flatMap {
        MemoHeaders.isOrganizationName($0) || isAccount($0) ? nil : $0
      }
    if let signer {
      let full = MemoInStory.fullName(signer, in: [memo.title ?? ""] + memo.paragraphs)
      var cleaned = memo
      cleaned.authorSource = "signature"
      cleanAuthor(full, in: &cleaned)
      (memo.author, memo.authorSource) = (cleaned.author, "signature")
    } else {
      (memo.author, memo.authorSource) = (nil, nil)
    }
  }

  /// The name without honorifics before it, degrees after it and commas at its end, its
  /// words joined by single spaces (`cleanAuthor`'s first step).
  static func withoutHonorificsAndDegrees(_ raw: String) -> String {
    // An ASCII name already in single-spaced words whose first and last words are neither
    // honorific nor degree, not ending in a comma, is its own result (most names).
    if let words = ASCIIWords(raw), words.isSingleSpaced, raw.utf8.last != UInt8(ascii: ","),
      words.count < 2
        || !honorifics.contains(words.lowercased(words.first))
          && !degrees.contains(withoutCommas(words.lowercased(words.last)))
    {
      return raw
    }
    return slowWithoutHonorificsAndDegrees(raw)
  }

  /// `withoutHonorificsAndDegrees` word by word, for any name (the reference of the fast path).
  static func slowWithoutHonorificsAndDegrees(_ raw: String) -> String {
    var words = raw.split(separator: " ").map(String.init)
    while words.count > 1, let first = words.first, honorifics.contains(first.lowercased()) {
      words.removeFirst()
    }
    while words.count > 1, let last = words.last, degrees.contains(withoutCommas(last.lowercased()))
    {
      words.removeLast()
    }
    var name = words.joined(separator: " ")
    while let last = name.last, last == "," { name.removeLast() }
    return name
  }

  /// The words of an ASCII text split at spaces as `split(separator: " ")` splits them: how
  /// many, the first and the last, and whether the text is exactly its words joined by single
  /// spaces. Nil for text that is not ASCII (a space may then start a grapheme).
  struct ASCIIWords {
    let bytes: String.UTF8View
    private(set) var count = 0
    private(set) var first: Range<String.Index>
    private(set) var last: Range<String.Index>
    private(set) var isSingleSpaced = true

    init?(_ text: String) {
      bytes = text.utf8
      first = bytes.startIndex..<bytes.startIndex
      last = first
      var start: String.Index?
      var index = bytes.startIndex
      var previousSpace = true
      while index < bytes.endIndex {
        let byte = bytes[index]
        guard byte < 0x80 else { return nil }
        if byte == 0x20 {
          if previousSpace { isSingleSpaced = false }
          if let begin = start { add(begin..<index) }
          start = nil
          previousSpace = true
        } else {
          if start == nil { start = index }
          previousSpace = false
        }
        index = bytes.index(after: index)
      }
      if let begin = start { add(begin..<bytes.endIndex) }
      if previousSpace { isSingleSpaced = false }
    }

    private mutating func add(_ word: Range<String.Index>) {
      if count == 0 { first = word }
      last = word
      count += 1
    }

    /// A word in lower case (ASCII letters only, as `lowercased()` does for ASCII).
    func lowercased(_ word: Range<String.Index>) -> String {
      String(decoding: bytes[word].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
  }

  /// A page credit (meta, JSON-LD) naming the company itself as author ("author": {"name":
  /// "Acme Mechanics"}) gives way to the person who signs the memo; kept when none signs.
  static func signerForCompanyCredit(_ memo: inout Memo) {
    guard let author = memo.author, let company = memo.company,
      memo.authorSource == "meta" || memo.authorSource == "json-ld",
      author.utf8.count == company.utf8.count, author.lowercased() == company.lowercased()
    else { return }
    guard
      let signer = (MemoHeaders.signOff(memo.paragraphs) ?? delimitedSignature(memo.paragraphs)),
      !MemoHeaders.isOrganizationName(signer), !isAccount(signer),
      signer.lowercased() != company.lowercased()
    else { return }
    let full = MemoInStory.fullName(signer, in: [memo.title ?? ""] + memo.paragraphs)
    // A person's full name: a one-word closing line ("Search", "Menu") is page furniture.
    guard full.split(separator: " ").count >= 2, MemoHeaders.looksLikeName(full) else { return }
    memo.authorSource = "signature"
    memo.author = full
    cleanAuthor(full, in: &memo)
  }

  /// The name on the first line under a mail signature's "--" delimiter ("Ana Ruiz Vela |
  /// Consejera Delegada | Acme, S.L."): two to four capitalized words before a separator.
  static func delimitedSignature(_ paragraphs: [String]) -> String? {
    let tail = paragraphs.suffix(4)
    guard let dash = tail.lastIndex(where: { $0.trimmed == "--" }), dash + 1 < paragraphs.endIndex
    else { return nil }
    let line = paragraphs[dash + 1]
    let cut = line.firstIndex { $0 == "|" || $0 == "," || $0 == "\n" } ?? line.endIndex
    let name = line[..<cut].trimmed
    let words = name.split(separator: " ")
    guard (2...4).contains(words.count),
      words.allSatisfy({ $0.first?.isUppercase == true && $0.contains { $0.isLowercase } }),
      !MemoHeaders.isOrganizationName(name), !MemoHeaders.isJobTitle(name)
    else { return nil }
    return name
  }

  // MARK: - Dates

  /// A day as `leadDate` reads it: "3 mars 2026", "4. März 2026", "March 4, 2026". Both forms
  /// end in a four-digit year (`hasFourDigitRun`).
  static let leadDatePattern =
    #"(\d{1,2}(er)?\.? [[:alpha:]]+\.? \d{4}|[[:alpha:]]+\.? \d{1,2}(st|nd|rd|th)?, \d{4})"#

  /// A day written as the memo's own at the start of one of its first paragraphs: a French or
  /// German dateline ("Paris, le 3 mars 2026 –", "Hamburg, den 4. März 2026"), or "As of
  /// today, 19 January 2026, …". Only read when no other date was found.
  static func leadDate(_ paragraphs: [String]) -> String? {
    let cues = [", le ", ", den ", ", el ", ", il ", "today, ", "aujourd'hui, ", "heute, "]
    for paragraph in paragraphs.prefix(3) {
      // An ASCII paragraph without four digits in a row has no year in its head either.
      guard mayHaveFourDigitRun(paragraph) else { continue }
      let head = String(paragraph.prefix(90))
      guard hasFourDigitRun(head) else { continue }
      // Byte tests first: the regular expression runs only on a head with a cue.
      let startsWithDay = head.utf8.first.map { (0x30...0x39).contains($0) } ?? false
      guard
        startsWithDay
          || {
            let lower = head.lowercased(); return cues.contains { lower.containsBytes($0) }
          }(),
        head.contains(where: \.isNumber),
        let range = head.range(of: leadDatePattern, options: .regularExpression)
      else { continue }
      let prefix = head[..<range.lowerBound].lowercased()
      guard prefix.count <= 40 else { continue }
      let cue = cues.contains { prefix.hasSuffix($0) }
      guard cue || prefix.isEmpty && head[range.upperBound...].hasPrefix(" –") else { continue }
      if let date = DateNormalizer.normalize(String(head[range])) { return date }
    }
    return nil
  }

  /// False when the text is ASCII without four ASCII digits in a row (so `hasFourDigitRun`
  /// is false for it and for any of its prefixes); true otherwise.
  static func mayHaveFourDigitRun(_ text: String) -> Bool {
    var run = 0
    for byte in text.utf8 {
      if byte >= 0x80 { return true }
      if byte >= 0x30 && byte <= 0x39 {
        run += 1
        if run == 4 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  /// Whether the text holds four decimal digits in a row (`\d{4}`: ASCII or of any script).
  /// `leadDate`'s pattern ends in a four-digit year, so a head without one cannot hold its date.
  static func hasFourDigitRun(_ text: String) -> Bool {
    var run = 0
    for scalar in text.unicodeScalars {
      let isDigit =
        scalar.isASCII
        ? (0x30...0x39).contains(scalar.value)
        : scalar.properties.generalCategory == .decimalNumber
      run = isDigit ? run + 1 : 0
      if run == 4 { return true }
    }
    return false
  }

  // MARK: - Forwards

  /// A forward's memo is the original message: its sender, date and subject.
  static func applyForward(_ memo: inout Memo, forwarded: Bool) {
    guard let headers = ForwardedMail.headers(in: memo.paragraphs, forwarded: forwarded)
    else { return }
    if let subject = headers.subject.flatMap({ cleanTitle($0) }) {
      (memo.title, memo.titleSource) = (subject, "forwarded-header")
    }
    if let from = headers.from, let name = MemoHeaders.senderName(stripHonorific(from)),
      !name.contains("@")
    {
      (memo.author, memo.authorSource) = (name, "forwarded-header")
    }
    if let date = headers.date.flatMap(ForwardedMail.date) {
      (memo.date, memo.dateSource) = (date, "forwarded-header")
    }
    let weak = memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? "")
    if weak, let address = headers.from.flatMap(MemoHeaders.emailAddress),
      let company = MemoHeaders.companyFromDomain(address, text: memo.paragraphs)
        ?? CompanyNames.legalName(forDomainOf: address, in: memo.paragraphs)
    {
      (memo.company, memo.companySource) = (company, "email-address")
    }
  }

  /// "Hartwig, Dr. Annegret <…>" → "Hartwig, Annegret <…>": honorifics anywhere in a sender.
  static func stripHonorific(_ from: String) -> String {
    from.split(separator: " ").filter { !honorifics.contains($0.lowercased()) }
      .joined(separator: " ")
  }
}
