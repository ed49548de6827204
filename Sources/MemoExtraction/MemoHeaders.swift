import Foundation

/// The header block a memo often starts with (To/From/Date/Subject) and its sign-off.
struct MemoHeaders: Sendable, Equatable {
  var from: String?
  var subject: String?
  var date: String?
  /// The company named by "To: All Acme employees", or guessed from the sender's address.
  var company: String?
  /// The e-mail address in the From line, if any.
  var fromAddress: String?
  /// Whether a capitalized letterhead ("ACME FOODS, INC.") opened the text, as in a filed exhibit.
  var hasLetterhead = false

  enum Field: String { case to, from, date, subject, cc, sent }

  /// The field a line such as `From: Dana Whitfield, CEO` starts with, if any.
  static func headerField(_ line: String) -> (field: Field, value: String)? {
    guard mayStartWithHeaderKey(line) else { return nil }
    return parseHeaderField(line)
  }

  /// `headerField` without its byte-level pre-check (tests compare the two).
  static func parseHeaderField(_ line: String) -> (field: Field, value: String)? {
    guard let colon = firstColon(line) else { return nil }
    let field: Field
    if let ascii = asciiField(line.utf8[..<colon]) {
      guard let known = ascii else { return nil }
      field = known
    } else {
      let key = line[..<colon].trimmingSpaces.lowercased()
      guard key.count <= 8, let known = fields[key] else { return nil }
      field = known
    }
    let value = headerValue(line, colon: colon)
    // "Date: TBD" is fine, but a long sentence after "To:" is prose, not a header.
    guard !value.isEmpty, value.utf8.count <= 200 || value.count <= 200 else { return nil }
    return (field, value)
  }

  /// `String(line[line.index(after: colon)...]).trimmed`: read on the bytes when spaces and
  /// tabs, then an ASCII byte other than white space, follow the colon and the line ends in
  /// one (the value is then the line from that byte on, and the colon a `Character` alone).
  static func headerValue(_ line: String, colon: String.Index) -> String {
    let bytes = line.utf8
    var start = bytes.index(after: colon)
    while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 {
      start = bytes.index(after: start)
    }
    if start < bytes.endIndex, bytes[start] > 0x20, bytes[start] < 0x80, let last = bytes.last,
      last > 0x20, last < 0x80
    {
      return String(line[start...])
    }
    return String(line[line.index(after: colon)...]).trimmed
  }

  /// `headerField(line) != nil`, without making the value a `String`.
  static func isHeaderLine(_ line: String) -> Bool {
    var line = line
    return line.withUTF8 { isHeaderLine(utf8: $0) }
  }

  /// `headerField(line) != nil` over a line's UTF-8 bytes: an ASCII line is read on its bytes
  /// (key, colon, a value that is not all white space and at most 200 bytes once trimmed);
  /// other lines, and longer values, go to `headerField`.
  static func isHeaderLine(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard mayStartWithHeaderKey(utf8: bytes) else { return false }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    var colon = -1
    var packed: UInt64 = 0
    var length = 0
    var keyEnd = 0
    for index in 0..<bytes.count {
      let byte = bytes[index]
      if byte >= 0x80 { return headerField(String(decoding: bytes, as: UTF8.self)) != nil }
      if colon >= 0 { continue }
      if byte == 0x3A {
        colon = index
        continue
      }
      if !isSpace(byte) {
        // A key's bytes, white space inside it kept (as `asciiField` keeps it).
        keyEnd = index + 1
      }
    }
    guard colon >= 0 else { return false }
    var keyStart = 0
    while keyStart < colon, isSpace(bytes[keyStart]) { keyStart += 1 }
    for index in keyStart..<max(keyStart, min(keyEnd, colon)) {
      let byte = bytes[index]
      length += 1
      if length > 7 { return false }
      packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    guard packedFields[UInt64(length) << 56 | packed] != nil else { return false }
    var valueStart = colon + 1
    var valueEnd = bytes.count
    while valueStart < valueEnd, isSpace(bytes[valueStart]) { valueStart += 1 }
    while valueEnd > valueStart, isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
    guard valueEnd > valueStart else { return false }
    if valueEnd - valueStart <= 200 { return true }
    return headerField(String(decoding: bytes, as: UTF8.self)) != nil
  }

  /// Header keys in lower case and their fields.
  private static let fields: [String: Field] = [
    "to": .to, "from": .from, "date": .date, "subject": .subject, "re": .subject,
    "subj": .subject, "cc": .cc, "bcc": .cc, "sent": .sent,
  ]

  /// The field of an ASCII key (ASCII white space trimmed, letters in any case), `.some(nil)`
  /// when the key is ASCII and no header key; nil when it is not ASCII.
  static func asciiField(_ key: Substring.UTF8View) -> Field?? {
    var start = key.startIndex
    var end = key.endIndex
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    while start < end, isSpace(key[start]) { start = key.index(after: start) }
    while end > start, isSpace(key[key.index(before: end)]) { end = key.index(before: end) }
    var packed: UInt64 = 0
    var length = 0
    for byte in key[start..<end] {
      if byte >= 0x80 { return nil }
      length += 1
      if length > 7 { continue }
      packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    guard length <= 7 else { return .some(nil) }
    // The length goes in the top byte, so that a key with leading NUL bytes packs apart.
    return .some(packedFields[UInt64(length) << 56 | packed])
  }

  /// `fields` with each key packed into an integer one byte after another.
  private static let packedFields: [UInt64: Field] = Dictionary(
    uniqueKeysWithValues: fields.map { key, field in
      let packed = key.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      return (UInt64(key.utf8.count) << 56 | packed, field)
    })

  /// `line.firstIndex(of: ":")`, found over the bytes when the line is ASCII up to the colon
  /// and the byte after it is ASCII too (the colon is then a `Character` of its own).
  static func firstColon(_ line: String) -> String.Index? { firstASCII(0x3A, in: line) }

  /// `line.firstIndex(of: Character(byte))` for an ASCII `byte` other than CR and LF, found
  /// over the bytes as `firstColon` finds the colon.
  static func firstASCII(_ target: UInt8, in line: String) -> String.Index? {
    let utf8 = line.utf8
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte >= 0x80 { return line.firstIndex(of: Character(Unicode.Scalar(target))) }
      if byte == target {
        let next = utf8.index(after: index)
        if next == utf8.endIndex || utf8[next] < 0x80 { return index }
        return line.firstIndex(of: Character(Unicode.Scalar(target)))
      }
      index = utf8.index(after: index)
    }
    return nil
  }

  /// `text.range(of: needle, options: .caseInsensitive)` for a lower-case ASCII `needle`
  /// without CR or LF, found over the bytes when `text` is ASCII (Foundation then folds case
  /// as ASCII does, and no match can split a `Character`); Foundation's search otherwise.
  static func asciiCaseInsensitiveRange(of needle: String, in text: String)
    -> Range<String.Index>?
  {
    var haystack = text
    var pattern = needle
    // -1: `text` is not ASCII.
    let offset: Int? = haystack.withUTF8 { bytes in
      pattern.withUTF8 { pattern -> Int? in
        for byte in bytes where byte >= 0x80 { return -1 }
        return asciiCaseInsensitiveOffset(of: pattern, in: bytes)
      }
    }
    guard let offset else { return nil }
    if offset < 0 { return text.range(of: needle, options: .caseInsensitive) }
    let lower = text.utf8.index(text.startIndex, offsetBy: offset)
    return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
  }

  /// `text.contains(" ")` (Foundation's search): false without a space byte (no other
  /// character is canonically equivalent to a space), true with one in ASCII text (where the
  /// space is a `Character` of its own), Foundation's answer otherwise.
  static func containsSpace(_ text: String) -> Bool {
    var ascii = true
    var space = false
    text.withUTF8Bytes { bytes in
      for byte in bytes {
        if byte == 0x20 { space = true } else if byte >= 0x80 { ascii = false }
      }
    }
    guard space else { return false }
    return ascii || text.contains(" ")
  }

  /// The offset of the first run of `bytes` equal to the lower-case ASCII `pattern` once
  /// ASCII capitals are lower-cased (other bytes compared as they are).
  static func asciiCaseInsensitiveOffset(
    of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
    var start = 0
    while start <= bytes.count - pattern.count {
      var matched = 0
      while matched < pattern.count {
        let byte = bytes[start + matched]
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if lower != pattern[matched] { break }
        matched += 1
      }
      if matched == pattern.count { return start }
      start += 1
    }
    return nil
  }

  /// Whether the bytes of `text` hold the lower-case ASCII `needle` in any ASCII case, whatever
  /// else `text` holds: a pre-check for tests of `lowercased()` text for a needle without `i`
  /// or `k` (only U+0130 and U+212A lower-case to ASCII from outside it, to `i` and `k`).
  static func asciiCaseInsensitiveContains(_ text: String, _ needle: String) -> Bool {
    var haystack = text
    var pattern = needle
    return haystack.withUTF8 { bytes in
      pattern.withUTF8 { asciiCaseInsensitiveOffset(of: $0, in: bytes) != nil }
    }
  }

  /// `text.contains(needle)` for a one-byte ASCII `needle` other than CR and LF, over the
  /// bytes when `text` is ASCII (each byte a `Character` but CR LF pairs); nil for other text.
  static func asciiContains(_ text: String, _ needle: UInt8) -> Bool? {
    var text = text
    return text.withUTF8 { bytes -> Bool? in
      var found = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte == needle { found = true }
      }
      return found
    }
  }

