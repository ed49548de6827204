import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import TestSupport
import Testing

@testable import MemoscopeKit

@Suite("Pipeline.cluster")
struct ClusterPipelineTests {
  /// The memos a corpus of `paths` holds, read as `Pipeline.cluster(paths:)` reads them.
  static func memos(_ paths: [String]) -> [Memo] {
    Corpus(paths: paths, options: ExtractionOptions(findsSignOffAuthor: false), stamps: false)
      .memos().compactMap { try? $0.get() }
  }

  @Test(
    "A folder, a JSONL file read on demand, and both together cluster as their memos given whole",
    arguments: [["folder"], ["memos.jsonl"], ["folder", "memos.jsonl"]])
  func sameAsMemosGivenWhole(inputs: [String]) throws {
    let paths = inputs.map { Fixtures.url("Clustering/" + $0).path }
    let run = try Pipeline.cluster(paths: paths, options: ClusteringOptions())
    let reference = try Clusterer().cluster(Self.memos(paths))
    #expect(run.result.documents == reference.documents)
    #expect(!run.result.clusters.isEmpty)
    #expect(run.result.json() == reference.json())
    // Every file's memo dropped once fingerprinted and read again for quoting: the same.
    let corpus = Corpus(
      paths: paths, options: ExtractionOptions(findsSignOffAuthor: false), stamps: false)
    let reread = try Pipeline.cluster(
      corpus, options: ClusteringOptions(), rereading: ExtractionOptions(findsSignOffAuthor: false),
      textBudget: 0)
    #expect(reread.result.json() == reference.json())
    #expect(reread.problems == run.problems)
  }

  @Test("A JSONL line that is not a memo is one more problem; the rest cluster as before")
  func badLinesWithDocuments() throws {
    let folder = try Fixtures.temporaryFolder()
    let lines = try String(contentsOf: Fixtures.url("Clustering/memos.jsonl"), encoding: .utf8)
    let jsonl = folder.appendingPathComponent("memos.jsonl")
    try Data(lines.utf8).write(to: jsonl)
    let paths = [Fixtures.url("Clustering/folder").path, jsonl.path]
    let before = try Pipeline.cluster(paths: paths, options: ClusteringOptions())
    try Data((lines + "{\"source\": 3}\n").utf8).write(to: jsonl)
    let run = try Pipeline.cluster(paths: paths, options: ClusteringOptions())
    #expect(run.problems.count == before.problems.count + 1)
    #expect(run.problems.last?.hasPrefix(jsonl.path + ":7") == true)
    #expect(run.result.json() == before.result.json())
    #expect(try run.result.json() == Clusterer().cluster(Self.memos(paths)).json())
  }
}

@Suite("MemoCorpus")
struct MemoCorpusTests {
  static let extraction = ExtractionOptions(findsSignOffAuthor: false)

  /// A copy of the clustering fixture folder and its corpus read with no text budget: every
  /// file's memo dropped once fingerprinted.
  static func corpus() throws -> (folder: URL, memos: MemoCorpus) {
    let folder = try Fixtures.temporaryFolder()
    let source = Fixtures.url("Clustering/folder")
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let corpus = Corpus(paths: [folder.path], options: extraction, stamps: false)
    return (
      folder, MemoCorpus(corpus, clusterer: Clusterer(), rereading: extraction, textBudget: 0)
    )
  }

  @Test("A file's memo is dropped once fingerprinted and read again the same")
  func readAgain() throws {
    let (folder, memos) = try Self.corpus()
    let extractor = MemoExtractor(options: Self.extraction)
    #expect(memos.count > 1)
    for index in 0..<memos.count {
      guard case .fingerprinted(_, .file(let input, _)) = memos.entries[index] else {
        Issue.record("entry \(index) kept its memo")
        continue
      }
      #expect(input.path.hasPrefix(folder.path))
      #expect(try memos.memo(at: index) == extractor.extract(fileAt: input.path))
    }
    #expect(memos.problems.isEmpty)
  }

  @Test("A file changed after fingerprinting is reported and not quoted")
  func changedFile() throws {
    let (_, memos) = try Self.corpus()
    guard case .fingerprinted(_, .file(let input, _)) = memos.entries[0] else {
      Issue.record("the first entry kept its memo")
      return
    }
    try Data("A different memo now.\n\nNothing of the first text is left.\n".utf8).write(
      to: URL(fileURLWithPath: input.path))
    #expect(memos.memo(at: 0) == nil)
    #expect(
      memos.problems == [
        "\(input.path): changed while being clustered; its passages are left out (run again)"
      ])
    try FileManager.default.removeItem(atPath: input.path)
    #expect(memos.memo(at: 0) == nil)
    #expect(memos.problems.count == 1)
    #expect(memos.problems[0].hasPrefix(input.path))
  }

  @Test(
    "Without rereading, or within the text budget, every memo is kept",
    arguments: [nil, MemoCorpus.keptTextBudget])
  func kept(budget: Int?) throws {
    let corpus = Corpus(
      paths: [Fixtures.url("Clustering/folder").path], options: Self.extraction, stamps: false)
    let memos = MemoCorpus(
      corpus, clusterer: Clusterer(), rereading: budget == nil ? nil : Self.extraction,
      textBudget: budget ?? 0)
    #expect(memos.count > 1)
    for index in 0..<memos.count {
      guard case .fingerprinted(_, .memo(let memo)) = memos.entries[index] else {
        Issue.record("entry \(index) did not keep its memo")
        continue
      }
      #expect(memos.memo(at: index) == memo)
    }
  }
}
