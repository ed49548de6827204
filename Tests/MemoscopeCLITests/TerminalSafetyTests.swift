import Foundation
import TestSupport
import Testing

/// Hostile file names and fields (escape sequences, OSC title changes, C1 controls, bidi
/// overrides, CR LF) must not reach the terminal from any command's table or error lines.
@Suite("Terminal safety")
struct TerminalSafetyTests {
  /// A field that recolours, retitles the window, reverses text and splits a row if printed.
  static let hostile = "Evil\u{1B}[31mRed\u{1B}]0;pwned\u{7}\u{202E}gpj.exe\r\nInjected row\u{9B}2J"
  static let fileName = "memo\u{1B}[2J\u{202E}\u{2066}x\n\u{85}.jsonl"
  static let body =
    "We are becoming an AI-first company. Because AI does the work now, we are eliminating "
    + "120 roles and removing layers across the company, in every team and every office."

  /// True when `text` holds no control character but line feeds, and no bidi control.
  static func isClean(_ text: String) -> Bool {
    !text.unicodeScalars.contains { scalar in
      switch scalar.value {
      case 0x0A: false
      case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
      default: false
      }
    }
  }

  /// No line of `text` starts with the injected text (a line break inside a field splits rows).
  static func rowsIntact(_ text: String) -> Bool {
    !text.split(separator: "\n").contains { $0.hasPrefix("Injected") }
  }

  /// A folder with a JSONL file (hostile name) of `count` memos with hostile fields and one bad
  /// line, so the error line names the file.
  func workspace(count: Int, badLine: Bool = true, name: String = fileName) throws -> (
    URL, String
  ) {
    let folder = try Fixtures.temporaryFolder()
    var lines: [String] = []
    for index in 0..<count {
      let memo: [String: Any] = [
        "source": "\(Self.hostile)-\(index).html", "title": Self.hostile, "author": NSNull(),
        "date": "2025-01-0\(index + 1)\u{1B}[5m", "company": Self.hostile,
        "paragraphs": [Self.body, Self.body + " Thank you."],
      ]
      let data = try JSONSerialization.data(withJSONObject: memo, options: [.sortedKeys])
      lines.append(String(decoding: data, as: UTF8.self))
    }
    if badLine { lines.append("{not json") }
    try Data((lines.joined(separator: "\n") + "\n").utf8)
      .write(to: folder.appendingPathComponent(name))
    return (folder, name)
  }

  func expectSafe(_ run: (exitCode: Int32, stdout: String, stderr: String), _ label: String) {
    #expect(Self.isClean(run.stdout), "\(label) stdout: \(run.stdout.debugDescription)")
    #expect(Self.isClean(run.stderr), "\(label) stderr: \(run.stderr.debugDescription)")
    #expect(Self.rowsIntact(run.stdout), "\(label) stdout: \(run.stdout.debugDescription)")
    #expect(Self.rowsIntact(run.stderr), "\(label) stderr: \(run.stderr.debugDescription)")
  }

  @Test("score's table and its error line")
  func score() throws {
    let (folder, name) = try workspace(count: 2)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = CLIRunner.run(
      arguments: [
        "score", "--lexicon", Fixtures.repositoryRoot.path + "/Lexicons/ai-washing", name,
      ],
      currentDirectory: folder)
    #expect(run.exitCode == 1, "\(run.stderr)")
    #expect(run.stdout.contains("Evil[31mRed"))
    #expect(run.stderr.hasPrefix("error: memo"))
    expectSafe(run, "score")
  }

  @Test("cluster's table and its error line")
  func cluster() throws {
    let (folder, name) = try workspace(count: 3)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = CLIRunner.run(arguments: ["cluster", name], currentDirectory: folder)
    #expect(run.exitCode == 1, "\(run.stderr)")
    #expect(run.stdout.contains("cluster 1"))
    #expect(run.stdout.contains("Evil[31mRed"))
    expectSafe(run, "cluster")
  }