  /// Reads header lines at the start of `paragraphs` and returns them with the headers removed.
  ///
  /// Only a run of at least two header lines (or one `From:`/`Subject:` line) within the first
  /// few paragraphs counts, so prose that happens to start with "Re:" is left alone.
  /// A capitalized letterhead first ("ACME FOODS, INC.") names the company and is dropped.
  static func split(_ paragraphs: [String]) -> (headers: MemoHeaders, body: [String]) {
    // A filing's "Exhibit 99.1" line heads the exhibit, not the memo.
    // Lower-cased, only "E", "e" or a non-ASCII first byte can start with "ex": other
    // paragraphs skip the furniture test.
    if let first = paragraphs.first, first.utf8.count <= 24, paragraphs.count > 1,
      let byte = first.utf8.first, byte | 0x20 == 0x65 || byte >= 0x80,
      TextUnwrapper.isPageFurniture(first), first.lowercased().hasPrefix("ex")
    {
      return split(Array(paragraphs.dropFirst()))
    }
    if let first = paragraphs.first, let company = letterhead(first) ?? memoLetterhead(paragraphs) {
      var rest = Array(paragraphs.dropFirst())
      if let next = rest.first, isMemoLabel(next) { rest.removeFirst() }
      var (headers, body) = split(rest)
      headers.company = headers.company ?? company
      headers.hasLetterhead = true
      return (headers, body)
    }
    var headers = MemoHeaders()
    var start = -1
    var end = -1
    var fields = 0
    var sawStrong = false
    for (index, paragraph) in paragraphs.prefix(12).enumerated() {
      // A paragraph may hold several header lines when the source did not break them.
      guard let (field, value) = headerField(paragraph) else {
        if start >= 0 { break }
        continue
      }
      if start < 0 { start = index }
      end = index
      fields += 1
      switch field {
      case .from:
        headers.from = headers.from ?? senderName(value)
        headers.fromAddress = headers.fromAddress ?? emailAddress(value)
        headers.company = headers.company ?? companyInSignature(value)
        sawStrong = true
      case .subject:
        headers.subject = headers.subject ?? value
        sawStrong = true
      case .date, .sent: headers.date = headers.date ?? value
      case .to: headers.company = headers.company ?? companyAddressed(value)
      case .cc: break
      }
    }
    guard start >= 0, fields >= 2 || sawStrong else {
      // No English block: one in another language ("Kepada : …", "Von: …"), or keys and
      // values on lines of their own (a header table's cells), if any.
      return otherLanguageSplit(paragraphs) ?? pairedSplit(paragraphs)
        ?? (MemoHeaders(), paragraphs)
    }
    var body = paragraphs
    body.removeSubrange(start...end)
    return (headers, body)
  }

  /// Header keys in lower case, as `headerField` accepts them, each packed into an integer
  /// one byte after another (as `mayStartWithHeaderKey` packs a line's first letters).
  private static let headerKeys: [UInt64] = [
    "to", "from", "date", "subject", "re", "subj", "cc", "bcc", "sent",
  ].map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

  /// A byte-level pre-check that `headerField` runs first, because most lines are prose and
  /// finding a colon `Character` by `Character` in them is slow. It returns false only when
  /// `headerField` would return nil too: a key `headerField` accepts is ASCII letters only,
  /// so a line that starts with a letter must start with the whole key (followed by a
  /// non-letter), and one that starts with another ASCII character other than white space
  /// cannot have such a key. Lines opening with white space or a non-ASCII byte are left to
  /// `headerField` itself (they may start with Unicode white space it trims).
  static func mayStartWithHeaderKey(_ line: String) -> Bool {
    mayStartWithHeaderKey(utf8: line.utf8)
  }

