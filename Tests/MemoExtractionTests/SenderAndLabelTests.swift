import Foundation
import Testing

@testable import MemoExtraction

@Suite("Senders, forwards and title labels")
struct SenderAndLabelTests {
  @Test("Reply and forward prefixes leave a subject; a forward is told apart from a reply")
  func subjectPrefixes() {
    #expect(EmailReader.subjectWithoutPrefixes("FW: RE: Our plans") == ("Our plans", true))
    #expect(EmailReader.subjectWithoutPrefixes("Re[2]: Our plans") == ("Our plans", false))
    #expect(
      EmailReader.subjectWithoutPrefixes("Fwd: Update: staffing") == ("Update: staffing", true))
    #expect(
      EmailReader.subjectWithoutPrefixes("Resourcing: next steps").subject
        == "Resourcing: next steps")
  }

  @Test("A forwarded message's header block gives the quoted From, Date and Subject")
  func quotedHeaders() {
    let body = """
      Please pass this on.

      -----Original Message-----
      From: Ada Brightwell <ada@kestrel.example>
      Sent: Wednesday, March 4, 2026 7:05 PM
      To: Everyone <all@kestrel.example>
      Subject: Changes to the depot

      Everyone,
      """
    let headers = EmailReader.quotedHeaders(in: body, forwardedOnly: false)
    #expect(headers?.from == "Ada Brightwell <ada@kestrel.example>")
    #expect(headers?.date == "Wednesday, March 4, 2026 7:05 PM")
    #expect(headers?.subject == "Changes to the depot")
    // In a reply the "Original Message" is an older one.
    #expect(EmailReader.quotedHeaders(in: body, forwardedOnly: true) == nil)
    let html =
      "<div>---------- Forwarded message ---------<br>From: <b>Ada Brightwell</b>"
      + " &lt;ada@kestrel.example&gt;<br>Subject: Depot</div>"
    #expect(EmailReader.quotedHeaders(in: html, forwardedOnly: true)?.subject == "Depot")
  }

  @Test("A forwarded email's memo is the quoted message")
  func forwardedEmail() throws {
    let email = """
      From: Pat Assistant <pat@kestrel.example>
      To: Managers <managers@kestrel.example>
      Subject: FW: Changes to the depot
      Date: Thu, 05 Mar 2026 16:48:03 +0000
      Content-Type: text/plain; charset=utf-8

      Please share with your teams.

      -----Original Message-----
      From: Ada Brightwell <ada@kestrel.example>
      Sent: Wednesday, March 4, 2026 7:05 PM
      Subject: Changes to the depot

      Everyone, we are closing the north depot in June and about 40 roles will go.

      Ada
      """
    let memo = try extract(Array(email.utf8), as: "forward.eml")
    #expect(memo.title == "Changes to the depot")
    #expect(memo.author == "Ada Brightwell")
    #expect(memo.date == "2026-03-04")
  }

  @Test("An Outlook forward with no marker line: the original's block under 'ENC:' is the memo's")
  func forwardWithoutMarker() throws {
    let email = """
      From: Rita Lobo <rita.lobo@brightwell.example>
      Date: Tue, 3 Mar 2026 08:03:12 +0000
      Subject: ENC: Fecho da oficina de Leeds
      Content-Type: text/html; charset=utf-8

      <html><body><p>Olá a todos, reencaminho a mensagem do Ola.</p><p>Rita</p>
      <div style="border-top:solid #E1E1E1 1.0pt"><p><b>De:</b> Ola Berg &lt;ola.berg@brightwell.example&gt;<br>
      <b>Enviada:</b> segunda-feira, 2 de março de 2026 09:12<br>
      <b>Para:</b> Todos &lt;todos@brightwell.example&gt;<br>
      <b>Assunto:</b> Fecho da oficina de Leeds</p></div>
      <p>Caros colegas, vamos fechar a oficina de Leeds no fim de março. Saem quarenta pessoas.</p>
      <p>Ola Berg</p></body></html>
      """
    let memo = try extract(Array(email.utf8), as: "forward.eml")
    #expect(memo.author == "Ola Berg")
    #expect(memo.date == "2026-03-02")
    #expect(memo.title == "Fecho da oficina de Leeds")
    // Not a forward: the sender stays the author.
    let plain = email.replacingOccurrences(of: "Subject: ENC: ", with: "Subject: ")
    #expect(try extract(Array(plain.utf8), as: "mail.eml").author == "Rita Lobo")
  }

  @Test("A forward of a forward: the innermost message under Outlook's rule is the memo")
  func nestedForward() throws {
    let email = """
      From: Sam Reyes <sam.reyes@mail.example>
      Subject: Fwd: FW: Closing Leeds
      Date: Wed, 4 Mar 2026 21:14:05 -0500
      Content-Type: text/plain; charset=UTF-8

      See below.

      ---------- Forwarded message ---------
      From: Lee Park <lee.park@brightwell.example>
      Date: Tue, Mar 3, 2026 at 6:02 PM
      Subject: FW: Closing Leeds

      Don't share.

      ________________________________
      From: Ola Berg <ola.berg@brightwell.example>
      Sent: Monday, March 2, 2026 2:15 PM
      Subject: Closing Leeds

      All, we will close the Leeds workshop in March. Forty roles go.

      Ola Berg
      """
    let memo = try extract(Array(email.utf8), as: "tip.eml")
    #expect(memo.author == "Ola Berg")
    #expect(memo.date == "2026-03-02")
    // A single forward keeps its block.
    let single = email.replacingOccurrences(
      of: "Subject: FW: Closing Leeds", with: "Subject: Closing Leeds")
    #expect(try extract(Array(single.utf8), as: "tip.eml").author == "Lee Park")
    #expect(EmailReader.isSeparator("________________________________"))
    #expect(!EmailReader.isSeparator("____ notes"))
  }

  @Test("RFC 5322 two-digit years: 00–49 are this century, 50–99 the last")
  func twoDigitYears() {
    #expect(EmailReader.twoDigitYearDate("3 Feb 26 09:15 GMT") == "2026-02-03")
    #expect(EmailReader.twoDigitYearDate("Tue, 03 Feb 98 09:15:00 +0000") == "1998-02-03")
    #expect(EmailReader.twoDigitYearDate("3 Feb 2026 09:15 GMT") == nil)
  }

  @Test("Sender names: 'Last, First' and 'X on behalf of Y'")
  func senderNames() {
    #expect(MemoHeaders.senderName("\"Okoro, Chidi\" <c.okoro@x.example>") == "Chidi Okoro")
    #expect(MemoHeaders.senderName("Dana Whitfield, CEO") == "Dana Whitfield")
    #expect(MemoHeaders.senderName("Whitfield, CEO") == "Whitfield")
    #expect(
      MemoHeaders.senderName("Internal Communications on behalf of Ren Aldous <ren@x.example>")
        == "Ren Aldous")
  }

  @Test("Exhibit labels, memo labels, breadcrumbs and site names are not titles")
  func titleLabels() {
    #expect(PageMetadata.isExhibitLabel("EX-99.1"))
    #expect(PageMetadata.isExhibitLabel("Exhibit 99"))
    #expect(!PageMetadata.isExhibitLabel("Exhibit hall closing"))
    #expect(PageMetadata.withoutLabels("Memo — Sales restructure") == "Sales restructure")
    #expect(PageMetadata.withoutLabels("People Operations : Org changes") == "Org changes")
    #expect(
      PageMetadata.withoutLabels("Restructuration : ce qui change")
        == "Restructuration : ce qui change")
    #expect(
      PageMetadata.withoutLabels(
        "A letter to our crews — Kestrel & Co", siteNames: ["kestrel & co"])
        == "A letter to our crews")
  }

  @Test("Site names reduce to the company; mail sites and wires name none")
  func siteNames() {
    #expect(PageMetadata.companyInSiteName("Kestrel Journal") == "Kestrel")
    #expect(PageMetadata.companyInSiteName("Kestrel Hub") == "Kestrel")
    #expect(PageMetadata.companyInSiteName("Gmail") == nil)
    #expect(
      MemoHeaders.companyFromDomain(
        "a@kestrelmaritime.example",
        text: ["Kestrel Maritime AS is cutting 30 roles.", "Kestrel Maritime"])
        == "Kestrel Maritime")
  }

  @Test("A one-word site name is spelled in full as the memo spells it")
  func fullerSiteName() {
    let body = [
      "Kestrel Building Society is closing two branches.", "At Kestrel Building Society we",
    ]
    #expect(MemoAssembler.fullerSpelling(of: "Kestrel", in: body) == "Kestrel Building Society")
    #expect(
      MemoAssembler.fullerSpelling(of: "Kestrel", in: ["Kestrel. We are closing."]) == "Kestrel")
  }

  @Test("Teams that sign and wires given as authors are no author")
  func organizationAuthors() throws {
    let memo = try extractHTML(
      """
      <html><head><title>Staff notice</title><meta name="author" content="GlobeNewswire"></head>
      <body><article><p>We are closing the creamery at the end of the season and about
      thirty roles will end. Everyone affected will be offered a role at another site.</p>
      <p>With thanks,</p><p>The Leadership Team</p></article></body></html>
      """)
    #expect(memo.author == nil)
  }
}
