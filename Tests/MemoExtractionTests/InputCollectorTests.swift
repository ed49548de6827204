import Foundation
import MemoExtraction
import TestSupport
import Testing

@Suite("Input discovery: what a folder walk leaves out")
struct InputCollectorFolderWalkTests {
  @Test("A folder's README, licence and data files are skipped; named explicitly they are read")
  func skipsDocumentationAndData() throws {
    let folder = try Fixtures.temporaryFolder()
    for name in [
      "README.md", "LICENSE", "manifest.json", "notes.yaml", "memo.html", "memo.txt",
      "readme-memo-about-changes.txt",
    ] {
      try Data("x".utf8).write(to: folder.appendingPathComponent(name))
    }
    let root = folder.path
    let walked = InputCollector.paths([root])
    let expected: [Result<String, ExtractionError>] = [
      .success(root + "/memo.html"), .success(root + "/memo.txt"),
      .success(root + "/readme-memo-about-changes.txt"),
    ]
    #expect(walked == expected)
    let skipped = InputCollector.collect([root]).exclusions.map(\.path)
    #expect(
      skipped.sorted()
        == ["LICENSE", "README.md", "manifest.json", "notes.yaml"].map { root + "/" + $0 })
    let named = InputCollector.paths([root + "/README.md", root + "/manifest.json"])
    let expectedNamed: [Result<String, ExtractionError>] = [
      .success(root + "/README.md"), .success(root + "/manifest.json"),
    ]
    #expect(named == expectedNamed)
  }

  @Test("A large folder (entries looked up on all cores) is walked as a small one, in order")
  func largeFolder() throws {
    let folder = try Fixtures.temporaryFolder()
    let root = folder.path
    // More than 512 entries: files, skipped names, a sub-folder, a broken link, a link to a
    // file already listed, in an order readdir does not keep.
    var expected: [String] = []
    for index in stride(from: 700, to: 0, by: -1) {
      let name = "memo-\(index).txt"
      try Data("memo \(index)".utf8).write(to: folder.appendingPathComponent(name))
      expected.append(root + "/" + name)
    }
    try Data("x".utf8).write(to: folder.appendingPathComponent("README.md"))
    try Data("{}".utf8).write(to: folder.appendingPathComponent("data.json"))
    let sub = folder.appendingPathComponent("memo-5")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try Data("inner".utf8).write(to: sub.appendingPathComponent("inner.txt"))
    expected.append(sub.path + "/inner.txt")
    try FileManager.default.createSymbolicLink(
      atPath: root + "/broken.txt", withDestinationPath: root + "/missing.txt")
    try FileManager.default.createSymbolicLink(
      atPath: root + "/same.txt", withDestinationPath: root + "/memo-1.txt")
    let collection = InputCollector.collect([root])
    let paths = collection.inputs.map { input -> String in
      if case .file(let file) = input { return file.path }
      return "not a file: \(input)"
    }
    #expect(paths == expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    let sizes = collection.inputs.compactMap { input -> Int? in
      if case .file(let file) = input, file.path == root + "/memo-42.txt" { return file.size }
      return nil
    }
    #expect(sizes == [7])
    #expect(
      collection.exclusions.map(\.path).sorted()
        == ["README.md", "broken.txt", "data.json", "same.txt"].map { root + "/" + $0 })
  }
}

@Suite("Input reading: a file's bytes as collected")
struct InputReaderTests {
  @Test("A file is read whole, also when it grew or shrank after the walk")
  func readsCollectedSize() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("memo.txt").path
    let text = String(repeating: "We are reducing the size of our teams.\n", count: 300)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    guard case .file(let file)? = InputCollector.collect([path]).inputs.first else {
      Issue.record("not collected")
      return
    }
    let contents = try InputReader.read(.file(file), limit: 1 << 20, fingerprint: .quick)
    #expect(contents.bytes == Array(text.utf8))
    #expect(contents.fileSize == text.utf8.count)
    // Grown after the walk: the byte asked for beyond the walk's size shows it, and the read
    // goes on to the end.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("More.\n".utf8))
    try handle.close()
    let grown = try InputReader.read(.file(file), limit: 1 << 20, fingerprint: .quick)
    #expect(grown.bytes == Array((text + "More.\n").utf8))
    // Shrunk after the walk: read to its end.
    try Data("Short.\n".utf8).write(to: URL(fileURLWithPath: path))
    let shrunk = try InputReader.read(.file(file), limit: 1 << 20, fingerprint: .quick)
    #expect(shrunk.bytes == Array("Short.\n".utf8))
    // Named again, the walk sees the new size.
    guard case .file(let again)? = InputCollector.collect([path]).inputs.first else { return }
    #expect(try InputReader.read(.file(again), limit: 1 << 20).bytes == Array("Short.\n".utf8))
  }
}