  /// `mayStartWithHeaderKey` over a line's UTF-8 bytes (plain-text reading's line buffer).
  static func mayStartWithHeaderKey(utf8: some Sequence<UInt8>) -> Bool {
    var key: UInt64 = 0
    var length = 0
    var bytes = utf8.makeIterator()
    while let byte = bytes.next() {
      let lower = byte | 0x20
      if lower >= 0x61 && lower <= 0x7A {
        guard length < 7 else { return false }
        key = key << 8 | UInt64(lower)
        length += 1
        continue
      }
      if length == 0 {
        // First byte: white space or non-ASCII may hide Unicode white space before a key.
        return byte >= 0x80 || byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
      }
      guard headerKeys.contains(key) else { return false }
      // Only white space may stand between the key and its colon ("To our team" is prose);
      // a non-ASCII byte may be Unicode white space or mark, so it is left to the full check.
      var next = byte
      while true {
        if next == UInt8(ascii: ":") || next >= 0x80 { return true }
        guard next == 0x20 || (next >= 0x09 && next <= 0x0D) else { return false }
        guard let following = bytes.next() else { return false }
        next = following
      }
    }
    return false
  }

  /// The first run of two or more header lines among `lines` (at most the first 80), with a
  /// From or Subject line: an e-mail header table outside the main content.
  static func find(in lines: [String]) -> MemoHeaders? {
    var index = 0
    let limit = min(lines.count, 80)
    while index < limit {
      guard headerField(lines[index]) != nil else {
        index += 1
        continue
      }
      var end = index
      while end + 1 < lines.count, headerField(lines[end + 1]) != nil { end += 1 }
      let (headers, _) = split(Array(lines[index...end]))
      if end > index, headers.from != nil || headers.subject != nil { return headers }
      index = end + 1
    }
    return nil
  }

  /// Fields of `self`, completed with those of `other` where `self` has none.
  func completed(with other: MemoHeaders?) -> MemoHeaders {
    guard let other else { return self }
    var merged = self
    merged.from = from ?? other.from
    merged.subject = subject ?? other.subject
    merged.date = date ?? other.date
    merged.company = company ?? other.company
    merged.fromAddress = fromAddress ?? other.fromAddress
    return merged
  }

  /// A company's functions that end a sender's job title ("Vice President, Operations");
  /// lower case.
  static let businessFunctions: Set<String> = [
    "operations", "finance", "marketing", "sales", "engineering", "legal", "people",
    "human resources", "hr", "it", "product", "manufacturing", "logistics", "supply chain",
    "communications", "research", "administration", "procurement", "customer service",
    "people & culture", "people and culture", "technology", "strategy", "compliance",
  ]

  /// "Dana Whitfield, Chief Executive Officer, Acme Travel" → "Acme Travel": the last
  /// comma-separated part of a From line, when it is a name rather than a job title.
  static func companyInSignature(_ value: String) -> String? {
    companyInSignature(parts: commaParts(value))
  }

  /// `companyInSignature` of a line already split into `commaParts`.
  static func companyInSignature(parts: [String]) -> String? {
    guard parts.count >= 3, let last = parts.last, !last.contains("@"), !last.contains("<") else {
      return nil
    }
    let titleWords = [
      "officer", "chief", "president", "ceo", "cfo", "coo", "cto", "director", "head", "vice",
      "manager", "founder", "chair", "partner", "lead", "principal", "executive", "vp", "svp",
    ]
    let lower = last.lowercased()
    // Split once (it had been split again for each title word).
    let lowerWords = spaceWords(lower)
    // "…, Vice President, Operations": a function of the company, not its name.
    guard !businessFunctions.contains(lower),
      !titleWords.contains(where: { lowerWords.contains(Substring($0)) }),
      let first = last.first, first.isUppercase, spaceWords(last).count <= 5
    else { return nil }
    return last
  }

  /// `value.split(separator: ",").map { $0.trimmed }`, split on the comma bytes of an ASCII
  /// value (where a comma is a `Character` of its own) without reading `Character`s.
  static func commaParts(_ value: String) -> [String] {
    let ascii = value.withUTF8Bytes { bytes -> [String]? in
      var parts: [String] = []
      var start = 0
      for index in 0...bytes.count {
        if index < bytes.count {
          let byte = bytes[index]
          if byte >= 0x80 { return nil }
          guard byte == UInt8(ascii: ",") else { continue }
        }
        if index > start {
          let part = UnsafeBufferPointer(rebasing: bytes[start..<index])
          parts.append(String(decoding: part, as: UTF8.self).trimmed)
        }
        start = index + 1
      }
      return parts
    }
    return ascii ?? value.split(separator: ",").map { $0.trimmed }
  }

  /// `text.split(separator: " ")`, split on space bytes when the text is ASCII (where a space
  /// is a `Character` of its own).
  static func spaceWords(_ text: String) -> [Substring] {
    guard text.isASCIIBytes else {
      return text.split(separator: " ")
    }
    return text.utf8.split(separator: 0x20).map { Substring($0) }
  }

  /// Paragraphs up to the "Cautionary Note Regarding Forward-Looking Statements" a filed exhibit
  /// appends after the memo (in its last half), or all of them.
  static func withoutFilingNote(_ paragraphs: [String]) -> [String] {
    let headings: Set<String> = [
      "cautionary note regarding forward-looking statements",
      "cautionary statement regarding forward-looking statements", "forward-looking statements",
      "note regarding forward-looking statements", "safe harbor statement",
    ]
    for index in paragraphs.indices where index >= paragraphs.count / 2 && index > 0 {
      let text = paragraphs[index]
      guard text.count < 80 else { continue }
      let key = text.lowercased().replacingOccurrences(of: "’", with: "'")
        .trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
      if headings.contains(key) { return Array(paragraphs[..<index]) }
    }
    return paragraphs
  }

