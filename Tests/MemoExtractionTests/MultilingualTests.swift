import Testing

@testable import MemoExtraction

/// Extraction in other languages and scripts: dates and bylines written the way each
/// language writes them, lengths of text without spaces, ruby readings, bidirectional marks
/// and section titles. Every page is written here, a few fictional sentences in each language.
@Suite("Multilingual extraction")
struct MultilingualTests {
  @Test(
    "Day-month-year dates of other languages, and East Asian year-first dates",
    arguments: [
      "4 mars 2026", "Publié le 4 mars 2026 à 10h15", "4. März 2026", "4 de marzo de 2026",
      "4 marzo 2026", "4 maart 2026", "4 de março de 2026", "4 марта 2026 г.", "4 marca 2026",
      "4 Mart 2026 Çarşamba", "4 березня 2026", "4. března 2026", "2026. március 4.",
      "4 Μαρτίου 2026", "4 مارس 2026", "٤ مارس ٢٠٢٦", "4 मार्च 2026", "४ मार्च २०२६",
      "ngày 4 tháng 3 năm 2026", "4 Maret 2026", "2026年3月4日", "2026年03月04日 09:30",
      "发布时间：2026年3月4日", "２０２６年３月４日", "2026년 3월 4일", "입력 2026. 3. 4. 오전 9:00",
      "2026.3.4", "2026/3/4",
    ])
  func otherLanguageDates(text: String) {
    #expect(DateNormalizer.normalize(text) == "2026-03-04", "\(text)")
    #expect(DateNormalizer.hasYearDigits(text), "\(text)")
  }

  @Test("A month word of another language is read only between a day and a year")
  func monthWordsNeedADayAndAYear() {
    #expect(DateNormalizer.normalize("The Mars 2026 mission, day 4") == nil)
    #expect(DateNormalizer.normalize("Mai 2026") == nil)
    #expect(DateNormalizer.normalize("2026-27 season, game 4") == nil)
    #expect(DateNormalizer.normalize("2026年度报告") == nil)
    #expect(DateNormalizer.normalize("1er mars 2026") == "2026-03-01")
    // English dates read as before.
    #expect(DateNormalizer.normalize("March 4, 2026") == "2026-03-04")
    #expect(DateNormalizer.normalize("Wed, 4 Mar 2026 09:12:00 -0500") == "2026-03-04")
  }

  @Test("Words of text without spaces are counted by characters; sentence ends of every script")
  func scriptMeasures() {
    #expect(ScriptMeasure.wordCount("The plant closes in May") == 5)
    #expect(ScriptMeasure.wordCount("公司今天宣布将关闭南方的两家工厂并重新安排员工") >= 10)
    #expect(ScriptMeasure.wordCount("홍길동 기자") == 2)
    #expect(ScriptMeasure.hasSentenceBreak("工厂将关闭。员工将获得补偿。"))
    #expect(!ScriptMeasure.hasSentenceBreak("工厂将关闭。"))
    #expect(ScriptMeasure.hasSentenceBreak("कारखाना बंद होगा। कर्मचारी"))
    #expect(!ScriptMeasure.hasSentenceBreak("Updated: 4 March 2026"))
  }

  /// A Chinese article of short paragraphs (each under 25 characters) beside a sidebar of
  /// longer English teasers: counted by characters, the sidebar outweighed the article.
  static let chinesePage = """
    <html lang="zh-CN"><body>
    <div class="layout"><div class="main-col">
    <h1>南湖纺织厂调整生产</h1>
    <div class="meta">发布时间：2026年3月4日 10:30</div>
    <div class="byline">记者 王芳 报道</div>
    <div class="txt">
    <p>南湖纺织厂今天宣布调整生产安排。</p>
    <p>工厂将把两条旧生产线<br>合并为一条新线。</p>
    <p>2026年3月4日起，夜班改为白班。员工名单将另行通知。</p>
    <p>厂长表示，调整不会减少岗位。</p>
    <p>工会代表将参加下周的说明会。</p>
    <p>新设备预计在五月底完成安装。</p>
    </div>
    <h3>相关文章</h3>
    <ul><li><a href="/a">南湖纺织厂去年产量创新高</a></li><li><a href="/b">纺织行业春季招聘开始</a></li></ul>
    </div>
    <div class="rail"><p>Visitors to the lakeside market can now buy fabric offcuts at the weekend stall.</p>
    <p>The cooperative's spring fair opens on the first Saturday, with weaving lessons for children.</p></div>
    </div></body></html>
    """

  @Test(
    "A Chinese article of short paragraphs is the body; its dateline, byline and related list are not"
  )
  func chineseArticle() throws {
    let memo = try extractHTML(Self.chinesePage)
    let body = memo.paragraphs.joined(separator: "\n")
    #expect(memo.paragraphs.first == "南湖纺织厂今天宣布调整生产安排。")
    #expect(body.contains("工厂将把两条旧生产线合并为一条新线。"), "no space across a <br>")
    #expect(body.contains("2026年3月4日起，夜班改为白班。"), "a sentence with a date stays")
    #expect(!body.contains("Visitors to the lakeside"))
    #expect(!body.contains("发布时间"))
    #expect(!body.contains("记者"))
    #expect(!body.contains("相关文章"))
    #expect(!body.contains("去年产量"))
    #expect(memo.date == "2026-03-04")
    #expect(memo.author == "王芳")
  }

