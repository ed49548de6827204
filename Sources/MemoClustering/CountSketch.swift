#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Counts in how many documents each shingle occurs, approximately, in fixed memory.
///
/// Two rows of 32-bit counters indexed by independent bits of the shingle hash; the estimate
/// is the smaller row's count, which can only overestimate (when two shingles share both
/// counters). Rows are sized to the input, at most 2^22 counters each (32 MB in all).
struct DocumentFrequencySketch: Sendable {
  /// Both rows in one buffer: row 0, then row 1 (`mask + 1` counters each).
  private let storage: ZeroedCounters
  private var counters: UnsafeMutableBufferPointer<UInt32> { storage.counters }
  private let mask: UInt32

  init(expectedShingles: Int) {
    var size = 1024
    while size < expectedShingles * 2 && size < (1 << 22) { size <<= 1 }
    storage = ZeroedCounters(count: 2 * size)
    mask = UInt32(size - 1)
  }

  @inline(__always)
  private static func second(_ shingle: UInt32) -> UInt32 {
    (shingle &* 0x9E37_79B1) ^ (shingle >> 16)
  }

  /// Adds the documents' (duplicate-free) shingle sets; both rows filled concurrently. Call it
  /// before the sketch is shared.
  func add(_ sets: [[UInt32]]) {
    let mask = mask
    let size = Int(mask) + 1
    let shared = UncheckedSendable(value: counters)
    Parallel.forEachChunk(count: 2, minimumChunk: 1) { range in
      for row in range {
        let counters = UnsafeMutableBufferPointer(
          rebasing: shared.value[(row * size)..<((row + 1) * size)])
        for set in sets {
          for shingle in set {
            let slot = Int((row == 0 ? shingle : Self.second(shingle)) & mask)
            counters[slot] &+= 1
          }
        }
      }
    }
  }

  /// Whether `count(shingle) >= threshold`, reading the second row only when the first one
  /// reaches it (the smaller count is below the threshold as soon as one row is).
  @inline(__always)
  func reaches(_ shingle: UInt32, _ threshold: Int) -> Bool {
    let counters = counters
    guard Int(counters[Int(shingle & mask)]) >= threshold else { return false }
    return Int(counters[Int(mask) + 1 + Int(Self.second(shingle) & mask)]) >= threshold
  }

  /// The estimated number of documents containing `shingle`.
  @inline(__always)
  func count(_ shingle: UInt32) -> Int {
    let counters = counters
    let a = counters[Int(shingle & mask)]
    let b = counters[Int(mask) + 1 + Int(Self.second(shingle) & mask)]
    return Int(min(a, b))
  }
}

/// Counters from `calloc`: a large block comes from the system already zeroed, so it is not
/// cleared again, and its pages are first touched by the threads that fill the two rows.
final class ZeroedCounters: @unchecked Sendable {
  let counters: UnsafeMutableBufferPointer<UInt32>

  init(count: Int) {
    guard let memory = calloc(count, MemoryLayout<UInt32>.stride) else {
      fatalError("cannot allocate \(count) document-frequency counters")
    }
    counters = UnsafeMutableBufferPointer(
      start: memory.assumingMemoryBound(to: UInt32.self), count: count)
  }

  deinit { free(counters.baseAddress) }
}