  /// "WYSTAN PAYMENTS, INC." → "Wystan Payments, Inc.": a line in capitals that ends with a
  /// legal form, as filings and letters head a memo. Shouted headlines have no legal form.
  static func letterhead(_ line: String) -> String? {
    // A lower-case ASCII letter is never in capitals: turned away before any copy is made.
    guard !line.hasLowercaseASCII, line.mayTrimToAtMostCharacters(80) else { return nil }
    let text = line.trimmed
    guard text.count <= 80, text.contains(where: \.isLetter), text == text.uppercased(),
      text.allSatisfy({ $0.isLetter || $0.isNumber || " ,.&'’-".contains($0) })
    else { return nil }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
    guard (2...8).contains(words.count), let last = words.last, legalForms.contains(last) else {
      return nil
    }
    return text.split(separator: " ", omittingEmptySubsequences: true).map { word in
      let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
      if keptInCapitals.contains(bare) { return String(word) }
      return word.prefix(1) + word.dropFirst().lowercased()
    }.joined(separator: " ")
  }

  /// "MEMORANDUM", "INTEROFFICE MEMO", "Memo": the label under a memo's letterhead.
  static func isMemoLabel(_ line: String) -> Bool {
    guard line.utf8.count <= 40 else { return false }
    let key = line.lowercased().trimmingScalars { $0 == " " || $0 == ":" || $0 == "." }
    return [
      "memorandum", "memo", "internal memo", "internal memorandum", "interoffice memo",
      "interoffice memorandum", "inter-office memorandum", "staff memo", "staff memorandum",
    ].contains(key)
  }

  /// A letterhead without a legal form: a short line in capitals ("ASHCOMBE MARITIME") that
  /// a memo label or memo headers follow at once, as a memo's letterhead is printed; title
  /// cased. Nil for a shouted label alone ("MEMORANDUM", "CONFIDENTIAL").
  static func memoLetterhead(_ paragraphs: [String]) -> String? {
    guard paragraphs.count > 2, let first = paragraphs.first, !first.hasLowercaseASCII,
      first.utf8.count <= 60, !isMemoLabel(first)
    else { return nil }
    let next = paragraphs[1]
    guard isMemoLabel(next) || headerField(next) != nil else { return nil }
    let text = first.trimmed
    let words = text.split(separator: " ")
    guard (1...5).contains(words.count), text == text.uppercased(),
      text.allSatisfy({ $0.isLetter || " &'’-.".contains($0) }),
      !words.contains(where: { notLetterheadWords.contains($0.lowercased()) })
    else { return nil }
    return words.map { word in
      keptInCapitals.contains(String(word)) || word.count <= 2 && word != "&"
        ? String(word) : word.prefix(1) + word.dropFirst().lowercased()
    }.joined(separator: " ")
  }

  /// Words of a line in capitals that is a label or an address line, not a company.
  static let notLetterheadWords: Set<String> = [
    "to", "all", "staff", "employees", "team", "memo", "memorandum", "re", "subject",
    "announcement", "update", "notice", "confidential", "private", "internal", "urgent",
    "important", "draft", "for", "from", "date",
  ]

  /// Legal forms that end a company's name in a letterhead, in capitals.
  static let legalForms: Set<String> = [
    "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "PLC", "LTD", "LIMITED",
    "LLC", "LP", "LLP", "AG", "SA", "SE", "NV", "GMBH", "HOLDINGS",
  ]

  /// Abbreviated legal forms, dots and slashes dropped ("S.A." → "SA", "A/S" → "AS"): a
  /// company found in running text is named without them ("Fjordlys Maritime AS" → "Fjordlys
  /// Maritime"), as the Corpus manifest names companies.
  static let legalFormAbbreviations: Set<String> = [
    "INC", "CORP", "PLC", "LTD", "LLC", "LP", "LLP", "AG", "SA", "SE", "NV", "GMBH", "AS",
    "ASA", "AB", "OY", "OYJ", "BV", "SPA", "SRL", "SAS", "KG", "PTY", "APS", "KK", "SARL",
    "ZRT", "NYRT", "KFT",
  ]

  /// Legal forms written in capitals even when the name is not.
  static let keptInCapitals: Set<String> = ["PLC", "LLC", "LP", "LLP", "AG", "SA", "SE", "NV"]

  /// "All Acme Foods employees" → "Acme Foods"; "Everyone at Acme" → "Acme".
  static func companyAddressed(_ value: String) -> String? {
    // Only "everyone at …" and "all …" name a company; most values hold neither.
    guard
      asciiCaseInsensitiveContains(value, "all ")
        || asciiCaseInsensitiveContains(value, "everyone at ")
    else { return nil }
    var text = value.trimmed
    if let open = firstASCII(0x3C, in: text) { text = String(text[..<open]).trimmed }
    text = text.trimmingScalars { $0 == "\"" || $0 == "'" }
    let lower = text.lowercased()
    if lower.hasPrefix("everyone at ") {
      let name = String(text.dropFirst("everyone at ".count)).trimmed
      return name.isEmpty ? nil : name
    }
    guard lower.hasPrefix("all ") else { return nil }
    let groups = [
      " employees", " staff", " colleagues", " team members", " teammates", " people",
      " associates", " partners", " team", " personnel", " hands",
    ]
    for group in groups where lower.hasSuffix(group) {
      let name = String(text.dropFirst(4).dropLast(group.count)).trimmed
      if let first = name.first, first.isUppercase { return name }
    }
    // "All staff, Acme Foods AS": the company after the group and a comma.
    let parts = text.split(separator: ",", maxSplits: 1)
    if parts.count == 2, parts[0].count <= 24,
      case let head = parts[0].lowercased(), groups.contains(where: { head.hasSuffix($0) })
    {
      let name = CompanyNames.withoutLegalForm(String(parts[1]).trimmed)
        .trimmingScalars { $0 == "." || $0 == " " }
      if (1...5).contains(name.split(separator: " ").count),
        BodyEvidence.capitalizedWords(name, atMost: 5)
      {
        return name
      }
    }
    return nil
  }

  /// The address in `Dana <dana@acme.example>` or a bare `dana@acme.example`.
  static func emailAddress(_ value: String) -> String? {
    var text = value
    if let open = firstASCII(0x3C, in: text), let close = text.lastIndex(of: ">"), open < close {
      text = String(text[text.index(after: open)..<close])
    }
    let candidate = text.trimmed
    let hasAt = asciiContains(candidate, 0x40) ?? candidate.contains("@")
    let hasSpace = asciiContains(candidate, 0x20) ?? candidate.contains(" ")
    return hasAt && !hasSpace ? candidate : nil
  }

