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
}
