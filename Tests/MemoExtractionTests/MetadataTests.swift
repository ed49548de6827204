import Testing

@testable import MemoExtraction

@Suite("Metadata")
struct MetadataTests {
  @Test("JSON-LD NewsArticle gives headline, author, date and publisher")
  func jsonLD() throws {
    let memo = try extractHTML(
      """
      <html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
       {"@type":"NewsArticle","headline":"Vandelay trims staff","author":[{"@type":"Person","name":"Art Vandelay"}],
        "datePublished":"2026-05-01T10:00:00+02:00","publisher":{"@type":"Organization","name":"Vandelay Industries"}}]}
      </script><meta property="og:title" content="Other title"></head>
      <body><article><p>Vandelay Industries is trimming its import and export staff as automation takes over.</p></article></body></html>
      """)
    #expect(memo.title == "Vandelay trims staff")
    #expect(memo.author == "Art Vandelay")
    #expect(memo.date == "2026-05-01")
    #expect(memo.company == "Vandelay Industries")
  }

  @Test("OpenGraph and meta tags fill in when there is no JSON-LD")
  func openGraph() throws {
    let memo = try extractHTML(
      """
      <html><head><meta property="og:title" content="An update on our team">
      <meta property="og:site_name" content="Pied Piper"><meta name="author" content="Richard Hendricks">
      <meta property="article:published_time" content="2026-06-12T08:00:00Z"></head>
      <body><article><p>We are making changes to our team structure as compression gets automated.</p></article></body></html>
      """)
    #expect(memo.title == "An update on our team")
    #expect(memo.author == "Richard Hendricks")
    #expect(memo.date == "2026-06-12")
    #expect(memo.company == "Pied Piper")
  }

  @Test("A byline and a <time datetime> are used when the head has nothing")
  func bylineAndTime() throws {
    let memo = try extractHTML(
      """
      <html><body><article><p class="byline">By Jane Doe</p><time datetime="2026-07-08T12:00">July 8</time>
      <p>The company is closing its translation team, saying machine translation now covers most requests.</p></article></body></html>
      """)
    #expect(memo.author == "Jane Doe")
    #expect(memo.date == "2026-07-08")
  }

  @Test("A logo's alt text gives the fuller name of a company the sender's domain names")
  func logoAltText() throws {
    func page(logo: String) -> String {
      """
      <html><body><table><tr><td><img src="header.png" alt="\(logo)"></td></tr>
      <tr><td><b>From:</b></td><td>Mara Quist &lt;mara@tessel.example&gt;</td></tr>
      <tr><td><b>Subject:</b></td><td>Changes at Tessel</td></tr></table>
      <p>Team, today Tessel is reducing its workforce by nine percent as we reorganize.</p>
      <p>Everyone at Tessel affected will hear from their manager within the hour.</p>
      </body></html>
      """
    }
    #expect(try extractHTML(page(logo: "Tessel Freight")).company == "Tessel Freight")
    // A caption, a different name or a long alt text leaves the name the memo uses.
    #expect(try extractHTML(page(logo: "Tessel team at the 2024 offsite")).company == "Tessel")
    #expect(try extractHTML(page(logo: "Harlow Partners")).company == "Tessel")
    #expect(
      try extractHTML(page(logo: "Tessel Freight And Storage Group")).company == "Tessel")
  }

  @Test("A founder's newsletter named after the company gives the company's own name")
  func newsletterSiteName() {
    let body = ["Today we said goodbye to 64 people at Greyloft.", "Callum"]
    let name = MemoAssembler.companyInSiteName
    #expect(name("Building Greyloft", "Why Greyloft is getting smaller", body) == "Greyloft")
    // Kept whole: a news site, a company whose memo uses its first word, a name used once.
    #expect(
      name("Los Angeles Times", "Times staff cut", ["The Times said, the Times"])
        == "Los Angeles Times")
    #expect(
      name("Veradyne Robotics", "Veradyne changes", ["Veradyne is smaller"])
        == "Veradyne Robotics")
    #expect(name("Building Greyloft", "Why we are smaller", body) == "Building Greyloft")
    #expect(name("Building Greyloft", nil, body) == "Building Greyloft")
  }

  @Test("Dates normalize from ISO and common English forms")
  func dates() {
    let cases: [(String, String?)] = [
      ("2026-03-04", "2026-03-04"), ("2026-03-04T09:15:00-05:00", "2026-03-04"),
      ("2026/03/04", "2026-03-04"), ("March 4, 2026", "2026-03-04"), ("Mar. 4, 2026", "2026-03-04"),
      ("4 March 2026", "2026-03-04"), ("Wednesday, March 4th, 2026", "2026-03-04"),
      ("Wed, 4 Mar 2026 09:12:00 -0500", "2026-03-04"), ("Sept. 30, 2026", "2026-09-30"),
      ("03/04/2026", nil), ("February 30, 2026", nil), ("next week", nil),
    ]
    for (input, expected) in cases {
      #expect(DateNormalizer.normalize(input) == expected, "\(input)")
    }
  }

  @Test("Memo header lines give author, title and date and leave the body")
  func headerLines() {
    let (headers, body) = MemoHeaders.split([
      "To: All staff", "From: Dana Whitfield, CEO", "Date: 4 March 2026",
      "Subject: Our next chapter", "Team, today is a hard day.",
    ])
    #expect(headers.from == "Dana Whitfield")
    #expect(headers.subject == "Our next chapter")
    #expect(headers.date == "4 March 2026")
    #expect(body == ["Team, today is a hard day."])
  }

  @Test("Prose that starts like a header is left alone")
  func proseIsNotAHeader() {
    let paragraphs = [
      "To: be honest, this was not an easy decision for anyone on the leadership team to make at all, and we debated it for months before concluding."
    ]
    #expect(MemoHeaders.split(paragraphs).body == paragraphs)
  }

  @Test("Sign-offs give the author's name")
  func signOffs() {
    #expect(MemoHeaders.signOff(["Body.", "— Dana"]) == "Dana")
    #expect(MemoHeaders.signOff(["Body.", "Best, Dana Whitfield"]) == "Dana Whitfield")
    #expect(MemoHeaders.signOff(["Body.", "Thanks,", "Sam"]) == "Sam")
    #expect(MemoHeaders.signOff(["Body.", "We will share more next week."]) == nil)
    // A note in brackets after a dashed name; a bracketed aside alone names nobody.
    #expect(
      MemoHeaders.signOff(["Body.", "— Ilse Brandauer (for the whole board)"]) == "Ilse Brandauer")
    #expect(MemoHeaders.signOff(["Body.", "— more soon (we promise)"]) == nil)
  }
}

