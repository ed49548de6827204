import Dispatch
import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

/// The compact parse (`HTMLParser`, `CHTMLTree`'s `memoscope_html_build`) must give exactly the
/// tree that libxml2's own document (`htmlReadMemory`) gives.
@Suite("HTML document")
struct HTMLDocumentTests {
  /// Every field of a tree, one line per node, so two trees compare as string arrays.
  static func describe(_ tree: HTMLTree) -> [String] {
    var lines = ["title: \(tree.title ?? "<nil>")"]
    lines += tree.metas.map { "meta \($0.key)=\($0.value)" }
    lines += tree.jsonLD.map { "json-ld \($0)" }
    lines += tree.imageAlts.map { "img-alt \($0)" }
    for (index, node) in tree.nodes.enumerated() {
      let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
      lines.append(
        "\(index) \(node.name) parent \(node.parent) first \(node.firstChild) next \(node.nextSibling) [\(attributes)] \(node.text)"
      )
    }
    return lines
  }

  static func trees(_ utf8: [UInt8]) throws -> (fast: [String], plain: [String]) {
    let fast = try HTMLParser.tree(utf8: utf8, path: "page.html")
    let plain = try HTMLDocumentHandle(utf8: utf8, path: "page.html").makeTree()
    return (describe(fast), describe(plain))
  }

