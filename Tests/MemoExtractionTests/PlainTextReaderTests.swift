import Testing

@testable import MemoExtraction

@Suite("Text, Markdown and email")
struct PlainTextReaderTests {
  @Test("Text: blank lines split paragraphs, hard wraps are joined, headers parsed")
  func text() throws {
    let memo = try extractFixture("Text/memo.txt")
    #expect(
      memo.paragraphs == [
        "Team,",
        "Today we are reducing our workforce by about 12 percent. Over the past year, AI has changed how we build and support our products, and we are reorganizing around smaller teams.",
        "Affected employees will hear from their manager today.",
        "Severance starts at 16 weeks of pay.",
        "Thank you for everything you have built here.",
        "Best,", "Dana",
      ])
    #expect(memo.title == "Reorganizing for an AI-first future")
    #expect(memo.author == "Dana Whitfield")
    #expect(memo.date == "2026-03-04")
    #expect(memo.format == .text)
  }

  @Test("Markdown: headings, emphasis, links, images, quotes and list markers are stripped")
  func markdown() throws {
    let memo = try extractFixture("Text/memo.md")
    #expect(
      memo.paragraphs == [
        "We are letting go of 5% of the company. Our AI platform now does much of the work that Hooli XYZ teams did by hand.",
        "Innovation is not optional.",
        "What happens next",
        "Managers will reach out today.",
        "Benefits continue for three months.",
        "— Gavin",
      ])
    #expect(memo.title == "A hard day at Hooli")
    #expect(memo.author == "Gavin Belson")
    #expect(memo.format == .markdown)
  }

  @Test("Email: multipart, quoted-printable HTML part preferred, RFC 2047 headers decoded")
  func multipartEmail() throws {
    let memo = try extractFixture("Email/support-changes.eml")
    #expect(
      memo.paragraphs == [
        "Hi all,",
        "Starting today, our new AI agents will handle tier-one support. We are eliminating 120 support roles as a result.",
        "Affected employees will receive severance and job placement help. Café credits remain valid until June.",
        "Thanks,", "Avery",
      ])
    #expect(memo.title == "Support team changes — AI agents and next steps")
    #expect(memo.author == "Avery O’Neil")
    #expect(memo.date == "2026-03-05")
    #expect(memo.format == .email)
  }

  @Test("Email: a plain-text latin-1 body is unwrapped and decoded")
  func plainEmail() throws {
    let memo = try extractFixture("Email/plain-latin1.eml")
    #expect(
      memo.paragraphs == [
        "Folks – sorry,",
        "The data labeling group will close at the end of the month. Automated labeling now covers 95% of our volume.",
        "Regards,", "Sam Park",
      ])
    #expect(memo.title == "Data labeling group")
    #expect(memo.author == "Sam Park")
    #expect(memo.date == "2026-02-09")
    #expect(memo.encoding == "windows-1252")
  }

  @Test("Unknown extensions are sniffed: markup as HTML, mail headers as email, else text")
  func sniffing() throws {
    let html = try extract(
      Array("<!DOCTYPE html><p>Markup with a long enough paragraph to be the content.</p>".utf8),
      as: "page.dat")
    #expect(html.format == .html)
    #expect(html.paragraphs == ["Markup with a long enough paragraph to be the content."])
    let email = try extract(
      Array(
        "From: A <a@x.example>\nTo: b@x.example\nSubject: Hi\nDate: Mon, 9 Feb 2026 10:00:00 +0000\n\nBody text.\n"
          .utf8), as: "message")
    #expect(email.format == .email)
    #expect(email.title == "Hi")
    let text = try extract(Array("Just words\non two lines.".utf8), as: "notes.log")
    #expect(text.format == .text)
    #expect(text.paragraphs == ["Just words on two lines."])
  }

  @Test("Markdown: a label above the first heading leaves the heading the title")
  func kickerAboveHeading() {
    let bold = PlainTextReader.readMarkdown(
      "**INTERNAL NOTICE**\n\n# Closing the Leeds yard\n\nWe close.")
    #expect(bold.title == "Closing the Leeds yard")
    let caps = PlainTextReader.readMarkdown("MEMO\n\n# Closing the Leeds yard\n\nWe close.")
    #expect(caps.title == "Closing the Leeds yard")
    // A sentence of text before the heading is content: the heading is a section.
    let prose = PlainTextReader.readMarkdown("We close the Leeds yard.\n\n# Details\n\nIn March.")
    #expect(prose.title == nil)
    #expect(
      !PlainTextReader.isKicker("**We will close the Leeds yard at the end of March this year**"))
  }

  @Test("Text: a wire's slug line and editors' note leave the headline the title")
  func wireRouting() {
    let wire = """
      BC-UK--Brightwell-Jobs,2nd Ld-Writethru
      Brightwell to close Leeds workshop, cutting 40 jobs
      Eds: Adds union comment in 4th graf.
      By TOVE LIND

      LEEDS, England (NRW) — Instrument maker Brightwell will close its Leeds workshop.
      """
    #expect(
      PlainTextReader.readText(wire).title == "Brightwell to close Leeds workshop, cutting 40 jobs")
    #expect(TopMatter.isWireRouting("BC-UK--Brightwell-Jobs,2nd Ld-Writethru"))
    #expect(TopMatter.isWireRouting("Eds: Adds union comment in 4th graf."))
    // A hyphenated name or an ordinary first line is no slug.
    #expect(!TopMatter.isWireRouting("Brightwell-Smith Instruments -- an update"))
    #expect(!TopMatter.isWireRouting("Editors and reporters, please read this."))
  }
}
