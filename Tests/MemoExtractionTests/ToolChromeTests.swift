import Testing

@testable import MemoExtraction

/// A tool's or platform's own name around a memo (a wiki, a status page, an HR portal, a
/// fediverse instance), department accounts as authors, legal forms and Pandoc title blocks.
@Suite("Tool chrome, department authors, legal forms and Pandoc title blocks")
struct ToolChromeTests {
  @Test("Tool names are told from company sites")
  func toolNames() {
    #expect(PageMetadata.isToolName("Brimfield Wiki"))
    #expect(PageMetadata.isToolName("Tallow Status"))
    #expect(PageMetadata.isToolName("Staff Service Portal"))
    #expect(PageMetadata.isToolName("CrewHub"))
    #expect(PageMetadata.isToolName("social.example"))
    #expect(!PageMetadata.isToolName("Brimfield Dairy"))
    #expect(!PageMetadata.isToolName("Hub"))
    #expect(!PageMetadata.isToolName("McAllister"))
    #expect(PageMetadata.toolOrganization("Tallow Status") == "Tallow")
    #expect(PageMetadata.toolOrganization("social.example") == "social")
    #expect(PageMetadata.toolOrganization("CrewHub") == nil)
    let split = PageMetadata.splitTitle("Tallow Status - Tallow is closing")
    #expect(split.tool == "Tallow Status")
    #expect(split.title == "Tallow is closing")
    #expect(split.company == nil)
  }

  @Test("A wiki's name gives way to the company the memo spells")
  func wikiName() throws {
    let memo = try extractHTML(
      """
      <html lang="en"><head><title>Closing the depot - Brimfield Wiki</title></head><body>
      <h1>Closing the depot</h1>
      <p>To all Brimfield Dairy staff,</p>
      <p>We will close the Exeter depot in March. Thirty roles end with it, and everyone \
      affected gets three months' pay and help finding new work.</p>
      <p>Best,</p><p>Hana Pike</p>
      </body></html>
      """)
    #expect(memo.company == "Brimfield Dairy")
    #expect(memo.title == "Closing the depot")
  }

  @Test("A status page's name is the title's prefix, and the memo's company stays")
  func statusPage() throws {
    let memo = try extractHTML(
      """
      <html lang="en"><head><title>Tallow Status - Tallow is closing</title>
      <meta property="og:title" content="Tallow Status - Tallow is closing"></head><body>
      <div class="masthead">Tallow Status</div>
      <p>To our customers: Tallow will stop operating on May 2. We could not raise more money \
      and the company will be wound up; our nine staff have been let go today.</p>
      <p>— Ines Laird, founder</p>
      </body></html>
      """)
    #expect(memo.title == "Tallow is closing")
    #expect(memo.company == "Tallow")
  }

  @Test("An HR portal's camel-case name gives way to the signature's company")
  func portalName() throws {
    let memo = try extractHTML(
      """
      <html lang="en"><head><title>Notification Details - CrewHub</title>
      <meta name="application-name" content="CrewHub"></head><body>
      <h1>Changes to our Leeds team</h1>
      <p>Team,</p>
      <p>We will close the Leeds office in June, and fourteen roles will end. Everyone affected \
      meets their manager this week and will receive severance.</p>
      <p>Rhona Dyer<br>Chief Operating Officer<br>Marlow Freight</p>
      </body></html>
      """)
    #expect(memo.company == "Marlow Freight")
  }

  @Test("A company's own site name is still its company")
  func companySiteStays() throws {
    let memo = try extractHTML(
      """
      <html lang="en"><head><title>Closing the depot | Brimfield Dairy</title>
      <meta property="og:site_name" content="Brimfield Dairy"></head><body>
      <h1>Closing the depot</h1>
      <p>We will close the Exeter depot in March. Thirty roles end with it.</p>
      <p>Best,</p><p>Hana Pike</p>
      </body></html>
      """)
    #expect(memo.company == "Brimfield Dairy")
  }

