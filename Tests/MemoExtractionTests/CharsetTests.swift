import Testing

@testable import MemoExtraction

/// Every WHATWG encoding, written here with ICU's encoder in a small page that declares it,
/// must come back exactly; labels, wrong labels and BOM-less UTF-16/32 are read the way the
/// decoder promises.
@Suite("Charsets")
struct CharsetTests {
  static let cyrillic = "Сокращение штата: мы объявляем о реорганизации отдела."
  static let chinese = "裁员通知：公司将进行重组，部分岗位将被取消。"
  static let traditional = "裁員通知：公司將進行重組，部分崗位將被取消。"
  static let japanese = "人員削減のお知らせ：会社は組織を再編します。"
  static let korean = "구조조정 안내: 회사는 조직을 재편합니다."

  /// Text each encoding can hold, in its script.
  static let samples: [String: String] = [
    "utf-8": "Grüße — “AI” 日本 🚀",
    "ibm866": cyrillic, "iso-8859-5": cyrillic, "koi8-r": cyrillic, "koi8-u": cyrillic + " Їжак",
    "windows-1251": cyrillic, "x-mac-cyrillic": cyrillic,
    "iso-8859-2": "Zmiana struktury: żegnamy zespół w Łodzi.",
    "windows-1250": "Zmiana struktury: żegnamy zespół w Łodzi – „koniec”.",
    "iso-8859-3": "Ĉiuj ŝanĝoj: Ħafna ħaddiema ġew affettwati.",
    "iso-8859-4": "Pārstrukturēšana: ķēde ņem ļaudis.",
    "iso-8859-6": "إعادة الهيكلة في الشركة", "windows-1256": "إعادة الهيكلة في الشركة",
    "iso-8859-7": "Αναδιάρθρωση της εταιρείας", "windows-1253": "Αναδιάρθρωση της εταιρείας",
    "iso-8859-8": "ארגון מחדש של החברה", "iso-8859-8-i": "ארגון מחדש של החברה",
    "windows-1255": "ארגון מחדש של החברה",
    "iso-8859-10": "Endurskipulagning: Þórður á Íslandi, ŋ ŧ ū.",
    "iso-8859-13": "Įmonės pertvarka: ąčęėįšųūž „taip“.",
    "windows-1257": "Įmonės pertvarka: ąčęėįšųūž „taip“.",
    "iso-8859-14": "Ailstrwythuro: ŵyr ŷ Ẁ ḃ.",
    "iso-8859-15": "Réorganisation : coût 5 €, œuvre, Šš Žž Ÿ.",
    "iso-8859-16": "Restructurare: șomaj și țară, Ș Ț, 5 €.",
    "macintosh": "Café “quoted” — résumé, naïve.",
    "windows-874": "การปรับโครงสร้างบริษัท",
    "windows-1252": "The “new” plan — it’s final… costs €5",
    "windows-1254": "Yeniden yapılanma: şirket çalışanları İĞ.",
    "windows-1258": "Tái: Đ đ Ư ư Ơ ơ ₫ à á.",
    "gbk": chinese, "gb18030": chinese + " €𠀀", "big5": traditional,
    "euc-jp": japanese, "iso-2022-jp": japanese, "shift_jis": japanese,
    "euc-kr": korean, "iso-2022-kr": korean, "iso-2022-cn": chinese, "hz-gb-2312": chinese,
  ]

  static func page(_ body: [UInt8], charset: String) -> [UInt8] {
    Array("<html><head><meta charset=\"\(charset)\"><title>Notice</title></head><body><p>".utf8)
      + body + Array("</p></body></html>".utf8)
  }

