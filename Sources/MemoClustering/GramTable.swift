/// An open-addressing map from 32-bit k-gram hashes to small counters, for passage analysis.
///
/// Linear probing in a power-of-two table of 12-byte slots that hold key and counters side by
/// side (an all-zero slot is empty, so a fresh table is plain zeroed memory); no per-entry
/// allocation and no seeded hashing.
struct GramTable {
  private struct Slot {
    var key: UInt32 = 0
    /// The last document that added the key.
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

  /// Records that `document` contains `key` (counted once per document); returns the key's
  /// slot, which stays the key's for the table's life (the table never grows).
  @discardableResult
  mutating func add(_ key: UInt32, document: Int) -> Int {
    let index = slot(key)
    slots.withUnsafeMutableBufferPointer { slots in
      if slots[index].count == 0 {
        slots[index] = Slot(key: key, last: UInt32(document), count: 1)
      } else if slots[index].last != UInt32(document) {
        slots[index].last = UInt32(document)
        slots[index].count += 1
      }
    }
    return index
  }

  /// In how many documents `key` occurs.
  func documents(_ key: UInt32) -> Int {
    Int(slots[slot(key)].count)
  }

  /// How many slots the table has (slot numbers are below this).
  var slotCount: Int { slots.count }

  /// In how many documents the key in `slot` (as `add` returned it) occurs.
  @inline(__always)
  func documents(atSlot slot: Int) -> Int {
    Int(slots[slot].count)
  }

  /// The key in `slot` (as `add` returned it).
  @inline(__always)
  func key(atSlot slot: Int) -> UInt32 {
    slots[slot].key
  }
}