  /// Pages written to hit each branch of the raw-text skip and its refusals.
  static let edgeCases: [String] = [
    // A '=' after an attribute the fast parse blanks must not become an earlier bare
    // attribute's value (found by the random tag soups).
    "<p class x:y=\"1\" =v>t</p>",
    "<p\nCLASS  x:y = \"more text\"\t==/><em>t</em>",
    "<table><tr\ncontent x:y=  srcset = \"'\t \" ><td>t</td></tr></table>",
    "<b name srcset=\"a\" =\n\"b\">t</b><p>after</p>",
    "<p>a<script>var x = 1;</script>b</p>",
    "<p>a<SCRIPT type=text/javascript>if (a < b) { x() }</ScRiPt >b</p>",
    "<div><script></div><p>end tag first</p></script><p>after</p></div>",
    "<div><script><p>starts with a tag</p></script><p>after</p></div>",
    "<div><script>x = '</div>'; y = '</scripts>'</script><p>after</p></div>",
    "<div><script>never closed <p>not a paragraph</p>",
    "<div><script/><p>self-closed</p></div>",
    "<div><script src=a.js></script><p>empty</p></div>",
    "<head><style>p { color: red } </style ><title>T</title></head><body><p>x</p></body>",
    "<style>a{}</STYLE><p>upper-case end tag</p>",
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"H\"}</script><p>x</p>",
    "<script type=\"APPLICATION/LD+JSON\" id=j>{\"headline\":\"</p>\"}</script><p>x</p>",
    "<table><tr><td><script>1</script></td><script>2</script></tr></table><p>x</p>",
    "<p hidden id=a class='b c' data-x=1 href=/y style='display: none'>text</p><p>more</p>",
    "<o:script>not raw text <b>bold</b></o:script><p>x</p>",
    "<html><head><script>a</script></head></html><script>after html</script><p>late</p>",
    "<p>x</p><script>\u{00E9}\u{4E2D}\u{1F600} unicode</script><p>y</p>",
    // Where SAX2 puts nodes with no element open, and what separates text nodes.
    "<!DOCTYPE html><html><body><p>a</p></body></html><p>after html</p>",
    "<html><body><p>a</p></body></html><p>after html</p><!-- c --><div>more</div>",
    "<!-- first --><html><body><p>a</p></body></html><p>after</p>",
    "<?xml version='1.0'?><html><p>a</p></html><p>b</p>",
    "<p>one<!-- c -->two<?pi x?>three</p>",
    "<p>a &amp; b &copy; c &unknown; d &#x41; e</p>",
    "<body><p>a</p><!DOCTYPE html><p>b</p></body></html><p>c</p>",
    "<o:p>office</o:p><fb:like a=b>x</fb:like><a:b:c>deep</a:b:c><x:>colon end</x:>",
    "<div class=\"x\"><p>cut off at the end of input</p><span class=\"y",
    "<div><p>unclosed <b>bold <i>italic</div><p>next",
    "text before any tag<p>then a paragraph</p>",
    "<title>T1</title><title>T2</title><p>x</p>",
    "<table><tr><td>cell<td>cell 2</table><p>after table</p>",
    "<p>x\u{0}y</p><script>a\u{0}b</script><p>z</p>",
    "<html><head><meta charset=utf-8><meta name=author content='A B'></head><body>x</body></html>",
    "<p>  </p><div>\n\t</div><pre>  keep  </pre>",
    "<ul><li>one<li>two</ul><dl><dt>t<dd>d</dl>",
    "<frameset><frame src=a></frameset><noframes><p>no frames</p></noframes>",
    "<svg><style>x{}</style><text>svg text</text></svg><math><mi>x</mi></math><p>after</p>",
    "<html><body><p>a</p></body></html><script>late()</script>",
    // Attributes blanked ahead of the parser, and tags it must leave alone.
    "<script>document.write('<img src=\"x</script>y\">')</script><p>after</p>",
    "<style>a{}</style><p class=k>after style</p>",
    "<p><a href=\"x\" class=y>l</a><a  HREF = 'z' CLASS=\"c\">m</a><img src=a/b.png alt=A /><br/></p>",
    "<div data-x=\"a>b\" class=\"k\">t</div><div data-y='<p>' id=i>u</div>",
    "<div title=a&amp;b class=c>t</div><div a= class=b>t</div><div =x class=y>t</div>",
    "<div / class=y>t</div><div class=y/>u</div><div href=x/>v</div>",
    "<div class=\"unterminated>t</div><p>x</p>",
    "<div\u{0C}class=y>t</div><div\tclass=z\nid=w>u</div>",
    "<DIV CLASS=Y ID=Z STYLE='display:none'>hidden</DIV><P CLASS=P>shown</P>",
    "<div " + String(repeating: "x", count: 120) + "=1 class=y>long name</div>",
    "<" + String(repeating: "d", count: 120) + " class=y>long tag</div>",
    "<p>a</p>\u{0}<div href=x class=y>after nul</div>",
    "<p>caf\u{E9}</p><a href=\"/caf\u{E9}\" class=\"\u{E9}\">\u{E9}</a>",
    "<div hidden class=a><p>hidden by attribute</p></div><div aria-hidden=TRUE>x</div>",
    "<meta name=description content=\"d\"><meta property=og:title content=T><p>x</p>",
    "<p>a<b>b</b><i data-a=1 data-b=2 class=c>c</i><span onclick=\"f('>')\">d</span></p>",
    "<a href=x class=a><a href=y class=a>nested</a></a><p>x</p>",
    "<p>one<br data-x=1>two<br class=k>three</p>",
    "<ul><li data-i=1>one<li data-i=2 class=two>two</ul>",
    // Kept values read ahead of the parser: the first of a name only, entities and short
    // unquoted values left to libxml2, implied elements in between, several end tags at one `>`.
    "<p>x</p><div class class=\"second\">a</div><div CLASS=\"a\" class=\"b\" id=i ID=j>b</div>",
    "<p>x</p><div class=\"a&amp;b\" id=\"c\">e</div><div class=x id=yz style=display:none>u</div>",
    "<p>x</p><div id=\"\" class='' title=\"t\">empty</div><div class=\"a\nb\" id='\u{4E2D}\u{6587}'>nl</div>",
    "<html id=\"h\"/><em  style = \"\n\">implied</em><script/>text<ul\ntype = \"\u{4E2D}x\">< p>",
    "<div><p><b>x</div><span class=\"k\" id=\"s\">after several end tags</span>",
    "<p>a</p><body class=\"late\" id=\"b\"><p class=\"in\">x</p><html class=\"h2\"><p>y</p>",
    "<p>a</p><meta name=\"author\" content=\"A B\"><script type=\"application/ld+json\">{}</script>",
    "<p>a</p><br class=\"k\"/><img alt=\"Logo\" src=x /><hr class=ab/><p class=\"c\" / >z</p>",
    "<p>a</p><o:p class=\"o\">office</o:p><x-card itemprop=\"author\" role=\"note\">n</x-card>",
  ]

