import Foundation
import TestSupport
import Testing

/// `extract` and `cluster` write `--output` files as `score` does: streamed into a temporary
/// file renamed into place, never overwritten without `--force`, removed on SIGTERM.
@Suite("Outputs: extract and cluster --output")
struct StreamedOutputTests {
  let memos = "Tests/Fixtures/Scoring/memos"

  func run(_ arguments: [String]) -> (exitCode: Int32, stdout: String, stderr: String) {
    CLIRunner.run(arguments: arguments, currentDirectory: Fixtures.repositoryRoot)
  }

  @Test(
    "extract --output: every format gives the bytes stdout gives; an existing file needs --force",
    arguments: ["text", "json", "jsonl"])
  func extract(format: String) throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("memos.\(format)").path
    let printed = run(["extract", "--format", format, memos])
    #expect(printed.exitCode == 0, "\(printed.stderr)")
    let written = run(["extract", "--format", format, "--output", file, memos])
    #expect(written.exitCode == 0, "\(written.stderr)")
    #expect(written.stdout == "")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
    let refused = run(["extract", "--format", format, "-o", file, memos + "/ACME-2025-03.txt"])
    #expect(refused.exitCode == 2)
    #expect(refused.stderr.hasPrefix("error: \(file): the file exists; pass --force"))
    #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
    let forced = run(
      ["extract", "--format", format, "-o", file, "--force", memos + "/ACME-2025-03.txt"])
    #expect(forced.exitCode == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8) != printed.stdout)
  }

  @Test("extract --format json streams one object for one memo, an array for several, [] for none")
  func jsonShapes() throws {
    let one = run(["extract", "--format", "json", memos + "/ACME-2025-03.txt"])
    let object = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8))
    #expect(object is [String: Any])
    let several = run(["extract", "--format", "json", memos])
    let array = try JSONSerialization.jsonObject(with: Data(several.stdout.utf8)) as? [Any]
    #expect(array?.count == 3)
    #expect(several.stdout.hasPrefix("[\n  {\n    \"source\": "))
    #expect(several.stdout.hasSuffix("\n  }\n]\n"))
  }

  @Test(
    "cluster --output: every format gives the bytes stdout gives",
    arguments: ["table", "json", "md"])
  func cluster(format: String) throws {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("clusters.\(format)").path
    // Two of the fixture's lines are not memos: exit status 1 both ways, the rest clustered.
    let input = "Tests/Fixtures/Clustering/memos.jsonl"
    let printed = run(["cluster", "--format", format, input])
    #expect(printed.exitCode == 1, "\(printed.stderr)")
    #expect(printed.stdout.contains("Pell"))
    let written = run(["cluster", "--format", format, "--output", file, input])
    #expect(written.exitCode == 1, "\(written.stderr)")
    #expect(written.stderr == printed.stderr)
    #expect(written.stdout == "")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
    #expect(run(["cluster", "--format", format, "--output", file, input]).exitCode == 2)
  }

  @Test(
    "SIGTERM while extract or cluster --output waits for its input leaves no temporary file",
    arguments: [["extract", "--format", "jsonl"], ["cluster", "--format", "json"]])
  func sigterm(command: [String]) throws {
    let built = try #require(CLIRunner.executable)
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = built
    process.arguments = command + ["--output", "out.txt", "-"]
    process.currentDirectoryURL = folder
    // Standard input stays open, so the command waits on it with its output file started.
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    func temporaries() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
        $0.hasPrefix(".out.txt.tmp-")
      }
    }
    var waited = 0
    while temporaries().isEmpty && waited < 200 {
      usleep(50_000)
      waited += 1
    }
    #expect(temporaries().count == 1, "the temporary output file was never created")
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    try? input.fileHandleForWriting.close()
    #expect(process.terminationStatus == 128 + SIGTERM)
    #expect(temporaries() == [])
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.txt").path))
  }
}
