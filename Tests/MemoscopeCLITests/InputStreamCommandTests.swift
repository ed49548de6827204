import Foundation
import TestSupport
import Testing

/// The bad-input cases of issue 13, each run as a user would: right counts, no hang, a line for
/// each input skipped or failed.
@Suite("Inputs: loops, duplicates, own outputs, odd names, standard input, installed binary")
struct InputStreamCommandTests {
  static let lexicon = Fixtures.repositoryRoot.appendingPathComponent(
    "Tests/Fixtures/Lexicons/mini"
  )
  .path

  /// Three different small memos.
  static let memos: [String: String] = [
    "a.txt": "Team,\n\nWe are reducing our workforce by 10 percent as AI changes how we work.\n",
    "b.txt": "Hello all,\n\nToday we say goodbye to colleagues in the sales team.\n",
    "notice.txt": "WARN notice: 40 employees at the Dayton plant will be laid off on March 1.\n",
  ]

  /// A folder holding `files` (relative paths; folders created as needed).
  func folder(_ files: [String: String]) throws -> URL {
    let folder = try Fixtures.temporaryFolder()
    for (name, text) in files {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return folder
  }

  /// `memoscope score --format jsonl` in `folder`: exit code, sources scored, stderr.
  func score(_ arguments: [String], in folder: URL, standardInput: Data? = nil) throws -> (
    exitCode: Int32, sources: [String], stderr: String
  ) {
    let result = CLIRunner.run(
      arguments: ["score", "--lexicon", Self.lexicon, "--format", "jsonl"] + arguments,
      currentDirectory: folder, standardInput: standardInput)
    let sources = try result.stdout.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["source"] as? String ?? "?"
    }
    return (result.exitCode, sources, result.stderr)
  }

