import MemoCore

/// Reads a memo from one JSONL line without Foundation, for lines shaped the way
/// `memoscope extract --format jsonl` writes them.
///
/// The line must be one object whose keys are `Memo`'s own (each at most once), with strings,
/// `null`, booleans and arrays of strings as values. For any other line (unknown keys, numbers,
/// nesting, invalid UTF-8, lone surrogates, trailing bytes...) the answer is `nil`, and the
/// caller decodes it with `JSONDecoder`, which gives the same memo or the exact error. So this
/// only ever speeds up lines that `JSONDecoder` reads, and reads them the same way.
package enum MemoLineDecoder {
  /// The memo written on `line`, or nil when the line needs the full decoder.
  package static func decode(_ line: UnsafeBufferPointer<UInt8>) -> Memo? {
    var scanner = Scanner(bytes: line)
    return scanner.memo()
  }

  /// The memo written on `line`, or nil when the line needs the full decoder.
  package static func decode(_ line: [UInt8]) -> Memo? {
    line.withUnsafeBufferPointer { decode($0) }
  }

  private enum Key: Int {
    case source, title, author, date, company, paragraphs, encoding, quoted, commentary, format
    case titleSource, authorSource, dateSource, companySource, url
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func memo() -> Memo? {
      skipSpace()
      guard consume(UInt8(ascii: "{")) else { return nil }
      var seen = 0
      var source: String?
      var title: String?
      var author: String?
      var date: String?
      var company: String?
      var paragraphs: [String]?
      var encoding: String?
      var quoted: Bool?
      var commentary: [String]?
      var format: InputFormat?
      var sources: [String?] = [nil, nil, nil, nil, nil]  // title, author, date, company; url
      skipSpace()
      if !consume(UInt8(ascii: "}")) {
        while true {
          skipSpace()
          guard let key = key() else { return nil }
          guard seen & (1 << key.rawValue) == 0 else { return nil }
          seen |= 1 << key.rawValue
          skipSpace()
          guard consume(UInt8(ascii: ":")) else { return nil }
          skipSpace()
          switch key {
          case .source:
            guard let value = string() else { return nil }
            source = value
          case .title:
            guard let value = optionalString() else { return nil }
            title = value
          case .author:
            guard let value = optionalString() else { return nil }
            author = value
          case .date:
            guard let value = optionalString() else { return nil }
            date = value
          case .company:
            guard let value = optionalString() else { return nil }
            company = value
          case .paragraphs:
            guard let value = strings() else { return nil }
            paragraphs = value
          case .encoding:
            guard let value = optionalString() else { return nil }
            encoding = value
          case .quoted:
            if literal("true") {
              quoted = true
            } else if literal("false") {
              quoted = false
            } else if !literal("null") {
              return nil
            }
          case .commentary:
            if !literal("null") {
              guard let value = strings() else { return nil }
              commentary = value
            }
          case .format:
            guard let value = optionalString() else { return nil }
            if let value {
              guard let parsed = InputFormat(rawValue: value) else { return nil }
              format = parsed
            }
          case .titleSource, .authorSource, .dateSource, .companySource, .url:
            guard let value = optionalString() else { return nil }
            sources[key.rawValue - Key.titleSource.rawValue] = value
          }
          skipSpace()
          if consume(UInt8(ascii: ",")) { continue }
          guard consume(UInt8(ascii: "}")) else { return nil }
          break
        }
      }
      skipSpace()
      guard index == bytes.count, let source, let paragraphs else { return nil }
      return Memo(
        source: source, title: title, author: author, date: date, company: company,
        paragraphs: paragraphs, encoding: encoding ?? "utf-8", quoted: quoted ?? false,
        commentary: commentary ?? [], format: format ?? .text, titleSource: sources[0],
        authorSource: sources[1], dateSource: sources[2], companySource: sources[3],
        url: sources[4])
    }

    @inline(__always)
    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// A literal such as `null` or `true`.
    mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard bytes.count - index >= count else { return false }
      let start = word.utf8Start
      for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
      index += count
      return true
    }

    /// A key of `Memo`, written without escapes.
    mutating func key() -> Key? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      let start = index
      while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
        guard bytes[index] != UInt8(ascii: "\\") else { return nil }
        index += 1
      }
      guard index < bytes.count else { return nil }
      let name = UnsafeBufferPointer(rebasing: bytes[start..<index])
      index += 1
      func matches(_ word: StaticString) -> Bool {
        word.utf8CodeUnitCount == name.count
          && memcmpEqual(word.utf8Start, name.baseAddress, name.count)
      }
      switch name.count {
      case 4:
        if matches("date") { return .date }
      case 5:
        if matches("title") { return .title }
      case 6:
        if matches("source") { return .source }
        if matches("author") { return .author }
        if matches("quoted") { return .quoted }
        if matches("format") { return .format }
      case 3:
        if matches("url") { return .url }
      case 7:
        if matches("company") { return .company }
      case 8:
        if matches("encoding") { return .encoding }
      case 10:
        if matches("paragraphs") { return .paragraphs }
        if matches("commentary") { return .commentary }
        if matches("dateSource") { return .dateSource }
      case 11:
        if matches("titleSource") { return .titleSource }
      case 12:
        if matches("authorSource") { return .authorSource }
      case 13:
        if matches("companySource") { return .companySource }
      default:
        break
      }
      return nil
    }

    mutating func optionalString() -> String?? {
      if literal("null") { return .some(nil) }
      guard let value = string() else { return nil }
      return .some(value)
    }

    /// An array of strings.
    mutating func strings() -> [String]? {
      guard consume(UInt8(ascii: "[")) else { return nil }
      var result: [String] = []
      skipSpace()
      if consume(UInt8(ascii: "]")) { return result }
      while true {
        skipSpace()
        guard let value = string() else { return nil }
        result.append(value)
        skipSpace()
        if consume(UInt8(ascii: ",")) { continue }
        guard consume(UInt8(ascii: "]")) else { return nil }
        return result
      }
    }

    /// A string literal, unescaped; nil for control characters, bad escapes, lone surrogates
    /// or invalid UTF-8.
    mutating func string() -> String? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      let start = index
      var ascii = true
      // Eight bytes at a time while none is a quote, a backslash or a control character (the
      // byte loop below decides on anything else, byte by byte).
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if Self.hasSpecialByte(word) { break }
          high |= word
          index += 8
        }
        if high & 0x8080_8080_8080_8080 != 0 { ascii = false }
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
          index += 1
          return Self.text(run, ascii: ascii)
        }
        if byte == UInt8(ascii: "\\") { break }
        if byte < 0x20 { return nil }
        if byte >= 0x80 { ascii = false }
        index += 1
      }
      // Escapes: copy into the scratch buffer.
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: bytes[start..<index])
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""):
          return scratch.withUnsafeBufferPointer { Self.text($0, ascii: ascii) }
        case UInt8(ascii: "\\"):
          guard index < bytes.count else { return nil }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
          case UInt8(ascii: "b"): scratch.append(0x08)
          case UInt8(ascii: "f"): scratch.append(0x0C)
          case UInt8(ascii: "n"): scratch.append(0x0A)
          case UInt8(ascii: "r"): scratch.append(0x0D)
          case UInt8(ascii: "t"): scratch.append(0x09)
          case UInt8(ascii: "u"):
            guard var value = hex4() else { return nil }
            if value >= 0xD800 && value < 0xDC00 {
              guard literal("\\u"), let low = hex4(), low >= 0xDC00 && low < 0xE000 else {
                return nil
              }
              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if value >= 0xDC00 && value < 0xE000 {
              return nil
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            if value >= 0x80 { ascii = false }
            scratch.append(contentsOf: UTF8.encode(scalar)!)
          default:
            return nil
          }
        default:
          if byte < 0x20 { return nil }
          if byte >= 0x80 { ascii = false }
          scratch.append(byte)
        }
      }
      return nil
    }

    /// True when one of the eight bytes of `word` is `"`, `\` or below 0x20 (exact: each
    /// test is nonzero only when some byte matches).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let zeroQuote = (quote &- ones) & ~quote
      let zeroBackslash = (backslash &- ones) & ~backslash
      let control = (word &- ones &* 0x20) & ~word
      return (zeroQuote | zeroBackslash | control) & highs != 0
    }

    /// Four hex digits.
    mutating func hex4() -> UInt32? {
      guard bytes.count - index >= 4 else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        index += 1
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
      }
      return value
    }

    /// UTF-8 bytes as a String; nil when they are not valid UTF-8.
    static func text(_ run: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
      ascii ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
    }
  }
}

/// True when `count` bytes at `a` and `b` are equal.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int)
  -> Bool
{
  guard let b else { return count == 0 }
  for offset in 0..<count where a[offset] != b[offset] { return false }
  return true
}
