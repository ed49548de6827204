import Testing

@testable import MemoExtraction

/// The last pass over a memo's metadata: company names without legal forms or site words,
/// forwarded mail read as the original message, news stories about a memo, titles and
/// authors as a journalist writes them.
@Suite("Metadata refinement")
struct MemoRefinementTests {
  static let body =
    "<p>Today we are closing the Brayfield workshop and moving its twelve roles to the main "
    + "plant, because the orders for small runs have halved in two years.</p>"
    + "<p>Everyone affected will meet a manager this week, and severance starts at sixteen "
    + "weeks of pay.</p>"

  static func page(head: String, body: String = MemoRefinementTests.body) -> String {
    "<html><head>\(head)</head><body><article>\(body)</article></body></html>"
  }

  // MARK: - Companies

  @Test("legal forms go, trailing and leading; Inc. and a bare name stay")
  func legalForms() {
    #expect(CompanyNames.withoutLegalForm("Tolven Group N.V.") == "Tolven Group")
    #expect(CompanyNames.withoutLegalForm("Brask & Sohn GmbH") == "Brask & Sohn")
    #expect(CompanyNames.withoutLegalForm("Pelling Water plc") == "Pelling Water")
    #expect(CompanyNames.withoutLegalForm("Ardoise S.A.") == "Ardoise")
    #expect(CompanyNames.withoutLegalForm("株式会社ツバキ電機") == "ツバキ電機")
    #expect(CompanyNames.withoutLegalForm("Tolven Inc.") == "Tolven Inc.")
    #expect(CompanyNames.withoutLegalForm("Visa") == "Visa")
    #expect(CompanyNames.withoutLegalForm("Mesa") == "Mesa")
  }

