/// Joins the lines of plain text into paragraphs, telling hard-wrapped lines from lines that
/// are paragraphs, headings or list items of their own.
///
/// A text is hard-wrapped when its lines that run on into another line mostly end near one
/// width (an editor's or mailer's wrap column). Editors wrap greedily, so in such a text a line
/// ends early only where a paragraph, heading or sign-off ends: a line breaks the paragraph
/// when the next line's first word would have fitted on it. A text that is not hard-wrapped
/// (one paragraph per line, as pasted memos are) breaks at every line. List items (`-`, `*`,
/// `•`, `·`, `–`, `+`, `1.`, `1)`) and memo header lines always stand alone; indented lines
/// under a list item continue it; a word hyphenated across lines is joined; a paragraph cut by
/// a page number or form feed (SEC exhibits) is joined again.
enum LineUnwrapper {
  /// The widest wrap column recognized; longer lines mean one paragraph per line.
  /// Calibration: mailers wrap at 72–78, editors and SEC exhibits at 60–100.
  static let maxWrapWidth = 100
  /// The narrowest wrap column recognized. Calibration: below 40 lines are sign-offs and
  /// headings, not wrapped prose.
  static let minWrapWidth = 40
  /// Lines that run on into another line needed to recognize a wrap column (fewer do when
  /// one of them visibly carries a sentence over).
  static let minWrappedLines = 3

  private struct Line {
    /// The collapsed text: bytes `start..<end` of the line buffer.
    var start: Int
    var end: Int
    var length: Int
    var indent: Int
    var firstWord: Int
    var kind: Kind
    enum Kind { case blank, furniture, header, listItem, text }
  }

  /// The paragraphs of `lines` (ranges of `text`'s buffer): each line classified on its bytes,
  /// each paragraph joined as UTF-8 and made a `String` once.
  static func paragraphs(
    _ lines: some Collection<TextLines.Line>, in text: TextLines, dropPageFurniture: Bool
  ) -> [String] {
    text.collapsed.withUnsafeBufferPointer { buffer in
      paragraphs(lines, buffer: buffer, dropPageFurniture: dropPageFurniture)
    }
  }

