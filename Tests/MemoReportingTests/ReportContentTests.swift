import Foundation
import MemoCore
import MemoScoring
import TestSupport
import Testing

@testable import MemoReporting

/// Memos with the scorer's labels (cuts announced, AI reason) and sentence numbers: one memo per
/// case a reporter asks about.
func labelledReportInput() -> ReportInput {
  let categories = [
    ("ai_first", "AI-first framing", "ai_framing"),
    ("cuts", "Cut language", "restructuring"),
    ("distance", "Distancing", "distancing"),
  ]
  func hit(
    _ entry: String, _ category: String, _ surface: String, paragraph: Int = 0, sentence: Int,
    weight: Double = 2
  ) -> TestHit {
    TestHit(
      entry: entry, phrase: entry == "ai_units" ? "AI-native units" : entry, category: category,
      weight: weight, paragraph: paragraph + 1, sentence: sentence, surface: surface,
      before: "…we build ", after: " now…")
  }
  func scored(
    _ name: String, date: String?, index: Double, cuts: Bool, reason: AIReason,
    format: InputFormat = .html, hits: [TestHit]
  ) -> ScoredMemo {
    let source = "In/\(name.lowercased()).\(format == .text ? "txt" : "html")"
    return ScoredMemo(
      memo: Memo(
        source: source, date: date, company: name, paragraphs: ["One.", "Two."], format: format),
      card: testCard(
        source: source, index: index, tokens: 200,
        categories: categories.map { (id: $0.0, title: $0.1, role: $0.2) }, ratePerHit: 5,
        hits: hits, announcesCuts: cuts, aiReason: reason))
  }
  let memos = [
    // Two hits of one entry in one sentence: counted once.
    scored(
      "Norvale", date: "2025-03-04", index: 60, cuts: true, reason: .explicit,
      hits: [
        hit("ai_units", "ai_first", "AI-native squads", sentence: 0),
        hit("ai_units", "ai_first", "AI-native squads", sentence: 0),
        hit("cut", "cuts", "reducing our workforce", sentence: 0, weight: 1),
        hit("ai_units", "ai_first", "AI-native pods", paragraph: 1, sentence: 3),
      ]),
    scored(
      "Quillhaven", date: "2025-08-01", index: 30, cuts: true, reason: .implied,
      hits: [
        hit("ai_units", "ai_first", "AI-Native squads", sentence: 1),
        hit("cut", "cuts", "role eliminations", sentence: 2, weight: 1),
      ]),
    scored(
      "Brightloom", date: "2024-11-20", index: 0, cuts: true, reason: .absent,
      hits: [hit("cut", "cuts", "reducing our workforce", sentence: 0, weight: 1)]),
    scored(
      "Tessaly", date: "2025-10-02", index: 0, cuts: true, reason: .denied, format: .text,
      hits: [
        hit("not_ai", "distance", "not about AI", sentence: 0),
        hit("cut", "cuts", "layoffs", sentence: 1, weight: 1),
      ]),
    // Adoption note: AI framing, no cuts; listed apart, not ranked.
    scored(
      "Marrow", date: "2026-01-15", index: 12, cuts: false, reason: .framing,
      hits: [hit("ai_units", "ai_first", "AI-native squads", sentence: 0)]),
  ]
  return ReportInput(
    title: "Labelled", memos: memos, failures: [],
    clusters: [],
    lexicon: ReportLexicon(
      name: "fixture", version: "2.0.0", hash: "00112233aabbccdd", entryCount: 3,
      categories: categories.map { (id: $0.0, title: $0.1, role: $0.2, description: "d") },
      precision: "0.90 (27 of 30 hits checked by a person were right)"),
    indexFormula: "index = f(hits).",
    bands: [IndexBand(name: "high", minimum: 50), IndexBand(name: "low", minimum: 0)],
    inputs: [
      InputStamp(path: "In/norvale.html", contents: Array("same".utf8)),
      InputStamp(path: "In/copy.html", contents: Array("same".utf8)),
      InputStamp(path: "In/quillhaven.html", contents: Array("other".utf8)),
    ],
    commandLine: "memoscope report In --output 'my report.md'", chartsFolder: "report-charts",
    clusterThreshold: 0.15, clusterContainmentThreshold: 0.5,
    exclusions: [
      ReportExclusion(
        source: "In/copy.html", reason: "duplicate", detail: "same bytes as In/norvale.html"),
      ReportExclusion(source: "In/report.md", reason: "Memoscope's own output"),
    ],
    negationRule: "denials are counted apart.", extractionQuality: "F1 0.97 (README).",
    environment: ReportEnvironment(
      toolVersion: "9.9.9", gitRevision: String(repeating: "a", count: 40), icuVersion: "72.1",
      libxml2Version: "2.9.14"),
    dataFolder: "report-data")
}

