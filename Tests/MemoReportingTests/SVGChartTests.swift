import Foundation
import TestSupport
import Testing

@testable import MemoReporting

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("SVG charts")
struct SVGChartTests {
  let hostile = "<script>alert('x')</script> & \"quotes\" \u{0007}"

  @Test("The bar chart is well-formed XML with escaped labels")
  func barChart() {
    let chart = BarChart(
      title: "Hits by category",
      bars: [
        .init(label: "AI framing", value: 12), .init(label: hostile, value: 3),
        .init(label: "Distancing", value: 0),
      ], unit: "hits")
    let svg = chart.svg
    #expect(Self.isWellFormed(svg))
    #expect(!svg.contains("<script"))
    #expect(
      svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
    #expect(svg.contains("<rect x=\"280\" y=\"43\" width=\"360\" height=\"16\" fill=\"#3b6ea5\"/>"))
    let mismatch = Snapshots.mismatch(svg, at: "Reporting/Snapshots/bar-chart.svg")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("The timeline marks each phrase's first dated use")
  func timeline() {
    let chart = TimelineChart(
      title: "Adoption",
      rows: [
        .init(
          label: "AI-native",
          points: [
            .init(date: CalendarDate(iso: "2025-08-19")!, label: "Quillhaven"),
            .init(date: CalendarDate(iso: "2025-03-04")!, label: "Norvale"),
          ]),
        .init(
          label: hostile, points: [.init(date: CalendarDate(iso: "2024-11-12")!, label: hostile)]),
      ])
    let svg = chart.svg
    #expect(Self.isWellFormed(svg))
    #expect(svg.contains(">Norvale (2025-03-04)</text>"))
    #expect(!svg.contains("<script"))
    let mismatch = Snapshots.mismatch(svg, at: "Reporting/Snapshots/timeline-chart.svg")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("Empty charts say so instead of drawing nothing")
  func empty() {
    #expect(BarChart(title: "T", bars: [], unit: "hits").svg.contains("No data."))
    #expect(TimelineChart(title: "T", rows: []).svg.contains("No dated uses."))
    #expect(Self.isWellFormed(TimelineChart(title: "T", rows: []).svg))
  }

  @Test("ISO dates parse to day numbers; impossible dates are rejected")
  func dates() {
    #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
    #expect(CalendarDate(iso: "2024-03-01")?.dayNumber == 19783)
    #expect(CalendarDate(iso: "2025-03")?.description == "2025-03-01")
    #expect(CalendarDate(iso: "2023-02-29") == nil)
    #expect(CalendarDate(iso: "2025-3-1") == nil)
  }

  static func isWellFormed(_ svg: String) -> Bool {
    let parser = XMLParser(data: Data(svg.utf8))
    return parser.parse()
  }
}
