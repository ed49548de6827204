import Foundation
import MemoLibrary
import TestSupport
import Testing

@Suite("memoscope library")
struct LibraryCommandTests {
  let root = Fixtures.repositoryRoot
  let lexicon = "Tests/Fixtures/Lexicons/mini"
  let memos = "Tests/Fixtures/Scoring/memos"

  func run(_ arguments: [String], library: URL) -> (exitCode: Int32, stdout: String, stderr: String)
  {
    CLIRunner.run(
      arguments: ["library"] + arguments, currentDirectory: root,
      environment: ["MEMOSCOPE_LIBRARY": library.path])
  }

  @Test("add counts added, already present and failed inputs; adding again adds nothing")
  func add() throws {
    let library = try Fixtures.temporaryFolder().appendingPathComponent("l.sqlite")
    let first = run(["add", "--lexicon", lexicon, memos], library: library)
    #expect(first.exitCode == 0)
    #expect(first.stdout == "3 added, 0 already present, 0 failed.\n")
    let again = run(
      ["add", "--lexicon", lexicon, memos, "Tests/Fixtures/Reporting/Broken/scan.pdf"],
      library: library)
    #expect(again.exitCode == 1)
    #expect(again.stdout == "0 added, 3 already present, 1 failed.\n")
    #expect(again.stderr.hasPrefix("error: Tests/Fixtures/Reporting/Broken/scan.pdf: "))
    let missing = run(["search", "--library", "/nonexistent/x.sqlite", "layers"], library: library)
    #expect(missing.exitCode == 2)
    #expect(
      missing.stderr
        == "error: /nonexistent/x.sqlite: no memo library here; create one with 'memoscope "
        + "library add --library /nonexistent/x.sqlite PATH...'.\n")
  }

  @Test("search prints keyword-in-context lines as a table, JSON Lines or CSV")
  func search() throws {
    let library = try Fixtures.temporaryFolder().appendingPathComponent("l.sqlite")
    #expect(run(["add", "--lexicon", lexicon, memos], library: library).exitCode == 0)
    let jsonl = run(["search", "--format", "jsonl", "AI first"], library: library)
    #expect(jsonl.exitCode == 0)
    let objects = try jsonl.stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.count >= 1)
    #expect(
      Set(objects[0].keys) == ["source", "company", "date", "paragraph", "text", "before", "after"])
    #expect(objects[0]["text"] as? String == "AI-first")
    #expect(objects[0]["company"] as? String == "Acme")
    let csv = run(["search", "--format", "csv", "--company", "acme", "AI first"], library: library)
    #expect(csv.stdout.hasPrefix("source,company,date,paragraph,text,before,after\n"))
    let table = run(["search", "--entry", "fewer_layers"], library: library)
    #expect(table.stdout.contains("fewer_layers"))
    #expect(table.stdout.contains("[removing layers]"))
    let both = run(["search", "--entry", "fewer_layers", "layers"], library: library)
    #expect(both.exitCode == 2)
  }

  @Test("A vetting sheet goes out and comes back; the report counts it and drops wrong hits")
  func vettingRoundTrip() throws {
    let folder = try Fixtures.temporaryFolder()
    let library = folder.appendingPathComponent("l.sqlite")
    #expect(run(["add", "--lexicon", lexicon, memos], library: library).exitCode == 0)
    let sheet = folder.appendingPathComponent("sheet.csv")
    let exported = run(
      ["vet", "--export", sheet.path, "--entry", "fewer_layers"], library: library)
    #expect(exported.exitCode == 0)
    var rows = try String(contentsOf: sheet, encoding: .utf8).components(separatedBy: "\n")
    #expect(
      rows[0]
        == "memo_hash,entry,paragraph,start,source,company,date,category,before,text,after,verdict,note"
    )
    let hitRows = rows.indices.filter { rows[$0].contains(",fewer_layers,") }
    #expect(hitRows.count >= 1)
    // Mark the first hit wrong: the verdict is the second-to-last column.
    rows[hitRows[0]] = String(rows[hitRows[0]].dropLast(2)) + ",wrong,test"
    try rows.joined(separator: "\n").write(to: sheet, atomically: true, encoding: .utf8)
    let imported = run(["vet", "--import", sheet.path], library: library)
    #expect(imported.exitCode == 0)
    #expect(imported.stdout.hasPrefix("Stored 1 verdict. 1 of "))
    #expect(imported.stdout.hasSuffix(" hits checked by a person, 1 wrong.\n"))
    let report = folder.appendingPathComponent("report.md")
    let written = run(
      ["report", "--lexicon", lexicon, "--output", report.path], library: library)
    #expect(written.exitCode == 0)
    let markdown = try String(contentsOf: report, encoding: .utf8)
    #expect(markdown.contains("- Vetting: 1 of "))
    #expect(markdown.contains("hits checked by a person, 1 wrong"))
    let hits = run(["search", "--format", "jsonl", "--entry", "fewer_layers"], library: library)
    #expect(hits.stdout.contains("\"verdict\":\"wrong\""))
    // A sheet row with an unknown verdict is reported and the others kept.
    try "memo_hash,entry,paragraph,start,verdict\nx,fewer_layers,1,0,maybe\n".write(
      to: sheet, atomically: true, encoding: .utf8)
    let bad = run(["vet", "--import", sheet.path], library: library)
    #expect(bad.exitCode == 1)
    #expect(
      bad.stderr == "error: \(sheet.path): row 2: verdict 'maybe' is not 'right' or 'wrong'\n")
  }

  @Test("timeline writes Markdown and an SVG whose axis starts at the library's first memo")
  func timeline() throws {
    let folder = try Fixtures.temporaryFolder()
    let library = folder.appendingPathComponent("l.sqlite")
    #expect(run(["add", "--lexicon", lexicon, memos], library: library).exitCode == 0)
    let output = folder.appendingPathComponent("t.md")
    let result = run(["timeline", "--entry", "fewer_layers", "-o", output.path], library: library)
    #expect(result.exitCode == 0)
    let svg = try String(
      contentsOf: folder.appendingPathComponent("t.svg"), encoding: .utf8)
    #expect(svg.contains(">2023-11-"))  // CRANE-2023-11 is the library's first memo.
    let markdown = try String(contentsOf: output, encoding: .utf8)
    #expect(markdown.contains("(earliest)"))
    #expect(markdown.contains("](t.svg)"))
  }

  @Test("export writes tidy CSV of memos, hits and categories")
  func export() throws {
    let library = try Fixtures.temporaryFolder().appendingPathComponent("l.sqlite")
    #expect(run(["add", "--lexicon", lexicon, memos], library: library).exitCode == 0)
    let memosCSV = run(["export", "--what", "memos"], library: library).stdout
    #expect(memosCSV.split(separator: "\n").count == 4)
    #expect(memosCSV.hasPrefix("source,company,date,title,url,added_at,tokens,index,hits,hash\n"))
    let categories = run(
      ["export", "--what", "categories", "--lexicon", lexicon], library: library
    ).stdout
    // Three memos × five categories of the mini lexicon, zero counts included.
    #expect(categories.split(separator: "\n").count == 1 + 3 * 5)
  }

  @Test("kill -9 in the middle of an add leaves a sound library and a rerun completes it")
  func killedAdd() throws {
    let folder = try Fixtures.temporaryFolder()
    let inputs = folder.appendingPathComponent("memos")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let total = 3000
    for index in 0..<total {
      let text =
        "Memo \(index) from Company\(index % 97).\n\nWe are removing layers across team "
        + "\(index) and becoming an AI-first company in quarter \(index % 4 + 1).\n"
      try text.write(
        to: inputs.appendingPathComponent("memo-\(index).txt"), atomically: false,
        encoding: .utf8)
    }
    let path = folder.appendingPathComponent("l.sqlite").path
    guard let executable = CLIRunner.executable else {
      Issue.record("no memoscope binary")
      return
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["library", "add", "--library", path, "--lexicon", lexicon, inputs.path]
    process.currentDirectoryURL = root
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill it once some batches are committed, while it is still adding.
    var stored = 0
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline {
      if FileManager.default.fileExists(atPath: path),
        let count = try? Library(path: path).memoCount(), count > 0
      {
        stored = count
        break
      }
      usleep(2_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(stored > 0 && stored < total)
    let library = try Library(path: path)
    #expect(try library.integrityCheck() == ["ok"])
    let storedAfterKill = try library.memoCount()
    #expect(storedAfterKill < total)
    let rerun = CLIRunner.run(
      arguments: ["library", "add", "--library", path, "--lexicon", lexicon, inputs.path],
      currentDirectory: root)
    #expect(rerun.exitCode == 0)
    #expect(
      rerun.stdout
        == "\(total - storedAfterKill) added, \(storedAfterKill) already present, 0 failed.\n")
    #expect(try library.memoCount() == total)
    #expect(try library.integrityCheck() == ["ok"])
  }
}
