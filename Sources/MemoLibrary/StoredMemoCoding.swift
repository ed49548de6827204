import MemoCore

/// The bytes a library keeps for a memo (before deflate), schema version 3: every field of
/// `Memo` in a fixed order, each string as a LEB128 length and its UTF-8, an optional one as
/// length + 1 (0 for none); the paragraph count, then each paragraph block's byte length, then
/// the blocks (the paragraph's text, then its token spans), then the commentary. Smaller than
/// the JSON (no keys, no escaping) and decoded without a parser.
///
/// The block lengths come first so a search inflates a memo only up to the end of the
/// paragraph it quotes (`end(ofParagraph:in:available:)`), not the whole memo.
///
/// Token spans (Unicode scalar offsets of each token the scoring tokenizer found) let a search
/// quote a match from its token offset without tokenizing the paragraph again. Most paragraphs'
/// spans are exactly the word runs `WordRuns.spans(of:)` finds (checked when stored), and
/// cost one byte: 0. Otherwise the paragraph has the token count + 1, then per token one byte
/// `gap << 6 | length` (gap from the previous token's end, 0–3; length 1–63), or a 0 byte and
/// the gap and length as varints.
enum StoredMemoCoding {
  /// Encodes `memo` and its token spans (`spans[p]` for `memo.paragraphs[p]`).
  static func encode(_ memo: Memo, spans: [[Range<Int32>]]) -> [UInt8] {
    var blocks: [UInt8] = []
    blocks.reserveCapacity(memo.paragraphs.reduce(64) { $0 + $1.utf8.count + 4 })
    var lengths: [Int] = []
    lengths.reserveCapacity(memo.paragraphs.count)
    for (index, paragraph) in memo.paragraphs.enumerated() {
      let start = blocks.count
      Varint.append(paragraph.utf8.count, to: &blocks)
      blocks.append(contentsOf: paragraph.utf8)
      appendSpans(index < spans.count ? spans[index] : [], of: paragraph, to: &blocks)
      lengths.append(blocks.count - start)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(blocks.count + lengths.count * 2 + 256)
    func number(_ value: Int) { Varint.append(value, to: &bytes) }
    func string(_ text: String) {
      number(text.utf8.count)
      bytes.append(contentsOf: text.utf8)
    }
    func optional(_ text: String?) {
      guard let text else { return number(0) }
      number(text.utf8.count + 1)
      bytes.append(contentsOf: text.utf8)
    }
    string(memo.source)
    optional(memo.title)
    optional(memo.author)
    optional(memo.date)
    optional(memo.company)
    string(memo.encoding)
    bytes.append(memo.quoted ? 1 : 0)
    string(memo.format.rawValue)
    number(memo.paragraphs.count)
    lengths.forEach(number)
    bytes.append(contentsOf: blocks)
    number(memo.commentary.count)
    memo.commentary.forEach(string)
    return bytes
  }

  /// One paragraph's token spans: 0 when they are its word runs, else the count + 1 and each.
  private static func appendSpans(
    _ tokens: [Range<Int32>], of paragraph: String, to bytes: inout [UInt8]
  ) {
    if WordRuns.matches(tokens, paragraph) {
      bytes.append(0)
      return
    }
    Varint.append(tokens.count + 1, to: &bytes)
    var previous: Int32 = 0
    for span in tokens {
      let gap = Int(span.lowerBound - previous)
      let length = Int(span.upperBound - span.lowerBound)
      if gap >= 0 && gap <= 3 && length >= 1 && length <= 63 {
        bytes.append(UInt8(gap << 6 | length))
      } else {
        bytes.append(0)
        Varint.append(max(0, gap), to: &bytes)
        Varint.append(max(0, length), to: &bytes)
      }
      previous = span.upperBound
    }
  }

  /// Reads the fields before the paragraph blocks; the reader stops at the first block and
  /// `lengths` holds each block's byte length. Nil when the bytes end early or are damaged.
  private static func header(_ reader: inout VarintReader) -> (
    fields: (
      source: String, title: String?, author: String?, date: String?, company: String?,
      encoding: String, quoted: Bool, format: InputFormat
    ),
    lengths: [Int]
  )? {
    let bytes = reader.bytes
    func text(_ count: Int) -> String? {
      guard count >= 0, count <= reader.end - reader.index else { return nil }
      defer { reader.index += count }
      return String(decoding: bytes[reader.index..<(reader.index + count)], as: UTF8.self)
    }
    func string() -> String? { reader.next().flatMap(text) }
    func optional() -> String?? {
      guard let count = reader.next() else { return nil }
      if count == 0 { return .some(nil) }
      return text(count - 1).map { .some($0) }
    }
    guard let source = string(), let title = optional(), let author = optional(),
      let date = optional(), let company = optional(), let encoding = string(),
      reader.index < reader.end
    else { return nil }
    let quoted = bytes[reader.index] == 1
    reader.index += 1
    guard let formatName = string(), let format = InputFormat(rawValue: formatName),
      let count = reader.next(), count <= reader.end - reader.index
    else { return nil }
    var lengths: [Int] = []
    lengths.reserveCapacity(count)
    for _ in 0..<count {
      guard let length = reader.next() else { return nil }
      lengths.append(length)
    }
    return ((source, title, author, date, company, encoding, quoted, format), lengths)
  }

  /// The memo, or nil when the bytes are damaged (token spans are not read).
  static func decode(_ bytes: [UInt8]) -> Memo? {
    var reader = VarintReader(bytes: bytes)
    guard let (fields, lengths) = header(&reader) else { return nil }
    func string() -> String? {
      guard let count = reader.next(), count >= 0, count <= bytes.count - reader.index else {
        return nil
      }
      defer { reader.index += count }
      return String(decoding: bytes[reader.index..<(reader.index + count)], as: UTF8.self)
    }
    var paragraphs: [String] = []
    paragraphs.reserveCapacity(lengths.count)
    for length in lengths {
      let end = reader.index + length
      guard length <= bytes.count - reader.index, let text = string(), reader.index <= end else {
        return nil
      }
      paragraphs.append(text)
      reader.index = end
    }
    guard let count = reader.next(), count <= bytes.count - reader.index else { return nil }
    var commentary: [String] = []
    for _ in 0..<count {
      guard let text = string() else { return nil }
      commentary.append(text)
    }
    return Memo(
      source: fields.source, title: fields.title, author: fields.author, date: fields.date,
      company: fields.company, paragraphs: paragraphs, encoding: fields.encoding,
      quoted: fields.quoted, commentary: commentary, format: fields.format)
  }

  /// How many leading bytes of a coded memo hold paragraph `index` (the fields, the block
  /// lengths and the blocks up to its own), read from the first `available` bytes; nil when
  /// those do not yet hold the block lengths (or are damaged). `Int.max` when there is no such
  /// paragraph (the whole memo is needed to say so).
  static func end(ofParagraph index: Int, in bytes: [UInt8], available: Int) -> Int? {
    var reader = VarintReader(bytes: bytes, end: min(available, bytes.count))
    guard let (_, lengths) = header(&reader) else { return nil }
    guard index >= 0, index < lengths.count else { return Int.max }
    return offset(of: lengths[0...index], from: reader.index)
  }

  /// Where the blocks of these lengths end, when they start at `start` (capped: damaged
  /// lengths give an offset past the end, never an overflow).
  private static func offset(of lengths: ArraySlice<Int>, from start: Int) -> Int {
    lengths.reduce(start) { min($0, 1 << 48) + min($1, 1 << 48) }
  }

  /// One paragraph's text and token spans (scalar offsets), read without decoding the rest of
  /// the memo (the bytes may end after its block); nil when the bytes are damaged or the
  /// paragraph does not exist.
  static func paragraph(_ index: Int, in bytes: [UInt8]) -> (text: String, spans: [Range<Int>])? {
    var reader = VarintReader(bytes: bytes)
    guard let (_, lengths) = header(&reader), index >= 0, index < lengths.count else {
      return nil
    }
    let start = offset(of: lengths[0..<index], from: reader.index)
    guard start <= bytes.count, lengths[index] <= bytes.count - start else { return nil }
    reader = VarintReader(bytes: bytes, index: start, end: start + lengths[index])
    guard let count = reader.next(), count <= reader.end - reader.index else { return nil }
    let text = String(decoding: bytes[reader.index..<(reader.index + count)], as: UTF8.self)
    reader.index += count
    guard let header = reader.next() else { return nil }
    if header == 0 { return (text, WordRuns.spans(of: text)) }
    var spans: [Range<Int>] = []
    spans.reserveCapacity(min(header - 1, reader.end - reader.index))
    var previous = 0
    for _ in 0..<(header - 1) {
      guard reader.index < reader.end else { return nil }
      let byte = Int(bytes[reader.index])
      reader.index += 1
      var gap = byte >> 6
      var length = byte & 0x3F
      if byte == 0 {
        guard let a = reader.next(), let b = reader.next(), a < 1 << 32, b < 1 << 32 else {
          return nil
        }
        (gap, length) = (a, b)
      }
      spans.append((previous + gap)..<(previous + gap + length))
      previous += gap + length
    }
    return (text, spans)
  }

  /// The coding of schema versions 1 and 2 (read only, to migrate them): the fields, the
  /// paragraphs and commentary as strings, then (version 2) each paragraph's token spans.
  enum Version2 {
    /// The memo, or nil when the bytes are damaged (token spans, when present, are not read).
    static func decode(_ bytes: [UInt8]) -> Memo? {
      var reader = VarintReader(bytes: bytes)
      func text(_ count: Int) -> String? {
        guard count >= 0, reader.index + count <= bytes.count else { return nil }
        defer { reader.index += count }
        return String(decoding: bytes[reader.index..<(reader.index + count)], as: UTF8.self)
      }
      func string() -> String? { reader.next().flatMap(text) }
      func optional() -> String?? {
        guard let count = reader.next() else { return nil }
        if count == 0 { return .some(nil) }
        return text(count - 1).map { .some($0) }
      }
      func strings() -> [String]? {
        guard let count = reader.next(), count <= bytes.count else { return nil }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
          guard let value = string() else { return nil }
          result.append(value)
        }
        return result
      }
      guard let source = string(), let title = optional(), let author = optional(),
        let date = optional(), let company = optional(), let encoding = string(),
        reader.index < bytes.count
      else { return nil }
      let quoted = bytes[reader.index] == 1
      reader.index += 1
      guard let formatName = string(), let format = InputFormat(rawValue: formatName),
        let paragraphs = strings(), let commentary = strings()
      else { return nil }
      return Memo(
        source: source, title: title, author: author, date: date, company: company,
        paragraphs: paragraphs, encoding: encoding, quoted: quoted, commentary: commentary,
        format: format)
    }

    /// One paragraph's text and token spans (scalar offsets), read without decoding the rest of
    /// the memo; nil when the bytes are damaged, the paragraph does not exist or the coding has
    /// no spans.
    static func paragraph(_ index: Int, in bytes: [UInt8]) -> (text: String, spans: [Range<Int>])? {
      var reader = VarintReader(bytes: bytes)
      func skip() -> Bool {
        guard let count = reader.next(), count <= bytes.count - reader.index else { return false }
        reader.index += count
        return true
      }
      func skipOptional() -> Bool {
        guard let count = reader.next() else { return false }
        guard count > 0 else { return true }
        guard count - 1 <= bytes.count - reader.index else { return false }
        reader.index += count - 1
        return true
      }
      guard skip(), skipOptional(), skipOptional(), skipOptional(), skipOptional(), skip(),
        reader.index < bytes.count
      else { return nil }
      reader.index += 1
      guard skip(), let count = reader.next(), index >= 0, index < count else { return nil }
      var range = 0..<0
      for paragraph in 0..<count {
        guard let length = reader.next(), length <= bytes.count - reader.index else { return nil }
        if paragraph == index { range = reader.index..<(reader.index + length) }
        reader.index += length
      }
      guard let commentary = reader.next() else { return nil }
      for _ in 0..<commentary { guard skip() else { return nil } }
      var spans: [Range<Int>] = []
      var predicted = false
      for paragraph in 0...index {
        guard let header = reader.next() else { return nil }
        predicted = header == 0
        let tokens = max(0, header - 1)
        spans.removeAll(keepingCapacity: true)
        var previous = 0
        for _ in 0..<tokens {
          guard reader.index < bytes.count else { return nil }
          let byte = Int(bytes[reader.index])
          reader.index += 1
          var gap = byte >> 6
          var length = byte & 0x3F
          if byte == 0 {
            guard let a = reader.next(), let b = reader.next() else { return nil }
            (gap, length) = (a, b)
          }
          if paragraph == index { spans.append((previous + gap)..<(previous + gap + length)) }
          previous += gap + length
        }
      }
      let text = String(decoding: bytes[range], as: UTF8.self)
      return (text, predicted ? WordRuns.spans(of: text) : spans)
    }
  }
}

