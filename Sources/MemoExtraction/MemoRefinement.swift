/// The last pass over a memo's metadata, once every reader has had its say: the title, author
/// and company as a journalist would write them down.
///
/// Each step starts with a cheap test on a short string (the title, the author, the company)
/// and reads paragraphs only when it applies, so a page that needs none costs a few
/// comparisons.
enum MemoRefinement {
  /// The memo with forwarded-mail headers, news-about-a-memo evidence and cleaned names
  /// applied. Without `findsSignOffAuthor` (clusters show no author), a signature line is
  /// read only for a company still missing, and gives no author.
  static func refined(_ input: Memo, findsSignOffAuthor: Bool = true) -> Memo {
    var memo = input
    // The title's prefixes are read once: for the forward test and, when the chat reader
    // leaves the title as it was, for the clean title.
    let original = memo.title
    let prefixes = original.map(titleWithoutPrefixes)
    let forwarded = prefixes?.forwarded ?? false
    if memo.format != .email, !memo.quoted { ChatExport.apply(&memo) }
    if memo.format == .text || memo.format == .markdown, !memo.quoted {
      MboxMessages.apply(&memo)
      ChatLog.apply(&memo)
      InlineFields.apply(&memo)
    }
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
    // A repost's note of the day the memo first appeared.
    if !memo.quoted { OriginalDate.apply(&memo) }
    if let author = memo.author {
      // A page credit is kept as the site writes it, but for a byline's lead word.
      let name = withoutLeadWord(author)
      if name.utf8.count != author.utf8.count { memo.author = name }
      cleanAuthor(name, in: &memo)
      if !memo.quoted { signerForDepartmentCredit(&memo) }
      if let author = memo.author, author.utf8.count <= 12, author.utf8.contains(0x2E),
        let full = nameForInitials(author, in: [memo.title ?? ""] + memo.paragraphs)
      {
        memo.author = full
      }
    }
    if memo.date == nil,
      let date = leadDate(memo.paragraphs) ?? BodyEvidence.placeDateline(memo.paragraphs)
        ?? closingDate(memo.paragraphs)
    {
      (memo.date, memo.dateSource) = (date, "dateline")
    }
    if !memo.quoted { LanguageSignatures.apply(&memo) }
    if !memo.quoted, mayPreferLegalName(memo) { CompanyNames.preferLegalName(&memo) }
    if let company = memo.company {
      let text = [memo.title ?? ""] + memo.paragraphs.prefix(12) + memo.paragraphs.suffix(6)
      memo.company = CompanyNames.cleaned(company, source: memo.companySource, text: text)
    }
    if !memo.quoted, memo.author == nil, let speaker = SpeakerLabels.author(memo.paragraphs) {
      (memo.author, memo.authorSource) = (speaker, "speaker-label")
    }
    // A signature line above later messages or notes ("Hendrik Vallenstam, Managing Director,
    // Kestrel Drivetrain s.r.o." under the memo, replies after it in a chat export).
    if !memo.quoted, findsSignOffAuthor && memo.author == nil || memo.company == nil,
      let line = signatureLine(memo.paragraphs.suffix(6)), memo.author ?? line.person == line.person
    {
      if findsSignOffAuthor || memo.author != nil {
        (memo.author, memo.authorSource) = (line.person, memo.authorSource ?? "signature")
      }
      if memo.company == nil {
        let text = [memo.title ?? ""] + memo.paragraphs.prefix(12) + memo.paragraphs.suffix(6)
        (memo.company, memo.companySource) = (
          CompanyNames.cleaned(line.company, source: "signature", text: text), "signature"
        )
      }
    }
    if !memo.quoted { signerForCompanyCredit(&memo) }
    return memo
  }

  /// Whether `CompanyNames.preferLegalName` can change the memo: its company is none, the
  /// body's or a site's (the sources it opens with), tested before its search for a space in
  /// a site's name. False means it would return the memo as it is.
  static func mayPreferLegalName(_ memo: Memo) -> Bool {
    guard memo.company != nil, let source = memo.companySource else { return true }
    return source == "body" || source == "salutation" || CompanyNames.siteSources.contains(source)
  }

