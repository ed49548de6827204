import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

/// The shortcuts of the plain-text speed round, each checked against the code it stands in
/// for: the pair search of byte needles, the legal-name and department-credit tests of the
/// refinement, the salutation reader, files opened relative to the walked folder.
@Suite("Plain-text speed paths")
struct PlainTextSpeedTests {
  typealias Seeded = ReadingFastPathTests.Seeded

  /// The first offset of `needle` in `haystack`, one offset after another.
  static func naiveOffset(_ needle: [UInt8], _ haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty else { return 0 }
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where Array(haystack[start..<(start + needle.count)]) == needle {
      return start
    }
    return nil
  }

  @Test("the pair search finds the first occurrence a naive search finds")
  func pairSearchAgrees() {
    var generator = Seeded(state: 1207)
    // Few distinct bytes, so that needles occur often, at every offset of a word and in the
    // tail; the first byte of most needles is a space or a lower-case letter (the pair path).
    let alphabet: [UInt8] = [0x20, 0x61, 0x74, 0x73, 0x27, 0xE2, 0x80, 0x99, 0x2C, 0x41]
    var paired = 0
    var found = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...40, using: &generator)
      let haystack = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
      var needle = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      if Bool.random(using: &generator), length > 0 {
        // A needle taken from the haystack, so that it is found.
        let start = Int.random(in: 0..<length, using: &generator)
        needle = Array(haystack[start..<min(length, start + needle.count)])
      }
      let expected = Self.naiveOffset(needle, haystack)
      let offset = haystack.withUnsafeBufferPointer { hay in
        needle.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: hay) }
      }
      #expect(offset == expected, "\(needle) in \(haystack)")
      if needle.count >= 2, ByteSearch.isFrequentInText(needle[0]) {
        paired += 1
        let direct = haystack.withUnsafeBufferPointer { hay in
          needle.withUnsafeBufferPointer { ByteSearch.pairOffset(of: $0, in: hay) }
        }
        #expect(direct == expected, "\(needle) in \(haystack)")
      }
      if expected != nil { found += 1 }
    }
    // Both paths and both outcomes were exercised.
    #expect(paired > 3000)
    #expect(found > 5000)
  }

  @Test("the pair search reads text: words, an apostrophe, a needle at the very end")
  func pairSearchOnText() {
    let text = "Team, we met at Acme’s plant at"
    #expect(text.containsBytes(" at "))
    #expect(!text.containsBytes(" at Acme's"))
    #expect(text.containsBytes("at Acme’s"))
    #expect(text.containsBytes(" plant at"))
    #expect(!text.containsBytes(" plant at "))
    #expect(Substring(text).firstByteRange(of: " at ").map { text[$0] } == " at ")
    #expect(
      Substring(text).firstByteRange(of: " at ").map {
        text.utf8.distance(from: text.startIndex, to: $0.lowerBound)
      } == 12)
  }

  /// Authors: ASCII and not, department and team words, accounts, odd spacing.
  static var authors: [String] {
    var authors = [
      "", " ", "Dana Whitfield", "HR Team", "hr team", "Internal Communications",
      "internal communications", "Corporate Office", "Corporate", "The Board", "People Team",
      "Acme Admin", "Human Resources", "Dział Komunikacji", "総務部", "人事部", "Dana  Team",
      " Team", "Team ", "Internal  Affairs Office Team", "A B C D Team", "A B C D E Team",
      "Département RH", "Office", "OFFICE", "İnternal Team", "Kelvin K Team", "Team\u{0301}",
      "Internal\u{00A0}Communications", "Abteilung Personal", "abteilung Personal",
      "Ana Ruiz, Department", "Office of the CEO", "Editor", "Wire Staff",
    ]
    var generator = Seeded(state: 88)
    let words = [
      "Team", "team", "Internal", "internal", "Corporate", "Office", "Dana", "Ruiz", "HR",
      "Board", "Staff", "Admin", "Human", "dział", "部", "総務", " ", "  ", "é", "\u{0301}",
    ]
    for _ in 0..<3000 {
      authors.append(
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in
          words.randomElement(using: &generator)!
        }.joined(separator: Bool.random(using: &generator) ? " " : ""))
    }
    return authors
  }

  @Test("isDepartmentCredit on an ASCII name's bytes agrees with the word-by-word test")
  func departmentCreditAgrees() {
    var credits = 0
    for author in Self.authors {
      let reference =
        MemoRefinement.isAccount(author) || MemoRefinement.slowIsDepartmentCredit(author)
      #expect(MemoRefinement.isDepartmentCredit(author) == reference, "\(author)")
      if reference { credits += 1 }
    }
    #expect(credits > 300)
    #expect(MemoRefinement.isDepartmentCredit("HR Team"))
    #expect(MemoRefinement.isDepartmentCredit("Internal Communications"))
    #expect(!MemoRefinement.isDepartmentCredit("Dana Whitfield"))
  }

  @Test("the legal-name step is skipped only where it would leave the memo as it is")
  func legalNameSkipAgrees() {
    let sources: [String?] = [
      nil, "body", "meta", "json-ld", "title", "memo-header", "signature", "salutation",
      "letterhead", "release", "footer", "front-matter", "email-address",
    ]
    let companies: [String?] = [nil, "Acme", "Acme Foods", "Tessaline"]
    let paragraphs = [
      "Tessaline Labs Inc. announced changes today.", "We thank every colleague.",
      "Acme Foods LLC will support you.",
    ]
    var skipped = 0
    for title in [nil, "Changes at Acme Foods Inc.", "An update"] {
      for company in companies {
        for source in sources {
          var memo = Memo(source: "m.txt", paragraphs: paragraphs, encoding: "utf-8", format: .text)
          (memo.title, memo.company, memo.companySource) = (title, company, source)
          var changed = memo
          CompanyNames.preferLegalName(&changed)
          if !MemoRefinement.mayPreferLegalName(memo) {
            skipped += 1
            #expect(changed == memo, "\(String(describing: company)) \(String(describing: source))")
          }
        }
      }
    }
    #expect(skipped > 20)
  }

  /// Opening paragraphs: salutations with and without a company, each lead, non-ASCII after
  /// the lead, combining marks on the comma, CR, long lines.
  static var openings: [String] {
    var openings = [
      "Team,", "To everyone at Acme Foods,", "Dear all Acme staff:", "Hi all Acme employees,",
      "Hello everyone at Yarrowfield,", "To Émile and everyone at Acme,",
      "Dear\u{0301} all Acme staff:",
      "To \u{0301}everyone at Acme,", "Dear all Acme staff:\u{0301}", "Dear all Acme staff,\r",
      "To everyone at Acme Foods", "to everyone at Acme Foods,", "Dear ", "Dear,", ",", ":",
      "Hi", "Hi ,", "Hello  everyone at Acme,", "  To everyone at Acme,  ",
      "To everyone at " + String(repeating: "Acme ", count: 20) + ",",
      "Dear all Acme staff\u{00A0}:",
      "Dear\u{00A0}all Acme staff:", "To all Acme team members,", "Dear Acme colleagues,",
    ]
    var generator = Seeded(state: 5150)
    let pieces = [
      "To ", "Dear ", "Hi ", "Hello ", "all ", "everyone at ", "Acme", " Foods", " staff",
      ",", ":", " ", "\u{0301}", "é", "\u{00A0}", "Team", "\r",
    ]
    for _ in 0..<3000 {
      openings.append(
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in
          pieces.randomElement(using: &generator)!
        }.joined())
    }
    return openings
  }

  @Test("salutationCompany on bytes gives what the Character tests give")
  func salutationAgrees() {
    let openings = Self.openings
    var named = 0
    for index in openings.indices {
      let pair = [openings[index], openings[(index * 7 + 3) % openings.count]]
      let fast = SignatureBlock.salutationCompany(pair)
      #expect(fast == SignatureBlock.slowSalutationCompany(pair), "\(pair)")
      if fast != nil { named += 1 }
    }
    #expect(named > 40)
    #expect(SignatureBlock.salutationCompany(["To everyone at Acme Foods,"]) == "Acme Foods")
    for opening in openings {
      let text = Substring(opening)
      let reference = SignatureBlock.salutationLeads.first { text.hasPrefix($0) }?.count
      #expect(SignatureBlock.salutationLead(text) == reference, "\(opening)")
    }
  }

  @Test("a walked folder's files open by name in the kept folder, past the limit by path")
  func filesOpenInTheirFolder() throws {
    let folder = try Fixtures.temporaryFolder()
    // One folder more than are kept, each with two files (one with a non-ASCII name).
    let count = FolderHandle.maxKept + 1
    for index in 0..<count {
      let sub = folder.appendingPathComponent(String(format: "f%03d", index))
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
      try Data("Memo \(index)\n".utf8).write(to: sub.appendingPathComponent("memo.txt"))
      let odd = sub.path + "/caf\u{E9}-" + String(index) + ".txt"
      try Data("Other \(index)\n".utf8).write(to: URL(fileURLWithPath: odd))
    }
    let inputs = InputCollector.collect([folder.path]).inputs
    var kept = 0
    var read = 0
    for input in inputs {
      guard case .file(let file) = input else {
        Issue.record("not a file: \(input)")
        continue
      }
      if file.folder != nil { kept += 1 }
      let contents = try InputReader.read(input, limit: 1 << 20)
      let expected = try Data(contentsOf: URL(fileURLWithPath: file.path))
      #expect(contents.bytes == Array(expected), "\(file.path)")
      // The same entry without the folder (as a path given on the command line) is equal.
      var byPath = file
      byPath.folder = nil
      #expect(byPath == file)
      #expect(try InputReader.read(.file(byPath), limit: 1 << 20).bytes == contents.bytes)
      read += 1
    }
    #expect(read == 2 * count)
    #expect(kept == 2 * FolderHandle.maxKept)
    // A file removed since the walk is reported missing, as by its path.
    guard case .file(let first) = inputs[0] else { return }
    try FileManager.default.removeItem(atPath: first.path)
    #expect(throws: ExtractionError.notFound(path: first.path)) {
      try InputReader.read(inputs[0], limit: 1 << 20)
    }
  }

  /// Names and words for the word-list tests: every member of the lists in three cases,
  /// with commas, honorifics and degrees around names, non-ASCII look-alikes.
  static var names: [String] {
    let lists = [
      MemoRefinement.honorifics, MemoRefinement.degrees, MemoRefinement.departmentWords,
      MemoRefinement.accountWords, MemoRefinement.teamWords, MemoRefinement.departmentLeadWords,
    ]
    var words = lists.flatMap { $0 }
    words += words.map { $0.uppercased() } + words.map { $0.capitalized }
    words += ["Dana", "Whitfield", ",", ",phd,", "PhD,", "Ph.D.,", "Dr", "Staffs", "Teams", "K"]
    words += ["\u{212A}", "Ad\u{0301}min", "İnternal", "ſtaff", ""]
    var generator = Seeded(state: 2718)
    var names = words
    for _ in 0..<6000 {
      names.append(
        (0..<Int.random(in: 1...5, using: &generator)).map { _ in
          words.randomElement(using: &generator)!
        }.joined(separator: [" ", " ", " ", "  ", ""].randomElement(using: &generator)!))
    }
    return names
  }

  @Test("isAmong on an ASCII word's bytes is the lower-cased word's set membership")
  func asciiWordListsAgree() {
    let lists: [(Set<String>, [[UInt8]])] = [
      (MemoRefinement.honorifics, MemoRefinement.asciiHonorifics),
      (MemoRefinement.degrees, MemoRefinement.asciiDegrees),
      (MemoRefinement.departmentWords, MemoRefinement.asciiDepartmentWords),
      (MemoRefinement.accountWords, MemoRefinement.asciiAccountWords),
      (MemoRefinement.teamWords, MemoRefinement.asciiTeamWords),
      (MemoRefinement.departmentLeadWords, MemoRefinement.asciiDepartmentLeadWords),
    ]
    var members = 0
    for name in Self.names {
      guard let words = MemoRefinement.ASCIIWords(name), words.count > 0 else { continue }
      for (set, ascii) in lists {
        for word in [words.first, words.last] {
          let lower = words.lowercased(word)
          #expect(words.isAmong(word, ascii) == set.contains(lower), "\(name)")
          #expect(
            words.isAmong(word, ascii, trimmingCommas: true)
              == set.contains(MemoRefinement.withoutCommas(lower)), "\(name)")
          if set.contains(lower) { members += 1 }
        }
      }
    }
    #expect(members > 2000)
  }

  @Test("isAccount and the name cleaning on bytes agree with their word-by-word forms")
  func accountAndCleaningAgree() {
    var accounts = 0
    for name in Self.names {
      // `isAccount`'s branch for any text.
      let words = name.lowercased().split(separator: " ")
      var reference = false
      if let first = words.first, let last = words.last {
        reference =
          MemoRefinement.accountWords.contains(String(last)) && words.count <= 4
          || MemoRefinement.departmentWords.contains(String(first)) && words.count <= 3
            && name.first?.isUppercase == true
      }
      #expect(MemoRefinement.isAccount(name) == reference, "\(name)")
      if reference { accounts += 1 }
      #expect(
        MemoRefinement.withoutHonorificsAndDegrees(name)
          == MemoRefinement.slowWithoutHonorificsAndDegrees(name), "\(name)")
    }
    #expect(accounts > 300)
  }

  @Test("a header's value on bytes is the trimmed text after the colon")
  func headerValueAgrees() {
    var generator = Seeded(state: 3141)
    let pieces = [
      "To", "From", ":", " ", "  ", "\t", "\u{00A0}", "\u{0301}", "All Acme staff", "Dana",
      "é", "\r", "\n", ",", "x", "\u{2003}", ":\u{0301}",
    ]
    var lines = [
      "To: All Acme staff", "From:Dana", "Date:\t March 4, 2026 ", "To:", "To: ", "To:\u{0301} x",
      "To: \u{00A0}x", "To: x\u{00A0}", "Subject: Changes é", "To:  \u{0301}x",
    ]
    for _ in 0..<5000 {
      lines.append(
        (0..<Int.random(in: 1...7, using: &generator)).map { _ in
          pieces.randomElement(using: &generator)!
        }.joined())
    }
    var read = 0
    for line in lines {
      guard let colon = MemoHeaders.firstColon(line) else { continue }
      read += 1
      #expect(
        MemoHeaders.headerValue(line, colon: colon)
          == String(line[line.index(after: colon)...]).trimmed, "\(line)")
    }
    #expect(read > 800)
  }

  @Test("a title without a colon byte is only trimmed, as subjectWithoutPrefixes gives it")
  func titlePrefixesAgree() {
    var generator = Seeded(state: 6021)
    let pieces = [
      "RE", "Fwd", "FW", "WG", "re", ":", ": ", " ", "\t", "[2]", "An update", "Plans", "é",
      "\u{0301}", "\u{00A0}", "\r\n", "\u{FF1A}", "Changes at Acme",
    ]
    var titles = ["", " ", "An update", " An update ", "RE: Plans", "Fwd: RE: Plans", "\u{00A0}"]
    for _ in 0..<4000 {
      titles.append(
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in
          pieces.randomElement(using: &generator)!
        }.joined())
    }
    var withoutColon = 0
    for title in titles {
      let fast = MemoRefinement.titleWithoutPrefixes(title)
      let reference = EmailReader.subjectWithoutPrefixes(title)
      #expect(
        fast.subject == reference.subject && fast.forwarded == reference.forwarded, "\(title)")
      if !title.utf8.contains(UInt8(ascii: ":")) { withoutColon += 1 }
    }
    #expect(withoutColon > 1000)
  }

  @Test("a paragraph passed over by the digit check in its first bytes has no run in its head")
  func leadDateWindowAgrees() {
    var generator = Seeded(state: 909)
    let pieces = ["1", "20", "2026", " ", "\r\n", "\r", "\n", "a", "March ", "é", "٢", ","]
    var passed = 0
    // Texts the window passes over though a year stands later on.
    var windowed = 0
    var texts = (0..<4000).map { _ in
      (0..<Int.random(in: 1...120, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
    // A year after 80 to 100 short words, with CR LF pairs among them (two bytes, one
    // `Character`): around the window's edge.
    for count in 80...100 {
      for breaks in [0, 5, 40] {
        let words = (0..<count).map { $0 < breaks ? "a\r\n" : "a " }
        texts.append(words.joined() + "2026")
      }
    }
    for text in texts {
      guard !MemoRefinement.mayHaveFourDigitRun(text, inFirst: 180) else { continue }
      passed += 1
      if MemoRefinement.mayHaveFourDigitRun(text) { windowed += 1 }
      #expect(!MemoRefinement.hasFourDigitRun(String(text.prefix(90))), "\(text.debugDescription)")
    }
    #expect(passed > 80)
    #expect(windowed > 10)
    // A year beyond the first 180 bytes is outside the head either way.
    let late = String(repeating: "word ", count: 40) + "2026"
    #expect(!MemoRefinement.mayHaveFourDigitRun(late, inFirst: 180))
    #expect(MemoRefinement.mayHaveFourDigitRun(late))
  }
}
