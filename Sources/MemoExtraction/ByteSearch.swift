import Foundation

extension String {
  /// Whether the UTF-8 bytes of this string contain those of `needle` (byte-exact, no
  /// Unicode folding): much faster than Foundation's `contains` in hot loops.
  func containsBytes(_ needle: String) -> Bool {
    var haystack = self
    var pattern = needle
    return haystack.withUTF8 { hay in
      pattern.withUTF8 { pat in
        guard pat.count > 0 else { return true }
        guard hay.count >= pat.count else { return false }
        let first = pat[0]
        let last = hay.count - pat.count
        var start = 0
        search: while start <= last {
          if hay[start] == first {
            var offset = 1
            while offset < pat.count {
              if hay[start + offset] != pat[offset] {
                start += 1
                continue search
              }
              offset += 1
            }
            return true
          }
          start += 1
        }
        return false
      }
    }
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
