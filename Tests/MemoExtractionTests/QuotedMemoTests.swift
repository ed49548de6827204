import Testing

@testable import MemoExtraction

/// Memos carried inside other messages and files: a mail attached as `message/rfc822`, a reply
/// quoting the memo under a cover note, and TOML front matter.
@Suite("Attached and quoted memos, TOML front matter")
struct QuotedMemoTests {
  static func mail(subject: String, body: String, type: String = "text/plain") -> [UInt8] {
    Array(
      """
      From: "Pat Aide" <pat@orvale.example>
      To: leads@orvale.example
      Subject: \(subject)
      Date: Thu, 5 Feb 2026 11:02:44 -0600
      Content-Type: \(type)

      \(body)
      """.utf8)
  }

  static let attachedMemo = """
    From: "Ida Rennick" <ida@orvale.example>
    Subject: Closing the Leeds office
    Date: Wed, 4 Feb 2026 07:30:00 -0600
    Content-Type: text/plain; charset="utf-8"

    Team, we are closing the Leeds office in April and twelve roles there will end. Everyone
    affected has been offered a role in York or a severance package.

    Ida Rennick
    Chief Operating Officer
    """

  @Test("A message attached as message/rfc822 under a cover note is the memo")
  func attachedMessage() throws {
    let body = """
      --b1
      Content-Type: text/plain

      Forwarding Ida's note as an attachment.

      --b1
      Content-Type: message/rfc822
      Content-Disposition: attachment

      \(Self.attachedMemo)

      --b1--
      """
    let bytes = Self.mail(
      subject: "Leeds", body: body, type: "multipart/mixed; boundary=\"b1\"")
    let memo = try extract(bytes, as: "attached.eml")
    #expect(memo.author == "Ida Rennick")
    #expect(memo.title == "Closing the Leeds office")
    #expect(memo.date == "2026-02-04")
    // A long message of its own with a short mail attached stays the memo.
    let long = String(
      repeating: "We will also review the depot rotas over the coming weeks. ", count: 30)
    let own = body.replacingOccurrences(
      of: "Forwarding Ida's note as an attachment.", with: long)
    let kept = try extract(
      Self.mail(subject: "Depot rotas", body: own, type: "multipart/mixed; boundary=\"b1\""),
      as: "own.eml")
    #expect(kept.author == "Pat Aide")
    #expect(kept.title == "Depot rotas")
  }

  static let quote = """
    > Subject: Closing the Leeds office
    >
    > Team, we are closing the Leeds office in April and twelve roles there will
    > end. Everyone affected has been offered a role in York or a severance package,
    > and your managers will meet each of you this week.
    >
    > Ida Rennick
    """

  @Test("A short reply over a quoted memo: the quoted sender and date are the memo's")
  func replyQuotingMemo() throws {
    let body = """
      Thanks Ida, one question from my team about notice periods?

      Pat

      On Wed, 4 Feb 2026 at 07:30, Ida Rennick <ida@orvale.example> wrote:
      \(Self.quote)
      """
    let memo = try extract(
      Self.mail(subject: "Re: Closing the Leeds office", body: body), as: "r.eml")
    #expect(memo.author == "Ida Rennick")
    #expect(memo.date == "2026-02-04")
    #expect(memo.title == "Closing the Leeds office")
    // A reply that says more than it quotes is its own message.
    let longer = String(
      repeating: "I have several points about the notice periods and rotas. ", count: 8)
    let reply = try extract(
      Self.mail(subject: "Re: Closing the Leeds office", body: longer + "\n\n" + body), as: "r.eml")
    #expect(reply.author == "Pat Aide")
    #expect(reply.date == "2026-02-05")
  }

  @Test("Attribution lines in several languages name the sender and the date")
  func attributionLines() {
    let english = QuotedReply.attribution(
      "On Tue, 17 Feb 2026 at 16:05, Gwen Marsh <gwen@x.example> wrote:")
    #expect(english?.from == "Gwen Marsh <gwen@x.example>")
    #expect(english?.date.flatMap(ForwardedMail.date) == "2026-02-17")
    let german = QuotedReply.attribution(
      "Am 17.02.2026 um 16:05 schrieb Gwen Marsh <gwen@x.example>:")
    #expect(german?.from == "Gwen Marsh <gwen@x.example>")
    #expect(QuotedReply.attribution("On balance, the plan we wrote:") == nil)
    #expect(QuotedReply.attribution("On Friday the team wrote:") == nil)
  }

  @Test("TOML front matter gives title, author and date like YAML's")
  func tomlFrontMatter() throws {
    let text = """
      +++
      title = "Winding down the hosted app"  # shown on the index
      date = 2026-01-30T08:00:00+01:00
      authors = ["Runa Vik", "Other Person"]
      [params]
      company = "Vikstad"
      +++

      We are winding down the hosted app on 30 April.
      """
    let memo = try extract(Array(text.utf8), as: "post.md")
    #expect(memo.title == "Winding down the hosted app")
    #expect(memo.author == "Runa Vik")
    #expect(memo.date == "2026-01-30")
    #expect(memo.company == "Vikstad")
    let split = TOMLFrontMatter.split(["+++", "title = 'Literal'", "+++", "Body"])
    #expect(split?.fields["title"] == "Literal")
    #expect(split?.rest.first == "Body")
    // A "+++" line without its closing fence, and a file without one, are no front matter.
    #expect(TOMLFrontMatter.split(["+++", "title = \"x\"", "Body"]) == nil)
    #expect(TOMLFrontMatter.split(["Title", "+++"]) == nil)
  }
}
