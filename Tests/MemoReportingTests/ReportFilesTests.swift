import Foundation
import TestSupport
import Testing

@testable import MemoReporting

@Suite("Report files")
struct ReportFilesTests {
  let report = RenderedReport(
    markdown: "# Report\n", charts: [(name: "categories.svg", svg: "<svg/>\n")])

  @Test("Charts go into a folder named after the report; the report is written last")
  func writesChartsAndReport() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("out/my report.md").path
    let written = try ReportFiles.write(report, to: path, force: false)
    #expect(written == [folder.path + "/out/my report-charts/categories.svg", path])
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Report\n")
    #expect(
      try String(
        contentsOfFile: folder.path + "/out/my report-charts/categories.svg", encoding: .utf8)
        == "<svg/>\n")
    #expect(ReportFiles.chartsFolder(forReport: "a/b/report.md") == "report-charts")
  }

  @Test("An existing report is kept unless forced, and the error says how to overwrite")
  func refusesToOverwrite() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("report.md").path
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ReportingError.outputExists(path: path)) {
      try ReportFiles.write(report, to: path, force: false)
    }
    #expect(
      ReportingError.outputExists(path: "report.md").description
        == "report.md: already exists. Pass --force to overwrite it, or choose another --output.")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    _ = try ReportFiles.write(report, to: path, force: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Report\n")
  }

  @Test("A folder is not a report path")
  func folderIsRejected() throws {
    let folder = try Fixtures.temporaryFolder()
    #expect(throws: ReportingError.outputIsFolder(path: folder.path)) {
      try ReportFiles.write(report, to: folder.path, force: true)
    }
  }
}
