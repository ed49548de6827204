import Testing

@testable import MemoExtraction

/// Memo header blocks in other languages (`MemoHeaders+Languages.swift`), read only when no
/// English block opens the memo. Every memo here is invented, a few sentences long.
@Suite("Memo headers in other languages")
struct MemoHeadersLanguagesTests {
  static let malay = """
    NOTA DALAMAN

    Kepada : Semua kakitangan Teratai Jaya Perabot Sdn. Bhd.
    Daripada : Puan Salmiah binti Osman, Pengarah Urusan
    Tarikh : 9 Mac 2026
    Perkara : Penutupan kilang Seremban

    Tuan/Puan,

    Kilang Seremban akan ditutup pada akhir bulan Jun. Seramai 35 orang kakitangan terlibat.

    Salmiah
    """

  static let swahili = """
    **Kutoka:** Bw. Baraka Otieno, Meneja Mkuu  
    **Kwa:** Wafanyakazi wote wa Jua Kali Vyuma Ltd  
    **Tarehe:** 4 Machi 2026  
    **Kuhusu:** Kufungwa kwa tawi la Mombasa

    Ndugu wafanyakazi,

    Tawi la Mombasa litafungwa mwezi ujao, na nafasi kumi za kazi zitaondolewa.

    Baraka Otieno
    """

  static let german = """
    An: Alle Mitarbeitenden der Kranich Stahlbau GmbH
    Von: Dr. Ilse Brandauer, Geschäftsführerin
    Datum: 4. März 2026
    Betreff: Schließung des Werks Hameln

    Liebe Kolleginnen und Kollegen,

    das Werk Hameln schließt zum Jahresende. 60 Stellen fallen weg.

    Ilse Brandauer
    """

  @Test(
    "A header block of another language gives the title, author, company and date",
    arguments: [
      (
        malay, "memo.txt", "Penutupan kilang Seremban", "Salmiah binti Osman",
        "Teratai Jaya Perabot",
        "2026-03-09"
      ),
      (
        swahili, "memo.md", "Kufungwa kwa tawi la Mombasa", "Baraka Otieno", "Jua Kali Vyuma Ltd",
        "2026-03-04"
      ),
      (
        german, "memo.txt", "Schließung des Werks Hameln", "Ilse Brandauer", "Kranich Stahlbau",
        "2026-03-04"
      ),
    ])
  func block(
    text: String, name: String, title: String, author: String, company: String, date: String
  ) throws {
    let memo = try extract(Array(text.utf8), as: name)
    #expect(memo.title == title)
    #expect(memo.author == author)
    #expect(memo.company == company)
    #expect(memo.date == date)
    #expect(!memo.paragraphs.contains { $0.contains("Tarikh") || $0.contains("Kutoka") })
  }

  @Test("A document tool's page properties date the memo by its creation, not its last edit")
  func pageProperties() throws {
    let text = """
      # Closing the Leeds yard

      Created: March 2, 2026 9:14 AM
      Created by: Tove Lindqvist
      Last edited: March 9, 2026 4:52 PM
      Last edited by: Ola Berg
      Status: Sent

      ---

      Hi all,

      We close the Leeds yard at the end of the month. Forty roles go.

      Tove
      """
    let memo = try extract(Array(text.utf8), as: "page.md")
    #expect(memo.title == "Closing the Leeds yard")
    #expect(memo.author == "Tove Lindqvist")
    #expect(memo.date == "2026-03-02")
    // Properties without a creator or a subject are no header block.
    #expect(MemoHeaders.otherLanguageSplit(["Status: Sent Tags: memo, people", "Hi all,"]) == nil)
  }

  @Test("A header table's cells, keys and values on paragraphs of their own, are a block")
  func headerTable() throws {
    let page = """
      <html><head><title>memo draft v2 - Docs</title>
      <meta property="og:title" content="memo draft v2"></head><body>
      <table><tr><td>To</td><td>All Brightwell staff</td></tr>
      <tr><td>From</td><td>Ola Berg, CEO</td></tr>
      <tr><td>Date</td><td>2 March 2026</td></tr>
      <tr><td>Re</td><td>Closing the Leeds workshop</td></tr></table>
      <p>We will close the Leeds workshop on 31 March. The 40 people there can move to Bristol
      with relocation support, or leave with an enhanced redundancy package.</p>
      <p>Ola</p></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.title == "Closing the Leeds workshop")
    #expect(memo.author == "Ola Berg")
    #expect(memo.company == "Brightwell")
    #expect(memo.date == "2026-03-02")
    // One pair, or words that are no keys, make no block.
    #expect(MemoHeaders.pairedSplit(["From", "Ola Berg", "We close Leeds."]) == nil)
    #expect(MemoHeaders.pairedSplit(["Summary", "Leeds closes", "Next", "Bristol"]) == nil)
  }

  @Test("One field, English keys alone, or a forward's block make no block")
  func notABlock() {
    // A single field is a sentence's label, not a header block.
    #expect(MemoHeaders.otherLanguageSplit(["Para: todo el equipo de ventas", "Hola."]) == nil)
    #expect(MemoHeaders.otherLanguageSplit(["Data: 40% of us work remotely", "More."]) == nil)
    // English keys are the English reader's: a joined English line stays as it was read.
    #expect(MemoHeaders.otherLanguageSplit(["To: All staff From: Dana Lee", "Hi."]) == nil)
    // A mail client's forward ("Von: … Gesendet: …") is left to `ForwardedMail`.
    let forward = ["Von: Ilse Brandauer Gesendet: Dienstag, 3. März 2026 Betreff: Werk", "Hallo"]
    #expect(MemoHeaders.otherLanguageSplit(forward) == nil)
    let marked = ["---------- Message transféré ---------", "De : Léa Roux Objet : Atelier", "x"]
    #expect(MemoHeaders.otherLanguageSplit(marked) == nil)
    // A word before a colon deep in a paragraph is no key.
    let deep = Array("Kepadatan: tinggi".utf8).withUnsafeBufferPointer {
      MemoHeaders.otherLanguageKey($0, at: 0)
    }
    #expect(deep == nil)
  }

  @Test("Audience lines name the company by their capitalized last words")
  func audience() {
    #expect(
      MemoHeaders.companyInAudience("Semua kakitangan Cempaka Jaya Sdn. Bhd.") == "Cempaka Jaya")
    #expect(MemoHeaders.companyInAudience("Alle Mitarbeiter") == nil)
    #expect(MemoHeaders.companyInAudience("wafanyakazi wote") == nil)
  }
}
