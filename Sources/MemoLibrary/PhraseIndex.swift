import GRDB
import GRDBSQLite

/// The phrase index's terms and the FTS5 function that says where a query matched.
///
/// The index holds each paragraph's tokens as the scoring tokenizer normalizes them, one FTS5
/// term per token, so a match's FTS5 token offset is the paragraph's token number and the
/// stored token spans (`StoredMemoCoding`) quote it without tokenizing again.
enum PhraseIndex {
  /// The SQL name of the auxiliary function: `memo_instances(passage)` is a blob of varint
  /// pairs (query phrase, token offset), one per phrase instance in the matching row.
  static let instancesFunction = "memo_instances"

  /// A normalized form as one FTS5 term: FTS5's `ascii` tokenizer splits at every ASCII
  /// character that is not a letter or digit, so those (the apostrophe of `don't`, the comma
  /// of `1,000`) become private-use characters U+E000 + their code, which it keeps in a term.
  static func term(_ form: String) -> String {
    guard form.utf8.contains(where: { splits(UInt32($0)) }) else { return form }
    var scalars = String.UnicodeScalarView()
    for scalar in form.unicodeScalars {
      if splits(scalar.value), let mapped = Unicode.Scalar(0xE000 + scalar.value) {
        scalars.append(mapped)
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// Whether FTS5's `ascii` tokenizer splits a term at this code point (ASCII, not a letter
  /// or digit).
  @inline(__always)
  private static func splits(_ value: UInt32) -> Bool {
    guard value < 0x80 else { return false }
    let isDigit = value >= 0x30 && value <= 0x39
    let isLetter = (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
    return !isDigit && !isLetter
  }

  /// Registers `memo_instances` on a connection (every connection of a library): each phrase
  /// instance of the current row as varints (phrase, token offset), read from FTS5's position
  /// lists (a contentless table keeps them).
  static func register(_ db: Database) {
    let api = UnsafeMutablePointer(mutating: FTS5.api(db))
    _ = api.pointee.xCreateFunction?(
      api, instancesFunction, nil,
      { api, fts, context, _, _ in
        guard let api, let fts, let context, let instCount = api.pointee.xInstCount,
          let inst = api.pointee.xInst
        else { return }
        var count: Int32 = 0
        guard instCount(fts, &count) == SQLITE_OK else {
          sqlite3_result_error(context, "memo_instances: cannot read the phrase instances", -1)
          return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(count) * 3)
        for index in 0..<count {
          var phrase: Int32 = 0
          var column: Int32 = 0
          var offset: Int32 = 0
          guard inst(fts, index, &phrase, &column, &offset) == SQLITE_OK else { continue }
          Varint.append(Int(phrase), to: &bytes)
          Varint.append(Int(offset), to: &bytes)
        }
        bytes.withUnsafeBytes { buffer in
          // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
          sqlite3_result_blob(
            context, buffer.baseAddress, Int32(buffer.count),
            unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
        }
      }, nil)
  }

  /// The instances blob back as (phrase, token offset) pairs; empty when damaged.
  static func decodeInstances(_ bytes: [UInt8]) -> [(phrase: Int, offset: Int)] {
    var result: [(phrase: Int, offset: Int)] = []
    var reader = VarintReader(bytes: bytes)
    while !reader.atEnd {
      guard let phrase = reader.next(), let offset = reader.next() else { return [] }
      result.append((phrase, offset))
    }
    return result
  }
}

/// LEB128 varints, as the stored memo coding writes them.
enum Varint {
  static func append(_ value: Int, to bytes: inout [UInt8]) {
    var rest = UInt64(max(0, value))
    repeat {
      let low = UInt8(rest & 0x7F)
      rest >>= 7
      bytes.append(rest == 0 ? low : low | 0x80)
    } while rest != 0
  }
}

/// Reads LEB128 varints from bytes.
struct VarintReader {
  let bytes: [UInt8]
  var index = 0
  /// Where reading stops (the byte count unless told).
  let end: Int

  init(bytes: [UInt8], index: Int = 0, end: Int? = nil) {
    self.bytes = bytes
    self.index = index
    self.end = min(end ?? bytes.count, bytes.count)
  }

  var atEnd: Bool { index >= end }

  /// The next varint, or nil at the end or when it is too long.
  mutating func next() -> Int? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while index < end, shift < 64 {
      let byte = bytes[index]
      index += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
      shift += 7
    }
    return nil
  }
}