  /// `EmailReader.subjectWithoutPrefixes(title)`: a title without a colon byte has no reply
  /// or forward prefix, so it is only trimmed, without looking for a colon `Character` by
  /// `Character`.
  static func titleWithoutPrefixes(_ title: String) -> (subject: String, forwarded: Bool) {
    guard !title.containsByte(UInt8(ascii: ":")) else {
      return EmailReader.subjectWithoutPrefixes(title)
    }
    let trimmed = title.trimmed
    return (trimmed.isEmpty ? title : trimmed, false)
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
      if title.utf8.first == UInt8(ascii: "["), let rest = withoutListTag(title) {
        title = rest
        changed = true
      }
      if let first = title.unicodeScalars.first, isPictograph(first) {
        title =
          String(String.UnicodeScalarView(title.unicodeScalars.drop { isPictograph($0) }))
          .trimmed
        changed = !title.isEmpty
      }
    }
    if title.isEmpty { return raw }
    if isFileName(title) || isEmbargoLine(title) { return nil }
    return withoutCodeHostSuffix(withoutColumnLabel(title))
  }

  /// Labels a site puts before a headline with a colon ("Guest post: …", "Opinion: …"),
  /// lower case; the longest is `columnLabelLength` bytes.
  static let columnLabels: Set<String> = [
    "guest post", "guest column", "guest essay", "opinion", "op-ed", "commentary",
    "gastbeitrag", "meinung", "kommentar", "tribune", "opinión", "tribuna", "column",
  ]
  static let columnLabelLength = 13

  /// A title without a column label before its colon ("Guest post: Why Acme is getting
  /// smaller" → "Why Acme is getting smaller"); unchanged when it opens with none.
  static func withoutColumnLabel(_ title: String) -> String {
    // Bytes first: a colon within the first few bytes.
    guard let colon = title.utf8.prefix(columnLabelLength + 1).firstIndex(of: UInt8(ascii: ":"))
    else { return title }
    let label = String(decoding: title.utf8[..<colon], as: UTF8.self).lowercased()
    guard columnLabels.contains(label) else { return title }
    let rest = String(decoding: title.utf8[title.utf8.index(after: colon)...], as: UTF8.self)
      .trimmed
    return rest.count >= 3 ? rest : title
  }

  /// Whether a title is a release's embargo line ("EMBARGOED UNTIL 00:01 BST, FRIDAY 9
  /// OCTOBER 2026", "Embargo: 10 March 2026"), which is never its headline.
  static func isEmbargoLine(_ title: String) -> Bool {
    guard let first = title.utf8.first,
      first == UInt8(ascii: "E") || first == UInt8(ascii: "e")
        || first == UInt8(ascii: "U") || first == UInt8(ascii: "u")
    else { return false }
    let head = title.prefix(24).lowercased()
    return head.hasPrefix("embargoed") || head.hasPrefix("embargo:")
      || head.hasPrefix("embargo until") || head.hasPrefix("under embargo")
  }

  /// A title after a mailing list's tag ("[staff-announce] Changes …" → "Changes …"): a
  /// bracketed lower-case ASCII name joined by "-", "_" or "." as list names are; nil when
  /// the title opens with none ("[2025] …", "[Video] …", "[draft] …" stay).
  static func withoutListTag(_ title: String) -> String? {
    let bytes = Array(title.utf8.prefix(42))
    guard bytes.first == UInt8(ascii: "["),
      let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 2
    else { return nil }
    let name = bytes[1..<close]
    let isListName = name.allSatisfy {
      (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F
        || $0 == 0x2E
    }
    guard isListName, name.contains(where: { $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }),
      name.contains(where: { (0x61...0x7A).contains($0) })
    else { return nil }
    let rest = String(decoding: title.utf8.dropFirst(close + 1), as: UTF8.self).trimmed
    return rest.isEmpty ? nil : rest
  }

  /// Segments a code host appends to a page's title after " · ": the thread's kind and
  /// number ("Discussion #2318", "Issue #12", "Pull Request #7"), its list ("Issues",
  /// "Merge requests") and the host's name.
  static let codeHostSegments: Set<String> = [
    "issues", "merge requests", "pull requests", "discussions", "github", "gitlab", "wiki",
  ]

  /// Thread kinds a code host writes before a number ("Discussion #2318").
  static let codeHostThreads = ["discussion #", "issue #", "pull request #", "merge request !"]

  /// A title without a code host's suffix ("An update · acme/db · Discussion #2318" → "An
  /// update"): cut at the first " · " when a later segment is a code host's thread, list or
  /// name. Other titles are returned as they are.
  static func withoutCodeHostSuffix(_ title: String) -> String {
    // U+00B7 is C2 B7 in UTF-8: a title without that byte pair has no such suffix.
    guard title.containsBytes(" \u{00B7} ") else { return title }
    let parts = title.components(separatedBy: " \u{00B7} ")
    guard parts.count >= 2, let head = parts.first?.trimmed, !head.isEmpty else { return title }
    let marked = parts.dropFirst().contains { part in
      let lower = part.trimmed.lowercased()
      return codeHostSegments.contains(lower)
        || codeHostThreads.contains { lower.hasPrefix($0) && lower.count > $0.count }
    }
    return marked ? head : title
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
    guard title.containsByte(UInt8(ascii: "_")), !title.contains(" ") else { return false }
    return title.filter { $0 == "_" }.count >= 1 && title.contains { $0.isLetter }
  }

  // MARK: - Authors

  /// Author sources that are the page's credit, not the memo's own lines.
  static let pageCredits: Set<String> = ["meta", "json-ld", "byline"]

  /// Words before a name that are not the name.
  static let honorifics: Set<String> = [
    "dr.", "dr", "prof.", "prof", "mr.", "mrs.", "ms.", "mx.", "dra.", "herr", "frau", "mme",
    "mme.", "sra.", "sr.", "dott.", "ing.", "mag.",
    // Malay and Swahili.
    "encik", "en.", "puan", "pn.", "cik", "bi.", "bw.", "bwana",
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

  /// The ASCII members of `honorifics`, `degrees`, `departmentWords`, `accountWords`,
  /// `teamWords` and `departmentLeadWords`, for `ASCIIWords.isAmong`.
  static let asciiHonorifics = ASCIIWords.members(honorifics)
  static let asciiDegrees = ASCIIWords.members(degrees)
  static let asciiDepartmentWords = ASCIIWords.members(departmentWords)
  static let asciiAccountWords = ASCIIWords.members(accountWords)
  static let asciiTeamWords = ASCIIWords.members(teamWords)
  static let asciiDepartmentLeadWords = ASCIIWords.members(departmentLeadWords)

  /// Last words of an account that posts for others ("Acme Admin", "Wire Staff").
  /// "User" ends a CMS's default account ("Super User", Joomla's; "Guest User").
  static let accountWords: Set<String> = [
    "admin", "administrator", "webmaster", "staff", "editor", "editors", "desk", "newsdesk",
    "user", "webadmin", "sysadmin", "siteadmin", "comms",
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
      if words.count <= 4, words.isAmong(words.last, asciiAccountWords) { return true }
      return words.count <= 3 && words.isAmong(words.first, asciiDepartmentWords)
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

  /// The full name written in `text` whose initials a sign-off gives ("W.O.H." → "Wendell
  /// Okafor-Hughes": each word and each part of a hyphenated word gives one letter); nil when
  /// the author is not two to four initials with dots, or no name has those initials.
  static func nameForInitials(_ author: String, in text: [String]) -> String? {
    let parts = author.split(separator: ".", omittingEmptySubsequences: true)
      .map { $0.trimmed }
    guard (2...4).contains(parts.count),
      parts.allSatisfy({ $0.count == 1 && $0.first?.isUppercase == true }),
      author.trimmed.hasSuffix(".")
    else { return nil }
    let letters = parts.compactMap(\.first)
    for paragraph in text where paragraph.contains(letters[0]) {
      let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        .map { $0.trimmingCharacters(in: .init(charactersIn: ",;:()")) }
      for start in words.indices where words[start].first == letters[0] {
        var initials: [Character] = []
        var end = start
        while end < words.count, initials.count < letters.count {
          let word = words[end]
          let pieces = word.split(separator: "-")
          guard !pieces.isEmpty,
            pieces.allSatisfy({ $0.count >= 2 && $0.first?.isUppercase == true })
          else { break }
          initials += pieces.compactMap(\.first)
          end += 1
        }
        if initials == letters, end - start >= 2 {
          return words[start..<end].joined(separator: " ")
        }
      }
    }
    return nil
  }

  /// Words a byline puts before the name ("From Ana Ruiz", "By Ana Ruiz"), lower case.
  static let leadWords = ["from ", "by "]

  /// The author without a byline's lead word ("From Ana Ruiz" → "Ana Ruiz") when a
  /// capitalized name of two words or more follows; the author as it is otherwise.
  static func withoutLeadWord(_ author: String) -> String {
    // Byte test first: only an author starting with "F", "f", "B" or "b" can carry one.
    guard let first = author.utf8.first, first | 0x20 == 0x66 || first | 0x20 == 0x62 else {
      return author
    }
    let lower = author.prefix(5).lowercased()
    guard let lead = leadWords.first(where: { lower.hasPrefix($0) }) else { return author }
    let rest = author.dropFirst(lead.count).trimmed
    let words = rest.split(separator: " ")
    guard words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true }) else {
      return author
    }
    return rest
  }

  /// Last characters of a department's name written without spaces (Japanese, Chinese:
  /// "総務部", "人事部", "広報室", "人力资源部").
  static let departmentEndings: Set<Character> = ["部", "課", "室", "处", "科"]

  /// Whether a page's author credit names a department or team rather than a person:
  /// `isAccount`, a team ("HR Team", "Internal Communications"), a Polish "Dział …", or a
  /// name in CJK ending like a department ("総務部").
  static func isDepartmentCredit(_ author: String) -> Bool {
    if isAccount(author) { return true }
    if let words = ASCIIWords(author) {
      // The same tests on an ASCII name's bytes (its words as `split(separator: " ")` gives
      // them); no ASCII name ends like a CJK department.
      guard words.count > 0, words.count <= 4 else { return false }
      if words.isAmong(words.last, asciiTeamWords) { return true }
      return words.isAmong(words.first, asciiDepartmentLeadWords)
        && author.first?.isUppercase == true
    }
    return slowIsDepartmentCredit(author)
  }

  /// `isDepartmentCredit` after `isAccount`, word by word, for any name (the reference of
  /// its ASCII path).
  static func slowIsDepartmentCredit(_ author: String) -> Bool {
    let words = author.split(separator: " ")
    guard let first = words.first?.lowercased(), let last = words.last?.lowercased() else {
      return false
    }
    if words.count <= 4, teamWords.contains(last) { return true }
    if words.count <= 4, departmentLeadWords.contains(first), author.first?.isUppercase == true {
      return true
    }
    if words.count == 1, let end = author.last, departmentEndings.contains(end),
      author.unicodeScalars.allSatisfy({ $0.value >= 0x2E80 })
    {
      return true
    }
    return false
  }

  /// Last words of a team's name ("HR Team", "Corporate Communications"); lower case.
  static let teamWords: Set<String> = [
    "team", "communications", "department", "office", "committee", "board",
  ]

  /// First words of a department's name in more languages ("Internal Communications",
  /// "Dział Komunikacji", "Departamento de …", "Abteilung …"); lower case.
  static let departmentLeadWords: Set<String> = [
    "internal", "corporate", "dział", "departament", "departamento", "département", "abteilung",
    "afdeling", "avdelning", "biuro", "zarząd",
  ]

  /// A page credit (meta, JSON-LD, byline) naming a department or team ("総務部", "HR Team")
  /// gives way to the person who signs the memo in full; kept when none signs.
  static func signerForDepartmentCredit(_ memo: inout Memo) {
    guard let author = memo.author, pageCredits.contains(memo.authorSource ?? ""),
      author.utf8.count < 80, isDepartmentCredit(author)
    else { return }
    let lower = author.lowercased()
    // A news site's staff credit stays (see `cleanAuthor`).
    if ["staff", "editor", "editors", "desk", "newsdesk"].contains(where: { lower.hasSuffix($0) }) {
      return
    }
    guard
      let signer = MemoHeaders.signOff(memo.paragraphs) ?? delimitedSignature(memo.paragraphs)
        ?? SignatureBlock.valedictionName(memo.paragraphs)
        ?? LanguageSignatures.signer(memo.paragraphs)?.person
        ?? (isAccount(author) ? bareNameClosing(memo.paragraphs) : nil),
      !MemoHeaders.isOrganizationName(signer), !isAccount(signer), !isDepartmentCredit(signer)
    else { return }
    let full = MemoInStory.fullName(signer, in: [memo.title ?? ""] + memo.paragraphs)
    // A name in a script without case ("湊場 健一郎") has no capitals to test.
    let caseless = full.unicodeScalars.allSatisfy { $0.value >= 0x2E80 || $0 == " " }
    // A person's name in two words or more, not a line in capitals ("CONTACT US").
    let person =
      MemoHeaders.looksLikeName(full) && full.contains(" ") && full != full.uppercased()
    guard person || caseless && full.count <= 12 else { return }
    (memo.author, memo.authorSource) = (full, "signature")
  }

  /// A line that signs with name, job title and company ("Hendrik Vallenstam, Managing
  /// Director, Kestrel Drivetrain s.r.o."), the last among `paragraphs`: a full name, a part
  /// that is a job title, and a company last; nil when none is.
  static func signatureLine(_ paragraphs: ArraySlice<String>) -> (person: String, company: String)?
  {
    for paragraph in paragraphs.reversed() where paragraph.utf8.count <= 140 {
      // Three comma-separated parts need two comma bytes: most paragraphs are turned away
      // before any split. The cheaper tests on the parts then come before the company's.
      guard paragraph.withUTF8Bytes({ $0.lazy.filter { $0 == UInt8(ascii: ",") }.count >= 2 })
      else { continue }
      let parts = MemoHeaders.commaParts(paragraph)
      guard parts.count >= 3 else { continue }
      let person = parts[0]
      guard MemoHeaders.spaceWords(person).count >= 2, MemoHeaders.looksLikeName(person),
        !MemoHeaders.isJobTitle(person),
        parts.dropFirst().dropLast().contains(where: MemoHeaders.isJobTitle),
        let company = MemoHeaders.companyInSignature(parts: parts)
      else { continue }
      return (person, company)
    }
    return nil
  }

  /// A memo's last paragraph when it is a person's full name alone ("Jonah Fairweather-Ruiz"
  /// under the text, no closing word): two to four capitalized words, nothing else. Read only
  /// for a post credited to an account, whose writer signs so.
  static func bareNameClosing(_ paragraphs: [String]) -> String? {
    guard let last = paragraphs.last?.trimmed, last.utf8.count <= 48 else { return nil }
    let words = last.split(separator: " ")
    guard (2...4).contains(words.count),
      words.allSatisfy({
        $0.first?.isUppercase == true && $0.contains(where: \.isLowercase)
          && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
      }),
      MemoHeaders.looksLikeName(last), !MemoHeaders.isOrganizationName(last),
      !MemoHeaders.isJobTitle(last)
    else { return nil }
    return last
  }

  /// The name without honorifics before it, degrees after it and commas at its end, its
  /// words joined by single spaces (`cleanAuthor`'s first step).
  static func withoutHonorificsAndDegrees(_ raw: String) -> String {
    // An ASCII name already in single-spaced words whose first and last words are neither
    // honorific nor degree, not ending in a comma, is its own result (most names).
    if let words = ASCIIWords(raw), words.isSingleSpaced, raw.utf8.last != UInt8(ascii: ","),
      words.count < 2
        || !words.isAmong(words.first, asciiHonorifics)
          && !words.isAmong(words.last, asciiDegrees, trimmingCommas: true)
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

    /// Whether the word in lower case (without commas at either end with `trimmingCommas`)
    /// is one of `list`, lower-case ASCII words (`ASCIIWords.members`): as
    /// `set.contains(lowercased(word))` is for a set of lower-case words, without making a
    /// `String` or hashing one.
    func isAmong(
      _ word: Range<String.Index>, _ list: [[UInt8]], trimmingCommas: Bool = false
    ) -> Bool {
      var text = bytes[word]
      if trimmingCommas {
        while let first = text.first, first == 0x2C { text = text.dropFirst() }
        while let last = text.last, last == 0x2C { text = text.dropLast() }
      }
      let count = text.count
      for candidate in list where candidate.count == count {
        if zip(text, candidate).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) {
          return true
        }
      }
      return false
    }

    /// The ASCII members of a set of lower-case words, as bytes: only they can equal an
    /// ASCII word (none of the other members is canonically equivalent to ASCII text).
    static func members(_ words: Set<String>) -> [[UInt8]] {
      words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
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
  /// `leadDatePattern`, compiled once.
  static let leadDateExpression = CompiledPattern(leadDatePattern)

  /// A day written as the memo's own at the start of one of its first paragraphs: a French or
  /// German dateline ("Paris, le 3 mars 2026 –", "Hamburg, den 4. März 2026"), or "As of
  /// today, 19 January 2026, …". Only read when no other date was found.
  static func leadDate(_ paragraphs: [String]) -> String? {
    let cues = [", le ", ", den ", ", el ", ", il ", "today, ", "aujourd'hui, ", "heute, "]
    for paragraph in paragraphs.prefix(3) {
      // An ASCII paragraph without four digits in a row has no year in its head either.
      // The head is at most 90 `Character`s: within the first 180 bytes when they are ASCII
      // (a CR LF pair is the only two-byte ASCII `Character`).
      guard mayHaveFourDigitRun(paragraph, inFirst: 180) else { continue }
      let head = paragraph.characterPrefix(90)
      guard hasFourDigitRun(head) else { continue }
      // Byte tests first: the regular expression runs only on a head with a cue.
      let startsWithDay = head.utf8.first.map { (0x30...0x39).contains($0) } ?? false
      guard
        startsWithDay
          || {
            let lower = head.lowercased(); return cues.contains { lower.containsBytes($0) }
          }(),
        head.contains(where: \.isNumber),
        let range = leadDateExpression.firstRange(in: head)
      else { continue }
      let prefix = head[..<range.lowerBound].lowercased()
      guard prefix.count <= 40 else { continue }
      let cue = cues.contains { prefix.hasSuffix($0) }
      guard cue || prefix.isEmpty && head[range.upperBound...].hasPrefix(" –") else { continue }
      if let date = DateNormalizer.normalize(String(head[range])) { return date }
    }
    return nil
  }

  /// Longest closing date line read, in characters ("ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2569",
  /// "Given on 4 March 2026"): a label of a few words and a date.
  static let maxClosingDateLength = 48

  /// A notice's date on a short line of its own among its last paragraphs, as notices and
  /// letters are dated under their text ("ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2569", "8 October
  /// 2026"). Only read when no other date was found.
  static func closingDate(_ paragraphs: [String]) -> String? {
    for paragraph in paragraphs.suffix(3).reversed()
    where paragraph.utf8.count <= maxClosingDateLength * 4 && mayHaveFourDigitRun(paragraph) {
      guard paragraph.count <= maxClosingDateLength, hasFourDigitRun(paragraph),
        !paragraph.contains("©"), paragraph.split(separator: " ").count <= 8
      else { continue }
      if let date = DateNormalizer.normalize(paragraph) { return date }
    }
    return nil
  }

  /// False when the text is ASCII without four ASCII digits in a row (so `hasFourDigitRun`
  /// is false for it and for any of its prefixes); true otherwise.
  static func mayHaveFourDigitRun(_ text: String) -> Bool {
    mayHaveFourDigitRun(text, inFirst: .max)
  }

  /// `mayHaveFourDigitRun` of the text's first `limit` bytes: false when they are ASCII
  /// without four ASCII digits in a row.
  static func mayHaveFourDigitRun(_ text: String, inFirst limit: Int) -> Bool {
    text.withUTF8Bytes { bytes in
      let end = min(limit, bytes.count)
      var index = 0
      while true {
        index = ByteSearch.nextDigitOrHighByte(bytes, from: index, to: end)
        guard index < end else { return false }
        if bytes[index] >= 0x80 { return true }
        var run = 0
        while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
          run += 1
          if run == 4 { return true }
          index += 1
        }
      }
    }
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
