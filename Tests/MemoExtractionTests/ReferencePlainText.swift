@testable import MemoExtraction

/// Plain-text reading as it was before lines became byte ranges of one buffer: a `String` per
/// line, collapsed and classified as `String`s. Kept as the reference the byte-range reader is
/// compared with (`PlainTextLinesTests`).
enum ReferencePlainText {
  static func readText(utf8: [UInt8], topMatter: Bool = true) -> PlainTextReader.Content {
    let (fields, rest) = PlainTextReader.frontMatter(PlainTextReader.lines(utf8))
    var lines = Array(rest)
    var content = PlainTextReader.Content(paragraphs: [], frontMatter: fields)
    if topMatter { ReferenceTopMatter.take(from: &lines, into: &content) }
    content.paragraphs = ReferenceUnwrapper.paragraphs(fromLines: lines, dropPageFurniture: true)
      .map(ReferencePlainText.stripListMarker).filter { !$0.isEmpty }
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
}

extension ReferencePlainText {
  /// `PlainTextReader.stripListMarker` before its ASCII shortcut.
  static func stripListMarker(_ paragraph: String) -> String {
    guard let byte = paragraph.utf8.first,
      byte == 0x2D || byte == 0x2A || byte == 0x2B || byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
    else { return paragraph }
    var text = Substring(paragraph)
    if let first = text.first, "-*+•·–◦▪‣●".contains(first), text.dropFirst().first == " " {
      text = text.dropFirst(2)
    } else if TextUnwrapper.isNumberedItem(paragraph) {
      text = text.drop { $0.isNumber }.dropFirst(2)
    }
    return String(text).trimmed
  }

  /// `Substring.firstByteRange(of:)` as it was, over the `utf8` view.
  static func firstByteRange(of needle: String, in text: Substring) -> Range<String.Index>? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return nil }
    let bytes = text.utf8
    var index = bytes.startIndex
    while index < bytes.endIndex {
      if bytes[index] == first {
        var cursor = index
        var matched = 0
        while matched < pattern.count, cursor < bytes.endIndex, bytes[cursor] == pattern[matched] {
          cursor = bytes.index(after: cursor)
          matched += 1
        }
        if matched == pattern.count { return index..<cursor }
      }
      index = bytes.index(after: index)
    }
    return nil
  }
}

enum ReferenceUnwrapper {
  static let maxWrapWidth = LineUnwrapper.maxWrapWidth
  static let minWrapWidth = LineUnwrapper.minWrapWidth
  static let minWrappedLines = LineUnwrapper.minWrappedLines
  static func endsSentence(_ text: String) -> Bool { LineUnwrapper.endsSentence(text) }
  static func startsLowercase(_ text: String) -> Bool { LineUnwrapper.startsLowercase(text) }
  static func mayBeFurniture(_ text: String) -> Bool { LineUnwrapper.mayBeFurniture(text) }
  static func isListItem(_ text: String) -> Bool { LineUnwrapper.isListItem(text) }

  private struct Line {
    var text: String
    var length: Int
    var indent: Int
    var firstWord: Int
    var kind: Kind
    enum Kind { case blank, furniture, header, listItem, text }
  }

