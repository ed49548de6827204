import Foundation
import TestSupport
import Testing

/// A temporary folder holding copies of the reporting fixtures, so the command runs on
/// relative paths and the report's stamp does not depend on where the tests run.
func reportingWorkspace(_ folders: [String] = ["Basic", "Lexicon"]) throws -> URL {
  let workspace = try Fixtures.temporaryFolder()
  for folder in folders {
    try FileManager.default.copyItem(
      at: Fixtures.url("Reporting/\(folder)"), to: workspace.appendingPathComponent(folder))
  }
  return workspace
}

func contents(_ url: URL) throws -> String {
  String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

/// A report with the machine's ICU and libxml2 versions replaced by placeholders, so that
/// golden reports hold on any machine.
func stable(_ report: String) -> String {
  report.split(separator: "\n", omittingEmptySubsequences: false).map { line in
    if line.hasPrefix("- ICU: `") { return "- ICU: `VERSION`" }
    if line.hasPrefix("- libxml2: `") { return "- libxml2: `VERSION`" }
    return String(line)
  }.joined(separator: "\n")
}

/// Runs `memoscope report` with no git revision in the stamp (it changes with every commit).
func runReport(_ arguments: [String], in workspace: URL) -> (
  exitCode: Int32, stdout: String, stderr: String
) {
  CLIRunner.run(
    arguments: ["report"] + arguments, currentDirectory: workspace,
    environment: ["MEMOSCOPE_GIT_REVISION": ""])
}

@Suite("memoscope report")
struct ReportCommandTests {
  @Test("Writes the golden report and its charts, byte-identical on a second run")
  func goldenReport() throws {
    let workspace = try reportingWorkspace()
    let first = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "out/report.md"],
      in: workspace)
    #expect(first.exitCode == 0, "\(first.stderr)")
    #expect(first.stderr == "")
    #expect(
      first.stdout == "Wrote out/report.md and 3 charts in out/report-charts/ (4 memos read).\n")
    let report = try contents(workspace.appendingPathComponent("out/report.md"))
    let categories = try contents(
      workspace.appendingPathComponent("out/report-charts/categories.svg"))
    let timeline = try contents(
      workspace.appendingPathComponent("out/report-charts/phrase-timeline.svg"))
    for (text, name) in [
      (report, "basic-report.md"), (categories, "basic-categories.svg"),
      (timeline, "basic-phrase-timeline.svg"),
    ] {
      let mismatch = Snapshots.mismatch(stable(text), at: "Reporting/Snapshots/\(name)")
      #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    let second = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "out/report.md", "--force"], in: workspace)
    #expect(second.exitCode == 0, "\(second.stderr)")
    let again = try contents(workspace.appendingPathComponent("out/report.md"))
    // Only the command line in the stamp differs (it now has --force).
    #expect(
      again.replacingOccurrences(of: " --force", with: "") == report)
    #expect(
      try contents(workspace.appendingPathComponent("out/report-charts/categories.svg"))
        == categories)
  }

  @Test("A JSONL file written by extract gives the same report body as the pages themselves")
  func jsonlInput() throws {
    let workspace = try reportingWorkspace()
    let extracted = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "Basic"], currentDirectory: workspace)
    try Data(extracted.stdout.utf8).write(to: workspace.appendingPathComponent("memos.jsonl"))
    for (input, output) in [("Basic", "pages.md"), ("memos.jsonl", "lines.md")] {
      let run = runReport(
        [input, "--lexicon", "Lexicon", "--output", output],
        in: workspace)
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    // Everything before the method (ranking, quotes, clusters) is the same; only the chart
    // folder's name, what was read per input kind and the list of input files differ.
    func body(_ name: String, charts: String) throws -> String {
      let text = try contents(workspace.appendingPathComponent(name))
      let end = try #require(text.range(of: "<a id=\"method\"></a>"))
      return text[..<end.lowerBound].replacingOccurrences(of: charts, with: "CHARTS")
    }
    let fromPages = try body("pages.md", charts: "pages-charts/")
    #expect(fromPages.contains("NORVALE-2025-03.html"))
    #expect(try body("lines.md", charts: "lines-charts/") == fromPages)
  }

  @Test("Refuses to overwrite a report without --force and says how")
  func refusesOverwrite() throws {
    let workspace = try reportingWorkspace()
    try Data("keep me\n".utf8).write(to: workspace.appendingPathComponent("report.md"))
    let run = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "report.md"],
      in: workspace)
    #expect(run.exitCode == 2)
    #expect(
      run.stderr
        == "error: report.md: already exists. Pass --force to overwrite it, or choose another --output.\n"
    )
    #expect(try contents(workspace.appendingPathComponent("report.md")) == "keep me\n")
  }

  @Test("Inputs that cannot be read are listed in the report and on stderr; exit 1")
  func failedInputs() throws {
    let workspace = try reportingWorkspace(["Basic", "Broken", "Lexicon"])
    let run = runReport(
      [
        "Basic", "Broken/scan.pdf", "missing.html", "--lexicon", "Lexicon", "--output",
        "report.md",
      ], in: workspace)
    #expect(run.exitCode == 1)
    #expect(
      run.stderr == """
        error: Broken/scan.pdf: is a PDF document, not HTML, text or email. Convert it to text or HTML first.
        error: missing.html: no such file or folder. Check the path for typos.

        """)
    #expect(
      run.stdout
        == "Wrote report.md and 3 charts in report-charts/ (4 memos read, 2 inputs not read).\n")
    let report = try contents(workspace.appendingPathComponent("report.md"))
    #expect(
      report.contains(
        "| Broken/scan.pdf | could not be read | Broken/scan.pdf: is a PDF document, not HTML, text or email. Convert it to text or HTML first. |"
      ))
    #expect(report.contains("| could not be read | 2 |"))
    #expect(report.contains("- [2 inputs were not read or left out](#inputs-not-read)."))
  }

  @Test("Hostile memo text cannot inject markup into the report")
  func hostileMemos() throws {
    let workspace = try reportingWorkspace(["Hostile", "Lexicon"])
    let run = runReport(
      ["Hostile", "--lexicon", "Lexicon", "--output", "report.md"],
      in: workspace)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let report = try contents(workspace.appendingPathComponent("report.md"))
    for (flavor, html) in CommonMark.renders(report) {
      // Every tag is one Markdown makes, an anchor of the report's own, or a chart; no link
      // leaves the document.
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      #expect(CommonMark.tableWidths(in: html).allSatisfy { $0.count == 1 }, "\(flavor)")
      // The addresses are in the report, as text: no link leaves the document.
      #expect(html.contains("See https://e.vl/f, www.e.vl or hr\u{2060}@e.vl about"), "\(flavor)")
      #expect(
        html.contains("mailto:ceo\u{2060}@e.vl, &lt;https://e.vl/x&gt; AT&amp;T"), "\(flavor)")
      #expect(
        CommonMark.linkTargets(in: html).allSatisfy { $0.hasPrefix("#") }, "\(flavor)")
    }
    for line in report.components(separatedBy: "\n") where line.hasPrefix("#") {
      #expect(line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### "))
    }
    let mismatch = Snapshots.mismatch(
      stable(report), at: "Reporting/Snapshots/hostile-report.md")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("The README's command works on the sample corpus with the default lexicon")
  func sampleCorpus() throws {
    let output = try Fixtures.temporaryFolder().appendingPathComponent("report.md").path
    let run = runReport(["Corpus", "--output", output], in: Fixtures.repositoryRoot)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let report = try contents(URL(fileURLWithPath: output))
    #expect(report.contains("## Ranking"))
    #expect(report.contains("Lexicon: **ai-washing** version"))
    // The shipped lexicon has a marked audit file for its version: the method box cites it.
    #expect(report.contains("Vetted precision: "))
    for (flavor, html) in CommonMark.renders(report) {
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      #expect(CommonMark.tableWidths(in: html).allSatisfy { $0.count == 1 }, "\(flavor)")
    }
  }

  @Test("Missing --output is a usage error")
  func usage() throws {
    let run = runReport(["Basic"], in: try reportingWorkspace())
    #expect(run.exitCode == 64 || run.exitCode == 2)
    #expect(run.stderr.contains("--output"))
  }

  @Test("--generated-on takes only a real day written YYYY-MM-DD")
  func generatedOn() throws {
    let workspace = try reportingWorkspace()
    let bad = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "r.md", "--generated-on", "notadate"],
      in: workspace)
    #expect(bad.exitCode == 64 || bad.exitCode == 2)
    #expect(bad.stderr.contains("--generated-on must be a date written YYYY-MM-DD"))
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("r.md").path))
    let good = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "r.md", "--generated-on", "2026-03-01"],
      in: workspace)
    #expect(good.exitCode == 0, "\(good.stderr)")
    #expect(
      try contents(workspace.appendingPathComponent("r.md")).contains(
        "- Generated on: 2026-03-01\n"))
  }

  @Test("--data writes tidy CSVs beside the report and refuses to overwrite them")
  func dataFiles() throws {
    let workspace = try reportingWorkspace()
    let run = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "r.md", "--data", "r-data"], in: workspace)
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains(", data in r-data/"))
    let memos = try contents(workspace.appendingPathComponent("r-data/memos.csv"))
    #expect(memos.hasPrefix("source,company,date,quarter,format,quoted,words,index,band,"))
    #expect(memos.split(separator: "\r\n").count == 5)
    let hits = try contents(workspace.appendingPathComponent("r-data/hits.csv"))
    #expect(hits.contains("Basic/NORVALE-2025-03.html,"))
    #expect(try contents(workspace.appendingPathComponent("r.md")).contains("### Data files"))
    let again = runReport(
      ["Basic", "--lexicon", "Lexicon", "--output", "r2.md", "--data", "r-data"], in: workspace)
    #expect(again.exitCode == 2)
    #expect(again.stderr.contains("r-data/memos.csv: already exists"))
  }

  @Test("--check re-runs the stamp: same when nothing changed, the differences when it did")
  func check() throws {
    let workspace = try reportingWorkspace()
    let made = runReport(["Basic", "--lexicon", "Lexicon", "--output", "r.md"], in: workspace)
    #expect(made.exitCode == 0, "\(made.stderr)")
    let same = runReport(["--check", "r.md"], in: workspace)
    #expect(same.exitCode == 0, "\(same.stderr)")
    #expect(same.stdout.hasPrefix("Same: every input has the stamped hash"))
    let memo = workspace.appendingPathComponent("Basic/QUILLHAVEN-2025-08.html")
    let text = try contents(memo)
    try Data(text.replacingOccurrences(of: "AI-native", with: "modern").utf8).write(to: memo)
    let changed = runReport(["--check", "r.md"], in: workspace)
    #expect(changed.exitCode == 1)
    #expect(changed.stdout.contains("input Basic/QUILLHAVEN-2025-08.html: hash was "))
    #expect(changed.stdout.contains("report line "))
    let usage = runReport(["--check", "r.md", "Basic"], in: workspace)
    #expect(usage.exitCode == 64 || usage.exitCode == 2)
    try Data("# not a report\n".utf8).write(to: workspace.appendingPathComponent("x.md"))
    let notReport = runReport(["--check", "x.md"], in: workspace)
    #expect(notReport.exitCode == 2)
    #expect(notReport.stderr.contains("x.md: no reproducibility stamp"))
  }
}
