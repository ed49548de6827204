import Testing

@testable import MemoExtraction

/// A column label before a headline, a release's embargo line, a repost's note of the day a
/// memo first appeared.
@Suite("Title labels, embargo lines and repost dates")
struct TitleLabelAndRepostTests {
  @Test("A column label before the colon is not part of the title")
  func columnLabels() {
    #expect(
      MemoRefinement.cleanTitle("Guest post: Why Tallowmere is getting smaller")
        == "Why Tallowmere is getting smaller")
    #expect(MemoRefinement.cleanTitle("Opinion: We grew too fast") == "We grew too fast")
    // A colon after other words, or a label with nothing after it, stays.
    #expect(
      MemoRefinement.cleanTitle("Update: changes to our team") == "Update: changes to our team")
    #expect(MemoRefinement.cleanTitle("Opinion:") == "Opinion:")
  }

  @Test("A label before a title whose rest the page's heading repeats is not the title")
  func labelBeforeHeading() throws {
    func page(_ title: String, heading: String) -> String {
      """
      <html><head><meta property="og:title" content="\(title)"></head><body><article><h1>\(heading)</h1>
      <p>Brightwell Instruments will close its Leeds workshop in March. Forty roles go, and
      everyone affected gets four months' pay and help finding the next job.</p>
      <p>Brightwell keeps its Bristol workshop and its service team as they are.</p>
      </article></body></html>
      """
    }
    let printed = try extractHTML(
      page("Print: Brightwell closes Leeds", heading: "Brightwell closes Leeds"))
    #expect(printed.title == "Brightwell closes Leeds")
    let labelled = try extractHTML(
      page("Nieuws van de directie: werkplaats Leeds sluit", heading: "Werkplaats Leeds sluit"))
    #expect(labelled.title == "Werkplaats Leeds sluit")
    // A heading that is not the rest of the title leaves the title as it was.
    let other = try extractHTML(
      page("Brightwell: closing Leeds", heading: "A hard week for Leeds"))
    #expect(other.title == "Brightwell: closing Leeds")
    #expect(!PageMetadata.isLabelled("Leeds: a: b c", heading: "b c"))
  }

  @Test("A mailing list's relay names the person, and its tag leaves the subject")
  func listRelay() throws {
    let mail = """
      From: "'Ines Okafor-Lund' via Everyone" <everyone@brightwell.example>
      Reply-To: Ines Okafor-Lund <ines@brightwell.example>
      Date: Tue, 3 Mar 2026 09:10:00 +0000
      Subject: [Everyone] Closing the Leeds workshop
      Content-Type: text/plain; charset=UTF-8

      Hi all,

      We will close the Leeds workshop in March. Forty roles go.

      Ines
      """
    let memo = try extract(Array(mail.utf8), as: "list.eml")
    #expect(memo.author == "Ines Okafor-Lund")
    #expect(memo.title == "Closing the Leeds workshop")
    #expect(EmailSender.listRelay("Ines Okafor-Lund") == nil)
    #expect(EmailSender.listRelay("'Ines Okafor-Lund' via ") == nil)
    #expect(EmailSender.listRelay("'Ines Okafor-Lund' via Everyone")?.list == "Everyone")
    #expect(EmailSender.withoutListTag("[Other] Closing", list: "Everyone") == "[Other] Closing")
  }

  @Test("An embargo line is never a title")
  func embargoLines() {
    #expect(MemoRefinement.cleanTitle("EMBARGOED UNTIL 00:01 BST, FRIDAY 9 OCTOBER 2026") == nil)
    #expect(MemoRefinement.cleanTitle("Embargo: 10 March 2026") == nil)
    #expect(MemoRefinement.cleanTitle("Embargoes on steel and what they mean") != nil)
  }

  @Test("A repost's note gives the day the memo first appeared, never a later one")
  func repostNotes() {
    let body = ["We are closing our robotics line.", "Jun Okonkwo, CEO"]
    #expect(
      OriginalDate.date(
        in: body + ["Originally published at blog.example.io on September 30, 2026."],
        page: "2026-10-02") == "2026-09-30")
    #expect(
      OriginalDate.date(in: ["First published on 3 March 2026."] + body, page: nil)
        == "2026-03-03")
    // A note whose day is after the page's, and a page without a note: nothing.
    #expect(
      OriginalDate.date(
        in: body + ["Originally published on November 4, 2026."], page: "2026-10-02")
        == nil)
    #expect(OriginalDate.date(in: body, page: "2026-10-02") == nil)
    // A note on another version (a preprint, an earlier draft) dates that version: nothing.
    #expect(
      OriginalDate.date(
        in: body + [
          "An earlier version of this note is at example.org, first published 2 May 2026."
        ],
        page: "2026-10-02") == nil)
    #expect(
      OriginalDate.date(
        in: ["Preprint posted on 12 March 2026; originally published here on 4 June 2026."] + body,
        page: nil) == nil)
  }

  @Test("Thai dates: month names and the Buddhist-era year")
  func thaiDates() {
    #expect(DateNormalizer.normalize("15 ตุลาคม พ.ศ. 2569") == "2026-10-15")
    #expect(DateNormalizer.normalize("ประกาศ ณ วันที่ 3 มีนาคม 2569") == "2026-03-03")
    // A Gregorian year with a Thai month stays as it is.
    #expect(DateNormalizer.normalize("3 มีนาคม 2026") == "2026-03-03")
  }

  @Test("A notice dated on a short line under its text, when nothing else dates it")
  func closingDates() {
    let body = ["We will close the Hat Yai centre.", "Staff will be offered moves."]
    #expect(MemoRefinement.closingDate(body + ["ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2569"]) == "2026-10-15")
    #expect(MemoRefinement.closingDate(body + ["Given on 4 March 2026", "Signed"]) == "2026-03-04")
    // A copyright line or a long sentence with a date in it is no dating line.
    #expect(MemoRefinement.closingDate(body + ["© 4 March 2026 Acme"]) == nil)
    #expect(
      MemoRefinement.closingDate(
        body + ["The office will close on 4 March 2026 after a long consultation."]) == nil)
  }
}

@Suite("JSON-LD forum and social posts")
struct ForumPostingTests {
  @Test("A DiscussionForumPosting's author and date are read; an unknown type's are not")
  func discussionForumPosting() throws {
    func page(_ type: String) -> String {
      """
      <html><head><title>A note to the Fenwick team</title>
      <script type="application/ld+json">
      {"@context":"https://schema.org","@type":"\(type)","datePublished":"2026-10-05T13:12:40Z",
       "author":{"@type":"Person","name":"Ilka Brandvold"}}
      </script></head><body><article><h1>A note to the Fenwick team</h1>
      <p>Today nine of our colleagues are leaving Fenwick, and we are 30 people after today.</p>
      <p>Two large clients paused their work this summer, and we cannot carry the team we had.</p>
      </article></body></html>
      """
    }
    let memo = try extractHTML(page("DiscussionForumPosting"))
    #expect(memo.author == "Ilka Brandvold")
    #expect(memo.date == "2026-10-05")
    let other = try extractHTML(page("Recipe"))
    #expect(other.author != "Ilka Brandvold")
  }
}
