import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import Synchronization
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

  /// Signals when it is freed, and whether that was on the thread that handed it over.
  final class FreedSignal: @unchecked Sendable {
    let freed = DispatchSemaphore(value: 0)
    let caller = pthread_self()
    let onCaller = Mutex<Bool?>(nil)
    final class Token: Sendable {
      let signal: FreedSignal
      init(_ signal: FreedSignal) { self.signal = signal }
      deinit {
        let same = pthread_equal(pthread_self(), signal.caller) != 0
        signal.onCaller.withLock { $0 = same }
        signal.freed.signal()
      }
    }
  }

  @Test("A value handed to releaseInBackground is freed, on another thread")
  func releasedInBackground() {
    let signal = FreedSignal()
    Pipeline.releaseInBackground([FreedSignal.Token(signal)])
    #expect(signal.freed.wait(timeout: .now() + 10) == .success)
    #expect(signal.onCaller.withLock { $0 } == false)
  }
}
