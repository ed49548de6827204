import Foundation

/// HTML → `Memo`: decode, parse with libxml2, find the main content, read metadata.
enum HTMLReader {
  enum Mode {
    /// A web page: find the main content and drop navigation, comments and the like.
    case webPage
    /// An HTML email: the whole body is the message; only hidden and boilerplate parts go.
    case email
  }

  /// The paragraphs and page metadata of an HTML document.
  struct Content {
    var paragraphs: [Paragraph]
    var metadata: PageMetadata
    var byline: String?
    var timeDate: String?
    /// The name in an element the page marks as its author (`itemprop`, `rel`, class or id
    /// "author"/"byline", `<address>`), outside comments and related links.
    var markedAuthor: String? = nil
    /// The date an element marked as the date shows ("post-date": "Dec 17, 2025"); after a
    /// dateline, as cards of other stories mark their dates the same way (WCXB dev: 4 right
    /// and 5 wrong before the dateline, 2 right and none wrong after it).
    var markedDate: String? = nil
    /// Copyright lines of the footers left out of the body ("© 2025 Acme Robotics").
    var footerLines: [String] = []
    /// The first `<h1>`'s text: the headline on most pages.
    var headline: String? = nil
    /// Whether the page has an `<iframe>` (`InlineFrameDocument` reads its `srcdoc`).
    var hasInlineFrame = false
    /// The page's first short lines (chrome included): a post header's full name for a
    /// first-name sign-off.
    var headerLines: [String] = []
    /// On a page without `<h1>`, the first `<h2>` or `<h3>`: a portal's or CMS's headline,
    /// the title when `<title>` holds only section labels and the site's name.
    var subheadline: String? = nil
    /// A date from a short dateline or byline block ("May 20, 2025 • News"), as a last resort.
    var datelineDate: String? = nil
    /// A From/To/Date/Subject table anywhere on the page (saved HTML e-mails).
    var pageHeaders: MemoHeaders? = nil
    /// The memo's own date written over it or about it: a place dateline ("Ajka, 2026.
    /// november 24.") among the page's lines, or a note that it was "sent … on 11 November
    /// 2026". An earlier day than the page's publication (`OwnDate.window`) is the memo's.
    var ownDate: String? = nil
    /// Short capitalized alt texts of images, such as a letterhead logo's "Acme Robotics".
    var imageNames: [String] = []
    /// Short lines that give a person's role at a company ("Odile Ferrante · CEO at
    /// Brackenridge Software"), anywhere on the page: a post's author card.
    var roleLines: [String] = []
    /// Whether the page's language writes numeric dates month first (`en-US`: true; another
    /// language or region: false; no language or a bare `en`: nil).
    var monthFirst: Bool? = nil
    var quoteEligible: Set<Int32>
  }

