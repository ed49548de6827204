/// An open-addressing map from 32-bit k-gram hashes to small counters, for passage analysis.
///
/// Linear probing in a power-of-two table of slots that hold key, flag and counters side by
/// side (a probe reads one cache line); no per-entry allocation and no seeded hashing.
struct GramTable {
  private struct Slot {
    var key: UInt32 = 0
    /// The last document that added the key (or the owner stored by `setOwner`), -1 if none.
    var last: Int32 = -1
    /// In how many documents the key occurs.
    var count: Int32 = 0
    var used = false
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
      while slots[index].used && slots[index].key != key { index = (index + 1) & mask }
      return index
    }
  }

  /// Records that `document` contains `key` (counted once per document).
  mutating func add(_ key: UInt32, document: Int) {
    let index = slot(key)
    slots.withUnsafeMutableBufferPointer { slots in
      if !slots[index].used {
        slots[index].used = true
        slots[index].key = key
      }
      if slots[index].last != Int32(document) {
        slots[index].last = Int32(document)
        slots[index].count += 1
      }
    }
  }

  /// In how many documents `key` occurs.
  func documents(_ key: UInt32) -> Int {
    let index = slot(key)
    return slots[index].used ? Int(slots[index].count) : 0
  }

  /// The value stored with `key` by `setOwner`, or nil.
  func owner(_ key: UInt32) -> Int? {
    let index = slot(key)
    return slots[index].used && slots[index].last >= 0 ? Int(slots[index].last) : nil
  }

  /// Stores an owner for `key` (reuses the document slot; use on a fresh table).
  mutating func setOwner(_ key: UInt32, _ owner: Int) {
    let index = slot(key)
    slots.withUnsafeMutableBufferPointer { slots in
      slots[index].used = true
      slots[index].key = key
      slots[index].last = Int32(owner)
    }
  }
}
