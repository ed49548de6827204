import Foundation

/// One paragraph of extracted text, with where it sat in the page.
struct Paragraph: Sendable, Equatable {
  var text: String
  /// The `<blockquote>` around it, or -1.
  var blockquote: Int32 = -1
}

/// Turns text blocks into paragraphs: `<br><br>` splits, hard-wrapped `<pre>` lines are joined,
/// page numbers and exhibit headers are dropped.
enum ParagraphBuilder {
  static func paragraphs(from blocks: [TextBlock]) -> [Paragraph] {
    var result: [Paragraph] = []
    for block in blocks {
      let pieces =
        block.preformatted ? unwrapPreformatted(block.text) : splitLineBreaks(block.text)
      for piece in pieces where !piece.isEmpty {
        result.append(Paragraph(text: piece, blockquote: block.blockquote))
      }
    }
    return removeRepeats(result)
  }

  /// Splits on blank lines (`<br><br>`); keeps header-like lines apart; joins other lines.
  static func splitLineBreaks(_ text: String) -> [String] {
    guard text.containsByte(0x0A) else { return [text] }
    var result: [String] = []
    for chunk in text.splitting(on: "\n\n") {
      // "Posted by … on 6/8/2023 | Category: …" under an intranet headline is not the memo.
      let lines = chunk.split(separator: "\n").map { String($0).trimmed }.filter {
        !$0.isEmpty && !($0.hasPrefix("Posted by ") && $0.count < 200)
      }
      guard !lines.isEmpty else { continue }
      if lines.count > 1 && lines.contains(where: { MemoHeaders.headerField($0) != nil }) {
        result.append(contentsOf: lines)
      } else if lines.count > 1 && lines.allSatisfy({ isListLine($0) }) {
        result.append(contentsOf: lines)
      } else if (2...3).contains(lines.count), lines.allSatisfy({ $0.count <= 60 }),
        MemoHeaders.looksLikeName(lines[0])
      {
        // "Konstantin Ruiz-Mallory<br>Group Chief Executive": a signature block.
        result.append(contentsOf: lines)
      } else if lines.count > 1, lines[0].count <= 60,
        lines[0].last.map({ !".,;:!?".contains($0) }) == true, lines[0].hasPrefix("About ")
      {
        // "About Acme<br>Acme builds…": the heading stands apart from its text.
        result.append(lines[0])
        result.append(joinLines(lines.dropFirst()))
      } else if lines.count > 1
        && (MemoInStory.isClosingWord(lines[0].lowercased())
          || LanguageSignatures.isClosingLine(lines[0]))
      {
        // "Warm regards,<br>Jordan Blake<br>Chief Marketing Officer": a sign-off block.
        result.append(contentsOf: lines)
      } else {
        result.append(joinLines(lines))
      }
    }
    return result
  }

  /// Lines of one paragraph joined with a space, except where Chinese or Japanese text runs
  /// on across the break ("…公司今天<br>宣布…"): those scripts put no space between words.
  static func joinLines<Lines: Collection>(_ lines: Lines) -> String
  where Lines.Element == String {
    var joined = ""
    for line in lines {
      if let last = joined.unicodeScalars.last, let first = line.unicodeScalars.first,
        !(isUnspaced(last) && isUnspaced(first))
      {
        joined += " "
      }
      joined += line
    }
    return joined
  }

  /// Han, kana, CJK punctuation and full-width forms: text written without spaces.
  static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (0x3000...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFF00...0xFFEF).contains(value) || (0x20000...0x2FFFF).contains(value)
  }

  static func isListLine(_ line: String) -> Bool {
    guard let first = line.unicodeScalars.first else { return false }
    return first == "•" || first == "·" || first == "–" || first == "-" || first == "*"
  }

  /// Unwraps hard-wrapped lines of a `<pre>` block into paragraphs.
  static func unwrapPreformatted(_ text: String) -> [String] {
    TextUnwrapper.paragraphs(fromLines: text.components(separatedBy: "\n"), dropPageFurniture: true)
  }

  /// Drops a paragraph identical to the one before it (pages that repeat a lead or a heading).
  static func removeRepeats(_ paragraphs: [Paragraph]) -> [Paragraph] {
    var result: [Paragraph] = []
    for paragraph in paragraphs {
      if let last = result.last, last.text == paragraph.text { continue }
      result.append(paragraph)
    }
    return result
  }
}

/// The boilerplate that closes press releases: "About Acme", forward-looking statements,
/// media contacts and the "SOURCE Acme" line.
enum ReleaseTrailer {
  /// What is trimmed from a short paragraph before it is compared with the keywords (built
  /// once: a union per paragraph was a hot spot in profiles of `extract`).
  private static let keywordTrim = CharacterSet.punctuationCharacters.union(.whitespaces)