  @Test("A department account in another language gives way to the signer")
  func departmentAuthors() throws {
    #expect(MemoHeaders.isOrganizationName("Kommunikation"))
    #expect(MemoHeaders.isOrganizationName("Kommunikációs Osztály"))
    #expect(MemoHeaders.isOrganizationName("Direction de la communication"))
    #expect(!MemoHeaders.isOrganizationName("Kertész Éva"))
    let danish = try extractHTML(
      """
      <html lang="da"><head><title>Lukning af lageret</title>
      <meta name="author" content="Kommunikation"></head><body>
      <h1>Lukning af lageret</h1>
      <p>Kære alle</p>
      <p>Vi lukker lageret i Odense fra 1. april, og 18 medarbejdere må desværre afskediges. \
      Alle får tilbud om hjælp til at finde nyt job.</p>
      <p>Med venlig hilsen</p>
      <p>Karen Vestergaard<br>Adm. direktør, Fynbo Træ A/S</p>
      </body></html>
      """)
    #expect(danish.author == "Karen Vestergaard")
    let hungarian = try extractHTML(
      """
      <html lang="hu"><head><title>Átszervezés</title>
      <meta name="author" content="Kommunikációs Osztály"></head><body>
      <h1>Átszervezés a győri telephelyen</h1>
      <p>Kedves Kollégák!</p>
      <p>A győri telephelyen megszüntetjük az éjszakai műszakot. Az átszervezés 40 \
      munkavállalót érint.</p>
      <p>Tisztelettel:<br>Szabó Márta<br>vezérigazgató</p>
      </body></html>
      """)
    #expect(hungarian.author == "Szabó Márta")
    // A person who signs without a closing formula keeps a person given as author.
    let person = try extractHTML(
      """
      <html lang="da"><head><title>Lukning af lageret</title>
      <meta name="author" content="Søren Holm"></head><body>
      <h1>Lukning af lageret</h1>
      <p>Vi lukker lageret i Odense fra 1. april, og 18 medarbejdere må desværre afskediges.</p>
      <p>Med venlig hilsen</p>
      <p>Karen Vestergaard<br>Adm. direktør, Fynbo Træ A/S</p>
      </body></html>
      """)
    #expect(person.author == "Søren Holm")
  }

  @Test("Central European legal forms are dropped; a year after a copyright holder too")
  func legalForms() {
    #expect(CompanyNames.withoutLegalForm("Bakony Gépgyár Zrt.") == "Bakony Gépgyár")
    #expect(CompanyNames.withoutLegalForm("Tisza Malom Kft.") == "Tisza Malom")
    #expect(CompanyNames.withoutLegalForm("Fynbo Træ ApS") == "Fynbo Træ")
    #expect(CompanyNames.withoutLegalForm("Zrt.") == "Zrt.")
    #expect(BodyEvidence.copyrightHolder("© Ashby Mutual 2026 · Privacy") == "Ashby Mutual")
    #expect(BodyEvidence.copyrightHolder("© 2026 Ashby Mutual") == "Ashby Mutual")
  }

  @Test("A Pandoc title block gives the title, author and date")
  func pandocTitleBlock() throws {
    let text = """
      % Merging the two studios
      % Aylin Brandt; Tom Reyes
      % 3 March 2026

      To everyone at Copperfield,

      We are bringing the Leeds and York studios together in York. Five roles in Leeds end in \
      April, and everyone leaving gets three months' pay.

      Aylin
      """
    for name in ["memo.md", "memo.txt"] {
      let memo = try extract(Array(text.utf8), as: name)
      #expect(memo.title == "Merging the two studios")
      #expect(memo.author == "Aylin Brandt")
      #expect(memo.date == "2026-03-03")
      #expect(memo.paragraphs.first == "To everyone at Copperfield,")
    }
    // A percentage opening a line is no title block.
    #expect(PandocTitleBlock.read(["%20 of staff", "x"]) == nil)
    let plain = try extract(Array("% of our staff will leave.\n\nDana".utf8), as: "memo.txt")
    #expect(plain.title != "of our staff will leave.")
  }

