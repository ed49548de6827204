import Testing

@testable import MemoExtraction

/// Page templates that hid the body or leaked markup: each test page is written here and shows
/// one mechanism.
@Suite("Page templates")
struct PageTemplateTests {
  static let body = """
    <article><h1>Notes from the workshop</h1>
    <p>The workshop rebuilt its ordering system over the winter, moving every form onto one shared ledger.</p>
    <p>Staff who used to retype orders now check them, and the backlog that ran to three weeks is gone.</p>
    </article>
    """

  @Test("An Alpine.js @handler with => in its value does not turn the rest of the tag into text")
  func alpineAttributes() throws {
    let page = """
      <html><body><nav><ul class="menu" @closemobile="open = false; $nextTick(() => $refs.openButton.focus())"
        x-init="menu = [{'ID':501,'post_title':'Home','url':'/'}]"><li><a href="/">Home</a></li></ul></nav>
      \(Self.body)</body></html>
      """
    let memo = try extractHTML(page)
    let text = memo.paragraphs.joined(separator: "\n")
    #expect(!text.contains("$refs"))
    #expect(!text.contains("x-init"))
    #expect(memo.paragraphs.first?.hasPrefix("The workshop rebuilt") == true)
  }

  @Test("Attribute names are rewritten only inside tags, keeping the length")
  func attributeRepairScope() {
    let tag = Array(#"<div @click.outside="a > b" :class="x">"#.utf8)
    let repaired = AttributeNames.repaired(tag)
    #expect(
      String(decoding: repaired, as: UTF8.self) == #"<div _click.outside="a > b" :class="x">"#)
    // Text mentioning a handle, and code shown escaped in a <pre>, stay as they are.
    let text = Array(#"<p>Write to @support="help" or</p><pre>&lt;b @click="go"&gt;</pre>"#.utf8)
    #expect(AttributeNames.repaired(text) == text)
  }

  @Test("A byline marked by class, rel or itemprop gives the author; a commenter does not")
  func markedAuthor() throws {
    let page = """
      <html><body><article><div class="post-author"><span>Written by</span> <a rel="author" href="/u/1">Mira Castellane</a></div>
      \(Self.body)</article>
      <section class="comments"><div class="comment-author">Tobias Renner</div><p>Great post, thanks for sharing this with us all.</p></section>
      </body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.author == "Mira Castellane")
    #expect(memo.authorSource == "byline")

    let onlyComments = """
      <html><body>\(Self.body)
      <section class="comments"><div class="comment-author">Tobias Renner</div><p>Great post, thanks for sharing this with us all.</p></section>
      </body></html>
      """
    #expect(try extractHTML(onlyComments).author == nil)

    let itemprop = """
      <html><body><div itemprop="author" itemscope><span itemprop="name">Ines de la Vega</span><span>Staff writer</span></div>
      \(Self.body)</body></html>
      """
    #expect(try extractHTML(itemprop).author == "Ines de la Vega")

    // The box's label is not part of the name.
    #expect(HTMLReader.authorName("Author Tove Ekdahl") == "Tove Ekdahl")
    #expect(HTMLReader.authorName("Written by Tove Ekdahl, Senior Editor") == "Tove Ekdahl")
  }

  @Test("A person named in the page's byline beats an author that is the site itself")
  func organizationAuthorGivesWay() throws {
    let page = """
      <html><head><meta property="og:site_name" content="Harbor Tools"><meta name="author" content="Harbor Tools"></head>
      <body><span class="byline">By Petra Lindqvist</span>\(Self.body)</body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.author == "Petra Lindqvist")
  }

  @Test("A one-paragraph pull quote over a name and a title is not a quoted memo")
  func pullQuote() throws {
    let page = """
      <html><body><article><h1>Six reading clubs, tried</h1>
      <p>We signed up for six reading clubs over three months and compared what arrived, how often, and at what price.</p>
      <blockquote><p>"Reading together keeps a habit alive: pick the books that excite you and find the words that connect with you."</p>
      <p>Dana Hollis</p><p>Museum Director</p></blockquote>
      <p>The first club sent hardcovers every month, wrapped with a short note from the editor who picked them.</p>
      <p>The second sent used paperbacks, cheaper by half, and let members swap a title they did not want.</p>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    #expect(!memo.quoted)
    #expect(memo.paragraphs.contains { $0.hasPrefix("The second sent used paperbacks") })
  }

  @Test("A body streamed in several hidden pieces is read when together they outweigh the page")
  func streamedPieces() throws {
    let piece = { (n: Int) in
      """
      <div hidden id="S:\(n)"><section><h2>Part \(n)</h2><p>Section \(n) of the guide explains, step by step, how a small fund tracks an index, what it costs each year, and why fees matter over decades.</p></section></div>
      """
    }
    let page = """
      <html><body><header><a href="/">Home</a> <a href="/guides">Guides</a></header>
      <main><h1>Index funds, plainly</h1><p>Loading the guide for you.</p></main>
      \((1...4).map(piece).joined())
      <footer><a href="/about">About</a></footer></body></html>
      """
    let memo = try extractHTML(page)
    let text = memo.paragraphs.joined(separator: "\n")
    for n in 1...4 { #expect(text.contains("Section \(n) of the guide")) }
  }

  @Test("A grid of linked headlines inside the body's column neither stops the climb nor stays")
  func linkGridInColumn() throws {
    let section = { (n: Int) in
      """
      <div class="block"><div class="html"><h2>Step \(n)</h2><p>Step \(n) covers the cleaning of one room at a time, with the tools to bring, the order to work in, and how long it usually takes a crew of two.</p></div></div>
      """
    }
    let links = (1...40).map {
      "<div class=\"cell\"><a href=\"/city\($0)\">Average cleaning costs in city number \($0)</a></div>"
    }
    let page = """
      <html><body><nav><a href="/">Home</a></nav><article><div class="col">
      \((1...5).map(section).joined())
      <div class="grid">\(links.joined())</div>
      </div></article></body></html>
      """
    let memo = try extractHTML(page)
    let text = memo.paragraphs.joined(separator: "\n")
    for n in 1...5 { #expect(text.contains("Step \(n) covers")) }
    #expect(!text.contains("city number"))
  }

  @Test("A copyright footer inside the page's wrapper is left out with its contact lines")
  func footerInWrapper() throws {
    let footer = """
      <div class="f"><div><p>Want to work with us?</p><p>Reach us</p></div><div><p>12 Quay Street, Suite 4, Portmoor</p>
      <p>Copyright © 2025 Fernhill Builders Inc</p></div></div>
      """
    let page = """
      <html><body><div id="main"><div class="content">\(Self.body)</div>\(footer)\(footer)</div></body></html>
      """
    let memo = try extractHTML(page)
    let text = memo.paragraphs.joined(separator: "\n")
    #expect(text.contains("The workshop rebuilt"))
    #expect(!text.contains("Copyright"))
    #expect(!text.contains("Reach us"))
    #expect(!text.contains("Quay Street"))
  }

  @Test("Chrome lines at the ends of an HTML memo go: a title bar and a footer line")
  func chromeLines() throws {
    let page = """
      <html><body><div class="memo"><p>Brightwater Intranet | People | Home</p>
      <p>Team, today we are folding the two support desks into one, and nobody's role is going away in the process.</p>
      <p>Over the next month each of you will meet your new lead, and the rota will stay as it is until June.</p>
      <p>Thanks, Oriel</p><p>© 2025 Brightwater | Privacy | Terms</p></div></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.paragraphs.first?.hasPrefix("Team, today") == true)
    #expect(!memo.paragraphs.contains { $0.contains("Privacy") || $0.contains("Intranet") })
  }

