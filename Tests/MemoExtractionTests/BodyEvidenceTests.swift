import Testing

@testable import MemoExtraction

/// The company from a memo's own lines, and chrome that is not the memo's text.
@Suite("Body evidence")
struct BodyEvidenceTests {
  func read(_ text: String) throws -> Memo { try extract(Array(text.utf8), as: "memo.txt") }

  @Test("A sign-off's role line names the company")
  func signature() throws {
    let memo = try read(
      "Team,\n\nWe are closing the Leeds office this summer.\n\nCelia Draycott\nChief Executive Officer, Tessaline Labs\n"
    )
    #expect(memo.company == "Tessaline Labs")
    #expect(memo.companySource == "signature")
    #expect(memo.author == "Celia Draycott")
    #expect(BodyEvidence.signatureCompany(["Head of People at Orrin Mobility"]) == "Orrin Mobility")
    #expect(BodyEvidence.signatureCompany(["Chief Executive Officer"]) == nil)
  }

  @Test("A copyright footer is dropped from the text and names the company")
  func footer() throws {
    let memo = try read(
      "We are reorganizing our support teams this quarter.\n\n© 2025 Pallister Robotics | Privacy | Terms\n"
    )
    #expect(memo.paragraphs == ["We are reorganizing our support teams this quarter."])
    #expect(memo.company == "Pallister Robotics")
    #expect(memo.companySource == "footer")
  }

  @Test("An intranet title bar is dropped; a sentence with pipes is kept")
  func titleBar() {
    #expect(BodyEvidence.isChrome("Greyloft Intranet | People | Home"))
    #expect(!BodyEvidence.isChrome("Revenue grew | costs fell | and we still must change course."))
    #expect(
      BodyEvidence.withoutChrome([
        "Greyloft Intranet | People | Home", "We are changing.", "Thanks.",
      ])
        == ["We are changing.", "Thanks."])
  }

  @Test("Possessives and \"at Acme\" name the company only when repeated")
  func mentions() throws {
    let memo = try read(
      "Yarrowfield’s history is one of change.\n\nHere at Yarrowfield we have always adapted.\n\nThanks.\n"
    )
    #expect(memo.company == "Yarrowfield")
    #expect(memo.companySource == "body")
    #expect(BodyEvidence.companyMentioned(["We met Dana’s team last week."]) == nil)
  }

  @Test("A letterhead or a sender's address beats body evidence")
  func strongerSources() throws {
    let memo = try read(
      "TESSALINE LABS\nMEMORANDUM\nTo: All staff\nSubject: Focus\n\nYarrowfield’s offer and Yarrowfield’s terms were declined.\n"
    )
    #expect(memo.company == "Tessaline Labs")
    #expect(memo.companySource == "letterhead")
  }
}