  private static func paragraphs(
    _ textLines: some Collection<TextLines.Line>, buffer: UnsafeBufferPointer<UInt8>,
    dropPageFurniture: Bool
  ) -> [String] {
    func bytes(_ line: Line) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: buffer[line.start..<line.end])
    }
    func string(_ line: Line) -> String { String(decoding: bytes(line), as: UTF8.self) }
    let lines = textLines.map { classify($0, buffer: buffer, dropPageFurniture: dropPageFurniture) }
    let width = wrapWidth(lines, buffer: buffer)
    var result: [String] = []
    // The paragraph being joined, as UTF-8: made a `String` once, when it is finished.
    var current: [UInt8] = []
    var currentIsItem = false
    var previous: Line?
    var pageBreak = false
    func finish() {
      if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
      currentIsItem = false
      previous = nil
    }
    func start(_ line: Line) {
      current.removeAll(keepingCapacity: true)
      current.append(contentsOf: bytes(line))
    }
    func join(_ line: Line) {
      current.append(0x20)
      current.append(contentsOf: bytes(line))
    }
    for line in lines {
      switch line.kind {
      case .blank:
        finish()
        continue
      case .furniture:
        finish()
        pageBreak = true
        continue
      case .header:
        finish()
        result.append(string(line))
        continue
      case .listItem:
        finish()
        start(line)
        currentIsItem = true
        previous = line
        continue
      case .text: break
      }
      defer { pageBreak = false }
      guard let last = previous else {
        if pageBreak, let before = result.last, !endsSentence(before),
          startsLowercase(bytes(line))
        {
          // A paragraph cut by a page number or a form feed.
          current.removeAll(keepingCapacity: true)
          current.append(contentsOf: result.removeLast().utf8)
          join(line)
        } else {
          start(line)
        }
        previous = line
        continue
      }
      if endsWithHyphen(bytes(last)), startsLowercase(bytes(line)) {
        // The last `Character` is "-", a byte of its own.
        current.removeLast()
        current.append(contentsOf: bytes(line))
      } else if currentIsItem, line.indent > last.indent || line.indent >= 2 {
        join(line)
      } else if !endsSentence(bytes(last)), startsLowercase(bytes(line)) {
        // A sentence running on, whatever the line lengths.
        join(line)
      } else if let width, last.length + 1 + line.firstWord > width {
        join(line)
      } else {
        finish()
        start(line)
      }
      previous = line
    }
    finish()
    return result
  }

  /// The line's length and the offset of its first space (its length when it has none), in
  /// scalars counted as UTF-8 lead bytes; after the first space, eight bytes at a time while
  /// they are ASCII.
  static func lengthAndFirstWord(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    let count = bytes.count
    var length = 0
    var index = 0
    var firstWord = -1
    while index < count {
      let byte = bytes[index]
      if byte == 0x20 {
        firstWord = length
        break
      }
      if byte & 0xC0 != 0x80 { length += 1 }
      index += 1
    }
    if firstWord < 0 { return (length, length) }
    if let base = bytes.baseAddress {
      while index + 8 <= count {
        let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        length += 8
        index += 8
      }
    }
    while index < count {
      if bytes[index] & 0xC0 != 0x80 { length += 1 }
      index += 1
    }
    return (length, firstWord)
  }

  /// Whether the text's last `Character` is "-" and the one before it is not a space (as
  /// `hasSuffix("-") && !hasSuffix(" -")`), read from the last bytes when they are ASCII.
  static func endsWithHyphen(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0, bytes[count - 1] == 0x2D else { return false }
    if count == 1 { return true }
    // ASCII before the hyphen: a `Character` boundary (no Prepend or CR is ASCII but CR,
    // which collapsed lines do not hold). A space there needs the byte before it too.
    let before = bytes[count - 2]
    if before < 0x80 && before != 0x0D {
      guard before == 0x20 else { return true }
      if count == 2 { return false }
      let earlier = bytes[count - 3]
      if earlier < 0x80 && earlier != 0x0D { return false }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.hasSuffix("-") && !text.hasSuffix(" -")
  }

  /// The wrap column of a hard-wrapped text, or nil when lines are paragraphs of their own.
  private static func wrapWidth(_ lines: [Line], buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    var lengths: [Int] = []
    var runsOn = false
    for index in lines.indices.dropLast()
    where lines[index].kind == .text && lines[index + 1].kind == .text {
      lengths.append(lines[index].length)
      // A sentence carried over to a line starting in lower case shows the text is wrapped.
      if !runsOn, lines[index].length >= minWrapWidth,
        !endsSentence(UnsafeBufferPointer(rebasing: buffer[lines[index].start..<lines[index].end])),
        startsLowercase(
          UnsafeBufferPointer(rebasing: buffer[lines[index + 1].start..<lines[index + 1].end]))
      {
        runsOn = true
      }
    }
    guard lengths.count >= minWrappedLines || (runsOn && !lengths.isEmpty) else { return nil }
    lengths.sort()
    let high = lengths[(lengths.count * 9) / 10]
    guard high >= minWrapWidth, high <= maxWrapWidth else { return nil }
    // The longest line near the 90th percentile: an editor's column, not one stray long line.
    return lengths.last { $0 <= high + high / 8 } ?? high
  }

  private static func classify(
    _ textLine: TextLines.Line, buffer: UnsafeBufferPointer<UInt8>, dropPageFurniture: Bool
  ) -> Line {
    var line = Line(
      start: textLine.start, end: textLine.end, length: 0, indent: textLine.indent,
      firstWord: 0, kind: .text)
    if textLine.isEmpty {
      line.kind = .blank
      return line
    }
    let bytes = UnsafeBufferPointer(rebasing: buffer[textLine.start..<textLine.end])
    (line.length, line.firstWord) = lengthAndFirstWord(bytes)
    if dropPageFurniture && mayBeFurniture(bytes)
      && TextUnwrapper.isPageFurniture(String(decoding: bytes, as: UTF8.self))
    {
      line.kind = .furniture
    } else if MemoHeaders.isHeaderLine(utf8: bytes) {
      line.kind = .header
    } else if isListItem(bytes) {
      line.kind = .listItem
    }
    return line
  }

  /// A cheap test before `TextUnwrapper.isPageFurniture`: furniture is short, or starts with
  /// "page ", "exhibit " or "ex-" (any case), or is a form feed.
  ///
  /// A short line is furniture only when it starts with a digit, a dash, white space, a form
  /// feed or non-ASCII (a page number, `- 4 -`) or with `p`/`e` (`Page 4`, `Ex-99`), so short
  /// lines such as `Team,` and `Best,` skip `isPageFurniture`'s lower-casing and filtering.
  static func mayBeFurniture(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { mayBeFurniture($0) }
  }

  /// `mayBeFurniture` over a line's bytes.
  static func mayBeFurniture(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return true }
    if bytes.count <= 12 {
      guard first < 0x80 else { return true }
      let lower = first | 0x20
      if lower >= 0x61 && lower <= 0x7A { return lower == 0x70 || lower == 0x65 }
      return (first >= 0x30 && first <= 0x39) || first == 0x2D || first <= 0x20
    }
    if first == 0x0C { return true }
    // The first eight bytes (there are more than 12), each `| 0x20`, against the prefixes.
    var head: UInt64 = 0
    for byte in bytes.prefix(8) { head = head << 8 | UInt64(byte | 0x20) }
    return head >> 24 == furniturePage || head == furnitureExhibit || head >> 40 == furnitureEx
  }

  /// "page ", "exhibit " and "ex-" packed as `mayBeFurniture` packs a line's first bytes.
  private static let furniturePage = packed("page ")
  private static let furnitureExhibit = packed("exhibit ")
  private static let furnitureEx = packed("ex-")

  private static func packed(_ text: String) -> UInt64 {
    text.utf8.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// A list item: a bullet marker and a space, or `1.`/`1)` and a space.
  static func isListItem(_ text: String) -> Bool {
    guard let byte = text.utf8.first else { return false }
    // Only bullets, digits and non-ASCII can start an item.
    guard
      byte == 0x2D || byte == 0x2A || byte == 0x2B || byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
    else { return false }
    guard let first = text.unicodeScalars.first else { return false }
    if bullets.contains(first) {
      var scalars = text.unicodeScalars.dropFirst()
      guard scalars.first == " " else { return false }
      scalars = scalars.dropFirst()
      return !scalars.isEmpty
    }
    return TextUnwrapper.isNumberedItem(text)
  }

  /// `isListItem` over a line's bytes: bullets matched as UTF-8, a numbered item read from
  /// ASCII bytes (a non-ASCII byte among its first six leaves it to the `Character` test).
  static func isListItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let byte = bytes.first else { return false }
    let count = bytes.count
    // The length of a bullet scalar at the start, 0 when there is none.
    var marker = 0
    switch byte {
    case 0x2D, 0x2A, 0x2B: marker = 1
    case 0xC2: marker = count >= 2 && bytes[1] == 0xB7 ? 2 : 0  // ·
    case 0xE2:
      if count >= 3 {
        switch (bytes[1], bytes[2]) {
        case (0x80, 0xA2), (0x80, 0x93), (0x97, 0xA6), (0x96, 0xAA), (0x80, 0xA3), (0x97, 0x8F):
          marker = 3  // • – ◦ ▪ ‣ ●
        default: break
        }
      }
    default:
      guard byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) else { return false }
    }
    if marker > 0 { return count > marker + 1 && bytes[marker] == 0x20 }
    if byte >= 0x80 { return TextUnwrapper.isNumberedItem(String(decoding: bytes, as: UTF8.self)) }
    // The `Character` test reads at most the first five; a sixth ASCII byte (or none) closes
    // the fifth.
    for index in 0..<min(count, 6) where bytes[index] >= 0x80 || bytes[index] == 0x0D {
      return TextUnwrapper.isNumberedItem(String(decoding: bytes, as: UTF8.self))
    }
    var digits = 0
    for index in 0..<count {
      let character = bytes[index]
      if character >= 0x30 && character <= 0x39 && digits < 3 {
        digits += 1
        continue
      }
      return digits > 0 && (character == 0x2E || character == 0x29) && digits + 1 < count
        && bytes[digits + 1] == 0x20
    }
    return false
  }

  private static let bullets: Set<Unicode.Scalar> = [
    "-", "*", "+", "•", "·", "–", "◦", "▪", "‣", "●",
  ]

  /// Whether the last scalar is one of `.!?:;"”’)`; read from the last bytes (`”` and `’`
  /// are `E2 80 9D` and `E2 80 99` in UTF-8).
  static func endsSentence(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { endsSentence($0) }
  }

  /// `endsSentence` over a line's bytes.
  static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let last = bytes.last else { return false }
    switch last {
    case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x22, 0x29: return true
    case 0x9D, 0x99:
      guard bytes.count >= 3 else { return false }
      return bytes[bytes.count - 3] == 0xE2 && bytes[bytes.count - 2] == 0x80
    default: return false
    }
  }

  /// Whether the first `Character` is lower case; an ASCII first byte followed by another
  /// ASCII byte (or nothing) is a `Character` of its own, read from its byte.
  static func startsLowercase(_ text: String) -> Bool {
    let bytes = text.utf8
    if let first = bytes.first, first < 0x80, first != 0x0D {
      let second = bytes.dropFirst().first ?? 0
      if second < 0x80 { return first >= 0x61 && first <= 0x7A }
    }
    return text.first?.isLowercase == true
  }

  /// `startsLowercase` over a line's bytes.
  static func startsLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if let first = bytes.first, first < 0x80, first != 0x0D {
      let second = bytes.count > 1 ? bytes[1] : 0
      if second < 0x80 { return first >= 0x61 && first <= 0x7A }
    }
    return String(decoding: bytes, as: UTF8.self).first?.isLowercase == true
  }
}

