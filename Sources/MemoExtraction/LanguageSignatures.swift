/// Sign-offs as memos in other languages write them, where the English readers
/// (`MemoHeaders.signOff`) find no signer: a closing line in the memo's language over a name
/// with particles ("Met vriendelijke groet," / "Maarten van der Scheer Directeur …"), and the
/// Korean, Chinese and Japanese signature line that names the company, the role and the
/// person in that order ("(주)한빛로지스 대표이사 윤서진", "澜川科技有限公司　首席执行官　蒋明远").
///
/// The tables below are facts of each language (closing formulas, role words, name
/// particles); they are kept here alone.
enum LanguageSignatures {
  /// Closing formulas, lower case, without their comma.
  static let closings: Set<String> = [
    "met vriendelijke groet", "met vriendelijke groeten", "hartelijke groet", "groeten",
    "mit freundlichen grüßen", "freundliche grüße", "viele grüße", "beste grüße",
    "herzliche grüße", "cordialement", "bien cordialement", "bien à vous", "amicalement",
    "saludos", "un saludo", "atentamente", "saludos cordiales", "un abrazo", "cordiali saluti",
    "distinti saluti", "un caro saluto", "saluti", "atenciosamente", "um abraço", "abraços",
    "cordialmente", "med vänlig hälsning", "vänliga hälsningar", "med venlig hilsen",
    "med vennlig hilsen", "ystävällisin terveisin", "un saluto", "venlig hilsen",
    "med venlig hilsen og tak", "bedste hilsner", "mvh",
    // Hungarian
    "tisztelettel", "üdvözlettel", "baráti üdvözlettel", "köszönettel", "szívélyes üdvözlettel",
    // Romanian, Malay, Swahili
    "cu stimă", "cu stima", "cu respect", "cu drag", "toate cele bune", "yang benar",
    "salam hormat", "wako", "kwa heshima",
    // Ukrainian, Russian
    "з повагою", "з найкращими побажаннями", "с уважением", "с наилучшими пожеланиями",
    // Indonesian, Vietnamese, Turkish, Polish, Czech, Greek
    "salam hangat", "hormat kami", "hormat saya", "salam", "trân trọng", "thân ái", "kính thư",
    "saygılarımla", "saygılarımızla", "pozdrawiam", "z wyrazami szacunku", "z poważaniem",
    "s pozdravem", "s úctou", "με εκτίμηση",
    "με φιλικούς χαιρετισμούς", "φιλικά",
    // Hebrew, Arabic
    "בברכה", "בכבוד רב", "בברכה חמה", "مع خالص التقدير", "مع التحية", "مع خالص التحية",
    "تحياتي", "مع أطيب التحيات", "وتفضلوا بقبول فائق الاحترام",
    // Hindi
    "भवदीय", "भवदीया", "सादर", "धन्यवाद", "शुभकामनाओं सहित",
  ]

  /// Longest closing formula in bytes: a longer paragraph is no closing line. Calibrated on
  /// the table: "وتفضلوا بقبول فائق الاحترام" is 50 bytes in UTF-8.
  static let longestClosing = 52