  @Test("A post titled with its writer's handle has no title; the writer is the author")
  func handleTitle() throws {
    #expect(PageMetadata.handleTitleName("Mira Sand (@mira@social.example)") == "Mira Sand")
    #expect(PageMetadata.handleTitleName("Mira Sand (@mira)") == "Mira Sand")
    #expect(PageMetadata.handleTitleName("Closing the plant (@ 9am)") == nil)
    #expect(PageMetadata.handleTitleName("Closing the plant") == nil)
    let memo = try extractHTML(
      """
      <html lang="en"><head>
      <title>Mira Sand: "Some news from Quaystone. 🧵 1/2…" - social.example</title>
      <meta property="og:site_name" content="social.example">
      <meta property="og:title" content="Mira Sand (@mira@social.example)"></head><body>
      <div class="account-bio"><p>CEO at Quaystone. Boats and maps.</p></div>
      <article><p>Some news from Quaystone. 🧵 1/2</p>
      <p>Today I told the Quaystone team that we are closing our Bristol office, and twelve \
      people will leave us at the end of the month with four months' pay.</p>
      <time datetime="2026-04-02T10:00:00Z">Apr 2, 2026</time></article>
      </body></html>
      """)
    #expect(memo.title == nil)
    #expect(memo.author == "Mira Sand")
    #expect(memo.company == "Quaystone")
    // A bio's company the memo never names is not taken.
    #expect(BodyEvidence.bioCompany(["CEO at Quaystone. Boats."], text: ["We close."]) == nil)
  }

  @Test("A name over a job title over a company line signs the memo")
  func nameTitleCompany() {
    let paragraphs = [
      "Team,", "We will close the Macon desk in January; 20 roles end.", "Thank you.",
      "Lina Ortiz-Webb", "Chief Operating Officer", "Harrow Freight inc.",
    ]
    #expect(MemoHeaders.signOff(paragraphs) == "Lina Ortiz-Webb")
    #expect(MemoHeaders.withoutAnyLegalForm("Harrow Freight inc.") == "Harrow Freight")
    #expect(MemoHeaders.withoutAnyLegalForm("Harrow Freight") == "Harrow Freight")
    #expect(MemoHeaders.withoutAnyLegalForm("Harrow Freight, Ltd.") == "Harrow Freight")
  }

