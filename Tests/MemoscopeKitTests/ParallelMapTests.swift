import Foundation
import Testing

@testable import MemoscopeKit

@Suite("Parallel engine")
struct ParallelMapTests {
  @Test("results come back in input order whatever the lookahead")
  func order() {
    for lookahead in [1, 3, 64] {
      var seen: [Int] = []
      ParallelMap.forEachInOrder(
        Array(0..<500), lookahead: lookahead,
        { value in
          // Uneven work so that workers finish out of order.
          var sum = 0
          for step in 0..<((value * 7919) % 997) { sum &+= step }
          return value + (sum == -1 ? 1 : 0)
        }
      ) { seen.append($0) }
      #expect(seen == Array(0..<500), "lookahead \(lookahead)")
    }
  }

  @Test("an empty input calls nothing")
  func empty() {
    var calls = 0
    ParallelMap.forEachInOrder([Int](), lookahead: 4, { $0 }) { _ in calls += 1 }
    #expect(calls == 0)
  }
}
