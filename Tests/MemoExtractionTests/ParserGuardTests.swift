import CHTMLTree
import Foundation
import Testing

@testable import MemoExtraction

/// The compact libxml2 parse runs only on versions the tree-equality tests cover.
@Suite("libxml2 version guard")
struct ParserGuardTests {
  @Test("2.9.x is covered; 2.10 and later (2.14's new tokenizer) fall back to the plain parse")
  func coveredVersions() {
    #expect(memoscope_html_fast_parse_covers(20914) == 1)
    #expect(memoscope_html_fast_parse_covers(20900) == 1)
    #expect(memoscope_html_fast_parse_covers(21000) == 0)
    #expect(memoscope_html_fast_parse_covers(21400) == 0)
    #expect(memoscope_html_fast_parse_covers(20899) == 0)
    let runtime = memoscope_libxml_runtime_version()
    let compiled = memoscope_libxml_compiled_version()
    #expect(runtime > 20000 && compiled > 20000)
    #expect(
      HTMLParser.fastParseSupported
        == (memoscope_html_fast_parse_covers(runtime) == 1
          && memoscope_html_fast_parse_covers(compiled) == 1))
  }

  @Test("The forced fallback gives the same tree and the same memo text as the fast parse")
  func fallback() throws {
    let page = Array(
      """
      <html><head><title>Changes</title><meta name="author" content="Dana"></head>
      <body><nav>Home | About</nav><article><h1>Our next chapter</h1>
      <p>Team, we are reducing our workforce by 12 percent.</p><pre>a\u{A0}b</pre>
      <script>var x = "<p>not text</p>";</script><p>Thank you.</p></article></body></html>
      """.utf8)
    let plain = try HTMLParser.tree(utf8: page, path: "page.html", fast: false)
    let fast = try HTMLParser.tree(utf8: page, path: "page.html", fast: true)
    #expect(HTMLDocumentTests.describe(plain) == HTMLDocumentTests.describe(fast))
    #expect(plain.title == "Changes")
    #expect(plain.nodes.contains { $0.text.contains("reducing our workforce") })
  }
}
