import Testing

@testable import MemoExtraction

/// UTF-8 read as windows-1252 and saved as UTF-8 again is repaired and reported; real Latin
/// text is never "repaired".
@Suite("Double encoding")
struct DoubleEncodingTests {
  /// `text` as it looks after one wrong windows-1252 reading: its UTF-8 bytes decoded as
  /// windows-1252 (bytes windows-1252 leaves undefined kept as C1 controls, as latin-1 does).
  static func mojibake(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      let decoded = TextDecoding.decodeWindows1252([byte][...])
      if decoded == TextDecoding.replacement {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += String(decoding: decoded, as: UTF8.self)
      }
    }
    return result
  }

  @Test("Smart quotes, dashes and accents come back, and the encoding says so")
  func repairsPastedMemo() throws {
    let original = "It’s an “AI-first” plan — the café’s team of 20 (€5) stays."
    let broken = Self.mojibake(original)
    #expect(broken.contains("itâ€™s") || broken.contains("Itâ€™s"))
    let memo = try extract(Array(broken.utf8), as: "memo.txt")
    #expect(memo.paragraphs == [original])
    #expect(memo.encoding == "utf-8 (repaired double encoding)")
  }

  @Test("Cyrillic and CJK double-encoded text is repaired too")
  func repairsOtherScripts() throws {
    for original in ["Сокращение штата объявлено сегодня.", "公司将进行重组。"] {
      let memo = try extract(Array(Self.mojibake(original).utf8), as: "memo.txt")
      #expect(memo.paragraphs == [original])
    }
  }

  @Test("A byte-order mark read as ï»¿ is dropped and the text repaired")
  func repairsMark() throws {
    let memo = try extract(Array(Self.mojibake("\u{FEFF}We’re restructuring.").utf8), as: "m.txt")
    #expect(memo.paragraphs == ["We’re restructuring."])
  }

  @Test(
    "Real Latin text is left alone",
    arguments: [
      "Le café et la crème brûlée à l’école, déjà vu.",
      "Straße, Ärger, Öl, Übermut: GRÜSSE AUS MÜNCHEN.",
      "¿Qué pasó? El año pasado, señor.",
      "CAFÉ… was closed. NÃO PARE. SÃO PAULO.",
      "The “PÅ” brand and the Ä” mark, © 2025 Acme®, 25 °C ± 2.",
      "Ölçüm: İŞÇİ ÜCRETİ ARTTI.",
    ])
  func leavesLatinAlone(text: String) throws {
    let memo = try extract(Array(text.utf8), as: "memo.txt")
    #expect(memo.paragraphs == [text])
    #expect(memo.encoding == "utf-8")
  }

  @Test("Mostly repaired: a pasted memo with one real accented word still repairs its quotes")
  func mixed() throws {
    let broken = Self.mojibake("We’re “done” — it’s over, and we’ll rebuild.") + " Café."
    let memo = try extract(Array(broken.utf8), as: "memo.txt")
    #expect(memo.paragraphs == ["We’re “done” — it’s over, and we’ll rebuild. Café."])
  }
}
