/// A JSON value whose object keys keep the order they were given in.
public indirect enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  /// `text` as a string, or `null` when it is nil.
  public static func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }
}

/// How a JSON text is laid out.
public struct JSONStyle: Sendable {
  /// The indent per level, or nil for one line with no spaces.
  public var indent: String?
  /// What goes between a key and its value (`:`, `: ` or ` : `).
  public var colon: String
  /// Whether object keys are sorted in byte order (else kept in the order given).
  public var sortedKeys: Bool

  /// Creates a style.
  public init(indent: String?, colon: String, sortedKeys: Bool) {
    self.indent = indent
    self.colon = colon
    self.sortedKeys = sortedKeys
  }

  /// One line, keys sorted (score cards, library lines).
  public static let line = JSONStyle(indent: nil, colon: ":", sortedKeys: true)
  /// Two-space indent, ` : ` after keys, keys sorted (score, cluster and compare JSON).
  public static let pretty = JSONStyle(indent: "  ", colon: " : ", sortedKeys: true)
}

/// The one JSON writer of every output (extract, score, cluster, compare, library): UTF-8
/// bytes appended without intermediate strings, strings escaped by one rule, numbers printed
/// by `NumberText`.
///
/// Escapes: `"` and `\`, the controls U+0000–U+001F (`\b \f \n \r \t` short, the others as
/// `\u00XX`) and U+2028/U+2029 (line breaks to JavaScript); every other character is kept as
/// UTF-8, `/` included.
public struct JSONWriter: Sendable {
  /// The bytes written so far.
  public var bytes: [UInt8] = []

  /// Creates an empty writer.
  public init() {}

  /// The bytes written so far, as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends text as it is (punctuation, layout).
  public mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends text as it is.
  public mutating func rawText(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends an integer.
  public mutating func integer(_ value: Int) {
    NumberText.appendInteger(value, to: &bytes)
  }

  /// Appends `value` rounded to at most `decimals` decimals, as `NumberText.trimmed` prints it.
  public mutating func decimal(_ value: Double, decimals: Int) {
    NumberText.appendTrimmed(value, decimals: decimals, to: &bytes)
  }

  /// Appends a number in its shortest exact form (`NumberText.shortest`).
  public mutating func number(_ value: Double) {
    rawText(NumberText.shortest(value))
  }

  /// Appends `true` or `false`.
  public mutating func bool(_ value: Bool) {
    raw(value ? "true" : "false")
  }

  /// Appends `text` as a string literal, or `null`.
  public mutating func optional(_ text: String?) {
    if let text { string(text) } else { raw("null") }
  }

  /// Appends `text` as a JSON string literal.
  public mutating func string(_ text: String) {
    var text = text
    text.withUTF8 { appendString($0) }
  }

  private mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    var index = 0
    let count = utf8.count
    while index < count {
      // Eight bytes at a time while none may need an escape (most text).
      if let base = utf8.baseAddress {
        while index + 8 <= count {
          let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if Self.mayNeedEscape(word) { break }
          index += 8
        }
        if index >= count { break }
      }
      let byte = utf8[index]
      var escape: StaticString?
      var width = 1
      switch byte {
      case 0x22: escape = "\\\""
      case 0x5C: escape = "\\\\"
      case 0x08: escape = "\\b"
      case 0x0C: escape = "\\f"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0xE2:
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if index + 2 < count, utf8[index + 1] == 0x80,
          utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
        {
          escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          width = 3
        }
      default:
        if byte < 0x20 {
          bytes.append(contentsOf: utf8[runStart..<index])
          raw("\\u00")
          bytes.append(Self.hexDigits[Int(byte >> 4)])
          bytes.append(Self.hexDigits[Int(byte & 0xF)])
          index += 1
          runStart = index
          continue
        }
      }
      if let escape {
        bytes.append(contentsOf: utf8[runStart..<index])
        raw(escape)
        index += width
        runStart = index
      } else {
        index += 1
      }
    }
    bytes.append(contentsOf: utf8[runStart..<count])
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether one of the eight bytes of `word` is a control, `"`, `\` or 0xE2 (the lead byte of
  /// U+2028 and U+2029): exact for "none", so a false answer skips all eight.
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    // A byte below 0x20: subtracting 0x20 borrows into its high bit (high bytes excluded).
    let control = (word &- ones &* 0x20) & ~word & highs != 0
    return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
      || hasZero(word ^ (ones &* 0xE2))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Appends `value` laid out in `style`, nested `level` indents deep.
  ///
  /// Empty arrays and objects are written `[]` and `{}` in every style.
  public mutating func value(_ value: JSONValue, style: JSONStyle, level: Int = 0) {
    switch value {
    case .null: raw("null")
    case .bool(let flag): bool(flag)
    case .integer(let number): integer(number)
    case .number(let number): self.number(number)
    case .string(let text): string(text)
    case .array(let items):
      guard !items.isEmpty else { return raw("[]") }
      raw("[")
      for (position, item) in items.enumerated() {
        if position > 0 { raw(",") }
        newline(style, level: level + 1)
        self.value(item, style: style, level: level + 1)
      }
      newline(style, level: level)
      raw("]")
    case .object(let fields):
      guard !fields.isEmpty else { return raw("{}") }
      let ordered =
        style.sortedKeys
        ? fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : fields
      raw("{")
      for (position, field) in ordered.enumerated() {
        if position > 0 { raw(",") }
        newline(style, level: level + 1)
        string(field.key)
        rawText(style.colon)
        self.value(field.value, style: style, level: level + 1)
      }
      newline(style, level: level)
      raw("}")
    }
  }

  private mutating func newline(_ style: JSONStyle, level: Int) {
    guard let indent = style.indent else { return }
    raw("\n")
    for _ in 0..<level { rawText(indent) }
  }

  /// `value` as JSON text in `style`.
  public static func text(_ value: JSONValue, style: JSONStyle) -> String {
    var writer = JSONWriter()
    writer.value(value, style: style)
    return writer.text
  }

  /// `text` as a JSON string literal.
  public static func quoted(_ text: String) -> String {
    var writer = JSONWriter()
    writer.string(text)
    return writer.text
  }

  /// An `Encodable` value as JSON text in `style`: keys in the order the value encodes them
  /// (or sorted), nil optionals that are encoded explicitly as `null`, numbers as
  /// `NumberText.shortest` prints them.
  public static func encode<Value: Encodable>(
    _ value: Value, style: JSONStyle
  ) throws(JSONEncodingError) -> String {
    text(try JSONValue(encoding: value), style: style)
  }
}
