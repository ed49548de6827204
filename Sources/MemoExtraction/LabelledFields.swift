/// Labelled fields on a page's short meta lines, in the languages intranets and CMSs write
/// them: "Article date: 11/03/2026 · Author: Ana Ruiz, COO", "Ngày đăng: 05/03/2026",
/// "פורסם ב-10.3.2026". A print stamp ("Printed … on 14/03/2026") and an update note are
/// not the memo's date; a department, a CMS account or the portal's own system ("Phòng
/// Hành chính", "Super User", "מערכת הפורטל") is not its author.
///
/// The label tables are facts of each language; they are kept here alone.
enum LabelledFields {
  /// Labels before a page's publication date, lower case.
  static let dateLabels: [String] = [
    "article date", "published", "publication date", "posted", "date", "datum",
    "veröffentlicht", "publié le", "publié", "publicado", "pubblicato", "gepubliceerd",
    "opublikowano", "publikováno", "yayınlanma tarihi", "yayınlandı", "ngày đăng",
    "diterbitkan", "dipublikasikan", "tanggal", "פורסם", "תאריך", "التاريخ", "تاريخ النشر",
    "نشر في", "δημοσιεύθηκε", "ημερομηνία",
  ]

  /// Words that mark a date as not the memo's: a print stamp or an update, lower case.
  static let notMemoDateWords: [String] = [
    "printed", "print date", "updated", "modified", "edited", "gedruckt", "imprimé",
    "aktualisiert", "mis à jour", "actualizado", "cập nhật", "diperbarui", "עודכן", "הודפס",
    "تحديث", "ενημερώθηκε",
  ]

  /// Words of a stamp made after the memo was sent: a capture, a print, a fetch, an export,
  /// a filing; lower case. A line with one dates the copy, not the memo.
  static let laterStampWords: [String] = [
    "saved from", "archived", "captured", "snapshot", "printed", "print date", "fetched",
    "exported", "retrieved", "accessed on", "downloaded", "filing date", "filed on",
    "gedruckt", "archiviert", "exportiert", "imprimé", "archivé", "exporté", "impreso",
    "archivado", "exportado", "stampato", "archiviato", "esportato", "afgedrukt",
    "gearchiveerd", "geëxporteerd",
  ]

  /// Whether a line is a later stamp (`laterStampWords`) or a market quote's time ("CLWY
  /// $18.42 -0.37 Dec 4, 2026 4:00 PM ET": a currency amount and a signed change).
  /// Only lines that hold a date are asked.
  static func isLaterStamp(_ line: String) -> Bool {
    let lower = line.utf8.count <= 240 ? line.lowercased() : String(line.prefix(240)).lowercased()
    if laterStampWords.contains(where: { lower.containsBytes($0) }) { return true }
    return isMarketQuote(line)
  }

  /// Whether a line shows a market quote: a currency sign before a digit, and a number signed
  /// with "+", "-" or "−" after a space.
  static func isMarketQuote(_ line: String) -> Bool {
    let bytes = Array(line.utf8.prefix(240))
    var amount = false
    var signed = false
    for index in bytes.indices.dropLast() {
      let next = bytes[index + 1]
      guard (0x30...0x39).contains(next) else { continue }
      switch bytes[index] {
      case UInt8(ascii: "$"): amount = true
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        signed = signed || index > 0 && bytes[index - 1] == 0x20
      case 0xAC where index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x82:
        amount = true  // "€"
      case 0xA3 where index >= 1 && bytes[index - 1] == 0xC2: amount = true  // "£"
      case 0x92 where index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x88:
        signed = signed || index >= 3 && bytes[index - 3] == 0x20  // "−"
      default: break
      }
    }
    return amount && signed
  }

  /// Labels before the page's author, lower case, without their colon.
  static let authorLabels: [String] = [
    "author", "written by", "autor", "autorin", "auteur", "autore", "dibuat oleh",
    "ditulis oleh", "penulis", "người đăng", "người viết", "tác giả", "נכתב על ידי", "כותב",
    "الكاتب", "بقلم", "συντάκτης", "yazar",
  ]

  /// First words of a credit that is a department, a team or the site's own system, not a
  /// person ("Phòng Hành chính", "מערכת הפורטל", "إدارة الموارد البشرية"), lower case.
  static let nonPersonLeadWords: Set<String> = [
    "phòng", "ban", "bộ", "văn", "מערכת", "צוות", "מחלקת", "הנהלת", "إدارة", "فريق", "قسم",
    "tim", "divisi", "bagian", "departemen", "super", "site", "system", "portal",
  ]

