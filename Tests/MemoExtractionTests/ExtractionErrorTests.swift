import Foundation
import MemoExtraction
import TestSupport
import Testing

@Suite("Bad input")
struct ExtractionErrorTests {
  func write(_ bytes: [UInt8], named name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  @Test("A missing file names the path")
  func missing() throws {
    #expect(throws: ExtractionError.notFound(path: "/nonexistent/memo.html")) {
      try MemoExtractor().extract(fileAt: "/nonexistent/memo.html")
    }
    #expect(
      ExtractionError.notFound(path: "x.html").description
        == "x.html: no such file or folder. Check the path for typos.")
  }

  @Test("Empty and blank files are refused")
  func empty() throws {
    let folder = try Fixtures.temporaryFolder()
    let empty = try write([], named: "empty.html", in: folder)
    let blank = try write(Array("  \n\n ".utf8), named: "blank.txt", in: folder)
    #expect(throws: ExtractionError.emptyFile(path: empty)) {
      try MemoExtractor().extract(fileAt: empty)
    }
    #expect(throws: ExtractionError.emptyFile(path: blank)) {
      try MemoExtractor().extract(fileAt: blank)
    }
    #expect(
      ExtractionError.emptyFile(path: "e.html").description
        == "e.html: file is empty. Save the page again or remove it from the inputs.")
  }

  @Test("Binary files are recognized by their magic bytes or NUL bytes, whatever their name")
  func binary() throws {
    let cases: [([UInt8], String)] = [
      (Array("%PDF-1.7\n".utf8) + [0, 1, 2], "a PDF document"),
      ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
      ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "a JPEG image"),
      ([0x50, 0x4B, 0x03, 0x04, 0x14, 0], "a ZIP archive (or an Office document)"),
      ([0x01, 0x02, 0x00, 0x41, 0x00, 0x00, 0x00, 0xFF, 0x13], "a binary file"),
      (Array((0..<200).map { UInt8(1 + ($0 * 37) % 255) }), "a binary file"),
    ]
    for (bytes, kind) in cases {
      #expect(throws: ExtractionError.binary(path: "memo.html", kind: kind)) {
        try MemoExtractor().extract(bytes: bytes, source: "memo.html")
      }
    }
    #expect(
      ExtractionError.binary(path: "m.html", kind: "a PDF document").description
        == "m.html: is a PDF document, not HTML, text or email. Convert it to text or HTML first.")
  }

  @Test("Files over the size limit are refused before reading")
  func tooLarge() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = try write(
      Array(repeating: UInt8(ascii: "a"), count: 3000), named: "big.txt", in: folder)
    let extractor = MemoExtractor(options: ExtractionOptions(maxFileSize: 2048))
    #expect(throws: ExtractionError.tooLarge(path: path, size: 3000, limit: 2048)) {
      try extractor.extract(fileAt: path)
    }
    #expect(
      ExtractionError.tooLarge(path: "big.html", size: 60 * 1_048_576, limit: 50 * 1_048_576)
        .description
        == "big.html: file is 60 MB, over the 50 MB limit. Raise the limit with --max-size or split the file."
    )
  }

  @Test("A page with no text is reported as such")
  func noText() throws {
    #expect(throws: ExtractionError.noText(path: "nav.html")) {
      try MemoExtractor().extract(
        bytes: Array("<html><body><script>x()</script><nav></nav></body></html>".utf8),
        source: "nav.html")
    }
  }

  @Test("Unreadable files say so", .enabled(if: geteuid() != 0, "root reads any file"))
  func unreadable() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = try write(Array("text".utf8), named: "locked.txt", in: folder)
    chmod(path, 0)
    #expect(throws: ExtractionError.unreadable(path: path, reason: "permission denied")) {
      try MemoExtractor().extract(fileAt: path)
    }
  }

  @Test("A folder given as a file is unreadable as a file")
  func folderAsFile() throws {
    let folder = try Fixtures.temporaryFolder()
    #expect(throws: ExtractionError.unreadable(path: folder.path, reason: "it is a folder")) {
      try MemoExtractor().extract(fileAt: folder.path)
    }
  }

  @Test("A named pipe or a device is refused at once instead of blocking the batch")
  func notAFile() throws {
    let folder = try Fixtures.temporaryFolder()
    let pipe = folder.appendingPathComponent("memo.txt").path
    #expect(mkfifo(pipe, 0o600) == 0)
    let error = ExtractionError.notAFile(path: pipe, kind: "a named pipe")
    #expect(throws: error) { try MemoExtractor().extract(fileAt: pipe) }
    #expect(
      error.description
        == "\(pipe): is a named pipe, not a file. Save what it holds to a file and give that path.")
    #expect(throws: ExtractionError.notAFile(path: "/dev/null", kind: "a device")) {
      try MemoExtractor().extract(fileAt: "/dev/null")
    }
  }

  @Test("Sizes parse and format in binary units")
  func sizes() {
    #expect(ByteSize.parse("50MB") == 50 * 1_048_576)
    #expect(ByteSize.parse("512k") == 512 * 1024)
    #expect(ByteSize.parse("1.5 GB") == 1_610_612_736)
    #expect(ByteSize.parse("2000") == 2000)
    #expect(ByteSize.parse("lots") == nil)
    #expect(ByteSize.format(1_572_864) == "1.5 MB")
    #expect(ByteSize.format(900) == "900 bytes")
  }
}

@Suite("Input discovery")
struct InputCollectorTests {
  @Test("Folders are walked recursively in byte order, hidden files skipped, errors in place")
  func collect() throws {
    let folder = try Fixtures.temporaryFolder()
    let manager = FileManager.default
    try manager.createDirectory(
      at: folder.appendingPathComponent("b/nested"), withIntermediateDirectories: true)
    try manager.createDirectory(
      at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try manager.createDirectory(
      at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
    for name in ["b/nested/z.html", "b/a.txt", "B.md", "a.html", ".hidden.html", ".git/x.html"] {
      try Data("x".utf8).write(to: folder.appendingPathComponent(name))
    }
    let root = folder.path
    let empty = try Fixtures.temporaryFolder().path
    let result = InputCollector.paths([root, root + "/missing.html", empty])
    let expected: [Result<String, ExtractionError>] = [
      .success(root + "/B.md"), .success(root + "/a.html"), .success(root + "/b/a.txt"),
      .success(root + "/b/nested/z.html"), .failure(.notFound(path: root + "/missing.html")),
      .failure(.emptyFolder(path: empty)),
    ]
    #expect(result == expected)
  }
}
