import Testing

@testable import MemoExtraction

/// A story about a memo read from a print view, which keeps no meta tags: the reporter's
/// byline in the text marks it as news, and the memo's writer, company and day come from the
/// story. Every page is invented.
@Suite("News about a memo in a print view")
struct NewsPrintViewTests {
  static func page(byline: String) -> String {
    """
    <html><head><title>Print: Brightwell Instruments cuts a fifth of its staff</title></head>
    <body><div class="print-header">printed from journal.test on 03/12/2026</div>
    <h2>Brightwell Instruments cuts a fifth of its staff</h2>
    <p>Mar 4, 2026, 2:10pm GMT · \(byline)</p>
    <p>Leeds instrument maker Brightwell Instruments laid off 40 employees, a fifth of its staff,
    on Monday, according to an internal email from chief executive Ola Berg.</p>
    <p>"We are narrowing to laboratory customers," Berg wrote in the email.</p>
    <p>Brightwell raised £12 million last year.</p>
    </body></html>
    """
  }

  @Test("A reporter's byline in the text marks a story: writer, company and day from it")
  func printView() throws {
    let memo = try extractHTML(Self.page(byline: "By Tove Lind – Staff Reporter, Leeds Journal"))
    #expect(memo.title == "Brightwell Instruments cuts a fifth of its staff")
    #expect(memo.author == "Ola Berg")
    #expect(memo.company == "Brightwell Instruments")
    #expect(memo.date == "2026-03-02")
  }

  @Test("Only a reporter's title makes a byline line a story's")
  func reporterLine() {
    #expect(NewsAboutMemo.reporterLine(in: ["By Tove Lind – Staff Reporter"]))
    #expect(NewsAboutMemo.reporterLine(in: ["Story by Tove Lind, correspondent"]))
    #expect(!NewsAboutMemo.reporterLine(in: ["By the end of March we will close Leeds."]))
    #expect(!NewsAboutMemo.reporterLine(in: ["Reporter tools we use every day"]))
  }
}
