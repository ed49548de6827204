import Foundation
import Testing

@testable import MemoExtraction

/// Plain-text reading over byte ranges of one buffer (`TextLines`), checked against the
/// `String`-per-line reader it replaced (`ReferencePlainText`) on generated documents: wrapped
/// and unwrapped prose, headers, list items of every marker, page furniture, hyphenation,
/// front matter and top matter, with CRLF, CR, tabs, NBSP, a BOM, ill-formed UTF-8 and
/// non-ASCII text mixed in.
@Suite("Plain-text lines as byte ranges")
struct PlainTextLinesTests {
  typealias Seeded = ReadingFastPathTests.Seeded

  /// Lines documents are made of.
  static let lines: [String] = [
    "", "", "", " ", "\t", "\u{00A0}", "  \u{3000} ",
    "MEMO", "** INTERNAL MEMORANDUM **", "TESSALINE LABS", "ACME FOODS, INC.",
    "An update on our teams", "By Dana Whitfield", "By Dana Whitfield, CEO | March 4, 2026",
    "Posted by Celia Draycott on March 4, 2026", "March 4, 2026", "2026-03-04",
    "SAN FRANCISCO, March 4, 2026 — Acme today said it would cut jobs.",
    "To: All Acme employees", "From: Dana Whitfield, CEO", "Date: March 4, 2026",
    "Subject: Changes at Acme", " From : Idris", "\u{00A0}Date: May 4", "To our team,", "Team,",
    "Re: what happens next",
    "We are reducing the size of our teams as AI changes how work gets done and we",
    "will support every affected colleague with severance benefits and placement",
    "help across product, engineering, sales and support operations this quarter.",
    "Our customers will see no change in service. We will share more next week.",
    "What happens next", "What happens next:", "a short line", "carried on in lower case",
    "self-", "service teams", "end of a line -", "- a dash item", "-", "- ", "* star item",
    "+ plus item", "• bullet item", "· middle dot item", "– en dash item", "◦ white bullet",
    "▪ small square", "‣ triangle bullet", "● black circle", "•no space", "1. First item",
    "2) second item", "12. twelfth", "1234. too many digits", "1.5 million", "١. Arabic digit",
    "1\u{0301}. combining", "    indented continuation of an item", "\tTabbed continuation",
    "4", "- 4 -", "– 12 –", "Page 3 of 9", "PAGE 2", "Exhibit 99.1", "EX-10.2", "\u{0C}",
    "Best,", "Best regards,", "Thank you for everything.", "Dana Whitfield",
    "Chief Executive Officer", "Émile Zola a écrit ceci à l’équipe, sans rupture de ligne",
    "中文的段落，没有空格也没有句号", "Ω ends with a quote”", "He said “it’s done.”",
    "\u{0600}-", "x\u{0600} -", "a\u{0301}-", "\u{200B}", "tab\tin\tthe\tmiddle",
    "double  spaced  words", "trailing spaces   ", "🇺🇸 flag line", "Kelvin \u{212A} sign",
    "---", "title: A \"quoted\" title", "author: Dana Whitfield", "date: 2026-03-04", "...",
    String(repeating: "long line words ", count: 12),
    "The quick brown fox jumps over the lazy dog and keeps running far away from the",
    "farm where it was born and raised by a family of very kind foxes who taught it",
    "everything.",
  ]

  static let breaks = ["\n", "\n", "\n", "\r\n", "\r"]

  static func document(_ generator: inout Seeded) -> [UInt8] {
    var text = ""
    if Int.random(in: 0..<10, using: &generator) == 0 { text += "\u{FEFF}" }
    if Int.random(in: 0..<8, using: &generator) == 0 {
      text += "---\ntitle: Front matter title\nauthor: Dana\n---\n"
    }
    let count = Int.random(in: 0...30, using: &generator)
    for _ in 0..<count {
      text += lines.randomElement(using: &generator)!
      text += breaks.randomElement(using: &generator)!
    }
    if Bool.random(using: &generator) { text += lines.randomElement(using: &generator)! }
    var bytes = Array(text.utf8)
    if Int.random(in: 0..<12, using: &generator) == 0, !bytes.isEmpty {
      // Ill-formed UTF-8: a stray continuation byte, a cut sequence, a lone lead byte.
      let at = Int.random(in: 0..<bytes.count, using: &generator)
      bytes.insert(
        contentsOf: [[0x80], [0xE2, 0x80], [0xC3], [0xFF]].randomElement(
          using: &generator)!, at: at)
    }
    return bytes
  }