  /// Where the trailer starts (an index into `paragraphs`), and the company it names.
  static func find(_ paragraphs: [String]) -> (start: Int, company: String?)? {
    var start: Int?
    var company: String?
    var sawSourceLine = false
    for (index, paragraph) in paragraphs.enumerated() where index >= paragraphs.count / 3 {
      // Only short paragraphs are compared in lower case; long ones are never lower-cased.
      // Only lengths under 160 are compared: a paragraph of 640 UTF-8 bytes or more has at
      // least 160 characters, so its characters are not counted.
      let length = paragraph.utf8.count >= 640 ? 640 : paragraph.count
      let lower = length < 160 ? paragraph.lowercased() : ""
      if paragraph.hasPrefix("SOURCE "), length < 100 {
        company = String(paragraph.dropFirst(7)).trimmed
        sawSourceLine = true
        start = start ?? index
      } else if paragraph.hasPrefix("About "), length < 80,
        !paragraph.hasSuffix("."), paragraph.split(separator: " ").count <= 7
      {
        company = company ?? String(paragraph.dropFirst(6)).trimmed
        start = start ?? index
      } else if length < 80,
        [
          "forward-looking statements", "cautionary note regarding forward-looking statements",
          "safe harbor statement", "media contact", "media contacts", "press contact",
          "investor contact", "contacts", "###",
        ].contains(
          lower.trimmingCharacters(in: keywordTrim))
      {
        start = start ?? index
      } else if length < 160,
        lower.hasPrefix("press office:") || lower.hasPrefix("media contact:")
          || lower.hasPrefix("media inquiries:") || lower.hasPrefix("contact:")
      {
        start = start ?? index
      }
    }
    // Contacts, disclaimers and "About" sections also close ordinary company posts (where
    // readers count them as the article); the wire service's "SOURCE" line marks a release.
    guard let start, company != nil, sawSourceLine else { return nil }
    return (start, company)
  }
}

/// Joins hard-wrapped lines into paragraphs (text files, `<pre>` exhibits, plain-text email).
enum TextUnwrapper {
  /// - Parameters:
  ///   - lines: The lines of the text, without newline characters.
  ///   - dropPageFurniture: Drop page numbers, "Exhibit 99.1" headers and form feeds.
  static func paragraphs(fromLines lines: [String], dropPageFurniture: Bool) -> [String] {
    var result: [String] = []
    var current: [String] = []
    // A page break (page number, form feed) seen since the last paragraph ended.
    var afterPageBreak = false
    func finish() {
      if !current.isEmpty { result.append(current.joined(separator: " ")) }
      current = []
    }
    for rawLine in lines {
      let line = rawLine.collapsingWhitespace
      if line.isEmpty {
        finish()
        continue
      }
      if dropPageFurniture && isPageFurniture(line) {
        afterPageBreak = true
        continue
      }
      if afterPageBreak {
        afterPageBreak = false
        // A sentence cut by a page break carries on in lower case on the next page.
        if current.isEmpty, let last = result.last, let first = line.first, first.isLowercase,
          last.last.map({ !".!?:;\"”)".contains($0) }) == true
        {
          current = [result.removeLast()]
        }
      }
      // Header lines, list items and separators stand on their own.
      if MemoHeaders.headerField(line) != nil || ParagraphBuilder.isListLine(line)
        || isNumberedItem(line)
      {
        finish()
        current.append(line)
        if MemoHeaders.headerField(line) != nil { finish() }
        continue
      }
      if let last = current.last, last.hasSuffix("-"), !last.hasSuffix(" -"),
        let firstLetter = line.first, firstLetter.isLowercase
      {
        // A word hyphenated across lines: join without a space.
        current[current.count - 1] = String(last.dropLast()) + line
        continue
      }
      current.append(line)
    }
    finish()
    return result
  }

  static func isNumberedItem(_ line: String) -> Bool {
    var digits = 0
    for character in line {
      if character.isNumber && digits < 3 {
        digits += 1
        continue
      }
      return digits > 0 && (character == "." || character == ")")
        && line.dropFirst(digits + 1).first == " "
    }
    return false
  }

  /// Page numbers ("3", "- 3 -", "Page 3 of 9"), exhibit headers ("Exhibit 99.1", "EX-99.1").
  static func isPageFurniture(_ line: String) -> Bool {
    let lower = line.lowercased()
    let stripped = lower.filter { $0 != "-" && $0 != " " && $0 != "–" }
    if !stripped.isEmpty && stripped.count <= 4 && stripped.allSatisfy(\.isNumber) { return true }
    if lower.hasPrefix("page ") {
      let rest = lower.dropFirst(5).filter { $0 != " " }
      if rest.allSatisfy({ $0.isNumber || "of".contains($0) }) { return true }
    }
    if lower.hasPrefix("exhibit ") || lower.hasPrefix("ex-") {
      let rest = lower.drop { $0 != " " && $0 != "-" }.dropFirst()
      if rest.count <= 8, rest.allSatisfy({ $0.isNumber || $0 == "." || $0.isLetter }),
        rest.contains(where: \.isNumber)
      {
        return true
      }
    }
    if line.allSatisfy({ $0 == "\u{0C}" }) { return true }
    return false
  }
}

