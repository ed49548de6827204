import Testing

@testable import MemoExtraction

/// Main-content selection on page shapes that publisher templates produce. Each page is
/// written here and shows one mechanism.
@Suite("Main content: publisher templates")
struct MainContentTests {
  /// One page-builder section: the paragraph sits four wrappers deep.
  static func section(_ heading: String, _ text: String) -> String {
    """
    <section class="pb-section"><div class="pb-container"><div class="pb-column">
    <div class="pb-widget"><div class="pb-widget-inner"><h2>\(heading)</h2>
    <p>\(text)</p></div></div></div></div></section>
    """
  }

  @Test("A body split over sibling sections, each deep in wrappers, comes out whole")
  func bodySplitOverSections() throws {
    let sentences = [
      "Composting at home starts with a bin in a shady corner, a mix of green and brown waste, and the patience to turn it every week or so.",
      "Green waste means kitchen scraps, coffee grounds and fresh clippings, which bring nitrogen, while brown waste such as dry leaves brings carbon.",
      "Keep the heap as damp as a wrung-out sponge, since a dry heap stalls and a soaked one smells, and cover it when heavy rain is forecast.",
      "After three to six months the bottom of the heap turns dark and crumbly, and that finished compost can be dug into beds or spread as mulch.",
    ]
    let sections = sentences.enumerated().map { Self.section("Step \($0.offset + 1)", $0.element) }
    let memo = try extractHTML(
      """
      <html><body>
      <header class="site-header"><a href="/">Home</a> <a href="/garden">Garden</a></header>
      <main><div class="page-builder">\(sections.joined(separator: "\n"))</div></main>
      <aside class="sidebar"><p>Popular this week: ten shrubs that flower in winter, chosen by our readers.</p></aside>
      </body></html>
      """)
    for sentence in sentences { #expect(memo.paragraphs.contains(sentence)) }
    #expect(!memo.body.contains("Popular this week"))
  }

  @Test("A body streamed into a hidden element is read; a small hidden menu is not")
  func streamedHiddenBody() throws {
    let memo = try extractHTML(
      """
      <html><body>
      <a href="#main">Skip to content</a>
      <nav hidden><a href="/a">Menu entry one</a> <a href="/b">Menu entry two</a></nav>
      <div id="shell"><p>Loading</p></div>
      <div hidden id="stream-0"><article>
      <h1>Why the river flooded twice</h1>
      <p>The river rose over its banks twice in one month, and the second flood reached streets that had stayed dry for forty years.</p>
      <p>Engineers say the first flood left silt in the channel, so the same rain a fortnight later had less room to go and spilled sooner.</p>
      <p>The council will dredge the channel this summer and has asked residents on the lowest streets to keep sandbags at hand until then.</p>
      </article></div>
      <footer><p>© 2026 Riverside Gazette</p></footer>
      </body></html>
      """)
    #expect(memo.paragraphs.count == 3)
    #expect(memo.paragraphs.first?.hasPrefix("The river rose over its banks") == true)
    #expect(!memo.body.contains("Menu entry"))
  }

  @Test("A hidden element smaller than the visible page stays hidden")
  func hiddenTabStaysHidden() throws {
    let memo = try extractHTML(
      """
      <html><body><article>
      <p>The orchestra will play three concerts in the old mill this spring, each with a different conductor and a programme of new pieces.</p>
      <p>Tickets go on sale on Monday, and students pay half price at the door on the evening of each concert if seats remain.</p>
      <div hidden><p>Draft note: check the dates with the mill before publishing.</p></div>
      </article></body></html>
      """)
    #expect(memo.paragraphs.count == 2)
    #expect(!memo.body.contains("Draft note"))
  }

  @Test("A page swallowed by an unclosed menu button is still read; a button's label is not")
  func unclosedButton() throws {
    let memo = try extractHTML(
      """
      <html><body>
      <header class="header"><div class="menu-container"><button class="menu-button">Menu
      <main><article>
      <p>Tomatoes need six to eight hours of sun a day, so choose the brightest spot in the garden before anything else.</p>
      <p>Plant them deep, up to the first leaves, because the buried stem grows roots and the plant stands firmer in wind.</p>
      <p><button class="share">Share this tip</button>Water at the base in the morning, and the leaves stay dry and healthy.</p>
      </article></main>
      </body></html>
      """)
    #expect(memo.paragraphs.count == 3)
    #expect(memo.paragraphs[0].hasPrefix("Tomatoes need six to eight hours"))
    #expect(
      memo.paragraphs[2] == "Water at the base in the morning, and the leaves stay dry and healthy."
    )
  }

  @Test("Teaser cards (a link around a headline and a blurb) are links, not body")
  func teaserCardsAreLinks() throws {
    let card = """
      <a href="/story"><div class="card"><h3>Another story from the same desk this week</h3>
      <p>A short blurb that sums up the other story in one sentence for readers.</p></div></a>
      """
    let memo = try extractHTML(
      """
      <html><body><div class="layout">
      <div class="story">
      <p>The ferry will stop running on Sundays from March, the operator said, after passenger numbers fell for a third year.</p>
      <p>Islanders say the Sunday crossing is the only way to reach the hospital on the mainland without a private boat.</p>
      </div>
      <div class="more">\(String(repeating: card, count: 8))</div>
      </div></body></html>
      """)
    #expect(memo.paragraphs.count == 2)
    #expect(!memo.body.contains("A short blurb"))
  }
}

