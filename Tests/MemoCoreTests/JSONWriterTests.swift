import Foundation
import MemoCore
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
  @Test("Strings: quotes, backslashes, controls and U+2028/2029 escaped; the rest kept as UTF-8")
  func escapes() {
    #expect(
      JSONWriter.quoted("a\"b\\c\nd\re\tf\u{8}g\u{C}h\u{1}i\u{1F}j")
        == #""a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj""#)
    #expect(JSONWriter.quoted("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
    #expect(JSONWriter.quoted("é/€ \u{1F600} \u{7F}") == "\"é/€ \u{1F600} \u{7F}\"")
    // A CR LF pair and a quote followed by a combining mark are escaped byte by byte.
    #expect(JSONWriter.quoted("a\r\nb\"\u{301}") == #""a\r\nb\"\#u{301}""#)
  }

  @Test("Every string reads back as itself through JSONSerialization")
  func roundTrips() throws {
    var samples = ["", "plain", "\u{0}\u{1}\u{2}", "\u{2028}", "\"\\\"", "e\u{301}\r\n\t"]
    samples.append(String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }))
    for sample in samples {
      let data = Data(JSONWriter.quoted(sample).utf8)
      let back = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      #expect(back as? String == sample)
    }
  }

  @Test("Encodable values: same bytes as JSONEncoder with sorted keys, nulls explicit")
  func encodesLikeJSONEncoder() throws {
    struct Inner: Codable { var name: String; var weight: Double; var tags: [String] }
    struct Outer: Codable {
      var b: Int
      var a: String?
      var inner: [Inner]
      var map: [String: Int]
      var flag: Bool
      var ratio: Double
      private enum CodingKeys: String, CodingKey { case b, a, inner, map, flag, ratio }
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(b, forKey: .b)
        try container.encode(a, forKey: .a)
        try container.encode(inner, forKey: .inner)
        try container.encode(map, forKey: .map)
        try container.encode(flag, forKey: .flag)
        try container.encode(ratio, forKey: .ratio)
      }
    }
    let value = Outer(
      b: -3, a: nil,
      inner: [
        Inner(name: "x/y", weight: 1, tags: ["t"]), Inner(name: "é", weight: 0.1, tags: ["u"]),
      ],
      map: ["Zeta": 1, "alpha": 2, "a_b": 3, "a-b": 4], flag: true, ratio: 1e-5)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
    #expect(try JSONWriter.encode(value, style: .line) == expected)
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    let pretty = String(decoding: try encoder.encode(value), as: UTF8.self)
    #expect(try JSONWriter.encode(value, style: .pretty) == pretty)
  }

  @Test("Keys in the order given unless sorted; empty arrays and objects on one line")
  func layout() {
    let value = JSONValue.object([
      ("z", .array([])), ("a", .object([])), ("m", .array([.integer(1), .null, .bool(false)])),
    ])
    let ordered = JSONStyle(indent: nil, colon: ":", sortedKeys: false)
    #expect(JSONWriter.text(value, style: ordered) == #"{"z":[],"a":{},"m":[1,null,false]}"#)
    #expect(JSONWriter.text(value, style: .line) == #"{"a":{},"m":[1,null,false],"z":[]}"#)
    #expect(
      JSONWriter.text(value, style: .pretty)
        == "{\n  \"a\" : {},\n  \"m\" : [\n    1,\n    null,\n    false\n  ],\n  \"z\" : []\n}")
  }

  @Test("Non-finite numbers are refused with the key's path")
  func refusesNaN() {
    struct Bad: Encodable { var value = Double.nan }
    #expect(throws: JSONEncodingError.self) { try JSONWriter.encode(Bad(), style: .line) }
  }
}

@Suite("NumberText")
struct NumberTextTests {
  @Test("fixed and percent for people")
  func people() {
    #expect(NumberText.fixed(3.14159, decimals: 2) == "3.14")
    #expect(NumberText.fixed(1_234_567.891) == "1234567.9")
    #expect(NumberText.fixed(0.5, decimals: 2) == "0.50")
    #expect(NumberText.percent(0.625) == "63%")
  }

  @Test("trimmed: at most N decimals, halves away from zero, no trailing zeros")
  func trimmed() {
    #expect(NumberText.trimmed(1, decimals: 4) == "1")
    #expect(NumberText.trimmed(0.5, decimals: 4) == "0.5")
    #expect(NumberText.trimmed(0.123456, decimals: 4) == "0.1235")
    #expect(NumberText.trimmed(0.00004, decimals: 4) == "0")
    #expect(NumberText.trimmed(-0.00004, decimals: 4) == "0")
    #expect(NumberText.trimmed(-0.5, decimals: 4) == "-0.5")
    #expect(NumberText.trimmed(-12.25, decimals: 3) == "-12.25")
    #expect(NumberText.trimmed(12.0005, decimals: 3) == "12.001")
    #expect(NumberText.trimmed(.infinity, decimals: 3) == "0")
    #expect(NumberText.trimmed(1e20, decimals: 3) == "100000000000000000000")
  }

  @Test("Escapes are found wherever they fall in a long string (the 8-byte skip)")
  func escapesAtEveryOffset() {
    // A plain reference escaper, byte by byte, for comparison.
    func reference(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\u{8}": out += "\\b"
        case "\u{C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
          if scalar.value < 0x20 {
            out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    }
    let specials = [
      "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}", "é", " ",
    ]
    for special in specials {
      for offset in 0..<20 {
        let text =
          String(repeating: "a", count: offset) + special
          + String(repeating: "b", count: 19 - offset)
        #expect(
          JSONWriter.quoted(text) == reference(text), "\(special.debugDescription) at \(offset)")
      }
    }
  }

  @Test("Integers and trimmed decimals written as bytes match their String forms")
  func bytesMatchStrings() {
    for value in [0, 7, -7, 10, 99, 100, 123_456_789, -1_000_000, Int.max, Int.min] {
      var writer = JSONWriter()
      writer.integer(value)
      #expect(writer.text == String(value))
    }
    // The String form by an independent route: Foundation's fixed decimals, trimmed.
    func reference(_ value: Double, _ decimals: Int) -> String {
      var power = 1.0
      for _ in 0..<decimals { power *= 10 }
      let scaled = (value * power).rounded()
      if scaled == 0 { return "0" }
      var text = String(format: "%.\(decimals)f", scaled / power)
      if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
      }
      return text
    }
    var generator = SystemRandomNumberGenerator()
    var samples: [Double] = [0.5, 0.05, 0.0504, 0.1, 0.9999, 0.99995, 1, 12.0005, -0.0504, -3.5]
    for _ in 0..<2000 { samples.append(Double.random(in: -50...50, using: &generator)) }
    for value in samples {
      for decimals in [0, 1, 3, 4] {
        var writer = JSONWriter()
        writer.decimal(value, decimals: decimals)
        #expect(writer.text == NumberText.trimmed(value, decimals: decimals))
        #expect(writer.text == reference(value, decimals), "\(value) to \(decimals)")
      }
    }
  }

  @Test("shortest: the form JSONEncoder writes")
  func shortest() throws {
    for value in [1, 0.1, 1e-5, 1e20, 0.30000000000000004, -0.0, 12.345, 123.0] {
      let data = try JSONEncoder().encode([value])
      let expected = String(decoding: data, as: UTF8.self).dropFirst().dropLast()
      #expect(NumberText.shortest(value) == String(expected))
    }
  }
}
