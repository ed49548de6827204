import Foundation
import GRDB

/// In how many stored memos each shingle occurs, approximately, in fixed room: what `cluster`'s
/// frequent-shingle filter needs, kept in the library so `similar` applies the same filter
/// without reading every memo.
///
/// Two rows of `width` 32-bit counters indexed by independent bits of the shingle hash (the
/// hashing `cluster`'s document-frequency sketch uses); a shingle's count is the smaller of its
/// two counters, which can only overestimate. Stored as one blob (`shingle_count`), updated in
/// the transaction that adds memos, so it always counts exactly the memos stored.
struct ShingleCounts: Sendable, Equatable {
  /// Counters per row: 2^15. Calibration: at about 360 shingles per memo and a filter at 5% of
  /// the memos (at least 200), a counter's expected noise stays under a quarter of the
  /// threshold at any library size; 256 KiB in all.
  static let width = 1 << 15
  /// The counters, row 0 then row 1.
  private(set) var counters: [UInt32]
  /// The memos counted.
  private(set) var memos: Int

  init() {
    counters = [UInt32](repeating: 0, count: 2 * Self.width)
    memos = 0
  }

  @inline(__always)
  private static func slots(_ shingle: UInt32) -> (Int, Int) {
    let mask = UInt32(width - 1)
    let second = (shingle &* 0x9E37_79B1) ^ (shingle >> 16)
    return (Int(shingle & mask), width + Int(second & mask))
  }

  /// Counts one memo's shingle set (no duplicates).
  mutating func add(_ shingles: [UInt32]) {
    memos += 1
    counters.withUnsafeMutableBufferPointer { counters in
      for shingle in shingles {
        let (a, b) = Self.slots(shingle)
        counters[a] &+= 1
        counters[b] &+= 1
      }
    }
  }

  /// The estimated number of memos holding `shingle`.
  func count(_ shingle: UInt32) -> Int {
    let (a, b) = Self.slots(shingle)
    return Int(min(counters[a], counters[b]))
  }

  /// The counts as stored (little-endian counters).
  var bytes: Data {
    counters.map(\.littleEndian).withUnsafeBytes { Data($0) }
  }

  /// The counts stored in `db`, or empty counts when there are none (or they are damaged).
  static func load(_ db: Database) throws -> ShingleCounts {
    var counts = ShingleCounts()
    guard let row = try Row.fetchOne(db, sql: "SELECT memos, counts FROM shingle_count"),
      let data = row["counts"] as Data?, data.count == counts.counters.count * 4
    else { return counts }
    counts.memos = row["memos"]
    _ = counts.counters.withUnsafeMutableBytes { target in data.copyBytes(to: target) }
    counts.counters = counts.counters.map { UInt32(littleEndian: $0) }
    return counts
  }

  /// Stores the counts in `db` (replacing those there).
  func save(_ db: Database) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO shingle_count(id, memos, counts) VALUES (1, ?, ?)",
      arguments: [memos, bytes])
  }
}