@Suite("Report content")
struct ReportContentTests {
  let report = MarkdownReport.render(labelledReportInput())
  var markdown: String { report.markdown }

  @Test("Golden report for labelled memos")
  func golden() {
    let mismatch = Snapshots.mismatch(markdown, at: "Reporting/Snapshots/labelled-report.md")
    #expect(mismatch == nil, "\(mismatch ?? "")")
    for (flavor, html) in CommonMark.renders(markdown) {
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
    }
  }

  @Test("Labels are the memos' words grouped under their entry; one sentence counts once")
  func labels() {
    let uses = PhraseUse.collect(labelledReportInput().memos)
    let units = uses.first { $0.entryID == "ai_units" }!
    #expect(units.sentences == 4)
    #expect(units.memos.count == 3)
    #expect(units.wordings.map(\.text) == ["AI-native squads", "AI-native pods"])
    #expect(units.wordings.map(\.sentences) == [3, 1])
    #expect(
      markdown.contains(
        "“AI-native squads” ×3, “AI-native pods” ×1 (entry *AI-native units*; 4 sentences in 3 memos)"
      ))
  }

  @Test("The summary counts cuts and AI reasons over the memos announcing cuts")
  func summaryDenominators() {
    #expect(
      markdown.contains(
        "- **4 of 5** memos announce job cuts; [1 announces none](#no-cuts) (listed apart)"))
    #expect(
      markdown.contains(
        "Of the 4 memos announcing cuts: 1 give AI as an explicit reason for the cuts; 1 imply AI"))
    #expect(
      markdown.contains(
        "0 frame the company around AI without tying it to the cuts; 1 do not mention AI; 1 deny that AI is the reason."
      ))
    #expect(
      markdown.contains("*Framing-only memos are counted on their own line, not as implied.*"))
    #expect(markdown.contains("By AI-washing index, of the 4 ranked memos: 1 high"))
  }

  @Test("Memos announcing no cuts are listed apart, and their card says so")
  func noCuts() {
    let ranking = section("## Ranking")
    #expect(!ranking.contains("Marrow"))
    let apart = section("## Memos announcing no cuts")
    #expect(apart.contains("| Marrow | 2026-01-15 | 12.0 | framing |"))
    #expect(markdown.contains("- **Announces no job cuts**; AI: framing"))
  }

  @Test("What drives the index lists only index roles, and nothing for an index of 0")
  func drivers() {
    let ranking = section("## Ranking")
    #expect(
      ranking.contains(
        "| Norvale | 2025-03-04 | 60.0 | explicit | AI-first framing (3); Cut language (1) |"))
    #expect(ranking.contains("| Tessaly | 2025-10-02 | 0.0 | denied | — |"))
    #expect(!ranking.contains("Distancing"))
  }

  @Test("Key quotes show each sentence once, with every entry it matched")
  func keyQuotes() {
    #expect(markdown.contains("Key quotes (2 of 4 hits, one per sentence):"))
    #expect(markdown.contains("¶ 1 (`ai_units`, `cut`)"))
  }

  @Test("The method box says what was read per input kind, precision, negation, clustering")
  func method() {
    let method = section("## Method")
    #expect(
      method.contains("Vetted precision: 0.90 (27 of 30 hits checked by a person were right)."))
    #expect(method.contains("| HTML page | 4 | the page's main content"))
    #expect(method.contains("| Plain text | 1 | every paragraph of the file"))
    #expect(method.contains("some quoted words may be the reporter's"))
    #expect(method.contains("Extraction quality: F1 0.97 (README)."))
    #expect(method.contains("Negation: denials are counted apart."))
    #expect(method.contains("Jaccard similarity at least 0.15, or at least 50% of the smaller"))
    #expect(method.contains("| hits.csv | `paragraph` | paragraph number, 1 = first"))
  }

  @Test("Exclusions are counted by reason and listed with their detail")
  func exclusions() {
    let section = section("## Inputs not read or left out")
    #expect(section.contains("| duplicate | 1 |"))
    #expect(section.contains("| In/copy.html | duplicate | same bytes as In/norvale.html |"))
    #expect(markdown.contains("- [2 inputs were not read or left out](#inputs-not-read)."))
  }

  @Test("The stamp has versions, revision and SHA-256, and reads back with its command")
  func stamp() throws {
    let stamp = section("## Reproducibility")
    #expect(stamp.contains("Memoscope version: `9.9.9`, git revision `aaaa"))
    #expect(stamp.contains("- ICU: `72.1`\n- libxml2: `2.9.14`"))
    // SHA-256 of "same", as sha256sum prints it.
    #expect(
      stamp.contains("`0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5`"))
    #expect(markdown.contains("**Identical file** to In/copy.html (same bytes)."))
    let parsed = try #require(ReportStamp(markdown: markdown))
    #expect(parsed.commandLine == "memoscope report In --output 'my report.md'")
    #expect(parsed.inputs.map(\.path) == ["In/copy.html", "In/norvale.html", "In/quillhaven.html"])
    #expect(
      ShellWords.split(parsed.commandLine) == [
        "memoscope", "report", "In", "--output", "my report.md",
      ])
    #expect(ShellWords.split("a 'it'\\''s' b") == ["a", "it's", "b"])
    #expect(ShellWords.split("a 'open") == nil)
    // A reader that hashed with FNV-1a 64 gets a marked column that reads back the same way.
    var fnv = labelledReportInput()
    fnv.inputs = [InputStamp(path: "In/a.html", bytes: 4, hash: "00112233445566ff")]
    let fnvReport = MarkdownReport.render(fnv).markdown
    #expect(fnvReport.contains("| In/a.html | 4 | `fnv1a64:00112233445566ff` |"))
    let read = try #require(ReportStamp(markdown: fnvReport))
    #expect(read.inputs == fnv.inputs)
    #expect(!read.inputs[0].matches(Array("other".utf8)))
  }

  @Test("Charts: categories by hits and coloured by role, axes span the corpus, quarters")
  func charts() throws {
    let categories = try #require(report.charts.first { $0.name == MarkdownReport.categoryChart })
    let red = try #require(categories.svg.range(of: "fill=\"#c0392b\""))
    let blue = try #require(categories.svg.range(of: "fill=\"#3b6ea5\""))
    #expect(red.lowerBound < blue.lowerBound)
    #expect(categories.svg.contains("fill=\"#1e8449\""))
    let timeline = try #require(report.charts.first { $0.name == MarkdownReport.timelineChart })
    #expect(timeline.svg.contains(">2024-11</text>"))
    #expect(markdown.contains("The axis spans every dated memo read, 2024-11-20 to 2026-01-15"))
    #expect(markdown.contains("| *AI-native units* | 2025-Q1: 1, 2025-Q3: 1, 2026-Q1: 1 |"))
    let adoption = try #require(report.charts.first { $0.name == MarkdownReport.adoptionChart })
    #expect(adoption.svg.contains(">2024-Q4</text>"))
    #expect(
      AdoptionChart.quarters(
        from: CalendarDate(iso: "2024-11-20")!, to: CalendarDate(iso: "2025-04-01")!) == [
          "2024-Q4", "2025-Q1", "2025-Q2",
        ])
  }

  @Test("Data files are tidy CSV: 1-based paragraphs, quoting, formulas defused")
  func data() {
    var input = labelledReportInput()
    input.memos[0].memo.company = "=HYPERLINK(\"x\")"
    let files = ReportData.files(input)
    #expect(files.map(\.name) == ["memos.csv", "hits.csv", "categories.csv"])
    let memos = files[0].csv
    #expect(
      memos.hasPrefix(
        "source,company,date,quarter,format,quoted,words,index,band,announces_cuts,ai_reason,hits,url\r\n"
      ))
    #expect(
      memos.contains(
        "In/norvale.html,\"'=HYPERLINK(\"\"x\"\")\",2025-03-04,2025-Q1,html,false,200,60.0,high,true,explicit,4,\r\n"
      ))
    let hits = files[1].csv
    #expect(
      hits.contains(
        "In/norvale.html,2,4,ai_units,AI-native units,ai_first,ai_framing,2.00,AI-native pods,"))
    #expect(files[2].csv.split(separator: "\r\n").count == 1 + 5 * 3)
    #expect(
      ReportData.dictionary.filter { $0.file == "hits.csv" }.count
        == hits.split(separator: "\r\n")[0].split(separator: ",").count)
  }

  @Test("--generated-on dates are real days written YYYY-MM-DD")
  func generatedOn() {
    #expect(CalendarDate(day: "2026-03-01") != nil)
    #expect(CalendarDate(day: "notadate") == nil)
    #expect(CalendarDate(day: "2026-02-30") == nil)
    #expect(CalendarDate(day: "2026-03") == nil)
  }

  /// The text of a `##` section, up to the next one.
  func section(_ heading: String) -> String {
    guard let start = markdown.range(of: heading + "\n") else { return "" }
    let rest = markdown[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }
}