  /// The lower-cased labels of an address's host, at least two, with a second-level public
  /// suffix taken off ("acme.co.uk" → acme, co): such a suffix is not the company.
  static func hostLabels(_ address: String) -> [Substring]? {
    guard let at = address.lastIndex(of: "@") else { return nil }
    var host = address[address.index(after: at)...].lowercased().split(separator: ".")
    guard host.count >= 2 else { return nil }
    if host.count >= 3, host.last!.count == 2,
      ["co", "com", "org", "net", "ac", "gov", "ltd", "plc", "ne", "or"].contains(
        String(host[host.count - 2]))
    {
      host.removeLast()
    }
    return host
  }

  /// The company a sender's domain names, spelled as the memo spells it.
  ///
  /// For `dana@kavarro.example` and a body that says "Kavarro Foods" twice, "Kavarro Foods";
  /// `cardwellfinch.example` matches "Cardwell & Finch". Without a match in the text, nil:
  /// a domain alone does not say how the company writes its name.
  static func companyFromDomain(_ address: String, text paragraphs: [String]) -> String? {
    guard let host = hostLabels(address) else { return nil }
    let ignored: Set<String> = [
      "mail", "email", "corp", "internal", "mx", "smtp", "www", "us", "eu",
    ]
    guard let label = host.dropLast().last(where: { !ignored.contains(String($0)) }),
      label.count >= 3,
      !["gmail", "outlook", "yahoo", "hotmail", "icloud", "proton", "aol"].contains(String(label))
    else { return nil }
    let target = String(label)
    var counts: [String: Int] = [:]
    var order: [String] = []
    for paragraph in paragraphs {
      let words = paragraph.split(separator: " ").map(String.init)
      for start in words.indices {
        guard let first = words[start].first, first.isUppercase else { continue }
        var letters = ""
        var end = start
        var matched = false
        while end < words.count {
          letters += words[end].lowercased().filter { $0.isLetter || $0.isNumber }
          if letters == target {
            matched = true
            break
          }
          guard target.hasPrefix(letters) else { break }
          end += 1
        }
        guard matched else { continue }
        var phrase = words[start...end].map(stripTrailingPunctuation).joined(separator: " ")
        // Up to two more capitalized words: "Kavarro Foods", "Acme Robotics Group".
        var next = end + 1
        var stopped = words[end].last.map { !$0.isLetter && !$0.isNumber } ?? true
        while !stopped, next < words.count, next <= end + 2 {
          // "Cardwell & Finch": a connector joins the next capitalized word.
          if words[next] == "&", next + 1 < words.count,
            words[next + 1].first?.isUppercase == true
          {
            phrase += " &"
            next += 1
          }
          guard let initial = words[next].first, initial.isUppercase,
            !legalFormAbbreviations.contains(
              words[next].uppercased().filter { $0.isLetter })
          else { break }
          phrase += " " + stripTrailingPunctuation(words[next])
          stopped = words[next].last.map { !$0.isLetter && !$0.isNumber } ?? true
          next += 1
        }
        phrase = stripPossessive(phrase)
        if counts[phrase] == nil { order.append(phrase) }
        counts[phrase, default: 0] += 1
      }
    }
    // The longest spelling seen at least twice, else the most frequent (the longest of
    // those: "Ternwick Labs" in a signature over a bare "Ternwick").
    let repeated = order.filter { counts[$0, default: 0] >= 2 }
    if let best = repeated.max(by: { $0.count < $1.count }) { return best }
    return order.max {
      (counts[$0, default: 0], $0.count) < (counts[$1, default: 0], $1.count)
    }
  }

  /// The company a sender's domain names when the memo never spells it: the domain's name
  /// capitalized ("d.ruiz@cobbleline.co.uk" → "Cobbleline"); nil for mail providers.
  static func companyFromDomainName(_ address: String) -> String? {
    guard let host = hostLabels(address) else { return nil }
    let label = String(host[host.count - 2])
    let providers: Set<String> = [
      "gmail", "googlemail", "outlook", "yahoo", "hotmail", "icloud", "proton", "protonmail",
      "aol", "live", "msn", "me", "mac", "gmx", "zoho", "fastmail", "yandex", "qq", "163",
    ]
    guard label.count >= 3, !providers.contains(label), label.allSatisfy(\.isLetter) else {
      return nil
    }
    return label.prefix(1).uppercased() + label.dropFirst()
  }

  /// Words that make a sender's or page author's name an organization or a mailbox rather
  /// than a person ("Acme Communications", "People Team", "Stellan Health").
  static let organizationWords: Set<String> = [
    "inc", "llc", "ltd", "corp", "corporation", "company", "group", "team", "communications",
    "comms", "newsroom", "news", "media", "press", "staff", "editors", "editorial",
    "department", "office", "hr", "people", "health", "labs", "bank", "foods", "systems",
    "software", "technologies", "solutions", "holdings", "wire", "newswire", "admin",
    "administrator", "support", "noreply", "no-reply", "announcements", "desk", "leadership",
    "council", "board", "committee", "services", "partners", "university", "institute",
    "agency", "association", "foundation", "society", "ministry", "authority", "commission",
    // Communications and other departments in the languages of the header table
    // (`otherLanguageFields`) and of the month names: a CMS account "Kommunikation" or
    // "Kommunikációs Osztály" is a department, and the person who signs wrote the memo.
    "communication", "kommunikation", "kommunikasjon", "kommunikaatio", "viestintä",
    "communicatie", "comunicación", "comunicacion", "comunicazione", "comunicação",
    "comunicacao", "comunicaciones", "comunicazioni", "comunicações", "komunikacja",
    "komunikasi", "kommunikáció", "kommunikációs", "osztály", "abteilung", "afdeling",
    "avdelning", "avdeling", "département", "departamento", "dipartimento", "departemen",
    "redaktion", "redactie", "rédaction", "redacción", "redazione", "personalabteilung",
    "unternehmenskommunikation", "konzernkommunikation", "personalwesen", "ressources",
    "recursos", "risorse", "personeelszaken", "mawasiliano",
  ]

  /// Whether a name reads as an organization or a mailbox, not a person.
  static func isOrganizationName(_ name: String) -> Bool {
    let words = name.lowercased().split { !$0.isLetter && $0 != "-" }
    return words.contains { organizationWords.contains(String($0)) }
  }