  static func expectSame(
    _ bytes: [UInt8], topMatter: Bool, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let fast = PlainTextReader.readText(utf8: bytes, topMatter: topMatter)
    let reference = ReferencePlainText.readText(utf8: bytes, topMatter: topMatter)
    let shown = String(decoding: bytes, as: UTF8.self).debugDescription
    #expect(fast.paragraphs == reference.paragraphs, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.title == reference.title, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.titleSource == reference.titleSource, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.frontMatter == reference.frontMatter, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.byline == reference.byline, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.date == reference.date, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.dateSource == reference.dateSource, "\(shown)", sourceLocation: sourceLocation)
    #expect(fast.letterhead == reference.letterhead, "\(shown)", sourceLocation: sourceLocation)
  }

  @Test("generated documents read the same as with a String per line")
  func generatedDocuments() {
    var generator = Seeded(state: 61)
    for _ in 0..<3000 {
      let bytes = Self.document(&generator)
      Self.expectSame(bytes, topMatter: true)
      Self.expectSame(bytes, topMatter: false)
    }
  }

  @Test("random strings as documents read the same")
  func randomDocuments() {
    for text in ReadingFastPathTests.edgeCases
      + ReadingFastPathTests.randomStrings(count: 3000, seed: 62)
    {
      Self.expectSame(Array(text.utf8), topMatter: true)
    }
  }

