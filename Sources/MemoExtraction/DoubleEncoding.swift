/// Repairs UTF-8 that was once decoded as windows-1252 (or latin-1) and saved as UTF-8 again:
/// `itâ€™s` for `it’s`, `cafÃ©` for `café`, `Ð¿Ñ€Ð¸` for Cyrillic.
///
/// Each run of non-ASCII characters that windows-1252 can hold is turned back into those bytes.
/// A run is mojibake when its bytes are valid UTF-8 and every character they give is one real
/// text uses (letters of living scripts, punctuation, currency, CJK, emoji); a run that does
/// not reverse (an `é` of real French) counts against repairing. Text is repaired only when
/// mojibake runs outnumber the others, so real Latin text (`CAFÉ…`, `Ä”`) is left alone.
enum DoubleEncoding {
  /// The repaired UTF-8, or nil when `utf8` shows no double encoding to repair.
  static func repair(_ utf8: [UInt8]) -> [UInt8]? {
    guard hasMojibakeLead(utf8) else { return nil }
    var runs: [(start: Int, end: Int, bytes: [UInt8])] = []
    var good = 0
    var bad = 0
    var runStart = -1
    var runBytes: [UInt8] = []
    func close(at end: Int) {
      defer {
        runStart = -1
        runBytes.removeAll(keepingCapacity: true)
      }
      guard runStart >= 0 else { return }
      if runBytes == [0xC2], end < utf8.count, utf8[end] == 0x20 {
        // A lone `Â`: the first half of a no-break space whose second half became a space.
        runs.append((runStart, end, []))
      } else if isPlausibleUTF8(runBytes) {
        good += 1
        runs.append((runStart, end, runBytes))
      } else {
        bad += 1
      }
    }
    var index = 0
    let count = utf8.count
    while index < count {
      let lead = utf8[index]
      if lead < 0x80 {
        // Only an open run needs closing: ASCII text is the hot path, skipped by words.
        if runStart >= 0 { close(at: index) }
        index = asciiRunEnd(utf8, from: index + 1)
        continue
      }
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      guard index + length <= count else { break }
      var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
      if let byte = windows1252Byte(value) {
        if runStart < 0 { runStart = index }
        runBytes.append(byte)
      } else if runStart >= 0 {
        close(at: index)
      }
      index += length
    }
    close(at: count)
    guard good > 0, good > bad else { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(count)
    var copied = 0
    for run in runs {
      output.append(contentsOf: utf8[copied..<run.start])
      if run.bytes == [0xEF, 0xBB, 0xBF] {
        // A byte-order mark that became `ï»¿` is dropped.
      } else {
        output.append(contentsOf: run.bytes)
      }
      copied = run.end
    }
    output.append(contentsOf: utf8[copied...])
    return output
  }

  /// True when some character is `Â`…`ô` (U+00C2–U+00F4, UTF-8 `C3 82`…`C3 B4`), the
  /// windows-1252 reading of a UTF-8 lead byte: text without one has nothing to repair.
  private static func hasMojibakeLead(_ utf8: [UInt8]) -> Bool {
    utf8.withUnsafeBufferPointer { buffer in
      var start = 0
      while let index = ByteSearch.firstOffset(of: 0xC3, in: buffer, from: start) {
        if index + 1 < buffer.count, buffer[index + 1] >= 0x82, buffer[index + 1] <= 0xB4 {
          return true
        }
        start = index + 1
      }
      return false
    }
  }

  /// The first index at or after `start` holding a non-ASCII byte, or the end; eight bytes
  /// at a time.
  private static func asciiRunEnd(_ utf8: [UInt8], from start: Int) -> Int {
    utf8.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      guard let base = buffer.baseAddress else { return count }
      let raw = UnsafeRawPointer(base)
      var offset = start
      while offset + 8 <= count,
        raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        offset += 8
      }
      while offset < count && base[offset] < 0x80 { offset += 1 }
      return offset
    }
  }

  /// True when `bytes` is valid UTF-8 of multibyte characters only, each one real text uses.
  private static func isPlausibleUTF8(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2 else { return false }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        guard isPlausible(scalar.value) else { return false }
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  /// Characters found in real text whose UTF-8 is at least two bytes.
  private static func isPlausible(_ value: UInt32) -> Bool {
    switch value {
    case 0xA0...0x17F, 0x370...0x3FF, 0x400...0x52F, 0x590...0x6FF, 0x900...0xE7F,
      0x1E00...0x1EFF, 0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x22FF, 0x2460...0x25FF,
      0x2600...0x27BF, 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
      0xFEFF, 0xFF00...0xFFEF, 0x1F300...0x1FAFF:
      true
    default: false
    }
  }

  /// The byte windows-1252 (or latin-1, for C1 controls) decodes to `value`, if any, for
  /// non-ASCII characters.
  private static func windows1252Byte(_ value: UInt32) -> UInt8? {
    if value >= 0x80 && value <= 0xFF { return UInt8(value) }
    switch value {
    case 0x20AC: return 0x80
    case 0x201A: return 0x82
    case 0x0192: return 0x83
    case 0x201E: return 0x84
    case 0x2026: return 0x85
    case 0x2020: return 0x86
    case 0x2021: return 0x87
    case 0x02C6: return 0x88
    case 0x2030: return 0x89
    case 0x0160: return 0x8A
    case 0x2039: return 0x8B
    case 0x0152: return 0x8C
    case 0x017D: return 0x8E
    case 0x2018: return 0x91
    case 0x2019: return 0x92
    case 0x201C: return 0x93
    case 0x201D: return 0x94
    case 0x2022: return 0x95
    case 0x2013: return 0x96
    case 0x2014: return 0x97
    case 0x02DC: return 0x98
    case 0x2122: return 0x99
    case 0x0161: return 0x9A
    case 0x203A: return 0x9B
    case 0x0153: return 0x9C
    case 0x017E: return 0x9E
    case 0x0178: return 0x9F
    default: return nil
    }
  }
}
