import Testing

@testable import MemoExtraction

@Suite("Page URL")
struct PageURLTests {
  func url(_ html: String) -> String? { PageURL.url(inPage: Array(html.utf8)) }

  @Test("The canonical link first, else og:url; entities decoded, case ignored")
  func canonicalThenOpenGraph() {
    let page = """
      <html><head><meta property="og:url" content="https://example.com/og">
      <LINK REL="canonical" HREF="https://example.com/memo?a=1&amp;b=2"></head><body>x</body></html>
      """
    #expect(url(page) == "https://example.com/memo?a=1&b=2")
    #expect(
      url(#"<meta content='https://example.com/og' property='og:url'/>"#)
        == "https://example.com/og")
  }

  @Test("JSON-LD: the article's url or mainEntityOfPage, never the publisher's")
  func linkedData() {
    let page = """
      <head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Organization","url":"https://example.com/"},
      {"@type":"NewsArticle","mainEntityOfPage":{"@id":"https://example.com/news/cuts"},
       "publisher":{"@type":"Organization","url":"https://example.com/about"}}]}</script></head>
      """
    #expect(url(page) == "https://example.com/news/cuts")
    let direct =
      #"<script type="application/ld+json">{"@type":"BlogPosting","url":"http://b.example/p/1"}</script>"#
    #expect(url(direct) == "http://b.example/p/1")
    let publisherOnly =
      #"<script type="application/ld+json">{"@type":"Organization","url":"https://o.example/x"}</script>"#
    #expect(url(publisherOnly) == nil)
  }

  @Test("<base href> only when it names a page, and last")
  func base() {
    #expect(
      url(#"<base href="https://example.com/2025/memo.html">"#)
        == "https://example.com/2025/memo.html")
    #expect(url(#"<base href="https://example.com/">"#) == nil)
    #expect(
      url(
        #"<base href="https://example.com/a/b"><meta property="og:url" content="https://example.com/og">"#
      )
        == "https://example.com/og")
  }

  @Test("Relative, javascript:, data:, hostless, spaced and commented-out addresses are refused")
  func refused() {
    #expect(url(#"<link rel="canonical" href="/relative">"#) == nil)
    #expect(url(#"<link rel="canonical" href="javascript:alert(1)">"#) == nil)
    #expect(url(#"<link rel="canonical" href="data:text/html,x">"#) == nil)
    #expect(url(#"<link rel="canonical" href="https://">"#) == nil)
    #expect(url(#"<link rel="canonical" href="https://a.example/x y">"#) == nil)
    #expect(url(#"<!-- <link rel="canonical" href="https://old.example/"> --><p>x</p>"#) == nil)
    #expect(url(#"<body><link rel="canonical" href="https://late.example/x"></body>"#) == nil)
    #expect(url("<link rel=\"canonical\" href=\"https://a.example/\u{1B}[31m\">") == nil)
  }

  @Test("Extraction sets Memo.url for HTML pages only")
  func extractorSetsURL() throws {
    let page = """
      <html><head><title>Changes</title><link rel="canonical" href="https://example.com/memo">
      </head><body><article><p>We are reducing our team by ten percent today, and this note \
      explains why and what happens next for everyone affected.</p></article></body></html>
      """
    let memo = try MemoExtractor().extract(bytes: Array(page.utf8), source: "memo.html")
    #expect(memo.url == "https://example.com/memo")
    let text = try MemoExtractor().extract(
      bytes: Array(
        "<link rel=\"canonical\" href=\"https://x.example/\">\n\nWe are reducing our team by ten percent today and explain why.\n"
          .utf8),
      source: "memo.txt")
    #expect(text.url == nil)
  }
}
