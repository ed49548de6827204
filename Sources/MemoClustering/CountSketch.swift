#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Counts in how many documents each shingle occurs, approximately, in fixed memory.
///
/// Two rows of counters indexed by independent bits of the shingle hash; the estimate is the
/// smaller row's count, which can only overestimate (when two shingles share both counters).
/// Rows are sized to the input, at most 2^22 counters each. Up to 65,535 documents the counters
/// are 16-bit, and the sketch is counted again in 32-bit ones only when one of them wrapped
/// around: the counts are exactly those of 32-bit counters, in half the memory (first touching
/// a 32 MB sketch's fresh pages cost about 5% of the CPU of a 10,000-memo run).
struct DocumentFrequencySketch: Sendable {
  /// Both rows in one buffer: row 0, then row 1 (`mask + 1` counters each), 16-bit.
  private let narrowStorage: ZeroedCounters<UInt16>
  /// The same in 32-bit counters, used instead when a 16-bit counter overflowed.
  private let wideStorage: ZeroedCounters<UInt32>?
  private let mask: UInt32

  /// Counts the documents' (duplicate-free) shingle sets; both rows filled concurrently.
  ///
  /// - Parameter forceWide: Count in 32-bit counters from the start (tests compare the two).
  init(counting sets: [[UInt32]], forceWide: Bool = false) {
    let expectedShingles = sets.reduce(0) { $0 + $1.count }
    var size = 1024
    while size < expectedShingles * 2 && size < (1 << 22) { size <<= 1 }
    mask = UInt32(size - 1)
    // With more documents than a 16-bit counter holds, a common shingle would overflow one.
    if !forceWide && sets.count <= Int(UInt16.max) {
      let narrow = ZeroedCounters<UInt16>(count: 2 * size)
      if Self.fill(narrow.counters, rowSize: size, mask: mask, sets: sets) {
        narrowStorage = narrow
        wideStorage = nil
        return
      }
    }
    narrowStorage = ZeroedCounters(count: 0)
    let wide = ZeroedCounters<UInt32>(count: 2 * size)
    _ = Self.fill(wide.counters, rowSize: size, mask: mask, sets: sets)
    wideStorage = wide
  }

  /// Whether the counts are held in 32-bit counters.
  var isWide: Bool { wideStorage != nil }

  @inline(__always)
  private static func second(_ shingle: UInt32) -> UInt32 {
    (shingle &* 0x9E37_79B1) ^ (shingle >> 16)
  }

  /// Adds `sets` to both rows of `counters`, one row per thread; false when a counter wrapped
  /// around (the counts are then wrong and must be taken again in wider counters).
  private static func fill<Counter: FixedWidthInteger & UnsignedInteger & SendableMetatype>(
    _ counters: UnsafeMutableBufferPointer<Counter>, rowSize size: Int, mask: UInt32,
    sets: [[UInt32]]
  ) -> Bool {
    let shared = UncheckedSendable(value: counters)
    let wrapped = Parallel.map(count: 2, minimumChunk: 1) { row in
      let counters = UnsafeMutableBufferPointer(
        rebasing: shared.value[(row * size)..<((row + 1) * size)])
      var overflow = false
      for set in sets {
        for shingle in set {
          let slot = Int((row == 0 ? shingle : Self.second(shingle)) & mask)
          let value = counters[slot] &+ 1
          counters[slot] = value
          overflow = overflow || value == 0
        }
      }
      return overflow
    }
    return !wrapped.contains(true)
  }

  /// Whether `count(shingle) >= threshold`, reading the second row only when the first one
  /// reaches it (the smaller count is below the threshold as soon as one row is).
  @inline(__always)
  func reaches(_ shingle: UInt32, _ threshold: Int) -> Bool {
    let first = Int(shingle & mask)
    let second = Int(mask) + 1 + Int(Self.second(shingle) & mask)
    if let wide = wideStorage?.counters {
      guard Int(wide[first]) >= threshold else { return false }
      return Int(wide[second]) >= threshold
    }
    let counters = narrowStorage.counters
    guard Int(counters[first]) >= threshold else { return false }
    return Int(counters[second]) >= threshold
  }

  /// The estimated number of documents containing `shingle`.
  @inline(__always)
  func count(_ shingle: UInt32) -> Int {
    let first = Int(shingle & mask)
    let second = Int(mask) + 1 + Int(Self.second(shingle) & mask)
    if let wide = wideStorage?.counters {
      return Int(min(wide[first], wide[second]))
    }
    let counters = narrowStorage.counters
    return Int(min(counters[first], counters[second]))
  }
}

/// Counters in zeroed memory from the system, so they are not cleared again, and their pages
/// are first touched by the threads that fill the two rows.
///
/// On Linux a block of at least `hugePageSize` is mapped on its own and marked for
/// transparent huge pages (`MADV_HUGEPAGE`; the kernel may decline): the sketch is read and
/// written at random, and with 4 KiB pages nearly every access of a 32 MB sketch also missed
/// the TLB. Elsewhere, and for small sketches, `calloc`.
final class ZeroedCounters<Counter: FixedWidthInteger & UnsignedInteger>: @unchecked Sendable {
  let counters: UnsafeMutableBufferPointer<Counter>
  /// The mapping to release (nil when the memory came from `calloc`).
  private let mapping: (start: UnsafeMutableRawPointer, length: Int)?

  /// 2 MiB, the x86-64 and common arm64 huge page.
  static var hugePageSize: Int { 2 << 20 }

  init(count: Int) {
    let bytes = count * MemoryLayout<Counter>.stride
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
            start: aligned.assumingMemoryBound(to: Counter.self), count: count)
          return
        }
      }
    #endif
    guard let memory = calloc(max(count, 1), MemoryLayout<Counter>.stride) else {
      fatalError("cannot allocate \(count) document-frequency counters")
    }
    mapping = nil
    counters = UnsafeMutableBufferPointer(
      start: memory.assumingMemoryBound(to: Counter.self), count: count)
  }

  deinit {
    if let mapping {
      munmap(mapping.start, mapping.length)
    } else {
      free(counters.baseAddress)
    }
  }
}
