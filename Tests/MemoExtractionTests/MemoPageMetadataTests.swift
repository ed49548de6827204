import Testing

@testable import MemoExtraction

/// The mechanisms behind the blind batches, one at a time, with the cases they must leave alone.
@Suite("Memo page metadata mechanisms")
struct MemoPageMetadataTests {
  @Test("numeric dates: order from the numbers, else from the page language, else none")
  func numericDates() {
    #expect(MemoHeaders.memoDate("14/03/2026") == "2026-03-14")
    #expect(MemoHeaders.memoDate("03/14/2026") == "2026-03-14")
    #expect(MemoHeaders.memoDate("03/04/2026") == nil)
    #expect(MemoHeaders.memoDate("03/04/2026", monthFirst: true) == "2026-03-04")
    #expect(MemoHeaders.memoDate("03/04/2026", monthFirst: false) == "2026-04-03")
    #expect(MemoHeaders.memoDate("4.3.2026", monthFirst: false) == "2026-03-04")
    #expect(MemoHeaders.memoDate("March 4, 2026") == "2026-03-04")
    #expect(MemoHeaders.memoDate("03/04-2026", monthFirst: true) == nil)
    #expect(MemoHeaders.memoDate("13/14/2026") == nil)
    #expect(HTMLReader.monthFirst(language: "en-US") == true)
    #expect(HTMLReader.monthFirst(language: "en-gb") == false)
    #expect(HTMLReader.monthFirst(language: "en") == nil)
    #expect(HTMLReader.htmlLanguage(Array("<!DOCTYPE html><html lang=\"en-GB\">".utf8)) == "en-gb")
  }

  @Test("a site name is reduced to its company; hosting sites name none")
  func siteNames() {
    #expect(PageMetadata.companyInSiteName("Pallowmere Newsroom") == "Pallowmere")
    #expect(PageMetadata.companyInSiteName("The Orliss Blog") == "Orliss")
    #expect(PageMetadata.companyInSiteName("Rookhaven Press") == "Rookhaven Press")
    #expect(PageMetadata.companyInSiteName("Medium") == nil)
    #expect(PageMetadata.companyInSiteName("PR Newswire") == nil)
  }

  @Test("the site part of a title is the one name left beside the headline")
  func siteInTitle() {
    func site(_ title: String, _ headline: String?) -> String? {
      BodyEvidence.siteInTitle(PageMetadata.segments(of: title), headline: headline, author: nil)
    }
    #expect(
      site("Restructuring our support :: Ferrowind", "Restructuring our support") == "Ferrowind")
    #expect(
      site("Tindra Robotics | A message from Oskar", "A message from Oskar") == "Tindra Robotics")
    #expect(site("Kestrelline - Blog", "A note on our next chapter") == "Kestrelline")
    // Two candidate names, a sentence, or nothing set aside: no company.
    #expect(site("Changes at Acme | Acme Blog | Acme Careers", "Something else") == nil)
    #expect(site("A long day - we said goodbye to friends", "Unrelated") == nil)
    #expect(site("Our plan | Next steps", nil) == nil)
  }

  @Test("a release dateline gives the date and the company; prose with a dash does not")
  func releaseDatelines() {
    let wire = BodyEvidence.releaseDateline([
      "SEATTLE, Feb. 12, 2026 /PRNewswire/ -- Tellurane Inc., a maker of sensors, today announced changes."
    ])
    #expect(wire?.date == "2026-02-12")
    #expect(wire?.company == "Tellurane Inc.")
    let business = BodyEvidence.releaseDateline([
      "CHICAGO--(BUSINESS WIRE)--March 4, 2026--Hollin & Marsh, the broker, today shared a message."
    ])
    #expect(business?.date == "2026-03-04")
    #expect(business?.company == "Hollin & Marsh")
    #expect(
      BodyEvidence.releaseDateline([
        "Today — after a long review of our plans for the year — we are closing two offices."
      ]) == nil)
  }

  @Test("letterheads: capitals over a memo label or headers; labels alone are not companies")
  func letterheads() {
    let (headers, body) = MemoHeaders.split([
      "ASHCOMBE MARITIME", "MEMORANDUM", "To: All staff", "From: Hugo Santangelo",
      "Colleagues,", "We will combine two centres.",
    ])
    #expect(headers.company == "Ashcombe Maritime")
    #expect(headers.hasLetterhead)
    #expect(body == ["Colleagues,", "We will combine two centres."])
    let (shouted, _) = MemoHeaders.split([
      "CONFIDENTIAL", "MEMORANDUM", "From: Hugo Santangelo", "Colleagues,", "Text here.",
    ])
    #expect(shouted.company == nil)
  }

  @Test("signatures: three lines, a dash with a role, a first name completed")
  func signatures() {
    #expect(
      BodyEvidence.signatureCompany([
        "Thank you.", "Celestine Abara", "Chief Executive Officer", "Trevanna Biosciences",
      ]) == "Trevanna Biosciences")
    #expect(
      BodyEvidence.signatureCompany(["Thank you.", "Celestine Abara", "Chief Executive Officer"])
        == nil)
    #expect(
      MemoHeaders.signOff(["Team,", "We are closing a line.", "— Oskar Lindqvist, CEO"])
        == "Oskar Lindqvist")
    #expect(MemoHeaders.isOrganizationName("Aldergrove Communications"))
    #expect(!MemoHeaders.isOrganizationName("Noor Castellan"))
  }

  @Test("a post title cut off with an ellipsis is an excerpt of its first paragraph")
  func excerpts() {
    let body = ["Today I told our team that Brackenridge will be smaller. More follows."]
    #expect(
      BodyEvidence.isExcerpt("Odile Ferrante on LinkedIn: Today I told our team that…", of: body))
    #expect(!BodyEvidence.isExcerpt("Why we are getting smaller…", of: body))
    #expect(!BodyEvidence.isExcerpt("Today I told our team that", of: body))
  }

  @Test("sender domains: second-level suffixes and unspelled names")
  func domains() {
    #expect(MemoHeaders.companyFromDomainName("d.ruiz@cobbleline.co.uk") == "Cobbleline")
    #expect(MemoHeaders.companyFromDomainName("someone@gmail.com") == nil)
    #expect(
      MemoHeaders.companyFromDomain(
        "asha@ternwick.io", text: ["I joined Ternwick because of it.", "CEO, Ternwick Labs"])
        == "Ternwick Labs")
  }

  @Test("update notes lose to a published date on the same line, and stand alone otherwise")
  func updateNotes() {
    #expect(
      HTMLReader.publishedDate(
        "Updated April 2, 2026 · Published March 4, 2026", monthFirst: nil) == "2026-03-04")
    #expect(HTMLReader.publishedDate("Updated April 2, 2026", monthFirst: nil) == "2026-04-02")
    #expect(
      HTMLReader.publishedDate("Posted by Maren Holt on 2026-02-17", monthFirst: nil)
        == "2026-02-17")
  }

  @Test("a byline of a date and a name; 'Published by our team' names no one")
  func datedBylines() throws {
    let memo = try extractHTML(
      """
      <html lang="en-US"><body><article><p>Published by our team at the plant</p>
      <p>Posted 03/04/2026 by Ravi Menon</p>
      <p>Team, we are closing our second workshop and moving production to the main studio.</p>
      <p>Six positions will end, and the people in them have heard it from me this morning.</p>
      </article></body></html>
      """)
    #expect(memo.author == "Ravi Menon")
    #expect(memo.date == "2026-03-04")
  }
}
