import Foundation

/// Whether `haystack` holds the bytes of `needle` (byte-exact, no Unicode folding).
///
/// Candidates are found with `memchr` on the needle's first byte (vectorised in libc), then
/// checked byte by byte.
/// - Complexity: O(n·m) worst case, O(n) in practice on text.
func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>)
  -> Bool
{
  ByteSearch.firstOffset(of: needle, in: haystack) != nil
}

/// Byte searches shared by the reading path (extraction and the corpus stream).
package enum ByteSearch {
  /// The offset of the first occurrence of `needle` in `haystack`, or nil (an empty needle is
  /// found at 0).
  package static func firstOffset(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    guard needle.count > 0 else { return 0 }
    guard haystack.count >= needle.count, let base = haystack.baseAddress,
      let pattern = needle.baseAddress
    else { return nil }
    if needle.count >= 2, isFrequentInText(needle[0]) {
      return pairOffset(of: needle, in: haystack)
    }
    let first = Int32(needle[0])
    let last = haystack.count - needle.count
    var start = 0
    while start <= last {
      guard let found = memchr(base + start, first, last - start + 1) else { return nil }
      let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
      start = offset + 1
    }
    return nil
  }

  /// A space or an ASCII lower-case letter: `memchr` stops at nearly every word of text on
  /// such a byte (" at " was searched one space at a time), so needles starting with one are
  /// found by `pairOffset` instead.
  static func isFrequentInText(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x61 && byte <= 0x7A)
  }

  /// `firstOffset` for a needle of two bytes or more: candidates are the offsets where the
  /// needle's first two bytes stand, found eight offsets at a time (a zero byte in each of two
  /// overlapping words XORed with the two bytes), then compared with `memcmp` in order.
  static func pairOffset(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    guard needle.count >= 2, haystack.count >= needle.count, let base = haystack.baseAddress,
      let pattern = needle.baseAddress
    else { return firstOffset(of: needle, in: haystack) }
    let count = haystack.count
    let last = count - needle.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let firstBytes = ones &* UInt64(needle[0])
    let secondBytes = ones &* UInt64(needle[1])
    let raw = UnsafeRawPointer(base)
    /// The high bit of each byte that is zero (exact: no borrow between bytes).
    func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low7) &+ low7) | word) & ~low7 }
    var start = 0
    // The word at `start` and the one at `start + 1` both need their eight bytes.
    while start + 9 <= count {
      let firsts = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      let seconds = UInt64(
        littleEndian: raw.loadUnaligned(fromByteOffset: start + 1, as: UInt64.self))
      var hits = zeroBytes(firsts ^ firstBytes) & zeroBytes(seconds ^ secondBytes)
      while hits != 0 {
        let offset = start + (hits.trailingZeroBitCount >> 3)
        if offset > last { return nil }
        if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
        hits &= hits - 1
      }
      start += 8
    }
    while start <= last {
      if base[start] == needle[0], memcmp(base + start, pattern, needle.count) == 0 {
        return start
      }
      start += 1
    }
    return nil
  }

  /// Several needles looked for in one pass (Wu and Manber's multi-pattern search): the
  /// window is as long as the shortest needle, and a table of two-byte blocks says how far it
  /// may move on from the block at its end; only where some needle's head ends with that
  /// block are the needles compared. On text the window moves several bytes a step, so a list
  /// of cues costs less than one search for a single cue.
  package struct NeedleSet: Sendable {
    /// The needles' bytes, each at least two bytes long.
    private let needles: [[UInt8]]
    /// The length of the shortest needle: the window.
    private let window: Int
    /// For each two-byte block (first byte low), how far the window may move when the block
    /// ends it: 0 when it ends some needle's first `window` bytes.
    private let shifts: [UInt8]

    /// A set of `needles` (each at least two bytes of UTF-8, at most 255).
    package init(_ needles: [String]) {
      self.needles = needles.map { Array($0.utf8) }
      precondition(
        !self.needles.isEmpty && self.needles.allSatisfy { $0.count >= 2 && $0.count <= 255 },
        "needles of 2 to 255 bytes")
      let window = self.needles.map(\.count).min()!
      var shifts = [UInt8](repeating: UInt8(window - 1), count: 65536)
      for needle in self.needles {
        for offset in 0...(window - 2) {
          let block = Int(needle[offset]) | Int(needle[offset + 1]) << 8
          shifts[block] = min(shifts[block], UInt8(window - 2 - offset))
        }
      }
      self.window = window
      self.shifts = shifts
    }

    /// Whether `haystack` holds the bytes of any needle.
    package func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
      let count = haystack.count
      guard count >= window, let base = haystack.baseAddress else { return false }
      return shifts.withUnsafeBufferPointer { shifts in
        // `position` is the first byte of the block that ends the window.
        var position = window - 2
        while position + 1 < count {
          let shift = Int(shifts[Int(base[position]) | Int(base[position + 1]) << 8])
          if shift > 0 {
            position += shift
            continue
          }
          let start = position - (window - 2)
          for needle in needles where needle.count <= count - start {
            if needle.withUnsafeBufferPointer({
              memcmp(base + start, $0.baseAddress!, $0.count) == 0
            }) {
              return true
            }
          }
          position += 1
        }
        return false
      }
    }

    /// Whether the UTF-8 bytes of `text` hold any needle.
    package func occurs(in text: String) -> Bool { text.withUTF8Bytes { occurs(in: $0) } }
  }

  /// The offset of the first byte of `bytes[start..<end]` that is an ASCII digit or from 0x80
  /// up, or `end`: eight bytes a step while there is none (text has few digits), for the
  /// readers that look for a year.
  static func nextDigitOrHighByte(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let highs: UInt64 = 0x8080_8080_8080_8080
      let ones: UInt64 = 0x0101_0101_0101_0101
      while index + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // With every high bit set, a byte minus 0x30 keeps its high bit exactly when its low
        // seven bits are 0x30 or more, and no borrow crosses bytes; likewise for 0x3A.
        let raised = word | highs
        let fromZero = (raised &- ones &* 0x30) & highs
        let pastNine = (raised &- ones &* 0x3A) & highs
        if (word & highs) | (fromZero & ~pastNine) != 0 { break }
        index += 8
      }
    }
    while index < end {
      let byte = bytes[index]
      if byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) { return index }
      index += 1
    }
    return end
  }

  /// Whether `haystack` holds the bytes of `needle`.
  package static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { firstOffset(of: $0, in: hay) != nil }
    }
  }

  /// The offset of the first `byte` in `buffer` at or after `start`, or nil (`memchr`).
  package static func firstOffset(
    of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard start < buffer.count, let base = buffer.baseAddress,
      let found = memchr(base + start, Int32(byte), buffer.count - start)
    else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }
}