  @Test("a site name loses its descriptors when the memo uses the shorter name")
  func siteDescriptors() {
    let text = ["Why Tolven is closing Brayfield", "Tolven will move the work to Leeds."]
    #expect(CompanyNames.reducedSiteName("Tolven Stories", text: text) == "Tolven")
    #expect(CompanyNames.reducedSiteName("Tolven Annual Report 2025", text: text) == "Tolven")
    #expect(CompanyNames.reducedSiteName("Blog der Brask Werke", text: []) == "Brask Werke")
    #expect(CompanyNames.reducedSiteName("ツバキ電機 社内ポータル", text: []) == "ツバキ電機")
    // Negative: the memo spells the whole name, or the shorter one never appears.
    #expect(
      CompanyNames.reducedSiteName("Tolven Engineering", text: ["Tolven Engineering is"])
        == "Tolven Engineering")
    #expect(
      CompanyNames.reducedSiteName("Harlow People", text: ["We are closing"]) == "Harlow People")
    #expect(CompanyNames.reducedSiteName("Pelling Water", text: ["Pelling"]) == "Pelling Water")
  }

  @Test("a page's site name with a descriptor becomes the company the memo names")
  func siteNameOnPage() throws {
    let head = """
      <title>Closing Brayfield</title><meta property="og:site_name" content="Tolven Stories">
      """
    let body = Self.body + "<p>Tolven has made boilers in the valley since 1961.</p>"
    let memo = try extractHTML(Self.page(head: head, body: body))
    #expect(memo.company == "Tolven")
    #expect(memo.companySource == "meta")
  }

  // MARK: - Titles and authors

  @Test("titles lose forward prefixes, tags and emoji; file names are no title")
  func titles() {
    #expect(MemoRefinement.cleanTitle("WG: Neue Struktur") == "Neue Struktur")
    #expect(MemoRefinement.cleanTitle("[INTERNAL] 📣 Changes to Sales") == "Changes to Sales")
    #expect(MemoRefinement.cleanTitle("🚀 Launch week") == "Launch week")
    #expect(MemoRefinement.cleanTitle("board_memo_final_v2") == nil)
    // Negative: brackets inside, numbers and plain titles stay.
    #expect(MemoRefinement.cleanTitle("Q3 [draft] plan") == "Q3 [draft] plan")
    #expect(MemoRefinement.cleanTitle("2026 plan") == "2026 plan")
    #expect(MemoRefinement.cleanTitle("[2025] List of grants") == "[2025] List of grants")
    #expect(MemoRefinement.cleanTitle("Re-organizing support") == "Re-organizing support")
  }

  @Test("honorifics and degrees leave the author; an admin account gives way to the signer")
  func authors() throws {
    var memo = Memo(source: "x", paragraphs: ["Thanks,", "Ilse Marrow"], encoding: "utf-8")
    MemoRefinement.cleanAuthor("Dr. Ilse Marrow, PhD", in: &memo)
    #expect(memo.author == "Ilse Marrow")
    memo.author = nil
    MemoRefinement.cleanAuthor("Tolven Admin", in: &memo)
    #expect(memo.author == "Ilse Marrow")
    #expect(memo.authorSource == "signature")
    // A news credit stays on a story; a department with nobody signing leaves no author.
    var story = Memo(source: "x", paragraphs: ["The plant will close."], encoding: "utf-8")
    MemoRefinement.cleanAuthor("Valley Post Staff", in: &story)
    #expect(story.author == "Valley Post Staff")
    MemoRefinement.cleanAuthor("Dirección General", in: &story)
    #expect(story.author == nil)
    #expect(!MemoRefinement.isAccount("Ada Staffordshire"))
    // A page's byline is kept as the site credits it: "Dr." and "admin" included.
    var page = Memo(source: "x", paragraphs: ["Thanks,", "Ilse Marrow"], authorSource: "byline")
    page.author = "Dr. Ilse Marrow"
    MemoRefinement.cleanAuthor("Dr. Ilse Marrow", in: &page)
    #expect(page.author == "Dr. Ilse Marrow")
    page.author = "admin"
    MemoRefinement.cleanAuthor("admin", in: &page)
    #expect(page.author == "admin")
  }

  // MARK: - Forwards

  @Test("an Outlook forward in German: the original sender, date and subject")
  func outlookForward() throws {
    let html = """
      <html><head><title>WG: Neue Struktur Werk Nord</title></head><body>
      <p>Zur Info, bitte nicht weiterleiten.</p><p>Gruß<br>Timo</p>
      <p><b>Von:</b> Brask, Dr. Ilse &lt;ilse.brask@brask-werke.example&gt;<br>
      <b>Gesendet:</b> Montag, 2. Februar 2026 09:10<br><b>An:</b> Alle<br>
      <b>Betreff:</b> Neue Struktur Werk Nord</p>
      <p>Liebe Kolleginnen und Kollegen, wir legen die Montage in Werk Nord und Werk Süd zusammen
      und bauen dabei vierzig Stellen ab, sozialverträglich und mit dem Betriebsrat.</p>
      <p>Viele Grüße<br>Ilse Brask</p></body></html>
      """
    let memo = try extractHTML(html)
    #expect(memo.title == "Neue Struktur Werk Nord")
    #expect(memo.author == "Ilse Brask")
    #expect(memo.authorSource == "forwarded-header")
    #expect(memo.date == "2026-02-02")
  }

  @Test("forward header blocks in several languages; none without a forward")
  func forwardBlocks() {
    let french = [
      "Pour info.", "---------- Message transféré ---------",
      "De : Ana Ruiz <ana@tolven.example>", "Date : mar. 10 févr. 2026 à 09:30",
      "Objet : Atelier de Lyon", "À : Tous",
    ]
    let found = ForwardedMail.headers(in: french, forwarded: false)
    #expect(found?.from == "Ana Ruiz <ana@tolven.example>")
    #expect(found?.subject == "Atelier de Lyon")
    #expect(found.flatMap { $0.date.flatMap(ForwardedMail.date) } == "2026-02-10")
    let apple = [
      "FYI", "Begin forwarded message:", "> From: Ana Ruiz <ana@x.example>\n> Subject: Plan",
    ]
    #expect(ForwardedMail.headers(in: apple, forwarded: false)?.subject == "Plan")
    // Negative: a "From:" line in a memo that was not forwarded, and prose.
    #expect(
      ForwardedMail.headers(in: ["From: Ana Ruiz", "Date: 3 May 2026"], forwarded: false) == nil)
    #expect(ForwardedMail.headers(in: ["De nuevo, gracias: hasta pronto."], forwarded: true) == nil)
  }

  // MARK: - News about a memo

  @Test("a story quoting a memo: the memo's writer and company, not the outlet's")
  func newsAboutMemo() throws {
    let head = """
      <meta property="og:site_name" content="Valley Business Post">
      <meta name="author" content="Ori Penhallow">
      """
    let body = """
      <h1>Tolven Boilers to close Brayfield workshop, memo says</h1>
      <p>Tolven Boilers will close its Brayfield workshop in June and cut twelve jobs, chief
      executive Marit Olsby told employees in a memo on Tuesday.</p>
      <p>"Orders for small runs have halved in two years," Olsby wrote. The company employs
      about 400 people in the valley and has made boilers there since 1961.</p>
      """
    let memo = try extractHTML(Self.page(head: head, body: body))
    #expect(memo.author == "Marit Olsby")
    #expect(memo.authorSource == "body")
    #expect(memo.company == "Tolven Boilers")
    #expect(memo.companySource == "body")
  }

  @Test("the writer in a quoted sign-off or after a comma; no memo in the title, no change")
  func newsWriterShapes() throws {
    #expect(
      NewsAboutMemo.writer(in: "I know this is hard. — Ana Ruiz-Vela, President, Brask\"")
        == ("Ana Ruiz-Vela", "Brask"))
    #expect(
      NewsAboutMemo.writer(in: "el director general, Ignacio Ferrer Soto, explica").person
        == "Ignacio Ferrer Soto")
    #expect(
      NewsAboutMemo.writer(in: "Brask's chief executive, Ana Ruiz, wrote") == ("Ana Ruiz", "Brask"))
    #expect(NewsAboutMemo.writer(in: "A union spokesperson, Dario Kell, said").person == nil)
    #expect(NewsAboutMemo.mentionsMemo("Brask cuts jobs, memo shows"))
    #expect(NewsAboutMemo.mentionsMemo("Brask cierra, según un correo interno"))
    #expect(!NewsAboutMemo.mentionsMemo("A memorial for the valley"))
    let head = """
      <meta property="og:site_name" content="Valley Business Post">
      <meta name="author" content="Ori Penhallow">
      """
    let body = """
      <h1>Tolven Boilers to close Brayfield workshop</h1>
      <p>Tolven Boilers will close its Brayfield workshop in June and cut twelve jobs, chief
      executive Marit Olsby said on Tuesday at a briefing for reporters in the valley.</p>
      <p>The company employs about 400 people in the valley and has made boilers there since
      1961, and the union said it would ask for talks.</p>
      """
    let memo = try extractHTML(Self.page(head: head, body: body))
    #expect(memo.author == "Ori Penhallow")
    #expect(memo.company == "Valley Business Post")
  }
}
