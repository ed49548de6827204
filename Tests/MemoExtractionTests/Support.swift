import Foundation
import MemoExtraction
import TestSupport

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
