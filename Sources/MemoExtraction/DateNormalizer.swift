/// Turns the date forms found on pages, in emails and in memo headers into `YYYY-MM-DD`.
///
/// Reads ISO 8601 (`2026-03-04`, `2026-03-04T09:00:00Z`), `2026/03/04`, English forms with
/// month names (`March 4, 2026`, `Mar. 4 2026`, `4 March 2026`, `Wednesday, March 4, 2026`)
/// and RFC 2822 email dates (`Wed, 4 Mar 2026 09:12:00 -0500`); the day-month-year forms of
/// other languages (`4 mars 2026`, `4. März 2026`, `4 de marzo de 2026`, `4 марта 2026 г.`,
/// `2026. március 4.`), Chinese, Japanese and Korean dates (`2026年3月4日`, `2026년 3월 4일`),
/// year-first numbers (`2026.3.4`, `2026. 3. 4.`) and full-width, Arabic-Indic and Devanagari
/// digits. Numeric forms such as `03/04/2026` are ambiguous between countries and are not
/// guessed.
enum DateNormalizer {
  private static let months: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
  ]

  static func normalize(_ raw: String) -> String? {
    guard hasYearDigits(raw) else { return nil }
    return parse(raw)
  }

  /// `normalize` without its pre-check (tests compare the two).
  static func parse(_ raw: String) -> String? {
    let text = asciiDigits(raw.trimmed)
    guard !text.isEmpty else { return nil }
    if let iso = isoDate(text) { return iso }
    if let date = yearFirstDate(text) ?? labelledYearFirstDate(text) ?? eastAsianDate(text) {
      return date
    }
    // Tokens of letters or digits.
    var tokens: [Substring] = []
    var start: String.Index? = nil
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let isPart = character.isLetter || character.isNumber
      if isPart, start == nil { start = index }
      if !isPart, let begin = start {
        tokens.append(text[begin..<index])
        start = nil
      }
      index = text.index(after: index)
    }
    if let begin = start { tokens.append(text[begin...]) }
    var month: Int?
    var day: Int?
    var year: Int?
    for (position, token) in tokens.enumerated() {
      let lower = token.lowercased()
      if month == nil, lower.count >= 3,
        let value = months[String(lower.prefix(lower.hasPrefix("sept") ? 4 : 3))],
        monthNameMatches(lower)
      {
        // A weekday's abbreviation before a numeric date ("Mar, 24/11/2026" is Tuesday in
        // Romanian, French and Spanish), not a month: the numbers give the date.
        if let numeric = numericDate(after: position, in: tokens) { return numeric }
        month = value
        continue
      }
      let digitPrefix = lower.prefix { $0.isNumber }
      let suffix = lower.dropFirst(digitPrefix.count)
      guard let number = Int(digitPrefix), ["", "st", "nd", "rd", "th"].contains(suffix) else {
        continue
      }
      if digitPrefix.count == 4, year == nil, (1900...2200).contains(number) {
        year = number
      } else if digitPrefix.count <= 2,
        suffix.isEmpty || month != nil || monthFollows(tokens, after: position), day == nil,
        (1...31).contains(number)
      {
        day = number
      }
      if year != nil, month != nil, day != nil { break }
    }
    if let year, let month, let day, isValid(year: year, month: month, day: day) {
      return format(year, month, day)
    }
    // A day and a year are two numbers: most lines with a year and no English date have one.
    guard tokens.lazy.filter({ $0.first?.isNumber == true }).prefix(2).count == 2 else {
      return nil
    }
    return otherLanguageDate(tokens)
  }

  /// The date three number tokens after `position` give (day or month, then the other, then a
  /// four-digit year), when one of the first two is above 12 and so names the day; nil when
  /// the tokens are no such date or its order is unknown.
  private static func numericDate(after position: Int, in tokens: [Substring]) -> String? {
    guard position + 3 < tokens.count else { return nil }
    let parts = tokens[(position + 1)...(position + 3)]
    guard parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), let a = Int(parts[position + 1]),
      let b = Int(parts[position + 2]), let year = Int(parts[position + 3]),
      parts[position + 1].count <= 2, parts[position + 2].count <= 2,
      parts[position + 3].count == 4, (1900...2200).contains(year)
    else { return nil }
    let (day, month) = a > 12 ? (a, b) : b > 12 ? (b, a) : (0, 0)
    guard isValid(year: year, month: month, day: day) else { return nil }
    return format(year, month, day)
  }

  /// Whether an English month name is the next token, or the one after "of": an ordinal
  /// day before its month ("6th January 2026", "1st of March 2026"), never "4th quarter".
  private static func monthFollows(_ tokens: [Substring], after position: Int) -> Bool {
    var next = position + 1
    if next < tokens.count, tokens[next].lowercased() == "of" { next += 1 }
    guard next < tokens.count else { return false }
    let lower = tokens[next].lowercased()
    return lower.count >= 3 && months[String(lower.prefix(lower.hasPrefix("sept") ? 4 : 3))] != nil
      && monthNameMatches(lower)
  }

  /// Month names of other languages (lower-cased, as nominative and genitive and common
  /// abbreviations), read only between a day and a year (`4 mars 2026`) or after a year
  /// and before a day (`2026. március 4.`), so that a word such as "Mars" or "mai" in a
  /// sentence is not taken for a month. English names are read by `months` as before.
  static let otherMonths: [String: Int] = {
    let names: [[String]] = [
      [
        "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro",
        "stycznia", "styczeń", "ocak", "января", "январь", "янв", "ledna", "leden", "січня",
        "tammikuuta", "január", "ιανουαρίου", "يناير", "كانون الثاني", "janvāris", "sausio",
        "ianuarie",
      ],
      [
        "februar", "février", "févr", "fevr", "febrero", "feb", "febbraio", "februari",
        "fevereiro", "fev", "lutego", "luty", "şubat", "февраля", "февраль", "фев", "února",
        "únor", "лютого", "helmikuuta", "február", "φεβρουαρίου", "فبراير", "شباط", "februarie",
      ],
      [
        "märz", "mär", "mrz", "mars", "marzo", "maart", "março", "marca", "marzec", "mart",
        "марта", "март", "мар", "března", "březen", "березня", "maaliskuuta", "március",
        "μαρτίου", "مارس", "آذار", "maret", "mac", "machi", "martie",
      ],
      [
        "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "nisan", "апреля",
        "апрель", "апр", "dubna", "duben", "квітня", "huhtikuuta", "április", "απριλίου",
        "أبريل", "إبريل", "نيسان", "aprili", "aprilie",
      ],
      [
        "mai", "mayo", "maggio", "mei", "maio", "maja", "maj", "mayıs", "мая", "май", "května",
        "květen", "травня", "toukokuuta", "május", "μαΐου", "مايو", "أيار",
      ],
      [
        "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec", "haziran", "июня",
        "июнь", "června", "červen", "червня", "kesäkuuta", "június", "ιουνίου", "يونيو",
        "حزيران", "iunie",
      ],
      [
        "juli", "juillet", "juil", "julio", "luglio", "julho", "lipca", "lipiec", "temmuz",
        "июля", "июль", "července", "červenec", "липня", "heinäkuuta", "július", "ιουλίου",
        "يوليو", "تموز", "julai", "iulie",
      ],
      [
        "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "ağustos",
        "августа", "август", "авг", "srpna", "srpen", "серпня", "elokuuta", "augusztus",
        "αυγούστου", "أغسطس", "آب", "agustus", "ogos", "agosti",
      ],
      [
        "septembre", "septiembre", "settembre", "setembro", "set", "września", "wrzesień",
        "eylül", "сентября", "сентябрь", "сен", "сент", "září", "вересня", "syyskuuta",
        "szeptember", "σεπτεμβρίου", "سبتمبر", "أيلول", "septemba", "septembrie",
      ],
      [
        "oktober", "octobre", "octubre", "ottobre", "outubro", "out", "okt", "października",
        "październik", "ekim", "октября", "октябрь", "окт", "října", "říjen", "жовтня",
        "lokakuuta", "október", "οκτωβρίου", "أكتوبر", "تشرين الأول", "oktoba", "octombrie",
      ],
      [
        "novembre", "noviembre", "novembro", "listopada", "listopad", "kasım", "ноября",
        "ноябрь", "ноя", "listopadu", "листопада", "marraskuuta", "νοεμβρίου", "نوفمبر",
        "تشرين الثاني", "novemba", "noiembrie",
      ],
      [
        "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "december",
        "dezembro", "grudnia", "grudzień", "aralık", "декабря", "декабрь", "дек", "prosince",
        "prosinec", "грудня", "joulukuuta", "δεκεμβρίου", "ديسمبر", "كانون الأول", "desember",
        "desembre", "disember", "desemba", "decembrie",
      ],
    ]
    // Hindi month names, January to December (two spellings of some).
    let hindi: [[String]] = [
      ["जनवरी"], ["फ़रवरी", "फरवरी"], ["मार्च"], ["अप्रैल"], ["मई"], ["जून"], ["जुलाई"], ["अगस्त"],
      ["सितंबर", "सितम्बर"], ["अक्टूबर"], ["नवंबर", "नवम्बर"], ["दिसंबर", "दिसम्बर"],
    ]
    var months: [String: Int] = [:]
    for (index, name) in thaiMonths.enumerated() { months[name] = index + 1 }
    for (index, list) in zip(names, hindi).map({ $0 + $1 }).enumerated() {
      for name in list where !name.contains(" ") { months[name] = index + 1 }
    }
    return months
  }()

  /// Thai month names, January to December; Thai dates give the Buddhist-era year
  /// (`buddhistEraOffset` more than the Gregorian one), often after "พ.ศ.".
  static let thaiMonths = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
    "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
  ]
  /// Years between the Buddhist era and the Gregorian one (พ.ศ. 2569 is 2026).
  static let buddhistEraOffset = 543

  /// Words that may stand between a day, a month and a year: "4 de marzo de 2026",
  /// "4 марта 2026 г.", "ngày 4 tháng 3 năm 2026".
  private static let dateFillers: Set<String> = [
    "de", "del", "do", "da", "г", "року", "roku",
    // "พ.ศ." (Buddhist era) and "ค.ศ." (common era) before a Thai year, split at their dots.
    "พ", "ค", "ศ",
  ]

  /// A date in another language's day-month-year or year-month-day order: the month name
  /// must sit between the day and the year (fillers such as "de" allowed).
  private static func otherLanguageDate(_ tokens: [Substring]) -> String? {
    let lower = tokens.map { $0.lowercased() }
    func number(_ index: Int, digits: ClosedRange<Int>) -> Int? {
      guard index >= 0, index < lower.count, digits.contains(lower[index].count),
        lower[index].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
      else { return nil }
      return Int(lower[index])
    }
    /// A day of the month, also as an ordinal: "1er", "1º".
    func day(_ index: Int) -> Int? {
      guard index >= 0, index < lower.count else { return nil }
      var token = Substring(lower[index])
      for suffix in ["er", "º", "ª", "°", "o", "e"] where token.hasSuffix(suffix) {
        token = token.dropLast(suffix.count)
        break
      }
      guard (1...2).contains(token.count), token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
      else { return nil }
      return Int(token)
    }
    /// The index of the next token before (`step` -1) or after (+1) `index`, past fillers.
    func neighbour(_ index: Int, _ step: Int) -> Int {
      var next = index + step
      while next >= 0, next < lower.count, dateFillers.contains(lower[next]) { next += step }
      return next
    }
    for (index, token) in lower.enumerated() {
      var month = otherMonths[token]
      var after = neighbour(index, 1)
      // Vietnamese "tháng 3": the month is the number after the word "month".
      if month == nil, token == "tháng", let value = number(after, digits: 1...2),
        (1...12).contains(value)
      {
        month = value
        after = neighbour(after, 1)
        if after < lower.count, lower[after] == "năm" { after += 1 }
      }
      guard let month else { continue }
      let before = neighbour(index, -1)
      if let day = day(before), var year = number(after, digits: 4...4) {
        // A Thai month's year past 2400 is a Buddhist-era year.
        if year > 2400, thaiMonths.contains(token) { year -= buddhistEraOffset }
        guard isValid(year: year, month: month, day: day) else { continue }
        return format(year, month, day)
      }
      if let year = number(before, digits: 4...4), let day = day(after),
        isValid(year: year, month: month, day: day)
      {
        return format(year, month, day)
      }
    }
    return nil
  }

  /// Year-first dates with any separators: `2026年3月4日`, `2026년 3월 4일`, `2026.3.4`,
  /// `2026. 3. 4.`, `2026/3/4`, at the start of the text. Year-month-day is the only order
  /// that starts with a four-digit year, so these are not ambiguous.
  private static func yearFirstDate(_ text: String) -> String? {
    var numbers: [Int] = []
    var digits = 0
    var value = 0
    var separators = 0
    for scalar in text.unicodeScalars.prefix(24) {
      if scalar.value >= 0x30 && scalar.value <= 0x39 {
        value = value * 10 + Int(scalar.value - 0x30)
        digits += 1
        if digits > 4 { return nil }
        continue
      }
      guard digits > 0 else {
        // Spaces may follow a separator ("2026. 3. 4."); nothing else opens a number.
        if scalar == " " && !numbers.isEmpty && separators > 0 { continue }
        return nil
      }
      let expected = numbers.count
      let isSeparator: Bool
      switch scalar {
      case "年", "년": isSeparator = expected == 0 && digits == 4
      case "月", "월": isSeparator = expected == 1 && digits <= 2
      case "日", "号", "號", "일": isSeparator = expected == 2 && digits <= 2
      case ".", "/", "-": isSeparator = expected == 0 ? digits == 4 : digits <= 2
      default: isSeparator = expected == 2 && digits <= 2
      }
      guard isSeparator else { return nil }
      numbers.append(value)
      separators += 1
      value = 0
      digits = 0
      if numbers.count == 3 { break }
    }
    if numbers.count == 2, digits > 0, digits <= 2 { numbers.append(value) }
    guard numbers.count == 3, isValid(year: numbers[0], month: numbers[1], day: numbers[2])
    else { return nil }
    return format(numbers[0], numbers[1], numbers[2])
  }

  /// A year-first date after a short label of letters: "입력 2026. 3. 4. 오전 9:00",
  /// "Aktualisiert: 2026.3.4", "更新：2026/3/4".
  private static func labelledYearFirstDate(_ text: String) -> String? {
    guard let digit = text.utf8.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }),
      digit != text.utf8.startIndex, text.utf8.distance(from: text.utf8.startIndex, to: digit) <= 72
    else { return nil }
    let label = text[..<digit]
    guard label.unicodeScalars.count <= 24,
      label.allSatisfy({ $0.isLetter || $0 == " " || $0 == ":" || $0 == "：" })
    else { return nil }
    return yearFirstDate(String(text[digit...]))
  }

  /// A Chinese, Japanese or Korean date inside a line ("发布时间：2026年3月4日 09:30"): the
  /// first four-digit year followed by 年 or 년 that `yearFirstDate` reads.
  private static func eastAsianDate(_ text: String) -> String? {
    guard text.containsBytes("年") || text.containsBytes("년") else { return nil }
    let utf8 = Array(text.utf8)
    guard utf8.count >= 10 else { return nil }
    var run = 0
    for index in 0..<utf8.count - 2 {
      let byte = utf8[index]
      if byte >= 0x30 && byte <= 0x39 {
        run += 1
        continue
      }
      defer { run = 0 }
      guard run == 4, index >= 4,
        (byte == 0xE5 && utf8[index + 1] == 0xB9 && utf8[index + 2] == 0xB4)
          || (byte == 0xEB && utf8[index + 1] == 0x85 && utf8[index + 2] == 0x84)
      else { continue }
      if let date = yearFirstDate(String(decoding: utf8[(index - 4)...], as: UTF8.self)) {
        return date
      }
    }
    return nil
  }

  /// `text` with full-width, Arabic-Indic and Devanagari digits as ASCII digits (pages in
  /// those scripts write dates with them); `text` itself when it has none.
  static func asciiDigits(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
    var changed = false
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if let digit = otherDigit(scalar.value) {
        scalars.append(Unicode.Scalar(UInt8(0x30 + digit)))
        changed = true
      } else {
        scalars.append(scalar)
      }
    }
    return changed ? String(scalars) : text
  }

  /// The value of a full-width (U+FF10), Arabic-Indic (U+0660), Extended Arabic-Indic
  /// (U+06F0) or Devanagari (U+0966) digit.
  private static func otherDigit(_ value: UInt32) -> Int? {
    for zero: UInt32 in [0xFF10, 0x0660, 0x06F0, 0x0966] where value >= zero && value <= zero + 9 {
      return Int(value - zero)
    }
    return nil
  }

  /// Whether four ASCII digits follow each other somewhere in `text`: every form `normalize`
  /// reads has them (the year), so text without them is turned away before the slow
  /// `Character`-by-`Character` reading (most lines callers try are not dates).
  static func hasYearDigits(_ text: String) -> Bool {
    var other = false
    let ascii = text.withUTF8Bytes { bytes -> Bool in
      let count = bytes.count
      var index = 0
      while true {
        // Only digits and bytes from 0x80 matter: the bytes between are skipped eight at a time.
        index = ByteSearch.nextDigitOrHighByte(bytes, from: index, to: count)
        guard index < count else { return false }
        let byte = bytes[index]
        if byte >= 0x80 {
          // Lead bytes of full-width (EF), Arabic-Indic (D9, DB) and Devanagari (E0) digits.
          if byte == 0xEF || byte == 0xD9 || byte == 0xDB || byte == 0xE0 { other = true }
          index += 1
          continue
        }
        var run = 0
        while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
          run += 1
          if run == 4 { return true }
          index += 1
        }
      }
    }
    return ascii || other && hasOtherYearDigits(text)
  }

  /// `hasYearDigits` for digits of other scripts (any mix of them with ASCII digits).
  private static func hasOtherYearDigits(_ text: String) -> Bool {
    var run = 0
    for scalar in text.unicodeScalars {
      if (scalar.value >= 0x30 && scalar.value <= 0x39) || otherDigit(scalar.value) != nil {
        run += 1
        if run == 4 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  private static func monthNameMatches(_ lower: String) -> Bool {
    let full = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "sept",
    ]
    return full.contains { $0.hasPrefix(lower) || lower == String($0.prefix(3)) }
  }

  /// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, optionally followed by a time.
  private static func isoDate(_ text: String) -> String? {
    let scalars = Array(text.utf8.prefix(10))
    guard scalars.count == 10 else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = scalars[index]
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
      scalars[4] == scalars[7], scalars[4] == UInt8(ascii: "-") || scalars[4] == UInt8(ascii: "/"),
      isValid(year: year, month: month, day: day)
    else { return nil }
    return format(year, month, day)
  }

  private static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
    let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if month == 2 && day == 29 {
      return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
    return day <= lengths[month - 1]
  }

  private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(m)-\(d)"
  }
}
