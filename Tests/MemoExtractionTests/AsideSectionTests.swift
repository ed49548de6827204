import Testing

@testable import MemoExtraction

/// Sections that are not the article although they sit in its container: titled asides
/// (related stories, author boxes, newsletter calls) and content rendered twice.
@Suite("Main content: titled asides and repeats")
struct AsideSectionTests {
  static let body = [
    "The library will open on Sundays from March, after the town agreed to pay two more staff members out of the culture budget for a trial year.",
    "Readers asked for Sunday hours in a survey last spring, and more than half of those who answered said they could only visit at weekends.",
    "If the trial draws enough visitors, the council will decide in the autumn whether to keep the Sunday hours and fund them for good.",
  ]

  /// More of the same article, for a body long enough to count as a rendering of its own.
  static let more = [
    "The staff who open on Sundays will work a four-day week, so that the weekday opening hours do not change for anyone who visits after work.",
    "Volunteers from the reading club offered to run a children's story hour on Sunday mornings, which the library hopes will bring in young families.",
    "The café in the entrance hall will open at the same time, and the council has asked its tenant to keep prices the same as on weekdays.",
    "Parking at the town hall next door will be free on Sundays during the trial, since the offices there are closed at the weekend anyway.",
    "A report on visitor numbers, costs and comments from readers will be published in October, before the council votes on the budget.",
  ]

