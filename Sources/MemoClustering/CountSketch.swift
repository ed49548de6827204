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

/// Counters in zeroed memory from the system, so they are not cleared again, and their pages
/// are first touched by the threads that fill the two rows.
///
/// On Linux a block of at least `hugePageSize` is mapped on its own and marked for
/// transparent huge pages (`MADV_HUGEPAGE`; the kernel may decline): the sketch is read and
/// written at random, and with 4 KiB pages nearly every access of a 32 MB sketch also missed
/// the TLB. Elsewhere, and for small sketches, `calloc`.
final class ZeroedCounters: @unchecked Sendable {
  let counters: UnsafeMutableBufferPointer<UInt32>
  /// The mapping to release (nil when the memory came from `calloc`).
  private let mapping: (start: UnsafeMutableRawPointer, length: Int)?

  /// 2 MiB, the x86-64 and common arm64 huge page.
  static let hugePageSize = 2 << 20

  init(count: Int) {
    let bytes = count * MemoryLayout<UInt32>.stride
    #if os(Linux)
      if bytes >= Self.hugePageSize {
        // One huge page more than needed, so the counters can start on a huge-page boundary.
        let length = bytes + Self.hugePageSize
        let start = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if let start, start != UnsafeMutableRawPointer(bitPattern: -1) {
          let offset =
            (Self.hugePageSize - Int(bitPattern: start) % Self.hugePageSize)
            % Self.hugePageSize
          let aligned = start + offset
          _ = madvise(aligned, bytes, Int32(MADV_HUGEPAGE))
          mapping = (start, length)
          counters = UnsafeMutableBufferPointer(
            start: aligned.assumingMemoryBound(to: UInt32.self), count: count)
          return
        }
      }
    #endif
    guard let memory = calloc(count, MemoryLayout<UInt32>.stride) else {
      fatalError("cannot allocate \(count) document-frequency counters")
    }
    mapping = nil
    counters = UnsafeMutableBufferPointer(
      start: memory.assumingMemoryBound(to: UInt32.self), count: count)
  }

  deinit {
    if let mapping {
      munmap(mapping.start, mapping.length)
    } else {
      free(counters.baseAddress)
    }
  }
}
