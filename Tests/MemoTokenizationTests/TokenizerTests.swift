import Foundation
import MemoCore
import MemoTokenization
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
  let tokenizer = Tokenizer()

  func forms(_ text: String) -> [String] { tokenizer.tokenize(text).normalizedForms }

  @Test(
    "Spelling variants of a phrase give the same tokens",
    arguments: [
      "AI-native", "AI native", "A.I.-native", "A.I. native", "a.i native", "A. I. native",
      "AI\u{2011}native", "AI\u{2010}native", "AI\u{2012}native", "AI\u{2013}native",
      "AI\u{2014}native", "ai native", "AI\u{00AD}-native", "AI\u{00A0}native", "AI/native",
      "AI\nnative", "A\u{200B}I native", "\u{FEFF}AI native", "ＡＩ native", "AI \u{2060}native",
      "“AI-native”", "AI – native", "AI\r\n native",
    ])
  func spellingVariants(text: String) {
    let text = tokenizer.tokenize(text)
    #expect(text.normalizedForms == ["ai", "native"])
    let reference = tokenizer.tokenize("ai native")
    #expect(
      text.tokens.map { text.hash(of: $0) } == reference.tokens.map { reference.hash(of: $0) })
  }

  @Test("Curly and straight apostrophes give the same token")
  func apostrophes() {
    #expect(forms("don’t") == ["don't"])
    #expect(forms("don't") == ["don't"])
    #expect(forms("DON\u{02BC}T") == ["don't"])
    #expect(forms("the company’s AI") == ["the", "company's", "ai"])
  }

  @Test("Punctuation is not a token; numbers are tokens of kind number")
  func punctuationAndNumbers() {
    let text = tokenizer.tokenize("We cut 1,200 roles (10%) — effective 2025-03-01!")
    #expect(
      text.normalizedForms == [
        "we", "cut", "1,200", "roles", "10", "effective", "2025", "03", "01",
      ])
    #expect(
      text.tokens.map(\.kind) == [
        .word, .word, .number, .word, .number, .word, .number, .number, .number,
      ])
  }

  @Test("Ranges are Unicode scalar offsets into the original paragraph")
  func ranges() {
    let paragraph = "🚀 A\u{00AD}I-first, naïve “AI”"
    let text = tokenizer.tokenize(paragraph)
    #expect(text.normalizedForms == ["ai", "first", "naïve", "ai"])
    #expect(text.tokens.map(\.range) == [2..<5, 6..<11, 13..<18, 20..<22])
    #expect(text.tokens.map { text.surface(of: $0) } == ["A\u{00AD}I", "first", "naïve", "AI"])
  }

  @Test("Offsets stay right after an ASCII prefix and in all-ASCII paragraphs")
  func asciiPrefix() {
    let text = tokenizer.tokenize(paragraphs: [
      "We cut na\u{00EF}ve A\u{00AD}I roles", "All ASCII here",
    ])
    #expect(
      text.tokens.map(\.range) == [0..<2, 3..<6, 7..<12, 13..<16, 17..<22, 0..<3, 4..<9, 10..<14])
    #expect(
      text.tokens.map { text.surface(of: $0) } == [
        "We", "cut", "na\u{00EF}ve", "A\u{00AD}I", "roles", "All", "ASCII", "here",
      ])
  }

  @Test("Cleaning reads ASCII prefixes of every length up to a non-ASCII character the same way")
  func asciiPrefixLengths() {
    // `clean` tests eight bytes at a time and widens the prefix in bulk: put the first
    // non-ASCII character (after a space; tabs are cleaned to spaces) at every position.
    for length in 0..<24 {
      let prefix = String(repeating: "ab\t", count: 8).prefix(length)
      let paragraph = prefix + " \u{00E9}t\u{00E9} ok"
      let text = tokenizer.tokenize(paragraphs: [String(paragraph)])
      let words = prefix.split(whereSeparator: { $0 == "\t" }).map { $0.lowercased() }
      #expect(text.normalizedForms == words + ["\u{00E9}t\u{00E9}", "ok"])
      let okStart = length + 5
      #expect(text.tokens.last?.range == okStart..<(okStart + 2))
      let plain = tokenizer.tokenize(paragraphs: [String(prefix) + " ok"])
      #expect(plain.normalizedForms == words + ["ok"])
      #expect(plain.tokens.last?.range == (length + 1)..<(length + 3))
    }
  }

  @Test("Merged initials span the whole spelling")
  func initialsRange() {
    let text = tokenizer.tokenize("An A. I. strategy and U.S. staff")
    #expect(text.normalizedForms == ["an", "ai", "strategy", "and", "us", "staff"])
    #expect(text.surface(of: text.tokens[1]) == "A. I")
    #expect(text.surface(of: text.tokens[4]) == "U.S")
  }

  @Test("A lone capital after a sentence end is not merged with a later one")
  func initialsNeedDots() {
    #expect(forms("Plan A. I think so.") == ["plan", "a", "i", "think", "so"])
    #expect(forms("Option B is fine") == ["option", "b", "is", "fine"])
  }

  @Test("Sentences are counted across the document and paragraphs start new ones")
  func sentences() {
    let text = tokenizer.tokenize(paragraphs: [
      "We are AI-first. We will cut roles.", "", "Thank you!", "—",
    ])
    #expect(text.tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2])
    #expect(text.tokens.map(\.paragraph) == [0, 0, 0, 0, 0, 0, 0, 0, 2, 2])
    #expect(text.sentenceCount == 3)
  }

  @Test(
    "Sentence rules agree with ICU's sentence iterator",
    arguments: [
      "We are AI-first. We will cut roles! Why? Because.", "Mr. Smith left. the end",
      "It grew 3.5 percent. Then it fell.", "Really?, she asked. Yes.",
      "An A.I. Native firm. E.g. this one.", "Done.\nNext line here.",
      "“Go.” Then stop. (Maybe.) Then go", "What?! No. Okay...", "See U.S. Army rules",
    ])
  func sentenceRules(text: String) {
    let rules = Tokenizer(sentences: .rules).tokenize(text).tokens.map(\.sentence)
    let icu = Tokenizer(sentences: .icu).tokenize(text.replacingOccurrences(of: "\n", with: " "))
      .tokens.map(\.sentence)
    #expect(rules == icu)
  }

  @Test("NFKC casefolding meets compatibility forms and case")
  func casefold() {
    #expect(forms("Straße ﬁnance ÉCOLE") == ["strasse", "finance", "école"])
  }

  @Test("Tokens share ids for the same form and hashes are StableHash of the form")
  func vocabulary() {
    let text = tokenizer.tokenize("AI and ai and A.I.")
    #expect(text.tokens.map(\.id) == [0, 1, 0, 1, 0])
    #expect(text.vocabulary.count == 2)
    #expect(text.hash(of: text.tokens[0]) == StableHash.of("ai"))
    #expect(text.vocabulary.id(of: "and") == 1)
    #expect(text.vocabulary.id(of: "or") == nil)
  }

  @Test("Many distinct forms intern correctly past table growth")
  func growth() {
    let words = (0..<5000).map { "w\($0)x" }
    let text = tokenizer.tokenize(words.joined(separator: " ") + " " + words.joined(separator: " "))
    #expect(text.vocabulary.count == 5000)
    #expect(text.normalizedForms == words + words)
    #expect(text.tokens[5000].id == text.tokens[0].id)
  }

  @Test("Tokenizing from many threads at once gives the same result")
  func concurrent() async {
    let paragraphs = ["We are becoming an AI-first company.", "Roles will be eliminated."]
    let expected = tokenizer.tokenize(paragraphs: paragraphs).normalizedForms
    await withTaskGroup(of: [String].self) { group in
      for _ in 0..<16 {
        group.addTask { Tokenizer().tokenize(paragraphs: paragraphs).normalizedForms }
      }
      for await forms in group { #expect(forms == expected) }
    }
  }
}