  /// A date as memos and bylines write it: every form `DateNormalizer` reads, and numeric
  /// day and month with a four-digit year ("14/03/2026", "3.4.2026"). The order is taken
  /// from the numbers when one is over 12, else from `monthFirst` (the page's language:
  /// `en-US` writes the month first, most others the day); nil when still ambiguous.
  static func memoDate(_ raw: String, monthFirst: Bool? = nil) -> String? {
    if let date = monthDayYear(raw) { return date }
    if let date = DateNormalizer.normalize(raw) { return date }
    let text = raw.trimmed
    guard text.utf8.count <= 40 else { return nil }
    let pieces = text.split(whereSeparator: { !$0.isNumber })
    guard pieces.count >= 3, let a = Int(pieces[0]), let b = Int(pieces[1]),
      let year = Int(pieces[2]), pieces[2].count == 4, pieces[0].count <= 2,
      pieces[1].count <= 2, (1900...2100).contains(year),
      text.first?.isNumber == true
    else { return nil }
    let separators = text.prefix { $0 != " " && $0 != "T" }.filter { !$0.isNumber }
    guard separators.count == 2, Set(separators).count == 1,
      ["/", ".", "-"].contains(separators.first!)
    else { return nil }
    let month: Int
    let day: Int
    if a > 12 && b <= 12 {
      (day, month) = (a, b)
    } else if b > 12 && a <= 12 {
      (month, day) = (a, b)
    } else if let monthFirst, a <= 12, b <= 12 {
      (month, day) = monthFirst ? (a, b) : (b, a)
    } else {
      return nil
    }
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    return DateNormalizer.normalize(
      "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
  }

  /// The most common header date, "March 4, 2026" (an English month's full name in any case,
  /// a day, a comma, a year from 1900 to 2200, nothing else), read on its bytes; nil for any
  /// other text, which `DateNormalizer.normalize` then reads. Gives what `normalize` gives
  /// for these dates (tests compare the two) at a fraction of its cost.
  static func monthDayYear(_ raw: String) -> String? {
    let bytes = raw.utf8
    guard bytes.count >= 11, bytes.count <= 18 else { return nil }
    var iterator = bytes.makeIterator()
    var name: UInt64 = 0
    var length = 0
    var next = iterator.next()
    while let byte = next, byte | 0x20 >= 0x61, byte | 0x20 <= 0x7A {
      guard length < 9 else { return nil }
      if length < 8 { name = name << 8 | UInt64(byte | 0x20) }
      length += 1
      next = iterator.next()
    }
    guard next == 0x20,
      let month = monthNames.firstIndex(where: { $0 == (name, length) }).map({ $0 + 1 })
    else {
      return nil
    }
    func digits(_ count: ClosedRange<Int>) -> (value: Int, count: Int, next: UInt8?) {
      var value = 0
      var found = 0
      var byte = iterator.next()
      while let digit = byte, digit >= 0x30, digit <= 0x39, found < count.upperBound {
        value = value * 10 + Int(digit - 0x30)
        found += 1
        byte = iterator.next()
      }
      return (value, found, byte)
    }
    let day = digits(1...2)
    guard day.count >= 1, day.next == 0x2C, iterator.next() == 0x20 else { return nil }
    let year = digits(4...4)
    guard year.count == 4, year.next == nil, (1900...2200).contains(year.value),
      day.value >= 1, day.value <= daysInMonth[month - 1]
    else { return nil }
    let monthText = month < 10 ? "0\(month)" : "\(month)"
    let dayText = day.value < 10 ? "0\(day.value)" : "\(day.value)"
    return "\(year.value)-\(monthText)-\(dayText)"
  }

  /// English month names in lower case, in calendar order: each one's first eight bytes
  /// packed into an integer one byte after another ("may" is 0x6D6179), and its length.
  private static let monthNames: [(UInt64, Int)] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ].map { name in (name.utf8.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }, name.utf8.count) }

  /// Days per month; 28 for February, whose 29th is left to `DateNormalizer` (leap years).
  private static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

  private static func stripTrailingPunctuation(_ word: String) -> String {
    String(word.reversed().drop { !$0.isLetter && !$0.isNumber && $0 != "&" }.reversed())
  }

  private static func stripPossessive(_ phrase: String) -> String {
    for suffix in ["’s", "'s"] where phrase.hasSuffix(suffix) {
      return String(phrase.dropLast(suffix.count))
    }
    return phrase
  }

  /// The person a From field names: `personName`, after two sender forms are undone.
  /// "Internal Communications on behalf of Dana Whitfield" is Dana Whitfield's message, and
  /// a directory's "Whitfield, Dana" is "Dana Whitfield" (one surname word, then given names
  /// that are not a job title: "Whitfield, CEO" stays "Whitfield").
  static func senderName(_ raw: String) -> String? {
    var value = raw.trimmed
    if let open = firstASCII(0x3C, in: value), value.hasSuffix(">") {
      let name = value[..<open].trimmed.trimmingScalars { $0 == "\"" || $0 == "'" }
      if !name.isEmpty { value = name }
    }
    if let range = asciiCaseInsensitiveRange(of: " on behalf of ", in: value) {
      let person = value[range.upperBound...].trimmed
      if !person.isEmpty { value = person }
    }
    // The given names are read only after a one-word surname ("Dana Whitfield, CEO" stops).
    if let comma = firstASCII(0x2C, in: value), case let surname = value[..<comma].trimmed,
      !surname.isEmpty, !containsSpace(surname)
    {
      let given = value[value.index(after: comma)...].trimmed
      let givenWords = given.split(separator: " ")
      if (1...2).contains(givenWords.count), surname.first?.isUppercase == true,
        givenWords.allSatisfy({ $0.first?.isUppercase == true && $0.contains { $0.isLowercase } }),
        !isJobTitle(given), !isOrganizationName(given), !isOrganizationName(surname)
      {
        value = given + " " + surname
      }
    }
    return personName(value)
  }

  /// "Dana Whitfield, CEO" → "Dana Whitfield"; `"Dana" <dana@x.com>` → "Dana";
  /// a bare address stays an address.
  static func personName(_ raw: String) -> String? {
    var value = raw.trimmed
    if let open = firstASCII(0x3C, in: value), value.hasSuffix(">") {
      let name = value[..<open].trimmed.trimmingScalars { $0 == "\"" || $0 == "'" }
      value =
        name.isEmpty
        ? String(value[value.index(after: open)..<value.index(before: value.endIndex)]) : name
    }
    if let comma = firstASCII(0x2C, in: value) { value = String(value[..<comma]) }
    for separator in [" - ", " – ", " — ", " (", " | "] {
      if let range = Substring(value).firstByteRange(of: separator) {
        value = String(value[..<range.lowerBound])
      }
    }
    value = value.trimmed
    return value.isEmpty ? nil : value
  }

  /// Closing words that may start a sign-off line ("Best regards, Jordan").
  static let signOffClosings = [
    "best", "best regards", "regards", "kind regards", "warm regards", "thanks", "thank you",
    "sincerely", "cheers", "with gratitude", "gratefully", "warmly", "onward", "all the best",
    "with appreciation", "respectfully",
  ]

  /// The name in a closing line such as "— Dana", "Best, Dana" or "Thanks,\nDana Whitfield".
  ///
  /// Looks at the last three paragraphs only.
  static func signOff(_ paragraphs: [String]) -> String? {
    let closings = signOffClosings
    let tail = Array(paragraphs.suffix(4))
    for (offset, paragraph) in tail.enumerated() where offset + 1 < tail.count {
      // "Warm regards," then "Jordan Blake" as separate paragraphs.
      if mayBeClosingWord(paragraph), MemoInStory.isClosingWord(paragraph.lowercased().trimmed) {
        let name = personName(tail[offset + 1]) ?? ""
        if looksLikeName(name) { return name }
      }
    }
    // A name over a job title: "Konstantin Ruiz-Mallory", "Group Chief Executive".
    if paragraphs.count >= 3, let last = paragraphs.last, last.hasAtMostCharacters(60),
      isJobTitle(last), MemoHeaders.looksLikeName(paragraphs[paragraphs.count - 2])
    {
      return paragraphs[paragraphs.count - 2]
    }
    // A name over a job title over the company: "Dana Lee" / "Chief Operating Officer" /
    // "Acme Freight" (a legal form in any case).
    if paragraphs.count >= 4, let last = paragraphs.last, last.hasAtMostCharacters(60),
      !isJobTitle(last), BodyEvidence.capitalizedWords(withoutAnyLegalForm(last), atMost: 6),
      paragraphs[paragraphs.count - 2].hasAtMostCharacters(60),
      isJobTitle(paragraphs[paragraphs.count - 2]),
      MemoHeaders.looksLikeName(paragraphs[paragraphs.count - 3]),
      !isJobTitle(paragraphs[paragraphs.count - 3])
    {
      return paragraphs[paragraphs.count - 3]
    }
    // "Konstantin Ruiz-Mallory Group Chief Executive" on one line.
    if let last = paragraphs.last, last.hasAtMostCharacters(80), isJobTitle(last) {
      var words = last.split(separator: " ").map(String.init)
      if let titleStart = words.firstIndex(where: { isJobTitle($0) }) {
        words.removeSubrange(titleStart...)
        let modifiers: Set<String> = [
          "group", "senior", "global", "deputy", "interim", "acting", "co", "managing",
          "executive", "and",
        ]
        while let end = words.last, modifiers.contains(end.lowercased()) { words.removeLast() }
        let name = words.joined(separator: " ").trimmingScalars { $0 == "," || $0 == " " }
        if words.count >= 2, looksLikeName(name) { return name }
      }
    }
    // A bare name closing the memo: "Idris".
    if let untrimmed = paragraphs.last, untrimmed.mayTrimToAtMostCharacters(40),
      case let last = untrimmed.trimmed, paragraphs.count >= 3, last.count <= 40,
      last.split(separator: " ").count <= 3, looksLikeName(last),
      !paragraphs[paragraphs.count - 2].hasAtMostCharacters(60)
        || (mayBeClosingWord(paragraphs[paragraphs.count - 2])
          && MemoInStory.isClosingWord(paragraphs[paragraphs.count - 2].lowercased().trimmed))
    {
      return last
    }
    for paragraph in paragraphs.suffix(3).reversed() {
      // Long paragraphs are passed over before trimming and counting their characters.
      guard paragraph.mayTrimToAtMostCharacters(80) else { continue }
      let text = paragraph.trimmed
      guard text.count <= 80 else { continue }
      for dash in ["—", "–", "-", "~"] where text.hasPrefix(dash) {
        let name = text.dropFirst(dash.count).trimmed
        if looksLikeName(name) { return name }
        // "— Corin Ashdale (for Maude and me)": the name before a note in brackets.
        if name.hasSuffix(")"), let open = name.firstRange(of: " (") {
          let person = name[..<open.lowerBound].trimmed
          if person.contains(" "), looksLikeName(person), !isJobTitle(person) { return person }
        }
        // "— Oskar Lindqvist, CEO": the name before a job title.
        if let comma = name.firstIndex(of: ","), isJobTitle(String(name[comma...])) {
          let person = name[..<comma].trimmed
          if looksLikeName(person), !isJobTitle(person) { return person }
        }
      }
      let lower = text.lowercased()
      for closing in closings where lower.hasPrefix(closing) {
        var rest = text.dropFirst(closing.count)
        guard let first = rest.first, first == "," || first == " " || first == "!" else {
          continue
        }
        rest = rest.drop { $0 == "," || $0 == " " || $0 == "!" || $0 == "\n" }
        let name = personName(String(rest)) ?? ""
        if looksLikeName(name) { return name }
      }
    }
    return nil
  }

  /// The person of a "Name, Job title" line ("Dana Lee, Chief Executive"); nil for other
  /// lines, which a comma in the first 40 bytes turns away first.
  static func nameWithRole(_ line: String) -> String? {
    guard line.utf8.count <= 80, let comma = line.firstUTF8Index(of: 0x2C, within: 40) else {
      return nil
    }
    let name = String(line[..<comma]).trimmed
    let role = String(line[line.index(after: comma)...]).trimmed
    guard name.contains(" "), looksLikeName(name), !isOrganizationName(name), !isJobTitle(name),
      isJobTitle(role), !role.contains(where: \.isNumber)
    else { return nil }
    return name
  }

  /// A company line without its legal form in any case ("Acme Assurance inc." → "Acme
  /// Assurance").
  static func withoutAnyLegalForm(_ line: String) -> String {
    let name = CompanyNames.withoutLegalForm(line)
    guard let space = name.lastIndex(of: " ") else { return name }
    let last = name[name.index(after: space)...].uppercased().filter { $0 != "." && $0 != "," }
    guard legalForms.contains(last) || legalFormAbbreviations.contains(last) else { return name }
    return String(name[..<space]).trimmingScalars { $0 == "," || $0 == " " }
  }

  /// Whether a short line reads as a job title ("Group Chief Executive", "CEO, Acme").
  static func isJobTitle(_ line: String) -> Bool {
    if let answer = asciiIsJobTitle(line) { return answer }
    let words = line.lowercased().split { !$0.isLetter }
    return words.contains { titleWords.contains($0) }
  }

  private static let titleWords: Set<Substring> = [
    "officer", "chief", "president", "ceo", "cfo", "coo", "cto", "director", "head", "vice",
    "manager", "founder", "cofounder", "chair", "chairman", "chairwoman", "partner",
    "principal", "executive", "vp", "svp", "evp", "leader", "lead", "chairperson",
    // French, as bilingual memos sign ("Présidente et chef de la direction").
    "président", "présidente", "directeur", "directrice", "fondateur", "fondatrice",
  ]

  private static let titleWordBytes: [[UInt8]] = titleWords.map { Array($0.utf8) }

  /// `isJobTitle` on the bytes of an ASCII line, nil for a line with a non-ASCII byte. In
  /// ASCII a `Character` is a letter exactly when its byte is one (CR LF is one non-letter
  /// `Character`), so the words are the runs of ASCII letters, lower-cased byte by byte.
  static func asciiIsJobTitle(_ line: String) -> Bool? {
    var text = line
    return text.withUTF8 { bytes -> Bool? in
      for byte in bytes where byte >= 0x80 { return nil }
      var start = -1
      for index in 0...bytes.count {
        let lower = index < bytes.count ? bytes[index] | 0x20 : 0
        if lower >= 0x61 && lower <= 0x7A {
          if start < 0 { start = index }
          continue
        }
        guard start >= 0 else { continue }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
        start = -1
        for title in titleWordBytes where title.count == word.count {
          if zip(title, word).allSatisfy({ $0 == $1 | 0x20 }) { return true }
        }
      }
      return false
    }
  }

  /// The longest word `MemoInStory.isClosingWord` accepts ("with appreciation").
  static let longestClosingWord = 17

  /// False when `paragraph` cannot be a closing word: it holds more printable ASCII
  /// characters other than the `,`, `!` and `.` that `isClosingWord` trims than the longest
  /// closing word has (lower-casing and trimming keep every one of them). Spares lower-casing
  /// and trimming whole paragraphs.
  static func mayBeClosingWord(_ paragraph: String) -> Bool {
    paragraph.printableASCIICount(excludingClosingMarks: true, limit: longestClosingWord)
      <= longestClosingWord
  }

  /// One to four capitalized words, e.g. "Dana" or "Dana K. Whitfield".
  /// `looksLikeName` over the bytes of an ASCII text (each byte a `Character`, upper case
  /// `A`–`Z`, letters `A`–`Z` and `a`–`z`); nil when the text is not ASCII.
  static func asciiLooksLikeName(_ text: String) -> Bool? {
    var text = text
    return text.withUTF8 { bytes -> Bool? in
      var words = 0
      var atWordStart = true
      var valid = true
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte == 0x20 {
          atWordStart = true
          continue
        }
        let lower = byte | 0x20
        let isLetter = lower >= 0x61 && lower <= 0x7A
        if atWordStart {
          atWordStart = false
          words += 1
          if !(byte >= 0x41 && byte <= 0x5A) { valid = false }
        } else if !(isLetter || byte == 0x2E || byte == 0x2D || byte == 0x27) {
          valid = false
        }
      }
      return (1...4).contains(words) && valid
    }
  }

  static func looksLikeName(_ text: String) -> Bool {
    // A paragraph of prose is turned away before it is split into words.
    if text.certainlyHasMoreWords(than: 4) { return false }
    if let ascii = asciiLooksLikeName(text) { return ascii }
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count) else { return false }
    return words.allSatisfy { word in
      guard let first = word.first, first.isUppercase else { return false }
      return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }
    }
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(self).trimmed
  }
}

