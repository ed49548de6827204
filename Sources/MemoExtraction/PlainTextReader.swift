import Foundation

/// Plain text and Markdown → paragraphs: split on blank lines, hard wraps joined, markup removed.
enum PlainTextReader {
  struct Content {
    var paragraphs: [String]
    var title: String?
    /// `key: value` pairs from YAML front matter (lower-cased keys, quotes removed).
    var frontMatter: [String: String] = [:]
  }

  /// Splits off YAML front matter (`---` lines around `key: value` pairs) at the very start.
  static func frontMatter(_ lines: [String]) -> (fields: [String: String], rest: ArraySlice<String>)
  {
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

  /// The lines of `text`, split at `\r\n`, `\r` and `\n` in one pass over the UTF-8 bytes (the
  /// same lines as replacing `\r\n` and `\r` with `\n` and splitting at `\n`, without the
  /// Foundation string searches that dominated reading a folder of text files).
  static func lines(of text: String) -> [String] {
    let utf8 = text.utf8
    var lines: [String] = []
    var start = utf8.startIndex
    var index = start
    while index < utf8.endIndex {
      let byte = utf8[index]
      guard byte == 0x0A || byte == 0x0D else {
        utf8.formIndex(after: &index)
        continue
      }
      lines.append(String(decoding: utf8[start..<index], as: UTF8.self))
      var next = utf8.index(after: index)
      if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { utf8.formIndex(after: &next) }
      start = next
      index = next
    }
    lines.append(String(decoding: utf8[start..<utf8.endIndex], as: UTF8.self))
    return lines
  }

  static func readText(_ text: String) -> Content {
    let lines = Self.lines(of: text)
    let paragraphs = TextUnwrapper.paragraphs(fromLines: lines, dropPageFurniture: true)
    return Content(paragraphs: paragraphs.map(stripListMarker), title: nil)
  }

  /// "- item", "* item", "• item", "1. item" → "item".
  static func stripListMarker(_ paragraph: String) -> String {
    var text = Substring(paragraph)
    if let first = text.first, "-*+•·–".contains(first), text.dropFirst().first == " " {
      text = text.dropFirst(2)
    } else if TextUnwrapper.isNumberedItem(paragraph) {
      text = text.drop { $0.isNumber }.dropFirst(2)
    }
    return String(text).trimmed
  }

  static func readMarkdown(_ text: String) -> Content {
    let allLines = Self.lines(of: text)
    let (fields, lines) = frontMatter(allLines)
    var prepared: [String] = []
    var title: String?
    var inFence = false
    var sawContent = false
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
        if title == nil && !sawContent {
          title = cleanHeading
        } else {
          prepared.append(contentsOf: ["", cleanHeading, ""])
        }
        continue
      }
      if !stripped.isEmpty, stripped.allSatisfy({ "-*_= ".contains($0) }), stripped.count >= 3 {
        prepared.append("")  // A rule or a setext underline.
        continue
      }
      if !stripped.isEmpty { sawContent = true }
      prepared.append(inline(line))
    }
    let paragraphs = TextUnwrapper.paragraphs(fromLines: prepared, dropPageFurniture: false)
      .map(stripListMarker).filter { !$0.isEmpty }
    return Content(paragraphs: paragraphs, title: fields["title"] ?? title, frontMatter: fields)
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
