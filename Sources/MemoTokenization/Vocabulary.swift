import Foundation
import MemoCore

/// Interned normalized token forms: each distinct form gets a dense `UInt32` id.
///
/// Every form also carries its `StableHash` (FNV-1a 64 over its UTF-8 bytes), which is the same
/// in every run and every vocabulary. Lexicons and clustering join on that hash, so documents
/// tokenized in parallel each keep a private vocabulary and never share mutable state.
/// Two different forms with the same 64-bit hash are treated as one (odds about 1 in 10^19).
public struct Vocabulary: Sendable {
  /// The UTF-8 bytes of all forms, back to back, then zeros: `offsets.last` bytes are used, the
  /// rest is room to copy new forms into without `append(contentsOf:)`'s per-call overhead.
  private var bytes: [UInt8] = []
  /// `offsets[id]..<offsets[id + 1]` is form `id` in `bytes`.
  private var offsets: [Int32] = [0]
  /// The stable hash of each form, indexed by id.
  public private(set) var hashes: [UInt64] = []
  /// One open-addressing slot: a form's hash and `id + 1` (0 = empty).
  private struct Slot {
    var hash: UInt64
    var idPlusOne: UInt32
  }
  /// The hash table (hash and id side by side, so a probe touches one cache line); empty in an
  /// append-only vocabulary.
  private var slots: [Slot]
  /// False for a hashes-only vocabulary (see `init(hashesOnlyReserving:)`).
  private var keepsForms = true

  /// Creates an empty vocabulary.
  public init() {
    slots = Self.emptySlots(512)
  }

  /// Creates an empty vocabulary with room for about `forms` forms of `bytes` UTF-8 bytes in
  /// all, so that filling it does not reallocate.
  public init(reservingForms forms: Int, bytes byteCount: Int) {
    hashes.reserveCapacity(forms)
    offsets.reserveCapacity(forms + 1)
    bytes = Array(repeating: 0, count: byteCount)
    // At most half full, and no bigger: the table is zeroed for every document (and every
    // lexicon pattern) tokenized, so a short text gets a small one.
    var size = 64
    while size < forms * 2 { size *= 2 }
    slots = Self.emptySlots(size)
  }

  /// A vocabulary that keeps only hashes: `intern` gives every form a new id, even one seen
  /// before, and stores its hash alone, so that a tokenizer needs neither a hash table nor a
  /// copy of each form (`Tokenizer.keepsForms`). Hashes read by id are the same as in a full
  /// vocabulary; `form(_:)` is empty and `id(of:)` finds the first id with the hash.
  package init(hashesOnlyReserving forms: Int) {
    hashes.reserveCapacity(forms)
    slots = []
    keepsForms = false
  }

  /// The number of forms (distinct ones, unless the vocabulary keeps only hashes).
  public var count: Int { hashes.count }

  /// The normalized form with the given id.
  public func form(_ id: UInt32) -> String {
    guard keepsForms else { return "" }
    let range = Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// Calls `body` with every form's UTF-8 bytes back to back and the offsets that split them
  /// (form `id` is `bytes[offsets[id]..<offsets[id + 1]]`), without a copy: a caller that
  /// classifies all forms by their bytes reads them in one pass. Both are empty in a hashes-only
  /// vocabulary.
  package func withForms<R>(
    _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ offsets: UnsafeBufferPointer<Int32>) -> R
  ) -> R {
    guard keepsForms else {
      return body(
        UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
    }
    return bytes.withUnsafeBufferPointer { bytes in
      offsets.withUnsafeBufferPointer { offsets in body(bytes, offsets) }
    }
  }

  /// The stable hash of the form with the given id.
  @inline(__always)
  public func hash(_ id: UInt32) -> UInt64 { hashes[Int(id)] }

  /// The id of a normalized form, if present.
  public func id(of form: String) -> UInt32? {
    id(forHash: StableHash.of(form))
  }

  /// The id of the form with the given stable hash, if present.
  public func id(forHash hash: UInt64) -> UInt32? {
    guard keepsForms else { return hashes.firstIndex(of: hash).map { UInt32($0) } }
    let mask = slots.count - 1
    var index = Self.slot(hash) & mask
    while true {
      let slot = slots[index]
      if slot.idPlusOne == 0 { return nil }
      if slot.hash == hash { return slot.idPlusOne - 1 }
      index = (index + 1) & mask
    }
  }

  /// Adds a normalized form unless present and returns its id.
  ///
  /// - Parameters:
  ///   - utf8: The form's UTF-8 bytes.
  ///   - hash: `StableHash` of those bytes (the caller usually computed it while normalizing).
  public mutating func intern(_ utf8: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
    guard keepsForms else {
      hashes.append(hash)
      return UInt32(hashes.count - 1)
    }
    let mask = slots.count - 1
    var index = Self.slot(hash) & mask
    while true {
      let slot = slots[index]
      if slot.idPlusOne == 0 { break }
      if slot.hash == hash { return slot.idPlusOne - 1 }
      index = (index + 1) & mask
    }
    let id = UInt32(hashes.count)
    hashes.append(hash)
    let start = Int(offsets[offsets.count - 1])
    let end = start + utf8.count
    if end > bytes.count {
      bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, utf8.count)))
    }
    if let source = utf8.baseAddress {
      bytes.withUnsafeMutableBufferPointer {
        ($0.baseAddress! + start).update(from: source, count: utf8.count)
      }
    }
    offsets.append(Int32(end))
    slots[index] = Slot(hash: hash, idPlusOne: id + 1)
    if hashes.count * 2 > slots.count { grow() }
    return id
  }

  /// Adds a normalized form unless present and returns its id.
  @discardableResult
  public mutating func intern(_ form: String) -> UInt32 {
    var copy = form
    let hash = StableHash.of(form)
    return copy.withUTF8 { intern($0, hash: hash) }
  }

  /// A well-spread table position for a hash (FNV's low bits alone cluster).
  @inline(__always)
  private static func slot(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: ((hash ^ (hash >> 32)) &* 0x9e37_79b9_7f4a_7c15) >> 20)
  }

  /// An all-empty hash table of `count` slots (every slot all zero bits, which is
  /// `Slot(hash: 0, idPlusOne: 0)`), zeroed with one `memset` rather than slot by slot: a
  /// tokenizer makes one table per document.
  private static func emptySlots(_ count: Int) -> [Slot] {
    [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress { memset(base, 0, count * MemoryLayout<Slot>.stride) }
      initialized = count
    }
  }

  /// Doubles the table and re-inserts every form.
  private mutating func grow() {
    var bigger = Self.emptySlots(slots.count * 2)
    let mask = bigger.count - 1
    for (id, hash) in hashes.enumerated() {
      var index = Self.slot(hash) & mask
      while bigger[index].idPlusOne != 0 { index = (index + 1) & mask }
      bigger[index] = Slot(hash: hash, idPlusOne: UInt32(id + 1))
    }
    slots = bigger
  }
}