  @Test("compare's terminal columns and its error line")
  func compare() throws {
    let (folder, name) = try workspace(count: 1, badLine: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lexicon = Fixtures.repositoryRoot.path + "/Lexicons/ai-washing"
    let other = "other\u{1B}[7m.jsonl"
    try FileManager.default.copyItem(
      at: folder.appendingPathComponent(name), to: folder.appendingPathComponent(other))
    let run = CLIRunner.run(
      arguments: ["compare", "--lexicon", lexicon, "--color", "never", name, other],
      currentDirectory: folder, environment: ["COLUMNS": "100"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Evil[31mRed"))
    expectSafe(run, "compare")
    let missing = CLIRunner.run(
      arguments: ["compare", "--lexicon", lexicon, name, "gone\u{1B}[31m.txt"],
      currentDirectory: folder)
    #expect(missing.exitCode != 0)
    #expect(missing.stderr.contains("gone[31m.txt"))
    expectSafe(missing, "compare (missing file)")
  }

  @Test("extract's text header and its error line")
  func extract() throws {
    let (folder, name) = try workspace(count: 1)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = CLIRunner.run(arguments: ["extract", name], currentDirectory: folder)
    #expect(run.exitCode == 1)
    #expect(run.stdout.hasPrefix("=== Evil[31mRed"))
    #expect(Self.isClean(run.stdout.components(separatedBy: "\n")[0]))
    #expect(Self.isClean(run.stderr), "\(run.stderr.debugDescription)")
  }

  @Test("library add, search and similar")
  func library() throws {
    let (folder, name) = try workspace(count: 2)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lexicon = Fixtures.repositoryRoot.path + "/Lexicons/ai-washing"
    let environment = ["MEMOSCOPE_LIBRARY": folder.appendingPathComponent("l.sqlite").path]
    let add = CLIRunner.run(
      arguments: ["library", "add", "--lexicon", lexicon, name], currentDirectory: folder,
      environment: environment)
    #expect(add.exitCode == 1, "\(add.stderr)")
    expectSafe(add, "library add")
    let search = CLIRunner.run(
      arguments: ["library", "search", "AI first"], currentDirectory: folder,
      environment: environment)
    #expect(search.exitCode == 0, "\(search.stderr)")
    #expect(search.stdout.contains("Evil[31mRed"))
    expectSafe(search, "library search")
    // A memo file named with escapes, its text shared with the stored ones.
    let probe = "probe\u{1B}[31m\u{202E}.txt"
    try Data((Self.body + "\n\n" + Self.body + " Thank you.\n").utf8)
      .write(to: folder.appendingPathComponent(probe))
    let similar = CLIRunner.run(
      arguments: ["library", "similar", probe], currentDirectory: folder,
      environment: environment)
    #expect(similar.exitCode == 0, "\(similar.stderr)")
    #expect(similar.stdout.contains("Evil[31mRed"), "\(similar.stdout)")
    expectSafe(similar, "library similar")
  }

  @Test("a line break in a file name never splits an error line")
  func lineBreakInName() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = "empty\nInjected line.txt"
    try Data().write(to: folder.appendingPathComponent(empty))
    let extract = CLIRunner.run(arguments: ["extract", empty], currentDirectory: folder)
    #expect(extract.exitCode == 1)
    #expect(
      extract.stderr == "error: empty Injected line.txt: file is empty. Save the page "
        + "again or remove it from the inputs.\n", "\(extract.stderr.debugDescription)")

    // A lexicon failure is two lines by design; the name inside the first stays on it.
    let lexicon = folder.appendingPathComponent("lex\nInjected")
    try FileManager.default.createDirectory(at: lexicon, withIntermediateDirectories: true)
    try Data("name: x\nversion: nope\n".utf8)
      .write(to: lexicon.appendingPathComponent("lexicon.yaml"))
    try Data("We are cutting 40 roles.".utf8).write(to: folder.appendingPathComponent("m.txt"))
    let score = CLIRunner.run(
      arguments: ["score", "--lexicon", lexicon.path, "m.txt"], currentDirectory: folder)
    #expect(score.exitCode == 2, "\(score.stderr)")
    let lines = score.stderr.split(separator: "\n")
    #expect(lines.count == 2, "\(score.stderr.debugDescription)")
    #expect(lines.last?.hasPrefix("error: the lexicon has problems") == true)
    #expect(Self.rowsIntact(score.stderr), "\(score.stderr.debugDescription)")
  }
}
