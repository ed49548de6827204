import Foundation
import Testing

@testable import MemoExtraction

/// Memos in other languages: their sign-offs, their companies' legal forms, their datelines
/// and board titles.
@Suite("Sign-offs, legal forms and datelines in other languages")
struct LanguageSignatureTests {
  @Test("Korean, Chinese and Japanese signature lines: company, role, person")
  func eastAsianLines() {
    let korean = LanguageSignatures.eastAsianLine("(주)가온물산 대표이사 한지우")
    #expect(korean?.person == "한지우")
    #expect(korean?.company == "(주)가온물산")
    #expect(CompanyNames.withoutLegalForm("(주)가온물산") == "가온물산")
    // A date run on after the name (a lost line break) is left out.
    let chinese = LanguageSignatures.eastAsianLine("青禾电子有限公司\u{3000}总裁\u{3000}林晓东二〇二六年一月五日")
    #expect(chinese?.person == "林晓东")
    #expect(CompanyNames.withoutLegalForm("青禾电子有限公司") == "青禾电子")
    #expect(LanguageSignatures.eastAsianLine("대표이사 한지우")?.company == nil)
    #expect(LanguageSignatures.eastAsianLine("대표이사 한지우")?.person == "한지우")
    // A sentence, or a role with nothing after it, is no signature line.
    #expect(LanguageSignatures.eastAsianLine("회사는 4월 1일부로 조직을 개편합니다") == nil)
    #expect(LanguageSignatures.eastAsianLine("가온물산 대표이사") == nil)
  }

  @Test("A closing formula in the memo's language over a name with particles")
  func closingsAndParticles() throws {
    let html = """
      <html lang="nl"><body><article><h1>Nieuwe indeling</h1>
      <p>Beste collega's,</p>
      <p>Vandaag hebben we besloten de teams in Assen en Emmen samen te voegen. Daardoor
      vervallen twaalf functies; voor iedereen zoeken we eerst passend werk.</p>
      <p>Met vriendelijke groet,</p>
      <p>Sanne de Wit-Bakker<br>Directeur Operaties</p>
      </article></body></html>
      """
    let memo = try extractHTML(html)
    #expect(memo.author == "Sanne de Wit-Bakker")
    #expect(
      LanguageSignatures.nameBeforeRole("Lotte van den Berg Directrice") == "Lotte van den Berg")
    #expect(LanguageSignatures.nameBeforeRole("de eerste stap") == nil)
    #expect(LanguageSignatures.signer(["Met vriendelijke groet,", "het team"]) == nil)
  }

  @Test("A company named with its legal form in the text")
  func legalNames() {
    #expect(
      CompanyNames.namedWithLegalForm(in: [
        "Torino, 3 marzo 2026 – Valtessa S.p.A. comunica l'avvio della procedura."
      ]) == "Valtessa S.p.A.")
    #expect(
      CompanyNames.namedWithLegalForm(in: ["We at Brisk Harbour AS thank you."])
        == "Brisk Harbour AS")
    #expect(CompanyNames.withoutLegalForm("Brisk Harbour AS") == "Brisk Harbour")
    #expect(CompanyNames.withoutLegalForm("Ventania Pagamentos Ltda.") == "Ventania Pagamentos")
    // Capitals ("EFFECTIVE AS OF") and a form with no name before it are no company.
    #expect(CompanyNames.namedWithLegalForm(in: ["THIS NOTICE IS EFFECTIVE AS OF MONDAY"]) == nil)
    #expect(CompanyNames.namedWithLegalForm(in: ["and then AG said"]) == nil)
    // A comma between the name and its form ("Acme, Inc.").
    #expect(
      CompanyNames.namedWithLegalForm(in: ["Brightwell Instruments, Inc."])
        == "Brightwell Instruments Inc.")
  }

  @Test("A role line that opens the company with its legal form names it, quotes dropped")
  func leadingLegalFormOnRoleLine() throws {
    let page = """
      <html><head><title>Закриття складу</title></head><body><article><h1>Закриття складу</h1>
      <p>Шановні колеги! Ми закриваємо склад у Житомирі з 1 березня. Скорочення торкнеться 18
      працівників, і кожен отримає допомогу.</p>
      <p>З повагою,<br>Тарас Мельник,<br>директор ТОВ «Вишнева Долина»</p>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.author == "Тарас Мельник")
    #expect(memo.company == "Вишнева Долина")
    #expect(
      LanguageSignatures.roleLineCompany("директор ТОВ «Вишнева Долина»") == "ТОВ «Вишнева Долина»")
    #expect(LanguageSignatures.roleLineCompany("директор з продажу") == nil)
    #expect(CompanyNames.withoutLegalForm("ООО «Северный Ветер»") == "Северный Ветер")
  }

  @Test("A one-word name from the memo's salutation gives way to its full legal name")
  func salutationShortForm() throws {
    let page = """
      <html><head><title>Letter to Employees</title></head><body><article>
      <h1>Letter to Employees</h1>
      <p>Brightwell Instruments, Inc.</p>
      <p>To all Brightwell employees:</p>
      <p>Today we decided to close the Leeds workshop and reduce our workforce by about forty
      people. Everyone affected will get four months' pay and help finding the next role.</p>
      <p>Sincerely,<br>Ola Berg<br>Chief Executive Officer</p>
      </article></body></html>
      """
    let memo = try extractHTML(page)
    #expect(memo.company == "Brightwell Instruments Inc.")
    // Without the legal name, the salutation's name stays.
    let short = try extractHTML(
      page.replacingOccurrences(of: "<p>Brightwell Instruments, Inc.</p>", with: ""))
    #expect(short.company == "Brightwell")
  }

  @Test("A dateline in a place's own case: place, comma, date, dash")
  func placeDatelines() {
    #expect(
      BodyEvidence.placeDateline(["Milano, 12 febbraio 2026 – Valtessa comunica oggi"])
        == "2026-02-12")
    #expect(
      BodyEvidence.placeDateline(["Lyon, 3 mars 2026 — La direction annonce"]) == "2026-03-03")
    // No dash after the date, or prose before the comma: not a dateline.
    #expect(BodyEvidence.placeDateline(["Milano, 12 febbraio 2026 la società"]) == nil)
    #expect(BodyEvidence.placeDateline(["As we said in the memo, 12 March 2026 – x"]) == nil)
  }

  @Test("A section word between headline and site: the site is the short end")
  func sectionInTheMiddle() {
    let forum = PageMetadata.splitTitle(
      "A change to our support team - Announcements - Brindle Community")
    #expect(forum.title == "A change to our support team")
    #expect(forum.company == "Brindle Community")
    let site = PageMetadata.splitTitle("Acme Labs :: News :: Going AI-first")
    #expect(site.title == "Going AI-first")
    #expect(site.company == "Acme Labs")
    // Both ends short: the first stays the site, as before.
    #expect(
      PageMetadata.splitTitle("Northwind Traders - News - Layoffs").company == "Northwind Traders")
    #expect(
      PageMetadata.splitTitle("Frame ❘ Brindle ❘ We are becoming smaller").title
        == "We are becoming smaller")
  }

  @Test("A board's breadcrumb title keeps its last step")
  func breadcrumbs() {
    #expect(PageMetadata.withoutLabels("공지사항 > 조직 개편 안내") == "조직 개편 안내")
    #expect(PageMetadata.withoutLabels("News › Teams › A new structure") == "A new structure")
    #expect(
      PageMetadata.withoutLabels("Why our first priority in hiring > growth today")
        == "Why our first priority in hiring > growth today")
  }
}
