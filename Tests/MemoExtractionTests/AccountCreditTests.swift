import Testing

@testable import MemoExtraction

/// A CMS account credited as a post's author ("Admin", "webadmin", "Harbor Comms") gives way
/// to the person who signs the memo; with no signer it stays as the site wrote it. Every page
/// here is invented.
@Suite("Account credits and signers")
struct AccountCreditTests {
  static func page(credit: String, closing: String) -> String {
    """
    <html><head><title>Changes to our crews</title>
    <meta name="author" content="\(credit)"></head><body><article>
    <h1>Changes to our crews</h1>
    <p class="byline">By \(credit)</p>
    <p>We will close the Dunmore yard at the end of January. Twenty-one people work there, and
    each will be offered a place at the Carrow yard or four months' pay.</p>
    <p>I know this is hard news, and I will be at both yards on Monday to answer questions.</p>
    \(closing)
    </article></body></html>
    """
  }

  @Test(
    "An account's credit gives way to the person who signs",
    arguments: [
      (
        "Admin", "<p>Un saluto,<br>Livia Marchetto<br>Amministratrice delegata</p>",
        "Livia Marchetto"
      ),
      ("webadmin", "<p>Cu stimă,<br>Sorin Dobrescu<br>Director General</p>", "Sorin Dobrescu"),
      ("Harbor Comms", "<p>Tamsin Oduya-Reeve</p>", "Tamsin Oduya-Reeve"),
    ])
  func accountGivesWay(credit: String, closing: String, signer: String) throws {
    let memo = try extractHTML(Self.page(credit: credit, closing: closing))
    #expect(memo.author == signer)
  }

  @Test("Without a signer, or under a person's credit, the credit stays")
  func creditStays() throws {
    let unsigned = try extractHTML(Self.page(credit: "admin", closing: "<p>Thank you all.</p>"))
    #expect(unsigned.author == "admin")
    // A person's credit is not an account: a bare name under the text does not replace it.
    let person = try extractHTML(
      Self.page(credit: "Mirela Castan", closing: "<p>Tamsin Oduya-Reeve</p>"))
    #expect(person.author == "Mirela Castan")
    #expect(MemoRefinement.bareNameClosing(["Text.", "Thank you all for this year"]) == nil)
    #expect(
      MemoRefinement.bareNameClosing(["Text.", "Tamsin Oduya-Reeve"]) == "Tamsin Oduya-Reeve")
  }

  @Test("A signature line of name, title and company signs the memo above later messages")
  func signatureLineAboveReplies() throws {
    let page = """
      <html><head><title>Chat export - General - Teams</title></head><body><div class="messages">
      <div class="message"><p>Subject: Closing the Dunmore yard</p>
      <p>Dear all, we will close the Dunmore yard at the end of January. Twenty-one people work
      there, and each will be offered a place at the Carrow yard or four months' pay.</p>
      <p>Oskar Lindqvist, Managing Director, Carrow Marine s.r.o.</p></div>
      <div class="message"><p>Thanks for telling us first.</p></div>
      <div class="message"><p>Slides are in Files.</p></div>
      </div></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.author == "Oskar Lindqvist")
    #expect(memo.company == "Carrow Marine")
    let signed = ["Body.", "Oskar Lindqvist, Managing Director, Carrow Marine s.r.o.", "Thanks."]
    #expect(MemoRefinement.signatureLine(signed[...])?.person == "Oskar Lindqvist")
    // A list of names, or a sentence with commas, signs nothing.
    #expect(MemoRefinement.signatureLine(["Oskar, Ana, Lee and Tove, Carrow Marine"]) == nil)
    #expect(MemoRefinement.signatureLine(["We thank Ana Ruiz, our director, and Carrow"]) == nil)
  }
}