@Suite("SHA-256")
struct SHA256Tests {
  @Test("Known digests (FIPS 180-4 examples) and streaming in pieces")
  func digests() {
    #expect(
      SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var pieces = SHA256()
    pieces.update(long.prefix(10))
    pieces.update(long.dropFirst(10))
    #expect(pieces.hexDigest() == SHA256.hex(long))
  }
}

@Suite("Report links to the original page")
struct ReportPageLinkTests {
  @Test("A card links its page's address, escaped; other schemes get no link")
  func pageLink() {
    var input = labelledReportInput()
    input.memos[0].memo.url = "https://example.com/memo_(1)?a=1&copy=2#[x]"
    input.memos[1].memo.url = "javascript:alert(1)"
    let markdown = MarkdownReport.render(input).markdown
    #expect(
      markdown.contains(
        #"- Link: [original page](https://example.com/memo_%281%29?a=1\&copy=2#%5Bx%5D)"#))
    #expect(!markdown.contains("javascript"))
    #expect(markdown.components(separatedBy: "[original page]").count == 2)
    for (flavor, html) in CommonMark.renders(markdown) {
      #expect(
        CommonMark.linkTargets(in: html).contains(
          "https://example.com/memo_%281%29?a=1&amp;copy=2#%5Bx%5D"),
        "\(flavor)")
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
    }
  }

  @Test("Web link destinations: http(s) with a host only, nothing that can end the link")
  func destinations() {
    #expect(MarkdownText.webDestination("https://a.example/x y") == nil)
    #expect(MarkdownText.webDestination("https:///path") == nil)
    #expect(MarkdownText.webDestination("ftp://a.example/") == nil)
    #expect(
      MarkdownText.webDestination("HTTP://A.example/é<>\"") == "HTTP://A.example/%C3%A9%3C%3E%22")
  }
}
