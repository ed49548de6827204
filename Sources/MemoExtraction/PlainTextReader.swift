import Foundation

/// Plain text and Markdown → paragraphs and metadata.
///
/// Text files are read line by line from their UTF-8 bytes (no Foundation string
/// replacement): blank lines split paragraphs; single line breaks split them too unless the
/// text is hard-wrapped (see `LineUnwrapper`); a first line standing alone is the title;
/// `By …` bylines and datelines near the top give the author and date; list items are one
/// paragraph each, whatever their marker.
enum PlainTextReader {
  struct Content {
    var paragraphs: [String]
    var title: String?
    /// `key: value` pairs from YAML front matter (lower-cased keys, quotes removed).
    var frontMatter: [String: String] = [:]
    /// From a `By …` line near the top.
    var byline: String?
    /// `YYYY-MM-DD` from a dateline near the top (a date alone on its line, a byline's date,
    /// or a press-release dateline such as `SAN FRANCISCO, March 4, 2026 —`).
    var date: String?
    /// The company of a letterhead in capitals over the memo (`TESSALINE LABS`).
    var letterhead: String?
    /// Where `title` came from: `first-line`, `headline` (a Markdown heading) or
    /// `front-matter`.
    var titleSource: String?
    /// Where `date` came from: `dateline` or `byline`.
    var dateSource: String?
  }

