import MemoExtraction
import Testing

/// Encodings are decided before libxml2 sees the bytes; each case checks the text and the
/// `encoding` the memo reports.
@Suite("Encodings")
struct TextDecodingTests {
  /// A page whose paragraph is `body`, encoded by the caller.
  static func page(_ body: String, meta: String = "") -> String {
    "<html><head>\(meta)<title>Notice</title></head><body><p>\(body)</p></body></html>"
  }

  static let smartText = "The “new” plan — it’s final… costs €5"

  /// windows-1252 bytes for `smartText`.
  static let smart1252: [UInt8] =
    Array("The ".utf8) + [0x93] + Array("new".utf8) + [0x94] + Array(" plan ".utf8) + [0x97]
    + Array(" it".utf8) + [0x92] + Array("s final".utf8) + [0x85] + Array(" costs ".utf8)
    + [0x80] + Array("5".utf8)

  static func wrap(_ body: [UInt8], meta: String) -> [UInt8] {
    Array("<html><head>\(meta)<title>Notice</title></head><body><p>".utf8) + body
      + Array("</p></body></html>".utf8)
  }

  @Test("windows-1252 with smart quotes, declared as windows-1252")
  func windows1252() throws {
    let memo = try extract(Self.wrap(Self.smart1252, meta: "<meta charset=\"windows-1252\">"))
    #expect(memo.paragraphs == [Self.smartText])
    #expect(memo.encoding == "windows-1252")
  }

  @Test("A latin-1 label is read as windows-1252, as browsers do")
  func latin1Label() throws {
    let meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
    let memo = try extract(Self.wrap(Self.smart1252, meta: meta))
    #expect(memo.paragraphs == [Self.smartText])
    #expect(memo.encoding == "windows-1252")
  }

  @Test("windows-1252 without any label falls back to windows-1252")
  func unlabelled1252() throws {
    let memo = try extract(Self.wrap(Self.smart1252, meta: ""))
    #expect(memo.paragraphs == [Self.smartText])
    #expect(memo.encoding == "windows-1252")
  }

  @Test("Bytes windows-1252 leaves undefined become U+FFFD, and nothing after them is lost")
  func undefined1252Bytes() throws {
    let body: [UInt8] =
      Array("a".utf8) + [0x81] + Array("b".utf8) + [0x8D, 0x8F, 0x90, 0x9D]
      + Array(" end of text".utf8)
    let memo = try extract(Self.wrap(body, meta: "<meta charset=\"windows-1252\">"))
    #expect(memo.paragraphs == ["a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} end of text"])
  }

  @Test("UTF-16 with a byte-order mark, little- and big-endian")
  func utf16WithMark() throws {
    let text = Self.page("Grüße — “AI” 日本")
    let littleEndian: [UInt8] =
      [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian: [UInt8] =
      [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let little = try extract(littleEndian)
    let big = try extract(bigEndian)
    #expect(little.paragraphs == ["Grüße — “AI” 日本"])
    #expect(little.encoding == "utf-16le")
    #expect(big.paragraphs == ["Grüße — “AI” 日本"])
    #expect(big.encoding == "utf-16be")
  }

  @Test("UTF-16 without a byte-order mark is recognized by its NUL bytes")
  func utf16WithoutMark() throws {
    let text = Self.page("Plain ASCII memo text, but in UTF-16.")
    let littleEndian = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let little = try extract(littleEndian)
    let big = try extract(bigEndian)
    #expect(little.paragraphs == ["Plain ASCII memo text, but in UTF-16."])
    #expect(little.encoding == "utf-16le")
    #expect(big.paragraphs == ["Plain ASCII memo text, but in UTF-16."])
    #expect(big.encoding == "utf-16be")
  }

  @Test("A UTF-8 byte-order mark wins over a windows-1252 meta")
  func utf8MarkOverMeta() throws {
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF]
      + Array(Self.page(Self.smartText, meta: "<meta charset=\"windows-1252\">").utf8)
    let memo = try extract(bytes)
    #expect(memo.paragraphs == [Self.smartText])
    #expect(memo.encoding == "utf-8")
  }

  @Test("Valid UTF-8 mislabelled as windows-1252 is read as UTF-8")
  func mislabelledUTF8() throws {
    let memo = try extract(
      Array(Self.page(Self.smartText, meta: "<meta charset=\"windows-1252\">").utf8))
    #expect(memo.paragraphs == [Self.smartText])
    #expect(memo.encoding == "utf-8")
  }

  @Test("windows-1252 bytes mislabelled as UTF-8 are read as windows-1252")
  func mislabelled1252() throws {
    let memo = try extract(Self.wrap(Self.smart1252, meta: "<meta charset=\"utf-8\">"))
    #expect(memo.paragraphs == [Self.smartText])
    #expect(memo.encoding == "windows-1252")
  }

  @Test("Valid UTF-8 with one stray byte stays UTF-8: one U+FFFD, the rest intact")
  func strayByte() throws {
    let body =
      Array("Caf\u{e9} “quoted” text ".utf8) + [0xFF] + Array(" and the rest — intact".utf8)
    let memo = try extract(Self.wrap(body, meta: "<meta charset=\"utf-8\">"))
    #expect(memo.paragraphs == ["Café “quoted” text \u{FFFD} and the rest — intact"])
    #expect(memo.encoding == "utf-8")
  }

  @Test("Plain text files go through the same decisions")
  func textFiles() throws {
    let memo = try extract(Array("Dear team,\n\n".utf8) + Self.smart1252, as: "memo.txt")
    #expect(memo.paragraphs == ["Dear team,", Self.smartText])
    #expect(memo.encoding == "windows-1252")
  }
}
