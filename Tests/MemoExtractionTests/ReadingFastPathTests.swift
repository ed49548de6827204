import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

/// The byte-level fast paths of the reading path, each checked against the plain code it
/// replaced (kept here as the reference) on hand-picked edge cases and seeded random inputs.
@Suite("Reading fast paths")
struct ReadingFastPathTests {
  /// A small deterministic generator (SplitMix64), so failures reproduce.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Pieces random strings are made of: ASCII letters and punctuation, white space of every
  /// kind, combining marks, Prepend and ZWJ characters, CR LF, Kelvin sign, emoji.
  static let pieces: [String] = [
    "a", "B", "e", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1F}",
    "\u{7F}", ",", "!", ".", "-", ":", "'", "’", "\u{00A0}", "\u{0085}", "\u{2003}",
    "\u{200B}", "\u{3000}", "\u{2028}", "\u{0301}", "\u{0600}", "\u{200D}", "\u{212A}", "é",
    "É", "ß", "İ", "Ω", "中", "🇺🇸", "👩‍👩‍👧", "CEO", "chief", "Officer", "vp", "Best",
    "regards", "thanks", "Thank you", "with appreciation", "Director", "x",
  ]

  static func randomStrings(count: Int, seed: UInt64) -> [String] {
    var generator = Seeded(state: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...24, using: &generator)
      return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  static let edgeCases: [String] = [
    "", " ", "a", "a  b", " a", "a ", "a\tb", "a\u{00A0}b", "a\u{200B}b", "\u{200B}",
    "a \u{0301}b", "\u{0085}x\u{0085}", "Chief Executive Officer, Acme", "CEO", "C.E.O.",
    "Head of People at Orrin Mobility", "Best,", "  Thanks!  ", "Warm regards,",
    "With appreciation.", "WITH APPRECIATION", "with  appreciation", "Thanks\u{212A}",
    String(repeating: "long paragraph words ", count: 40), "x\r\ny", "Vice-President",
    "VicePresident", "cofounder & chairperson", "managers", "leadership",
  ]

  // MARK: - References: the code before the fast paths

  static func referenceCollapse(_ text: String) -> String {
    var output = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar.value < 0x20 {
        pendingSpace = !output.isEmpty
        continue
      }
      if pendingSpace {
        output.unicodeScalars.append(" ")
        pendingSpace = false
      }
      output.unicodeScalars.append(scalar)
    }
    return output
  }

  static func referenceIsJobTitle(_ line: String) -> Bool {
    let words = line.lowercased().split { !$0.isLetter }
    let titleWords: Set<Substring> = [
      "officer", "chief", "president", "ceo", "cfo", "coo", "cto", "director", "head", "vice",
      "manager", "founder", "cofounder", "chair", "chairman", "chairwoman", "partner",
      "principal", "executive", "vp", "svp", "evp", "leader", "lead", "chairperson",
    ]
    return words.contains { titleWords.contains($0) }
  }

  static func referenceShiftSequence(_ bytes: [UInt8]) -> Bool {
    guard bytes.count > 1 else { return false }
    for index in 0..<(bytes.count - 1) {
      if bytes[index] == 0x1B && (bytes[index + 1] == 0x24 || bytes[index + 1] == 0x28) {
        return true
      }
      if bytes[index] == 0x7E && bytes[index + 1] == 0x7B { return true }
    }
    return false
  }

  // MARK: - Tests

  /// Long lines of mostly printable ASCII, for the eight-bytes-at-a-time spacing check: words,
  /// single and double spaces at every offset, now and then a tab, a control or a no-break
  /// space.
  static func randomASCIILines(count: Int, seed: UInt64) -> [String] {
    let pieces = [
      "a", "bc", "Def", "ghij", " ", " ", " ", "  ", ",", "~", "\t", "\u{1F}", "\u{00A0}",
    ]
    let weights = [6, 6, 6, 6, 8, 8, 8, 1, 2, 1, 1, 1, 1]
    var generator = Seeded(state: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...80, using: &generator)
      return (0..<length).map { _ in
        var pick = Int.random(in: 0..<weights.reduce(0, +), using: &generator)
        var index = 0
        while pick >= weights[index] {
          pick -= weights[index]
          index += 1
        }
        return pieces[index]
      }.joined()
    }
  }

  @Test("collapsing white space on bytes gives the scalar-by-scalar result")
  func collapseAgrees() {
    for text in Self.edgeCases + Self.randomStrings(count: 4000, seed: 1)
      + Self.randomASCIILines(count: 4000, seed: 7)
    {
      #expect(text.collapsingWhitespace == Self.referenceCollapse(text), "\(text.debugDescription)")
    }
  }

  @Test("the ASCII job-title test agrees with the Character one")
  func jobTitleAgrees() {
    for text in Self.edgeCases + Self.randomStrings(count: 4000, seed: 2) {
      #expect(
        MemoHeaders.isJobTitle(text) == Self.referenceIsJobTitle(text), "\(text.debugDescription)")
      if text.utf8.allSatisfy({ $0 < 0x80 }) {
        #expect(MemoHeaders.asciiIsJobTitle(text) != nil, "\(text.debugDescription)")
      }
    }
  }

  @Test("the closing-word pre-check never turns away a closing word")
  func closingWordPreCheck() {
    var texts = Self.edgeCases + Self.randomStrings(count: 4000, seed: 3)
    for word in ["best", "thank you", "with appreciation", "yours sincerely", "all the best"] {
      texts += [word, word.capitalized + ",", "  " + word.uppercased() + "!! ", word + "..."]
    }
    var closings = 0
    for text in texts where MemoInStory.isClosingWord(text.lowercased().trimmed) {
      closings += 1
      #expect(MemoHeaders.mayBeClosingWord(text), "\(text.debugDescription)")
    }
    #expect(closings >= 20)
    #expect(!MemoHeaders.mayBeClosingWord(String(repeating: "word ", count: 10)))
  }

  @Test("character-count bounds agree with count")
  func characterCountBounds() {
    for text in Self.edgeCases + Self.randomStrings(count: 4000, seed: 4) {
      for limit in [0, 3, 8, 17, 40] {
        #expect(
          text.hasAtMostCharacters(limit) == (text.count <= limit), "\(text.debugDescription)")
        if text.trimmed.count <= limit {
          #expect(text.mayTrimToAtMostCharacters(limit), "\(text.debugDescription) \(limit)")
        }
      }
    }
  }

  @Test("the word-count bound never exceeds split's count")
  func wordCountBound() {
    for text in Self.edgeCases + Self.randomStrings(count: 4000, seed: 10) {
      let words = text.split(separator: " ").count
      for limit in [0, 1, 4, 20] where text.certainlyHasMoreWords(than: limit) {
        #expect(words > limit, "\(text.debugDescription) \(limit)")
      }
    }
    #expect(String(repeating: "word ", count: 6).certainlyHasMoreWords(than: 4))
  }

  @Test("trimming scalars gives Foundation's trimmingCharacters(in:)")
  func trimmingScalarsAgrees() {
    for text in Self.edgeCases + Self.randomStrings(count: 2000, seed: 11) {
      #expect(
        text.trimmingScalars { $0 == "," || $0 == " " }
          == text.trimmingCharacters(in: [",", " "]), "\(text.debugDescription)")
    }
  }

  @Test("trimming, the lower-case start and the extension agree with their Character forms")
  func characterFormsAgree() {
    for text in Self.edgeCases + Self.randomStrings(count: 4000, seed: 12) {
      let scalars = text.unicodeScalars
      let reference =
        scalars.firstIndex(where: { !$0.properties.isWhitespace }).map { start in
          String(scalars[start...scalars.lastIndex(where: { !$0.properties.isWhitespace })!])
        } ?? ""
      #expect(text.trimmed == reference, "\(text.debugDescription)")
      #expect(
        LineUnwrapper.startsLowercase(text) == (text.first?.isLowercase == true),
        "\(text.debugDescription)")
    }
    let paths = [
      "a.txt", "dir/memo.TXT", "memo", "dir.d/memo", "file.", "..", "a..txt", "/", "", "dir/",
      "x/y/.hidden", "notes.tar.gz", "a/b.c/", "a/b.c//", ".", "a.b.c", "dir/.", "./memo.md",
    ]
    for path in paths + Self.randomStrings(count: 2000, seed: 13).map({ $0 + ".x/y.z" }) {
      let name = path.lowercased()
      let reference =
        name.split(separator: "/").last.flatMap { last in
          last.contains(".") ? last.split(separator: ".").last.map(String.init) : nil
        } ?? ""
      if let fast = FormatSniffer.asciiExtension(name) {
        #expect(fast == reference, "\(path.debugDescription)")
      }
    }
  }

  @Test("byte search finds what a naive scan finds")
  func byteSearchAgrees() {
    var generator = Seeded(state: 5)
    for _ in 0..<3000 {
      let hay = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
        UInt8.random(in: 0...3, using: &generator)
      }
      let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
        UInt8.random(in: 0...3, using: &generator)
      }
      let naive: Int? =
        needle.isEmpty
        ? 0
        : hay.count < needle.count
          ? nil
          : (0...(hay.count - needle.count)).first {
            Array(hay[$0..<($0 + needle.count)]) == needle
          }
      let found = hay.withUnsafeBufferPointer { h in
        needle.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: h) }
      }
      #expect(found == naive, "\(hay) \(needle)")
      #expect(ByteSearch.contains(hay[...], needle) == (naive != nil))
    }
  }

  @Test("the shift-sequence scan and the NUL pre-check agree with plain scans")
  func decodingScansAgree() throws {
    var generator = Seeded(state: 6)
    let alphabet: [UInt8] = [0x1B, 0x24, 0x28, 0x7E, 0x7B, 0x41, 0x00]
    for _ in 0..<3000 {
      let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      #expect(TextDecoding.containsShiftSequence(bytes) == Self.referenceShiftSequence(bytes))
    }
    // Bytes without NULs are never UTF-16 or UTF-32 without a mark, so skipping those
    // checks changes nothing.
    for text in Self.randomStrings(count: 500, seed: 7) {
      let bytes = Array(text.utf8)
      #expect(TextDecoding.utf16WithoutMark(bytes) == nil || bytes.contains(0))
      #expect(TextDecoding.utf32WithoutMark(bytes) == nil || bytes.contains(0))
    }
  }

  @Test("repairUTF8 of an array keeps valid bytes as they are and repairs the rest alike")
  func repairArrayAgrees() {
    var generator = Seeded(state: 8)
    for _ in 0..<2000 {
      let bytes = (0..<Int.random(in: 0...16, using: &generator)).map { _ in
        [0x41, 0xC3, 0xA9, 0xE2, 0x80, 0x99, 0xFF, 0xF0, 0x9F, 0x98, 0x80].randomElement(
          using: &generator)! as UInt8
      }
      let whole = TextDecoding.repairUTF8(bytes)
      let slice = TextDecoding.repairUTF8(bytes[...])
      #expect(whole.bytes == slice.bytes && whole.invalid == slice.invalid)
      #expect(whole.validMultibyte == slice.validMultibyte)
    }
  }

  @Test("the quick file hash tells contents apart and is stable for the same bytes")
  func quickHash() {
    var seen: [UInt64: [UInt8]] = [:]
    var generator = Seeded(state: 9)
    for length in 0..<200 {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let hash = bytes.withUnsafeBufferPointer(InputReader.quickHash)
      #expect(seen[hash] == nil, "collision at length \(length)")
      seen[hash] = bytes
      #expect(hash == bytes.withUnsafeBufferPointer(InputReader.quickHash))
    }
    // Same bytes but for trailing zeros, or one byte moved: different hashes.
    let base = Array("memo text".utf8)
    let hashes = [base, base + [0], base + [0, 0], Array("memo txet".utf8)].map {
      $0.withUnsafeBufferPointer(InputReader.quickHash)
    }
    #expect(Set(hashes).count == 4)
    #expect(
      Array("abc".utf8).withUnsafeBufferPointer { InputReader.fnv1a64($0) }
        == 0xe71f_a219_0541_574b)
    // Continued block by block, as a JSONL file is read: the hash of the whole.
    let bytes = Array("a memo, then another memo".utf8)
    let whole = bytes.withUnsafeBufferPointer { InputReader.fnv1a64($0) }
    for split in 0...bytes.count {
      let first = bytes[..<split].withUnsafeBufferPointer { InputReader.fnv1a64($0) }
      let both = bytes[split...].withUnsafeBufferPointer {
        InputReader.fnv1a64($0, continuing: first)
      }
      #expect(both == whole)
    }
  }

  // MARK: - Metadata refinement

  /// Pieces for the refinement checks: commas, underscores, colons, digits of two scripts.
  static let refinementPieces: [String] = [
    ",", "_", ":", " ", "0", "9", "12", "٣", "１", "a", "Dana", "Lee", "PM", "(she/her)",
    "\u{0301}", "é", "🇺🇸", ".", "/", "2026",
  ]

  static func refinementStrings(count: Int, seed: UInt64) -> [String] {
    var generator = Seeded(state: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...12, using: &generator)
      return (0..<length).map { _ in refinementPieces.randomElement(using: &generator)! }
        .joined()
    }
  }

  @Test("a word's commas trimmed on bytes as Foundation trims them")
  func withoutCommas() {
    for word in Self.refinementStrings(count: 4000, seed: 41)
      + Self.randomStrings(count: 2000, seed: 42)
    {
      #expect(
        MemoRefinement.withoutCommas(word) == word.trimmingCharacters(in: .init(charactersIn: ",")),
        "\(word.debugDescription)")
    }
  }

  @Test("a file-name title is found with and without the underscore byte check")
  func fileNameTitles() {
    func reference(_ title: String) -> Bool {
      guard !title.contains(" ") else { return false }
      return title.filter { $0 == "_" }.count >= 1 && title.contains { $0.isLetter }
    }
    #expect(MemoRefinement.isFileName("chair_letter_final_v3"))
    #expect(!MemoRefinement.isFileName("Changes to our teams"))
    for title in Self.refinementStrings(count: 4000, seed: 43)
      + Self.randomStrings(count: 2000, seed: 44)
    {
      #expect(MemoRefinement.isFileName(title) == reference(title), "\(title.debugDescription)")
    }
  }

  @Test("a chat header line the pattern matches always passes the time byte check")
  func chatTimeCheck() {
    #expect(ChatExport.mayHoldTime("Priya Raman (she/her) 9:14 AM"))
    #expect(ChatExport.mayHoldTime("Dana Lee ٩:٣٠"))
    #expect(!ChatExport.mayHoldTime("Subject: changes to our teams"))
    let lines =
      Self.refinementStrings(count: 6000, seed: 45).map { "Dana Lee " + $0 }
      + ["Dana Lee 9:14 AM", "Lee, Dana 10/02/2026 07:58", "Dana Lee １０:３０", "Dana Lee 9:1"]
    for line in lines
    where line.range(of: ChatExport.headerPattern, options: .regularExpression) != nil {
      #expect(ChatExport.mayHoldTime(line), "\(line.debugDescription)")
    }
  }

  @Test("a head the lead-date pattern matches always has a four-digit run")
  func leadDateYearCheck() {
    let pattern = MemoRefinement.leadDatePattern
    #expect(MemoRefinement.hasFourDigitRun("Paris, le 3 mars 2026 –"))
    #expect(MemoRefinement.hasFourDigitRun("le 3 mars ٢٠٢٦"))
    #expect(!MemoRefinement.hasFourDigitRun("Today, 120 roles end"))
    let heads =
      Self.refinementStrings(count: 6000, seed: 46).map { "le 3 mars " + $0 }
      + ["March 4, 2026", "4 März 2026", "3 mars ２０２６", "4 May 202"]
    for head in heads where head.range(of: pattern, options: .regularExpression) != nil {
      #expect(MemoRefinement.hasFourDigitRun(head), "\(head.debugDescription)")
    }
  }
}
