import Foundation
import MemoscopeKit
import TestSupport
import Testing

/// Runs the built `memoscope extract` on fixture folders, as a user would.
@Suite("memoscope extract")
struct ExtractCommandTests {
  /// A temporary folder holding `files` (name → bytes).
  func folder(_ files: [String: [UInt8]]) throws -> URL {
    let folder = try Fixtures.temporaryFolder()
    for (name, bytes) in files {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    return folder
  }

  static let memoText = Array(
    "From: Dana Whitfield\nSubject: Our next chapter\n\nTeam, we are reducing our workforce\nby 12 percent.\n\nThank you.\n"
      .utf8)

  @Test("text: a header line per document, then the paragraphs")
  func textFormat() throws {
    let folder = try folder(["memo.txt": Self.memoText])
    let result = CLIRunner.run(arguments: ["extract", "memo.txt"], currentDirectory: folder)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout
        == "=== memo.txt — Our next chapter — Dana Whitfield ===\n\nTeam, we are reducing our workforce by 12 percent.\n\nThank you.\n"
    )
  }

  @Test("jsonl: one object per input, every key present, in a stable order")
  func jsonLines() throws {
    let folder = try folder([
      "b/memo.txt": Self.memoText,
      "a.html": Array(
        "<html><body><p>Short page about automation replacing a whole team of people.</p></body></html>"
          .utf8),
    ])
    let result = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "."], currentDirectory: folder)
    #expect(result.exitCode == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(
      lines.first
        == #"{"source":"./a.html","title":null,"author":null,"date":null,"company":null,"paragraphs":["Short page about automation replacing a whole team of people."],"encoding":"utf-8","quoted":false,"commentary":[],"format":"html","titleSource":null,"authorSource":null,"dateSource":null,"companySource":null,"url":null}"#
    )
    #expect(
      lines.last
        == #"{"source":"./b/memo.txt","title":"Our next chapter","author":"Dana Whitfield","date":null,"company":null,"paragraphs":["Team, we are reducing our workforce by 12 percent.","Thank you."],"encoding":"utf-8","quoted":false,"commentary":[],"format":"text","titleSource":"memo-header","authorSource":"memo-header","dateSource":null,"companySource":null,"url":null}"#
    )
    let again = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "."], currentDirectory: folder)
    #expect(again.stdout == result.stdout)
  }

  @Test("JSON strings escape quotes, backslashes and controls and keep every other character")
  func jsonEscapes() throws {
    let tricky = [
      "plain", "say \"hi\"", "back\\slash", "line\r\nbreak", "\"\u{301} a quote with a mark",
      "tab\tand\u{1}control\u{1F}", "é, 中 and 😀 \"quoted\"", "\r\n", "\u{7}", "end\\",
    ]
    let line = ExtractionOutput.jsonLine(Memo(source: "s", paragraphs: tricky))
    // Escaping scalar by scalar, as the byte version must.
    func escaped(_ text: String) -> String {
      var output = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: output.unicodeScalars.append(scalar)
        }
      }
      return output + "\""
    }
    let expected = "\"paragraphs\":[" + tricky.map(escaped).joined(separator: ",") + "]"
    #expect(line.contains(expected))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["paragraphs"] as? [String] == tricky)
  }

  @Test("A JSONL file of extracted memos reads back as the same memos, line for line")
  func jsonLinesRoundTrip() throws {
    let folder = try folder(["b/memo.txt": Self.memoText])
    let first = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "b"], currentDirectory: folder)
    try Data(first.stdout.utf8).write(to: folder.appendingPathComponent("memos.jsonl"))
    let again = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", "memos.jsonl"], currentDirectory: folder)
    #expect(again.exitCode == 0)
    #expect(again.stderr == "")
    #expect(again.stdout == first.stdout)
    let text = CLIRunner.run(arguments: ["extract", "memos.jsonl"], currentDirectory: folder)
    #expect(text.stdout.hasPrefix("=== b/memo.txt — Our next chapter — Dana Whitfield ===\n"))
  }

  @Test("json: one object for one document, an array for several")
  func prettyJSON() throws {
    // Different bytes: identical files are counted once.
    let folder = try folder([
      "one.txt": Self.memoText, "two.txt": Self.memoText + Array("PS.\n".utf8),
    ])
    let single = CLIRunner.run(
      arguments: ["extract", "--format", "json", "one.txt"], currentDirectory: folder)
    #expect(single.exitCode == 0)
    let object = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8))
    #expect((object as? [String: Any])?["title"] as? String == "Our next chapter")
    #expect(
      single.stdout.hasPrefix("{\n  \"source\": \"one.txt\",\n  \"title\": \"Our next chapter\","))
    let several = CLIRunner.run(
      arguments: ["extract", "--format", "json", "."], currentDirectory: folder)
    let array = try JSONSerialization.jsonObject(with: Data(several.stdout.utf8)) as? [Any]
    #expect(array?.count == 2)
  }

  @Test("Bad inputs get one line each on stderr; the good ones still print; exit 1")
  func badInputs() throws {
    let folder = try folder([
      "good.txt": Self.memoText,
      "empty.html": [],
      "scan.pdf": Array("%PDF-1.4\n".utf8) + [0, 0, 1],
      "photo.html": [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10],
      "nav.html": Array("<html><body><nav></nav><script>x()</script></body></html>".utf8),
    ])
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("nothing"), withIntermediateDirectories: true)
    let result = CLIRunner.run(
      arguments: [
        "extract", "--format", "jsonl", "good.txt", "missing.html", "empty.html", "scan.pdf",
        "photo.html", "nav.html", "nothing",
      ],
      currentDirectory: folder)
    #expect(result.exitCode == 1)
    #expect(
      result.stderr.split(separator: "\n").map(String.init) == [
        "error: missing.html: no such file or folder. Check the path for typos.",
        "error: empty.html: file is empty. Save the page again or remove it from the inputs.",
        "error: scan.pdf: is a PDF document, not HTML, text or email. Convert it to text or HTML first.",
        "error: photo.html: is a JPEG image, not HTML, text or email. Convert it to text or HTML first.",
        "error: nav.html: no memo text found. Check that the file is the page or email holding the memo.",
        "error: nothing: folder has no files to extract. Add .html, .txt, .md or .eml files to it.",
      ])
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stdout.contains(#""source":"good.txt""#))
  }

  @Test("--max-size refuses larger files with a line that says how to fix it")
  func maxSize() throws {
    let folder = try folder(["big.txt": Array(repeating: UInt8(ascii: "a"), count: 3000)])
    let result = CLIRunner.run(
      arguments: ["extract", "--max-size", "2KB", "big.txt"], currentDirectory: folder)
    #expect(result.exitCode == 1)
    #expect(
      result.stderr
        == "error: big.txt: file is 2.9 KB, over the 2 KB limit. Raise the limit with --max-size or split the file.\n"
    )
  }

  @Test("Usage errors exit 2: no paths, a bad size, an unknown format")
  func usageErrors() throws {
    let noPaths = CLIRunner.run(arguments: ["extract"])
    #expect(noPaths.exitCode == 2)
    #expect(
      noPaths.stderr.hasPrefix(
        "error: memoscope extract: give at least one file or folder to read.\n"))
    let badSize = CLIRunner.run(arguments: ["extract", "--max-size", "huge", "x.html"])
    #expect(badSize.exitCode == 2)
    #expect(
      badSize.stderr.hasPrefix("error: The value 'huge' is invalid for '--max-size <size>'"))
    let badFormat = CLIRunner.run(arguments: ["extract", "--format", "xml", "x.html"])
    #expect(badFormat.exitCode == 2)
    #expect(badFormat.stderr.contains("xml"))
  }

  @Test("HTML fixtures from every page family extract without errors")
  func fixtureFolder() throws {
    let result = CLIRunner.run(
      arguments: ["extract", "--format", "jsonl", Fixtures.url("Extraction").path])
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.split(separator: "\n").count == 15)
  }
}
