import Testing

@testable import MemoExtraction

/// The byte-level shortcuts of the metadata readers (header dates, author cleaning), each
/// checked against the code it stands in for on hand-picked cases and seeded random inputs.
@Suite("Metadata fast paths")
struct MetadataFastPathTests {
  typealias Seeded = ReadingFastPathTests.Seeded

  // MARK: - Header dates

  /// Dates around the "March 4, 2026" shape: every month in three cases, days and years at
  /// and past their limits, other separators, white space, non-ASCII look-alikes.
  static var dates: [String] {
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Sept", "Sep", "Mar", "Marc", "Janvier", "Mayo",
    ]
    var dates: [String] = []
    for month in months {
      for name in [month, month.uppercased(), month.lowercased()] {
        for day in ["0", "1", "01", "9", "10", "28", "29", "30", "31", "32", "123", "1st"] {
          for year in ["1899", "1900", "2026", "2200", "2201", "202", "20266"] {
            dates.append("\(name) \(day), \(year)")
          }
        }
      }
    }
    dates += [
      "March 4 2026", "March 4,2026", "March  4, 2026", " March 4, 2026", "March 4, 2026 ",
      "March 4, 2026\n", "March\u{00A0}4, 2026", "March 4,\u{00A0}2026", "Marсh 4, 2026",
      "March 4, 2026.", "March 4, ２０２６", "Mar. 4, 2026", "4 March 2026", "2026-03-04",
      "March 4, 2026 09:30", "Wednesday, March 4, 2026", "February 29, 2024",
      "February 29, 2025", "February 29, 2100", "February 29, 2000", "", "March", "M 4, 2026",
    ]
    return dates
  }

  @Test("monthDayYear gives what DateNormalizer gives, and reads the common shape")
  func monthDayYearMatchesNormalize() {
    var generator = Seeded(state: 404)
    let pieces = [
      "March", "may", "SEPTEMBER", "December", " ", ",", ", ", "4", "31", "2026", "1900",
      "\u{00A0}", "é", "0", "29", "February", "\t",
    ]
    let random = (0..<3000).map { _ in
      (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
    var read = 0
    for text in Self.dates + random {
      guard let fast = MemoHeaders.monthDayYear(text) else { continue }
      read += 1
      #expect(fast == DateNormalizer.normalize(text), "\(text)")
    }
    // The shortcut must actually take the common dates.
    #expect(read > 500)
    #expect(MemoHeaders.monthDayYear("March 4, 2026") == "2026-03-04")
    #expect(MemoHeaders.monthDayYear("SEPTEMBER 30, 1999") == "1999-09-30")
    #expect(MemoHeaders.monthDayYear("Septembera 3, 1999") == nil)
    #expect(MemoHeaders.monthDayYear("Septembe 3, 1999") == nil)
    #expect(MemoHeaders.monthDayYear("February 29, 2024") == nil)
    #expect(MemoHeaders.memoDate("February 29, 2024") == "2024-02-29")
  }

  // MARK: - Header lines

  static var headerLines: [String] {
    var generator = Seeded(state: 9)
    let pieces = [
      "To", "to", "FROM", "Date", "Subject", "Re", "Cc", "bcc", "Sent", "Subj", "Topic", ":",
      "：", " ", "  ", "\t", "\u{00A0}", "\u{2003}", "All staff", "Dana <d@acme.example>", "é",
      "\u{0301}", ",", "x", "\r\n", "ab", String(repeating: "long value ", count: 19),
    ]
    let random = (0..<6000).map { _ in
      (0..<Int.random(in: 0...6, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
    return random + ReadingFastPathTests.edgeCases + [
      "To: All Acme employees", "From: Dana Whitfield, CEO", "Date: March 4, 2026",
      "Subject: Changes at Acme", "To:", "To: ", "To:\u{00A0}", " To: x", "To : x", "T o: x",
      "Subject:" + String(repeating: "x", count: 200),
      "Subject: " + String(repeating: "x", count: 201),
      "Subject: " + String(repeating: "\r\n", count: 150) + "x", "Reply: x", "Re:x", ":x",
    ]
  }

  @Test("isHeaderLine answers as headerField does")
  func isHeaderLineMatchesHeaderField() {
    var headers = 0
    for line in Self.headerLines {
      let expected = MemoHeaders.headerField(line) != nil
      if expected { headers += 1 }
      #expect(MemoHeaders.isHeaderLine(line) == expected, "\(line.debugDescription)")
    }
    #expect(headers > 50)
  }

  // MARK: - Formats

  @Test("The extension read on an ASCII path's bytes is the lower-cased path's")
  func asciiExtensionMatchesLowercasedPath() {
    var generator = Seeded(state: 31)
    let pieces = [
      "a", "B", ".", "..", "/", "//", ".gz", ".GZ", ".Gz", ".txt", ".TXT", ".Md", "html", "z",
      "g", "\r", "\n", " ", "é", "K", "\u{212A}", "-",
    ]
    var read = 0
    for _ in 0..<6000 {
      let path = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      guard let fast = FormatSniffer.asciiLowercasedExtension(path) else { continue }
      read += 1
      #expect(fast == FormatSniffer.unicodeExtension(path), "\(path.debugDescription)")
    }
    #expect(read > 1000)
    #expect(FormatSniffer.asciiLowercasedExtension("memos/A.TXT.GZ") == "txt")
  }

  /// `binaryKind` as it was for bytes that start with no magic number's first byte: the NUL
  /// search before the control count.
  static func referenceBinaryKind(_ bytes: [UInt8]) -> String? {
    let head = bytes.prefix(8192)
    if head.contains(0) {
      if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        || TextDecoding.utf32WithoutMark(bytes) != nil
        || TextDecoding.utf16WithoutMark(bytes) != nil
      {
        return nil
      }
      return "a binary file"
    }
    let controls = head.withUnsafeBufferPointer(FormatSniffer.controlCount)
    if head.count >= 64 && controls * 20 > head.count { return "a binary file" }
    return nil
  }

  static let magicFirstBytes: Set<UInt8> = [
    0x25, 0x89, 0xFF, 0x47, 0x52, 0x50, 0xD0, 0x1F, 0x7F, 0x49, 0x4D, 0x42, 0xFD, 0x37,
  ]

  @Test("binaryKind: counting controls first gives the same answers")
  func binaryKindMatchesReference() {
    var generator = Seeded(state: 5)
    let pieces: [[UInt8]] = [
      Array("memo text ".utf8), [0], [0x01], [0x09], [0x0A], [0x1B], [0x7F], [0xC3, 0xA9],
      [0xFF, 0xFE], Array("%PDF".utf8), Array("a\0b\0".utf8), Array(repeating: 0x41, count: 70),
    ]
    var binary = 0
    for _ in 0..<4000 {
      let bytes = (0..<Int.random(in: 1...12, using: &generator)).flatMap { _ in
        pieces.randomElement(using: &generator)!
      }
      // Magic numbers are read as before, ahead of both tests.
      if let first = bytes.first, Self.magicFirstBytes.contains(first) { continue }
      let expected = Self.referenceBinaryKind(bytes)
      if expected != nil { binary += 1 }
      #expect(FormatSniffer.binaryKind(bytes) == expected)
    }
    #expect(binary > 100)
  }

  // MARK: - Authors

  static var names: [String] {
    PlainTextFastPathTests.names + [
      "Dr. Ana Ruiz", "dr Ana Ruiz", "Ana Ruiz PhD", "Ana Ruiz, MD", "Ana Ruiz, M.D.,",
      "Dr. Ana Ruiz, PhD, MBA", "Dr.", "PhD", "Ana Ruiz,", "Ana Ruiz,,", "Prof. Dr. Ana Ruiz",
      "Acme Admin", "Human Resources", "human resources", "Wire Staff", "The Editors",
      "People Team at Acme", "HR", "hr", "Communications", "Ana  Ruiz", " Ana Ruiz", "Ana Ruiz ",
      "Ana Ruiz Esq.", "Mme Ana Ruiz", "Dott. Ana Ruiz", "Ana Ruiz, Esq", "Ana Ruiz \u{0301}PhD",
      "Recursos Humanos", "Dirección General", "Ana Ruiz\u{00A0}PhD", "Webmaster",
    ]
  }

  static var randomNames: [String] {
    var generator = Seeded(state: 77)
    let pieces = [
      "Ana", "Ruiz", " ", "  ", ",", "Dr.", "dr", "PhD", "phd", "MBA", "Esq.", "Staff", "admin",
      "Human", "people", "HR", "é", "\u{0301}", "\u{00A0}", "\t", "Editors", "x",
    ]
    return (0..<4000).map { _ in
      (0..<Int.random(in: 0...6, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
  }

  /// `isAccount` as it was, word by word on a lower-cased copy.
  static func referenceIsAccount(_ author: String) -> Bool {
    let words = author.lowercased().split(separator: " ")
    guard let first = words.first, let last = words.last else { return false }
    if MemoRefinement.accountWords.contains(String(last)) && words.count <= 4 { return true }
    return MemoRefinement.departmentWords.contains(String(first)) && words.count <= 3
      && author.first?.isUppercase == true
  }

  @Test("Honorifics and degrees: the shortcut gives what the word-by-word code gives")
  func honorificsAndDegreesMatchReference() {
    for name in Self.names + Self.randomNames + ReadingFastPathTests.edgeCases {
      #expect(
        MemoRefinement.withoutHonorificsAndDegrees(name)
          == MemoRefinement.slowWithoutHonorificsAndDegrees(name), "\(name.debugDescription)")
    }
    #expect(MemoRefinement.withoutHonorificsAndDegrees("Dr. Ana Ruiz, PhD") == "Ana Ruiz")
  }

  @Test("isAccount: the ASCII reading gives what the lower-cased words give")
  func isAccountMatchesReference() {
    for name in Self.names + Self.randomNames + ReadingFastPathTests.edgeCases {
      #expect(
        MemoRefinement.isAccount(name) == Self.referenceIsAccount(name), "\(name.debugDescription)")
    }
    #expect(MemoRefinement.isAccount("Human Resources"))
    #expect(!MemoRefinement.isAccount("human resources"))
  }

  /// `trimmed` as it was: white space scalars cut at both ends, whatever the text.
  static func referenceTrimmed(_ text: some StringProtocol) -> String {
    let scalars = String(text).unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else {
      return ""
    }
    let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[start...end])
  }

  @Test("trimmed: the ASCII-edge shortcut trims as the scalar code does")
  func trimmedMatchesReference() {
    for text in Self.names + Self.randomNames + ReadingFastPathTests.edgeCases
      + Self.headerLines
    {
      let trimmed = text.trimmed
      #expect(
        trimmed.utf8.elementsEqual(Self.referenceTrimmed(text).utf8), "\(text.debugDescription)")
      let inner = text.dropFirst()
      #expect(inner.trimmed.utf8.elementsEqual(Self.referenceTrimmed(inner).utf8))
    }
  }

  @Test("A paragraph turned away by the digit pre-check has no four-digit run in its head")
  func fourDigitPreCheck() {
    var passed = 0
    for text in Self.dates + Self.headerLines + ReadingFastPathTests.edgeCases + [
      "١٢٣٤ x", "２０２６", "In 2026 we", "12 345 6789", String(repeating: "1 ", count: 80),
    ] {
      let head = String(text.prefix(90))
      if MemoRefinement.hasFourDigitRun(head) {
        #expect(MemoRefinement.mayHaveFourDigitRun(text), "\(text.debugDescription)")
      }
      if !MemoRefinement.mayHaveFourDigitRun(text) { passed += 1 }
    }
    #expect(passed > 100)
    #expect(MemoRefinement.sameBytes("Plans", "Plans"))
    #expect(!MemoRefinement.sameBytes("Caf\u{E9}", "Cafe\u{301}"))
  }

  @Test("A title's prefixes read once give the same clean title")
  func cleanTitleWithPrefixesGiven() {
    let titles = [
      "WG: Neue Struktur", "RE: FW: Plans", "[INTERNAL] Changes", "Plans", "", "re:", "FW:",
      "Fwd: 🚀 Launch", "board_memo_final_v2",
    ]
    for title in titles + Self.randomNames {
      let given = EmailReader.subjectWithoutPrefixes(title).subject
      #expect(
        MemoRefinement.cleanTitle(title, withoutPrefixes: given)
          == MemoRefinement.cleanTitle(title), "\(title.debugDescription)")
    }
  }
}