  @Test("The memo's own dateline or 'sent on' note beats a later publication day")
  func ownDate() throws {
    #expect(OwnDate.placeDateline("Győr, 2026. március 3.") == "2026-03-03")
    #expect(OwnDate.placeDateline("Lyon, le 3 mars 2026") == "2026-03-03")
    #expect(OwnDate.placeDateline("Hello, we are closing") == nil)
    #expect(OwnDate.placeDateline("Sides, Bread · March 3, 2026") == nil)
    #expect(
      OwnDate.sentOnDate("The CFO's message was sent to all staff by email on 2 March 2026.")
        == "2026-03-02")
    #expect(OwnDate.sentOnDate("We sent the forms out.") == nil)
    #expect(OwnDate.isShortlyBefore("2026-02-27", "2026-03-02"))
    #expect(!OwnDate.isShortlyBefore("2026-03-02", "2026-03-02"))
    #expect(!OwnDate.isShortlyBefore("2025-12-01", "2026-03-02"))
    let page = """
      <html lang="hu"><head><title>Hírek – Rába Malom</title>
      <meta property="article:published_time" content="2026-03-04T09:00:00+01:00"></head><body>
      <h1>Átszervezés</h1><p class="dateline">Győr, 2026. március 3.</p>
      <p>Kedves Kollégák!</p>
      <p>A győri telephelyen megszüntetjük az éjszakai műszakot. Az átszervezés 40 \
      munkavállalót érint, és mindenkinek segítünk új munkahelyet találni.</p>
      <p>Tisztelettel:<br>Szabó Márta<br>vezérigazgató</p>
      </body></html>
      """
    #expect(try extractHTML(page).date == "2026-03-03")
    // A dateline a month before the publication is another event's: the page's date stays.
    let older = page.replacingOccurrences(of: "március 3.", with: "január 3.")
    #expect(try extractHTML(older).date == "2026-03-04")
  }

  @Test("An audience line, a platform byline and a project's HQ name the company")
  func companyLines() throws {
    #expect(MemoHeaders.companyAddressed("All staff, Nordvik Foods AS") == "Nordvik Foods")
    #expect(MemoHeaders.companyAddressed("All staff, please read") == nil)
    #expect(
      BodyEvidence.writtenFor(["Ada Moss for Quarry Labs"], person: "Ada Moss") == "Quarry Labs")
    #expect(BodyEvidence.writtenFor(["Ada Moss for the win"], person: "Ada Moss") == nil)
    #expect(PageMetadata.isToolName("Fernhill HQ"))
    let board = try extractHTML(
      """
      <html lang="en"><head><title>Changes – Message Board – Fernhill HQ</title></head><body>
      <h1>Changes to the studio</h1>
      <div>As of today Fernhill Games is pausing work on its third title, and eight people \
      will leave the studio in December with twelve weeks' pay.</div>
      <p>— Noor</p>
      </body></html>
      """)
    #expect(board.company == "Fernhill Games")
  }

  @Test("A deck's presenter line names the author an organization account stands for")
  func presenterLine() throws {
    #expect(MemoHeaders.nameWithRole("Ilse Brandt, Chief Executive") == "Ilse Brandt")
    #expect(MemoHeaders.nameWithRole("Leeds, 3 December 2026") == nil)
    #expect(MemoHeaders.nameWithRole("Internal Communications, Head Office") == nil)
    #expect(PageMetadata.isMeetingName("Q3 Town Hall"))
    #expect(!PageMetadata.isMeetingName("Rebuilding the town hall roof"))
    let deck = try extractHTML(
      """
      <html lang="en"><head><title>Q3 Town Hall — One product line</title>
      <meta name="author" content="Internal Communications"></head><body>
      <section><h3>Q3 Town Hall</h3><h1>One product line</h1>
      <p>Ilse Brandt, Chief Executive</p></section>
      <section><h2>What changes</h2><ul><li>The two lines merge into one team</li>
      <li>About 40 roles close by March</li></ul></section>
      </body></html>
      """)
    #expect(deck.author == "Ilse Brandt")
    #expect(deck.company != "Q3 Town Hall")
    let lines = ["One product line", "2 March 2026 · Brandt Optics · Internal"]
    #expect(
      BodyEvidence.metaLineCompany(lines, text: ["Brandt will merge"], author: nil)
        == "Brandt Optics")
    #expect(BodyEvidence.metaLineCompany(lines, text: ["We will merge"], author: nil) == nil)
    #expect(
      BodyEvidence.metaLineCompany(
        ["Ilse Brandt · 2 March 2026"], text: ["Ilse here"], author: "Ilse Brandt") == nil)
  }

  @Test("A live blog's entry that names the memo names its company")
  func liveBlogEntry() {
    let commentary = [
      "12.15 GMT", "Mortgage approvals rise", "Approvals reached 68,400 in October.",
      "10.41 GMT", "Penwick to cut 300 jobs, memo says",
      "The retailer Penwick will close 20 stores. Here is the memo in full:",
      "Shares in Penwick were up 2%.",
    ]
    let memo = ["Dear colleagues, we will close 20 stores by March.", "Ada Lowe, Chief Executive"]
    #expect(MemoInStory.subjectCompany(commentary, memo: memo) == "Penwick")
    // Entries that never name a memo name no company.
    let other =
      Array(commentary.prefix(4)) + ["Penwick to cut 300 jobs", "Shares in Penwick fell."]
    #expect(MemoInStory.subjectCompany(other, memo: memo) == nil)
  }
}
