import Testing

@testable import MemoExtraction

/// Each metadata field says where it came from, and the sources rank the way the schema says.
@Suite("Metadata sources")
struct MetadataSourceTests {
  static let body =
    "<p>Today we are reducing our teams by about a tenth, as we reorganize the company around "
    + "fewer, larger product groups and the automation we have built over two years.</p>"
    + "<p>Every colleague affected will hear from a manager this morning, and severance starts "
    + "at sixteen weeks of pay.</p>"

  static func page(head: String, article: String = body) -> String {
    "<html><head>\(head)</head><body><article>\(article)</article></body></html>"
  }

  @Test("JSON-LD: an author given as an @id reference to a Person node in @graph")
  func jsonLDReference() throws {
    let script = """
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Article","headline":"Reorganizing Quillmark","author":{"@id":"#/person/7"},
       "datePublished":"2026-03-04T09:00:00Z","publisher":{"@id":"#/org"}},
      {"@type":"Person","@id":"#/person/7","name":"Mara Lindqvist"},
      {"@type":"Organization","@id":"#/org","name":"Quillmark"}]}</script>
      """
    let memo = try extractHTML(Self.page(head: script))
    #expect(memo.author == "Mara Lindqvist")
    #expect(memo.authorSource == "json-ld")
    #expect(memo.title == "Reorganizing Quillmark")
    #expect(memo.titleSource == "json-ld")
    #expect(memo.date == "2026-03-04")
    #expect(memo.dateSource == "json-ld")
    #expect(memo.company == "Quillmark")
    #expect(memo.companySource == "json-ld")
  }

  @Test("JSON-LD: several authors in an array, as strings and objects")
  func jsonLDArray() throws {
    let script = """
      <script type="application/ld+json">[{"@type":"NewsArticle","headline":"A note",
      "author":["Idris Okafor",{"@type":"Person","name":"Tomas Reyes"}]}]</script>
      """
    #expect(try extractHTML(Self.page(head: script)).author == "Idris Okafor and Tomas Reyes")
  }

  @Test("A page's modified date gives way to the memo's own date in the text")
  func modifiedDateLoses() throws {
    let head = "<meta property=\"article:modified_time\" content=\"2026-05-30T10:00:00Z\">"
    let article = "<time datetime=\"2026-03-04\">March 4, 2026</time>" + Self.body
    let memo = try extractHTML(Self.page(head: head, article: article))
    #expect(memo.date == "2026-03-04")
    #expect(memo.dateSource == "time")
    // With nothing better, the modified date is used, and says so.
    let alone = try extractHTML(Self.page(head: head))
    #expect(alone.date == "2026-05-30")
    #expect(alone.dateSource == "meta-modified")
  }

  @Test("A newsroom's name in <title> is reduced to the company, from the title")
  func newsroomTitle() throws {
    let memo = try extractHTML(
      Self.page(head: "<title>A smaller, faster company | Pallister Robotics Newsroom</title>"))
    #expect(memo.company == "Pallister Robotics")
    #expect(memo.companySource == "title")
    #expect(memo.title == "A smaller, faster company")
    #expect(memo.titleSource == "title")
  }

  @Test("Memo headers, sign-offs and plain-text top matter name their sources")
  func plainSources() throws {
    let headers = try extract(
      Array(
        "From: Celia Draycott, CEO\nDate: June 2, 2026\nSubject: Focus\nTo: All Tessaline staff\n\nWe are closing the lab.\n"
          .utf8), as: "memo.txt")
    #expect(headers.titleSource == "memo-header")
    #expect(headers.authorSource == "memo-header")
    #expect(headers.dateSource == "memo-header")
    #expect(headers.company == "Tessaline")
    #expect(headers.companySource == "memo-header")
    let top = try extract(
      Array("A note to the team\nBy Idris Okafor | 12 May 2026\n\nWe are closing the lab.\n".utf8),
      as: "memo.txt")
    #expect(top.titleSource == "first-line")
    #expect(top.authorSource == "byline")
    #expect(top.dateSource == "byline")
    let signed = try extract(
      Array("We are closing the lab after nine good years of work together.\n\nBest,\nNoor\n".utf8),
      as: "memo.txt")
    #expect(signed.author == "Noor")
    #expect(signed.authorSource == "signature")
    #expect(signed.titleSource == nil)
  }
}

/// Author values as pages write them in meta tags and JSON-LD.
@Suite("Author values")
struct AuthorValueTests {
  @Test("Entities are decoded, ends trimmed, ids and placeholders refused")
  func cleaning() {
    #expect(PageMetadata.cleanAuthor("Maria &amp; Katerina") == "Maria & Katerina")
    #expect(PageMetadata.cleanAuthor("O&#39;Neil &#x2014; Staff") == "O'Neil — Staff")
    #expect(PageMetadata.cleanAuthor(", USA TODAY") == "USA TODAY")
    #expect(PageMetadata.cleanAuthor("By Dana Whitfield") == "Dana Whitfield")
    #expect(PageMetadata.cleanAuthor("262588213843476") == nil)
    #expect(PageMetadata.cleanAuthor("{{ author.name }}") == nil)
    #expect(PageMetadata.cleanAuthor("@dana") == nil)
  }

  @Test("Several JSON-LD authors read as a byline lists them; people before organizations")
  func lists() throws {
    func author(_ value: String) throws -> String? {
      try extractHTML(
        MetadataSourceTests.page(
          head:
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":\(value)}</script>"
        )
      ).author
    }
    #expect(try author(#"["Ada Quill","Ben Ortiz"]"#) == "Ada Quill and Ben Ortiz")
    #expect(
      try author(#"["Ada Quill","Ben Ortiz","Cy Vance"]"#) == "Ada Quill, Ben Ortiz, Cy Vance")
    #expect(
      try author(
        #"[{"@type":"Organization","name":"Quillmark"},{"@type":"Person","name":"Ada Quill"}]"#)
        == "Ada Quill")
    #expect(try author(#"{"@type":"Organization","name":"Quillmark"}"#) == "Quillmark")
  }
}
