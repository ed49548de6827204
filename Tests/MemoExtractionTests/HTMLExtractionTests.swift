import Foundation
import MemoExtraction
import Testing

@Suite("HTML page families")
struct HTMLExtractionTests {
  @Test("A company blog post keeps its body and list, without navigation or boilerplate")
  func blogPost() throws {
    let memo = try extractFixture("HTML/blog.html")
    #expect(
      memo.paragraphs == [
        "Team, today I am sharing a hard decision. We are reducing the size of our company by about 12 percent, which means 140 colleagues will leave Northwind.",
        "Over the last year, AI has changed how we build, sell and support our products. We are reorganizing around smaller teams that use these tools every day.",
        "Here is what happens next:",
        "Everyone affected will hear from their manager by noon today.",
        "Severance starts at 16 weeks of pay, plus two weeks per year of service.",
        "Health coverage continues through the end of September.",
        "I know this is painful. Thank you for everything you have built here.",
        "— Dana",
      ])
    #expect(memo.title == "A note on our next chapter")
    #expect(memo.author == "Dana Whitfield")
    #expect(memo.date == "2026-03-04")
    #expect(memo.company == "Northwind Robotics")
    #expect(memo.format == .html)
    #expect(!memo.quoted)
  }

  @Test("A press-release wire page keeps the dateline lead and drops the site chrome")
  func wireRelease() throws {
    let memo = try extractFixture("HTML/wire-release.html")
    #expect(
      memo.paragraphs.first?.hasPrefix("AUSTIN, Texas, March 2, 2026 /PRNewswire/ --") == true)
    // The release's trailer ("About Initech", "SOURCE Initech Inc.") is not the memo; it
    // names the company, where the wire page's site name would not.
    #expect(memo.paragraphs.count == 4)
    #expect(!memo.body.contains("SOURCE"))
    #expect(!memo.body.contains("About Initech"))
    #expect(memo.company == "Initech Inc.")
    #expect(!memo.body.contains("Related links"))
    #expect(!memo.body.contains("Cision"))
    #expect(memo.date == "2026-03-02")
    #expect(memo.title == "Initech Announces Workforce Realignment to Accelerate AI Strategy")
  }

  @Test("An HTML email reads its whole body, hidden preview text excluded")
  func htmlEmail() throws {
    let memo = try extractFixture("HTML/email.html")
    #expect(
      memo.paragraphs == [
        "Hello team,",
        "As many of you have heard, we are restructuring our marketing organization. Generative AI now drafts most of our campaign copy, and we no longer need the same number of writers.",
        "Eighty roles will be eliminated. Affected employees will receive twelve weeks of pay.",
        "Warm regards,", "Jordan Blake", "Chief Marketing Officer",
      ])
    #expect(memo.author == "Jordan Blake")
  }

  @Test("An SEC exhibit in <pre> is unwrapped, without page numbers or the exhibit header")
  func secExhibit() throws {
    let memo = try extractFixture("HTML/sec-exhibit.html")
    #expect(
      memo.paragraphs == [
        "UMBRELLA HOLDINGS, INC. ANNOUNCES ORGANIZATIONAL CHANGES",
        "RACCOON CITY, Missouri, April 7, 2026 -- Umbrella Holdings, Inc. today announced a reduction of approximately 1,200 positions, or 9% of its workforce, as the company adopts artificial intelligence across its research and administrative functions.",
        "\"We are making these changes to position Umbrella for the next decade,\" said Albert Wesker, Chief Executive Officer. \"Automation allows us to operate with a smaller, more focused team.\"",
        "The company expects to complete the reduction by the end of the second quarter of 2026.",
      ])
    // "ex99-1.htm" is a file name, not a title; the release's headline over its dateline is.
    #expect(memo.title == "UMBRELLA HOLDINGS, INC. ANNOUNCES ORGANIZATIONAL CHANGES")
    #expect(memo.titleSource == "headline")
    #expect(memo.company == "Umbrella Holdings")
    #expect(memo.date == "2026-04-07")
  }

  @Test("A legacy page splits paragraphs on <br><br> and reads its header lines")
  func legacyBreaks() throws {
    let memo = try extractFixture("HTML/legacy-br.html")
    #expect(
      memo.paragraphs == [
        "Dear colleagues,",
        "Our new AI assistant now answers most first-level requests. We will therefore reduce the service desk from 40 to 25 people over the next six months.",
        "Those affected will be offered positions elsewhere in the group where possible — HR will contact each of you personally.",
        "Kind regards,", "Hans",
      ])
    #expect(memo.author == "Hans Müller")
    #expect(memo.title == "Changes to our “service desk”")
    #expect(memo.encoding == "windows-1252")
  }

  @Test("A div-and-span soup becomes one paragraph per div, navigation dropped")
  func divSoup() throws {
    let memo = try extractFixture("HTML/div-soup.html")
    #expect(
      memo.paragraphs == [
        "Hello all,",
        "We are consolidating three regional offices into one hub. The move is part of an automation program that has already replaced most manual data entry.",
        "About 60 roles will be affected, and every affected colleague will be offered relocation support or severance.",
        "We will hold an all-hands meeting on Friday to answer your questions.",
      ])
  }

  @Test("A table layout keeps the content cell; data-table rows read as one line each")
  func tableLayout() throws {
    let memo = try extractFixture("HTML/table-layout.html")
    #expect(
      memo.paragraphs == [
        "Staff announcement",
        "To all staff: effective immediately, the company will close its call center in Tulsa, where an automated voice system now handles the majority of inbound calls.",
        "The closure affects 210 employees. Each will receive severance based on length of service and access to career transition services.",
        "We thank everyone in Tulsa for their years of dedicated service to our customers.",
        "Quarterly revenue | $14.2 million",
        "Employees after closure | 1,340",
      ])
  }

  @Test("Malformed HTML loses no text, even after an unclosed link")
  func malformed() throws {
    let memo = try extractFixture("HTML/malformed.html")
    #expect(
      memo.paragraphs == [
        "This page has unclosed tags and broken nesting all over, yet the memo text should still come out whole.",
        "Second paragraph with a stray close tag and an unterminated link to the intranet",
        "Third paragraph: we are cutting 45 jobs in the data team because AI models now do the labeling work.",
        "Fourth paragraph inside an unclosed div with an & entity and a non-breaking space.",
      ])
  }

  @Test("Hidden elements, templates and noscript are dropped; inline tags never glue words")
  func hiddenAndInline() throws {
    let memo = try extractFixture("HTML/hidden-and-inline.html")
    #expect(
      memo.paragraphs == [
        "Visible first paragraph that talks about the reorganization of the sales team in some detail.",
        "Words stay apart across inline tags: AI tools, a link; and the text after the link stays.",
        "Label on its own line then more text.",
      ])
  }

  @Test("Scripts, styles and comments never reach the text")
  func scriptsAndComments() throws {
    let memo = try extractHTML(
      """
      <html><body><article><p>Before the script, a sentence long enough to be read as content here.</p>
      <script>var leaked = "script text";</script><style>p { color: red }</style>
      <!-- an HTML comment --><p>After the script, the memo goes on with another full sentence.</p>
      </article></body></html>
      """)
    #expect(
      memo.paragraphs == [
        "Before the script, a sentence long enough to be read as content here.",
        "After the script, the memo goes on with another full sentence.",
      ])
  }

  @Test("A body split over several containers is read whole, in order")
  func splitBody() throws {
    let memo = try extractHTML(
      """
      <html><body><div class="page">
      <div class="article-body"><p>First part of the memo, with enough words, commas, and detail to score well.</p>
      <p>Second paragraph of the first part, which continues the explanation at some length.</p></div>
      <div class="ad-slot"><p>Advertisement</p></div>
      <div class="article-body"><p>Third paragraph, after the ad, in a second container that carries the same body.</p>
      <p>Fourth and last paragraph, which closes the memo with a thank-you to the whole team.</p></div>
      </div></body></html>
      """)
    #expect(memo.paragraphs.count == 4)
    #expect(memo.paragraphs.first?.hasPrefix("First part") == true)
    #expect(memo.paragraphs.last?.hasPrefix("Fourth and last") == true)
  }

  @Test("A million nested divs parse and walk without crashing")
  func deepNesting() throws {
    let depth = 1_000_000
    var bytes = Array("<html><body>".utf8)
    bytes.reserveCapacity(depth * 11 + 200)
    let open = Array("<div>".utf8)
    let close = Array("</div>".utf8)
    for _ in 0..<depth { bytes.append(contentsOf: open) }
    bytes.append(contentsOf: Array("Deep text that is still found at the bottom of the tree.".utf8))
    for _ in 0..<depth { bytes.append(contentsOf: close) }
    bytes.append(contentsOf: Array("</body></html>".utf8))
    let memo = try extract(bytes)
    #expect(memo.paragraphs == ["Deep text that is still found at the bottom of the tree."])
  }
}