@Suite("Memo evidence")
struct MemoEvidenceTests {
  @Test("Salutations, headers, sign-offs and staff address count; other quotations do not")
  func evidence() {
    #expect(MemoEvidence.readsAsMemo(["Team,", "Today is a hard day."]))
    #expect(MemoEvidence.readsAsMemo(["Hi all, a quick update on our plans."]))
    #expect(MemoEvidence.readsAsMemo(["Acme colleagues:", "We are changing how we work."]))
    #expect(
      MemoEvidence.readsAsMemo(["To: All staff", "Date: May 2", "We are closing the office."]))
    #expect(
      MemoEvidence.readsAsMemo(["We are closing the Leeds office.", "Thanks,", "Dana Whitfield"]))
    #expect(
      MemoEvidence.readsAsMemo([
        "Today we are making changes that affect our teams. We will reduce our support staff, and we know this is hard news for you.",
        "If you are affected, your manager will call you today.",
      ]))
    // An excerpt from a report, a poem's stanza, an attributed press quote.
    #expect(
      !MemoEvidence.readsAsMemo([
        "The survey of 2,000 households found that energy bills rose by a fifth over the year, with the largest rises in rural areas.",
        "Households heating with oil saw the steepest increases.",
      ]))
    #expect(
      !MemoEvidence.readsAsMemo(["All the rivers run into the sea;", "yet the sea is not full."]))
    #expect(
      !MemoEvidence.readsAsMemo([
        "We remain committed to our customers and our long-term strategy.", "— Jane Doe",
      ]))
  }

  @Test("A long blockquote without memo evidence leaves the story whole")
  func blockquoteWithoutEvidence() throws {
    let memo = try extractHTML(
      """
      <html><body><article>
      <p>The regulator published its annual review on Tuesday, and its findings on rail punctuality were blunt.</p>
      <blockquote><p>Punctuality on the northern routes fell for the fourth consecutive year. Fewer than two in three trains arrived within five minutes of the timetable, and cancellations doubled on the busiest lines during the winter months.</p>
      <p>The review found that most delays began with a shortage of drivers rather than with faults in the track or the trains themselves, a pattern seen across several operators.</p></blockquote>
      <p>The operators said they were recruiting drivers and expected improvements by the autumn.</p>
      </article></body></html>
      """)
    #expect(!memo.quoted)
    #expect(memo.paragraphs.count == 4)
  }
}

@Suite("Paragraphs: bullets, headlines, page breaks, preformatted spaces")
struct ParagraphShapeTests {
  @Test("A bullet in its own span is not a paragraph")
  func bulletSpans() throws {
    let item = { (text: String) in
      "<div class=\"item\"><span class=\"bullet\">•</span><div>\(text)</div></div>"
    }
    let memo = try extractHTML(
      """
      <html><body><article>
      <p>Here is how the support team will work from next month, after the reorganisation.</p>
      \(item("Fewer handovers. Each ticket keeps one owner from the first reply to the last."))
      \(item("Shorter queues. Nobody waits more than a day for a first answer from a person."))
      </article></body></html>
      """)
    #expect(!memo.paragraphs.contains { $0 == "•" })
    #expect(memo.paragraphs.count == 3)
    #expect(memo.paragraphs[1].hasPrefix("Fewer handovers."))
  }

  @Test("A headline repeated under the <h1> is not paragraph 1")
  func headlineNotRepeated() throws {
    let memo = try extractHTML(
      """
      <html><head><title>Harbourline closes its Leeds depot | The Ledger</title></head>
      <body><article><h1>Harbourline closes its Leeds depot</h1>
      <h2 class="title">Harbourline closes its Leeds depot</h2>
      <p>Harbourline will close its Leeds depot in June, moving the work to its two larger sites in the north.</p>
      <p>About 80 drivers and warehouse staff are offered roles at the other sites or a redundancy package.</p>
      </article></body></html>
      """)
    #expect(memo.paragraphs.first?.hasPrefix("Harbourline will close") == true)
    #expect(memo.paragraphs.count == 2)
  }

  @Test("A sentence cut by a page break in a <pre> exhibit is one paragraph")
  func pageBreakInPre() throws {
    let memo = try extractHTML(
      """
      <html><body><pre>
      To all employees:

      Today we are announcing that the Company will reduce its workforce by about
      300 positions, and the affected employees will be told in person by their


                                          2


      managers before the end of the week.

      We thank every one of them for their service.
      </pre></body></html>
      """)
    #expect(
      memo.paragraphs.contains(
        "Today we are announcing that the Company will reduce its workforce by about 300 positions, and the affected employees will be told in person by their managers before the end of the week."
      ))
  }

  @Test("A no-break space inside <pre> counts in the block's length")
  func noBreakSpaceInPre() throws {
    let tree = try HTMLParser.tree(
      utf8: Array("<html><body><pre>a\u{00A0}b\u{00A0}\u{00A0}c</pre></body></html>".utf8),
      path: "t.html")
    let body = Int32(tree.nodes.firstIndex { $0.name == "body" }!)
    let blocks = BlockBuilder.blocks(in: tree, from: body)
    #expect(blocks.count == 1)
    #expect(blocks[0].length == blocks[0].text.unicodeScalars.count)
  }
}