  static func paragraphs(fromLines raw: [String], dropPageFurniture: Bool) -> [String] {
    let lines = raw.map { classify($0, dropPageFurniture: dropPageFurniture) }
    let width = wrapWidth(lines)
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
    func start(_ text: String) {
      current.removeAll(keepingCapacity: true)
      current.append(contentsOf: text.utf8)
    }
    func join(_ text: String) {
      current.append(0x20)
      current.append(contentsOf: text.utf8)
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
        result.append(line.text)
        continue
      case .listItem:
        finish()
        start(line.text)
        currentIsItem = true
        previous = line
        continue
      case .text: break
      }
      defer { pageBreak = false }
      guard let last = previous else {
        if pageBreak, let before = result.last, !endsSentence(before), startsLowercase(line.text) {
          // A paragraph cut by a page number or a form feed.
          start(result.removeLast())
          join(line.text)
        } else {
          start(line.text)
        }
        previous = line
        continue
      }
      if last.text.hasSuffix("-"), !last.text.hasSuffix(" -"), startsLowercase(line.text) {
        // The last `Character` is "-", a byte of its own.
        current.removeLast()
        current.append(contentsOf: line.text.utf8)
      } else if currentIsItem, line.indent > last.indent || line.indent >= 2 {
        join(line.text)
      } else if !endsSentence(last.text), startsLowercase(line.text) {
        // A sentence running on, whatever the line lengths.
        join(line.text)
      } else if let width, last.length + 1 + line.firstWord > width {
        join(line.text)
      } else {
        finish()
        start(line.text)
      }
      previous = line
    }
    finish()
    return result
  }

  /// The wrap column of a hard-wrapped text, or nil when lines are paragraphs of their own.
  private static func wrapWidth(_ lines: [Line]) -> Int? {
    var lengths: [Int] = []
    var runsOn = false
    for index in lines.indices.dropLast()
    where lines[index].kind == .text && lines[index + 1].kind == .text {
      lengths.append(lines[index].length)
      // A sentence carried over to a line starting in lower case shows the text is wrapped.
      if !runsOn, lines[index].length >= minWrapWidth, !endsSentence(lines[index].text),
        startsLowercase(lines[index + 1].text)
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

  private static func classify(_ raw: String, dropPageFurniture: Bool) -> Line {
    var indent = 0
    for byte in raw.utf8 {
      if byte == 0x20 {
        indent += 1
      } else if byte == 0x09 {
        indent += 4
      } else {
        break
      }
    }
    let text = raw.collapsingWhitespace
    var line = Line(text: text, length: 0, indent: indent, firstWord: 0, kind: .text)
    if text.isEmpty {
      line.kind = .blank
      return line
    }
    // Characters counted as UTF-8 lead bytes, over the contiguous bytes.
    var bytes = text
    let (length, firstWord) = bytes.withUTF8 { buffer in
      var length = 0
      var firstWord = -1
      for byte in buffer where byte & 0xC0 != 0x80 {
        if byte == 0x20, firstWord < 0 { firstWord = length }
        length += 1
      }
      return (length, firstWord)
    }
    line.length = length
    line.firstWord = firstWord < 0 ? length : firstWord
    if dropPageFurniture && mayBeFurniture(text) && TextUnwrapper.isPageFurniture(text) {
      line.kind = .furniture
    } else if MemoHeaders.headerField(text) != nil {
      line.kind = .header
    } else if isListItem(text) {
      line.kind = .listItem
    }
    return line
  }
}

enum ReferenceTopMatter {
  static let searchedLines = TopMatter.searchedLines
  static func isMemoWord(_ text: String) -> Bool { TopMatter.isMemoWord(text) }
  static func isTitle(_ text: String) -> Bool { TopMatter.isTitle(text) }
  static func byline(_ text: String) -> (author: String, date: String?)? { TopMatter.byline(text) }
  static func letterhead(_ text: String, lines: [String], after index: Int) -> String? {
    TopMatter.letterhead(text, nextLines: lines[(index + 1)...].map(\.collapsingWhitespace))
  }

  /// Takes the title, byline, dateline and letterhead off the top of `lines` into `content`.
  static func take(from lines: inout [String], into content: inout PlainTextReader.Content) {
    var examined = 0
    var index = 0
    var sawBody = false
    while index < lines.count, examined < searchedLines {
      let text = lines[index].collapsingWhitespace
      if text.isEmpty {
        index += 1
        continue
      }
      examined += 1
      let standsAlone = isBlank(lines, index + 1)
      if !sawBody, TextUnwrapper.isPageFurniture(text) {
        lines.remove(at: index)
        examined -= 1
        continue
      }
      if isMemoWord(text) {
        lines.remove(at: index)
        continue
      }
      if !sawBody, examined <= 3, TopMatter.isWireRouting(text) {
        lines.remove(at: index)
        examined -= 1
        continue
      }
      if examined == 1, let company = letterhead(text, lines: lines, after: index) {
        content.letterhead = company
        lines.remove(at: index)
        continue
      }
      if let (author, date) = byline(text) {
        content.byline = content.byline ?? author
        if content.date == nil, let date { (content.date, content.dateSource) = (date, "byline") }
        lines.remove(at: index)
        continue
      }
      // A header line ("Date: …") is no dateline: checked first, it spares parsing its date.
      if text.utf8.count <= 40, MemoHeaders.headerField(text) == nil, standsAlone || !sawBody,
        let date = DateNormalizer.normalize(text)
      {
        if content.date == nil { (content.date, content.dateSource) = (date, "dateline") }
        lines.remove(at: index)
        continue
      }
      if examined == 1, !sawBody, content.title == nil, isTitle(text),
        standsAlone
          || nextIsTopMatter(lines, after: index)
      {
        (content.title, content.titleSource) = (text, "first-line")
        lines.remove(at: index)
        continue
      }
      if examined == 1, !sawBody, content.title == nil, index + 1 < lines.count,
        !isBlank(lines, index + 1), isBlank(lines, index + 2),
        let title = TopMatter.wrappedTitle(text, lines[index + 1].collapsingWhitespace)
      {
        (content.title, content.titleSource) = (title, "first-line")
        lines.removeSubrange(index...(index + 1))
        continue
      }
      sawBody = true
      index += 1
    }
  }

  private static func isBlank(_ lines: [String], _ index: Int) -> Bool {
    index >= lines.count || lines[index].utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// The next non-blank line is a byline, a date or a wire's editors' note.
  private static func nextIsTopMatter(_ lines: [String], after index: Int) -> Bool {
    guard index + 1 < lines.count else { return false }
    let next = lines[index + 1].collapsingWhitespace
    return byline(next) != nil
      || (next.utf8.count <= 40 && DateNormalizer.normalize(next) != nil)
      || TopMatter.isWireRouting(next)
  }

}