@Suite("Built-in ASCII segmenter")
struct AsciiSegmenterTests {
  /// Tokens as comparable values: form, kind, range, sentence.
  func summary(_ text: TokenizedText) -> [String] {
    text.tokens.map {
      "\(text.normalizedText(of: $0))|\($0.kind)|\($0.range)|\($0.sentence)|\($0.paragraph)"
    }
  }

  func agrees(_ paragraphs: [String]) -> Bool {
    var icu = Tokenizer()
    icu.asciiSegmentation = false
    return summary(Tokenizer().tokenize(paragraphs: paragraphs))
      == summary(icu.tokenize(paragraphs: paragraphs))
  }

  @Test(
    "Splits like ICU on tricky ASCII",
    arguments: [
      "don't stop", "U.S.A. and A.I.", "a.b.c..d", "3.5 1,000 1'000 12;34 10:30 1.2.3",
      "a.1 1.a a'1 1'a", "v1.2 COVID19 2nd B2B",
      "abc123 123abc a1b2 a1.2 1.2a a1,2 1a.b a1'b 1a'2 Q3's 3D v1.2.3", "snake_case and _x_",
      "e.g. etc. Mr. Smith",
      "foo:bar 1:2 a:1", "mail me@example.com @handle a@b", "back\\slash",
      "Привет, мир. ЁЛКА ёлка Й й", "abcПривет Мир2024 т.е. т.к. Москва's", "Ѐ ѐ Ѝ слово́",
      "'quoted' \"double\" (paren) [x] {y} <z>", "it's... 'tis ok.'",
      "x--y x-y x/y x\\y x@y.com http://a.b/c?d=e&f#g", "1,2,3, 4;5; 6.. 7.", "A. B. C. D.",
      "Hello!! What?? Yes. no. Maybe.", "tab\there\nnewline\r\nend", "", " ", "...", "a", "1",
      "Café résumé naïve Ærø ÀÖØöøÿ", "l'été d'Égypte é.a 1.é é1 1é", "3×4 6÷2 ½ ¼ 90° 5€ x²",
      "Wait… what…",
      // Runs longer than the four units the segmenter tests at once, ending at each lane, and
      // the ASCII characters next to the letter and digit ranges.
      "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abc abcd abcde abcdefgh",
      "abcd`efgh abcd{efgh abcd[efgh abcd/0123 0123:4567 wxyz~ WXYZ^ 9999/ 0000:",
      "aaaé bbbbé cccccé ddddЖ eeeeeeeeЖ fffffffff", "ab.cd.ef.gh 12,34,56,78 abcd'efgh",
      "© 2026 ACME® Widget™ • item • €10", "Ωmega ªb µs ºc a·b", "Straße STRASSE",
    ])
  func tricky(text: String) {
    #expect(agrees([text]))
  }

