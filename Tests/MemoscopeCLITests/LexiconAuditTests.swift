import Foundation
import MemoLexicon
import MemoscopeKit
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
    #expect(
      lines[0]
        == "line,entry,category,role,source,paragraph,before,match,after,entry_hits,correct")
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
    let blocks = imported.stdout.components(separatedBy: "\n\n")
    let rows = blocks[0].split(separator: "\n")
    #expect(rows.first == "entry,category,marked,correct,precision")
    #expect(rows.count == 5)
    #expect(rows.last == "all,,3,2,0.667")
    // Per category: the same marks summed by category, totals unchanged.
    let categories = blocks[1].split(separator: "\n").dropFirst().map {
      $0.split(separator: ",").map(String.init)
    }
    #expect(blocks[1].hasPrefix("category,marked,correct,precision\n"))
    #expect(categories.reduce(0) { $0 + Int($1[1])! } == 3)
    #expect(categories.reduce(0) { $0 + Int($1[2])! } == 2)
  }

  @Test("A marked audit file for the lexicon's own version gives the report's vetted precision")
  func vettedPrecision() throws {
    let folder = try Fixtures.temporaryFolder()
    let copy = folder.appendingPathComponent("layered")
    try FileManager.default.copyItem(at: Fixtures.url("Lexicons/layered"), to: copy)
    #expect(LexiconAudit.vettedPrecision(of: try Lexicon.load(copy.path)) == nil)
    let audit = copy.appendingPathComponent("audit")
    try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
    let marked = """
      line,entry,category,role,source,paragraph,before,match,after,entry_hits,correct
      1,ai_first,framing,ai_framing,memos/a.txt,1,We are an ,AI-first, company,4,y
      2,ai_first,framing,ai_framing,memos/b.txt,2,An ,AI-first, shop,4,n
      3,cut_named,cuts,cut,memos/a.txt,3,We ,laid off, ten,6,y
      4,cut_named,cuts,cut,memos/c.txt,1,They ,laid off, staff,6,

      """
    // A file for another version is not this lexicon's vetting.
    try marked.write(
      to: audit.appendingPathComponent("layered-0.3.0.csv"), atomically: true, encoding: .utf8)
    #expect(LexiconAudit.vettedPrecision(of: try Lexicon.load(copy.path)) == nil)
    try marked.write(
      to: audit.appendingPathComponent("layered-0.4.0.csv"), atomically: true, encoding: .utf8)
    let summary = try LexiconAudit.summary(
      ofMarkedFile: audit.appendingPathComponent("layered-0.4.0.csv").path)
    #expect(summary.marked == 3 && summary.correct == 2)
    #expect(summary.population == 10 && summary.inputs == ["memos/"])
    let sentence = try #require(LexiconAudit.vettedPrecision(of: try Lexicon.load(copy.path)))
    #expect(sentence.hasPrefix("0.667 (3 of 10 hits in memos/ checked by a person"))
    #expect(sentence.contains("1 wrong"))
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
