/// An open-addressing map from 32-bit k-gram hashes to small counters, for passage analysis.
///
/// Linear probing in a power-of-two table of 12-byte slots that hold key and counters side by
/// side (an all-zero slot is empty, so a fresh table is plain zeroed memory); no per-entry
/// allocation and no seeded hashing.
struct GramTable {
  private struct Slot {
    var key: UInt32 = 0
    /// The last document that added the key, or the owner stored by `setOwner`.
    var last: UInt32 = 0
    /// In how many documents the key occurs (at least 1 in a used slot).
    var count: UInt32 = 0
  }

  private var slots: [Slot]
  private let mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Slot](repeating: Slot(), count: size)
    mask = size - 1
  }

  @inline(__always)
  private func slot(_ key: UInt32) -> Int {
    slots.withUnsafeBufferPointer { slots in
      var index = Int((key &* 0x9E37_79B1) >> 7) & mask
      while slots[index].count != 0 && slots[index].key != key { index = (index + 1) & mask }
      return index
    }
  }

  /// Records that `document` contains `key` (counted once per document).
  mutating func add(_ key: UInt32, document: Int) {
    let index = slot(key)
    slots.withUnsafeMutableBufferPointer { slots in
      if slots[index].count == 0 {
        slots[index] = Slot(key: key, last: UInt32(document), count: 1)
      } else if slots[index].last != UInt32(document) {
        slots[index].last = UInt32(document)
        slots[index].count += 1
      }
    }
  }

  /// In how many documents `key` occurs.
  func documents(_ key: UInt32) -> Int {
    Int(slots[slot(key)].count)
  }

  /// The value stored with `key` by `setOwner`, or nil.
  func owner(_ key: UInt32) -> Int? {
    let found = slots[slot(key)]
    return found.count != 0 ? Int(found.last) : nil
  }

  /// Stores an owner for `key` (use on a fresh table).
  mutating func setOwner(_ key: UInt32, _ owner: Int) {
    let index = slot(key)
    slots[index] = Slot(key: key, last: UInt32(owner), count: 1)
  }
}
