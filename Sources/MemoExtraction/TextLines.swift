/// The lines of a plain-text document as byte ranges of one buffer: each line with its white
/// space collapsed (as `collapsingWhitespace` makes it), one after another, so reading a file
/// makes no `String` per line; only the lines that need a `String`-level test get one.
///
/// Lines end at `\n`, `\r\n` or `\r`; text after the last line break is a line too. The input
/// is checked for well-formed UTF-8 once (ill-formed bytes become U+FFFD, as decoding each line
/// on its own would make them: a line break always ends an ill-formed sequence).
struct TextLines {
  /// One line: where its collapsed text sits in `collapsed`, and what its raw bytes showed.
  struct Line {
    /// The collapsed text: `collapsed[start..<end]`.
    var start: Int
    var end: Int
    /// The raw line: `raw[rawStart..<rawEnd]`.
    var rawStart: Int
    var rawEnd: Int
    /// Leading spaces (1 each) and tabs (4 each) of the raw line.
    var indent: Int
    /// The raw line holds only spaces and tabs (or nothing).
    var rawIsBlank: Bool

    var isEmpty: Bool { start == end }
  }

  /// The document's bytes, well-formed UTF-8.
  let raw: [UInt8]
  /// Every line's collapsed text, one after another.
  let collapsed: [UInt8]
  /// The lines, in order.
  let lines: [Line]

  init(utf8 input: [UInt8]) {
    raw = Self.wellFormed(input)
    var collapsed: [UInt8] = []
    collapsed.reserveCapacity(raw.count)
    var lines: [Line] = []
    lines.reserveCapacity(raw.count / 32 + 4)
    raw.withUnsafeBufferPointer { Self.split($0, collapsed: &collapsed, lines: &lines) }
    self.collapsed = collapsed
    self.lines = lines
  }

  /// Finds the lines of `buffer`, appending each one's collapsed text and its `Line`.
  private static func split(
    _ buffer: UnsafeBufferPointer<UInt8>, collapsed: inout [UInt8], lines: inout [Line]
  ) {
    let count = buffer.count
    var start = 0
    var index = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while index < count {
      // Eight bytes at a time while none is a line feed or carriage return (a zero byte
      // in `word ^ LF…` or `word ^ CR…`).
      if let base = buffer.baseAddress {
        while index + 8 <= count {
          let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
          let lineFeeds = word ^ (ones &* 0x0A)
          let returns = word ^ (ones &* 0x0D)
          if ((lineFeeds &- ones) & ~lineFeeds | (returns &- ones) & ~returns) & highs != 0 {
            break
          }
          index += 8
        }
        if index >= count { break }
      }
      let byte = buffer[index]
      if byte == 0x0A || byte == 0x0D {
        add(buffer, start, index, collapsed: &collapsed, lines: &lines)
        if byte == 0x0D, index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    if start < count { add(buffer, start, count, collapsed: &collapsed, lines: &lines) }
  }

  /// Appends the line `buffer[start..<end]`.
  private static func add(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, collapsed: inout [UInt8],
    lines: inout [Line]
  ) {
    var indent = 0
    var blank = true
    var index = start
    while index < end {
      let byte = buffer[index]
      if byte == 0x20 {
        indent += 1
      } else if byte == 0x09 {
        indent += 4
      } else {
        blank = false
        break
      }
      index += 1
    }
    let from = collapsed.count
    String.appendCollapsingWhitespace(
      UnsafeBufferPointer(rebasing: buffer[start..<end]), to: &collapsed)
    lines.append(
      Line(
        start: from, end: collapsed.count, rawStart: start, rawEnd: end, indent: indent,
        rawIsBlank: blank))
  }

  /// `input` when it is well-formed UTF-8, else its bytes with U+FFFD for ill-formed ones.
  static func wellFormed(_ input: [UInt8]) -> [UInt8] {
    let ascii = input.withUnsafeBufferPointer { buffer in
      // Eight bytes at a time: a set high bit means non-ASCII.
      var index = 0
      let count = buffer.count
      if let base = buffer.baseAddress {
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
          if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
            != 0
          {
            return false
          }
          index += 8
        }
      }
      while index < count {
        if buffer[index] >= 0x80 { return false }
        index += 1
      }
      return true
    }
    if ascii { return input }
    if String(validating: input, as: UTF8.self) != nil { return input }
    return Array(String(decoding: input, as: UTF8.self).utf8)
  }

  /// A line's collapsed text as a `String`.
  func string(_ line: Line) -> String {
    collapsed.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]), as: UTF8.self)
    }
  }

  /// A line's raw text as a `String`.
  func rawString(_ line: Line) -> String {
    raw.withUnsafeBufferPointer { buffer in
      String(
        decoding: UnsafeBufferPointer(rebasing: buffer[line.rawStart..<line.rawEnd]),
        as: UTF8.self)
    }
  }

  /// Whether the raw line holds "---".
  private func hasThreeDashes(_ line: Line) -> Bool {
    var run = 0
    for index in line.rawStart..<line.rawEnd {
      run = raw[index] == 0x2D ? run + 1 : 0
      if run == 3 { return true }
    }
    return false
  }

  /// YAML front matter at the very start (see `PlainTextReader.frontMatter`): its fields, and
  /// the index of the first line after it (0 without front matter).
  func frontMatter() -> (fields: [String: String], rest: Int) {
    // `trimmed == "---"` needs the bytes "---" in the first line.
    guard let first = lines.first else { return ([:], 0) }
    // A Pandoc title block: the first byte is `%`.
    if first.rawEnd > first.rawStart, raw[first.rawStart] == UInt8(ascii: "%"),
      let block = PandocTitleBlock.read(lines.prefix(12).map(rawString))
    {
      return (block.fields, block.count)
    }
    guard hasThreeDashes(first) else { return ([:], 0) }
    // The closing line must be among the next 60.
    let head = lines.prefix(61).map(rawString)
    let (fields, rest) = PlainTextReader.frontMatter(head)
    return (fields, rest.startIndex)
  }
}
