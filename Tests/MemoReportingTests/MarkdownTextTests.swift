import Foundation
import TestSupport
import Testing

@testable import MemoReporting

/// Hostile strings a memo page could carry.
let hostileStrings = [
  "<script>alert('x')</script>",
  "[click me](javascript:alert(1))",
  "![tracker](https://evil.example/pixel.png)",
  "# Fake heading",
  "> fake quote",
  "- fake item",
  "1. fake ordered item",
  "12) another",
  "a | b | c",
  "`code` and ``double``",
  "line one\nline two\r\n\nline three",
  "&lt;script&gt; &amp; &#106;avascript:",
  "**bold** _em_ ~~strike~~",
  "back\\slash \\| pipe",
  "<img src=x onerror=alert(1)>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "=== setext",
  "```\nfence\n```",
  "text\u{1B}[31m red \u{202E}reversed\u{0007}",
  "see http://evil.example/x and https://evil.example and ftp://files.example/a",
  "visit www.evil.example or WWW.EVIL.EXAMPLE today",
  "write to ceo@evil.example or mailto:ceo@evil.example, xmpp:bot@evil.example",
  "<https://evil.example> and <ceo@evil.example>",
  "AT&T &copy; &#169; &#x26; & done",
]

@Suite("Markdown escaping")
struct MarkdownTextTests {
  @Test("Escaped text keeps a single line and shows entities and markup literally")
  func escapesExactly() {
    #expect(MarkdownText.escape("# Fake heading") == "\\# Fake heading")
    #expect(MarkdownText.escape("1. item") == "1\\. item")
    #expect(MarkdownText.escape("- item") == "\\- item")
    #expect(MarkdownText.escape("a | b") == "a \\| b")
    #expect(MarkdownText.escape("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>")
    #expect(MarkdownText.escape("[x](javascript:y)") == "\\[x\\](javascript\\:y)")
    #expect(MarkdownText.escape("  two\n\nlines \t ") == "two lines")
    #expect(MarkdownText.escape("a\\b") == "a\\\\b")
    #expect(MarkdownText.escape("x\u{202E}y\u{0007}z") == "xyz")
    #expect(MarkdownText.escape("AI-native, 14.5%") == "AI-native, 14.5%")
  }

  @Test("Characters are preferred to entities: a lone & stays as typed, a reference is escaped")
  func charactersOverEntities() {
    #expect(MarkdownText.escape("AT&T & R&D") == "AT&T & R&D")
    #expect(MarkdownText.escape("&copy; &#169; &#x26;") == "\\&copy; \\&\\#169; \\&\\#x26;")
    #expect(MarkdownText.escape("&;") == "&;")
    #expect(!MarkdownText.escape("<a>\\&amp;").contains("&lt;"))
  }

  @Test("Autolink triggers are broken: scheme colons, www. and the @ of an address")
  func autolinks() {
    #expect(MarkdownText.escape("see https://x.example/a") == "see https\\://x.example/a")
    #expect(MarkdownText.escape("at 14:30: done") == "at 14:30: done")
    #expect(MarkdownText.escape("www.x.example") == "www\\.x.example")
    #expect(MarkdownText.escape("a.b@x.example") == "a.b\u{2060}@x.example")
    #expect(MarkdownText.escape("ask @handle") == "ask @handle")
  }

  @Test("Hostile text renders without a live link or tag in CommonMark and GFM")
  func noLiveLinks() {
    var document = MarkdownDocument()
    for text in hostileStrings {
      document.paragraph(.text(text))
      document.bullets([.text(text)])
      document.heading(3, .text(text))
    }
    for (flavor, html) in CommonMark.renders(document.markdown) {
      #expect(CommonMark.linkTargets(in: html).isEmpty, "\(flavor): \(html)")
      let problems = CommonMark.problems(in: html)
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      // The text reads as written once rendered: the entity and the address are intact.
      #expect(html.contains("AT&amp;T &amp;copy; &amp;#169; &amp;#x26; &amp; done"), "\(flavor)")
      #expect(html.contains("ceo\u{2060}@evil.example"), "\(flavor)")
      #expect(html.contains("see http://evil.example/x and https://evil.example"), "\(flavor)")
    }
  }

  @Test("Hostile text in a table keeps every row's column count and injects nothing")
  func hostileTable() {
    var document = MarkdownDocument()
    document.table(
      ["#", "Text", "Other"],
      rows: hostileStrings.enumerated().map { index, text in
        [Inline.markup(String(index)), .text(text), .text(text)]
      })
    for (flavor, html) in CommonMark.renders(document.markdown) where flavor == .gfm {
      #expect(Self.count("<tr>", in: html) == hostileStrings.count + 1)
      #expect(Self.count("<td>", in: html) == hostileStrings.count * 3)
      #expect(CommonMark.problems(in: html).isEmpty, "\(CommonMark.problems(in: html))")
    }
  }

  @Test("Hostile text as headings, quotes and list items stays text")
  func hostileBlocks() {
    for text in hostileStrings {
      var document = MarkdownDocument()
      document.heading(2, "Memo: \(text)")
      document.quote(.text(text))
      document.bullets([.text(text)])
      document.paragraph(.text(text))
      for (flavor, html) in CommonMark.renders(document.markdown) {
        #expect(Self.count("<h2>", in: html) == 1, "\(text)")
        #expect(Self.count("<h1>", in: html) == 0, "\(text)")
        #expect(Self.count("<blockquote>", in: html) == 1, "\(text)")
        #expect(Self.count("<li>", in: html) == 1, "\(text)")
        #expect(Self.count("<ol>", in: html) == 0, "\(text)")
        #expect(Self.count("<code>", in: html) == 0, "\(text)")
        #expect(Self.count("<strong>", in: html) == 0, "\(text)")
        let problems = CommonMark.problems(in: html)
        #expect(problems.isEmpty, "\(flavor) \(text): \(problems)")
      }
    }
  }

  @Test("Link and image destinations are percent-encoded")
  func destinations() {
    #expect(MarkdownText.destination("my report-charts/a b.svg") == "my%20report-charts/a%20b.svg")
    #expect(MarkdownText.destination("x)(javascript:") == "x%29%28javascript%3A")
  }

  static func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
  }
}
