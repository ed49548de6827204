import Foundation

/// Bytes decoded to UTF-8, and the name of the encoding they were read as.
struct DecodedText: Sendable {
  /// Well-formed UTF-8 (ill-formed input became U+FFFD).
  var utf8: [UInt8]
  /// The WHATWG name of the encoding in lower case (`utf-8`, `windows-1252`, `gbk`,
  /// `shift_jis`, `utf-16le`…), or `utf-8 (repaired double encoding)`.
  var encoding: String

  var string: String { String(decoding: utf8, as: UTF8.self) }
}

/// Why bytes could not be decoded in the charset they declare.
struct CharsetError: Error, Equatable, Sendable {
  /// The label as declared.
  var label: String
  /// What is wrong, as a clause: "is not a charset this program knows".
  var reason: String
}

/// Decides how bytes are encoded, the way browsers do (WHATWG Encoding Standard), and converts
/// them to UTF-8.
///
/// The order: a byte-order mark (UTF-8, UTF-16, UTF-32); the NUL-byte pattern of UTF-32 or
/// UTF-16 without a mark; then the declared label (the caller's, e.g. an email part's
/// `charset=`, else a `<meta>` charset, http-equiv or XML declaration) looked up in the WHATWG
/// label table and decoded with ICU; windows-1252 when nothing is declared. One departure from
/// browsers, because mislabelled pages are common and valid UTF-8 is never an accident: bytes
/// that are valid UTF-8 are read as UTF-8 whatever the label says (except for the 7-bit
/// ISO-2022 and HZ encodings, which are valid UTF-8 by construction). Valid UTF-8 that was once
/// decoded as windows-1252 and saved again is repaired (see `DoubleEncoding`). Nothing is ever
/// truncated: bytes that do not decode become U+FFFD.
enum TextDecoding {
  static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// A declared decoding that replaces more than one non-ASCII byte in this many is refused as
  /// a wrong label. Calibration: correctly labelled pages replace none or a handful of stray
  /// bytes; a wrong multibyte label replaces most lead bytes (a third or more).
  static let mislabelledShare = 20