  static func read(
    utf8: [UInt8], path: String, mode: Mode
  ) throws(ExtractionError) -> Content {
    let tree = try HTMLParser.tree(
      utf8: PrematureEndTags.repaired(AttributeNames.repaired(utf8)), path: path)
    let metadata = PageMetadata(tree: tree)
    let body = tree.nodes.firstIndex { $0.name == "body" }.map { Int32($0) } ?? 0
    guard !tree.nodes.isEmpty else {
      return Content(paragraphs: [], metadata: metadata, quoteEligible: [])
    }
    var extractor = ContentExtractor(tree: tree, root: body)
    let blocks: [TextBlock]
    switch mode {
    case .webPage: blocks = extractor.mainContent()
    case .email: blocks = extractor.wholeDocument()
    }
    var eligible: Set<Int32> = []
    for block in blocks where block.blockquote >= 0 {
      let node = tree.nodes[Int(block.blockquote)]
      let classes = (node.attribute("class") ?? "").lowercased()
      if !["twitter", "instagram", "tiktok", "facebook", "pullquote", "pull-quote"].contains(
        where: {
          classes.contains($0)
        })
      {
        eligible.insert(block.blockquote)
      }
    }
    let marked = timeDateAndMarkedAuthor(in: tree)
    var content = Content(
      paragraphs: ParagraphBuilder.paragraphs(from: blocks), metadata: metadata,
      byline: byline(in: tree, blocks: extractor.blocks), timeDate: marked.date,
      quoteEligible: eligible)
    content.markedAuthor = marked.author
    content.hasInlineFrame = tree.hasInlineFrame

    content.markedDate = marked.markedDate
    content.footerLines = extractor.footerLines
    let allBlocks = extractor.blocks
    // A copyright line in the page's own footer, outside the content, names the company too.
    for block in allBlocks.suffix(60)
    where block.length <= 160
      && BodyEvidence.copyrightHolder(block.text.collapsingWhitespace) != nil
      && !content.footerLines.contains(block.text)
    {
      content.footerLines.append(block.text.collapsingWhitespace)
    }
    content.monthFirst = monthFirst(language: htmlLanguage(utf8))
    let lines = shortLines(allBlocks)
    content.headerLines = Array(lines.prefix(12))
    if content.byline == nil {
      // "Author: Ana Ruiz, COO" on a meta line, in any language.
      content.byline = lines.prefix(40).lazy.compactMap(LabelledFields.author).first
    }
    content.roleLines = lines.filter { line in
      line.utf8.count <= 120 && line.containsBytes(" at ") && MemoHeaders.isJobTitle(line)
    }
    content.imageNames = imageNames(in: tree)
    content.pageHeaders = MemoHeaders.find(
      in: allBlocks.prefix(80).flatMap { ParagraphBuilder.splitLineBreaks($0.text) })
    if let h1 = allBlocks.first(where: { tree.nodes[Int($0.owner)].name == "h1" }),
      h1.length <= 200
    {
      content.headline = h1.text.collapsingWhitespace
    } else if let heading = allBlocks.prefix(60).first(where: {
      let name = tree.nodes[Int($0.owner)].name
      return name == "h2" || name == "h3"
    }), heading.length <= 200 {
      content.subheadline = heading.text.collapsingWhitespace
    } else if let first = blocks.first, first.length <= 120,
      isWhollyBold(first.owner, in: tree)
    {
      // A post's bold first line ("<p><strong>An update on …</strong></p>") is its title.
      content.subheadline = first.text.collapsingWhitespace
    }
    if mode == .webPage {
      content.paragraphs = withoutRepeatedHeadline(
        content.paragraphs, titles: [content.headline, metadata.title, metadata.pageTitle])
    }
    content.ownDate =
      lines.prefix(OwnDate.searchedLines).lazy.compactMap(OwnDate.placeDateline).first
      ?? content.paragraphs.prefix(OwnDate.searchedParagraphs).lazy.map(\.text)
      .compactMap(OwnDate.sentOnDate).first
    if (metadata.date == nil || metadata.dateIsModified) && content.timeDate == nil {
      for (index, line) in lines.enumerated() {
        // A labelled date in any language ("Ngày đăng: 05/03/2026"; not a print stamp) counts
        // where it stands, among the page's first lines: a header's date before a footer's
        // "Last updated".
        if let date = publishedDate(line, monthFirst: content.monthFirst)
          ?? (index < LabelledFields.searchedLines
            ? LabelledFields.publishedDate(line, monthFirst: content.monthFirst, page: lines)
            : nil)
        {
          // A later stamp (a capture, a print, a quote's time) dates no memo: read on.
          if LabelledFields.isLaterStamp(line) { continue }
          content.datelineDate = date
          break
        }
      }
    }
    return content
  }

