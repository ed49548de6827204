import Foundation
import Testing

@testable import MemoExtraction

/// The byte-level shortcuts of plain-text reading, each checked against the `Character` code it
/// replaced (kept here as the reference) on edge cases and seeded random strings.
@Suite("Plain-text fast paths")
struct PlainTextFastPathTests {
  static let names: [String] = [
    "Dana Whitfield", "dana Whitfield", "A. B. C-D", "O'Neil Smith", "Dana  Whitfield",
    "A B C D E", "Dana Whitfield,", "Dana", "D", "Dana Whitfield-Okafor Jr.", " Dana",
    "Dana ", "Dana\tWhitfield", "Dana1", "ÉMILE Zola", "Émile", "Celia Draycott\r\n",
  ]

  static var samples: [String] {
    ReadingFastPathTests.edgeCases + names
      + ReadingFastPathTests.randomStrings(count: 4000, seed: 21)
  }

  // MARK: - References: the code before the shortcuts

  static func referenceLooksLikeName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count) else { return false }
    return words.allSatisfy { word in
      guard let first = word.first, first.isUppercase else { return false }
      return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }
    }
  }

  static func referenceEndsSentence(_ text: String) -> Bool {
    guard let last = text.unicodeScalars.last else { return false }
    return ".!?:;\"”’)".unicodeScalars.contains(last)
  }

  static func referenceIsMemoWord(_ text: String) -> Bool {
    guard text.utf8.count <= 30 else { return false }
    var bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    let edges: Set<UInt8> = [0x20, 0x3A, 0x2A, 0x3D]
    while let last = bytes.last, edges.contains(last) { bytes.removeLast() }
    let start = bytes.firstIndex { !edges.contains($0) } ?? bytes.endIndex
    let words: Set<[UInt8]> = Set(
      ["memo", "memorandum", "internal memo", "internal memorandum", "office memorandum"].map {
        Array($0.utf8)
      })
    return words.contains(Array(bytes[start...]))
  }

  static func referenceHeaderField(_ line: String) -> (field: MemoHeaders.Field, value: String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let key = line[..<colon].trimmingSpaces.lowercased()
    guard key.count <= 8 else { return nil }
    let value = String(line[line.index(after: colon)...]).trimmed
    let field: MemoHeaders.Field
    switch key {
    case "to": field = .to
    case "from": field = .from
    case "date": field = .date
    case "subject", "re", "subj": field = .subject
    case "cc", "bcc": field = .cc
    case "sent": field = .sent
    default: return nil
    }
    guard !value.isEmpty, value.count <= 200 else { return nil }
    return (field, value)
  }

  // MARK: - Agreement

  @Test("header fields parsed over bytes agree with the Character parse")
  func headerFields() {
    let cases = [
      "TO: All staff", " From : Dana", "\u{0}to: x", "Subject:", "Re: y", "Sent:\u{00A0}x",
      "Ｔo: x", "bcc: a", "CC : b", "subjects: x", "to\u{0301}: x", "\u{00A0}Date: May 4",
      "Date: " + String(repeating: "é", count: 150), "Date: " + String(repeating: "x", count: 201),
      "SUBJ:\tChanges", "from:dana@acme.example",
    ]
    for text in cases + Self.samples.map({ "to" + $0 }) + Self.samples {
      let fast = MemoHeaders.parseHeaderField(text)
      let reference = Self.referenceHeaderField(text)
      #expect(fast?.field == reference?.field, "\(text.debugDescription)")
      #expect(fast?.value == reference?.value, "\(text.debugDescription)")
    }
    #expect(MemoHeaders.parseHeaderField("TO: All staff")?.field == .to)
    #expect(MemoHeaders.parseHeaderField("\u{0}to: x") == nil)
  }

  @Test("the word limit agrees with split's count")
  func wordLimit() {
    for text in Self.samples {
      let words = text.split(separator: " ").count
      for limit in [0, 1, 2, 4, 20] {
        #expect(text.hasAtMostWords(limit) == (words <= limit), "\(text.debugDescription) \(limit)")
      }
    }
  }

  @Test("the ASCII name test agrees with the Character one")
  func asciiName() {
    var checked = 0
    for text in Self.samples {
      guard let ascii = MemoHeaders.asciiLooksLikeName(text) else {
        #expect(text.utf8.contains { $0 >= 0x80 }, "\(text.debugDescription)")
        continue
      }
      checked += 1
      #expect(ascii == Self.referenceLooksLikeName(text), "\(text.debugDescription)")
    }
    #expect(checked > 100)
    #expect(MemoHeaders.looksLikeName("Dana Whitfield"))
    #expect(!MemoHeaders.looksLikeName("dana whitfield"))
  }

  @Test("the byte colon search finds the first colon Character")
  func colon() {
    for text in Self.samples + ["To: All", "Re:", ":x", "a\u{0301}: b", "To:\u{0301} b", "x"] {
      #expect(MemoHeaders.firstColon(text) == text.firstIndex(of: ":"), "\(text.debugDescription)")
    }
    let line = "Subject: Changes at Acme"
    #expect(MemoHeaders.headerField(line)?.value == "Changes at Acme")
  }

  @Test("the byte sentence end agrees with the scalar one")
  func sentenceEnd() {
    for text in Self.samples + ["Done.", "“Quoted”", "it’", "’", "\u{80}", "x\u{E2}\u{80}"] {
      #expect(
        LineUnwrapper.endsSentence(text) == Self.referenceEndsSentence(text),
        "\(text.debugDescription)")
    }
  }

  @Test("the in-place memo-word test agrees with the copying one")
  func memoWord() {
    let cases = [
      "MEMO", "Memorandum:", "** INTERNAL MEMO **", "= memo =", "memos", "", ":::", "Memo to",
      "OFFICE  MEMORANDUM", "office memorandum", "INTERNAL MEMORANDUM ==",
    ]
    for text in cases + Self.samples {
      #expect(
        TopMatter.isMemoWord(text) == Self.referenceIsMemoWord(text), "\(text.debugDescription)")
    }
    #expect(TopMatter.isMemoWord("** INTERNAL MEMO **"))
  }

  @Test("the furniture pre-check never turns away page furniture")
  func furniturePreCheck() {
    let cases = [
      "4", "- 4 -", "– 12 –", "Page 3", "page 3 of 9", "PAGE 2", "Exhibit 99.1", "EX-10.2",
      "\u{0C}", "Team,", "Best,", "12", "Ex-99", "(3)", "Dana",
    ]
    for text in cases + Self.samples where TextUnwrapper.isPageFurniture(text) {
      #expect(LineUnwrapper.mayBeFurniture(text), "\(text.debugDescription)")
    }
    #expect(!LineUnwrapper.mayBeFurniture("Team,"))
    #expect(!LineUnwrapper.mayBeFurniture("Best,"))
  }

  @Test("a lower-case ASCII letter means not in capitals")
  func lowercaseASCII() {
    for text in Self.samples where text.hasLowercaseASCII {
      #expect(text != text.uppercased(), "\(text.debugDescription)")
    }
    #expect(MemoHeaders.letterhead("ACME FOODS, INC.") != nil)
    #expect(MemoHeaders.letterhead("Acme Foods, Inc.") == nil)
  }

  /// Strings around the needles the case-insensitive searches look for, in every case and with
  /// non-ASCII next to them.
  static var addressSamples: [String] {
    var texts = Self.samples
    var generator = ReadingFastPathTests.Seeded(state: 41)
    let needles = [
      " on behalf of ", " ON BEHALF OF ", " On Behalf Of ", "all ", "ALL ", "everyone at ",
      "Everyone At ", "al l ", " on behalf", "everyone\u{00A0}at ", "all\u{0301} ", "ªll ",
    ]
    for _ in 0..<3000 {
      let pieces = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
        Bool.random(using: &generator)
          ? needles.randomElement(using: &generator)!
          : ReadingFastPathTests.pieces.randomElement(using: &generator)!
      }
      texts.append(pieces.joined())
    }
    return texts + needles + ["Acme Comms on behalf of Dana Lee", "Dana on behalf of", "ŞAll X"]
  }

  @Test("the ASCII case-insensitive search agrees with Foundation's")
  func caseInsensitiveSearch() {
    var found = 0
    for text in Self.addressSamples {
      for needle in [" on behalf of ", "all ", "everyone at "] {
        let expected = text.range(of: needle, options: .caseInsensitive)
        #expect(
          MemoHeaders.asciiCaseInsensitiveRange(of: needle, in: text) == expected,
          "\(text.debugDescription)")
        if expected != nil { found += 1 }
      }
    }
    #expect(found >= 500)
  }

  /// `companyAddressed` before its byte pre-check.
  static func referenceCompanyAddressed(_ value: String) -> String? {
    var text = value.trimmed
    if let open = text.firstIndex(of: "<") { text = String(text[..<open]).trimmed }
    text = text.trimmingScalars { $0 == "\"" || $0 == "'" }
    let lower = text.lowercased()
    if lower.hasPrefix("everyone at ") {
      let name = String(text.dropFirst("everyone at ".count)).trimmed
      return name.isEmpty ? nil : name
    }
    guard lower.hasPrefix("all ") else { return nil }
    let groups = [
      " employees", " staff", " colleagues", " team members", " teammates", " people",
      " associates", " partners", " team", " personnel", " hands",
    ]
    for group in groups where lower.hasSuffix(group) {
      let name = String(text.dropFirst(4).dropLast(group.count)).trimmed
      if let first = name.first, first.isUppercase { return name }
    }
    return nil
  }

  @Test("the addressed-company pre-check changes no answer")
  func companyAddressedPreCheck() {
    var named = 0
    var texts = Self.addressSamples
    for group in ["employees", "staff", "team", "hands"] {
      texts += [
        "All Acme \(group)", "ALL ACME \(group.uppercased())", " \"all Veradyne \(group)\" <x@y>",
        "İall Acme \(group)", "All\u{00A0}Acme \(group)", "Everyone at Tessaline Labs",
      ]
    }
    for text in texts {
      let expected = Self.referenceCompanyAddressed(text)
      #expect(MemoHeaders.companyAddressed(text) == expected, "\(text.debugDescription)")
      if expected != nil { named += 1 }
    }
    #expect(named >= 10)
  }

  @Test("the space test agrees with Foundation's contains")
  func spaceSearch() {
    var spaced = 0
    for text in Self.addressSamples + [" \u{0301}", "a\u{00A0}b", "\u{2002}", "x \u{200D}y"] {
      let expected = text.contains(" ")
      #expect(MemoHeaders.containsSpace(text) == expected, "\(text.debugDescription)")
      if expected { spaced += 1 }
    }
    #expect(spaced >= 500)
  }

  @Test("the byte skip test of folder entries agrees with the String one")
  func skipReasonOnBytes() {
    var generator = ReadingFastPathTests.Seeded(state: 43)
    let parts = [
      "readme", "README", "License", "LICENCE", "changelog", "memo", ".", "..", "json", "JSON",
      "yml", "txt", "html", "ds_store", "DS_Store", "swift", "sh", "-", " ", "é", "\u{212A}",
      "İ", "\r\n", "js", "mjs", "x",
    ]
    var names: [[UInt8]] = [[0xFF, 0x2E, 0x6A, 0x73], Array("memo.txt".utf8), Array("a.".utf8)]
    for _ in 0..<4000 {
      let name = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        parts.randomElement(using: &generator)!
      }.joined()
      names.append(Array(name.utf8))
    }
    var skipped = 0
    for name in names {
      let expected = InputCollector.skipReason(InputCollector.displayPath(name))
      #expect(InputCollector.skipReason(bytes: name) == expected, "\(name)")
      if expected != nil { skipped += 1 }
    }
    #expect(skipped >= 200)
  }
}
