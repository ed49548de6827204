import Testing

@testable import MemoExtraction

/// Plain-text shapes that carry a memo inside other furniture: WebVTT captions, Mailman
/// digests, project READMEs, and calendar invitations' subjects.
@Suite("Captions, digests, READMEs and invitations")
struct PlainShapeTests {
  @Test("WebVTT cues are the memo; the speaker with most words is its author")
  func webVTT() throws {
    let text = """
      WEBVTT
      Kind: captions

      NOTE
      Harbour & Pine all-hands, recorded 2026-03-04.
      Captions corrected on 2026-03-06.

      1
      00:00:01.000 --> 00:00:03.000
      <v Lee Park>Hi all, handing over now.

      2
      00:00:03.500 --> 00:00:09.000
      <v Mara Quist>Thanks, Lee. We are closing the Cardiff studio in May.
      Eleven roles end with it.

      00:00:09.500 --> 00:00:14.000
      <v Mara Quist>Everyone affected gets <i>three</i> months' pay.

      3
      00:00:15.000 --> 00:00:16.000
      <v Lee Park>First question.
      """
    let memo = try extract(Array(text.utf8), as: "all-hands.txt")
    #expect(memo.author == "Mara Quist")
    #expect(memo.date == "2026-03-04")
    #expect(memo.company == "Harbour & Pine")
    #expect(memo.title == nil)
    #expect(
      memo.paragraphs == [
        "Hi all, handing over now.",
        "Thanks, Lee. We are closing the Cardiff studio in May. Eleven roles end with it. "
          + "Everyone affected gets three months' pay.",
        "First question.",
      ])
    // A file that only mentions WEBVTT later is read as text.
    #expect(!WebVTTCaptions.isCaptionFile(Array("Notes on WEBVTT".utf8)))
  }

  @Test("A Mailman digest's memo is its longest message, with its own headers")
  func mailmanDigest() throws {
    let text = """
      Send Crew-news mailing list submissions to
      \tcrew-news@lists.brackley.example

      Today's Topics:

         1. Parking (Site Office)
         2. The Didcot plant (Ines Moreau)

      ----------------------------------------------------------------------

      Message: 1
      Date: Mon, 2 Mar 2026 10:00:00 +0000
      From: Site Office <site@brackley.example>
      Subject: [Crew-news] Parking

      The north car park is closed on Friday.

      ------------------------------

      Message: 2
      Date: Tue, 3 Mar 2026 08:30:00 +0000
      From: Ines Moreau <i.moreau@brackley.example>
      Subject: [Crew-news] The Didcot plant

      Dear all,

      Orders for our cast panels have fallen for two years, and we will close the Didcot
      plant at the end of June. Forty roles are affected, and consultation starts today.

      Ines Moreau
      Chief Executive, Brackley Castings Ltd

      ------------------------------

      End of Crew-news Digest, Vol 2, Issue 9
      """
    let memo = try extract(Array(text.utf8), as: "digest.txt")
    #expect(memo.title == "The Didcot plant")
    #expect(memo.author == "Ines Moreau")
    #expect(memo.date == "2026-03-03")
    #expect(memo.company == "Brackley Castings")
    #expect(memo.format == .text)
    // A memo that opens with "Send" is no digest.
    #expect(MailmanDigest.memoMessage(utf8: Array("Send the forms by Friday.\n".utf8)) == nil)
  }

  @Test("A README's memo section is the memo, its heading the title")
  func readmeSection() throws {
    let text = """
      <!-- badges -->
      [![CI](https://ci.example/badge.svg)](https://ci.example)

      # Quillmark

      Quillmark is a diff viewer for large files.

      ## Quillmark is shutting down

      *Posted 2026-05-02*

      Quillmark Software, the company behind this tool, is closing at the end of May. We did
      not find a buyer, and the six of us will be let go. The code stays here under the MIT
      licence for anyone who wants to keep it going, and the issue tracker stays open.

      — Odile Brun, founder and CEO, Quillmark Software

      ## Installation

      Run the installer for your platform.

      ## License

      MIT.
      """
    let memo = try extract(Array(text.utf8), as: "README.md")
    #expect(memo.title == "Quillmark is shutting down")
    #expect(memo.author == "Odile Brun")
    #expect(memo.date == "2026-05-02")
    #expect(!memo.paragraphs.contains("MIT."))
    // A memo in Markdown with sections of its own keeps its title and all its sections.
    let sections = """
      # Changes to our support team

      ## What is changing

      We will merge the two support desks in Leeds and York into one desk in York from June,
      and eight roles in Leeds will end. Everyone affected meets their manager this week, and
      the managers of both desks will hold open sessions on Thursday for anyone who wants to
      talk it through.

      ## Support

      Three months' pay and help finding new work.
      """
    let plain = try extract(Array(sections.utf8), as: "memo.md")
    #expect(plain.title == "Changes to our support team")
    #expect(plain.paragraphs.contains("Three months' pay and help finding new work."))
  }

  @Test("A calendar invitation's subject is reduced to its event")
  func invitationSubject() {
    #expect(
      EmailReader.invitationEvent(
        "Invitation: Org update @ Thu Dec 3, 2026 9am - 9:30am (EST) (team@acme.example)")
        == "Org update")
    #expect(
      EmailReader.subjectWithoutPrefixes("Updated invitation: Plant review @ Mon Mar 2, 2026")
        .subject == "Plant review")
    // Not an invitation: an address in a subject stays.
    #expect(EmailReader.invitationEvent("Lunch @ 12 in the canteen") == nil)
  }
}