  @Test("Russian letters are case-folded as ICU's NFKC casefold does")
  func russianFolding() {
    let upper = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    let lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    var icu = Tokenizer()
    icu.asciiSegmentation = false
    #expect(Tokenizer().tokenize(upper).normalizedForms == [lower])
    #expect(Tokenizer().tokenize(lower).normalizedForms == [lower])
    #expect(icu.tokenize(upper).normalizedForms == [lower])
    #expect(Tokenizer().tokenize("AI-Трансформация").normalizedForms == ["ai", "трансформация"])
  }

  @Test("Latin-1 letters are case-folded by ICU and symbols around them are not tokens")
  func latinFolding() {
    #expect(
      Tokenizer().tokenize("CAFÉ Straße Ærø… ©2026 3×4").normalizedForms == [
        "café", "strasse", "ærø", "2026", "3", "4",
      ])
  }

  @Test("Splits like ICU on random ASCII, Latin-1 and Russian text")
  func random() {
    // Letters, digits and the joining punctuation often; every other ASCII character too.
    let alphabet =
      Array("aAbZz09.,;:' \n\tяЯЁёйЙ".unicodeScalars)
      + (0x20...0x7E).map { Unicode.Scalar(UInt8($0)) }
      + [0x0400, 0x040F, 0x0410, 0x042F, 0x0430, 0x044F, 0x0450, 0x045F, 0x0301, 0x00E9]
      .map { Unicode.Scalar($0)! }
      // Latin-1 letters and signs at the edges of the built-in segmenter's ranges, and the
      // other symbols it lets stand alone.
      + [
        0x00A1, 0x00A9, 0x00AA, 0x00B2, 0x00B5, 0x00B7, 0x00BA, 0x00BF, 0x00C0, 0x00D6, 0x00D7,
        0x00D8, 0x00DF, 0x00F6, 0x00F7, 0x00F8, 0x00FF, 0x0100, 0x2022, 0x2026, 0x20AC, 0x2122,
      ].map { Unicode.Scalar($0)! }
    var state: UInt64 = 0x9e37_79b9_7f4a_7c15
    func nextIndex(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var failures: [String] = []
    for _ in 0..<20_000 {
      var paragraph = String.UnicodeScalarView()
      for _ in 0..<nextIndex(32) { paragraph.append(alphabet[nextIndex(alphabet.count)]) }
      let text = String(paragraph)
      if !agrees([text]) { failures.append(text) }
    }
    #expect(failures == [])
  }
}