  /// Splits off YAML front matter (`---` lines around `key: value` pairs) at the very start.
  static func frontMatter(_ lines: [String]) -> (fields: [String: String], rest: ArraySlice<String>)
  {
    if let toml = TOMLFrontMatter.split(lines) { return toml }  // `+++` … `+++`
    if let block = PandocTitleBlock.read(lines) { return (block.fields, lines[block.count...]) }
    guard lines.first?.trimmed == "---",
      let close = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" || $0.trimmed == "..." }
      ),
      close <= 60
    else { return ([:], lines[...]) }
    var fields: [String: String] = [:]
    for line in lines[1..<close] {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmed.lowercased()
      let value = line[line.index(after: colon)...].trimmed.trimmingCharacters(in: ["\"", "'"])
      if !key.isEmpty, !value.isEmpty, fields[key] == nil { fields[key] = value }
    }
    return (fields, lines[(close + 1)...])
  }

  /// Splits UTF-8 into lines at `\n`, `\r\n` or `\r`, byte by byte.
  static func lines(_ utf8: [UInt8]) -> [String] {
    var result: [String] = []
    utf8.withUnsafeBufferPointer { buffer in
      var start = 0
      var index = 0
      let count = buffer.count
      while index < count {
        let byte = buffer[index]
        if byte == 0x0A || byte == 0x0D {
          result.append(
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self))
          if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
          start = index + 1
        }
        index += 1
      }
      if start < count {
        result.append(
          String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<count]), as: UTF8.self))
      }
    }
    return result
  }

  static func readText(_ text: String) -> Content { readText(utf8: Array(text.utf8)) }

  /// Reads a plain-text document (a `.txt` file or a plain-text email body); `topMatter`
  /// takes a title, byline, dateline and letterhead off its top (not for email bodies, whose
  /// headers say all that).
  ///
  /// Its lines are byte ranges of one buffer (`TextLines`), classified on their bytes; each
  /// paragraph is made a `String` once.
  static func readText(utf8: [UInt8], topMatter: Bool = true) -> Content {
    let text = TextLines(utf8: utf8)
    let (fields, rest) = text.frontMatter()
    var lines = Array(text.lines[rest...])
    var content = Content(paragraphs: [], frontMatter: fields)
    if topMatter { TopMatter.take(from: &lines, in: text, into: &content) }
    // A Pandoc title block's title (read with the front matter).
    if content.title == nil, rest > 0, text.raw.first == UInt8(ascii: "%"),
      let title = fields["title"]
    {
      (content.title, content.titleSource) = (title, "front-matter")
    }
    content.paragraphs = LineUnwrapper.paragraphs(lines, in: text, dropPageFurniture: true)
      .map(stripListMarker).filter { !$0.isEmpty }
    if let title = content.title, content.paragraphs.first == title {
      content.paragraphs.removeFirst()
    }
    if content.date == nil, let first = content.paragraphs.first,
      let date = TopMatter.pressDateline(first)
    {
      (content.date, content.dateSource) = (date, "dateline")
    }
    if topMatter { content.takeClosingDate() }
    return content
  }

  /// "- item", "* item", "• item", "1. item" → "item".
  static func stripListMarker(_ paragraph: String) -> String {
    // Only bullets, digits and non-ASCII can start an item.
    guard let byte = paragraph.utf8.first,
      byte == 0x2D || byte == 0x2A || byte == 0x2B || byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
    else { return paragraph }
    // "- item" with ASCII around the cut: the marker and space are two `Character`s of their
    // own and nothing is left to trim.
    if byte == 0x2D || byte == 0x2A || byte == 0x2B {
      let bytes = paragraph.utf8
      var second = bytes.index(after: bytes.startIndex)
      if second < bytes.endIndex, bytes[second] == 0x20 {
        second = bytes.index(after: second)
        if second < bytes.endIndex, let last = bytes.last,
          bytes[second] > 0x20 && bytes[second] < 0x7F, last > 0x20 && last < 0x7F
        {
          return String(paragraph[second...])
        }
      }
    }
    var text = Substring(paragraph)
    if let first = text.first, "-*+•·–◦▪‣●".contains(first), text.dropFirst().first == " " {
      text = text.dropFirst(2)
    } else if TextUnwrapper.isNumberedItem(paragraph) {
      text = text.drop { $0.isNumber }.dropFirst(2)
    }
    return String(text).trimmed
  }

  static func readMarkdown(_ text: String) -> Content { readMarkdown(utf8: Array(text.utf8)) }

  /// Whether a Markdown line is a short label: wholly bold ("**Internal notice**") or in
  /// capitals ("INTERNAL NOTICE"), at most six words.
  static func isKicker(_ line: String) -> Bool {
    guard !line.isEmpty, line.utf8.count <= 80 else { return false }
    let bold = line.hasPrefix("**") && line.hasSuffix("**") && line.utf8.count > 4
    let core = bold ? String(line.dropFirst(2).dropLast(2)) : line
    guard core.split(separator: " ").count <= 6, core.contains(where: \.isLetter) else {
      return false
    }
    return bold || core == core.uppercased() && core.contains(where: \.isUppercase)
  }

  static func readMarkdown(utf8: [UInt8]) -> Content {
    let allLines = lines(utf8)
    let (fields, lines) = frontMatter(allLines)
    var prepared: [String] = []
    var title: String?
    var inFence = false
    var sawContent = false
    var contentLines = 0
    // Headings after the title: their level, text and place in `prepared`.
    var sections: [ReadmeSections.Heading] = []
    var titleLevel = 0
    for rawLine in lines {
      var line = rawLine
      let trimmedLine = line.trimmed
      if trimmedLine.hasPrefix("```") || trimmedLine.hasPrefix("~~~") {
        inFence.toggle()
        prepared.append("")
        continue
      }
      if inFence {
        prepared.append(line)
        continue
      }
      // Block quotes: drop the markers.
      while line.trimmed.hasPrefix(">") {
        line = String(line.trimmed.dropFirst())
      }
      let stripped = line.trimmed
      if stripped.hasPrefix("#") {
        let heading = stripped.drop { $0 == "#" }.trimmed
        let cleanHeading = inline(String(heading.trimmingCharacters(in: ["#", " "])))
        let level = stripped.prefix { $0 == "#" }.count
        if title == nil && !sawContent {
          title = cleanHeading
          titleLevel = level
        } else {
          sections.append(.init(level: level, text: cleanHeading, start: prepared.count))
          prepared.append(contentsOf: ["", cleanHeading, ""])
        }
        continue
      }
      // A setext heading: the first line of text underlined with "===" or "---".
      if title == nil, contentLines == 1, prepared.last.map({ !$0.trimmed.isEmpty }) == true,
        SetextHeading.isUnderline(stripped)
      {
        title = prepared.removeLast().trimmed
        continue
      }
      if !stripped.isEmpty, stripped.allSatisfy({ "-*_= ".contains($0) }), stripped.count >= 3 {
        prepared.append("")  // A rule or a setext underline.
        continue
      }
      // A label above the first heading ("**INTERNAL NOTICE**", "MEMO") is a kicker: the
      // heading under it is still the title.
      if title == nil, !sawContent, isKicker(stripped) {
        prepared.append(contentsOf: [inline(line), ""])
        continue
      }
      if !stripped.isEmpty { (sawContent, contentLines) = (true, contentLines + 1) }
      prepared.append(inline(line))
    }
    // A project's README with the memo as one of its sections: that section and its heading.
    if let section = ReadmeSections.memoSection(
      sections, titleLevel: title == nil ? 0 : titleLevel, lines: prepared)
    {
      title = sections[section.heading].text
      prepared = Array(prepared[section.lines])
    }
    let paragraphs = TextUnwrapper.paragraphs(fromLines: prepared, dropPageFurniture: false)
      .map(stripListMarker).filter { !$0.isEmpty }
    var content = Content(
      paragraphs: paragraphs, title: fields["title"] ?? title, frontMatter: fields)
    content.titleSource = fields["title"] != nil ? "front-matter" : title != nil ? "headline" : nil
    content.takeBylineAndDate()
    content.takeClosingDate()
    return content
  }

  /// Removes inline Markdown: images, links (keeping their text), emphasis, code ticks, tags.
  static func inline(_ line: String) -> String {
    var output = ""
    var characters = Array(line)
    var index = 0
    // Images ![alt](url) go; links [text](url) keep text.
    while index < characters.count {
      let character = characters[index]
      if character == "!" && index + 1 < characters.count && characters[index + 1] == "[",
        let (_, end) = linkParts(characters, from: index + 1)
      {
        index = end
        continue
      }
      if character == "[", let (text, end) = linkParts(characters, from: index) {
        output += text
        index = end
        continue
      }
      if character == "<", let close = characters[index...].firstIndex(of: ">"),
        close - index < 60,
        characters[index + 1..<close].first.map({ $0.isLetter || $0 == "/" }) == true
      {
        index = close + 1
        continue
      }
      output.append(character)
      index += 1
    }
    characters = Array(output)
    output = ""
    for (position, character) in characters.enumerated() {
      if character == "*" || character == "`" { continue }
      if character == "_" {
        // Underscores inside words (snake_case) stay; emphasis markers at word edges go.
        let before = position > 0 ? characters[position - 1] : " "
        let after = position + 1 < characters.count ? characters[position + 1] : " "
        if before.isLetter && after.isLetter { output.append(character) }
        continue
      }
      output.append(character)
    }
    return output
  }

  /// `[text](url)` starting at `start`: the text and the index after `)`.
  private static func linkParts(_ characters: [Character], from start: Int) -> (String, Int)? {
    guard let close = characters[start...].firstIndex(of: "]"), close + 1 < characters.count,
      characters[close + 1] == "(", let end = characters[(close + 1)...].firstIndex(of: ")")
    else { return nil }
    return (String(characters[(start + 1)..<close]), end + 1)
  }
}