  /// Decodes `bytes`, looking for a `<meta>` charset when `sniffMarkup` is true.
  ///
  /// - Throws: `CharsetError` when the declared label is not a known charset (and the bytes are
  ///   not plain UTF-8), or when the bytes are clearly not in the declared charset.
  static func read(_ bytes: [UInt8], declared: String? = nil, sniffMarkup: Bool)
    throws(CharsetError) -> DecodedText
  {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8Text(bytes[3...]) }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      return DecodedText(utf8: decodeUTF32(bytes[4...], bigEndian: false), encoding: "utf-32le")
    }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
      return DecodedText(utf8: decodeUTF32(bytes[4...], bigEndian: true), encoding: "utf-32be")
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return DecodedText(utf8: decodeUTF16(bytes[2...], bigEndian: false), encoding: "utf-16le")
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return DecodedText(utf8: decodeUTF16(bytes[2...], bigEndian: true), encoding: "utf-16be")
    }
    // UTF-32 and UTF-16 without a mark both need NUL bytes in the sample they look at.
    if headHasNUL(bytes) {
      if let bigEndian = utf32WithoutMark(bytes) {
        return DecodedText(
          utf8: decodeUTF32(bytes[...], bigEndian: bigEndian),
          encoding: bigEndian ? "utf-32be" : "utf-32le")
      }
      if let bigEndian = utf16WithoutMark(bytes) {
        return DecodedText(
          utf8: decodeUTF16(bytes[...], bigEndian: bigEndian),
          encoding: bigEndian ? "utf-16be" : "utf-16le")
      }
    }
    let label = declared ?? (sniffMarkup ? declaredCharset(bytes) : nil)
    var charset = label.flatMap(Charsets.charset(forLabel:))
    switch charset?.decoder {
    case .utf16, .utf32:
      // A UTF-16 or UTF-32 label on bytes without their NUL pattern is wrong; browsers read
      // such pages as UTF-8.
      charset = Charsets.charset(forLabel: "utf-8")
    default: break
    }
    if let charset, charset.isStateful, containsShiftSequence(bytes) {
      return try decode(bytes, as: charset, label: label ?? charset.name)
    }
    if charset == nil, label == nil, containsShiftSequence(bytes), looksLikeISO2022JP(bytes),
      let japanese = Charsets.charset(forLabel: "iso-2022-jp")
    {
      return try decode(bytes, as: japanese, label: japanese.name)
    }
    let checked = repairUTF8(bytes)
    if checked.invalid == 0 { return utf8Text(valid: checked.bytes) }
    if let label, charset == nil {
      throw CharsetError(
        label: label, reason: "is not a charset this program knows (see the WHATWG label list)")
    }
    let multibyte = charset.map { !$0.isSingleByte && $0.decoder != .utf8 } ?? false
    // Mostly valid UTF-8 with a few stray bytes: UTF-8, unless a multibyte legacy charset is
    // declared (GBK and Big5 hold many byte pairs that are also valid UTF-8).
    if !multibyte, checked.validMultibyte > 0, checked.invalid <= checked.validMultibyte {
      return utf8Text(valid: checked.bytes)
    }
    guard let charset, charset.decoder != .utf8 else {
      return DecodedText(utf8: decodeWindows1252(bytes[...]), encoding: "windows-1252")
    }
    return try decode(bytes, as: charset, label: label ?? charset.name)
  }

  /// Like `read`, but never fails: a charset that cannot be used gives way to UTF-8 with
  /// replacement characters or windows-1252. For headers and sniffing, where a guess is fine.
  static func decode(_ bytes: [UInt8], declared: String? = nil, sniffMarkup: Bool) -> DecodedText {
    if let text = try? read(bytes, declared: declared, sniffMarkup: sniffMarkup) { return text }
    let checked = repairUTF8(bytes[...])
    if checked.validMultibyte > 0, checked.invalid <= checked.validMultibyte {
      return DecodedText(utf8: checked.bytes, encoding: "utf-8")
    }
    return DecodedText(utf8: decodeWindows1252(bytes[...]), encoding: "windows-1252")
  }

  /// Decodes with a known charset; throws when most of its non-ASCII bytes do not decode.
  static func decode(_ bytes: [UInt8], as charset: Charset, label: String) throws(CharsetError)
    -> DecodedText
  {
    switch charset.decoder {
    case .utf8: return utf8Text(bytes[...])
    case .windows1252:
      return DecodedText(utf8: decodeWindows1252(bytes[...]), encoding: charset.name)
    case .utf16(let bigEndian):
      return DecodedText(
        utf8: decodeUTF16(bytes[...], bigEndian: bigEndian), encoding: charset.name)
    case .utf32(let bigEndian):
      return DecodedText(
        utf8: decodeUTF32(bytes[...], bigEndian: bigEndian), encoding: charset.name)
    case .table(let high):
      return DecodedText(utf8: decodeSingleByte(bytes[...], high: high), encoding: charset.name)
    case .icu(let converter):
      guard let (utf8, replaced) = ICUConverter.toUTF8(bytes[...], converter: converter) else {
        throw CharsetError(label: label, reason: "has no converter in this system's ICU")
      }
      let nonASCII = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
      if replaced > 2, replaced * mislabelledShare > nonASCII {
        throw CharsetError(
          label: label,
          reason: "does not fit the bytes (\(replaced) byte sequences are not \(charset.name))")
      }
      return DecodedText(utf8: utf8, encoding: charset.name)
    }
  }

  /// UTF-8 (already checked or not), with double encoding repaired when found.
  private static func utf8Text(_ bytes: ArraySlice<UInt8>) -> DecodedText {
    utf8Text(valid: repairUTF8(bytes).bytes)
  }

  /// Well-formed UTF-8 (from `repairUTF8`), with double encoding repaired when found.
  private static func utf8Text(valid bytes: [UInt8]) -> DecodedText {
    if let repaired = DoubleEncoding.repair(bytes) {
      return DecodedText(utf8: repaired, encoding: "utf-8 (repaired double encoding)")
    }
    return DecodedText(utf8: bytes, encoding: "utf-8")
  }

  /// Whether the bytes `utf16WithoutMark` and `utf32WithoutMark` sample hold a NUL: neither
  /// recognizes text without one.
  private static func headHasNUL(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      ByteSearch.firstOffset(
        of: 0, in: UnsafeBufferPointer(rebasing: buffer[..<min(buffer.count, 4096)])) != nil
    }
  }

  /// ESC (ISO-2022) or `~{` (HZ): the bytes may switch character sets.
  static func containsShiftSequence(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      func follows(_ byte: UInt8, where next: (UInt8) -> Bool) -> Bool {
        var start = 0
        while let index = ByteSearch.firstOffset(of: byte, in: buffer, from: start) {
          if index + 1 < buffer.count, next(buffer[index + 1]) { return true }
          start = index + 1
        }
        return false
      }
      return follows(0x1B) { $0 == 0x24 || $0 == 0x28 } || follows(0x7E) { $0 == 0x7B }
    }
  }

  /// ISO-2022-JP's escapes into JIS X 0208 (`ESC $ B`, `ESC $ @`), which Japanese email uses
  /// without always labelling them.
  private static func looksLikeISO2022JP(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == 0x1B, bytes[index + 1] == 0x24,
        bytes[index + 2] == 0x42 || bytes[index + 2] == 0x40
      {
        return true
      }
      index += 1
    }
    return false
  }

  // MARK: - UTF-8

  /// `repairUTF8` of a whole array: valid UTF-8 comes back as the same array, uncopied.
  static func repairUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], invalid: Int, validMultibyte: Int) {
    let checked = repairUTF8(bytes[...], copyValid: false)
    return checked.invalid == 0 ? (bytes, 0, checked.validMultibyte) : checked
  }

  /// Copies valid UTF-8 sequences and replaces each ill-formed one with U+FFFD.
  static func repairUTF8(_ bytes: ArraySlice<UInt8>, copyValid: Bool = true) -> (
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
    if invalid == 0 { return (copyValid ? Array(bytes) : [], 0, multibyte) }
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

  /// A share of UTF-16 code units (in percent) that must be text-like for bytes without a
  /// byte-order mark to be read as UTF-16. Calibration: real UTF-16 text in any script is
  /// close to 100%; GBK, Big5 or windows-1252 bytes read as UTF-16 rarely pass 60%.
  static let utf16TextLikePercent = 90

  /// True for big-endian, false for little-endian, nil when the bytes do not look like UTF-16.
  ///
  /// ASCII-heavy UTF-16 shows NUL bytes in every other position. Chinese, Japanese or Korean
  /// UTF-16 has few NULs (only its spaces, digits and line breaks): it needs NULs on one side
  /// only and code units that are almost all letters of real scripts.
  static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
    let sample = min(bytes.count, 4096) & ~1
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
    let bigEndian: Bool
    if evenZeros > 0, oddZeros == 0 {
      bigEndian = true
    } else if oddZeros > 0, evenZeros == 0 {
      bigEndian = false
    } else {
      return nil
    }
    var textLike = 0
    index = 0
    while index < sample {
      let a = UInt32(bytes[index])
      let b = UInt32(bytes[index + 1])
      if isTextLike(bigEndian ? (a << 8 | b) : (b << 8 | a)) { textLike += 1 }
      index += 2
    }
    return textLike * 100 >= pairs * utf16TextLikePercent ? bigEndian : nil
  }

  /// Code units of text in living scripts: ASCII text, Latin, Greek, Cyrillic, Hebrew, Arabic,
  /// Indic and Thai letters, punctuation and symbols, CJK, kana, Hangul, surrogates and
  /// full-width forms.
  private static func isTextLike(_ unit: UInt32) -> Bool {
    switch unit {
    case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x24F, 0x370...0x52F, 0x590...0x6FF,
      0x900...0xE7F, 0x1100...0x11FF, 0x1E00...0x1FFF, 0x2000...0x2BFF, 0x3000...0x30FF,
      0x3100...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xD800...0xDFFF,
      0xFF00...0xFFEF:
      true
    default: false
    }
  }

  /// True for big-endian, false for little-endian, nil when the bytes do not look like UTF-32
  /// (every four bytes one code point no larger than U+10FFFF, most of them non-zero).
  static func utf32WithoutMark(_ bytes: [UInt8]) -> Bool? {
    let sample = min(bytes.count, 4096) & ~3
    guard sample >= 8, bytes.count % 4 == 0 else { return nil }
    func fits(bigEndian: Bool) -> Bool {
      var index = 0
      var nonZero = 0
      while index < sample {
        let (high, plane) =
          bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 3], bytes[index + 2])
        if high != 0 || plane > 0x10 { return false }
        if bytes[index] | bytes[index + 1] | bytes[index + 2] | bytes[index + 3] != 0 {
          nonZero += 1
        }
        index += 4
      }
      return nonZero * 2 > sample / 4
    }
    if fits(bigEndian: false) { return false }
    if fits(bigEndian: true) { return true }
    return nil
  }

  /// Decodes UTF-32 code units; values that are not scalars and a partial last unit become
  /// U+FFFD.
  static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 3 < bytes.endIndex {
      let b0 = UInt32(bytes[index])
      let b1 = UInt32(bytes[index + 1])
      let b2 = UInt32(bytes[index + 2])
      let b3 = UInt32(bytes[index + 3])
      let value =
        bigEndian ? (b0 << 24 | b1 << 16 | b2 << 8 | b3) : (b3 << 24 | b2 << 16 | b1 << 8 | b0)
      output.append(contentsOf: UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}")!)
      index += 4
    }
    if index < bytes.endIndex { output.append(contentsOf: replacement) }
    return output
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
  static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
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

  /// Decodes a single-byte charset whose bytes 0x80–0xFF map to `high` (ASCII below).
  static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, high: [UInt32]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 4)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
      } else {
        output.append(
          contentsOf: UTF8.encode(Unicode.Scalar(high[Int(byte - 0x80)]) ?? "\u{FFFD}")!)
      }
    }
    return output
  }

  // MARK: - Labels

  /// The charset label declared by a `<meta charset>`, an http-equiv `content` or an XML
  /// declaration in the first 4 KB, lower-cased (not yet looked up).
  ///
  /// Reads bytes: the markup looked for is ASCII. Where a non-ASCII byte follows a matched
  /// piece of markup (a combining mark would join it into another character) or ends a
  /// label, it answers with `declaredCharsetInText`, which reads characters as before.
  static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let count = min(bytes.count, 4096)
    let answer: LabelScan = bytes.withUnsafeBufferPointer { buffer in
      declaredCharsetBytes(UnsafeBufferPointer(rebasing: buffer[..<count]))
    }
    switch answer {
    case .found(let label): return label
    case .none: return nil
    case .ambiguous: return declaredCharsetInText(bytes)
    }
  }

  /// What the byte scan of `declaredCharset` found.
  enum LabelScan: Equatable {
    case found(String)
    case none
    /// A non-ASCII byte where characters and bytes could disagree.
    case ambiguous
  }

  /// `declaredCharsetInText` on bytes (see `declaredCharset`); letters compared lower-cased.
  static func declaredCharsetBytes(_ window: UnsafeBufferPointer<UInt8>) -> LabelScan {
    let count = window.count
    func lower(_ index: Int) -> UInt8 {
      let byte = window[index]
      return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    /// Whether `word` (lower-case ASCII) stands at `index`.
    func matches(_ word: StaticString, at index: Int) -> Bool {
      let length = word.utf8CodeUnitCount
      guard index + length <= count else { return false }
      for offset in 0..<length where lower(index + offset) != word.utf8Start[offset] {
        return false
      }
      return true
    }
    /// The first `word` in `range`, or nil.
    func find(_ word: StaticString, in range: Range<Int>) -> Int? {
      let length = word.utf8CodeUnitCount
      let first = word.utf8Start[0]
      var index = range.lowerBound
      while index + length <= range.upperBound {
        if lower(index) == first && matches(word, at: index) { return index }
        index += 1
      }
      return nil
    }
    func nonASCII(_ index: Int) -> Bool { index < count && window[index] >= 0x80 }
    /// The label from `start`: quotes and spaces dropped, then letters, digits, `-_.:`.
    func label(from start: Int, end: Int) -> LabelScan {
      var index = start
      while index < end, window[index] == 0x22 || window[index] == 0x27 || window[index] == 0x20 {
        index += 1
      }
      let labelStart = index
      while index < end {
        let byte = lower(index)
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
          || byte == 0x5F || byte == 0x2E || byte == 0x3A
        {
          index += 1
        } else {
          break
        }
      }
      if index < end && window[index] >= 0x80 { return .ambiguous }
      guard index > labelStart else { return .none }
      var text = [UInt8]()
      text.reserveCapacity(index - labelStart)
      for position in labelStart..<index { text.append(lower(position)) }
      return .found(String(decoding: text, as: UTF8.self))
    }
    if matches("<?xml", at: 0) {
      if nonASCII(5) { return .ambiguous }
      if let end = ByteSearch.firstOffset(of: 0x3E, in: window) {
        if nonASCII(end + 1) { return .ambiguous }
        if let found = find("encoding=", in: 0..<end) {
          if nonASCII(found + 9) { return .ambiguous }
          return label(from: found + 9, end: end)
        }
      }
    }
    var searchStart = 0
    while let meta = find("<meta", in: searchStart..<count) {
      let tagStart = meta + 5
      if nonASCII(tagStart) { return .ambiguous }
      let tagEnd = ByteSearch.firstOffset(of: 0x3E, in: window, from: tagStart) ?? count
      if nonASCII(tagEnd + 1) { return .ambiguous }
      if let charset = find("charset", in: tagStart..<tagEnd) {
        var index = charset + 7
        if nonASCII(index) { return .ambiguous }
        while index < tagEnd && window[index] == 0x20 { index += 1 }
        if index < tagEnd && window[index] == 0x3D {
          index += 1
          if nonASCII(index) { return .ambiguous }
          while index < tagEnd && window[index] == 0x20 { index += 1 }
          switch label(from: index, end: tagEnd) {
          case .found(let found): return .found(found)
          case .ambiguous: return .ambiguous
          case .none: break
          }
        }
      }
      searchStart = tagEnd
    }
    return .none
  }

  /// `declaredCharset` on characters: the first 4 KB lower-cased and decoded, then searched.
  static func declaredCharsetInText(_ bytes: [UInt8]) -> String? {
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
    return value.isEmpty ? nil : String(value)
  }
}