  @Test("A date shown in a date-marked element, or a meta 'published' date, is the date")
  func markedDate() throws {
    let marked = """
      <html><body><div class="post-meta"><span class="dateAndAuthor"><span>Dec 17, 2025</span> <span>Ole Brandt</span></span></div>
      \(Self.body)</body></html>
      """
    let memo = try extractHTML(marked)
    #expect(memo.date == "2025-12-17")
    #expect(memo.dateSource == "dateline")

    let meta = """
      <html><head><meta name="published" content="July 17, 2025"></head><body>\(Self.body)</body></html>
      """
    #expect(try extractHTML(meta).date == "2025-07-17")

    // A related story's card marks its date the same way: not the article's.
    let related = """
      <html><body>\(Self.body)<section class="related-posts"><div class="card"><span class="post-date">Mar 3, 2024</span>
      <a href="/older">An older story</a></div></section></body></html>
      """
    let tree = try HTMLParser.tree(utf8: Array(related.utf8), path: "page.html")
    #expect(HTMLReader.timeDateAndMarkedAuthor(in: tree).markedDate == nil)
  }

  @Test("An article printed after a premature </body></html> is read, as browsers read it")
  func contentAfterEndTags() throws {
    let page = """
      <html><body><header><a href="/">Home</a> <a href="/blog">Blog</a></header></body></html>
      <div class="post">\(Self.body)</div></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.paragraphs.first?.hasPrefix("The workshop rebuilt") == true)
    // Nothing after the end tags: the bytes are left as they are.
    let normal = Array("<html><body><p>Text</p></body></html>\n".utf8)
    #expect(PrematureEndTags.repaired(normal) == normal)
  }
}
