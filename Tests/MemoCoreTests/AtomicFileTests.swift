import Foundation
import MemoCore
import TestSupport
import Testing

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

  @Test("A missing folder is an error naming the destination")
  func missingFolder() throws {
    let url = URL(fileURLWithPath: "/nonexistent-memoscope-folder/out.txt")
    #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: url) }
  }
}