  /// Encodes `text` in `charset`: ICU for converters, the table for the others.
  static func encode(_ text: String, _ charset: Charset) -> [UInt8]? {
    switch charset.decoder {
    case .icu(let converter):
      guard let bytes = ICUConverter.fromUTF8(text, converter: converter) else { return nil }
      // ICU's one-shot encoder leaves out ISO-2022-KR's designator line and HZ's final
      // shift back to ASCII; real files have both.
      if converter == "ISO-2022-KR" { return [0x1B, 0x24, 0x29, 0x43] + bytes }
      if converter == "HZ-GB-2312" { return bytes + Array("~}".utf8) }
      return bytes
    case .table(let high):
      var bytes: [UInt8] = []
      for scalar in text.unicodeScalars {
        if scalar.value < 0x80 {
          bytes.append(UInt8(scalar.value))
        } else if let index = high.firstIndex(of: scalar.value) {
          bytes.append(UInt8(0x80 + index))
        } else {
          return nil
        }
      }
      return bytes
    case .windows1252: return ICUConverter.fromUTF8(text, converter: "windows-1252")
    case .utf8: return Array(text.utf8)
    case .utf16, .utf32: return nil
    }
  }

  @Test("Every WHATWG encoding round-trips exactly from a page that declares it")
  func roundTrips() throws {
    var checked = 0
    for charset in Charsets.all {
      guard let text = Self.samples[charset.name] else { continue }
      let encoded = try #require(Self.encode(text, charset), "cannot encode \(charset.name)")
      if charset.name != "utf-8" { #expect(encoded != Array(text.utf8), "\(charset.name)") }
      let memo = try extract(Self.page(encoded, charset: charset.name))
      #expect(memo.paragraphs == [text], "\(charset.name)")
      #expect(memo.encoding == charset.name, "\(charset.name)")
      checked += 1
    }
    // Every encoding except UTF-16/32 (own tests below) and x-user-defined has a sample.
    #expect(checked == Charsets.all.count - 5)
  }

  @Test("Every label of the WHATWG table finds its encoding, whatever its case")
  func labels() {
    #expect(Charsets.charset(forLabel: "GB2312")?.name == "gbk")
    #expect(Charsets.charset(forLabel: " \"Shift-JIS\" ")?.name == "shift_jis")
    #expect(Charsets.charset(forLabel: "ks_c_5601-1987")?.name == "euc-kr")
    #expect(Charsets.charset(forLabel: "latin1")?.name == "windows-1252")
    #expect(Charsets.charset(forLabel: "ISO-8859-9")?.name == "windows-1254")
    #expect(Charsets.charset(forLabel: "x-mac-ukrainian")?.name == "x-mac-cyrillic")
    #expect(Charsets.charset(forLabel: "tis-620")?.name == "windows-874")
    #expect(Charsets.charset(forLabel: "klingon-8") == nil)
    for charset in Charsets.all {
      if case .icu(let converter) = charset.decoder {
        #expect(ICUConverter.exists(converter), "\(charset.name): \(converter)")
      }
    }
  }

  @Test("An http-equiv charset and an XML declaration are both read")
  func otherDeclarations() throws {
    let body = try #require(ICUConverter.fromUTF8(Self.cyrillic, converter: "KOI8-R"))
    let httpEquiv =
      Array(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\">"
          .utf8) + Array("</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    #expect(try extract(httpEquiv).paragraphs == [Self.cyrillic])
    let xml =
      Array("<?xml version=\"1.0\" encoding=\"koi8-r\"?><html><body><p>".utf8) + body
      + Array("</p></body></html>".utf8)
    #expect(try extract(xml).encoding == "koi8-r")
  }

  @Test("Email parts use their charset= parameter")
  func emailCharset() throws {
    let body = try #require(ICUConverter.fromUTF8(Self.japanese, converter: "ISO-2022-JP"))
    let email =
      Array(
        ("From: Aiko Sato <aiko@example.com>\r\nSubject: Notice\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/plain; charset=\"ISO-2022-JP\"\r\n\r\n").utf8) + body
      + Array("\r\n".utf8)
    let memo = try extract(email, as: "memo.eml")
    #expect(memo.paragraphs == [Self.japanese])
    #expect(memo.encoding == "iso-2022-jp")
  }

  @Test("An unknown declared charset on non-UTF-8 bytes is an error naming the file and label")
  func unknownLabel() throws {
    let body = try #require(ICUConverter.fromUTF8(Self.cyrillic, converter: "KOI8-R"))
    #expect(throws: ExtractionError.self) { try extract(Self.page(body, charset: "klingon-8")) }
    do {
      _ = try extract(Self.page(body, charset: "klingon-8"), as: "memo.html")
    } catch {
      #expect(String(describing: error).hasPrefix("memo.html: declared charset 'klingon-8'"))
    }
    // The same label on plain UTF-8 bytes is no obstacle: the bytes decode only one way.
    let utf8 = try extract(Self.page(Array(Self.cyrillic.utf8), charset: "klingon-8"))
    #expect(utf8.paragraphs == [Self.cyrillic])
  }

  @Test("A declared charset the bytes do not fit is an error, not mojibake")
  func wrongLabel() throws {
    // French in windows-1252 declared as GBK: lone accented letters before spaces and
    // punctuation are not GBK.
    let french = "Le café, le thé à l’école, déjà là. Où? Là-bas, près du quai."
    let body = try #require(ICUConverter.fromUTF8(french, converter: "windows-1252"))
    #expect(throws: ExtractionError.self) { try extract(Self.page(body, charset: "gbk")) }
    // Multibyte charsets that cover each other's bytes cannot be told apart this way: EUC-JP
    // declared as Big5 decodes without a single invalid sequence.
  }

  @Test("GBK bytes that happen to hold valid UTF-8 pairs still follow their label")
  func gbkNotUTF8() throws {
    // 陈 (B3 C2) and 述 (CA F6) … GBK trail bytes in 0x80–0xBF pair up as UTF-8 by accident.
    let text = "陈述：公司说明原因。"
    let body = try #require(ICUConverter.fromUTF8(text, converter: "GB18030"))
    let memo = try extract(Self.page(body, charset: "gb2312"))
    #expect(memo.paragraphs == [text])
    #expect(memo.encoding == "gbk")
  }

  @Test("ISO-2022-JP without a label is recognized by its escapes")
  func unlabelledISO2022JP() throws {
    let body = try #require(ICUConverter.fromUTF8(Self.japanese, converter: "ISO-2022-JP"))
    let memo = try extract(body, as: "memo.txt")
    #expect(memo.paragraphs == [Self.japanese])
    #expect(memo.encoding == "iso-2022-jp")
  }

  @Test("Chinese UTF-16 without a byte-order mark is read, not refused as binary")
  func cjkUTF16WithoutMark() throws {
    let text = Self.chinese + "\n\n" + Self.chinese + "\n"
    for (converter, name) in [("UTF-16LE", "utf-16le"), ("UTF-16BE", "utf-16be")] {
      let bytes = try #require(ICUConverter.fromUTF8(text, converter: converter))
      let memo = try extract(bytes, as: "memo.txt")
      #expect(memo.paragraphs == [Self.chinese, Self.chinese])
      #expect(memo.encoding == name)
    }
  }

  @Test("UTF-32 is read with a byte-order mark and without one")
  func utf32() throws {
    let text = "<html><body><p>" + Self.samples["utf-8"]! + "</p></body></html>"
    for (converter, name, mark) in [
      ("UTF-32LE", "utf-32le", [UInt8]([0xFF, 0xFE, 0, 0])),
      ("UTF-32BE", "utf-32be", [UInt8]([0, 0, 0xFE, 0xFF])),
    ] {
      let bytes = try #require(ICUConverter.fromUTF8(text, converter: converter))
      for input in [mark + bytes, bytes] {
        let memo = try extract(input)
        #expect(memo.paragraphs == [Self.samples["utf-8"]!])
        #expect(memo.encoding == name)
      }
    }
  }

  @Test("x-user-defined maps high bytes to the private-use block")
  func userDefined() throws {
    let memo = try extract(
      Self.page(Array("Memo ".utf8) + [0x80, 0xFF], charset: "x-user-defined"))
    #expect(memo.paragraphs == ["Memo \u{F780}\u{F7FF}"])
  }
}
