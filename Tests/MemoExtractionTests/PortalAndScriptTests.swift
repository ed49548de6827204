import Testing

@testable import MemoExtraction

/// Portal pages and memos in scripts without capitals: section labels in `<title>`, headings
/// below `<h1>`, sign-offs over a role line, labelled meta fields, framed memos and the
/// senders of mail that are not simply the person.
@Suite("Portal labels, caseless sign-offs, labelled fields, framed memos and senders")
struct PortalAndScriptTests {
  @Test("A section label in <title> is neither the headline nor the company")
  func sectionLabels() {
    // Labels first, then one name: the site's name, no headline.
    #expect(PageMetadata.splitTitle("Press Releases | Tarnwell Foods").title == nil)
    #expect(PageMetadata.splitTitle("Press Releases | Tarnwell Foods").company == "Tarnwell Foods")
    let hebrew = PageMetadata.splitTitle("פורטל העובדים - עדכונים - נחל שקד")
    #expect(hebrew.title == nil)
    #expect(hebrew.company == "נחל שקד")
    // A headline after a category label stays the headline, and the label is no company.
    let category = PageMetadata.splitTitle("Staff News - Staff update on the Omagh depot")
    #expect(category.title == "Staff update on the Omagh depot")
    #expect(category.company == nil)
    // A portal label before the name.
    #expect(
      PageMetadata.splitTitle("Thông báo nội bộ - Cổng thông tin Hòa Bình Steel").company
        == "Hòa Bình Steel")
    // A title that is only a label is no title; an ordinary one stays.
    #expect(PageMetadata.splitTitle("Company News").title == nil)
    #expect(PageMetadata.splitTitle("Closing the Leeds office").title == "Closing the Leeds office")
    // A social site's unread counter is not part of the name.
    #expect(PageMetadata.splitTitle("(12) Brindle Announcements | Workplace").company == "Brindle")
    #expect(PageMetadata.withoutUnreadCounter("(2024) Annual letter") == "(2024) Annual letter")
  }

  @Test("Without <h1>, the first <h2> is the title when <title> holds only labels")
  func subheadlineTitle() throws {
    let html = """
      <html lang="en"><head><title>Company News | Harwick Mills</title></head><body>
      <div class="post"><h2>Closing the dye house in Rochdale</h2>
      <p>Dear colleagues,</p>
      <p>We will close the dye house at the end of June. Twenty-two roles are affected, and we
      will offer every colleague a role at the Bury site first.</p>
      <p>Kind regards,<br>Ottilie Brennan<br>Managing Director</p></div></body></html>
      """
    let memo = try extractHTML(html)
    #expect(memo.title == "Closing the dye house in Rochdale")
    #expect(memo.company == "Harwick Mills")
  }

  @Test("A sign-off over a role line in Hebrew, Arabic, Vietnamese and Indonesian")
  func caselessSignOffs() {
    let hebrew = LanguageSignatures.closingInLines([
      "עובדים יקרים,", "בברכה,\nדנה כהן-לוי\nמנכ\"לית, נחל שקד בע\"מ",
    ])
    #expect(hebrew?.person == "דנה כהן-לוי")
    #expect(hebrew?.company == "נחל שקד בע\"מ")
    #expect(CompanyNames.withoutLegalForm("נחל שקד בע\"מ") == "נחל שקד")
    let arabic = LanguageSignatures.closingInLines([
      "مع خالص التقدير،", "ليلى حسن", "المديرة العامة",
    ])
    #expect(arabic?.person == "ليلى حسن")
    let vietnamese = LanguageSignatures.closingInLines([
      "Trân trọng,", "Lê Văn Thành", "Giám đốc, Công ty Cổ phần Hòa Bình Steel",
    ])
    #expect(vietnamese?.person == "Lê Văn Thành")
    #expect(CompanyNames.withoutLegalForm(vietnamese?.company ?? "") == "Hòa Bình Steel")
    #expect(CompanyNames.withoutLegalForm("PT Sinar Pagi Tbk") == "Sinar Pagi")
    #expect(CompanyNames.withoutLegalForm("PTarmigan Labs") == "PTarmigan Labs")
    let hindi = LanguageSignatures.closingInLines([
      "भवदीय,", "सुनीता राव", "प्रबंध निदेशक", "कावेरी टेक्सटाइल्स प्राइवेट लिमिटेड",
    ])
    #expect(hindi?.person == "सुनीता राव")
    #expect(CompanyNames.withoutLegalForm(hindi?.company ?? "") == "कावेरी टेक्सटाइल्स")
    // A caseless line without a role under it is no signer; nor is a sentence.
    #expect(LanguageSignatures.closingInLines(["בברכה,", "דנה כהן-לוי"]) == nil)
    #expect(
      LanguageSignatures.closingInLines(["בברכה,", "נתראה בישיבה של יום ראשון בבוקר", "מנהל"])
        == nil)
  }

  @Test("A closing line split from its name by <br> is its own paragraph")
  func closingParagraphs() {
    let pieces = ParagraphBuilder.splitLineBreaks("Salam hangat,\nRini Kusuma\nDirektur Utama")
    #expect(pieces == ["Salam hangat,", "Rini Kusuma", "Direktur Utama"])
    #expect(LanguageSignatures.signer(pieces)?.person == "Rini Kusuma")
  }

  @Test("Labelled dates and authors on meta lines; print stamps and departments are not")
  func labelledFields() {
    #expect(
      LabelledFields.publishedDate("Ngày đăng: 05/03/2026 · Lượt xem: 1.204", monthFirst: false)
        == "2026-03-05")
    #expect(
      LabelledFields.publishedDate("פורסם ב-7.4.2026 על ידי: מערכת", monthFirst: false)
        == "2026-04-07")
    #expect(
      LabelledFields.publishedDate("Printed from the intranet on 14/03/2026", monthFirst: false)
        == nil)
    #expect(LabelledFields.publishedDate("Updated: 14/03/2026", monthFirst: false) == nil)
    #expect(LabelledFields.publishedDate("Room 12/03/2026 booking", monthFirst: false) == nil)
    #expect(
      LabelledFields.author("Article date: 11/03/2026 · Author: Ines Marlow-Ade, COO")
        == "Ines Marlow-Ade")
    #expect(LabelledFields.author("Người đăng: Phòng Hành chính") == nil)
    #expect(LabelledFields.author("Author: Super User") == nil)
    #expect(LabelledFields.author("Author: the editors of this page") == nil)
    // A bare `en` page's order from a date only one order fits.
    #expect(LabelledFields.numericOrder(["Printed on 14/03/2026 10:22"]) == false)
    #expect(LabelledFields.numericOrder(["Posted 03/14/2026"]) == true)
    #expect(LabelledFields.numericOrder(["Posted 03/04/2026"]) == nil)
  }

  @Test("A memo inside an <iframe srcdoc> of a viewer's shell is read as the memo")
  func framedMemo() throws {
    let inner = """
      <html><head><title>Merging the two depots</title></head><body><h1>Merging the two depots</h1>
      <p><b>From:</b> Tamsin Ogundipe, COO<br><b>Date:</b> 9 March 2026<br><b>To:</b> All
      Brackwater Freight staff</p><p>We are merging the Hull and Goole depots into one site.
      Eighteen yard roles will close by the end of May, and each colleague affected will be
      offered a role in Hull first.</p><p>Tamsin</p></body></html>
      """
    let escaped = inner.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      .replacingOccurrences(of: "\"", with: "&quot;")
    let shell = """
      <html><head><title>Viewer</title></head><body><div>Viewer · Download · Shared
      2026-03-12</div><iframe srcdoc="\(escaped)"></iframe></body></html>
      """
    let memo = try extractHTML(shell)
    #expect(memo.title == "Merging the two depots")
    #expect(memo.date == "2026-03-09")
    #expect(memo.author?.hasPrefix("Tamsin Ogundipe") == true)
    // A short srcdoc (a widget) is not kept, so the page is read as it is.
    let widget = try extractHTML(
      """
      <html><head><title>Merging the two depots</title></head><body><iframe srcdoc="&lt;p&gt;Hi&lt;/p&gt;"></iframe>
      <p>We are merging the Hull and Goole depots into one site; eighteen yard roles close.</p></body></html>
      """)
    #expect(widget.title == "Merging the two depots")
    #expect(widget.paragraphs.first?.hasPrefix("We are merging") == true)
  }

  @Test("Notes canonical names and company mailboxes as senders")
  func senders() throws {
    #expect(
      EmailSender.notesCanonicalName("CN=Ragna Holt/OU=Sales/O=Fjellvik")?.person == "Ragna Holt")
    #expect(
      EmailSender.notesCanonicalName("CN=Ragna Holt/OU=Sales/O=Fjellvik")?.organization
        == "Fjellvik")
    #expect(EmailSender.notesCanonicalName("Ragna Holt") == nil)
    #expect(
      EmailSender.isCompanyMailbox(name: "Tollbrook Bakery", address: "hello@tollbrook.example"))
    #expect(!EmailSender.isCompanyMailbox(name: "Ragna Holt", address: "ragna@tollbrook.example"))
    #expect(
      !EmailSender.isCompanyMailbox(name: "Tollbrook Smith", address: "tollbrook.smith@x.example")
    )
    let mail = """
      From: "CN=Ragna Holt/OU=Sales/O=Fjellvik" <ragna.holt@fjellvik.example>
      To: all@fjellvik.example
      Subject: Changes to the Bergen sales office
      Date: Tue, 3 Mar 2026 09:00:00 +0100

      Colleagues,

      We are closing the Bergen sales office at the end of April. Nine roles will end, and we
      will offer moves to Oslo first.

      Regards
      Ragna
      """
    let memo = try extract(Array(mail.utf8), as: "notes.eml")
    #expect(memo.author == "Ragna Holt")
    let paragraphs = [
      "Hi all,", "We will close the kiosk on 2 May; three roles will end.", "Maren",
      "Owner, Tollbrook Bakery", "On 01/04/2026 10:00, Maren Quist-Adler wrote:", "> See you at 4.",
    ]
    #expect(
      EmailSender.signer(paragraphs, title: nil, mailbox: "Tollbrook Bakery")
        == "Maren Quist-Adler")
    // Without a role line naming the mailbox or a job, a last short line is no signer.
    #expect(EmailSender.signer(["Hi all,", "Closing early today.", "Thanks"], title: nil) == nil)
  }

  @Test("A CMS's default account gives way to the person who signs in full")
  func cmsAccount() throws {
    #expect(MemoRefinement.isAccount("Super User"))
    let html = """
      <html lang="en-gb"><head><title>Depot News - Changes at the Larne yard</title>
      <meta name="author" content="Super User"></head><body>
      <h2>Changes at the Larne yard</h2><div>Written by Super User</div>
      <p>Dear colleagues,</p>
      <p>We will close the Larne yard at the end of May. Nine roles are at risk and we will
      begin consultation this week.</p>
      <p>Kind regards,<br>Aoibheann Tully<br>Managing Director</p></body></html>
      """
    let memo = try extractHTML(html)
    #expect(memo.author == "Aoibheann Tully")
  }

  @Test("A chat export: the longest message's sender, day and signed company")
  func chatLog() throws {
    let log = """
      [04/05/2026, 08:00:01] Odile Brannock: Messages and calls are end-to-end encrypted.
      [04/05/2026, 08:00:01] Odile Brannock created group "Yard crew"
      [05/05/2026, 09:10:00] Odile Brannock: Morning all. We are closing the Penryn yard at the end of June because the lease has doubled, and all six yard jobs there will end. I will help anyone who wants a place at the Helston yard.
      [05/05/2026, 09:11:30] Odile Brannock: Call me any time today. Odile, Brannock Timber
      [05/05/2026, 09:20:11] Ruan Teague: thanks for telling us
      """
    let memo = try extract(Array(log.utf8), as: "chat.txt")
    #expect(memo.author == "Odile Brannock")
    #expect(memo.date == "2026-05-05")
    #expect(memo.company == "Brannock Timber")
    // A month-first export says so in a stamp only that order fits.
    let messages = ["[05/13/2026, 9:10:00] Ana Ruiz: hi", "[05/14/2026, 9:11:00] Ana Ruiz: yes"]
      .compactMap(ChatLog.message)
    #expect(ChatLog.day((5, 13, 2026), in: messages) == "2026-05-13")
    // Two stamped lines are no chat log; an ordinary line is no message.
    #expect(ChatLog.message("2026 was a hard year: we closed two sites.") == nil)
  }

  @Test("Inline fields of a note: date and the company addressed; wiki brackets go")
  func inlineFields() {
    let fields = InlineFields.fields([
      "author:: [[Pieter Sand]] sent:: 2026-03-10 audience:: everyone at [[Kessel Optics]] status:: #sent"
    ])
    #expect(fields["sent"] == "2026-03-10")
    #expect(fields["author"] == "Pieter Sand")
    #expect(MemoHeaders.companyAddressed(fields["audience"] ?? "") == "Kessel Optics")
    #expect(
      InlineFields.withoutWikiBrackets("[[Kessel Optics|Kessel]] staff") == "Kessel Optics staff")
    #expect(InlineFields.fields(["We met at 10:30 and agreed: no changes."]).isEmpty)
  }

  @Test("A banner's name with its legal form; a sentence's capitals are not one")
  func letterheadNames() {
    #expect(
      CompanyNames.letterheadName(in: ["PT Sinar Pagi Tbk Masuk sebagai: Rudi"])
        == "PT Sinar Pagi Tbk")
    #expect(CompanyNames.letterheadName(in: ["Home · Careers · Contact"]) == nil)
    #expect(CompanyNames.letterheadName(in: ["WE ARE HIRING AS OF TODAY"]) == nil)
    #expect(CompanyNames.withoutLegalForm("Bellhaven Studio, Lda.") == "Bellhaven Studio")
  }

  @Test("A revision line dates a generated document before a footer's 'Last updated'")
  func revisionLine() {
    #expect(
      LabelledFields.publishedDate("version 1.2, 2026-03-03", monthFirst: nil) == "2026-03-03")
    #expect(LabelledFields.publishedDate("version 1.2", monthFirst: nil) == nil)
    #expect(
      LabelledFields.publishedDate("Last updated 2026-03-05 09:41:17 UTC", monthFirst: nil) == nil)
  }

  @Test("A post's wholly bold first line titles a page with no heading; a bold word does not")
  func boldFirstLine() throws {
    let post = """
      <html><head><title>(2) Crew Announcements | Workplace</title></head><body><div class="story">
      <p><strong>Changes to the weekend rota</strong></p>
      <p>From June we will run the weekend rota with two crews instead of three, and four
      weekend roles will end. Everyone affected can move to a weekday crew first.</p>
      <p>Imogen Stray<br>Operations Director</p></div></body></html>
      """
    #expect(try extractHTML(post).title == "Changes to the weekend rota")
    let partly = post.replacingOccurrences(
      of: "<p><strong>Changes to the weekend rota</strong></p>",
      with: "<p><strong>Changes</strong> to the weekend rota are coming.</p>")
    #expect(try extractHTML(partly).title != "Changes to the weekend rota are coming.")
  }

  @Test("'Everyone at Acme,' names the company of a page that names none otherwise")
  func salutationCompany() throws {
    let html = """
      <html><head><title>Restructuring of the data group</title></head><body>
      <h1>Restructuring of the data group</h1>
      <p>Everyone at Fenmore,</p>
      <p>We are folding the data group into product engineering. Eight people will leave the
      company, with pay through June.</p></body></html>
      """
    #expect(try extractHTML(html).company == "Fenmore")
  }

  @Test("An mbox's first message is the memo; a later one and envelope lines are not")
  func mboxMessages() throws {
    let mbox = """
      From ines@tallowby-mills.example Tue Mar 10 08:00:00 2026
      Return-Path: <ines@tallowby-mills.example>
      From: Ines Marsh <ines@tallowby-mills.example>
      Subject: The carding line at Keighley
      Date: Tue, 10 Mar 2026 08:00:00 +0000
      Status: RO

      Good morning all,

      From May we will stop the carding line at Keighley. Twelve roles will end, and we will
      talk to each of you this week about moves to the spinning floor.

      Ines Marsh
      Operations Director
      Tallowby Mills Ltd

      From automated@tallowby-mills.example Tue Mar 10 08:05:00 2026
      From: Mail Delivery System <automated@tallowby-mills.example>
      Subject: Delivery report

      Your message was delivered to 88 recipients.
      """
    let memo = try extract(Array(mbox.utf8), as: "mail.txt")
    #expect(memo.company == "Tallowby Mills Ltd" || memo.company == "Tallowby Mills")
    #expect(memo.paragraphs.contains { $0.contains("delivered to 88") } == false)
    #expect(memo.paragraphs.first == "Good morning all,")
    #expect(MboxMessages.isSeparator("From ines@x.example Tue Mar 10 08:00:00 2026"))
    // A sentence opening with "From" is no separator.
    #expect(!MboxMessages.isSeparator("From May we will stop the carding line in 2026"))
  }
}
