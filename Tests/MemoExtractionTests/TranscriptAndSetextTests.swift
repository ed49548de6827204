import Foundation
import Testing

@testable import MemoExtraction

/// Authors and titles from a memo's own layout: a transcript's speaker labels, a Markdown
/// setext title, and the signer behind a page credit that names the company itself.
@Suite("Speaker labels, setext titles and company credits")
struct TranscriptAndSetextTests {
  static let closing =
    "<p>Everyone affected will meet a manager this week, and severance starts at sixteen "
    + "weeks of pay, with health cover to the end of June.</p>"

  @Test("a speaker label gives a title-cased name; other paragraphs give none")
  func speakerLabel() {
    #expect(SpeakerLabels.speaker("ANA RUIZ-VELA (CEO): Thanks for coming.") == "Ana Ruiz-Vela")
    #expect(SpeakerLabels.speaker("DARA O'NEILL: Next question.") == "Dara O'Neill")
    // Negative: one word, lower case, a department, a sentence with a colon.
    #expect(SpeakerLabels.speaker("QUESTION: Will there be more?") == nil)
    #expect(SpeakerLabels.speaker("Ana Ruiz: thanks") == nil)
    #expect(SpeakerLabels.speaker("HUMAN RESOURCES: the process") == nil)
    #expect(SpeakerLabels.speaker("We have three goals: focus, speed") == nil)
  }

  @Test("a transcript's first and most frequent speaker is the author")
  func transcriptAuthor() throws {
    let body =
      "<h1>Transcript: the March all-hands</h1>"
      + "<p>ANA RUIZ (CEO): Thanks for joining. Today we are closing the Brayfield workshop and "
      + "moving its twelve roles to the main plant.</p>"
      + "<p>ANA RUIZ: The orders for small runs have halved in two years, and that is on me.</p>"
      + "<p>QUESTION: Will there be another round?</p>"
      + "<p>ANA RUIZ: Not that I plan. This is sized so we do not come back to it.</p>"
      + "<p>LEO MARSH (CFO): On severance: sixteen weeks for everyone affected.</p>"
      + "<p>The recording ends here; questions can go to the people team at any time.</p>"
    let memo = try extractHTML("<html><body><article>\(body)</article></body></html>")
    #expect(memo.author == "Ana Ruiz")
    #expect(memo.authorSource == "speaker-label")
  }

  @Test("labels that do not repeat, or a speaker who is outspoken, give no author")
  func notATranscript() {
    // Each speaker once: no one leads.
    #expect(
      SpeakerLabels.author(["ANA RUIZ: one", "LEO MARSH: two", "IDA BERG: three"]) == nil)
    // The first speaker speaks less than another.
    #expect(
      SpeakerLabels.author([
        "ANA RUIZ: one", "LEO MARSH: two", "LEO MARSH: three", "ANA RUIZ: four",
        "LEO MARSH: five",
      ]) == nil)
    // Too few labels.
    #expect(SpeakerLabels.author(["ANA RUIZ: one", "ANA RUIZ: two"]) == nil)
  }

  @Test("a setext heading on the first line is the title; a rule after text is not")
  func setextTitle() {
    let memo = PlainTextReader.readMarkdown(
      "Closing the Porto hub\n=====================\n\nFrom 1 May the Porto hub will close.\n")
    #expect(memo.title == "Closing the Porto hub")
    #expect(memo.paragraphs.first == "From 1 May the Porto hub will close.")
    let dashed = PlainTextReader.readMarkdown("Closing the Porto hub\n---\n\nFrom 1 May.\n")
    #expect(dashed.title == "Closing the Porto hub")
    // Negative: a blank line before the rule, or a second line of text, or a spaced rule.
    #expect(PlainTextReader.readMarkdown("Closing the hub\n\n---\n\nFrom 1 May.\n").title == nil)
    #expect(PlainTextReader.readMarkdown("Hello all,\nsome news\n===\n\nText.\n").title == nil)
    #expect(PlainTextReader.readMarkdown("Closing the hub\n- - -\n\nFrom 1 May.\n").title == nil)
    #expect(SetextHeading.isUnderline("==") == false)
    #expect(SetextHeading.isUnderline("=-=") == false)
  }

  @Test("a JSON-LD author that is the company gives way to the signer")
  func companyCreditGivesWay() throws {
    let head = """
      <script type="application/ld+json">{"@type":"BlogPosting","headline":"Closing Brayfield",
      "author":{"@type":"Person","name":"Tolven Works"},
      "publisher":{"@type":"Organization","name":"Tolven Works"}}</script>
      """
    let body =
      "<p>Today we are closing the Brayfield workshop and moving its twelve roles to the main "
      + "plant, because the orders for small runs have halved in two years.</p>" + Self.closing
      + "<p>Best,</p><p>Ana Ruiz-Vela</p>"
    let memo = try extractHTML(
      "<html><head>\(head)</head><body><article>\(body)</article></body></html>")
    #expect(memo.company == "Tolven Works")
    #expect(memo.author == "Ana Ruiz-Vela")
    #expect(memo.authorSource == "signature")
    // Negative: a person's credit stays, and a company credit stays when no one signs.
    let person = head.replacingOccurrences(
      of: "\"Person\",\"name\":\"Tolven Works\"", with: "\"Person\",\"name\":\"Ida Berg\"")
    let credited = try extractHTML(
      "<html><head>\(person)</head><body><article>\(body)</article></body></html>")
    #expect(credited.author == "Ida Berg")
    let unsigned = try extractHTML(
      "<html><head>\(head)</head><body><article>\(Self.closing)\(Self.closing)</article></body></html>"
    )
    #expect(unsigned.author == "Tolven Works")
  }
}