  /// A short line's parts between the separators meta lines use.
  static func parts(_ line: String) -> [String] {
    var parts = [line]
    for separator in [" · ", " | ", " • ", " — ", " – "] {
      parts = parts.flatMap { $0.splitting(on: separator) }
    }
    return parts.map(\.trimmed)
  }

  /// A page's lines read for labelled fields: meta lines sit above the text (calibrated on the
  /// fixtures' intranet and portal pages, whose meta lines are within the first 12).
  static let searchedLines = 60

  /// The first 24 characters of a part, lower case: labels are matched there, so a long part
  /// is not lower-cased whole.
  static func head(_ part: String) -> String { String(part.prefix(24)).lowercased() }

  /// The date a part labels as the page's ("Article date: 11/03/2026", "Ngày đăng:
  /// 05/03/2026", "פורסם ב-10.3.2026", "Diterbitkan 9 Maret 2026"), or a document generator's
  /// revision line ("version 1.2, 2026-03-03"); nil for a line with a print or update word,
  /// or without a label. A numeric date's order comes from `monthFirst`, else from the
  /// `page`'s other dates (`numericOrder`).
  static func publishedDate(_ line: String, monthFirst: Bool?, page: [String] = []) -> String? {
    // A line without a digit holds no date; a long one is prose.
    guard line.utf8.count <= 160, line.utf8.contains(where: { $0 &- 0x30 < 10 }) else {
      return nil
    }
    let lineHead = head(line)
    if lineHead.hasPrefix("version ") || lineHead.hasPrefix("revision "),
      let comma = line.lastIndex(of: ","), line.utf8.count <= 60,
      let date = DateNormalizer.normalize(String(line[line.index(after: comma)...]).trimmed)
    {
      return date
    }
    for part in parts(line) {
      let partHead = head(part)
      guard let label = dateLabels.first(where: { partHead.hasPrefix($0) }) else { continue }
      // Only a labelled line is searched for a print or update word.
      let lower = line.lowercased()
      if notMemoDateWords.contains(where: { lower.contains($0) }) { return nil }
      let rest = String(part.dropFirst(label.count)).trimmingScalars {
        $0 == ":" || $0 == " " || $0 == "\u{00A0}"
      }
      let order = monthFirst ?? numericOrder(page)
      if let date = MemoHeaders.memoDate(rest, monthFirst: order) { return date }
      // A date glued to a prefix or followed by words ("ב-10.3.2026 על ידי …"): its token.
      for token in rest.split(separator: " ").prefix(4) {
        let digits = token.drop { !$0.isNumber }
        guard digits.count >= 8 else { continue }
        if let date = MemoHeaders.memoDate(String(digits), monthFirst: order) { return date }
      }
    }
    return nil
  }

  /// Whether the page writes numeric dates month first, read from a date among `lines` that
  /// only one order fits ("14/03/2026": day first; "03/14/2026": month first); nil when none
  /// tells.
  static func numericOrder(_ lines: [String]) -> Bool? {
    for line in lines.prefix(200) where line.utf8.contains(UInt8(ascii: "/")) {
      for token in line.split(separator: " ") where token.utf8.count >= 8 {
        let pieces = token.split(separator: "/")
        guard pieces.count == 3, let first = Int(pieces[0]), let second = Int(pieces[1]),
          pieces[2].prefix(4).allSatisfy(\.isNumber), pieces[2].count >= 4
        else { continue }
        if first > 12, first <= 31, second <= 12 { return false }
        if second > 12, second <= 31, first <= 12 { return true }
      }
    }
    return nil
  }

  /// The person a part labels as the page's author ("Author: Ana Ruiz, Chief Operating
  /// Officer" → "Ana Ruiz"); nil for a department, an account or the portal's system.
  static func author(_ line: String) -> String? {
    guard line.utf8.count <= 200, line.containsByte(UInt8(ascii: ":")) else { return nil }
    for part in parts(line) {
      let partHead = head(part)
      guard
        let label = authorLabels.first(where: {
          partHead.hasPrefix($0)
            && partHead.dropFirst($0.count).drop(while: { $0 == " " }).first == ":"
        })
      else { continue }
      var name = String(part.dropFirst(label.count)).trimmingScalars {
        $0 == ":" || $0 == " " || $0 == "\u{00A0}"
      }
      if let comma = name.firstIndex(where: { $0 == "," || $0 == "(" }) {
        name = String(name[..<comma]).trimmed
      }
      guard !name.isEmpty, let first = name.split(separator: " ").first,
        !nonPersonLeadWords.contains(first.lowercased()),
        !MemoRefinement.isDepartmentCredit(name), !MemoHeaders.isOrganizationName(name)
      else { return nil }
      let person =
        LanguageSignatures.isName(name) || LanguageSignatures.isCaselessName(name)
      return person ? name : nil
    }
    return nil
  }
}
