import Dispatch
import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

/// The fast parse (`memoscope_html_read` with its SAX hook) must give `makeTree` exactly what
/// plain `htmlReadMemory` gives it.
@Suite("HTML document")
struct HTMLDocumentTests {
  /// Every field of a tree, one line per node, so two trees compare as string arrays.
  static func describe(_ tree: HTMLTree) -> [String] {
    var lines = ["title: \(tree.title ?? "<nil>")"]
    lines += tree.metas.map { "meta \($0.key)=\($0.value)" }
    lines += tree.jsonLD.map { "json-ld \($0)" }
    for (index, node) in tree.nodes.enumerated() {
      let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
      lines.append(
        "\(index) \(node.name) parent \(node.parent) first \(node.firstChild) next \(node.nextSibling) [\(attributes)] \(node.text)"
      )
    }
    return lines
  }

  static func trees(_ utf8: [UInt8]) throws -> (fast: [String], plain: [String]) {
    let fast = try HTMLDocumentHandle(utf8: utf8, path: "page.html", fast: true).makeTree()
    let plain = try HTMLDocumentHandle(utf8: utf8, path: "page.html", fast: false).makeTree()
    return (describe(fast), describe(plain))
  }

  /// Pages written to hit each branch of the raw-text skip and its refusals.
  static let edgeCases: [String] = [
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
  ]

  @Test("the fast parse and htmlReadMemory give the same tree on edge cases")
  func edgeCasesAgree() throws {
    for page in Self.edgeCases {
      let (fast, plain) = try Self.trees(Array(page.utf8))
      #expect(fast == plain, "\(page)")
    }
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
    }
  }

  @Test("the raw-text skip leaves out script text but keeps JSON-LD")
  func skipsScriptText() throws {
    let page = """
      <html><head><script>var secret = "hidden";</script>
      <script type="application/ld+json">{"headline":"Kept"}</script></head>
      <body><p>Visible</p></body></html>
      """
    let tree = try HTMLDocumentHandle(utf8: Array(page.utf8), path: "page.html").makeTree()
    #expect(tree.jsonLD == [#"{"headline":"Kept"}"#])
    #expect(tree.nodes.contains { $0.text == "Visible" })
    #expect(!tree.nodes.contains { $0.text.contains("secret") })
  }

  @Test("the fast parse and htmlReadMemory give the same tree on fixture and corpus pages")
  func fixturesAgree() throws {
    let folders = [Fixtures.root, Fixtures.repositoryRoot.appendingPathComponent("Corpus")]
    var checked = 0
    for folder in folders {
      let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
      while let url = files?.nextObject() as? URL {
        guard ["html", "htm"].contains(url.pathExtension.lowercased()) else { continue }
        let bytes = try Array(Data(contentsOf: url))
        let utf8 = TextDecoding.decode(bytes, sniffMarkup: true).utf8
        guard !utf8.isEmpty else { continue }
        let (fast, plain) = try Self.trees(utf8)
        #expect(fast == plain, "\(url.path)")
        checked += 1
      }
    }
    #expect(checked >= 20)
  }

  @Test("the fast parse and htmlReadMemory give the same tree on the 181 benchmark pages")
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
