import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

@Suite("Memo headers")
struct MemoHeadersTests {
  /// Lines built to sit on each side of the pre-check's rules.
  static let lines: [String] = [
    "From: Dana Whitfield", "FROM : Dana", "To:All staff", "Subject: Changes", "SUBJ: x",
    "Re: our plan", "Cc: Legal", "bcc: HR", "Sent: Monday", "Date: May 1, 2026",
    "  From: indented", "\tTo: tabbed", "\u{00A0}Subject: no-break space first",
    "\u{2003}Date: em space first", "To\u{00A0}: no-break space before colon",
    "Subject\u{3000}: ideographic space", "To\u{0301}: combining mark", "T\u{0301}o: mark inside",
    "To:\u{0301} mark after colon", "Tó: accented", "Sender: not a key", "Subjects: plural",
    "Fromage: cheese", "to2: digit", "2to: digit first", ": colon first", "Subject",
    "From Dana, no colon", "", " ", "É: accented key", "\u{212A}: kelvin sign",
    "Date:", "Date:    ", "From: " + String(repeating: "x", count: 250),
    "Pro tip: something", "Note: this is prose, not a header line at all.",
    "FROM:\u{00A0}Dana", "ſubject: long s",
  ]

  @Test("the byte pre-check never turns away a line headerField accepts")
  func preCheckAgrees() throws {
    var corpusLines: [String] = []
    let corpus = Fixtures.repositoryRoot.appendingPathComponent("Corpus")
    let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      corpusLines += text.split(separator: "\n").map(String.init)
    }
    #expect(corpusLines.count > 100)
    var accepted = 0
    for line in Self.lines + corpusLines {
      let full = MemoHeaders.parseHeaderField(line)
      if full != nil { accepted += 1 }
      #expect(full == nil || MemoHeaders.mayStartWithHeaderKey(line), "\(line)")
      #expect(MemoHeaders.headerField(line)?.value == full?.value, "\(line)")
    }
    #expect(accepted >= 15)
  }

  @Test("the byte pre-check turns away prose and unknown keys")
  func preCheckRejects() {
    for line in [
      "Sender: x", "Fromage: y", "Note: prose", ": x", "2to: y", "Subject",
      "To our team: a word", "Date of the move: May", "Re - update: x", "Sent",
    ] {
      #expect(!MemoHeaders.mayStartWithHeaderKey(line), "\(line)")
    }
    for line in [
      "From: x", "  To: y", "\u{00A0}Date: z", "To\u{00A0}: w", "Date : z", "Re\t: y",
      "To\u{0301}: w",
    ] {
      #expect(MemoHeaders.mayStartWithHeaderKey(line), "\(line)")
    }
  }

  @Test("without sign-off authors, extraction changes the author only")
  func withoutSignOffAuthor() throws {
    let signed =
      "Team,\n\nWe are closing the Lisbon office this spring.\n\nBest regards,\n\nDana Whitfield\n"
    // A signature line above a closing note: its company is read either way, its person only
    // with sign-off authors.
    let signatureLine =
      "Team,\n\nWe are closing the Porto studio in May.\n\nDana Whitfield, Chief Executive "
      + "Officer, Corvanta Labs\n\nColleagues abroad will hear from their local teams.\n"
    var inputs: [(bytes: [UInt8], source: String)] = [
      (Array(signed.utf8), "signed.txt"), (Array(signatureLine.utf8), "line.txt"),
    ]
    let corpus = Fixtures.repositoryRoot.appendingPathComponent("Corpus")
    let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard ["txt", "md", "eml", "html"].contains(url.pathExtension),
        let data = try? Data(contentsOf: url)
      else { continue }
      inputs.append(([UInt8](data), url.lastPathComponent))
    }
    #expect(inputs.count > 10)
    let full = MemoExtractor()
    let lean = MemoExtractor(options: ExtractionOptions(findsSignOffAuthor: false))
    var differing = 0
    for (bytes, source) in inputs {
      guard var expected = try? full.extract(bytes: bytes, source: source) else { continue }
      let memo = try lean.extract(bytes: bytes, source: source)
      if memo.author != expected.author { differing += 1 }
      #expect(memo.author == nil || memo.author == expected.author, "\(source)")
      (expected.author, expected.authorSource) = (memo.author, memo.authorSource)
      #expect(memo == expected, "\(source)")
    }
    #expect(differing >= 1)
    #expect(
      try full.extract(bytes: inputs[0].bytes, source: "signed.txt").author == "Dana Whitfield")
    let lined = try full.extract(bytes: inputs[1].bytes, source: "line.txt")
    #expect(lined.author == "Dana Whitfield" && lined.company == "Corvanta Labs")
    let leanLined = try lean.extract(bytes: inputs[1].bytes, source: "line.txt")
    #expect(leanLined.author == nil && leanLined.company == "Corvanta Labs")
  }
}