/// Word runs: the spans a simple rule finds in a paragraph, which are the scoring tokenizer's
/// tokens for nearly all text (they are checked against them before a memo is stored, and
/// stored explicitly when they differ). A run is letters and digits, joined across an
/// apostrophe or full stop between two letters (`don't`, `A.I`) and across a comma or full
/// stop between two digits (`1,000`, `3.5`).
enum WordRuns {
  /// The runs of `text`, in Unicode scalar offsets.
  static func spans(of text: String) -> [Range<Int>] {
    let scalars = Array(text.unicodeScalars)
    var spans: [Range<Int>] = []
    var start = 0
    let count = scalars.count
    while start < count {
      guard isWord(scalars[start]) else {
        start += 1
        continue
      }
      var end = start
      while true {
        while end < count && isWord(scalars[end]) { end += 1 }
        guard end + 1 < count, isWord(scalars[end + 1]) else { break }
        let (before, middle, after) = (scalars[end - 1], scalars[end], scalars[end + 1])
        let letters =
          (middle == "'" || middle == "\u{2019}" || middle == ".") && isLetter(before)
          && isLetter(after)
        let digits = (middle == "," || middle == ".") && isDigit(before) && isDigit(after)
        guard letters || digits else { break }
        end += 1
      }
      spans.append(start..<end)
      start = end
    }
    return spans
  }

  /// Whether `spans` (a paragraph's tokens) are exactly the word runs of `text`.
  static func matches(_ tokens: [Range<Int32>], _ text: String) -> Bool {
    let runs = spans(of: text)
    guard runs.count == tokens.count else { return false }
    for (run, span) in zip(runs, tokens)
    where run.lowerBound != Int(span.lowerBound) || run.upperBound != Int(span.upperBound) {
      return false
    }
    return true
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value | 0x20
      return value >= 0x61 && value <= 0x7A
    }
    return scalar.properties.isAlphabetic
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
    return scalar.properties.generalCategory == .decimalNumber
  }

  private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isLetter(scalar) || isDigit(scalar) }
    switch scalar.properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber: return true
    default: return scalar.properties.isAlphabetic
    }
  }
}