  @Test("the fast parse and htmlReadMemory give the same tree on edge cases")
  func edgeCasesAgree() throws {
    for page in Self.edgeCases {
      let (fast, plain) = try Self.trees(Array(page.utf8))
      #expect(fast == plain, "\(page)")
    }
  }

  @Test("the fast parse and htmlReadMemory give the same tree on 20,000 random tag soups")
  func randomSoupsAgree() throws {
    var soup = TagSoup(seed: 0x1234_5678)
    var differing: [String] = []
    for _ in 0..<20000 {
      let page = soup.page()
      let (fast, plain) = try Self.trees(page)
      if fast != plain { differing.append(String(decoding: page, as: UTF8.self)) }
    }
    #expect(differing.isEmpty, "\(differing.count) pages differ; first: \(differing.first ?? "")")
  }

  @Test("bytes the raw-text skip refuses (NUL, ill-formed UTF-8) still give the same tree")
  func refusedBytesAgree() throws {
    let prefix = Array("<div><script>a".utf8)
    let suffix = Array("b</script><p>after</p></div>".utf8)
    for middle: [UInt8] in [
      [0x00], [0xFF], [0xC3, 0x3C], [0xE2, 0x82], [0xF0, 0x80, 0x80, 0x80],
    ] {
      let (fast, plain) = try Self.trees(prefix + middle + suffix)
      #expect(fast == plain, "\(middle)")
      // The same bytes in text before a tag and inside its attributes.
      for page in [
        Array("<p>a".utf8) + middle + Array("<a href=x class=y>b</a></p>".utf8),
        Array("<p>a<a href=\"x".utf8) + middle + Array("\" class=y>b</a></p>".utf8),
        Array("<p>a<a href=x".utf8) + middle + Array(" class=y>b</a></p>".utf8),
      ] {
        let (fast, plain) = try Self.trees(page)
        #expect(fast == plain, "\(page)")
      }
    }
  }

  @Test("the raw-text skip leaves out script text but keeps JSON-LD")
  func skipsScriptText() throws {
    let page = """
      <html><head><script>var secret = "hidden";</script>
      <script type="application/ld+json">{"headline":"Kept"}</script></head>
      <body><p>Visible</p></body></html>
      """
    let tree = try HTMLParser.tree(utf8: Array(page.utf8), path: "page.html")
    #expect(tree.jsonLD == [#"{"headline":"Kept"}"#])
    #expect(tree.nodes.contains { $0.text == "Visible" })
    #expect(!tree.nodes.contains { $0.text.contains("secret") })
  }

  @Test("the fast parse and htmlReadMemory give the same tree on fixture and corpus pages")
  func fixturesAgree() throws {
    let pages = try decodedFixtureAndCorpusPages()
    for page in pages {
      let (fast, plain) = try Self.trees(page.utf8)
      #expect(fast == plain, "\(page.path)")
    }
    #expect(pages.count >= 20)
  }