@Suite("Metadata: letterheads")
struct LetterheadTests {
  @Test("A filed exhibit's capitalized letterhead names the company and leaves the body")
  func exhibitLetterhead() throws {
    let memo = try extractHTML(
      """
      <html>
      <head><title>ex99-2.htm</title></head>
      <body>
      <pre>
                                                          Exhibit 99.2

                          CALDERWICK FREIGHT HOLDINGS, INC.


      Dear Calderwick colleagues,

      Today we are closing our Reno sorting hub and reducing our network
      operations team by about 180 roles. Automated routing now plans
      most loads without a dispatcher, and we no longer need the same
      structure to run the network.

      Everyone affected will hear from People Services today, with
      twelve weeks of pay and healthcare through the end of the year.

      Marta Ilves
      Chief Executive Officer

      Cautionary Note Regarding Forward-Looking Statements

      This exhibit contains forward-looking statements about the number of
      affected roles and the charges associated with them. Actual results
      may differ materially.
      </pre>
      </body>
      </html>
      """)
    #expect(memo.company == "Calderwick Freight Holdings, Inc.")
    #expect(memo.paragraphs.first == "Dear Calderwick colleagues,")
    #expect(!memo.paragraphs.contains { $0.contains("HOLDINGS") })
    #expect(memo.paragraphs.last == "Marta Ilves Chief Executive Officer")
  }

  @Test("Without a letterhead, a closing forward-looking note stays in the body")
  func filingNoteNeedsLetterhead() throws {
    let memo = try extract(
      Array(
        """
        Team,

        Today we are closing the Reno hub and reducing our operations team by 180 roles.

        Marta

        Forward-Looking Statements

        This note contains forward-looking statements.
        """.utf8), as: "memo.txt")
    #expect(memo.paragraphs.last == "This note contains forward-looking statements.")
    #expect(
      MemoHeaders.withoutFilingNote([
        "Team,", "Body.", "Marta", "Forward-Looking Statements", "Text.",
      ])
        == ["Team,", "Body.", "Marta"])
  }

  @Test("Only a line in capitals ending with a legal form is a letterhead")
  func letterheadNeedsLegalForm() {
    #expect(MemoHeaders.letterhead("NORTHWIND TRADERS PLC") == "Northwind Traders PLC")
    #expect(MemoHeaders.letterhead("ACME FOODS, INC.") == "Acme Foods, Inc.")
    #expect(MemoHeaders.letterhead("ACME CUTS 300 JOBS") == nil)
    #expect(MemoHeaders.letterhead("Acme Foods, Inc.") == nil)
    #expect(MemoHeaders.letterhead("INC.") == nil)
  }

  @Test("A letterhead before the header lines does not hide them")
  func letterheadThenHeaders() {
    let (headers, body) = MemoHeaders.split([
      "ACME FOODS, INC.", "From: Dana Whitfield, CEO", "Subject: Changes", "Team,", "Body.",
    ])
    #expect(headers.company == "Acme Foods, Inc.")
    #expect(headers.from == "Dana Whitfield")
    #expect(headers.subject == "Changes")
    #expect(body == ["Team,", "Body."])
  }
}
