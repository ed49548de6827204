import Foundation
import MemoCore
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Atomic files")
struct AtomicFileTests {
  @Test("A streamed write appears whole on commit; its temporary file is registered until then")
  func commit() throws {
    let folder = try Fixtures.temporaryFolder()
    let url = folder.appendingPathComponent("out.txt")
    try Data("old".utf8).write(to: url)
    let writer = try AtomicFileWriter(url: url)
    for index in 0..<10_000 { writer.write("line \(index)\n") }
    #expect(try String(contentsOf: url, encoding: .utf8) == "old")
    #expect(SignalCleanup.registered.contains { $0.hasPrefix(folder.path + "/.out.txt.tmp-") })
    try writer.commit()
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.hasPrefix("line 0\n") && text.hasSuffix("line 9999\n"))
    #expect(!SignalCleanup.registered.contains { $0.hasPrefix(folder.path + "/") })
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
  }

  @Test("A writer dropped or discarded leaves the destination as it was and no temporary file")
  func discard() throws {
    let folder = try Fixtures.temporaryFolder()
    let url = folder.appendingPathComponent("out.txt")
    do {
      let writer = try AtomicFileWriter(url: url)
      writer.write("partial")
    }
    let discarded = try AtomicFileWriter(url: url)
    discarded.write("partial")
    discarded.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test("A named pipe as destination is written through, never replaced by a file")
  func specialDestination() throws {
    let folder = try Fixtures.temporaryFolder()
    let pipe = folder.appendingPathComponent("out.fifo").path
    #expect(mkfifo(pipe, 0o600) == 0)
    // A reader first, so the writer's open does not block.
    let reader = open(pipe, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    #expect(AtomicFileWriter.isSpecialFile(pipe))
    #expect(!AtomicFileWriter.isSpecialFile(folder.path))
    let writer = try AtomicFileWriter(url: URL(fileURLWithPath: pipe))
    writer.write("through the pipe\n")
    try writer.commit()
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = read(reader, &bytes, bytes.count)
    #expect(
      count > 0
        && String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self) == "through the pipe\n")
    var info = stat()
    #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.fifo"])
  }

  @Test("A missing folder is an error naming the destination")
  func missingFolder() throws {
    let url = URL(fileURLWithPath: "/nonexistent-memoscope-folder/out.txt")
    #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: url) }
  }
}