  /// Words that open a role after the signer's name, lower case, in the languages of
  /// `closings` ("Directeur Klant & Service", "Amministratore delegato").
  static let roleWords: Set<String> = [
    "directeur", "directrice", "director", "directora", "direttore", "direttrice", "diretor",
    "diretora", "amministratore", "amministratrice", "директор", "директорка", "генеральний",
    "генеральна", "генеральный", "керівник", "керівниця", "голова", "засновник", "засновниця",
    "президент", "руководитель", "основатель", "directoare", "pengarah", "mkurugenzi",
    "geschäftsführer", "geschäftsführerin", "vorstand",
    "président", "présidente", "presidente", "gerente", "fondateur", "fondatrice", "fundador",
    "fundadora", "fondatore", "oprichter", "bestuurder", "voorzitter", "consejero",
    "consejera", "leiter", "leiterin", "responsable", "responsabile", "ceo", "cfo", "coo",
    "cto", "hoofd", "manager", "chief", "head",
    // Indonesian, Vietnamese, Turkish, Polish, Greek, Norwegian
    "direktur", "presiden", "kepala", "manajer", "ketua", "wakil", "tổng", "giám", "trưởng",
    "phó", "chủ", "genel", "müdür", "prezes", "dyrektor", "διευθύνων", "διευθύνουσα",
    "πρόεδρος", "γενικός", "γενική", "διευθυντής", "διευθύντρια", "administrerende",
    "daglig", "adm.", "adm", "direktør", "direktor", "verkställande", "vd", "toimitusjohtaja",
    // Hungarian
    "vezérigazgató", "ügyvezető", "igazgató", "elnök", "alapító", "vezető",
    // Hebrew (with ASCII quotes or gershayim), Arabic
    "מנכ\"ל", "מנכ״ל", "מנכ\"לית", "מנכ״לית", "סמנכ\"ל", "סמנכ״ל", "יו\"ר", "יו״ר", "מנהל",
    "מנהלת", "الرئيس", "الرئيسة", "المدير", "المديرة", "رئيس", "رئيسة", "مدير", "مديرة", "نائب",
    // Hindi
    "प्रबंध", "मुख्य", "निदेशक", "अध्यक्ष", "महाप्रबंधक", "सीईओ",
  ]

  /// Roles in Korean, Chinese and Japanese signature lines.
  static let eastAsianRoles: Set<String> = [
    "대표이사", "대표", "사장", "회장", "부사장", "전무", "상무", "본부장", "首席执行官", "总裁",
    "董事长", "总经理", "创始人", "执行董事", "首席运营官", "代表取締役社長", "代表取締役", "社長",
    "取締役社長", "会長", "CEO",
  ]

  /// Lower-case words inside a person's name ("Maarten van der Scheer", "Ana de la Cruz").
  static let nameParticles: Set<String> = [
    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "von",
    "zu", "ter", "ten", "bin", "al", "y",
  ]