extension String {
  /// Whether a byte is an ASCII letter `a`–`z`: such a string is never equal to its
  /// `uppercased()`.
  var hasLowercaseASCII: Bool {
    utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
  }

  /// How many bytes are printable ASCII (`!` to `~`), without `,`, `!` and `.` when
  /// `excludingClosingMarks`; counting stops once past `limit`.
  ///
  /// Each such byte is a `Character` of its own (no grapheme rule joins two of them, and none
  /// is white space), so the count is a lower bound of `count`, before and after trimming
  /// white space.
  func printableASCIICount(excludingClosingMarks: Bool = false, limit: Int) -> Int {
    var text = self
    return text.withUTF8 { bytes in
      var found = 0
      for byte in bytes where byte > 0x20 && byte < 0x7F {
        if excludingClosingMarks && (byte == 0x2C || byte == 0x21 || byte == 0x2E) { continue }
        found += 1
        if found > limit { break }
      }
      return found
    }
  }

  /// `count <= limit`, without walking the `Character`s of a long text: a text of at most
  /// `limit` bytes has at most `limit` characters, one with more printable ASCII bytes has
  /// more.
  func hasAtMostCharacters(_ limit: Int) -> Bool {
    if utf8.count <= limit { return true }
    if printableASCIICount(limit: limit) > limit { return false }
    return count <= limit
  }