/// The lines above a plain-text memo's body: a title standing alone on the first line, a
/// `By …` byline, a date on its own line, a letterhead in capitals, "MEMORANDUM".
enum TopMatter {
  /// How many non-blank lines at the top may hold a byline or dateline.
  static let searchedLines = 5

  /// Takes the title, byline, dateline and letterhead off the top of `lines` (ranges of
  /// `text`'s buffer) into `content`; only the lines it examines are made `String`s.
  static func take(
    from lines: inout [TextLines.Line], in text: TextLines,
    into content: inout PlainTextReader.Content
  ) {
    var examined = 0
    var index = 0
    var sawBody = false
    while index < lines.count, examined < searchedLines {
      if lines[index].isEmpty {
        index += 1
        continue
      }
      let line = text.string(lines[index])
      examined += 1
      let standsAlone = index + 1 >= lines.count || lines[index + 1].rawIsBlank
      // An exhibit label or page number over the memo ("EXHIBIT 99.1") is no title.
      if !sawBody, LineUnwrapper.mayBeFurniture(line), TextUnwrapper.isPageFurniture(line) {
        lines.remove(at: index)
        examined -= 1
        continue
      }
      if isMemoWord(line) {
        lines.remove(at: index)
        continue
      }
      // A wire's slug line and editors' note over its story are routing, not the headline.
      if !sawBody, examined <= 3, isWireRouting(line) {
        lines.remove(at: index)
        examined -= 1
        continue
      }
      if examined == 1,
        let company = letterhead(line, nextLines: lines[(index + 1)...].lazy.map(text.string))
      {
        content.letterhead = company
        lines.remove(at: index)
        continue
      }
      if let (author, date) = byline(line) {
        content.byline = content.byline ?? author
        if content.date == nil, let date { (content.date, content.dateSource) = (date, "byline") }
        lines.remove(at: index)
        continue
      }
      // A header line ("Date: …") is no dateline: checked first, it spares parsing its date.
      // The year's digits are looked for first, as `normalize` would: most lines have none.
      if line.utf8.count <= 40, DateNormalizer.hasYearDigits(line),
        !MemoHeaders.isHeaderLine(line), standsAlone || !sawBody,
        let date = DateNormalizer.normalize(line)
      {
        if content.date == nil { (content.date, content.dateSource) = (date, "dateline") }
        lines.remove(at: index)
        continue
      }
      if examined == 1, !sawBody, content.title == nil, isTitle(line),
        standsAlone
          || (index + 1 < lines.count && nextIsTopMatter(text.string(lines[index + 1])))
      {
        (content.title, content.titleSource) = (line, "first-line")
        lines.remove(at: index)
        continue
      }
      if examined == 1, !sawBody, content.title == nil, index + 1 < lines.count,
        !lines[index + 1].isEmpty, index + 2 >= lines.count || lines[index + 2].rawIsBlank,
        let title = wrappedTitle(line, text.string(lines[index + 1]))
      {
        (content.title, content.titleSource) = (title, "first-line")
        lines.removeSubrange(index...(index + 1))
        continue
      }
      sawBody = true
      index += 1
    }
  }

