import Foundation
import Ink
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
]

@Suite("Markdown escaping")
struct MarkdownTextTests {
  @Test("Escaped text keeps a single line and shows entities and markup literally")
  func escapesExactly() {
    #expect(MarkdownText.escape("# Fake heading") == "\\# Fake heading")
    #expect(MarkdownText.escape("1. item") == "1\\. item")
    #expect(MarkdownText.escape("- item") == "\\- item")
    #expect(MarkdownText.escape("a | b") == "a \\| b")
    #expect(MarkdownText.escape("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
    #expect(MarkdownText.escape("[x](javascript:y)") == "\\[x\\](javascript:y)")
    #expect(MarkdownText.escape("  two\n\nlines \t ") == "two lines")
    #expect(MarkdownText.escape("a\\b") == "a&#92;b")
    #expect(MarkdownText.escape("x\u{202E}y\u{0007}z") == "xyz")
    #expect(MarkdownText.escape("AI-native, 14.5%") == "AI-native, 14.5%")
  }

  @Test("Hostile text in a table keeps every row's column count and injects nothing")
  func hostileTable() {
    var document = MarkdownDocument()
    document.table(
      ["#", "Text", "Other"],
      rows: hostileStrings.enumerated().map { index, text in
        [Inline.markup(String(index)), .text(text), .text(text)]
      })
    let html = MarkdownParser().html(from: document.markdown)
    #expect(Self.count("<tr>", in: html) == hostileStrings.count + 1)
    #expect(Self.count("<td>", in: html) == hostileStrings.count * 3)
    Self.expectInert(html)
  }

  @Test("Hostile text as headings, quotes and list items stays text")
  func hostileBlocks() {
    for text in hostileStrings {
      var document = MarkdownDocument()
      document.heading(2, "Memo: \(text)")
      document.quote(.text(text))
      document.bullets([.text(text)])
      document.paragraph(.text(text))
      let html = MarkdownParser().html(from: document.markdown)
      #expect(Self.count("<h2>", in: html) == 1, "\(text)")
      #expect(Self.count("<h1>", in: html) == 0, "\(text)")
      #expect(Self.count("<blockquote>", in: html) == 1, "\(text)")
      #expect(Self.count("<li>", in: html) == 1, "\(text)")
      #expect(Self.count("<ol>", in: html) == 0, "\(text)")
      #expect(Self.count("<code>", in: html) == 0, "\(text)")
      #expect(Self.count("<strong>", in: html) == 0, "\(text)")
      Self.expectInert(html)
    }
  }

  @Test("Link and image destinations are percent-encoded")
  func destinations() {
    #expect(MarkdownText.destination("my report-charts/a b.svg") == "my%20report-charts/a%20b.svg")
    #expect(MarkdownText.destination("x)(javascript:") == "x%29%28javascript%3A")
  }

  /// Fails when the HTML has a tag outside the few that Markdown itself produces, or a tag
  /// with an attribute other than a table cell's alignment.
  static func expectInert(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let allowed: Set<String> = [
      "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "p",
      "blockquote", "ul", "ol", "li", "code", "strong", "em", "br", "pre", "hr",
    ]
    for tag in HTMLTags.all(in: html) {
      let name = tag.split(separator: " ").first.map(String.init) ?? ""
      let attributes = tag.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
      #expect(allowed.contains(name.lowercased()), "tag <\(tag)>", sourceLocation: sourceLocation)
      #expect(
        attributes.isEmpty || attributes.hasPrefix("align="), "tag <\(tag)>",
        sourceLocation: sourceLocation)
    }
    #expect(!html.contains("\u{1B}"), sourceLocation: sourceLocation)
  }

  /// Like `expectInert`, also allowing the report's own anchors (`<a id="…">`), links to
  /// anchors (`<a href="#…">`) and chart images with relative paths.
  static func expectInertAllowingReportMarkup(
    _ html: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let allowed: Set<String> = [
      "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "p",
      "blockquote", "ul", "ol", "li", "code", "strong", "em", "br", "pre", "hr", "s", "del",
    ]
    for tag in HTMLTags.all(in: html) {
      let name = tag.split(separator: " ").first.map(String.init) ?? ""
      let attributes = tag.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
      switch name.lowercased() {
      case "a":
        #expect(
          attributes.isEmpty || attributes.hasPrefix("id=\"") || attributes.hasPrefix("href=\"#"),
          "tag <\(tag)>",
          sourceLocation: sourceLocation)
      case "img":
        #expect(
          attributes.hasPrefix("src=\"report-charts/"), "tag <\(tag)>",
          sourceLocation: sourceLocation)
      default:
        #expect(allowed.contains(name.lowercased()), "tag <\(tag)>", sourceLocation: sourceLocation)
        #expect(
          attributes.isEmpty || attributes.hasPrefix("align=") || attributes.hasPrefix("class="),
          "tag <\(tag)>", sourceLocation: sourceLocation)
      }
    }
    #expect(!html.lowercased().contains("javascript:\""), sourceLocation: sourceLocation)
  }

  static func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
  }
}
