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
}
