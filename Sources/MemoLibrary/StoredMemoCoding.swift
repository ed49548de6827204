import MemoCore

/// The bytes a library keeps for a memo (before deflate): every field of `Memo` in a fixed
/// order, each string as a LEB128 length and its UTF-8, an optional one as length + 1 (0 for
/// none); then, from schema version 2, each paragraph's token spans. Smaller than the JSON (no
/// keys, no escaping) and decoded without a parser.
///
/// Token spans (Unicode scalar offsets of each token the scoring tokenizer found) let a search
/// quote a match from its token offset without tokenizing the paragraph again. Most paragraphs'
/// spans are exactly the word runs `WordRuns.spans(of:)` finds (checked when stored), and
/// cost one byte: 0. Otherwise the paragraph has the token count + 1, then per token one byte
/// `gap << 6 | length` (gap from the previous token's end, 0–3; length 1–63), or a 0 byte and
/// the gap and length as varints.
enum StoredMemoCoding {
  /// Encodes `memo` and, when given, its token spans (`spans[p]` for `memo.paragraphs[p]`).
  static func encode(_ memo: Memo, spans: [[Range<Int32>]]? = nil) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(memo.paragraphs.reduce(64) { $0 + $1.utf8.count * 3 / 2 + 2 })
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
    memo.paragraphs.forEach(string)
    number(memo.commentary.count)
    memo.commentary.forEach(string)
    guard let spans else { return bytes }
    for index in memo.paragraphs.indices {
      let tokens = index < spans.count ? spans[index] : []
      if WordRuns.matches(tokens, memo.paragraphs[index]) {
        number(0)
        continue
      }
      number(tokens.count + 1)
      var previous: Int32 = 0
      for span in tokens {
        let gap = Int(span.lowerBound - previous)
        let length = Int(span.upperBound - span.lowerBound)
        if gap >= 0 && gap <= 3 && length >= 1 && length <= 63 {
          bytes.append(UInt8(gap << 6 | length))
        } else {
          bytes.append(0)
          number(max(0, gap))
          number(max(0, length))
        }
        previous = span.upperBound
      }
    }
    return bytes
  }

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
