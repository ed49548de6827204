import Foundation
import TestSupport
import Testing

@Suite("memoscope compare")
struct CompareCommandTests {
  let arguments = [
    "compare", "Basic/NORVALE-2025-03.html", "Basic/QUILLHAVEN-2025-08.html", "--lexicon",
    "Lexicon",
  ]

  @Test("The terminal format fits COLUMNS, without colour when NO_COLOR is set")
  func terminal() throws {
    let run = CLIRunner.run(
      arguments: arguments, currentDirectory: try reportingWorkspace(),
      environment: ["COLUMNS": "100", "NO_COLOR": "1"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("\u{1B}"))
    #expect(run.stdout.components(separatedBy: "\n").allSatisfy { $0.count <= 100 })
    #expect(run.stdout.contains("[-14-]"))
    #expect(run.stdout.contains("{+9+}"))
    let mismatch = Snapshots.mismatch(run.stdout, at: "Reporting/Snapshots/compare-terminal.txt")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("--color always forces ANSI colour")
  func color() throws {
    let run = CLIRunner.run(
      arguments: arguments + ["--color", "always"], currentDirectory: try reportingWorkspace(),
      environment: ["COLUMNS": "100"])
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\u{1B}[31m14\u{1B}[0m"))
    #expect(run.stdout.contains("\u{1B}[32m9\u{1B}[0m"))
  }

  @Test("The Markdown format is a document a reporter can paste")
  func markdown() throws {
    let run = CLIRunner.run(
      arguments: arguments + ["--format", "md"], currentDirectory: try reportingWorkspace())
    #expect(run.exitCode == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("> Today ~~Norvale~~ **Quillhaven** is becoming an AI-native company"))
    for (flavor, html) in CommonMark.renders(run.stdout) {
      #expect(html.contains("<h1>Comparison: Norvale and Quillhaven</h1>"), "\(flavor)")
    }
    let mismatch = Snapshots.mismatch(run.stdout, at: "Reporting/Snapshots/compare.md")
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test("Hostile memos stay text in the Markdown format and lose escape sequences in the terminal")
  func hostile() throws {
    let workspace = try reportingWorkspace(["Hostile", "Lexicon"])
    let pair = [
      "compare", "Hostile/HOSTILE-2025-06.html", "Hostile/pipes-and-fences.txt", "--lexicon",
      "Lexicon",
    ]
    let markdown = CLIRunner.run(arguments: pair + ["--format", "md"], currentDirectory: workspace)
    #expect(markdown.exitCode == 0, "\(markdown.stderr)")
    for (flavor, html) in CommonMark.renders(markdown.stdout) {
      let problems = CommonMark.problems(in: html)
      #expect(problems.isEmpty, "\(flavor): \(problems)")
    }
    let terminal = CLIRunner.run(
      arguments: pair + ["--color", "never"], currentDirectory: workspace,
      environment: ["COLUMNS": "90"])
    #expect(terminal.exitCode == 0, "\(terminal.stderr)")
    #expect(!terminal.stdout.contains("\u{1B}"))
    #expect(terminal.stdout.components(separatedBy: "\n").allSatisfy { $0.count <= 90 })
  }

  @Test("The JSON format parses and names the changed words")
  func json() throws {
    let run = CLIRunner.run(
      arguments: arguments + ["--format", "json"], currentDirectory: try reportingWorkspace())
    #expect(run.exitCode == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let paragraphs = object?["paragraphs"] as? [[String: Any]] ?? []
    let changes = paragraphs.flatMap { $0["changes"] as? [[String: String]] ?? [] }
    #expect(changes.contains(["removed": "14", "added": "9"]))
    #expect(changes.contains(["removed": "Norvale", "added": "Quillhaven"]))
    let left = object?["left"] as? [String: Any]
    #expect(left?["company"] as? String == "Norvale")
  }

  @Test("A folder is a usage error; an unreadable file is an input error")
  func badInputs() throws {
    let workspace = try reportingWorkspace(["Basic", "Broken", "Lexicon"])
    let folder = CLIRunner.run(
      arguments: ["compare", "Basic", "Basic/NORVALE-2025-03.html", "--lexicon", "Lexicon"],
      currentDirectory: workspace)
    #expect(folder.exitCode == 2)
    #expect(
      folder.stderr
        == "error: Basic: is not a single memo file. Give two files to compare, e.g. a.html b.txt.\n"
    )
    let broken = CLIRunner.run(
      arguments: [
        "compare", "Broken/scan.pdf", "Basic/NORVALE-2025-03.html", "--lexicon", "Lexicon",
      ], currentDirectory: workspace)
    #expect(broken.exitCode == 1)
    #expect(
      broken.stderr
        == "error: Broken/scan.pdf: is a PDF document, not HTML, text or email. Convert it to text or HTML first.\n"
    )
  }

  @Test("A JSONL file is compared when it holds one memo, refused when it holds several")
  func jsonlInputs() throws {
    let workspace = try reportingWorkspace(["Basic", "Lexicon"])
    let one = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "Basic/NORVALE-2025-03.html"],
      currentDirectory: workspace)
    try Data(one.stdout.utf8).write(to: workspace.appendingPathComponent("one.jsonl"))
    let two = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "Basic"], currentDirectory: workspace)
    try Data(two.stdout.utf8).write(to: workspace.appendingPathComponent("two.jsonl"))

    func compare(_ left: String) -> (exitCode: Int32, stdout: String, stderr: String) {
      CLIRunner.run(
        arguments: [
          "compare", left, "Basic/QUILLHAVEN-2025-08.html", "--lexicon", "Lexicon", "--format",
          "json",
        ], currentDirectory: workspace)
    }
    let fromPage = compare("Basic/NORVALE-2025-03.html")
    let fromLine = compare("one.jsonl")
    #expect(fromLine.exitCode == 0)
    #expect(fromLine.stdout == fromPage.stdout)
    let several = compare("two.jsonl")
    #expect(several.exitCode == 2)
    #expect(
      several.stderr
        == "error: two.jsonl: is not a single memo file. Give two files to compare, e.g. a.html b.txt.\n"
    )
  }
}