  @Test("A related-stories section of prose teasers inside the article is left out")
  func relatedTeasers() throws {
    let memo = try extractHTML(
      """
      <html><body><div class="article-main">
      <h1>Library opens on Sundays</h1>
      \(Self.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
      <h2>Recent changes to the opening hours</h2>
      <p>Until now the library closed at five on Saturdays and stayed shut all Sunday, as it has done since the building opened in the sixties.</p>
      <div class="box-wide"><h3>Related Posts</h3>
      <div class="card"><p>The swimming pool reopens after a winter of repairs, with a new roof and a longer season for the outdoor lanes in summer.</p></div>
      <div class="card"><p>A second market day is planned for the square, with stalls for local growers, bakers and cheese makers every Wednesday.</p></div>
      </div></div></body></html>
      """)
    for sentence in Self.body { #expect(memo.paragraphs.contains(sentence)) }
    // An article's own subhead with a list word in it is kept with its section.
    #expect(memo.body.contains("Until now the library closed"))
    #expect(!memo.body.contains("swimming pool"))
    #expect(!memo.body.contains("market day"))
    #expect(!memo.body.contains("Related Posts"))
  }

  @Test("An author box and a newsletter call after the body are left out")
  func authorBoxAndNewsletter() throws {
    let memo = try extractHTML(
      """
      <html><body><article><div class="entry">
      \(Self.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
      <p>About the Author</p>
      <p>Mara Lind has covered the town council for the paper since 2019 and writes a weekly column on local services and budgets.</p>
      </div>
      <div class="wrap"><h4>Subscribe to our newsletter</h4>
      <p>Get the week's stories from the town hall in your inbox every Friday morning, free of charge and without advertising.</p></div>
      </article></body></html>
      """)
    for sentence in Self.body { #expect(memo.paragraphs.contains(sentence)) }
    #expect(!memo.body.contains("Mara Lind"))
    #expect(!memo.body.contains("inbox"))
  }

  @Test("A title in the body's own words stays, and so does the body after a share label")
  func articleTitlesStay() throws {
    #expect(SectionTitles.isAsideTitle("Related Posts"))
    #expect(SectionTitles.isAsideTitle("More from The Riverside Gazette"))
    #expect(SectionTitles.isAsideTitle("More in Local Sport"))
    #expect(!SectionTitles.isAsideTitle("More in common"))
    #expect(SectionTitles.isAsideTitle("Written by Ana Ruiz"))
    #expect(SectionTitles.isAsideTitle("Subscribe to our newsletter!"))
    #expect(SectionTitles.isAsideTitle("Written byAna Ruiz"))
    #expect(SectionTitles.isAsideTitle("Table of Contents"))
    #expect(SectionTitles.isAsideTitle("🔥 Recommended Posts"))
    #expect(SectionTitles.isAsideTitle("» Don't miss"))
    #expect(SectionTitles.isAsideTitle("Ähnliche Artikel"))
    #expect(SectionTitles.isAsideTitle("Share this guide:"))
    #expect(!SectionTitles.isAsideTitle("Share prices fell after the report"))
    #expect(!SectionTitles.isAsideTitle("Recent changes to the opening hours"))
    #expect(!SectionTitles.isAsideTitle("More staff for the weekend"))
    #expect(!SectionTitles.isAsideTitle("Why related tasks share one budget line in the plan"))
    let memo = try extractHTML(
      """
      <html><body><div class="post">
      <p>Share this article</p>
      \(Self.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
      </div></body></html>
      """)
    #expect(memo.paragraphs == Self.body)
  }

  @Test("A body rendered twice (one copy per screen size) is kept once; a repeated line stays")
  func repeatedRendering() throws {
    let copy = (Self.body + Self.more).map { "<p>\($0)</p>" }.joined(separator: "\n")
    let memo = try extractHTML(
      """
      <html><body><main>
      <div class="content-mobile">\(copy)<p>Visit the library website</p></div>
      <div class="content-desktop">\(copy)<p>Visit the library website</p></div>
      </main></body></html>
      """)
    #expect(memo.paragraphs.filter { $0 == Self.body[0] }.count == 1)
    #expect(memo.paragraphs.filter { $0 == Self.body[2] }.count == 1)
    let list = try extractHTML(
      """
      <html><body><article>
      \(copy)
      <p>Opening hours are listed on the website of the town library.</p>
      <p>The library keeps a waiting list for the reading room on Sundays.</p>
      <p>Opening hours are listed on the website of the town library.</p>
      </article></body></html>
      """)
    #expect(list.paragraphs.filter { $0.hasPrefix("Opening hours") }.count == 2)
  }

  @Test("A short table wrapped in a figure is content; an image caption is not")
  func tableInFigure() throws {
    let memo = try extractHTML(
      """
      <html><body><article>
      \(Self.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
      <figure class="wp-block-table"><table><tbody>
      <tr><td>Saturday</td><td>9:00 to 17:00</td></tr>
      <tr><td>Sunday</td><td>11:00 to 16:00</td></tr>
      </tbody></table></figure>
      <figure><img src="library.jpg"><figcaption>The reading room on a weekday morning.</figcaption></figure>
      </article></body></html>
      """)
    #expect(memo.body.contains("11:00 to 16:00"))
    #expect(!memo.body.contains("reading room on a weekday"))
  }

  @Test("A table of contents over the body goes with its list; the body stays")
  func tableOfContents() throws {
    let memo = try extractHTML(
      """
      <html><body><article>
      <h2>Table of Contents</h2>
      <ul><li><a href="#why">Why Sundays</a></li><li><a href="#cost">What it costs</a></li>
      <li><a href="#next">What comes next</a></li></ul>
      \(Self.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
      </article></body></html>
      """)
    #expect(memo.paragraphs == Self.body)
  }

  @Test("A long list of thanked names does not outscore a body split over rows")
  func commaListDoesNotWin() throws {
    let names = (1...90).map { "Name\($0) Surname\($0 * 7)" }.joined(separator: ", ")
    let rows = Self.body.map {
      "<div class=\"row\"><div class=\"col\"><p>\($0)</p></div></div>"
    }.joined(separator: "\n")
    let memo = try extractHTML(
      """
      <html><body><main>
      <div class="rows">\(rows)</div>
      <div class="credits"><p>Special thanks to everyone who helped: \(names).</p></div>
      </main></body></html>
      """)
    for sentence in Self.body { #expect(memo.paragraphs.contains(sentence)) }
  }

  @Test("A share label at the top of the body's wrapper takes only itself, not the body")
  func shareLabelOverBody() throws {
    #expect(SectionTitles.kind(of: "Share:") == .label)
    #expect(SectionTitles.kind(of: "You Might Also Like") == .section)
    let paragraphs = (Self.body + Self.more).map { "<p>\($0)</p>" }
    let memo = try extractHTML(
      """
      <html><body><main>
      <div class="intro"><div class="social"><h3 class="social-title">Share:</h3>
      <a href="/fb">Facebook</a> <a href="/mail">Email</a></div>
      \(paragraphs[0...2].joined(separator: "\n"))</div>
      <div class="story">\(paragraphs[3...].joined(separator: "\n"))</div>
      <div class="related-box"><h2>You Might Also Like</h2>
      <p>Ten ways to keep a vegetable patch going through a dry summer without a hose pipe ban.</p></div>
      </main></body></html>
      """)
    for sentence in Self.body + Self.more { #expect(memo.paragraphs.contains(sentence)) }
    #expect(!memo.body.contains("vegetable patch"))
  }

  @Test("Placeholder copy (lorem ipsum) in a template's widget is not body text")
  func placeholderCopy() throws {
    #expect(ContentExtractor.isPlaceholder("Lorem ipsum dolor sit amet, consectetur."))
    #expect(ContentExtractor.isPlaceholder("LOREM IPSUM dolor"))
    #expect(!ContentExtractor.isPlaceholder("Lorem, the town's baker, said ipsum nothing."))
    let memo = try extractHTML(
      """
      <html><body><article>
      \(Self.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
      <div class="slot"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p></div>
      </article></body></html>
      """)
    #expect(memo.paragraphs == Self.body)
  }
}