extension String {
  /// Calls `body` with the string's UTF-8 bytes: in place for a native string, from a copy
  /// otherwise. A loop over the buffer costs a few instructions a byte, against several times
  /// that for one over `utf8` (an index step per byte).
  @inline(__always)
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }

  /// The index of the first `byte` among the string's first `limit` UTF-8 bytes (`memchr`),
  /// or nil: `utf8.prefix(limit).firstIndex(of:)` without an index step per byte.
  func firstUTF8Index(of byte: UInt8, within limit: Int = .max) -> String.Index? {
    let offset = withUTF8Bytes { bytes in
      ByteSearch.firstOffset(
        of: byte, in: UnsafeBufferPointer(rebasing: bytes.prefix(limit)))
    }
    return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
  }

  /// `String(prefix(count))`: the first `count` bytes when they are ASCII without a carriage
  /// return and the byte after them is ASCII too (then each byte is a `Character` and none
  /// joins the next), else counted by `Character`s.
  func characterPrefix(_ count: Int) -> String {
    let ascii = withUTF8Bytes { bytes -> String? in
      let end = Swift.min(count, bytes.count)
      guard end == bytes.count || bytes[end] < 0x80 else { return nil }
      for byte in bytes[..<end] where byte >= 0x80 || byte == 0x0D { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }
    return ascii ?? String(prefix(count))
  }

  /// The index of the last `byte` of the string's UTF-8, or nil.
  func lastUTF8Index(of byte: UInt8) -> String.Index? {
    let offset = withUTF8Bytes { bytes in bytes.lastIndex(of: byte) }
    return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
  }

  /// Whether the UTF-8 bytes of this string contain those of `needle` (byte-exact, no
  /// Unicode folding): much faster than Foundation's `contains` in hot loops.
  func containsBytes(_ needle: String) -> Bool {
    var haystack = self
    var pattern = needle
    return haystack.withUTF8 { hay in pattern.withUTF8 { bytes(hay, contain: $0) } }
  }

  /// Whether the UTF-8 bytes of this string hold `byte` (`utf8.contains`, with `memchr`).
  func containsByte(_ byte: UInt8) -> Bool {
    withUTF8Bytes { ByteSearch.firstOffset(of: byte, in: $0) != nil }
  }

  /// Whether every UTF-8 byte of this string is ASCII (read on its buffer).
  var isASCIIBytes: Bool {
    withUTF8Bytes { bytes in !bytes.contains { $0 >= 0x80 } }
  }

  /// The string with ASCII letters lower-cased (other characters unchanged).
  var asciiLowercased: String {
    var bytes = Array(utf8)
    for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A {
      bytes[index] |= 0x20
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Reads inline `style` attributes without building `String`s.
///
/// Callers used to test `style.lowercased().filter { $0 != " " }.contains("display:none")`;
/// for an ASCII style (nearly all) the bytes below give the same answer, because no
/// declaration looked for holds a CR or LF (the only ASCII pair that forms one `Character`).
/// Non-ASCII styles get `nil` and callers keep the `Character` test for them.
enum InlineStyle {
  /// The style's bytes with spaces removed and ASCII letters lower-cased, or nil when the
  /// style holds a non-ASCII byte.
  static func asciiCompact(_ style: String) -> [UInt8]? {
    var compact: [UInt8] = []
    compact.reserveCapacity(style.utf8.count)
    for byte in style.utf8 {
      if byte >= 0x80 { return nil }
      if byte != 0x20 { compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
    }
    return compact
  }

  /// Whether `compact` (from `asciiCompact`) holds one of `declarations`, such as
  /// `display:none`.
  static func contains(_ compact: [UInt8], anyOf declarations: [StaticString]) -> Bool {
    compact.withUnsafeBufferPointer { haystack in
      declarations.contains { declaration in
        bytes(
          haystack,
          contain: UnsafeBufferPointer(
            start: declaration.utf8Start, count: declaration.utf8CodeUnitCount))
      }
    }
  }
}

extension String {
  /// Foundation's `components(separatedBy: separator)`, found by bytes.
  ///
  /// Foundation compares `Character`s, which is slow. A byte match of the separator is a
  /// `Character` match exactly when both its ends fall on `Character` boundaries, provided no
  /// other sequence is canonically equivalent to one of the separator's characters: true of
  /// ASCII, dashes and bullets, the only separators callers pass (checked by
  /// `ByteSearchTests` against Foundation).
  func splitting(on separator: String) -> [String] {
    splitRanges(on: separator, first: false).pieces
  }

  /// Foundation's `range(of: separator)` for a separator without CR or LF made of ASCII,
  /// dashes and bullets (no other sequence is canonically equivalent to any of its
  /// characters): nil when its bytes do not occur, found by bytes in an ASCII text (where
  /// every `Character` but CR LF is one byte), by Foundation otherwise.
  func firstRange(ofSeparator separator: String) -> Range<String.Index>? {
    guard !separator.utf8.isEmpty else { return range(of: separator) }
    guard containsBytes(separator) else { return nil }
    guard utf8.allSatisfy({ $0 < 0x80 }) else { return range(of: separator) }
    return splitRanges(on: separator, first: true).first
  }

  /// The pieces between byte matches of `separator` that fall on `Character` boundaries, or
  /// (with `first`) the first such match alone.
  private func splitRanges(on separator: String, first: Bool) -> (
    pieces: [String], first: Range<String.Index>?
  ) {
    let needle = Array(separator.utf8)
    guard !needle.isEmpty else { return (components(separatedBy: separator), nil) }
    var pieces: [String] = []
    var found: Range<String.Index>?
    var pieceStart = startIndex
    var text = self
    text.withUTF8 { bytes in
      let last = bytes.count - needle.count
      var offset = 0
      search: while offset <= last {
        if bytes[offset] != needle[0] {
          offset += 1
          continue
        }
        for index in 1..<needle.count where bytes[offset + index] != needle[index] {
          offset += 1
          continue search
        }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.count)
        guard lower.samePosition(in: self) != nil, upper.samePosition(in: self) != nil else {
          offset += 1
          continue
        }
        if first {
          found = lower..<upper
          return
        }
        pieces.append(String(self[pieceStart..<lower]))
        pieceStart = upper
        offset += needle.count
      }
    }
    if first { return ([], found) }
    pieces.append(String(self[pieceStart...]))
    return (pieces, nil)
  }
}

/// A regular expression compiled once: Foundation's `range(of:options: .regularExpression)`
/// compiles its pattern again on every call, which cost half a million instructions a call.
/// `NSRegularExpression` is immutable and safe to share between threads.
struct CompiledPattern: @unchecked Sendable {
  private let expression: NSRegularExpression

  /// Compiles `pattern` (ICU syntax, as `range(of:options: .regularExpression)` reads it).
  init(_ pattern: String) {
    do {
      expression = try NSRegularExpression(pattern: pattern)
    } catch {
      preconditionFailure("invalid pattern \(pattern): \(error)")
    }
  }

  /// The range of the pattern's first match in `text`, as `text.range(of: pattern, options:
  /// .regularExpression)` gives it.
  func firstRange(in text: String) -> Range<String.Index>? {
    let whole = NSRange(text.startIndex..<text.endIndex, in: text)
    guard let match = expression.firstMatch(in: text, range: whole) else { return nil }
    return Range(match.range, in: text)
  }
}
