import CICU

/// One encoding of the WHATWG Encoding Standard, with the ICU converter that decodes it.
struct Charset: Sendable, Equatable {
  /// The WHATWG name in lower case, as reported in `Memo.encoding` ("gbk", "shift_jis").
  var name: String
  /// How the bytes are turned into UTF-8.
  var decoder: Decoder

  enum Decoder: Sendable, Equatable {
    /// UTF-8 itself (checked and repaired in Swift).
    case utf8
    /// windows-1252, decoded in Swift (the web's default; latin-1 and ASCII labels mean it).
    case windows1252
    /// UTF-16 or UTF-32, decoded in Swift from its code units.
    case utf16(bigEndian: Bool)
    case utf32(bigEndian: Bool)
    /// A single-byte table ICU lacks: the code points of bytes 0x80–0xFF.
    case table([UInt32])
    /// An ICU converter name.
    case icu(String)
  }

  /// True for encodings where bytes 0x00–0x7F are ASCII and every other byte is one character.
  var isSingleByte: Bool {
    switch decoder {
    case .windows1252, .table: true
    case .icu(let converter): Charsets.singleByteConverters.contains(converter)
    default: false
    }
  }

  /// True for the 7-bit encodings that switch character sets with escape sequences.
  var isStateful: Bool {
    if case .icu(let converter) = decoder {
      return converter.hasPrefix("ISO-2022") || converter == "HZ-GB-2312"
    }
    return false
  }
}

/// The label table of the WHATWG Encoding Standard (every label browsers accept), mapped to
/// ICU converters.
///
/// Where WHATWG decodes a label with a superset (GBK and gb2312 with gb18030, EUC-KR with
/// windows-949, Shift_JIS with windows-31j, latin-1 and ASCII with windows-1252, ISO-8859-9 with
/// windows-1254), the superset's ICU converter is used. The labels WHATWG maps to its
/// "replacement" encoding (ISO-2022-KR, ISO-2022-CN, HZ) are refused by browsers for security
/// reasons that do not apply to reading text, so they are decoded with ICU's converters.
/// ISO-8859-16 is not in ICU's data and is decoded from its table here.
enum Charsets {
  /// Finds the encoding a label names (case and surrounding white space and quotes ignored).
  static func charset(forLabel raw: String) -> Charset? {
    byLabel[normalize(raw)]
  }

