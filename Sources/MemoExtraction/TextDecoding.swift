import Foundation

/// Bytes decoded to UTF-8, and the name of the encoding they were read as.
struct DecodedText: Sendable {
  /// Well-formed UTF-8 (ill-formed input became U+FFFD).
  var utf8: [UInt8]
  /// `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or another label Foundation decoded.
  var encoding: String

  var string: String { String(decoding: utf8, as: UTF8.self) }
}

/// Decides how bytes are encoded, the way browsers do, and converts them to UTF-8.
///
/// The order: a byte-order mark; the NUL-byte pattern of UTF-16 without a mark; bytes that are
/// valid UTF-8 (or nearly so); a declared label (`<meta charset>`, an XML declaration, or the
/// caller's, e.g. an email part's `charset=`), where latin-1 and ASCII labels mean
/// windows-1252; and windows-1252 as the fallback. Nothing is ever truncated: bytes that do not
/// decode become U+FFFD.
enum TextDecoding {
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// Decodes `bytes`, looking for a `<meta>` charset when `sniffMarkup` is true.
  static func decode(_ bytes: [UInt8], declared: String? = nil, sniffMarkup: Bool) -> DecodedText {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return DecodedText(utf8: repairUTF8(bytes[3...]).bytes, encoding: "utf-8")
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return DecodedText(utf8: decodeUTF16(bytes[2...], bigEndian: false), encoding: "utf-16le")
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return DecodedText(utf8: decodeUTF16(bytes[2...], bigEndian: true), encoding: "utf-16be")
    }
    if let bigEndian = utf16WithoutMark(bytes) {
      return DecodedText(
        utf8: decodeUTF16(bytes[...], bigEndian: bigEndian),
        encoding: bigEndian ? "utf-16be" : "utf-16le")
    }
    let repaired = repairUTF8(bytes[...])
    if repaired.invalid == 0 {
      return DecodedText(utf8: repaired.bytes, encoding: "utf-8")
    }
    let label = declared.map(normalizedLabel) ?? (sniffMarkup ? declaredCharset(bytes) : nil)
    // Mostly valid UTF-8 with a few stray bytes: UTF-8, whatever the label says.
    if repaired.validMultibyte > 0, repaired.invalid <= repaired.validMultibyte {
      return DecodedText(utf8: repaired.bytes, encoding: "utf-8")
    }
    if let label, let other = foundationEncodings[label],
      let text = String(bytes: bytes, encoding: other)
    {
      return DecodedText(utf8: Array(text.utf8), encoding: label)
    }
    return DecodedText(utf8: decodeWindows1252(bytes), encoding: "windows-1252")
  }

  // MARK: - UTF-8

  /// Copies valid UTF-8 sequences and replaces each ill-formed one with U+FFFD.
  static func repairUTF8(_ bytes: ArraySlice<UInt8>) -> (
    bytes: [UInt8], invalid: Int, validMultibyte: Int
  ) {
    // Fast path: pure ASCII or valid UTF-8 needs no copy beyond the array itself.
    var invalid = 0
    var multibyte = 0
    var output: [UInt8] = []
    var copiedUpTo = bytes.startIndex
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      index = asciiRunEnd(bytes, from: index)
      guard index < end else { break }
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        multibyte += 1
        index += length
        continue
      }
      if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
      output.append(contentsOf: bytes[copiedUpTo..<index])
      output.append(contentsOf: replacement)
      invalid += 1
      index += max(1, maximalInvalidPrefix(bytes, at: index))
      copiedUpTo = index
    }
    if invalid == 0 { return (Array(bytes), 0, multibyte) }
    output.append(contentsOf: bytes[copiedUpTo..<end])
    return (output, invalid, multibyte)
  }

  /// The first index at or after `start` holding a non-ASCII byte, or the end index; reads
  /// eight bytes at a time.
  private static func asciiRunEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      let base = bytes.startIndex
      var offset = start - base
      let count = buffer.count
      guard let pointer = buffer.baseAddress else { return bytes.endIndex }
      let raw = UnsafeRawPointer(pointer)
      while offset + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        offset += 8
      }
      while offset < count && pointer[offset] < 0x80 { offset += 1 }
      return base + offset
    }
  }

  /// The length of the valid UTF-8 sequence starting at `index`, or 0.
  private static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
    let first = bytes[index]
    let end = bytes.endIndex
    func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      index + offset < end && bytes[index + offset] >= low && bytes[index + offset] <= high
    }
    switch first {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0:
      return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : 0
    case 0xED:
      return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
    case 0xF0:
      return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
      return 0
    }
  }

  /// How many bytes one U+FFFD replaces: a lead byte plus the continuation bytes that fit it.
  private static func maximalInvalidPrefix(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
    let first = bytes[index]
    let expected: Int
    switch first {
    case 0xC2...0xDF: expected = 2
    case 0xE0...0xEF: expected = 3
    case 0xF0...0xF4: expected = 4
    default: return 1
    }
    var length = 1
    while length < expected, index + length < bytes.endIndex,
      bytes[index + length] & 0xC0 == 0x80
    {
      length += 1
    }
    return length
  }

  // MARK: - UTF-16

  /// True for big-endian, false for little-endian, nil when the bytes do not look like UTF-16.
  static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
    let sample = min(bytes.count, 1024) & ~1
    guard sample >= 4 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    var index = 0
    while index < sample {
      if bytes[index] == 0 { evenZeros += 1 }
      if bytes[index + 1] == 0 { oddZeros += 1 }
      index += 2
    }
    let pairs = sample / 2
    if evenZeros * 10 >= pairs * 4, oddZeros * 10 < pairs { return true }
    if oddZeros * 10 >= pairs * 4, evenZeros * 10 < pairs { return false }
    return nil
  }

  /// Decodes UTF-16 code units; unpaired surrogates and an odd last byte become U+FFFD.
  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let a = UInt16(bytes[index])
      let b = UInt16(bytes[index + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      index += 2
    }
    var output: [UInt8] = []
    output.reserveCapacity(units.count * 2)
    var scalar: Unicode.Scalar
    var iterator = units.makeIterator()
    var decoder = UTF16()
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let value): scalar = value
      case .emptyInput: break decoding
      case .error: scalar = "\u{FFFD}"
      }
      output.append(contentsOf: UTF8.encode(scalar)!)
    }
    if bytes.count % 2 == 1 { output.append(contentsOf: replacement) }
    return output
  }

  // MARK: - windows-1252

  /// Code points for bytes 0x80–0x9F; the five bytes windows-1252 leaves undefined map to U+FFFD.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  /// Decodes windows-1252 (also used for pages labelled latin-1 or ASCII, as browsers do).
  static func decodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let code = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
      output.append(contentsOf: UTF8.encode(Unicode.Scalar(code)!)!)
    }
    return output
  }

  // MARK: - Labels

  /// Encodings beyond UTF-8/16 and windows-1252 that Foundation decodes, by label.
  private static let foundationEncodings: [String: String.Encoding] = [
    "windows-1250": .windowsCP1250, "windows-1251": .windowsCP1251,
    "windows-1253": .windowsCP1253, "windows-1254": .windowsCP1254,
    "iso-8859-2": .isoLatin2, "shift_jis": .shiftJIS, "euc-jp": .japaneseEUC,
    "iso-2022-jp": .iso2022JP,
  ]

  /// Maps a charset label to the name used in `Memo.encoding` (WHATWG-style aliases).
  static func normalizedLabel(_ raw: String) -> String {
    let label = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(["\"", "'"]))
      .lowercased()
    switch label {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
      return "utf-8"
    case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
      "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", "iso-8859-15",
      "iso8859-15", "latin9", "l9", "iso_8859-15":
      return "windows-1252"
    case "cp1250", "x-cp1250": return "windows-1250"
    case "cp1251", "x-cp1251": return "windows-1251"
    case "iso8859-2", "iso_8859-2", "latin2", "l2": return "iso-8859-2"
    case "sjis", "shift-jis", "ms_kanji", "x-sjis", "windows-31j": return "shift_jis"
    case "utf-16", "utf-16le", "utf-16be":
      return "utf-8"  // A UTF-16 label on ASCII-compatible bytes is wrong; browsers use UTF-8.
    default: return label
    }
  }

  /// The charset declared by a `<meta>` tag or XML declaration in the first 4 KB, normalized.
  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let window = Array(bytes.prefix(4096)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    let text = String(decoding: window, as: UTF8.self)
    if text.hasPrefix("<?xml"), let end = text.firstIndex(of: ">") {
      let declaration = text[..<end]
      if let range = declaration.range(of: "encoding=") {
        return label(after: declaration[range.upperBound...])
      }
    }
    var searchStart = text.startIndex
    while let meta = text.range(of: "<meta", range: searchStart..<text.endIndex) {
      let tagEnd = text[meta.upperBound...].firstIndex(of: ">") ?? text.endIndex
      let tag = text[meta.upperBound..<tagEnd]
      if let charset = tag.range(of: "charset") {
        var rest = tag[charset.upperBound...].drop { $0 == " " }
        if rest.first == "=" {
          rest = rest.dropFirst().drop { $0 == " " }
          if let found = label(after: rest) { return found }
        }
      }
      searchStart = tagEnd
    }
    return nil
  }

  private static func label(after text: Substring) -> String? {
    let value = text.drop { $0 == "\"" || $0 == "'" || $0 == " " }
      .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":" }
    return value.isEmpty ? nil : normalizedLabel(String(value))
  }
}