  /// Digits a year may be written in before 年 ("2026年", "二〇二六年").
  static let yearDigits: Set<Character> = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "〇", "零", "一", "二", "三", "四", "五",
    "六", "七", "八", "九",
  ]

  /// The signer (and, on an East Asian signature line, the company) when the memo has no
  /// author or no company yet; the company stays as `CompanyNames.cleaned` leaves it.
  static func apply(_ memo: inout Memo) {
    // A department's account as the page's author ("Kommunikation", "Kommunikációs
    // Osztály") gives way to the person who signs.
    let department =
      memo.author.map(MemoHeaders.isOrganizationName) == true
      && (memo.authorSource == "meta" || memo.authorSource == "byline")
    guard memo.author == nil || department || memo.company == nil,
      let found = signer(
        memo.paragraphs, closings: memo.author == nil || department || memo.company == nil)
    else { return }
    if memo.author == nil || department {
      (memo.author, memo.authorSource) = (found.person, "signature")
    }
    // The company of the person who signs; another signer's line names none of the author's.
    if memo.company == nil, let company = found.company,
      memo.author.map({ $0.hasPrefix(found.person) || found.person.hasPrefix($0) }) ?? true
    {
      (memo.company, memo.companySource) = (company, "signature")
    }
  }

  /// The person who signs the last paragraphs, and the company their line names.
  /// `closings: false` reads only East Asian signature lines (for a company when the author
  /// is known).
  static func signer(_ paragraphs: [String], closings readsClosings: Bool = true)
    -> (person: String, company: String?)?
  {
    let last = paragraphs.suffix(3)
    for paragraph in last.reversed() where mayOpenEastAsianLine(paragraph) {
      for line in paragraph.split(separator: "\n").reversed() {
        if let found = eastAsianLine(line) { return found }
      }
    }
    guard readsClosings else { return nil }
    let tail = Array(last)
    for (offset, paragraph) in tail.enumerated() where offset + 1 < tail.count {
      guard paragraph.utf8.count <= longestClosing + 2,
        closings.contains(withoutClosingPunctuation(paragraph).lowercased())
      else { continue }
      let next = tail[offset + 1].split(separator: "\n").first.map(String.init) ?? ""
      if let person = nameBeforeRole(next) {
        // The role line under the name may name the company.
        let role = offset + 2 < tail.count ? tail[offset + 2] : nil
        return (person, role.flatMap { isRoleLine($0) ? roleLineCompany($0) : nil })
      }
    }
    return closingInLines(Array(paragraphs.suffix(4)))
  }

  /// Whether a line is a closing formula of `closings` ("Trân trọng,", "مع خالص التقدير،").
  static func isClosingLine(_ line: String) -> Bool {
    line.utf8.count <= longestClosing + 3
      && closings.contains(withoutClosingPunctuation(line).lowercased())
  }

  /// A closing line, the name and a role line, as paragraphs or lines broken with `<br>`,
  /// in any script: "Salam hangat,\nAyu Lestari\nDirektur Utama", "בברכה,\nאורי
  /// בן-שושן\nמנכ"ל, גלבוע אנרגיה". A name in a script without case (Hebrew, Arabic) counts
  /// only over a role line; the role line's part after a comma is the company.
  static func closingInLines(_ paragraphs: [String]) -> (person: String, company: String?)? {
    let lines = paragraphs.flatMap { paragraph in
      paragraph.containsByte(0x0A)
        ? paragraph.split(separator: "\n").map { $0.trimmed } : [paragraph]
    }
    for index in lines.indices.dropLast().reversed() {
      guard isClosingLine(lines[index]) else { continue }
      let name = lines[index + 1]
      let role = index + 2 < lines.count ? lines[index + 2] : nil
      // The company on the role line after a comma, or on the next line with its legal form
      // ("प्रबंध निदेशक" / "सारथी लॉजिस्टिक्स प्राइवेट लिमिटेड").
      let next = index + 3 < lines.count ? lines[index + 3] : nil
      let company =
        role.flatMap(roleLineCompany)
        ?? next.flatMap {
          $0.utf8.count <= 120 && CompanyNames.withoutLegalForm($0) != $0.trimmed ? $0 : nil
        }
      if let role, isRoleLine(role), isCaselessName(name) { return (name, company) }
      if let person = nameBeforeRole(name) {
        return (person, role.map(isRoleLine) == true ? company : nil)
      }
    }

    return nil
  }

  /// A closing line without the commas (Latin or Arabic "،") and spaces at its ends.
  static func withoutClosingPunctuation(_ line: String) -> String {
    line.trimmingScalars { $0 == "," || $0 == " " || $0 == "\u{060C}" || $0 == "!" || $0 == ":" }
  }

  /// Whether a line opens with a role word (`roleWords`): "Direktur Utama", "מנכ"ל, …".
  static func isRoleLine(_ line: String) -> Bool {
    guard line.utf8.count <= 160, let first = line.split(separator: " ").first else {
      return false
    }
    return roleWords.contains(
      first.lowercased().trimmingScalars { $0 == "," || $0 == "\u{060C}" })
  }

  /// The company a role line names after its first comma ("Tổng Giám đốc, Công ty Cổ phần Sông
  /// Lam Logistics" → "Công ty Cổ phần Sông Lam Logistics"); nil without one.
  static func roleLineCompany(_ line: String) -> String? {
    guard let comma = line.firstIndex(where: { $0 == "," || $0 == "\u{060C}" }) else {
      // "директорка ТОВ «Зоряна Пекарня»": the company opens with its legal form.
      guard line.utf8.count <= 160 else { return nil }
      for form in CompanyNames.leadingLegalForms where form.hasSuffix(" ") {
        guard let range = line.range(of: " " + form) else { continue }
        let rest = line[range.lowerBound...].trimmed
        return rest.split(separator: " ").count <= 7 ? rest : nil
      }
      return nil
    }
    let rest = line[line.index(after: comma)...].trimmed
    let words = rest.split(separator: " ")
    guard (1...7).contains(words.count), !rest.contains(where: \.isNumber),
      !isRoleLine(rest)
    else { return nil }
    return rest
  }

  /// A name in a script without capitals (Hebrew, Arabic): two to five words of letters
  /// (hyphens, apostrophes and geresh allowed) that have no case.
  static func isCaselessName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (2...5).contains(words.count), text.utf8.count <= 90 else { return false }
    return text.allSatisfy { character in
      character == " " || character == "-" || character == "'" || character == "׳"
        || character.isLetter && !character.isUppercase && !character.isLowercase
    }
  }

  /// Whether a line of the paragraph opens as `eastAsianLine` needs (a byte from 0xE0, or
  /// "("): read on bytes, so Latin-script paragraphs are not split into lines.
  static func mayOpenEastAsianLine(_ paragraph: String) -> Bool {
    paragraph.withUTF8Bytes { bytes in
      var atStart = true
      for byte in bytes {
        if atStart, byte >= 0xE0 || byte == UInt8(ascii: "(") { return true }
        atStart = byte == 0x0A
      }
      return false
    }
  }

  /// "(주)한빛로지스 대표이사 윤서진" → ("윤서진", "(주)한빛로지스"); a date run on after the
  /// name ("蒋明远二〇二六年三月九日", a line break lost) is left out.
  static func eastAsianLine(_ line: Substring) -> (person: String, company: String?)? {
    // Hangul, Han and kana are three UTF-8 bytes from 0xE0; "(주)" opens with "(".
    guard let first = line.utf8.first, first >= 0xE0 || first == UInt8(ascii: "("),
      line.utf8.count <= 120
    else { return nil }
    let tokens = line.split { $0 == " " || $0 == "\u{3000}" }
    guard (2...4).contains(tokens.count),
      let role = tokens.firstIndex(where: { eastAsianRoles.contains(String($0)) }),
      role + 1 == tokens.count - 1
    else { return nil }
    var name = tokens[role + 1]
    if let year = name.firstIndex(of: "年"),
      let start = name.index(year, offsetBy: -4, limitedBy: name.startIndex),
      name[start..<year].allSatisfy(yearDigits.contains)
    {
      name = name[..<start]
    }
    guard (2...4).contains(name.count), name.allSatisfy(\.isLetter) else { return nil }
    let company = tokens[..<role].joined(separator: " ")
    return (String(name), company.isEmpty || company.count > 30 ? nil : company)
  }

  /// The name at the start of a signature line, before a role word: "Maarten van der Scheer
  /// Directeur Klant & Service" → "Maarten van der Scheer".
  static func nameBeforeRole(_ line: String) -> String? {
    var words = line.split(separator: " ")
    if let role = words.indices.dropFirst().first(where: {
      roleWords.contains(words[$0].lowercased().trimmingScalars { $0 == "," })
    }) {
      words = Array(words[..<role])
    }
    let name = words.joined(separator: " ").trimmingScalars { $0 == "," || $0 == " " }
    return isName(name) ? name : nil
  }

  /// Two to six words, the first and last capitalized, those between capitalized or name
  /// particles; letters, hyphens, apostrophes and dots only.
  static func isName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (2...6).contains(words.count), let first = words.first, let last = words.last,
      first.first?.isUppercase == true, last.first?.isUppercase == true
    else { return false }
    return words.allSatisfy { word in
      (word.first?.isUppercase == true || nameParticles.contains(String(word)))
        && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }
  }
}
