import Foundation
import TestSupport
import Testing

@Suite("memoscope cluster")
struct ClusterCommandTests {
  func run(_ arguments: [String]) -> (exitCode: Int32, stdout: String, stderr: String) {
    CLIRunner.run(arguments: ["cluster"] + arguments, currentDirectory: Fixtures.root)
  }

  @Test("A fixture folder clusters into its two families (table)")
  func folderTable() {
    let result = run(["Clustering/folder"])
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(Snapshots.mismatch(result.stdout, at: "Clustering/Snapshots/folder.txt") == nil)
  }

  @Test("JSON output matches the snapshot, whatever the order of the input paths")
  func folderJSON() throws {
    let result = run(["--format", "json", "Clustering/folder"])
    #expect(result.exitCode == 0)
    #expect(Snapshots.mismatch(result.stdout, at: "Clustering/Snapshots/folder.json") == nil)
    let files = try FileManager.default.contentsOfDirectory(
      atPath: Fixtures.url("Clustering/folder").path
    ).sorted().reversed().map { "Clustering/folder/\($0)" }
    let reversed = run(["--format", "json"] + files)
    #expect(reversed.stdout == result.stdout)
  }

  @Test("JSONL input: bad lines are reported as file:line, the rest is clustered (exit 1)")
  func jsonlWithBadLines() {
    let result = run(["--format", "md", "Clustering/memos.jsonl"])
    #expect(result.exitCode == 1)
    #expect(
      result.stderr == """
        error: Clustering/memos.jsonl:3: not a memo: invalid JSON. Each line must be one memo as written by 'memoscope extract --format jsonl'.
        error: Clustering/memos.jsonl:5: not a memo: missing key 'paragraphs'. Each line must be one memo as written by 'memoscope extract --format jsonl'.

        """)
    #expect(Snapshots.mismatch(result.stdout, at: "Clustering/Snapshots/memos.md") == nil)
  }

  @Test("Markdown escapes memo text so titles cannot break the table")
  func markdownEscaping() {
    let result = run(["--format", "md", "Clustering/memos.jsonl"])
    #expect(result.stdout.contains("| Changes at Pell \\| Networks |"))
    #expect(result.stdout.contains("A \\[hard\\] \\<decision\\>"))
  }

  @Test(
    "A memo's date, company and text cannot inject HTML, links or table cells into the Markdown")
  func hostileDate() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let body =
      "We are reducing our workforce by ten percent as automation now handles much of the "
      + "work in support, review and recruiting; write to jobs@evil.example or see "
      + "https://evil.example and www.evil.example for the details of this change today."
    let lines = ["a.html", "b.html"].map { source in
      let memo: [String: Any] = [
        "source": source, "title": "T", "author": NSNull(),
        "date": "<img src=x onerror=alert(1)> | 2024", "company": "ACME http://evil.example",
        "paragraphs": [body, body + " Thank you all."],
      ]
      let data = try! JSONSerialization.data(withJSONObject: memo, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    let input = folder.appendingPathComponent("memos.jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
    let result = CLIRunner.run(arguments: ["cluster", "--format", "md", input.path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\\<img src=x onerror=alert(1)\\> \\| 2024"))
    for (flavor, html) in CommonMark.renders(result.stdout) {
      let problems = CommonMark.problems(in: html)
      #expect(problems.isEmpty, "\(flavor): \(problems)")
      #expect(CommonMark.tableWidths(in: html).allSatisfy { $0.count == 1 }, "\(flavor)")
    }
  }

  @Test("A missing path is reported and the others still run")
  func missingPath() {
    let result = run(["--format", "json", "Clustering/nope", "Clustering/folder"])
    #expect(result.exitCode == 1)
    #expect(result.stderr.hasPrefix("error: Clustering/nope"))
    #expect(result.stdout.contains("\"documents\" : 6"))
  }

  @Test("--no-mask is reported in the parameters; --threshold out of range is a usage error")
  func flags() {
    let plain = run(["--format", "json", "--no-mask", "--threshold", "0.3", "Clustering/folder"])
    #expect(plain.stdout.contains("\"masking\" : false"))
    #expect(plain.stdout.contains("\"threshold\" : 0.3"))
    let bad = run(["--threshold", "0", "Clustering/folder"])
    #expect(bad.exitCode == 2)
    #expect(bad.stderr.contains("--threshold must be greater than 0 and at most 1, got 0.0."))
  }
}