  /// The `lang` of the `<html>` tag in the page's first 4 KB, lower-cased.
  static func htmlLanguage(_ utf8: [UInt8]) -> String? {
    // ASCII letters folded on bytes: lower-casing the head as a `String` cost 3% of extraction.
    let head = utf8.prefix(4096).map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    let found = head.withUnsafeBufferPointer { hay in
      Array("<html".utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: hay) }
    }
    guard let open = found,
      let close = head[(open + 5)...].firstIndex(of: UInt8(ascii: ">"))
    else { return nil }
    let tag = String(decoding: head[(open + 5)..<close], as: UTF8.self).lowercased()
    guard let lang = tag.range(of: " lang=") ?? tag.range(of: "\nlang=") else { return nil }
    let value = tag[lang.upperBound...].drop { $0 == "\"" || $0 == "'" }
      .prefix { $0.isLetter || $0 == "-" || $0 == "_" }
    return value.isEmpty ? nil : String(value)
  }

  /// Whether a page language writes numeric dates month first: `en-us` (and `en-ph`) yes,
  /// other languages and regions no, a bare `en` or none unknown.
  static func monthFirst(language: String?) -> Bool? {
    guard let language = language?.lowercased().replacingOccurrences(of: "_", with: "-"),
      !language.isEmpty
    else { return nil }
    if language == "en-us" || language == "en-ph" { return true }
    if language == "en" { return nil }
    return false
  }

  /// Parts of a date line that say the page was updated rather than published.
  static func isUpdateNote(_ part: String) -> Bool {
    // An ASCII part is searched by bytes: the same answer, as no ASCII character but CR LF
    // pairs into one `Character` and no word looked for holds either.
    if part.utf8.allSatisfy({ $0 < 0x80 }) {
      let lower = part.asciiLowercased
      return updateWords.contains { lower.containsBytes($0) }
    }
    let lower = part.lowercased()
    return updateWords.contains { lower.contains($0) }
  }

  /// The words of `isUpdateNote`, lower-case.
  static let updateWords = ["updated", "modified", "edited", "last reviewed", "revised"]

  /// The longest line (UTF-8 bytes) whose parts are tried as a byline's date. Calibration:
  /// the blind batches' dated bylines are under 80 bytes; WCXB dev author and date matches
  /// are the same with it as without it, and prose lines (up to 480 bytes) are not split.
  static let bylineDateLength = 200

  /// The publication date a short line shows: the line itself ("March 4, 2026"), a part of
  /// it between separators that is not an update note ("Updated April 2, 2026 · Published
  /// March 4, 2026" → March 4), or a byline's date ("Posted by Dana on 2026-02-17", "Posted
  /// 03/04/2026 by Ravi").
  static func publishedDate(_ line: String, monthFirst: Bool?) -> String? {
    guard DateNormalizer.hasYearDigits(line) else { return nil }
    func parts() -> [String] {
      var parts = [line]
      for separator in [" · ", " | ", " • ", " — ", " – ", " - "] {
        parts = parts.flatMap { $0.splitting(on: separator) }
      }
      return parts
    }
    // A line showing both dates: the published one ("Updated April 2 · Published March 4").
    if isUpdateNote(line),
      let published = parts().first(where: {
        !isUpdateNote($0) && $0.lowercased().contains("publish")
      }), let date = DateNormalizer.normalize(published)
    {
      return date
    }
    if let date = DateNormalizer.normalize(line) ?? postedOnDate(line) { return date }
    // Bylines are short; longer lines are prose, whose parts are not split and tried.
    guard line.utf8.count <= Self.bylineDateLength else { return nil }
    for part in parts() {
      var text = part.trimmed
      let lower = text.lowercased()
      for prefix in ["published on ", "published ", "posted on ", "posted ", "date: ", "on "]
      where lower.hasPrefix(prefix) {
        text = String(text.dropFirst(prefix.count))
        break
      }
      if let by = text.range(of: " by ") { text = String(text[..<by.lowerBound]) }
      if let on = text.range(of: " on ", options: .backwards), text.lowercased().contains("by ") {
        text = String(text[on.upperBound...])
      }
      if let date = MemoHeaders.memoDate(text.trimmed, monthFirst: monthFirst) { return date }
    }
    return nil
  }

  /// The paragraphs without a first one that only repeats the page's headline or title (an
  /// `<h2>` or lead line with the title's words; the `<h1>` itself is dropped as chrome). A
  /// `<title>` that adds the site's name after a separator counts as the same title.
  static func withoutRepeatedHeadline(_ paragraphs: [Paragraph], titles: [String?]) -> [Paragraph] {
    guard paragraphs.count > 1, let first = paragraphs.first, first.text.count <= 300 else {
      return paragraphs
    }
    let words = wordKey(first.text)
    guard words.count >= 12 else { return paragraphs }  // "Overview" is not a headline
    for case let title? in titles {
      let key = wordKey(title)
      if key == words || (key.hasPrefix(words) && key.dropFirst(words.count).first == " ") {
        return Array(paragraphs.dropFirst())
      }
    }
    return paragraphs
  }

  /// Lower-cased letters and digits, with one space for each run of anything else.
  static func wordKey(_ text: String) -> String {
    if let key = asciiWordKey(text) { return key }
    var key = ""
    var pendingSpace = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingSpace && !key.isEmpty { key.append(" ") }
        pendingSpace = false
        key.append(character)
      } else {
        pendingSpace = true
      }
    }
    return key
  }

  /// `wordKey` of an ASCII text, by bytes (the same answer: an ASCII letter or digit is one
  /// `Character`, and CR LF, the only ASCII pair that forms one, is neither); nil otherwise.
  static func asciiWordKey(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      var key: [UInt8] = []
      key.reserveCapacity(bytes.count)
      var pendingSpace = false
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
          if pendingSpace && !key.isEmpty { key.append(0x20) }
          pendingSpace = false
          key.append(lower)
        } else {
          pendingSpace = true
        }
      }
      return String(decoding: key, as: UTF8.self)
    }
  }

  /// "By Jane Doe" in an element whose class or rel says byline or author; in another
  /// language, "Von Jana Novak", "Автор: Иван Петров", "记者 王芳" (`bylineName`).
  static func byline(in tree: HTMLTree, blocks: [TextBlock]) -> String? {
    let language = declaredLanguage(in: tree)
    for line in shortLines(blocks) {
      guard let first = line.utf8.first else { continue }
      guard
        first | 0x20 == 0x62 || first | 0x20 == 0x70 || first | 0x20 == 0x77
          || first | 0x20 == 0x66
      else {
        if let name = bylineName(line, language: language) { return name }
        continue
      }
      let text = line.collapsingWhitespace
      let lower = text.lowercased()
      var prefix = 0
      for lead in ["by ", "posted by ", "written by ", "from the desk of "]
      where lower.hasPrefix(lead) {
        prefix = lead.count
      }
      // "Posted 03/04/2026 by Ravi Menon", "Published March 4, 2026 by Ravi Menon".
      if prefix == 0,
        let lead = ["posted ", "published "].first(where: { lower.hasPrefix($0) }),
        let by = lower.range(of: " by "),
        lower.distance(from: lower.startIndex, to: by.lowerBound) > lead.count
      {
        let between = lower[lower.index(lower.startIndex, offsetBy: lead.count)..<by.lowerBound]
        // Only a date may stand between ("Published by our team" names no one).
        if MemoHeaders.memoDate(String(between), monthFirst: false) != nil {
          prefix = lower.distance(from: lower.startIndex, to: by.upperBound)
        }
      }
      guard prefix > 0 else {
        if let name = bylineName(line, language: language) { return name }
        continue
      }
      var name = String(text.dropFirst(prefix))
      name = cutAtStops(name, [",", " | ", " on ", " - ", " – ", " · ", " • "])
      name = name.trimmed
      if MemoHeaders.looksLikeName(name) { return name }
    }
    return nil
  }

  /// The primary language subtag of the page's `<html lang>` ("de" for "de-AT"), lower-cased;
  /// nil when the page declares none.
  static func declaredLanguage(in tree: HTMLTree) -> String? {
    for node in tree.nodes.prefix(8) where node.name == "html" {
      guard let value = node.attribute("lang") else { return nil }
      let primary = value.trimmed.lowercased().prefix { $0 != "-" && $0 != "_" }
      return primary.isEmpty ? nil : String(primary)
    }
    return nil
  }

  /// Byline words of scripts and forms that no English line opens with: read on any page.
  static let bylinePrefixes: [String] = [
    "autor: ", "autorka: ", "autore: ", "auteur : ", "auteur: ", "yazar: ", "yazan: ",
    "автор: ", "автор ", "автор материала: ", "текст: ", "作者：", "作者:", "作者 ", "记者：", "记者 ",
    "記者：", "記者 ", "文／", "文/", "文：", "著者：", "執筆者：", "글 ", "بقلم: ", "بقلم ",
    "كتب: ", "लेखक: ", "द्वारा ",
  ]

  /// Byline words that are also words or name particles in English ("Von Miller", "Door
  /// hinges", "Di Maria"): read only on pages that declare the language (`<html lang>`).
  static let languageBylinePrefixes: [String: [String]] = [
    "de": ["von "], "fr": ["par "], "es": ["por "], "pt": ["por "], "it": ["di ", "a cura di "],
    "nl": ["door "], "sv": ["av "], "nb": ["av "], "no": ["av "], "nn": ["av "], "da": ["af "],
    "pl": ["autor "], "cs": ["autor "], "ro": ["de "], "ca": ["per "], "tr": ["yazan "],
    "id": ["oleh "], "ms": ["oleh "], "vi": ["bởi ", "tác giả: "],
  ]

  /// `bylinePrefixes` as bytes, each also with its first letter upper-cased ("Автор: ").
  static let bylinePrefixBytes: [[UInt8]] = prefixBytes(bylinePrefixes)
  /// `languageBylinePrefixes` as bytes.
  static let languageBylinePrefixBytes: [String: [[UInt8]]] =
    languageBylinePrefixes.mapValues(prefixBytes)

  /// Whether a byte opens one of the byline words above, in either ASCII case.
  static let bylineFirstBytes: [Bool] = {
    var table = Array(repeating: false, count: 256)
    for prefix in bylinePrefixBytes + languageBylinePrefixBytes.values.joined() {
      guard let first = prefix.first else { continue }
      table[Int(first)] = true
      if first >= 0x61 && first <= 0x7A { table[Int(first & 0xDF)] = true }
    }
    return table
  }()

  private static func prefixBytes(_ prefixes: [String]) -> [[UInt8]] {
    var all: [[UInt8]] = []
    for prefix in prefixes {
      all.append(Array(prefix.utf8))
      let capitalized = prefix.prefix(1).uppercased() + prefix.dropFirst()
      if capitalized != prefix { all.append(Array(capitalized.utf8)) }
    }
    return all
  }

  /// The length in bytes of the first of `prefixes` that `line` opens with, ASCII letters
  /// compared without case.
  static func prefixLength(_ line: String, _ prefixes: [[UInt8]]) -> Int? {
    let utf8 = line.utf8
    for prefix in prefixes where prefix.count <= utf8.count {
      var matched = true
      var index = utf8.startIndex
      for byte in prefix {
        var found = utf8[index]
        if found >= 0x41 && found <= 0x5A { found |= 0x20 }
        if found != byte && utf8[index] != byte {
          matched = false
          break
        }
        index = utf8.index(after: index)
      }
      if matched { return prefix.count }
    }
    return nil
  }

  /// The name in a byline of another language: "Von Jana Novak" (German page), "Par Léa
  /// Martin" (French page), "Автор: Иван Петров", "作者：王芳", "记者 王芳 报道", "홍길동 기자";
  /// nil when what follows the byline word does not read as a name (`looksLikeAuthor`).
  static func bylineName(_ line: String, language: String? = nil) -> String? {
    guard line.utf8.count <= 160 else { return nil }
    var rest: Substring?
    // Most lines open with no byline word: compared by bytes before any `String` work.
    guard let first = line.utf8.first else { return nil }
    if !bylineFirstBytes[Int(first)] {
      guard first >= 0x80, line.containsBytes(" 기자") else { return nil }
    }
    if let length = prefixLength(line, bylinePrefixBytes)
      ?? language.flatMap({ languageBylinePrefixBytes[$0] }).flatMap({ prefixLength(line, $0) })
    {
      rest = Substring(String(decoding: line.utf8.dropFirst(length), as: UTF8.self))
    } else if line.containsBytes(" 기자") {
      // Korean bylines put the word after the name: "홍길동 기자", "[서울] 홍길동 기자 = ".
      let text = line.collapsingWhitespace
      if let range = text.range(of: " 기자"),
        text[range.upperBound...].first.map({ " =(".contains($0) }) ?? true
      {
        let before = text[..<range.lowerBound].split(separator: " ").last
        rest = before.map { $0.drop { "[(]】)".contains($0) } }
      }
    }
    guard var name = rest.map(String.init) else { return nil }
    name = cutAtStops(name, [" | ", ",", "，", "、", " - ", " – ", " — ", " • ", " · ", "|"])
    // "记者 王芳 报道", "（记者 李明 摄）": the word for "reports" or "photo" closes the line.
    for closing in [" 报道", " 報導", " 报导", " 摄", " 攝", "）", ")"] where name.hasSuffix(closing) {
      name = String(name.dropLast(closing.count))
    }
    name = name.trimmed
    guard !name.isEmpty, name.count <= 60, DateNormalizer.normalize(name) == nil,
      looksLikeAuthor(name)
    else { return nil }
    // A name in a cased script needs a given name and a family name after a byline word.
    if name.first?.isUppercase == true, !name.contains(" ") { return nil }
    return name
  }

  /// Lines under 160 characters of the first 400 blocks (a `<br>` splits a block into lines).
  static func shortLines(_ blocks: [TextBlock]) -> [String] {
    var lines: [String] = []
    for block in blocks.prefix(400) {
      let multiline = block.text.containsByte(0x0A)
      if block.length < 160 && !multiline {
        lines.append(block.text)
      } else if multiline {
        for line in lineBreakSplit(block.text) where line.utf8.count < 480 {
          lines.append(String(line))
        }
      }
    }
    return lines
  }

  /// `text.split(separator: "\n")` found by bytes: every LF byte not preceded by CR (CR LF is
  /// one `Character`, which a split on "\n" does not cut), empty pieces left out.
  static func lineBreakSplit(_ text: String) -> [Substring] {
    var pieces: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var previous: UInt8 = 0
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x0A && previous != 0x0D {
        if start < index { pieces.append(text[start..<index]) }
        start = utf8.index(after: index)
      }
      previous = byte
      index = utf8.index(after: index)
    }
    if start < utf8.endIndex { pieces.append(text[start..<utf8.endIndex]) }
    return pieces
  }

  /// "Posted by Dana on 6/8/2023": a US month/day/year date in a "Posted by" line only,
  /// where the order is known; elsewhere such dates are ambiguous and not read.
  static func postedOnDate(_ text: String) -> String? {
    guard text.lowercased().hasPrefix("posted by "), let on = text.range(of: " on ") else {
      return nil
    }
    let numbers = text[on.upperBound...].prefix { $0.isNumber || $0 == "/" }
      .split(separator: "/").compactMap { Int($0) }
    guard numbers.count == 3, (1...12).contains(numbers[0]), (1...31).contains(numbers[1]),
      numbers[2] >= 1900
    else { return nil }
    return DateNormalizer.normalize(
      "\(numbers[2])-\(numbers[0] < 10 ? "0" : "")\(numbers[0])-\(numbers[1] < 10 ? "0" : "")\(numbers[1])"
    )
  }

  /// `text` cut before each stop in turn (Foundation's `range(of:)`, as `authorName` and
  /// `byline` did). An ASCII text is searched by bytes: the same answer, since an ASCII text
  /// has no other canonically equivalent form, and a non-ASCII stop cannot occur in it.
  static func cutAtStops(_ text: String, _ stops: [String]) -> String {
    var text = text
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      for stop in stops {
        if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) }
      }
      return text
    }
    for stop in stops where stop.utf8.allSatisfy({ $0 < 0x80 }) {
      var pattern = stop
      let cut: Int? = text.withUTF8 { haystack in
        pattern.withUTF8 { ByteSearch.firstOffset(of: $0, in: haystack) }
      }
      if let cut { text = String(decoding: text.utf8.prefix(cut), as: UTF8.self) }
    }
    return text
  }

  /// `imageNames`' test for one collapsed ASCII alt text, by bytes (an ASCII word's first
  /// `Character` is upper-case or a number exactly when its first byte is A-Z or 0-9); nil
  /// for other text.
  static func asciiReadsAsName(_ alt: String) -> Bool? {
    var alt = alt
    return alt.withUTF8 { bytes -> Bool? in
      var words = 0
      var index = 0
      let count = bytes.count
      while index < count {
        if bytes[index] >= 0x80 { return nil }
        if bytes[index] == 0x20 {
          index += 1
          continue
        }
        let start = index
        while index < count && bytes[index] != 0x20 {
          if bytes[index] >= 0x80 { return nil }
          index += 1
        }
        words += 1
        let first = bytes[start]
        let ampersand = index - start == 1 && first == 0x26
        if !(ampersand || (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39)) {
          // Still reject only after the whole text is known to be ASCII.
          while index < count {
            if bytes[index] >= 0x80 { return nil }
            index += 1
          }
          return false
        }
      }
      return words >= 1 && words <= 5
    }
  }

  /// The image alt texts that read like a name: one to five words, each starting with a
  /// capital letter or a digit, or "&" ("Orrin Mobility", "Cardwell & Finch").
  static func imageNames(in tree: HTMLTree) -> [String] {
    tree.imageAlts.map(\.collapsingWhitespace).filter { alt in
      if let ascii = asciiReadsAsName(alt) { return ascii }
      let words = alt.split(separator: " ")
      return !words.isEmpty && words.count <= 5
        && words.allSatisfy { $0 == "&" || $0.first!.isUppercase || $0.first!.isNumber }
    }
  }

  /// The first `<time datetime>` that normalizes to a date, and the first name in an element
  /// the page marks as its author (`markedAuthor(_:in:)`), found in one walk over the nodes.
  static func timeDateAndMarkedAuthor(in tree: HTMLTree) -> (
    date: String?, author: String?, markedDate: String?
  ) {
    var date: String?
    var author: String?
    var markedDate: String?
    var looked = 0
    var lookedDates = 0
    for index in tree.nodes.indices {
      let node = tree.nodes[index]
      if node.isText || node.attributes.isEmpty && node.name != "address" { continue }
      if date == nil, node.name == "time", let value = node.attribute("datetime") {
        date = DateNormalizer.normalize(value)
      }
      // One pass over the class and id bytes before the word checks below.
      let marks = markWords(node)
      if marks == 0 && node.name != "address" { continue }
      if author == nil, looked < Thresholds.authorCandidates, isAuthorMarked(node) {
        looked += 1
        author = markedAuthor(Int32(index), in: tree)
      }
      if markedDate == nil, date == nil, lookedDates < Thresholds.authorCandidates,
        marks & Self.dateMark != 0, isDateMarked(node)
      {
        lookedDates += 1
        markedDate = self.markedDate(Int32(index), in: tree)
      }
      if date != nil && author != nil { break }
    }
    return (date, author, markedDate)
  }

  static let authorMark: UInt8 = 1
  static let dateMark: UInt8 = 2

  /// Which mark words an element's class, id, itemprop or rel holds, in one pass over each
  /// value: `authorMark` for "author" or "byline", `dateMark` for "date" or "publish".
  static func markWords(_ node: DOMNode) -> UInt8 {
    var marks: UInt8 = 0
    for attribute in node.attributes {
      switch attribute.name {
      case "class", "id", "itemprop", "rel": break
      default: continue
      }
      var value = attribute.value
      value.withUTF8 { bytes in
        func matches(_ word: StaticString, at start: Int) -> Bool {
          let count = word.utf8CodeUnitCount
          guard start + count <= bytes.count else { return false }
          for offset in 1..<count where bytes[start + offset] | 0x20 != word.utf8Start[offset] {
            return false
          }
          return true
        }
        for index in bytes.indices {
          switch bytes[index] | 0x20 {
          case 0x61: if matches("author", at: index) { marks |= authorMark }
          case 0x62: if matches("byline", at: index) { marks |= authorMark }
          case 0x64: if matches("date", at: index) { marks |= dateMark }
          case 0x70: if matches("publish", at: index) { marks |= dateMark }
          default: break
          }
        }
      }
    }
    return marks
  }

  /// Whether an element's class or id says it holds the publication date ("post-date",
  /// "publishedOn", "dateAndAuthor"), not an update.
  static func isDateMarked(_ node: DOMNode) -> Bool {
    for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
      let value = attribute.value
      guard asciiContains(value, "date") || asciiContains(value, "publish") else { continue }
      if asciiContains(value, "update") || asciiContains(value, "modified") { continue }
      return true
    }
    return false
  }

  /// The date a date-marked element shows ("Dec 17, 2025", "17.05.2021"), read from its text
  /// or from one of its first text pieces; nil inside comments and related links.
  static func markedDate(_ element: Int32, in tree: HTMLTree) -> String? {
    guard !inExcludedRegion(element, in: tree) else { return nil }
    let end = Int(subtreeEnd(of: element, in: tree))
    var pieces: [String] = []
    var index = Int(element) + 1
    while index < end, pieces.count < 6 {
      if tree.nodes[index].isText {
        let text = tree.nodes[index].text.collapsingWhitespace
        if !text.isEmpty {
          if text.count > 80 { return nil }
          pieces.append(text)
        }
      }
      index += 1
    }
    let whole = pieces.joined(separator: " ")
    guard whole.count <= 80 else { return nil }
    // "Updated April 2 · Published March 4": the published date when the element shows both.
    if isUpdateNote(whole),
      let date = pieces.lazy.filter({ !isUpdateNote($0) && $0.lowercased().contains("publish") })
        .compactMap(DateNormalizer.normalize).first
    {
      return date
    }
    if let date = DateNormalizer.normalize(whole) { return date }
    return pieces.lazy.compactMap(DateNormalizer.normalize).first
  }

  /// Whether every non-blank text inside `element` sits in a `<strong>` or `<b>` within it.
  static func isWhollyBold(_ element: Int32, in tree: HTMLTree) -> Bool {
    let end = Int(subtreeEnd(of: element, in: tree))
    var sawText = false
    for index in (Int(element) + 1)..<end where tree.nodes[index].isText {
      guard !tree.nodes[index].text.allSatisfy(\.isWhitespace) else { continue }
      var ancestor = tree.nodes[index].parent
      var bold = false
      while ancestor > element {
        let name = tree.nodes[Int(ancestor)].name
        if name == "strong" || name == "b" {
          bold = true
          break
        }
        ancestor = tree.nodes[Int(ancestor)].parent
      }
      guard bold else { return false }
      sawText = true
    }
    return sawText
  }

  /// Whether an ancestor of `element` is a comment, related-links, footer or like region.
  static func inExcludedRegion(_ element: Int32, in tree: HTMLTree) -> Bool {
    var ancestor = tree.nodes[Int(element)].parent
    while ancestor >= 0 {
      let hint = ClassHints.weight(hintText: ClassHints.hintText(of: tree.nodes[Int(ancestor)]))
      if hint == -2 { return true }
      ancestor = tree.nodes[Int(ancestor)].parent
    }
    return false
  }

  /// Whether an element says it holds the author: `itemprop="author"`, `rel="author"`, an
  /// `<address>`, or a class or id with "author" or "byline" in it (not a picture, a bio or a
  /// date beside the name).
  static func isAuthorMarked(_ node: DOMNode) -> Bool {
    if node.name == "address" { return true }
    for attribute in node.attributes {
      switch attribute.name {
      case "itemprop", "rel":
        if asciiContains(attribute.value, "author") { return true }
      case "class", "id":
        let value = attribute.value
        guard asciiContains(value, "author") || asciiContains(value, "byline") else { continue }
        if notNameParts.contains(where: { asciiContains(value, $0) }) { continue }
        return true
      default: continue
      }
    }
    return false
  }

  /// Class words of the parts of an author box that are not the name.
  static let notNameParts: [StaticString] = [
    "avatar", "image", "img", "photo", "pic", "bio", "date", "time", "desc", "social", "label",
  ]

  /// Whether `text` holds `needle` (lower-case ASCII) in any ASCII letter case; no allocation.
  static func asciiContains(_ text: String, _ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    let bytes = needle.utf8Start
    var text = text
    return text.withUTF8 { haystack in
      guard count > 0, haystack.count >= count else { return false }
      for start in 0...(haystack.count - count) {
        var offset = 0
        while offset < count, haystack[start + offset] | 0x20 == bytes[offset] { offset += 1 }
        if offset == count { return true }
      }
      return false
    }
  }

  /// The author name an author-marked element holds: its `itemprop="name"` part when it has
  /// one, else its text, "By" and anything after a separator or a date removed; nil when that
  /// does not read as a name, or when the element sits in a comment, related-links or footer
  /// region (commenters and other articles' authors).
  static func markedAuthor(_ element: Int32, in tree: HTMLTree) -> String? {
    guard !inExcludedRegion(element, in: tree) else { return nil }
    var pieces: [String] = []
    var nameParts: [String] = []
    var insideName: [Int32] = []
    let end = Int(subtreeEnd(of: element, in: tree))
    var index = Int(element) + 1
    while index < end, pieces.count < 12 {
      let node = tree.nodes[index]
      while let last = insideName.last, !isDescendant(Int32(index), of: last, in: tree) {
        insideName.removeLast()
      }
      if node.isText {
        let text = node.text.collapsingWhitespace
        if !text.isEmpty {
          pieces.append(text)
          if !insideName.isEmpty { nameParts.append(text) }
        }
      } else if node.attributeEquals("itemprop", "name") {
        insideName.append(Int32(index))
      }
      index += 1
    }
    let language = declaredLanguage(in: tree)
    if !nameParts.isEmpty,
      let name = authorName(nameParts.joined(separator: " "), language: language)
    {
      return name
    }
    if let name = authorName(pieces.joined(separator: " "), language: language) { return name }
    for piece in pieces.prefix(4) {
      if let name = authorName(piece, language: language) { return name }
    }
    return nil
  }

  private static func isDescendant(_ node: Int32, of ancestor: Int32, in tree: HTMLTree) -> Bool {
    var current = tree.nodes[Int(node)].parent
    while current >= ancestor {
      if current == ancestor { return true }
      current = tree.nodes[Int(current)].parent
    }
    return false
  }

  /// The index after the last node of `node`'s subtree (nodes are stored in pre-order).
  private static func subtreeEnd(of node: Int32, in tree: HTMLTree) -> Int32 {
    var end = Int(node) + 1
    while end < tree.nodes.count, tree.nodes[end].parent >= node { end += 1 }
    return Int32(end)
  }

  /// A byline's name: "By Jane Doe | May 4, 2025" → "Jane Doe"; "Written by Jane Doe, Senior
  /// Editor" → "Jane Doe". Nil unless what is left reads as a name (`MemoHeaders.looksLikeName`,
  /// or a single user name such as "jdoe").
  static func authorName(_ raw: String, language: String? = nil) -> String? {
    var text = raw.collapsingWhitespace
    let lower = text.lowercased()
    for prefix in [
      "written by ", "posted by ", "authored by ", "author: ", "author ", "by: ", "by ",
    ] + bylinePrefixes + (language.flatMap { languageBylinePrefixes[$0] } ?? [])
    where lower.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count))
      break
    }
    text = cutAtStops(text, [" | ", ",", " on ", " - ", " – ", " — ", " • ", " · ", "|", "•", "·"])
    text = text.trimmed
    guard !text.isEmpty, text.count <= 60, DateNormalizer.normalize(text) == nil else {
      return nil
    }
    return looksLikeAuthor(text) ? text : nil
  }

  /// Name particles written in lower case, and the words joining several names.
  static let nameParticles: Set<String> = [
    "and", "&", "van", "von", "der", "den", "de", "la", "le", "da", "di", "du", "del", "bin",
    "al",
  ]

  /// One to six words, each capitalized (or a particle such as "van", "and"), made of letters,
  /// periods, hyphens and apostrophes: "Jane van der Berg", "Ada Byron and Jo March".
  static func looksLikeAuthor(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (1...6).contains(words.count) else { return false }
    let lowerWords = ["by", "the", "team", "staff", "admin", "editor", "author"]
    if words.count == 1, lowerWords.contains(text.lowercased()) { return false }
    return words.allSatisfy { word in
      if nameParticles.contains(String(word)) { return true }
      guard let first = word.first else { return false }
      guard first.isUppercase else { return isCaselessName(word) }
      return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }
    }
  }

  /// Han, kana and Hangul characters a name written without spaces has at most: Chinese and
  /// Korean names run two to four, Japanese ones up to five (a katakana name with "・" is
  /// longer and allowed up to `maxCaselessName`).
  static let maxWideName = 5
  /// Letters of a name word in a script without letter case (Arabic, Devanagari, Thai…).
  static let maxCaselessName = 16

  /// A word of a name in a script without letter case: letters (and "・", "·" between the
  /// parts of a transcribed name), short.
  static func isCaselessName(_ word: Substring) -> Bool {
    guard let first = word.first, first.isLetter, !first.isLowercase, !first.isUppercase,
      word.count <= maxCaselessName
    else { return false }
    var wide = 0
    var dotted = false
    for character in word {
      if character == "・" || character == "·" {
        dotted = true
        continue
      }
      guard character.isLetter, !character.isLowercase, !character.isUppercase else {
        return false
      }
      if let scalar = character.unicodeScalars.first,
        (0x3040...0x9FFF).contains(scalar.value) || (0xAC00...0xD7FF).contains(scalar.value)
      {
        wide += 1
      }
    }
    return dotted || wide <= maxWideName
  }
}

extension ContentExtractor {
  /// Every block of the document except boilerplate elements (for HTML email).
  mutating func wholeDocument() -> [TextBlock] {
    mainContent(wholeDocument: true)
  }
}
