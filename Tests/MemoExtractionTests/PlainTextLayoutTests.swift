import Testing

@testable import MemoExtraction

/// Plain text as memos are pasted: single line breaks, headings, lists, bylines, datelines,
/// letterheads. Each page is a few lines written here to show one mechanism.
@Suite("Plain-text layout")
struct PlainTextLayoutTests {
  func read(_ text: String) throws -> Memo { try extract(Array(text.utf8), as: "memo.txt") }

  @Test("One paragraph per line: single line breaks split paragraphs and headings")
  func oneLinePerParagraph() throws {
    let memo = try read(
      """
      Today we are announcing changes to how our support organization is structured, as our AI agents now resolve most routine requests.
      What this means for you
      Roughly 140 roles in tier-one support will end over the next two months, and every affected colleague will hear from a manager this week.
      We know this is hard news.
      """)
    #expect(
      memo.paragraphs == [
        "Today we are announcing changes to how our support organization is structured, as our AI agents now resolve most routine requests.",
        "What this means for you",
        "Roughly 140 roles in tier-one support will end over the next two months, and every affected colleague will hear from a manager this week.",
        "We know this is hard news.",
      ])
  }

  @Test("Hard-wrapped text joins its lines; a short line ending a paragraph or a heading breaks")
  func hardWrapped() throws {
    let memo = try read(
      """
      Team,
      Over the past year our products have changed more than in the decade
      before it. Automation now handles work that used to take whole teams,
      and we have to organize around that honestly.
      Next steps
      Managers will meet each affected colleague today, and severance will
      start at sixteen weeks of pay.
      Thank you.
      """)
    #expect(
      memo.paragraphs == [
        "Team,",
        "Over the past year our products have changed more than in the decade before it. Automation now handles work that used to take whole teams, and we have to organize around that honestly.",
        "Next steps",
        "Managers will meet each affected colleague today, and severance will start at sixteen weeks of pay.",
        "Thank you.",
      ])
  }

  @Test("Every list marker gives one paragraph per item; indented lines continue an item")
  func listMarkers() throws {
    let memo = try read(
      """
      Here is what changes:
      * Support moves to the new platform.
      - Sales keeps its regional teams.
      • Finance closes the Leeds office,
        which stays open until June.
      1. Benefits continue for three months.
      2) Placement help starts today.
      """)
    #expect(
      memo.paragraphs == [
        "Here is what changes:",
        "Support moves to the new platform.",
        "Sales keeps its regional teams.",
        "Finance closes the Leeds office, which stays open until June.",
        "Benefits continue for three months.",
        "Placement help starts today.",
      ])
  }

  @Test("A first line standing alone is the title and not paragraph 1; byline and date follow")
  func titleBylineDate() throws {
    let memo = try read(
      """
      Building a smaller, faster Quillmark

      By Mara Lindqvist, Chief Executive Officer
      March 4, 2026

      Today we are saying goodbye to 90 colleagues.

      Mara
      """)
    #expect(memo.title == "Building a smaller, faster Quillmark")
    #expect(memo.author == "Mara Lindqvist")
    #expect(memo.date == "2026-03-04")
    #expect(memo.paragraphs == ["Today we are saying goodbye to 90 colleagues.", "Mara"])
  }

  @Test("A byline can carry the date: \"By Idris Okafor | 12 May 2026\"")
  func bylineWithDate() throws {
    let memo = try read(
      "A note to the team\nBy Idris Okafor | 12 May 2026\n\nWe are closing the lab.\n")
    #expect(memo.title == "A note to the team")
    #expect(memo.author == "Idris Okafor")
    #expect(memo.date == "2026-05-12")
  }

  @Test("A greeting or a sentence on the first line is not a title")
  func noTitle() throws {
    #expect(try read("Hi all,\n\nWe are closing the lab.\n").title == nil)
    #expect(try read("We are closing the lab.\n\nMore soon.\n").title == nil)
  }

  @Test("A letterhead in capitals over memo headers names the company and leaves the body")
  func letterhead() throws {
    let memo = try read(
      """
      TESSALINE LABS
      MEMORANDUM
      To: All staff
      From: Celia Draycott, Chief Executive Officer
      Date: June 2, 2026
      Subject: Focusing the company

      We are reducing the team by a fifth.
      """)
    #expect(memo.company == "Tessaline Labs")
    #expect(memo.title == "Focusing the company")
    #expect(memo.author == "Celia Draycott")
    #expect(memo.paragraphs == ["We are reducing the team by a fifth."])
  }

  @Test("A press-release dateline gives the date and stays in the text")
  func pressDateline() throws {
    let memo = try read(
      "SAN FRANCISCO, March 4, 2026 — Acme today announced a reorganization.\n\nMore follows.\n")
    #expect(memo.date == "2026-03-04")
    #expect(
      memo.paragraphs.first
        == "SAN FRANCISCO, March 4, 2026 — Acme today announced a reorganization.")
  }

  @Test("A paragraph cut by a page number is joined again")
  func pageBreak() throws {
    let memo = try read(
      """
      The company will reduce its workforce by approximately 8% and expects to record
      charges of approximately $12 million, consisting primarily of

      2

      severance payments and related costs, in the second quarter.
      """)
    #expect(
      memo.paragraphs == [
        "The company will reduce its workforce by approximately 8% and expects to record charges of approximately $12 million, consisting primarily of severance payments and related costs, in the second quarter."
      ])
  }

  @Test("Line endings: CRLF and CR read like LF")
  func lineEndings() throws {
    let lf = try read("Hello team,\n\nWe are closing the lab.\n")
    #expect(try read("Hello team,\r\n\r\nWe are closing the lab.\r\n").paragraphs == lf.paragraphs)
    #expect(try read("Hello team,\r\rWe are closing the lab.\r").paragraphs == lf.paragraphs)
  }
}