  /// Whether a line routes wire copy rather than tells it: an editors' note ("Eds: Updates
  /// with …") or a slug line, whose first word joins capitalized parts with hyphens and a
  /// double hyphen ("BC-US--Acme-Jobs,1st Ld-Writethru").
  static func isWireRouting(_ line: String) -> Bool {
    guard let first = line.utf8.first, first == UInt8(ascii: "E") || first == UInt8(ascii: "B"),
      line.utf8.count <= 120
    else { return false }
    if line.hasPrefix("Eds:") || line.hasPrefix("EDS:") || line.hasPrefix("Eds.:") { return true }
    let word = line.prefix { $0 != " " && $0 != "," }
    return word.contains("--") && word.split(separator: "-").count >= 3
      && word.prefix { $0 != "-" }.allSatisfy(\.isUppercase)
  }

  /// A headline wrapped over the first two lines of a block of its own ("Acme Announces the
  /// Consolidation of Its" / "Midwest Plants"): each line and the two joined read as a title,
  /// and the second starts in capitals, as a wrapped headline's words do and prose rarely
  /// does.
  static func wrappedTitle(_ first: String, _ second: String) -> String? {
    guard let start = second.first, start.isUppercase || start.isNumber,
      isTitle(first), isTitle(second), !LineUnwrapper.endsSentence(first)
    else { return nil }
    let joined = first + " " + second
    return isTitle(joined) ? joined : nil
  }