  /// A label lower-cased with surrounding white space and quotes removed.
  static func normalize(_ raw: String) -> String {
    var scalars = Substring(raw).unicodeScalars.drop { isTrimmed($0) }
    while let last = scalars.last, isTrimmed(last) { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars)).lowercased()
  }

  private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
      || scalar == "\"" || scalar == "'"
  }

  /// ICU's converters for single-byte WHATWG encodings.
  static let singleByteConverters: Set<String> = Set(
    table.compactMap { entry in
      entry.icu.hasPrefix("ISO-8859") || entry.icu.hasPrefix("windows-") || entry.icu == "KOI8-R"
        || entry.icu == "KOI8-U" || entry.icu == "macintosh" || entry.icu == "x-mac-cyrillic"
        || entry.icu == "ibm-866"
        ? entry.icu : nil
    })

  /// (WHATWG name, ICU converter or a special marker, labels).
  private static let table: [(name: String, icu: String, labels: [String])] = [
    (
      "utf-8", "*utf-8",
      ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]
    ),
    ("ibm866", "ibm-866", ["866", "cp866", "csibm866", "ibm866"]),
    (
      "iso-8859-2", "ISO-8859-2",
      [
        "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
        "iso_8859-2:1987", "l2", "latin2",
      ]
    ),
    (
      "iso-8859-3", "ISO-8859-3",
      [
        "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
        "iso_8859-3:1988", "l3", "latin3",
      ]
    ),
    (
      "iso-8859-4", "ISO-8859-4",
      [
        "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
        "iso_8859-4:1988", "l4", "latin4",
      ]
    ),
    (
      "iso-8859-5", "ISO-8859-5",
      [
        "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
        "iso_8859-5", "iso_8859-5:1988",
      ]
    ),
    (
      "iso-8859-6", "ISO-8859-6",
      [
        "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
        "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
        "iso_8859-6", "iso_8859-6:1987",
      ]
    ),
    (
      "iso-8859-7", "ISO-8859-7",
      [
        "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
        "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek",
      ]
    ),
    (
      "iso-8859-8", "ISO-8859-8",
      [
        "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
        "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual",
      ]
    ),
    ("iso-8859-8-i", "ISO-8859-8", ["csiso88598i", "iso-8859-8-i", "logical"]),
    (
      "iso-8859-10", "ISO-8859-10",
      ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"]
    ),
    ("iso-8859-13", "ISO-8859-13", ["iso-8859-13", "iso8859-13", "iso885913"]),
    ("iso-8859-14", "ISO-8859-14", ["iso-8859-14", "iso8859-14", "iso885914"]),
    (
      "iso-8859-15", "ISO-8859-15",
      ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]
    ),
    ("iso-8859-16", "*iso-8859-16", ["iso-8859-16"]),
    ("koi8-r", "KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
    ("koi8-u", "KOI8-U", ["koi8-ru", "koi8-u"]),
    ("macintosh", "macintosh", ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
    (
      "windows-874", "windows-874",
      ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]
    ),
    ("windows-1250", "windows-1250", ["cp1250", "windows-1250", "x-cp1250"]),
    ("windows-1251", "windows-1251", ["cp1251", "windows-1251", "x-cp1251"]),
    (
      "windows-1252", "*windows-1252",
      [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
        "us-ascii", "windows-1252", "x-cp1252",
      ]
    ),
    ("windows-1253", "windows-1253", ["cp1253", "windows-1253", "x-cp1253"]),
    (
      "windows-1254", "windows-1254",
      [
        "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
        "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254",
      ]
    ),
    ("windows-1255", "windows-1255", ["cp1255", "windows-1255", "x-cp1255"]),
    ("windows-1256", "windows-1256", ["cp1256", "windows-1256", "x-cp1256"]),
    ("windows-1257", "windows-1257", ["cp1257", "windows-1257", "x-cp1257"]),
    ("windows-1258", "windows-1258", ["cp1258", "windows-1258", "x-cp1258"]),
    ("x-mac-cyrillic", "x-mac-cyrillic", ["x-mac-cyrillic", "x-mac-ukrainian"]),
    (
      "gbk", "GB18030",
      [
        "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
        "iso-ir-58", "x-gbk",
      ]
    ),
    ("gb18030", "GB18030", ["gb18030"]),
    ("big5", "Big5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
    ("euc-jp", "EUC-JP", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
    ("iso-2022-jp", "ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"]),
    (
      "shift_jis", "windows-31j",
      [
        "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
        "x-sjis",
      ]
    ),
    (
      "euc-kr", "windows-949",
      [
        "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949",
      ]
    ),
    ("iso-2022-kr", "ISO-2022-KR", ["csiso2022kr", "iso-2022-kr"]),
    ("iso-2022-cn", "ISO-2022-CN", ["iso-2022-cn", "iso-2022-cn-ext"]),
    ("hz-gb-2312", "HZ-GB-2312", ["hz-gb-2312"]),
    ("utf-16be", "*utf-16be", ["unicodefffe", "utf-16be"]),
    (
      "utf-16le", "*utf-16le",
      ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]
    ),
    ("utf-32be", "*utf-32be", ["utf-32be"]),
    ("utf-32le", "*utf-32le", ["utf-32", "utf-32le", "ucs-4", "iso-10646-ucs-4"]),
    ("x-user-defined", "*x-user-defined", ["x-user-defined"]),
  ]

  /// Every WHATWG encoding once, by its name.
  static let all: [Charset] = table.map { charset(name: $0.name, icu: $0.icu) }

  private static let byLabel: [String: Charset] = {
    var result: [String: Charset] = [:]
    for entry in table {
      let charset = charset(name: entry.name, icu: entry.icu)
      for label in entry.labels { result[label] = charset }
    }
    return result
  }()

  private static func charset(name: String, icu: String) -> Charset {
    switch icu {
    case "*utf-8": Charset(name: name, decoder: .utf8)
    case "*windows-1252": Charset(name: name, decoder: .windows1252)
    case "*utf-16be": Charset(name: name, decoder: .utf16(bigEndian: true))
    case "*utf-16le": Charset(name: name, decoder: .utf16(bigEndian: false))
    case "*utf-32be": Charset(name: name, decoder: .utf32(bigEndian: true))
    case "*utf-32le": Charset(name: name, decoder: .utf32(bigEndian: false))
    case "*iso-8859-16": Charset(name: name, decoder: .table(iso8859_16))
    case "*x-user-defined":
      Charset(name: name, decoder: .table((0x80...0xFF).map { 0xF780 + UInt32($0) - 0x80 }))
    default: Charset(name: name, decoder: .icu(icu))
    }
  }

  /// ISO-8859-16 (Latin-10), bytes 0x80–0xFF; ICU's data has no converter for it.
  private static let iso8859_16: [UInt32] =
    (0x80...0x9F).map { UInt32($0) } + [
      0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7,
      0x0161, 0x00A9, 0x0218, 0x00AB, 0x0179, 0x00AD, 0x017A, 0x017B,
      0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7,
      0x017E, 0x010D, 0x0219, 0x00BB, 0x0152, 0x0153, 0x0178, 0x017C,
      0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0106, 0x00C6, 0x00C7,
      0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
      0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A,
      0x0170, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0118, 0x021A, 0x00DF,
      0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107, 0x00E6, 0x00E7,
      0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
      0x0111, 0x0144, 0x00F2, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x015B,
      0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF,
    ]
}

/// Conversions through ICU's converters (ucnv).
enum ICUConverter {
  /// `bytes` in the charset ICU names `converter`, as UTF-8, and how many sequences became
  /// U+FFFD; nil when ICU has no such converter.
  static func toUTF8(_ bytes: ArraySlice<UInt8>, converter: String) -> (
    utf8: [UInt8], replaced: Int
  )? {
    guard !bytes.isEmpty else { return ([], 0) }
    let capacity = bytes.count * 4 + 16
    var replaced: Int32 = 0
    var failed = false
    let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let written = bytes.withUnsafeBufferPointer { source in
        memoscope_convert_to_utf8(
          converter, source.baseAddress, Int32(source.count), buffer.baseAddress,
          Int32(capacity), &replaced)
      }
      if written < 0 {
        failed = true
        count = 0
      } else {
        count = Int(written)
      }
    }
    return failed ? nil : (output, Int(replaced))
  }

  /// UTF-8 text encoded in the charset ICU names `converter`; nil when a character cannot be
  /// encoded there or ICU has no such converter.
  static func fromUTF8(_ text: String, converter: String) -> [UInt8]? {
    let source = Array(text.utf8)
    let capacity = source.count * 4 + 64
    var failed = false
    let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let written = source.withUnsafeBufferPointer { input in
        memoscope_convert_from_utf8(
          converter, input.baseAddress, Int32(input.count), buffer.baseAddress, Int32(capacity))
      }
      if written < 0 {
        failed = true
        count = 0
      } else {
        count = Int(written)
      }
    }
    return failed ? nil : output
  }

  /// True when ICU has a converter for `name`.
  static func exists(_ name: String) -> Bool { memoscope_converter_exists(name) == 1 }
}
