import Testing

@testable import MemoExtraction

/// A story about a memo read from a print view, which keeps no meta tags: the reporter's
/// byline in the text marks it as news, and the memo's writer, company and day come from the
/// story. A Korean agency's story names the writer as name, company, role. Every page is
/// invented.
@Suite("News about a memo: print views and Korean wire copy")
struct NewsPrintViewTests {
  static func page(byline: String) -> String {
    """
    <html><head><title>Print: Brightwell Instruments cuts a fifth of its staff</title></head>
    <body><div class="print-header">printed from journal.test on 03/12/2026</div>
    <h2>Brightwell Instruments cuts a fifth of its staff</h2>
    <p>Mar 4, 2026, 2:10pm GMT · \(byline)</p>
    <p>Leeds instrument maker Brightwell Instruments laid off 40 employees, a fifth of its staff,
    on Monday, according to an internal email from chief executive Ola Berg.</p>
    <p>"We are narrowing to laboratory customers," Berg wrote in the email.</p>
    <p>Brightwell raised £12 million last year.</p>
    </body></html>
    """
  }

  @Test("A reporter's byline in the text marks a story: writer, company and day from it")
  func printView() throws {
    let memo = try extractHTML(Self.page(byline: "By Tove Lind – Staff Reporter, Leeds Journal"))
    #expect(memo.title == "Brightwell Instruments cuts a fifth of its staff")
    #expect(memo.author == "Ola Berg")
    #expect(memo.company == "Brightwell Instruments")
    #expect(memo.date == "2026-03-02")
  }

  @Test("Only a reporter's title makes a byline line a story's")
  func reporterLine() {
    #expect(NewsAboutMemo.reporterLine(in: ["By Tove Lind – Staff Reporter"]))
    #expect(NewsAboutMemo.reporterLine(in: ["Story by Tove Lind, correspondent"]))
    #expect(!NewsAboutMemo.reporterLine(in: ["By the end of March we will close Leeds."]))
    #expect(!NewsAboutMemo.reporterLine(in: ["Reporter tools we use every day"]))
  }

  @Test("A Korean story names the memo's writer as name, company and role; the agency is none")
  func koreanWireCopy() throws {
    let page = """
      <html lang="ko"><head><title>가람제지, 청주 공장 폐쇄…직원 80명 감원</title>
      <meta property="og:site_name" content="한빛통신"><meta name="author" content="이도윤 기자">
      </head><body><article><h1>가람제지, 청주 공장 폐쇄…직원 80명 감원</h1>
      <p>(서울=한빛통신) 이도윤 기자 = 가람제지가 청주 공장을 내년 2월 닫고 직원 80명을 줄이기로 했다.</p>
      <p>5일 업계에 따르면 정하은 가람제지 대표는 이날 전 직원에게 보낸 사내 메일에서 "수요 감소로 공장 운영이 어렵다"고 밝혔다.</p>
      <p>가람제지 측은 "보상 조건은 노조와 협의 중"이라고 말했다.</p>
      <p>&lt;저작권자(c) 한빛통신, 무단 전재-재배포 금지&gt;</p>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.author == "정하은")
    #expect(memo.company == "가람제지")
    let writer = NewsAboutMemo.koreanWriter(in: "정하은 가람제지 대표는 사내 메일에서 밝혔다.")
    #expect(writer?.person == "정하은" && writer?.company == "가람제지")
    // Without a word for a message to staff, a name before a role is no memo's writer.
    #expect(NewsAboutMemo.koreanWriter(in: "정하은 가람제지 대표는 기자회견에서 밝혔다.") == nil)
  }
}
