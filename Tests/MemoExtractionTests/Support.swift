import Foundation
import TestSupport

@testable import MemoExtraction

/// Extracts a fixture under `Tests/Fixtures/Extraction/`, reporting it by its relative path.
func extractFixture(_ relativePath: String) throws -> Memo {
  let data = try Fixtures.data("Extraction/" + relativePath)
  return try MemoExtractor().extract(bytes: Array(data), source: relativePath)
}

/// Extracts bytes as a document named `name` (its extension picks the format).
func extract(_ bytes: [UInt8], as name: String = "page.html") throws -> Memo {
  try MemoExtractor().extract(bytes: bytes, source: name)
}

/// Extracts an HTML string.
func extractHTML(_ html: String) throws -> Memo {
  try extract(Array(html.utf8))
}

/// Every `.html`/`.htm` page under the test fixtures and `Corpus/`, decoded to UTF-8 as
/// extraction decodes it (pages that decode to nothing are left out), with its path.
func decodedFixtureAndCorpusPages() throws -> [(path: String, utf8: [UInt8])] {
  var pages: [(path: String, utf8: [UInt8])] = []
  for folder in [Fixtures.root, Fixtures.repositoryRoot.appendingPathComponent("Corpus")] {
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard ["html", "htm"].contains(url.pathExtension.lowercased()) else { continue }
      let utf8 = TextDecoding.decode(try Array(Data(contentsOf: url)), sniffMarkup: true).utf8
      if !utf8.isEmpty { pages.append((url.path, utf8)) }
    }
  }
  return pages
}
