import Foundation
import TestSupport
import Testing

@Suite("memoscope lexicon audit")
struct LexiconAuditTests {
  let lexicon = "Tests/Fixtures/Lexicons/layered"
  let memos = "Tests/Fixtures/Scoring/memos"

  func run(_ arguments: [String]) -> (exitCode: Int32, stdout: String, stderr: String) {
    CLIRunner.run(
      arguments: ["lexicon", "audit"] + arguments, currentDirectory: Fixtures.repositoryRoot)
  }

  @Test("Writes a KWIC sample as Markdown and CSV, and reads the marks back as precision")
  func sampleAndImport() throws {
    let folder = try Fixtures.temporaryFolder()
    let prefix = folder.appendingPathComponent("audit").path
    let result = run(["--lexicon", lexicon, "--per-entry", "1", "--output", prefix, memos])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let markdown = try String(contentsOfFile: prefix + ".md", encoding: .utf8)
    #expect(markdown.hasPrefix("# Lexicon audit: layered 0.4.0"))
    #expect(markdown.contains("**AI-first company**"))
    let csv = try String(contentsOfFile: prefix + ".csv", encoding: .utf8)
    var lines = csv.split(separator: "\n").map(String.init)
    #expect(lines[0] == "line,entry,category,role,source,paragraph,before,match,after,correct")
    // One line per entry that matched, at most one each.
    let entries = lines.dropFirst().map { $0.split(separator: ",")[1] }
    #expect(Set(entries).count == entries.count)
    #expect(entries.contains("ai_first"))
    #expect(entries.contains("cut_named"))

    // Mark the first two lines right, the third wrong, leave the rest empty.
    for index in 1...3 { lines[index] += index == 3 ? "n" : "y" }
    let marked = folder.appendingPathComponent("marked.csv").path
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: marked, atomically: true, encoding: .utf8)
    let imported = run(["--import", marked])
    #expect(imported.exitCode == 0, "\(imported.stderr)")
    let rows = imported.stdout.split(separator: "\n")
    #expect(rows.first == "entry,category,marked,correct,precision")
    #expect(rows.count == 5)
    #expect(rows.last == "all,,3,2,0.67")
  }

  @Test("A bad mark names the file and line; an existing output needs --force")
  func errors() throws {
    let folder = try Fixtures.temporaryFolder()
    let marked = folder.appendingPathComponent("marked.csv").path
    try
      "line,entry,category,role,source,paragraph,before,match,after,correct\n1,a,b,c,d,1,e,f,g,maybe\n"
      .write(toFile: marked, atomically: true, encoding: .utf8)
    let bad = run(["--import", marked])
    #expect(bad.exitCode == 1)
    #expect(bad.stderr.contains("\(marked):2: mark 'maybe'"))

    let noColumn = folder.appendingPathComponent("other.csv").path
    try "a,b\n1,2\n".write(toFile: noColumn, atomically: true, encoding: .utf8)
    #expect(run(["--import", noColumn]).stderr.contains("no 'entry' column"))

    let prefix = folder.appendingPathComponent("audit").path
    try "old".write(toFile: prefix + ".csv", atomically: true, encoding: .utf8)
    let exists = run(["--lexicon", lexicon, "--output", prefix, memos])
    #expect(exists.exitCode == 2)
    #expect(exists.stderr.contains("pass --force"))
    #expect(try String(contentsOfFile: prefix + ".csv", encoding: .utf8) == "old")
    #expect(run(["--lexicon", lexicon]).exitCode == 2)
  }
}
