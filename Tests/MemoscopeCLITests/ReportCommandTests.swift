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

@Suite("memoscope report")
struct ReportCommandTests {
  @Test("Writes the golden report and its charts, byte-identical on a second run")
  func goldenReport() throws {
    let workspace = try reportingWorkspace()
    let first = CLIRunner.run(
      arguments: ["report", "Basic", "--lexicon", "Lexicon", "--output", "out/report.md"],
      currentDirectory: workspace)
    #expect(first.exitCode == 0, "\(first.stderr)")
    #expect(first.stderr == "")
    #expect(
      first.stdout == "Wrote out/report.md and 2 charts in out/report-charts/ (4 memos read).\n")
    let report = try contents(workspace.appendingPathComponent("out/report.md"))
    let categories = try contents(
      workspace.appendingPathComponent("out/report-charts/categories.svg"))
    let timeline = try contents(
      workspace.appendingPathComponent("out/report-charts/phrase-timeline.svg"))
    for (text, name) in [
      (report, "basic-report.md"), (categories, "basic-categories.svg"),
      (timeline, "basic-phrase-timeline.svg"),
    ] {
      let mismatch = Snapshots.mismatch(text, at: "Reporting/Snapshots/\(name)")
      #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    let second = CLIRunner.run(
      arguments: [
        "report", "Basic", "--lexicon", "Lexicon", "--output", "out/report.md", "--force",
      ], currentDirectory: workspace)
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
      let run = CLIRunner.run(
        arguments: ["report", input, "--lexicon", "Lexicon", "--output", output],
        currentDirectory: workspace)
      #expect(run.exitCode == 0, "\(run.stderr)")
    }
    // Everything before "Inputs not read" (ranking, quotes, clusters, method) is the same;
    // only the chart folder's name and the list of input files differ.
    func body(_ name: String, charts: String) throws -> String {
      let text = try contents(workspace.appendingPathComponent(name))
      let end = try #require(text.range(of: "## Inputs not read"))
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
    let run = CLIRunner.run(
      arguments: ["report", "Basic", "--lexicon", "Lexicon", "--output", "report.md"],
      currentDirectory: workspace)
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
    let run = CLIRunner.run(
      arguments: [
        "report", "Basic", "Broken/scan.pdf", "missing.html", "--lexicon", "Lexicon",
        "--output", "report.md",
      ], currentDirectory: workspace)
    #expect(run.exitCode == 1)
    #expect(
      run.stderr == """
        error: Broken/scan.pdf: is a PDF document, not HTML, text or email. Convert it to text or HTML first.
        error: missing.html: no such file or folder. Check the path for typos.

        """)
    #expect(
      run.stdout
        == "Wrote report.md and 2 charts in report-charts/ (4 memos read, 2 inputs not read).\n")
    let report = try contents(workspace.appendingPathComponent("report.md"))
    #expect(
      report.contains(
        "| Broken/scan.pdf | Broken/scan.pdf: is a PDF document, not HTML, text or email. Convert it to text or HTML first. |"
      ))
    #expect(report.contains("- [2 inputs could not be read](#inputs-not-read)."))
  }

  @Test("Hostile memo text cannot inject markup into the report")
  func hostileMemos() throws {
    let workspace = try reportingWorkspace(["Hostile", "Lexicon"])
    let run = CLIRunner.run(
      arguments: ["report", "Hostile", "--lexicon", "Lexicon", "--output", "report.md"],
      currentDirectory: workspace)
    #expect(run.exitCode == 0, "\(run.stderr)")
    let report = try contents(workspace.appendingPathComponent("report.md"))
    for (flavor, html) in CommonMark.renders(report) {
      // Every tag is one Markdown makes, an anchor of the report's own, or a chart; no link
      // leaves the document.
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      #expect(CommonMark.tableWidths(in: html).allSatisfy { $0.count == 1 }, "\(flavor)")
    }
    for line in report.components(separatedBy: "\n") where line.hasPrefix("#") {
      #expect(line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### "))
    }
    let mismatch = Snapshots.mismatch(report, at: "Reporting/Snapshots/hostile-report.md")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("The README's command works on the sample corpus with the default lexicon")
  func sampleCorpus() throws {
    let output = try Fixtures.temporaryFolder().appendingPathComponent("report.md").path
    let run = CLIRunner.run(
      arguments: ["report", "Corpus", "--output", output], currentDirectory: Fixtures.repositoryRoot
    )
    #expect(run.exitCode == 0, "\(run.stderr)")
    let report = try contents(URL(fileURLWithPath: output))
    #expect(report.contains("## Ranking"))
    #expect(report.contains("Lexicon: **ai-washing** version"))
    for (flavor, html) in CommonMark.renders(report) {
      let problems = CommonMark.problems(in: html, imagePrefix: "report-charts/")
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      #expect(CommonMark.tableWidths(in: html).allSatisfy { $0.count == 1 }, "\(flavor)")
    }
  }

  @Test("Missing --output is a usage error")
  func usage() throws {
    let run = CLIRunner.run(
      arguments: ["report", "Basic"], currentDirectory: try reportingWorkspace())
    #expect(run.exitCode == 64 || run.exitCode == 2)
    #expect(run.stderr.contains("--output"))
  }
}