  @Test(
    "the fast parse and htmlReadMemory give the same tree on the 181 benchmark pages",
    .enabled(if: BenchmarkF1Tests.enabled, BenchmarkF1Tests.skipNote))
  func benchmarkPagesAgree() throws {
    let folder = BenchmarkF1Tests.benchFolder.appendingPathComponent("html")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      Issue.record("Expected the benchmark pages in \(folder.path)")
      return
    }
    let pages = names.filter { $0.hasSuffix(".html.gz") }.sorted()
    #expect(pages.count == 181)
    let mismatches = Bodies(count: pages.count)
    DispatchQueue.concurrentPerform(iterations: pages.count) { index in
      let path = folder.appendingPathComponent(pages[index]).path
      guard let bytes = try? FileReader.read(path: path, limit: 50_000_000) else {
        mismatches.set(index, "unreadable")
        return
      }
      let utf8 = TextDecoding.decode(bytes, sniffMarkup: true).utf8
      guard let (fast, plain) = try? Self.trees(utf8) else {
        mismatches.set(index, "unparsable")
        return
      }
      mismatches.set(index, fast == plain ? "" : "trees differ")
    }
    for (name, problem) in zip(pages, mismatches.values()) where !problem.isEmpty {
      Issue.record("\(name): \(problem)")
    }
  }
}

/// Seeded random HTML-like bytes: tags extraction keeps, drops or reads raw, attributes with
/// every quoting style and awkward values, comments, stray `<`, entities, non-ASCII text, and
/// now and then a NUL or an ill-formed UTF-8 byte, to exercise the compact parse's refusals.
struct TagSoup {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// splitmix64.
  private mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  private mutating func pick(_ choices: [String]) -> String { choices[below(choices.count)] }

  static let tags = [
    "p", "div", "span", "a", "b", "i", "em", "script", "style", "title", "meta", "img", "br",
    "table", "tr", "td", "ul", "li", "blockquote", "h1", "pre", "html", "head", "body",
    "noscript", "template", "svg", "select", "option", "article", "time", "link", "P", "DiV",
    "Script", "x-card", "o:p", "h-1", "textarea", "iframe",
  ]
  static let names = [
    "class", "id", "href", "src", "alt", "style", "hidden", "aria-hidden", "data-x", "content",
    "name", "property", "type", "onclick", "rel", "datetime", "itemprop", "CLASS", "Alt",
    "srcset", "x:y", "_a", ".b", "-c", "1d", "=",
  ]
  static let pieces = [
    "text", "more text", "Grüße", "中文", "🙂", "a < b", "x > y", "&amp;", "&lt;p&gt;", "&nbsp;",
    "'", "\"", "=", "/", " ", "\n", "\t", "", "layoffs at Acme", "ai-native",
    "application/ld+json", "display:none", "true", "{\"@type\":\"NewsArticle\"}",
  ]

  private mutating func value() -> String {
    (0..<below(4)).map { _ in pick(Self.pieces) }.joined()
  }

  private mutating func attribute() -> String {
    let name = pick(Self.names)
    switch below(6) {
    case 0: return name
    case 1: return "\(name)=\(value().filter { !" \t\n>".contains($0) })"
    case 2: return "\(name)='\(value().filter { $0 != "'" })'"
    case 3: return "\(name) = \"\(value().filter { $0 != "\"" })\""
    case 4: return "\(name)=\"\(value())"  // unterminated
    default: return "\(name)=\"\(value().filter { $0 != "\"" })\""
    }
  }

  private mutating func startTag() -> String {
    var tag = "<" + pick(Self.tags)
    for _ in 0..<below(4) { tag += pick([" ", "  ", "\n", "\t"]) + attribute() }
    return tag + pick([">", ">", ">", " >", "/>", " />", ""])
  }

  /// One page of 5 to 60 pieces.
  mutating func page() -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<(5 + below(56)) {
      switch below(12) {
      case 0, 1, 2, 3: bytes += Array(startTag().utf8)
      case 4, 5: bytes += Array("</\(pick(Self.tags))>".utf8)
      case 6:
        bytes += Array(
          pick(["<!-- c -->", "<!doctype html>", "<![CDATA[x]]>", "<!--", "<?x?>"]).utf8)
      case 7: bytes += Array(pick(["<", "</", "< p>", "<1>", "<>", "</ >", "<a<b>"]).utf8)
      case 8 where below(8) == 0: bytes.append(pick(["nul", "bad"]) == "nul" ? 0 : 0xC3)
      default: bytes += Array(value().utf8)
      }
    }
    return bytes
  }
}
