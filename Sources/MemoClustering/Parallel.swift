import Dispatch

/// A value handed to concurrent workers that write disjoint parts of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
  var value: Value
}

/// Splits work over the machine's cores.
enum Parallel {
  /// Calls `body` once for each chunk of `0..<count`, concurrently.
  ///
  /// Sixteen chunks per core: the threads take chunks as they finish, so when another process
  /// slows one core down, the others take over most of its share.
  static func forEachChunk(
    count: Int, minimumChunk: Int = 64, _ body: @Sendable (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let workers = max(1, min(ProcessInfoCores.count * 16, count / max(1, minimumChunk)))
    if workers == 1 {
      body(0..<count)
      return
    }
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let start = count * worker / workers
      let end = count * (worker + 1) / workers
      body(start..<end)
    }
  }

  /// Maps `0..<count` through `transform` concurrently, keeping order.
  ///
  /// Each result is written straight into the returned array's storage (no array of optionals
  /// copied into the result afterwards: that copy retained and released every reference the
  /// results hold, on one thread).
  static func map<T: Sendable>(
    count: Int, minimumChunk: Int = 16, _ transform: @Sendable (Int) -> T
  )
    -> [T]
  {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let shared = UncheckedSendable(value: buffer)
      forEachChunk(count: count, minimumChunk: minimumChunk) { range in
        for index in range { (shared.value.baseAddress! + index).initialize(to: transform(index)) }
      }
      initialized = count
    }
  }
}

/// The number of cores to use.
enum ProcessInfoCores {
  static let count: Int = {
    #if canImport(Glibc)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 4
    #endif
  }()
}

#if canImport(Glibc)
  import Glibc
#endif