  /// A date alone on a line of at most 40 bytes (not a `Date:` header): a dateline.
  static func dateAlone(_ line: String) -> String? {
    guard line.utf8.count <= 40, DateNormalizer.hasYearDigits(line),
      !MemoHeaders.isHeaderLine(line)
    else { return nil }
    // "Posted 2026-11-13", "Published on 4 March 2026": the posting's own date.
    if let first = line.utf8.first, first == UInt8(ascii: "P") {
      for lead in ["Posted on ", "Published on ", "Posted ", "Published "]
      where line.hasPrefix(lead) {
        return DateNormalizer.normalize(String(line.dropFirst(lead.count)))
      }
    }
    return DateNormalizer.normalize(line)
  }

  /// The next line (collapsed) is a byline, a date or a wire's editors' note.
  static func nextIsTopMatter(_ next: String) -> Bool {
    byline(next) != nil || (next.utf8.count <= 40 && DateNormalizer.normalize(next) != nil)
      || isWireRouting(next)
  }

  /// "MEMORANDUM", "MEMO", "INTERNAL MEMO": a form's heading, not the memo's title.
  static func isMemoWord(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard utf8.count <= 30 else { return false }
    // Compared in place, byte by byte: no copy, no hashing.
    func isEdge(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x3A || byte == 0x2A || byte == 0x3D  // space : * =
    }
    var end = utf8.endIndex
    while end > utf8.startIndex, isEdge(utf8[utf8.index(before: end)]) {
      end = utf8.index(before: end)
    }
    var start = utf8.startIndex
    while start < end, isEdge(utf8[start]) { start = utf8.index(after: start) }
    let word = utf8[start..<end]
    return memoWords.contains { memoWord in
      memoWord.count == word.count
        && zip(memoWord, word).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
    }
  }

  private static let memoWords: [[UInt8]] =
    ["memo", "memorandum", "internal memo", "internal memorandum", "office memorandum"].map {
      Array($0.utf8)
    }

  /// A first line that reads as a title: short, not a sentence, greeting, list item or
  /// header.
  static func isTitle(_ text: String) -> Bool {
    // Long lines are turned away before their characters and words are counted.
    guard text.hasAtMostCharacters(150), !text.certainlyHasMoreWords(than: 20),
      text.hasAtMostWords(20),
      let last = text.last, !".,;:".contains(last),
      !MemoHeaders.isHeaderLine(text), !LineUnwrapper.isListItem(text),
      !(MemoHeaders.mayBeClosingWord(text) && MemoInStory.isClosingWord(text.lowercased()))
    else { return false }
    return text.first?.isUppercase == true || text.first?.isNumber == true
      || text.first == "“" || text.first == "\""
  }