extension PlainTextReader.Content {
  /// Takes a `By …`/`Posted by …` line or a date alone (as `TopMatter` reads them in text)
  /// from the first `TopMatter.searchedLines` paragraphs: a Markdown post's italic
  /// "*Posted by Dana Lee, COO — 21 Jan 2026*" line, its emphasis already stripped.
  mutating func takeBylineAndDate() {
    var index = 0
    var examined = 0
    while index < paragraphs.count, examined < TopMatter.searchedLines {
      examined += 1
      let paragraph = paragraphs[index]
      if let (author, date) = TopMatter.byline(paragraph) {
        byline = byline ?? author
        if self.date == nil, let date { (self.date, dateSource) = (date, "byline") }
        paragraphs.remove(at: index)
        continue
      }
      if let date = TopMatter.dateAlone(paragraph) {
        if self.date == nil { (self.date, dateSource) = (date, "dateline") }
        paragraphs.remove(at: index)
        continue
      }
      index += 1
    }
  }

  /// Takes a date closing the signature block off the paragraphs (`SignatureBlock`); the
  /// memo's date when none was found above it.
  mutating func takeClosingDate() {
    guard let found = SignatureBlock.takeClosingDate(from: &paragraphs) else { return }
    if date == nil { (date, dateSource) = (found, "signature") }
  }
}
