import MemoCore
import Testing

@testable import MemoClustering

@Suite("ClusterTokenizer")
struct ClusterTokenizerTests {
  let memo = Memo(
    source: "m",
    company: "Vantage Robotics",
    paragraphs: [
      "Vantage Robotics will cut 120 roles. Dear Team, our U.S. offices close in May.",
      "Acme Corp and Vantage Robotics merge. A. I. tools from Ünter Labs replace them.",
      "",
      "Straße über Café Ölberg: 3,5 Prozent. Maria Lopez leads the ÉQUIPE now.",
      "J. R. R. Tolkien wrote it. Paris and London follow, then Berlin.",
    ])

  @Test("The hashes-only vocabulary gives the tokens the full one gives, initials joined too")
  func hashesOnlyVocabulary() {
    let memos =
      [memo, Memo(source: "i", paragraphs: ["A. I. and A.I. and J. R. R. Tolkien, U. S. A. too."])]
      + TestMemos.unrelated.map { Memo(source: "u", paragraphs: $0) }
    for memo in memos {
      for masking in [true, false] {
        #expect(
          ClusterTokenizer.plainTokens(of: memo, masking: masking)
            == ClusterTokenizer.plainTokens(of: memo, masking: masking, keepingForms: true))
      }
    }
    // The joined initials really are joined: "A. I." has the hash of "ai".
    let joined = ClusterTokenizer.tokens(
      of: Memo(source: "j", paragraphs: ["We use A. I. daily."]), masking: false)
    #expect(joined.map(\.key).contains(StableHash.of("ai")))
  }

  @Test("A paragraph tokenized alone gives the tokens the whole memo has for it")
  func paragraphAlone() {
    for masking in [true, false] {
      let whole = ClusterTokenizer.tokens(of: memo, masking: masking)
      for paragraph in memo.paragraphs.indices {
        let alone = ClusterTokenizer.tokens(of: memo, paragraph: paragraph, masking: masking)
        #expect(alone == whole.filter { $0.paragraph == Int32(paragraph) }, "\(paragraph)")
      }
    }
  }

  @Test("Capitalized words are masked as names in ASCII and non-ASCII paragraphs alike")
  func capitalizedNames() {
    let tokens = ClusterTokenizer.tokens(of: memo, masking: true)
    let names = tokens.filter { $0.key == MaskKey.name }.map { token in
      let scalars = memo.paragraphs[Int(token.paragraph)].unicodeScalars
      let start = scalars.index(scalars.startIndex, offsetBy: Int(token.start))
      let end = scalars.index(scalars.startIndex, offsetBy: Int(token.end))
      return String(scalars[start..<end])
    }
    // Sentence-initial words ("Acme", "Maria") are not names unless they are the company's.
    #expect(
      names == [
        "Vantage Robotics", "Team", "May", "Corp", "Vantage Robotics", "Ünter Labs",
        "Café Ölberg", "Prozent", "Lopez", "London", "Berlin",
      ])
  }

  @Test("ASCII paragraphs read from their bytes give the plain path's tokens, masked alike")
  func bytesPathAgreesWithPlainPath() {
    let words = [
      "we", "We", "AI", "CEO", "a", "A", "I", "3", "3.5", "1,000", "U.S.", "A.I.", "e.g.", "Mr.",
      "O'Neil", "don't", "Vantage", "Robotics", "Acme", "acme", "Labs", "Paris", ".", ".", "!",
      "?", ",", ";", ":", "-", "(", ")", "\"", " ", " ", "  ", "\t", "\n", "J.", "R.", "x1",
    ]
    let rare = ["_", "@", "é", "Ünter", "’", "—", "Ёлка", "\u{A0}", "Café"]
    var state: UInt64 = 0x2545_f491_4f6c_dd1d
    func nextIndex(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var failures: [String] = []
    for round in 0..<3_000 {
      var paragraphs: [String] = []
      for _ in 0..<nextIndex(6) {
        var text = ""
        for _ in 0..<nextIndex(30) {
          text += words[nextIndex(words.count)]
          if nextIndex(3) > 0 { text += " " }
        }
        if nextIndex(5) == 0 { text += rare[nextIndex(rare.count)] + " Acme Labs" }
        paragraphs.append(text)
      }
      let company = ["Vantage Robotics", "Acme", nil, "Ünter Labs", "A.I. Corp"][round % 5]
      let memo = Memo(source: "g", company: company, paragraphs: paragraphs)
      for masking in [true, false]
      where ClusterTokenizer.tokens(of: memo, masking: masking)
        != ClusterTokenizer.plainTokens(of: memo, masking: masking)
      {
        failures.append("\(masking) \(company ?? "-") \(paragraphs)")
      }
    }
    #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(5))")
    for masking in [true, false] {
      #expect(
        ClusterTokenizer.tokens(of: memo, masking: masking)
          == ClusterTokenizer.plainTokens(of: memo, masking: masking))
    }
  }
}
