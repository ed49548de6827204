import Testing

@testable import MemoExtraction

/// News stories that quote a memo in part, with no memo blockquoted: the memo's writer,
/// company and sending day win over the reporter, the paper and the publication day, in any
/// language of `NewsAboutMemo`'s tables; ordinary news keeps its credits.
@Suite("News quoting a memo in part")
struct PartialQuoteTests {
  static func story(
    lang: String = "en", site: String = "The Harbour Gazette", reporter: String = "Pell Ormsby",
    published: String = "2026-05-13T08:00:00Z", title: String, paragraphs: [String]
  ) -> String {
    """
    <html lang="\(lang)"><head><title>\(title)</title>
    <meta property="og:site_name" content="\(site)">
    <meta name="author" content="\(reporter)">
    <meta property="article:published_time" content="\(published)">
    </head><body><article><h1>\(title)</h1>
    \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
    </article></body></html>
    """
  }

  @Test("A letter sent to employees and signed by a manager a paragraph later")
  func letterSignedLater() throws {
    let memo = try extractHTML(
      Self.story(
        title: "Brindlecove to shut its canning line; 40 jobs go",
        paragraphs: [
          "PORTHAVEN — Brindlecove Seafoods will shut its canning line in June, according to a"
            + " letter the company sent to employees.",
          "In the letter, dated May 11 and signed by plant director Oriel Vantassel, the company"
            + " said demand had \"not come back\" since the winter.",
          "Vantassel wrote that workers would be offered places at the smoking plant.",
          "The harbour board said it had not been told of the plans in advance.",
        ]))
    #expect(memo.author == "Oriel Vantassel")
    #expect(memo.company == "Brindlecove Seafoods")
    #expect(memo.date == "2026-05-11")
  }

  @Test("Ordinary news naming an executive and a letter to shareholders keeps its credits")
  func ordinaryNews() throws {
    let memo = try extractHTML(
      Self.story(
        title: "Brindlecove posts a quarterly loss",
        paragraphs: [
          "PORTHAVEN — Brindlecove Seafoods posted a loss for the first quarter on Monday as"
            + " catches fell along the coast.",
          "In a letter to shareholders, chief executive Oriel Vantassel said the company would"
            + " buy two new boats next year.",
          "The harbour board said landings were down by a fifth.",
        ]))
    #expect(memo.author == "Pell Ormsby")
    #expect(memo.date == "2026-05-13")
  }

  @Test("Finnish: a weekday with its case ending, a legal form naming the company")
  func finnish() throws {
    let memo = try extractHTML(
      Self.story(
        lang: "fi", site: "Itärannan Uutiset", reporter: "Oskari Mäntylä",
        published: "2026-05-13T08:00:00+03:00",
        title: "Lehtisalo vähentää 30 työpaikkaa",
        paragraphs: [
          "Pakkauksia valmistava Lehtisalo Oy vähentää tehtaaltaan enintään 30 työpaikkaa.",
          "Toimitusjohtaja Kerttu Salmivaara kirjoitti henkilöstölle maanantaina lähettämässään"
            + " viestissä, että tilaukset ovat vähentyneet.",
        ]))
    #expect(memo.author == "Kerttu Salmivaara")
    #expect(memo.company == "Lehtisalo")
    #expect(memo.date == "2026-05-11")
  }

  @Test("Turkish: a name with a case ending after its apostrophe, a day before its month")
  func turkish() throws {
    let memo = try extractHTML(
      Self.story(
        lang: "tr", site: "Marmara Ekonomi", reporter: "Emre Dağlıoğlu",
        published: "2026-05-13T08:00:00+03:00",
        title: "Yelkenli Gıda 90 kişiyi işten çıkarıyor",
        paragraphs: [
          "Yelkenli Gıda A.Ş., Bursa'daki fabrikasında 90 çalışanın iş akdini feshedecek.",
          "Genel Müdür Defne Akyürekoğlu'nun çalışanlara gönderdiği 12 Mayıs tarihli"
            + " e-postada siparişlerin azaldığı belirtildi.",
        ]))
    #expect(memo.author == "Defne Akyürekoğlu")
    #expect(memo.company == "Yelkenli Gıda")
    #expect(memo.date == "2026-05-12")
  }

  @Test("Hindi: a name without capitals ends at its postposition; the title names the company")
  func hindi() throws {
    let memo = try extractHTML(
      Self.story(
        lang: "hi", site: "नगर समाचार", reporter: "विकास चौधरी",
        published: "2026-05-13T08:00:00+05:30",
        title: "सागरिका डेयरी में 50 कर्मचारियों की छंटनी",
        paragraphs: [
          "दुग्ध उत्पाद बनाने वाली कंपनी सागरिका डेयरी ने अपने 50 कर्मचारियों की छंटनी की है।",
          "कंपनी के सीईओ मनोज अग्रवाल ने सोमवार को कर्मचारियों को भेजे गए ईमेल में लिखा कि मांग"
            + " घटी है।",
        ]))
    #expect(memo.author == "मनोज अग्रवाल")
    #expect(memo.company == "सागरिका डेयरी")
    #expect(memo.date == "2026-05-11")
  }

  @Test("Weekdays in other languages, with endings; a day before its month")
  func weekdaysAndDays() {
    #expect(NewsAboutMemo.weekday("maanantaina") == 0)
    #expect(NewsAboutMemo.weekday("cumartesi") == 5)
    #expect(NewsAboutMemo.weekday("pazar") == 6)
    #expect(NewsAboutMemo.weekday("mardi") == 1)
    #expect(NewsAboutMemo.weekday("market") == nil)
    #expect(NewsAboutMemo.sentDay(in: "9 Ekim tarihli", before: "2026-10-10") == "2026-10-09")
    #expect(NewsAboutMemo.sentDay(in: "85 jobs affected", before: "2026-10-10") == nil)
  }

  @Test("A legal form names the company; a dateline in capitals opens no name")
  func legalFormsAndDatelines() {
    #expect(
      NewsAboutMemo.legalFormName(in: "Valmistava Lehtisalo Oy vähentää") == "Valmistava Lehtisalo")
    #expect(NewsAboutMemo.legalFormName(in: "He left. As a result, prices rose") == nil)
    #expect(NewsAboutMemo.datelineEnd("NEW YORK — Acme will".split(separator: " ")) == 3)
    #expect(NewsAboutMemo.datelineEnd("Acme — the maker of".split(separator: " ")) == 0)
  }
}
