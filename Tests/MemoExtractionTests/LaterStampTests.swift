import Testing

@testable import MemoExtraction

/// Dates stamped on a copy after the memo was sent (a capture, a print, a fetch, a quote's
/// time) and weekday abbreviations that are also month names. Every page is invented.
@Suite("Later stamps and weekday abbreviations")
struct LaterStampTests {
  @Test("Capture, print and quote lines are later stamps; a post's meta line is not")
  func stamps() {
    #expect(
      LabelledFields.isLaterStamp("Saved from https://example.test/post 3 Mar 2026 07:10 UTC"))
    #expect(LabelledFields.isLaterStamp("Printed on 03/09/2026 from example.test"))
    #expect(LabelledFields.isLaterStamp("Exported 9 March 2026 by Ola Berg"))
    #expect(LabelledFields.isLaterStamp("NYSE: BRWL $42.10 -1.25 Mar 6, 2026 4:00 PM ET"))
    #expect(LabelledFields.isLaterStamp("BRWL €42,10 −1,2 6 mars 2026"))
    #expect(!LabelledFields.isLaterStamp("Ola Berg · CEO · Mar 2, 2026 · 3 min read"))
    // A price alone, or a signed number alone, is no quote.
    #expect(!LabelledFields.isMarketQuote("Tickets cost $20 on March 6, 2026"))
    #expect(!LabelledFields.isMarketQuote("Temperatures of -5 on March 6, 2026"))
  }

  @Test("A capture's toolbar date gives way to the post's own date")
  func captureToolbar() throws {
    let page = """
      <html><head><title>Changes at Brightwell</title></head><body>
      <table id="toolbar"><tr><td>Saved from https://blog.brightwell.test/changes 9 Mar 2026
      06:48:13 UTC</td></tr></table>
      <article><h1>Changes at Brightwell</h1>
      <div class="post-meta">Ola Berg · CEO · Mar 2, 2026 · 3 min read</div>
      <p>We are closing the Leeds workshop at the end of the month. Forty roles go, and everyone
      affected gets four months' pay and help finding the next job.</p>
      <p>Bristol and the service team stay as they are.</p>
      <p>Ola</p></article></body></html>
      """
    #expect(try extractHTML(page).date == "2026-03-02")
  }

  @Test("A weekday's abbreviation before a numeric date is no month")
  func weekdayBeforeNumericDate() {
    // "Mar" is Tuesday in Romanian, French and Spanish: the numbers give the date.
    #expect(DateNormalizer.normalize("Mar, 24/11/2026 - 08:47") == "2026-11-24")
    #expect(DateNormalizer.normalize("mar. 24.11.2026") == "2026-11-24")
    // An English month before a day and a year reads as before.
    #expect(DateNormalizer.normalize("Mar 24, 2026") == "2026-03-24")
    #expect(DateNormalizer.normalize("Mar 24 2026 08:47") == "2026-03-24")
  }
}
