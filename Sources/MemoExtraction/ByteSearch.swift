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

  /// Several needles looked for in one pass: a table of their first two bytes turns away
  /// every offset where none can start, and only the needles starting with the pair found
  /// there are compared. For a list of cues, one pass replaces one search per cue.
  package struct NeedleSet: Sendable {
    /// The needles' bytes, each at least two bytes long.
    private let needles: [[UInt8]]
    /// One bit per two-byte pair (first byte low) that starts a needle.
    private let pairs: [UInt64]

    /// A set of `needles` (each at least two bytes of UTF-8).
    package init(_ needles: [String]) {
      self.needles = needles.map { Array($0.utf8) }
      precondition(self.needles.allSatisfy { $0.count >= 2 }, "needles of two bytes or more")
      var pairs = [UInt64](repeating: 0, count: 1024)
      for needle in self.needles {
        let pair = Int(needle[0]) | Int(needle[1]) << 8
        pairs[pair >> 6] |= 1 << UInt64(pair & 63)
      }
      self.pairs = pairs
    }

    /// Whether `haystack` holds the bytes of any needle.
    package func occurs(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
      guard haystack.count >= 2, let base = haystack.baseAddress else { return false }
      return pairs.withUnsafeBufferPointer { table in
        var previous = Int(base[0])
        for index in 1..<haystack.count {
          let byte = Int(base[index])
          let pair = previous | byte << 8
          previous = byte
          guard table[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
          let start = index - 1
          for needle in needles
          where needle[0] == base[start] && needle[1] == base[index]
            && needle.count <= haystack.count - start
          {
            if needle.withUnsafeBufferPointer({
              memcmp(base + start, $0.baseAddress!, $0.count) == 0
            }) {
              return true
            }
          }
        }
        return false
      }
    }

    /// Whether the UTF-8 bytes of `text` hold any needle.
    package func occurs(in text: String) -> Bool { text.withUTF8Bytes { occurs(in: $0) } }
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
    let offset = withUTF8Bytes { bytes -> Int? in
      guard let base = bytes.baseAddress,
        let found = memchr(base, Int32(byte), Swift.min(limit, bytes.count))
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
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
    if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }) {
      return found
    }
    return utf8.contains(byte)
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