  @Test("the fixtures' text files read the same")
  func fixtures() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures")
    let files =
      FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { ["txt", "text"].contains($0.pathExtension) } ?? []
    #expect(!files.isEmpty)
    for file in files {
      let bytes = Array(try Data(contentsOf: file))
      Self.expectSame(bytes, topMatter: true)
      Self.expectSame(bytes, topMatter: false)
    }
  }

  @Test("the line buffer splits and collapses as String lines do")
  func lineBuffer() {
    var generator = Seeded(state: 63)
    for _ in 0..<2000 {
      let bytes = Self.document(&generator)
      let text = TextLines(utf8: bytes)
      let reference = PlainTextReader.lines(bytes)
      #expect(text.lines.map(text.rawString) == reference)
      #expect(text.lines.map(text.string) == reference.map(\.collapsingWhitespace))
      #expect(
        text.lines.map(\.rawIsBlank)
          == reference.map { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } })
    }
  }

  @Test("list items, hyphen ends and lower-case starts agree over bytes and Strings")
  func byteTests() {
    let samples =
      Self.lines + ReadingFastPathTests.edgeCases
      + ReadingFastPathTests.randomStrings(count: 4000, seed: 64)
      + ReadingFastPathTests.randomStrings(count: 2000, seed: 65).map { "1" + $0 }
      + ReadingFastPathTests.randomStrings(count: 2000, seed: 66).map { "- " + $0 }
      + ReadingFastPathTests.randomStrings(count: 2000, seed: 67).map { $0 + "-" }
    for raw in samples {
      let line = raw.collapsingWhitespace
      var copy = line
      copy.withUTF8 { bytes in
        #expect(
          LineUnwrapper.isListItem(bytes) == LineUnwrapper.isListItem(line),
          "\(line.debugDescription)")
        #expect(
          LineUnwrapper.endsWithHyphen(bytes) == (line.hasSuffix("-") && !line.hasSuffix(" -")),
          "\(line.debugDescription)")
        #expect(
          LineUnwrapper.startsLowercase(bytes) == (line.first?.isLowercase == true),
          "\(line.debugDescription)")
        #expect(
          MemoHeaders.mayStartWithHeaderKey(utf8: bytes) == MemoHeaders.mayStartWithHeaderKey(line),
          "\(line.debugDescription)")
      }
    }
    #expect(LineUnwrapper.isListItem("• bullet item"))
    #expect(!LineUnwrapper.isListItem("1.5 million"))
  }

  @Test("the binary sniffer's control count agrees with a byte loop")
  func controlCount() {
    var generator = Seeded(state: 68)
    let allowed: Set<UInt8> = [0x09, 0x0A, 0x0D, 0x0C, 0x1B, 0x0E, 0x0F]
    for round in 0..<1000 {
      let length = Int.random(in: 0...100, using: &generator)
      let top: UInt8 = round % 2 == 0 ? 0x40 : 0xFF
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...top, using: &generator) }
      let reference = bytes.filter { $0 < 0x20 && !allowed.contains($0) }.count
      #expect(bytes.withUnsafeBufferPointer(FormatSniffer.controlCount) == reference, "\(bytes)")
    }
  }

  @Test("list markers, byte searches and line lengths agree with the code they replaced")
  func shortcuts() {
    let samples =
      Self.lines + ReadingFastPathTests.edgeCases
      + ReadingFastPathTests.randomStrings(count: 3000, seed: 69)
      + ReadingFastPathTests.randomStrings(count: 2000, seed: 70).map { "- " + $0 }
      + ReadingFastPathTests.randomStrings(count: 1000, seed: 71).map { "* a" + $0 + "b" }
      + ReadingFastPathTests.randomStrings(count: 1000, seed: 72).map { "+" + $0 }
    for text in samples {
      #expect(
        PlainTextReader.stripListMarker(text) == ReferencePlainText.stripListMarker(text),
        "\(text.debugDescription)")
      for needle in [" | ", " — ", ", ", " on ", "a", "x", "é", "- ", " at ", "bb"] {
        for piece in [Substring(text), text.dropFirst(), text.dropLast(2)] {
          #expect(
            piece.firstByteRange(of: needle)
              == ReferencePlainText.firstByteRange(of: needle, in: piece),
            "\(piece.debugDescription) \(needle)")
        }
      }
      var line = text.collapsingWhitespace
      let reference = line.utf8.reduce(into: (length: 0, firstWord: -1)) { result, byte in
        guard byte & 0xC0 != 0x80 else { return }
        if byte == 0x20, result.firstWord < 0 { result.firstWord = result.length }
        result.length += 1
      }
      let fast = line.withUTF8 { LineUnwrapper.lengthAndFirstWord($0) }
      #expect(fast.0 == reference.length, "\(line.debugDescription)")
      #expect(
        fast.1 == (reference.firstWord < 0 ? reference.length : reference.firstWord),
        "\(line.debugDescription)")
    }
  }

  @Test("ASCII searches in header values agree with the Character searches")
  func asciiSearches() {
    let samples =
      Self.lines + ReadingFastPathTests.edgeCases
      + ReadingFastPathTests.randomStrings(count: 3000, seed: 73)
      + ReadingFastPathTests.randomStrings(count: 2000, seed: 74).map { "Dana <" + $0 + ">" }
      + ReadingFastPathTests.randomStrings(count: 2000, seed: 75).map { $0 + ", CEO @" + $0 }
      + ["a<\u{0301}b", "a,\u{0301}", "\u{0600},x", "d@a.example", "d@\u{0301}a", "a b@c"]
    for text in samples {
      for (byte, character) in [(0x3C, "<"), (0x2C, ","), (0x3A, ":"), (0x40, "@")]
        as [(
          UInt8, Character
        )]
      {
        #expect(
          MemoHeaders.firstASCII(byte, in: text) == text.firstIndex(of: character),
          "\(text.debugDescription) \(character)")
      }
      for (byte, needle) in [(0x40, "@"), (0x20, " ")] as [(UInt8, String)] {
        if let fast = MemoHeaders.asciiContains(text, byte) {
          #expect(fast == text.contains(needle), "\(text.debugDescription) \(needle)")
        } else {
          #expect(text.utf8.contains { $0 >= 0x80 }, "\(text.debugDescription)")
        }
      }
    }
  }
}
