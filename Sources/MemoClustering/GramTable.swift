/// An open-addressing map from 32-bit k-gram hashes to small counters, for passage analysis.
///
/// Linear probing in a power-of-two table; no per-entry allocation and no seeded hashing.
struct GramTable {
  private var keys: [UInt32]
  private var used: [Bool]
  /// The last document that added the key, and in how many documents it occurs.
  private var last: [Int32]
  private var counts: [Int32]
  private let mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = [UInt32](repeating: 0, count: size)
    used = [Bool](repeating: false, count: size)
    last = [Int32](repeating: -1, count: size)
    counts = [Int32](repeating: 0, count: size)
    mask = size - 1
  }

  @inline(__always)
  private func slot(_ key: UInt32) -> Int {
    var index = Int((key &* 0x9E37_79B1) >> 7) & mask
    while used[index] && keys[index] != key { index = (index + 1) & mask }
    return index
  }

  /// Records that `document` contains `key` (counted once per document).
  mutating func add(_ key: UInt32, document: Int) {
    let index = slot(key)
    if !used[index] {
      used[index] = true
      keys[index] = key
    }
    if last[index] != Int32(document) {
      last[index] = Int32(document)
      counts[index] += 1
    }
  }

  /// In how many documents `key` occurs.
  func documents(_ key: UInt32) -> Int {
    let index = slot(key)
    return used[index] ? Int(counts[index]) : 0
  }

  /// The value stored with `key` by `setOwner`, or nil.
  func owner(_ key: UInt32) -> Int? {
    let index = slot(key)
    return used[index] && last[index] >= 0 ? Int(last[index]) : nil
  }

  /// Stores an owner for `key` (reuses the document slot; use on a fresh table).
  mutating func setOwner(_ key: UInt32, _ owner: Int) {
    let index = slot(key)
    used[index] = true
    keys[index] = key
    last[index] = Int32(owner)
  }
}
