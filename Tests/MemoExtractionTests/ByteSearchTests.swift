import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

@Suite("Byte search")
struct ByteSearchTests {
  static let separators = [" | ", " :: ", " -- ", " – ", " — ", " - ", " • ", "\n\n"]

  static let texts: [String] = [
    "", "a", " | ", "a | b", " | a | ", "a |  | b", "a | | b", "Acme Labs :: News :: Layoffs",
    "Headline – Site", "Headline — Site — Section", "A - B - C", "a -- b", "x • y",
    "e\u{301} | b", "a | \u{301}b", "a |\u{301} b", "a \u{301}| b", "a - \u{0301}b",
    "one\n\ntwo", "one\r\n\ntwo", "one\n\r\ntwo", "one\n\n\ntwo", "\n\none\n\n", "one\n\n",
    "🇺🇸 | 🇬🇧", "a\u{200D} | b", "👩‍👩‍👧 - family", "Ünïcödé – Títle", "a\u{00A0}| b",
    "Stock - Reuters | Business • World",
  ]

  @Test("splitting by bytes gives Foundation's components(separatedBy:)")
  func splittingAgrees() throws {
    var texts = Self.texts
    let corpus = Fixtures.repositoryRoot.appendingPathComponent("Corpus")
    let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      if let text = try? String(contentsOf: url, encoding: .utf8) { texts.append(text) }
    }
    #expect(texts.count > 40)
    for text in texts {
      for separator in Self.separators {
        #expect(
          text.splitting(on: separator) == text.components(separatedBy: separator),
          "\(text.debugDescription) by \(separator.debugDescription)")
      }
    }
  }

  @Test("a needle set finds what one search per needle finds")
  func needleSetAgrees() throws {
    let needles = ["riginally p", "irst p", "rsprünglich", "ab", "aba", "ü"]
    let set = ByteSearch.NeedleSet(needles.filter { $0.utf8.count >= 2 })
    var texts =
      Self.texts + [
        "Originally published on 3 May 2026", "first post", "First posted", "ursprünglich",
        "rsprünglic", "xab", "ab", "a", "b", "üb", "irst", "irst p", "irst  p", "the first p.",
      ]
    // Random texts over a small alphabet, so that partial matches are common.
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("abirstp ü")
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<40, using: &generator)
      texts.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }
    for text in texts {
      let expected = needles.filter { $0.utf8.count >= 2 }.contains { text.containsBytes($0) }
      #expect(set.occurs(in: text) == expected, "\(text.debugDescription)")
    }
  }

  @Test("the word-at-a-time digit scan stops where a byte-by-byte one does")
  func digitScanAgrees() {
    var generator = SystemRandomNumberGenerator()
    // Bytes near the edges the word test draws: '/', '0', '9', ':', 0x7F, 0x80, 0xB0, 0xBA.
    let alphabet: [UInt8] = [
      0x20, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x61, 0x7F, 0x80, 0xB0, 0xBA,
    ]
    for _ in 0..<3000 {
      let length = Int.random(in: 0..<40, using: &generator)
      var bytes = (0..<length).map { _ in
        Bool.random(using: &generator) ? UInt8(0x61) : alphabet.randomElement(using: &generator)!
      }
      if Int.random(in: 0..<4, using: &generator) == 0 {
        bytes = bytes.map { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) ? 0x62 : $0 }
      }
      let start = Int.random(in: 0...length, using: &generator)
      let end = Int.random(in: start...length, using: &generator)
      let expected =
        bytes[start..<end].firstIndex { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) } ?? end
      let found = bytes.withUnsafeBufferPointer {
        ByteSearch.nextDigitOrHighByte($0, from: start, to: end)
      }
      #expect(found == expected, "\(bytes) \(start)..<\(end)")
    }
  }

  @Test("comma parts and space words on bytes are the Character splits")
  func commaPartsAgree() {
    let lines = [
      "", ",", ",,", "a", "a,b", " a , b ,c ", "Dana Lee, Chief Executive Officer, Acme Labs",
      "Dana Lee,, CEO,", "a,\r\nb", "x\r\n, y", "Zoë Ng, CEO, Ærø AS", "a,\u{301}b, c",
      "one  two", " lead", "trail ", "tab\tsep, x", "\u{00A0}a, b\u{00A0}", "a , ,b",
    ]
    for line in lines + Self.texts {
      #expect(
        MemoHeaders.commaParts(line) == line.split(separator: ",").map { $0.trimmed },
        "\(line.debugDescription)")
      #expect(
        MemoHeaders.spaceWords(line) == line.split(separator: " "), "\(line.debugDescription)")
    }
  }

  @Test("a prefix read on bytes is the prefix of Characters")
  func characterPrefixAgrees() {
    let texts =
      Self.texts + [
        "abc", "abc\r\ndef", "ab\r\n", "\r\nab", "e\u{301}xyz", "abe\u{301}", "abce\u{301}",
        "abc\u{301}", "a👩‍👩‍👧b", "LONDON, 3 March 2026 — Acme", String(repeating: "x", count: 300),
      ]
    for text in texts {
      for count in [0, 1, 2, 3, 4, 5, 80, 90, 220] {
        #expect(
          text.characterPrefix(count) == String(text.prefix(count)),
          "\(text.debugDescription) \(count)")
      }
    }
  }

  @Test("the first separator found by bytes is Foundation's range(of:)")
  func firstRangeAgrees() throws {
    var texts =
      Self.texts + [
        "Memo — Sales restructure", "People Operations : Org changes", "a - b - c", "x : y : z",
        " - ", "-", "e\u{0301} - f", "a -\u{0301} b", "a\u{0301} - b", "Acme | ", "| Acme",
        "\u{0600} - x", "x - \u{0301}y", "x\r - y", "x - \r\ny", "Acme’s memo — Acme | News",
      ]
    let corpus = Fixtures.repositoryRoot.appendingPathComponent("Corpus")
    let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      if let text = try? String(contentsOf: url, encoding: .utf8) { texts.append(text) }
    }
    for text in texts {
      for separator in Self.separators + [" : "] where !separator.contains("\n") {
        let found = text.firstRange(ofSeparator: separator)
        let reference = text.range(of: separator)
        #expect(
          found == reference, "\(text.debugDescription) by \(separator.debugDescription)")
      }
    }
  }

  @Test("containsByte finds a byte exactly where utf8.contains does")
  func containsByteAgrees() throws {
    var texts = Self.texts + ["line\nbreak", "\n", "no break", "é\u{0A}", "\r\n", ""]
    texts.append(String(repeating: "long text without a break ", count: 200))
    texts.append(String(repeating: "x", count: 4096) + "\n")
    for text in texts {
      #expect(text.containsByte(0x0A) == text.utf8.contains(0x0A), "\(text.debugDescription)")
      #expect(text.containsByte(0x7C) == text.utf8.contains(0x7C), "\(text.debugDescription)")
    }
    let bridged = NSString(string: "bridged\ntext") as String
    #expect(bridged.containsByte(0x0A))
  }

  @Test("the year-digits pre-check never turns away a date normalize reads")
  func yearDigitsAgree() throws {
    var lines = [
      "March 4, 2026", "2026-03-04", "2026/03/04T10:00", "Wed, 4 Mar 2026 09:12:00 -0500",
      "4th March 2026", "Sept. 9 2025", "May 20, 2025 • News", "Updated: 18 Nov 2019, 19:11",
      "no date here", "March 4", "12 34 56 78", "２０２６年3月4日", "1999", "March 4, 26",
    ]
    let corpus = Fixtures.repositoryRoot.appendingPathComponent("Corpus")
    let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      lines += text.split(separator: "\n").map(String.init)
    }
    var dates = 0
    for line in lines {
      let full = DateNormalizer.parse(line)
      if full != nil { dates += 1 }
      #expect(full == nil || DateNormalizer.hasYearDigits(line), "\(line)")
      #expect(DateNormalizer.normalize(line) == full, "\(line)")
    }
    #expect(dates >= 8)
  }
}
