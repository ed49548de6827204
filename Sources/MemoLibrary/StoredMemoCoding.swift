import MemoCore

/// The bytes a library keeps for a memo (before deflate): every field of `Memo` in a fixed
/// order, each string as a LEB128 length and its UTF-8, an optional one as length + 1 (0 for
/// none). Smaller than the JSON (no keys, no escaping) and decoded without a parser.
enum StoredMemoCoding {
  static func encode(_ memo: Memo) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(memo.paragraphs.reduce(64) { $0 + $1.utf8.count + 2 })
    func number(_ value: Int) {
      var rest = UInt64(value)
      repeat {
        let low = UInt8(rest & 0x7F)
        rest >>= 7
        bytes.append(rest == 0 ? low : low | 0x80)
      } while rest != 0
    }
    func string(_ text: String) {
      number(text.utf8.count)
      bytes.append(contentsOf: text.utf8)
    }
    func optional(_ text: String?) {
      guard let text else { return number(0) }
      number(text.utf8.count + 1)
      bytes.append(contentsOf: text.utf8)
    }
    string(memo.source)
    optional(memo.title)
    optional(memo.author)
    optional(memo.date)
    optional(memo.company)
    string(memo.encoding)
    bytes.append(memo.quoted ? 1 : 0)
    string(memo.format.rawValue)
    number(memo.paragraphs.count)
    memo.paragraphs.forEach(string)
    number(memo.commentary.count)
    memo.commentary.forEach(string)
    return bytes
  }

  /// The memo, or nil when the bytes are damaged.
  static func decode(_ bytes: [UInt8]) -> Memo? {
    var index = 0
    func number() -> Int? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while index < bytes.count, shift < 64 {
        let byte = bytes[index]
        index += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
        shift += 7
      }
      return nil
    }
    func text(_ count: Int) -> String? {
      guard count >= 0, index + count <= bytes.count else { return nil }
      defer { index += count }
      return String(decoding: bytes[index..<(index + count)], as: UTF8.self)
    }
    func string() -> String? { number().flatMap(text) }
    func optional() -> String?? {
      guard let count = number() else { return nil }
      if count == 0 { return .some(nil) }
      return text(count - 1).map { .some($0) }
    }
    func strings() -> [String]? {
      guard let count = number(), count <= bytes.count else { return nil }
      var result: [String] = []
      result.reserveCapacity(count)
      for _ in 0..<count {
        guard let value = string() else { return nil }
        result.append(value)
      }
      return result
    }
    guard let source = string(), let title = optional(), let author = optional(),
      let date = optional(), let company = optional(), let encoding = string(),
      index < bytes.count
    else { return nil }
    let quoted = bytes[index] == 1
    index += 1
    guard let formatName = string(), let format = InputFormat(rawValue: formatName),
      let paragraphs = strings(), let commentary = strings(), index == bytes.count
    else { return nil }
    return Memo(
      source: source, title: title, author: author, date: date, company: company,
      paragraphs: paragraphs, encoding: encoding, quoted: quoted, commentary: commentary,
      format: format)
  }
}