extension StringProtocol {
  /// The string without leading and trailing white space.
  var trimmed: String {
    let string = String(self)
    // Text that starts and ends with an ASCII byte other than white space is its own trim.
    if let first = string.utf8.first, let last = string.utf8.last, first > 0x20, first < 0x80,
      last > 0x20, last < 0x80
    {
      return string
    }
    let scalars = string.unicodeScalars
    // ASCII white space is U+0009 to U+000D and the space; only other scalars look it up.
    func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII
        ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        : scalar.properties.isWhitespace
    }
    guard let start = scalars.firstIndex(where: { !isWhitespace($0) }) else {
      return ""
    }
    let end = scalars.lastIndex(where: { !isWhitespace($0) })!
    return String(scalars[start...end])
  }
}

extension String {
  /// True when no byte could be white space to collapse: single ASCII spaces between other
  /// characters, no control bytes, and no lead byte of a Unicode space.
  static func isCollapsedASCIISpacing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previousSpace = true
    var index = 0
    let count = bytes.count
    if let base = bytes.baseAddress {
      // Eight bytes at a time while they are printable ASCII: no two spaces side by side,
      // within the word or across its edge. A control or non-ASCII byte leaves the rest of
      // the line to the byte loop below. (A tenth of reading a plain-text memo before.)
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
      while index + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        // Some byte below 0x20, or some byte with its high bit set.
        if (word &- ones &* 0x20) & ~word & highs != 0 || word & highs != 0 { break }
        // The high bit of each byte equal to 0x20.
        let difference = word ^ (ones &* 0x20)
        let spaces = ~(((difference & lows) &+ lows) | difference | lows)
        if spaces & (spaces << 8) != 0 { return false }
        if previousSpace && spaces & 0x80 != 0 { return false }
        previousSpace = spaces >> 63 != 0
        index += 8
      }
    }
    while index < count {
      let byte = bytes[index]
      index += 1
      if byte == 0x20 {
        if previousSpace { return false }
        previousSpace = true
        continue
      }
      if byte < 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
        return false
      }
      previousSpace = false
    }
    return !previousSpace || bytes.isEmpty
  }

  /// Runs of white space collapsed to one space, trimmed.
  ///
  /// Works on the UTF-8 bytes: an ASCII byte is white space to collapse when it is a space or
  /// a control (`isWhitespace` or below U+0020); only non-ASCII scalars look up their
  /// Unicode properties (white space, and U+200B).
  var collapsingWhitespace: String {
    var text = self
    return text.withUTF8 { bytes in
      if Self.isCollapsedASCIISpacing(bytes) { return self }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count)
      Self.appendCollapsingWhitespace(bytes, to: &output)
      return String(decoding: output, as: UTF8.self)
    }
  }

  /// Appends well-formed UTF-8 `bytes` to `output` as `collapsingWhitespace` would make them
  /// (plain-text reading collapses every line of a file into one buffer this way).
  static func appendCollapsingWhitespace(
    _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]
  ) {
    if isCollapsedASCIISpacing(bytes) {
      output.append(contentsOf: bytes)
      return
    }
    // Written in place: the text never grows (a run of white space, even a multi-byte one,
    // becomes one space), so room for every byte is made once and the rest cut off after.
    // An `append` per byte checked the array's uniqueness and capacity each time.
    let base = output.count
    let count = bytes.count
    output.append(contentsOf: repeatElement(0, count: count))
    let written = output.withUnsafeMutableBufferPointer { out -> Int in
      var end = base
      var pendingSpace = false
      var index = 0
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          index += 1
          if byte <= 0x20 {
            pendingSpace = end > base
            continue
          }
          if pendingSpace {
            out[end] = 0x20
            end += 1
            pendingSpace = false
          }
          out[end] = byte
          end += 1
          continue
        }
        // Valid UTF-8 (a String's): decode the scalar to look up its properties.
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        if value == 0x200B || Unicode.Scalar(value)?.properties.isWhitespace == true {
          pendingSpace = end > base
          index += length
          continue
        }
        if pendingSpace {
          out[end] = 0x20
          end += 1
          pendingSpace = false
        }
        for offset in 0..<length { out[end + offset] = bytes[index + offset] }
        end += length
        index += length
      }
      return end
    }
    output.removeLast(output.count - written)
  }
}