  /// A company in capitals heading a memo without a legal form: "TESSALINE LABS" over memo
  /// headers or a "MEMORANDUM" line.
  /// `nextLines` are the lines after it, white space collapsed.
  static func letterhead(_ text: String, nextLines: some Sequence<String>) -> String? {
    // Letterheads with a legal form are `MemoHeaders.split`'s (it also drops a filing's note).
    // A lower-case ASCII letter means the line is not in capitals.
    if text.hasLowercaseASCII || MemoHeaders.letterhead(text) != nil
      || text.certainlyHasMoreWords(than: 4)
    {
      return nil
    }
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count), text.count <= 40, text == text.uppercased(),
      text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "&" || $0 == "-" || $0 == "." })
    else { return nil }
    var following = 0
    for next in nextLines {
      if next.isEmpty { continue }
      following += 1
      if following > 2 { break }
      if MemoHeaders.isHeaderLine(next) || isMemoWord(next) {
        return words.map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
      }
    }
    return nil
  }

  /// "By Dana Whitfield", "By Dana Whitfield, CEO | March 4, 2026", "Posted by Dana on
  /// March 4, 2026": the author, and a date when the line has one.
  static func byline(_ text: String) -> (author: String, date: String?)? {
    // Every prefix below starts with an ASCII "B", "P" or "W" (no other scalar is
    // canonically equivalent to one of them).
    guard let first = text.utf8.first, first == 0x42 || first == 0x50 || first == 0x57 else {
      return nil
    }
    var rest: Substring
    if text.hasPrefix("By ") || text.hasPrefix("BY ") {
      rest = text.dropFirst(3)
    } else if text.hasPrefix("Posted by ") || text.hasPrefix("Written by ") {
      rest = text.drop { $0 != " " }.dropFirst().dropFirst(3)
    } else {
      return nil
    }
    guard text.utf8.count <= 120 || text.count <= 120 else { return nil }
    var date: String?
    for separator in [" | ", " · ", " — ", " – ", " on ", ", "] {
      guard let range = rest.firstByteRange(of: separator) else { continue }
      if let found = DateNormalizer.normalize(String(rest[range.upperBound...])) {
        date = found
        rest = rest[..<range.lowerBound]
        break
      }
    }
    guard let name = MemoHeaders.personName(String(rest)), MemoHeaders.looksLikeName(name) else {
      return nil
    }
    return (name, date)
  }

  /// The date of a press-release dateline opening the first paragraph: "SAN FRANCISCO,
  /// March 4, 2026 — Acme today…" or "BERLIN, 4 March 2026 /PRNewswire/ --".
  static func pressDateline(_ whole: String) -> String? {
    guard let first = whole.first, first.isUppercase else { return nil }
    let paragraph = whole.characterPrefix(80)
    for separator in [" — ", " – ", " -- ", " - ", " /"] {
      guard let range = Substring(paragraph).firstByteRange(of: separator),
        paragraph.distance(from: paragraph.startIndex, to: range.lowerBound) <= 60
      else { continue }
      let head = paragraph[..<range.lowerBound]
      guard head.contains(",") else { continue }
      if let date = DateNormalizer.normalize(String(head)) { return date }
    }
    return nil
  }
}

/// The lines under a plain-text memo's sign-off, one paragraph each: a date closing the
/// signature block, a closing line of the writer's own words over their name, a salutation
/// naming the company.
enum SignatureBlock {
  /// The date alone on the memo's last line ("12 January 2026" under the name and role),
  /// taken off the paragraphs; nil (and nothing taken) when the last line is anything else.
  /// A memo of fewer than three paragraphs keeps its lines.
  static func takeClosingDate(from paragraphs: inout [String]) -> String? {
    guard paragraphs.count >= 3, let last = paragraphs.last,
      let date = TopMatter.dateAlone(last)
    else { return nil }
    paragraphs.removeLast()
    return date
  }

  /// Words a closing line may hold at most ("Thanks for everything,").
  /// Calibration: valedictions run to five words; a longer line ending in a comma is prose.
  static let maxClosingWords = 5

  /// The writer named under a closing line of their own words: "Thanks for everything," over
  /// "Marguerite Delacroix-Fane" at the memo's end. The closing line is short, starts in
  /// capitals and ends with a comma (as "Best," does); the name line is a name alone. For the
  /// closings `MemoHeaders.signOff` does not know.
  static func valedictionName(_ paragraphs: [String]) -> String? {
    guard paragraphs.count >= 3 else { return nil }
    let closing = paragraphs[paragraphs.count - 2].trimmed
    let name = paragraphs[paragraphs.count - 1].trimmed
    guard closing.hasSuffix(","), closing.first?.isUppercase == true,
      closing.hasAtMostWords(maxClosingWords), closing.utf8.count <= 60,
      !MemoEvidence.isSalutation(closing), name.utf8.count <= 60,
      MemoHeaders.looksLikeName(name), !MemoHeaders.isJobTitle(name)
    else { return nil }
    return name
  }