  @Test(
    "Bylines of other languages give the author",
    arguments: [
      ("de", "Von Jana Novak", "Jana Novak"), ("fr", "Par Léa Martin", "Léa Martin"),
      ("es", "Por Lucía Ortega", "Lucía Ortega"), ("it", "Di Marco Bellini", "Marco Bellini"),
      ("nl", "Door Sanne de Wit", "Sanne de Wit"), ("ru", "Автор: Иван Петров", "Иван Петров"),
      ("zh", "作者：王芳", "王芳"), ("ja", "記者 山田太郎", "山田太郎"), ("ko", "홍길동 기자", "홍길동"),
      ("ar", "بقلم: سارة حداد", "سارة حداد"),
    ])
  func otherLanguageBylines(language: String, line: String, name: String) throws {
    let page = """
      <html lang="\(language)"><body><article><h1>Title</h1><div class="meta">\(line)</div>
      <p>\(Self.filler)</p><p>\(Self.filler)</p></article></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.author == name, "\(line)")
    #expect(!memo.paragraphs.contains(line), "\(line)")
  }

  static let second =
    "Orders for the autumn are already in, and two apprentices will join the dye room in September to learn the old recipes."

  static let filler =
    "The weaving cooperative moved its looms into the old railway shed this spring, and the members now share one dye room and one office."

  @Test("On an English page, 'Von', 'Door' or 'Di' before capitalised words is not a byline")
  func englishLinesAreNotForeignBylines() throws {
    for line in ["Von Miller Signs With Bills", "Door Hinges And Handles", "Di Maria Scores Twice"]
    {
      let page = """
        <html lang="en"><body><article><h1>Title</h1><p>\(line)</p>
        <p>\(Self.filler)</p><p>\(Self.filler)</p></article></body></html>
        """
      let memo = try extractHTML(page)
      #expect(memo.author == nil, "\(line)")
      #expect(memo.paragraphs.contains(line), "\(line)")
    }
    #expect(HTMLReader.bylineName("Von Jana Novak") == nil)
    #expect(HTMLReader.bylineName("Von Jana Novak", language: "de") == "Jana Novak")
  }

  @Test("Ruby readings (rt, rp) stay out of the body; the annotated text stays")
  func rubyAnnotations() throws {
    let page = """
      <html lang="ja"><body><article><h1>お知らせ</h1>
      <p>本日、<ruby>工場<rp>(</rp><rt>こうじょう</rt><rp>)</rp></ruby>の生産計画を見直すことを決めました。新しい計画は来月から始まります。</p>
      <p>従業員の皆さんには、来週の説明会で詳しくお伝えします。質問は総務部までお寄せください。</p>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    let body = memo.paragraphs.joined(separator: "\n")
    #expect(body.contains("本日、工場の生産計画を見直すことを決めました。"))
    #expect(!body.contains("こうじょう"))
    #expect(!body.contains("("))
  }

  @Test("Bidirectional marks on an RTL page take no place in the text")
  func bidiMarks() throws {
    let page = """
      <html lang="ar" dir="rtl"><body><article><h1>إعلان</h1>
      <p>أعلنت الشركة اليوم عن خطة جديدة \u{200F}للإنتاج\u{200E} في مصنعها الشمالي، وستبدأ الخطة في \u{2067}2026\u{2069}.</p>
      <p>وسيحصل جميع الموظفين على تدريب إضافي خلال الأشهر المقبلة، كما سيتم افتتاح مكتب جديد.</p>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    let body = memo.paragraphs.joined(separator: "\n")
    #expect(body.contains("جديدة للإنتاج في"))
    #expect(body.contains("في 2026."))
    for mark in ["\u{200F}", "\u{200E}", "\u{2067}", "\u{2069}"] { #expect(!body.contains(mark)) }
  }

  @Test(
    "Section titles of other languages open asides",
    arguments: [
      "関連記事", "相关阅读", "관련 기사", "Czytaj także", "İlgili Haberler", "اقرأ أيضاً", "Lees ook",
      "Materiały", "Читайте также",
    ])
  func sectionTitles(title: String) {
    // "Materiały" alone ("materials") titles nothing: the list is not a catch-all.
    #expect(SectionTitles.isAsideTitle(title) == (title != "Materiały"), "\(title)")
  }

  @Test("A Japanese related-articles list under the body is left out")
  func japaneseRelatedList() throws {
    let page = """
      <html lang="ja"><body><article><h1>工場の移転について</h1>
      <p>当社は来年春に第二工場を郊外へ移転します。移転後も全員の雇用を続けます。</p>
      <p>新しい工場では、作業場が広くなり、休憩室も新しくなります。</p>
      <p>通勤バスを毎朝三便運行し、移転にかかる費用は会社が負担します。</p>
      <section><h2>関連記事</h2><ul><li><a href="/1">第一工場の見学会を開催しました</a></li>
      <li><a href="/2">新しい制服が完成しました</a></li></ul></section>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    let body = memo.paragraphs.joined(separator: "\n")
    #expect(body.contains("当社は来年春に第二工場を郊外へ移転します。"))
    #expect(!body.contains("関連記事"))
    #expect(!body.contains("見学会"))
  }
}

extension MultilingualTests {
  @Test("Labels and copyright lines of other languages are boilerplate; a CJK byline is one line")
  func otherLanguageLabels() throws {
    let page = """
      <html lang="de"><body><article><h1>Titel</h1>
      <p>by 南湖織物国際特許事務所北支部 ／ 2016.12.01</p>
      <p>\(Self.filler)</p><p>Anzeige</p><p>\(Self.second)</p><p>Weiterlesen</p>
      <div><p>版权所有 © 2026 南湖纺织</p></div></article></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.paragraphs == [Self.filler, Self.second])
  }
}
