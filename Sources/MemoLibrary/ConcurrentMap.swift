import Dispatch

/// `transform` applied to `0..<count` on all cores; the results in index order.
func concurrentMap<Output: Sendable>(
  count: Int, _ transform: @Sendable (Int) -> Output
) -> [Output] {
  guard count > 1 else { return (0..<count).map(transform) }
  let slots = Slots<Output>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { index in
    slots.set(index, transform(index))
  }
  return slots.values()
}

/// Result slots written once each from `concurrentPerform` (every index by one thread only).
private final class Slots<Output>: @unchecked Sendable {
  private let buffer: UnsafeMutablePointer<Output?>
  private let count: Int

  init(count: Int) {
    self.count = count
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil, count: count)
  }

  deinit {
    buffer.deinitialize(count: count)
    buffer.deallocate()
  }

  func set(_ index: Int, _ value: Output) { buffer[index] = value }

  func values() -> [Output] { (0..<count).map { buffer[$0]! } }
}
