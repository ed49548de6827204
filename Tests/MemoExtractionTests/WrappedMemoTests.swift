import Testing

@testable import MemoExtraction

/// Pages around a memo (a newsletter, show notes, an aggregator's copy): the memo's writer,
/// company and sending day win over the page's credits when the page says whose memo it is.
@Suite("Memos quoted in wrapper pages")
struct WrappedMemoTests {
  static func newsletter(lead: String, title: String = "The Weekly Ledger #40: Quillon trims sales")
    -> String
  {
    """
    <html><head><title>\(title)</title>
    <meta name="author" content="Mira Castellane">
    <meta property="og:site_name" content="The Weekly Ledger">
    </head><body><article><h1>\(title)</h1>
    <p class="meta">Sent Friday, March 6, 2026 · by Mira Castellane</p>
    <p>\(lead)</p>
    <blockquote><p>We are closing the outbound team and moving new business to self-serve.
    Eighteen roles are affected, and I made this call.</p></blockquote>
    <p>Two payment start-ups raised money this week; more on them below.</p>
    </article></body></html>
    """
  }

  @Test("A newsletter's lead that names the memo's writer: writer, company, sending day")
  func newsletterLead() throws {
    let memo = try extractHTML(
      Self.newsletter(
        lead: "Quillon, the maps app, is letting go of a fifth of its sales staff. In a note to"
          + " staff on Wednesday, chief revenue officer Tobias Engqvist wrote:"))
    #expect(memo.author == "Tobias Engqvist")
    #expect(memo.company == "Quillon")
    #expect(memo.date == "2026-03-04")
  }

  @Test("A lead that names an executive but no memo leaves the page's credits")
  func noMemoInLead() throws {
    let memo = try extractHTML(
      Self.newsletter(
        lead: "Quillon, the maps app, is letting go of a fifth of its sales staff, chief revenue"
          + " officer Tobias Engqvist said on Wednesday at a conference in Leeds."))
    #expect(memo.author == "Mira Castellane")
    #expect(memo.date == "2026-03-06")
  }

  @Test("The sending day: a weekday or a day of a month read against the page's date")
  func sendingDays() {
    #expect(
      NewsAboutMemo.sentDay(in: "a memo sent on Wednesday", before: "2026-03-06") == "2026-03-04")
    #expect(NewsAboutMemo.sentDay(in: "the note sent Friday", before: "2026-03-06") == "2026-03-06")
    #expect(NewsAboutMemo.sentDay(in: "sent on February 19.", before: "2026-02-24") == "2026-02-19")
    #expect(NewsAboutMemo.sentDay(in: "sent on December 30", before: "2026-01-05") == "2025-12-30")
    // More than two weeks before the page, or no day at all: nothing.
    #expect(NewsAboutMemo.sentDay(in: "sent on January 2", before: "2026-03-05") == nil)
    #expect(NewsAboutMemo.sentDay(in: "a memo sent to staff", before: "2026-03-05") == nil)
    for day in ["1970-01-01", "2000-02-29", "2026-12-31", "1999-03-01"] {
      #expect(NewsAboutMemo.dayNumber(day).map(NewsAboutMemo.isoDate) == day)
    }
  }

  @Test("'the note Ana Ruiz sent to Acme staff' names the writer and the company")
  func senderSentence() {
    let found = NewsAboutMemo.sender(
      in: "This week we read the note Ilka Brandvold sent to Velto Games staff on May 4.")
    #expect(found.person == "Ilka Brandvold")
    #expect(found.company == "Velto Games")
    #expect(NewsAboutMemo.sender(in: "We read the note that was sent to staff.").person == nil)
  }
}