  /// The company a salutation addresses in the first two paragraphs: "To everyone at Acme
  /// Foods,", "Dear all Acme staff:" (as `MemoHeaders.companyAddressed` reads a `To:` line).
  static func salutationCompany(_ paragraphs: [String]) -> String? {
    for paragraph in paragraphs.prefix(2) where paragraph.utf8.count <= 80 {
      let trimmed = paragraph.trimmed
      // A last `Character` "," or ":" is that byte alone: any other last byte turns the
      // paragraph away without the `Character` test.
      guard let last = trimmed.utf8.last, last == 0x2C || last == 0x3A else { continue }
      var text = Substring(trimmed)
      guard text.hasSuffix(",") || text.hasSuffix(":") else { continue }
      text = text.dropLast()
      if let lead = salutationLead(text) { text = text.dropFirst(lead) }
      if let company = MemoHeaders.companyAddressed(String(text)) { return company }
    }
    return nil
  }

  /// The salutation's lead words, each ASCII and ending in a space.
  static let salutationLeads = ["To ", "Dear ", "Hi ", "Hello "]

  /// How many `Character`s the first of `salutationLeads` that `text` starts with takes
  /// (`hasPrefix`), or nil. Read on the bytes when the byte after the lead is ASCII (or there
  /// is none): a space then an ASCII byte are two `Character`s, so the byte prefix decides.
  static func salutationLead(_ text: Substring) -> Int? {
    let bytes = text.utf8
    guard let first = bytes.first, first == 0x54 || first == 0x44 || first == 0x48 else {
      return nil
    }
    for lead in salutationLeads {
      let leadBytes = lead.utf8
      guard bytes.starts(with: leadBytes) else { continue }
      let after = bytes.index(bytes.startIndex, offsetBy: leadBytes.count)
      if after < bytes.endIndex, bytes[after] >= 0x80 {
        if text.hasPrefix(lead) { return lead.count }
        continue
      }
      return lead.count
    }
    return nil
  }

  /// `salutationCompany` with `Character` tests only (the reference of its byte tests).
  static func slowSalutationCompany(_ paragraphs: [String]) -> String? {
    for paragraph in paragraphs.prefix(2) where paragraph.utf8.count <= 80 {
      var text = Substring(paragraph.trimmed)
      guard text.hasSuffix(",") || text.hasSuffix(":") else { continue }
      text = text.dropLast()
      for lead in salutationLeads where text.hasPrefix(lead) {
        text = text.dropFirst(lead.count)
        break
      }
      if let company = MemoHeaders.companyAddressed(String(text)) { return company }
    }
    return nil
  }
}

extension Substring {
  /// The first occurrence of `needle`'s UTF-8 bytes, byte-exact (no Unicode folding); `needle`
  /// must start with an ASCII byte so the match starts on a character. Faster than
  /// Foundation's `range(of:)` for the short separators searched here.
  func firstByteRange(of needle: String) -> Range<String.Index>? {
    // Over contiguous bytes, without copying the needle: offsets found there are turned back
    // into indices of `utf8` (constant time for native strings).
    var text = self
    var pattern = needle
    let found: Range<Int>? = text.withUTF8 { bytes in
      pattern.withUTF8 { pattern in
        guard !pattern.isEmpty, let offset = ByteSearch.firstOffset(of: pattern, in: bytes)
        else { return nil }
        return offset..<(offset + pattern.count)
      }
    }
    guard let found else { return nil }
    let lower = utf8.index(startIndex, offsetBy: found.lowerBound)
    return lower..<utf8.index(lower, offsetBy: found.count)
  }
}

extension String {
  /// Whether `split(separator: " ")` would give at most `limit` pieces. ASCII text is counted
  /// over its bytes, without making the pieces (in ASCII every space byte is a `Character`).
  func hasAtMostWords(_ limit: Int) -> Bool {
    var text = self
    let counted: Int? = text.withUTF8 { bytes in
      var words = 0
      var inWord = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte == 0x20 {
          inWord = false
        } else if !inWord {
          inWord = true
          words += 1
        }
      }
      return words
    }
    return (counted ?? split(separator: " ").count) <= limit
  }
}
