import Testing

@testable import MemoExtraction

/// Metadata of pasted `.txt` and `.md` memos: each mechanism on a small text written here.
@Suite("Plain-text and Markdown metadata")
struct PlainTextMetadataTests {
  private func text(_ source: String, as name: String = "memo.txt") throws -> Memo {
    try extract(Array(source.utf8), as: name)
  }

  @Test("An exhibit label is skipped; a headline wrapped over two lines is the title")
  func exhibitAndWrappedTitle() throws {
    let memo = try text(
      """
                                                              EXHIBIT 99.2

                Brantwell Tools Announces Closure of Its
                      Dayton Assembly Plant

      DAYTON, Ohio, May 5, 2026 /PRNewswire/ -- Brantwell Tools, Inc. today said it will
      close its Dayton plant by the end of the year, affecting 140 employees.

      The company will offer transfers to its Toledo site.
      """)
    #expect(memo.title == "Brantwell Tools Announces Closure of Its Dayton Assembly Plant")
    #expect(memo.titleSource == "first-line")
    #expect(memo.date == "2026-05-05")
    #expect(memo.dateSource == "dateline")
    #expect(memo.company == "Brantwell Tools")
    #expect(memo.companySource == "release")
    #expect(memo.paragraphs.first?.hasPrefix("DAYTON, Ohio") == true)
  }

  @Test("Two opening lines of prose are no title")
  func proseIsNoWrappedTitle() throws {
    let memo = try text(
      """
      We are closing the Leeds office at the end of June. Everyone there
      will be offered a role in Manchester.

      More details follow on Monday from each manager.
      """)
    #expect(memo.title == nil)
    #expect(memo.paragraphs.count == 2)
  }

  @Test("A statement's dateline with a colon gives the date and the company")
  func colonDateline() throws {
    let memo = try text(
      """
      Statement on Our Bristol Depot

      BRISTOL, 3rd February 2026: Kestrow Logistics today confirmed that it will close its
      Bristol depot in the spring.

      About 90 people work at the depot.
      """)
    #expect(memo.date == "2026-02-03")
    #expect(memo.company == "Kestrow Logistics")
    #expect(memo.companySource == "release")
  }

  @Test("A signature block: dash and name, role, company, then a date on the last line")
  func signatureBlock() throws {
    let memo = try text(
      """
      Subject: Merging our two support desks

      Hi everyone,

      From next month the Oslo and Bergen support desks become one team, and nine roles
      will end. Everyone affected has been told today.

      — Ilse Brandvold
      Head of Customer Operations
      Norvik Freight
      9 March 2026
      """)
    #expect(memo.title == "Merging our two support desks")
    #expect(memo.author == "Ilse Brandvold")
    #expect(memo.company == "Norvik Freight")
    #expect(memo.date == "2026-03-09")
    #expect(memo.dateSource == "signature")
    #expect(memo.paragraphs.last == "Norvik Freight")
  }

  @Test("A closing line in the writer's own words over their name")
  func ownWordsClosing() throws {
    let memo = try text(
      """
      Hi all,

      The weekend shift at the warehouse ends this month. I will talk with each of you
      about the options this week.

      With love and thanks,
      Tobias Quennell-Hart
      """)
    #expect(memo.author == "Tobias Quennell-Hart")
    #expect(memo.authorSource == "signature")
  }

  @Test("A sentence ending in a comma is no closing line")
  func longCommaLineIsNoClosing() throws {
    let memo = try text(
      """
      Hi all,

      The weekend shift at the warehouse ends this month.

      We will talk with each of you next week,
      Tobias Quennell-Hart
      """)
    #expect(memo.author == nil)
  }

  @Test("Markdown: an italic 'Posted by' line gives the author and date, a salutation the company")
  func markdownPostedLine() throws {
    let memo = try text(
      """
      # Closing the Cardiff office

      _Posted by Wren Castellano, CFO — 2 Feb 2026_

      To everyone at Halloway Print,

      We will close the Cardiff office in April.

      Wren
      """, as: "post.md")
    #expect(memo.title == "Closing the Cardiff office")
    #expect(memo.author == "Wren Castellano")
    #expect(memo.authorSource == "byline")
    #expect(memo.date == "2026-02-02")
    #expect(memo.dateSource == "byline")
    #expect(memo.company == "Halloway Print")
    #expect(memo.companySource == "salutation")
    #expect(!memo.paragraphs.contains { $0.contains("Posted by") })
  }

  @Test("Markdown: the title's own mentions of the company count with the body's")
  func titleMentionCounts() throws {
    let memo = try text(
      """
      ---
      title: "Changes to Quillmere's design team"
      author: Ines Rawlings
      ---

      Team,

      Today the design team at Quillmere becomes part of Product, and four roles end.

      Ines
      """, as: "post.md")
    #expect(memo.company == "Quillmere")
    #expect(memo.companySource == "body")
  }

  @Test("An ordinal day before its month is read; an ordinal before another word is not a day")
  func ordinalDayBeforeMonth() {
    #expect(DateNormalizer.normalize("6th January 2026") == "2026-01-06")
    #expect(DateNormalizer.normalize("GLASGOW, 22nd of March 2026") == "2026-03-22")
    #expect(DateNormalizer.normalize("March 4th, 2026") == "2026-03-04")
    #expect(DateNormalizer.normalize("our 4th quarter in 2026") == nil)
  }
}