  /// True when `split(separator: " ")` certainly gives more than `limit` words: there are
  /// more than `limit` runs of bytes between spaces that are `Character`s of their own (a
  /// space byte between two ASCII bytes, or at an end next to one). A space next to a
  /// non-ASCII byte may belong to a longer `Character` and is not counted as a break, so the
  /// count never exceeds the words `split` finds.
  func certainlyHasMoreWords(than limit: Int) -> Bool {
    var text = self
    return text.withUTF8 { bytes in
      var words = 0
      var inWord = false
      let count = bytes.count
      for index in 0..<count {
        let byte = bytes[index]
        let isBreak =
          byte == 0x20 && (index == 0 || bytes[index - 1] < 0x80)
          && (index + 1 == count || bytes[index + 1] < 0x80)
        if isBreak {
          inWord = false
        } else if !inWord {
          inWord = true
          words += 1
          if words > limit { return true }
        }
      }
      return false
    }
  }

  /// The string without the Unicode scalars at either end for which `isTrimmed` is true (as
  /// Foundation's `trimmingCharacters(in:)` with those scalars, without bridging).
  func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
    let end = scalars.lastIndex(where: { !isTrimmed($0) })!
    return String(scalars[start...end])
  }

  /// False when `trimmed` certainly has more than `limit` characters (see
  /// `printableASCIICount`); true when it may have `limit` or fewer.
  func mayTrimToAtMostCharacters(_ limit: Int) -> Bool {
    utf8.count <= limit || printableASCIICount(limit: limit) <= limit
  }
}
