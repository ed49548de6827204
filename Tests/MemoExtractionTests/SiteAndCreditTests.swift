import Testing

@testable import MemoExtraction

/// Batch D's general causes: a site name with a section word around the company, a byline's
/// lead word, a department credited as author, a mailing list's tag and a code host's suffix
/// in a title, and a code host that is not the company.
@Suite("Site names, credits and title suffixes")
struct SiteAndCreditTests {
  static let body =
    "<p>Today we are closing the Brayfield workshop and moving its twelve roles to the main "
    + "plant, because the orders for small runs have halved in two years.</p>"
    + "<p>Everyone affected will meet a manager this week, and severance starts at sixteen "
    + "weeks of pay.</p>"

  static func page(head: String, body: String = SiteAndCreditTests.body) -> String {
    "<html><head>\(head)</head><body><article>\(body)</article></body></html>"
  }

  @Test("section words around a site's name: trailing and leading")
  func siteSections() {
    #expect(PageMetadata.companyInSiteName("Tolven Help Center") == "Tolven")
    #expect(PageMetadata.companyInSiteName("Tolven Support") == "Tolven")
    #expect(PageMetadata.companyInSiteName("Tolven Community") == "Tolven")
    #expect(PageMetadata.companyInSiteName("Careers at Brask & Lowe") == "Brask & Lowe")
    #expect(PageMetadata.companyInSiteName("News from Tolven") == "Tolven")
    #expect(PageMetadata.companyInSiteName("GitLab") == nil)
    // Negative: a section word inside the name, or a name that is only the section word.
    #expect(PageMetadata.companyInSiteName("Ashgrove Community Bank") == "Ashgrove Community Bank")
    #expect(PageMetadata.companyInSiteName("Careers") == "Careers")
    #expect(PageMetadata.companyInSiteName("Careerstone Labs") == "Careerstone Labs")
  }

  @Test("a careers site's name on a page gives the company")
  func careersSiteOnPage() throws {
    let head = """
      <title>A note about Brayfield</title>\
      <meta property="og:site_name" content="Careers at Tolven &amp; Marsh">
      """
    let memo = try extractHTML(Self.page(head: head))
    #expect(memo.company == "Tolven & Marsh")
  }

  @Test("a byline's lead word goes before a capitalized name")
  func bylineLeadWord() {
    #expect(MemoRefinement.withoutLeadWord("From Ana Ruiz-Vela") == "Ana Ruiz-Vela")
    #expect(MemoRefinement.withoutLeadWord("by Ana Ruiz") == "Ana Ruiz")
    // Negative: a name that starts with the letters, or the word before a single name.
    #expect(MemoRefinement.withoutLeadWord("Fromm Ana") == "Fromm Ana")
    #expect(MemoRefinement.withoutLeadWord("Byron Kest") == "Byron Kest")
    #expect(MemoRefinement.withoutLeadWord("From Ana") == "From Ana")
    #expect(MemoRefinement.withoutLeadWord("From the desk") == "From the desk")
  }

  @Test("a department or team is not a person")
  func departments() {
    #expect(MemoRefinement.isDepartmentCredit("総務部"))
    #expect(MemoRefinement.isDepartmentCredit("Internal Communications"))
    #expect(MemoRefinement.isDepartmentCredit("HR Team"))
    #expect(MemoRefinement.isDepartmentCredit("Dział Komunikacji Wewnętrznej"))
    #expect(!MemoRefinement.isDepartmentCredit("Ana Ruiz"))
    #expect(!MemoRefinement.isDepartmentCredit("湊場 健一郎"))
    #expect(!MemoRefinement.isDepartmentCredit("Team Okafor Lindqvist Brandt Vale Hughes"))
  }

  @Test("a department credited in meta gives way to the person who signs")
  func departmentCreditOnPage() throws {
    let signed =
      Self.body + "<p>Kind regards,</p><p>Marta Kowalczyk-Brand</p>"
    let head = """
      <title>Closing Brayfield</title><meta name="author" content="Internal Communications">
      """
    let memo = try extractHTML(Self.page(head: head, body: signed))
    #expect(memo.author == "Marta Kowalczyk-Brand")
    // Negative: a closing line in capitals is no person; nobody signs, so the credit stays.
    let capitals = Self.body + "<p>Kind regards,</p><p>CONTACT US</p>"
    #expect(try extractHTML(Self.page(head: head, body: capitals)).author != "CONTACT US")
    let unsigned = try extractHTML(Self.page(head: head))
    #expect(unsigned.author == "Internal Communications")
  }

  @Test("a mailing list's tag is not part of the title")
  func listTag() {
    #expect(MemoRefinement.cleanTitle("[staff-announce] Changes in Galway") == "Changes in Galway")
    #expect(MemoRefinement.cleanTitle("[eng.all] Our new plan") == "Our new plan")
    // Negative: a year, a word in brackets, a tag with nothing after it.
    #expect(MemoRefinement.cleanTitle("[2025] Review") == "[2025] Review")
    #expect(MemoRefinement.cleanTitle("[draft] Plan") == "[draft] Plan")
    #expect(MemoRefinement.cleanTitle("[Video] Plan") == "[Video] Plan")
  }

  @Test("a code host's suffix is not part of the title")
  func codeHostSuffix() {
    #expect(
      MemoRefinement.cleanTitle("An update on the team · acme db · Discussion #2318")
        == "An update on the team")
    #expect(
      MemoRefinement.cleanTitle("Reduce the team (#41) · Issues · acme / handbook")
        == "Reduce the team (#41)")
    // Negative: a middle dot in a headline without a code host's segment.
    #expect(MemoRefinement.cleanTitle("Leeds · Bristol · Cork") == "Leeds · Bristol · Cork")
  }

  @Test("initials expand to the name written in the memo that has them")
  func initials() {
    let text = ["FM: Wendell Okafor-Hughes, Vice President", "We are closing the depot."]
    #expect(MemoRefinement.nameForInitials("W.O.H.", in: text) == "Wendell Okafor-Hughes")
    #expect(
      MemoRefinement.nameForInitials("W.H.", in: ["Wendell Hughes signs"]) == "Wendell Hughes")
    // Negative: other initials, a name that is not initials, no name with them.
    #expect(MemoRefinement.nameForInitials("W.O.K.", in: text) == nil)
    #expect(MemoRefinement.nameForInitials("Wendell", in: text) == nil)
    #expect(MemoRefinement.nameForInitials("A.B.", in: text) == nil)
  }

  @Test("Polish, Turkish and 'Limited' legal forms go; a name ending like one stays")
  func moreLegalForms() {
    #expect(CompanyNames.withoutLegalForm("Wisłomet sp. z o.o.") == "Wisłomet")
    #expect(CompanyNames.withoutLegalForm("Kaya Tekstil San. ve Tic. A.Ş.") == "Kaya Tekstil")
    #expect(CompanyNames.withoutLegalForm("Penhallow Mutual Limited") == "Penhallow Mutual")
    #expect(CompanyNames.withoutLegalForm("Wasp") == "Wasp")
    #expect(CompanyNames.withoutLegalForm("Limited") == "Limited")
  }
}