  @Test("Symbolic link loops end, and each memo is scored once")
  func symlinkLoops() throws {
    let folder = try folder(
      Self.memos.merging(["sub/c.txt": "Dear team,\n\nThe Berlin office closes in June.\n"]) {
        a, _ in a
      })
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/memos-loop", withDestinationPath: ".")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/sub/up", withDestinationPath: "..")
    let result = try score(["."], in: folder)
    #expect(result.exitCode == 0)
    #expect(result.sources == ["./a.txt", "./b.txt", "./notice.txt", "./sub/c.txt"])
    #expect(
      result.stderr.contains("note: ./memos-loop: skipped: the same folder as ., already read"))
    #expect(result.stderr.contains("note: ./sub/up: skipped: the same folder as ., already read"))
  }

  @Test(
    "An unreadable sub-folder is one error; the rest of its folder is still read",
    .enabled(if: geteuid() != 0, "root reads any folder"))
  func unreadableSubfolder() throws {
    let folder = try folder(
      Self.memos.merging(["locked/x.txt": "Hidden memo text about cuts.\n"]) { a, _ in a })
    chmod(folder.path + "/locked", 0)
    defer { chmod(folder.path + "/locked", 0o755) }
    let result = try score(["."], in: folder)
    #expect(result.exitCode == 1)
    #expect(result.sources == ["./a.txt", "./b.txt", "./notice.txt"])
    #expect(
      result.stderr.contains("error: ./locked: cannot read: permission denied")
        || result.stderr.contains("./locked"))
  }

  @Test("The same path twice and overlapping folders count each file once, with a note")
  func duplicatesByPath() throws {
    let folder = try folder(
      Self.memos.merging(["sub/c.txt": "Dear team,\n\nThe Berlin office closes in June.\n"]) {
        a, _ in a
      })
    let twice = try score(["a.txt", "a.txt"], in: folder)
    #expect(twice.sources == ["a.txt"])
    #expect(twice.stderr.contains("note: a.txt: skipped: the same file as a.txt, already read"))
    let overlapping = try score([".", "sub"], in: folder)
    #expect(overlapping.sources == ["./a.txt", "./b.txt", "./notice.txt", "./sub/c.txt"])
    #expect(overlapping.stderr.contains("note: sub: skipped: the same folder as ./sub"))
    #expect(overlapping.exitCode == 0)
  }

  @Test("A copy of a memo under another name is counted once, naming both paths")
  func duplicateContent() throws {
    let folder = try folder(
      Self.memos.merging(["copies/a-copy.txt": Self.memos["a.txt"]!]) { a, _ in a })
    let result = try score(["."], in: folder)
    #expect(result.sources == ["./a.txt", "./b.txt", "./notice.txt"])
    #expect(
      result.stderr.contains(
        "note: ./copies/a-copy.txt: skipped: the same content as ./a.txt (counted once)"))
  }

  @Test("The extract JSONL kept beside its sources does not count its memos twice")
  func jsonlBesideSources() throws {
    let folder = try folder(Self.memos)
    let extracted = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "."], currentDirectory: folder)
    #expect(extracted.exitCode == 0)
    try Data(extracted.stdout.utf8).write(to: folder.appendingPathComponent("memos.jsonl"))
    let result = try score(["."], in: folder)
    #expect(result.sources == ["./a.txt", "./b.txt", "./notice.txt"])
    #expect(
      result.stderr.contains(
        "note: ./memos.jsonl:1: skipped: its source ./a.txt is read in this run"))
    // Alone, the JSONL file is read as memos.
    let alone = try score(["memos.jsonl"], in: folder)
    #expect(alone.sources == ["./a.txt", "./b.txt", "./notice.txt"])
  }

  @Test("Memoscope's own report and score files in the input folder are not read back")
  func ownOutputs() throws {
    let folder = try folder(Self.memos)
    let report = CLIRunner.run(
      arguments: ["report", "--lexicon", Self.lexicon, "-o", "report.md", "."],
      currentDirectory: folder)
    #expect(report.exitCode == 0, "\(report.stderr)")
    let scores = CLIRunner.run(
      arguments: [
        "score", "--lexicon", Self.lexicon, "--format", "jsonl", "--output", "scores.jsonl", ".",
      ],
      currentDirectory: folder)
    #expect(scores.exitCode == 0, "\(scores.stderr)")
    let table = CLIRunner.run(
      arguments: ["score", "--lexicon", Self.lexicon, "."], currentDirectory: folder)
    try Data(table.stdout.utf8).write(to: folder.appendingPathComponent("scores.txt"))
    let result = try score(["."], in: folder)
    #expect(result.sources == ["./a.txt", "./b.txt", "./notice.txt"])
    #expect(result.stderr.contains("note: ./report.md: skipped: Memoscope's own output (report)"))
    #expect(
      result.stderr.contains("note: ./scores.jsonl: skipped: Memoscope's own output (score JSONL)"))
    #expect(
      result.stderr.contains("note: ./scores.txt: skipped: Memoscope's own output (score table)"))
    #expect(result.exitCode == 0)
  }

  @Test("A name that is not valid UTF-8 is read, shown with \\xNN; notice.txt is read")
  func oddNames() throws {
    let folder = try folder(Self.memos)
    var name = Array((folder.path + "/caf").utf8) + [0xE9] + Array(".txt".utf8)
    name.append(0)
    let descriptor = name.withUnsafeBufferPointer {
      open(
        UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT,
        0o644)
    }
    #expect(descriptor >= 0)
    let text = Array(
      "Colleagues,\n\nThe café team in Lyon will close at the end of the year.\n".utf8)
    _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    let result = try score(["."], in: folder)
    #expect(result.exitCode == 0)
    #expect(result.sources == ["./a.txt", "./b.txt", "./caf\\xE9.txt", "./notice.txt"])
  }

  @Test("- and /dev/stdin read standard input")
  func standardInput() throws {
    let folder = try folder([:])
    let memo = Data(Self.memos["a.txt"]!.utf8)
    let dash = try score(["-"], in: folder, standardInput: memo)
    #expect(dash.exitCode == 0)
    #expect(dash.sources == ["(standard input)"])
    let device = try score(["/dev/stdin"], in: folder, standardInput: memo)
    #expect(device.sources == ["(standard input)"])
    let extracted = CLIRunner.run(
      arguments: ["extract", "-"], currentDirectory: folder, standardInput: memo)
    #expect(extracted.stdout.contains("We are reducing our workforce by 10 percent"))
  }

  @Test(
    "An installed binary finds its lexicon through PATH and symbolic links; a lone copy says how to name one"
  )
  func installedBinary() throws {
    let built = try #require(CLIRunner.executable)
    let prefix = try Fixtures.temporaryFolder()
    let elsewhere = try folder(Self.memos)
    // A symbolic link in a bin folder on PATH, to the built binary (which finds the repository's lexicon).
    try FileManager.default.createDirectory(
      at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: prefix.appendingPathComponent("bin/memoscope"), withDestinationURL: built)
    let fromPath = CLIRunner.run(
      arguments: ["memoscope", "score", "a.txt"], currentDirectory: elsewhere,
      environment: ["PATH": prefix.path + "/bin:/usr/bin:/bin", "MEMOSCOPE_LEXICON": ""],
      program: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(fromPath.exitCode == 0, "\(fromPath.stderr)")
    #expect(fromPath.stdout.contains("a.txt"))
    // A copy with nothing beside it: the message names --lexicon and MEMOSCOPE_LEXICON.
    let copy = prefix.appendingPathComponent("copy/memoscope")
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: built, to: copy)
    let lone = CLIRunner.run(
      arguments: ["score", "a.txt"], currentDirectory: elsewhere,
      environment: ["MEMOSCOPE_LEXICON": ""],
      program: copy)
    #expect(lone.exitCode == 2)
    #expect(lone.stderr.hasPrefix("error: no lexicon found"))
    #expect(lone.stderr.contains("--lexicon") && lone.stderr.contains("MEMOSCOPE_LEXICON"))
    // The same copy with the lexicon installed beside it, as <prefix>/share/memoscope.
    let share = prefix.appendingPathComponent("share/memoscope/Lexicons")
    try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: Self.lexicon), to: share.appendingPathComponent("ai-washing"))
    let copyBin = prefix.appendingPathComponent("bin/memoscope-copy")
    try FileManager.default.copyItem(at: built, to: copyBin)
    let installed = CLIRunner.run(
      arguments: ["score", "a.txt"], currentDirectory: elsewhere,
      environment: ["MEMOSCOPE_LEXICON": ""],
      program: copyBin)
    #expect(installed.exitCode == 0, "\(installed.stderr)")
  }
}

@Suite("Outputs: temporary files on SIGTERM")
struct SignalCleanupCommandTests {
  @Test("SIGTERM while score --output waits for its input leaves no temporary file behind")
  func sigtermRemovesTemporaryFile() throws {
    let built = try #require(CLIRunner.executable)
    let folder = try Fixtures.temporaryFolder()
    let process = Process()
    process.executableURL = built
    process.arguments = [
      "score", "--lexicon", InputStreamCommandTests.lexicon, "--format", "jsonl", "--output",
      "scores.jsonl", "-",
    ]
    process.currentDirectoryURL = folder
    // Standard input stays open, so the command waits on it with its output file started.
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    func temporaries() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
        $0.hasPrefix(".scores.jsonl.tmp-")
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
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("scores.jsonl").path))
  }
}
