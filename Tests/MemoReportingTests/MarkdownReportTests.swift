import Foundation
import MemoClustering
import MemoCore
import MemoScoring
import TestSupport
import Testing

@testable import MemoReporting

/// A report input built by hand, with a hostile memo among ordinary ones.
func sampleReportInput(hostile: Bool) -> ReportInput {
  func score(_ index: Double, _ hits: [TestHit], reason: AIReason = .explicit) -> ScoreCard {
    testCard(
      source: "", index: index, tokens: 100,
      categories: [
        ("ai_first", "AI-first framing", "ai_framing"),
        ("flattening", "Org flattening", "restructuring"),
      ], ratePerHit: 10, hits: hits, aiReason: reason)
  }
  var sentence = 0
  func hit(
    _ entry: String, _ phrase: String, _ category: String, _ paragraph: Int, _ surface: String,
    before: String = "…we are ", after: String = " now…"
  ) -> TestHit {
    // Each hit its own sentence, as the hand-built input had no sentence numbers.
    sentence += 1
    return TestHit(
      entry: entry, phrase: phrase, category: category, weight: 2, paragraph: paragraph + 1,
      sentence: sentence, surface: surface, before: before, after: after)
  }
  let evil = "<script>alert(1)</script> | [x](javascript:alert(1)) ![i](http://e/x.png)\n# H"
  let norvale = Memo(
    source: "Corpus/norvale.html", title: "A note on our future", author: "Ada Vale",
    date: "2025-03-04", company: "Norvale",
    paragraphs: ["Today we become AI-native.", "We are flattening the org."])
  let quill = Memo(
    source: "Corpus/quill.txt", title: nil, author: nil, date: "2025-05-01", company: "Quillhaven",
    paragraphs: ["We become AI-native too."])
  let bad = Memo(
    source: hostile ? "Corpus/|evil`.md" : "Corpus/plain.md", title: hostile ? evil : "Plain",
    author: hostile ? evil : "P", date: nil, company: hostile ? evil : "Plainco",
    paragraphs: [hostile ? evil : "Nothing here."])
  var memos = [
    ScoredMemo(
      memo: norvale,
      card: score(
        6.5,
        [
          hit("ai_native", "AI-native", "ai_first", 0, "AI-native"),
          hit("flatten_org", "flatten the organization", "flattening", 1, "flattening the org"),
        ])),
    ScoredMemo(
      memo: quill, card: score(3.0, [hit("ai_native", "AI-native", "ai_first", 0, "AI-native")])),
  ]
  memos.append(
    ScoredMemo(
      memo: bad,
      card: score(
        hostile ? 1.0 : 0,
        hostile ? [hit("ai_native", evil, "ai_first", 0, evil, before: evil, after: evil)] : [],
        reason: hostile ? .explicit : .absent)))
  return ReportInput(
    title: hostile ? "Report " + evil : "AI-washing in layoff memos", memos: memos,
    failures: [
      InputFailure(
        source: hostile ? "Corpus/broken|\n.html" : "Corpus/broken.html",
        message: hostile ? evil : "Corpus/broken.html: cannot read file")
    ],
    clusters: [
      MemoCluster(
        id: 1,
        members: [
          ClusterMember(
            source: "Corpus/norvale.html", title: nil, company: "Norvale", date: "2025-03-04",
            tokens: 200, coverage: 0.8),
          ClusterMember(
            source: "Corpus/quill.txt", title: nil, company: "Quillhaven", date: "2025-05-01",
            tokens: 180, coverage: 0.75),
        ],
        pairs: [
          ClusterPair(
            a: "Corpus/norvale.html", b: "Corpus/quill.txt", jaccard: 0.71, containment: 0.8)
        ],
        passages: [
          SharedPassage(
            text: hostile ? evil : "we become AI-native",
            members: ["Corpus/norvale.html", "Corpus/quill.txt"], tokens: 4, coverage: 0.1,
            boilerplate: false, documentFrequency: 2)
        ])
    ],
    lexicon: ReportLexicon(
      name: "ai-washing", version: "1.0.0", hash: "0123456789abcdef", entryCount: 2,
      categories: [
        (
          id: "ai_first", title: "AI-first framing", role: "ai_framing",
          description: "AI as the reason."
        ),
        (
          id: "flattening", title: "Org flattening", role: "restructuring",
          description: "Fewer layers."
        ),
      ]),
    indexFormula: "Weighted hits per 1,000 words.",
    bands: [
      IndexBand(name: "high", minimum: 5), IndexBand(name: "moderate", minimum: 2),
      IndexBand(name: "low", minimum: 0),
    ],
    inputs: [
      InputStamp(path: "Corpus/quill.txt", bytes: 10, sha256: String(repeating: "f", count: 64)),
      InputStamp(path: "Corpus/norvale.html", bytes: 20, sha256: String(repeating: "1", count: 64)),
    ],
    commandLine: "memoscope report Corpus --output report.md", chartsFolder: "report-charts",
    clusterThreshold: 0.5)
}

@Suite("Markdown report")
struct MarkdownReportTests {
  @Test("The same input gives the same bytes")
  func deterministic() {
    let first = MarkdownReport.render(sampleReportInput(hostile: false))
    var shuffled = sampleReportInput(hostile: false)
    shuffled.memos.reverse()
    shuffled.inputs.reverse()
    #expect(MarkdownReport.render(shuffled) == first)
    let mismatch = Snapshots.mismatch(first.markdown, at: "Reporting/Snapshots/sample-report.md")
    #expect(mismatch == nil, "\(mismatch ?? "")")
    let hostile = MarkdownReport.render(sampleReportInput(hostile: true)).markdown
    let hostileMismatch = Snapshots.mismatch(
      hostile, at: "Reporting/Snapshots/sample-report-hostile.md")
    #expect(hostileMismatch == nil, "\(hostileMismatch ?? "")")
  }

  @Test("A generation date is printed only when given")
  func generationDate() {
    var input = sampleReportInput(hostile: false)
    #expect(!MarkdownReport.render(input).markdown.contains("Generated on"))
    input.generatedOn = "2026-11-24"
    #expect(MarkdownReport.render(input).markdown.contains("- Generated on: 2026-11-24\n"))
  }

  @Test("Memos are ranked by index and linked to their cards")
  func rankingLinks() {
    let report = MarkdownReport.render(sampleReportInput(hostile: false)).markdown
    #expect(report.contains("| [1](#memo-1) | Norvale | 2025-03-04 | 6.5 |"))
    #expect(report.contains("<a id=\"memo-1\"></a>\n\n### 1. Norvale — “A note on our future”"))
    #expect(
      report.contains("> …we are **AI-native** now… — Corpus/norvale.html, ¶ 1 (`ai_native`)"))
    #expect(
      report.contains(
        "![Lexicon hits by category, all memos (colour: role)](report-charts/categories.svg)"))
  }

  @Test("Hostile memo text renders as text: tables keep their columns, no tags or links appear")
  func hostileInput() {
    let rendered = MarkdownReport.render(sampleReportInput(hostile: true))
    for (flavor, html) in CommonMark.renders(rendered.markdown) {
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      #expect(CommonMark.tableWidths(in: html).allSatisfy { $0.count == 1 }, "\(flavor)")
    }
    for chart in rendered.charts {
      #expect(!chart.svg.contains("<script"))
      #expect(chart.svg.contains("&lt;script&gt;") || !chart.svg.contains("script"))
    }
  }

  static func tables(in html: String) -> [String] {
    html.components(separatedBy: "<table>").dropFirst().map {
      $0.components(separatedBy: "</table>")[0]
    }
  }
}
