import Foundation

/// Attribute names that browsers read and libxml2 2.9's HTML parser does not.
///
/// HTML lets an attribute name hold almost any character; templates for Alpine.js and Vue write
/// event handlers as `@click="…"`. libxml2 2.9 reads a name only when it starts with a letter,
/// `_`, `:` or `.`: it skips a bad name up to the next blank and then reads the rest of the value
/// as more names, losing track of its quotes, so the first `>` inside a later value (`() => …`,
/// `a > b`) ends the tag early and the rest of the tag, often kilobytes of `x-init` JSON, becomes
/// page text. Rewriting such names in place (`@click` → `_click`, same length) lets libxml2 read
/// the tag as a browser does; extraction never reads these attributes.
enum AttributeNames {
  /// `bytes` with every name libxml2 cannot read rewritten, in each start tag that holds an
  /// `@name=` attribute; the same array (no copy) when there is none.
  ///
  /// Finds `@` with `memchr`, so a page without one costs one fast scan; each candidate is
  /// checked from its tag's `<` (at most `tagLookBehind` bytes back) with quotes followed.
  static func repaired(_ bytes: [UInt8]) -> [UInt8] {
    var output = bytes
    var changed = false
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let count = buffer.count
      var position = 0
      while position < count,
        let found = memchr(base + position, 0x40, count - position)
      {
        let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        position = at + 1
        guard at > 0, isSpace(buffer[at - 1]), looksLikeAssignment(buffer, nameStart: at + 1)
        else { continue }
        var start = at - 1
        let floor = max(0, at - tagLookBehind)
        while start > floor, buffer[start] != 0x3C { start -= 1 }
        guard buffer[start] == 0x3C, start + 1 < count, isLetter(buffer[start + 1]) else {
          continue
        }
        guard let end = rewriteNames(inTagAt: start, covering: at, buffer, into: &output) else {
          continue
        }
        changed = true
        position = max(position, end)
      }
    }
    return changed ? output : bytes
  }

  /// How far back from an `@` its tag's `<` is looked for: tags of Alpine templates run to a
  /// few kilobytes (an `x-init` list of menu items). Whether the `@` is inside that tag is then
  /// read forward from the `<`, quotes followed (a value may hold `>`).
  static let tagLookBehind = 16_384

  /// Whether `name=` follows (name characters, optional blanks, `=`): an attribute, not an
  /// `@handle` mentioned in text.
  private static func looksLikeAssignment(_ buffer: UnsafeBufferPointer<UInt8>, nameStart: Int)
    -> Bool
  {
    var index = nameStart
    guard index < buffer.count, isLetter(buffer[index]) else { return false }
    while index < buffer.count, isNameByte(buffer[index]) { index += 1 }
    while index < buffer.count, isSpace(buffer[index]) { index += 1 }
    return index < buffer.count && buffer[index] == 0x3D
  }

  /// Reads the start tag at `start` as the HTML tokenizer does (quoted values skipped whole)
  /// and rewrites the names libxml2 cannot read. Returns the index after the tag's `>`, or nil
  /// when the tag ends before `covering` (the `@` was not in it) or never ends.
  private static func rewriteNames(
    inTagAt start: Int, covering: Int, _ buffer: UnsafeBufferPointer<UInt8>,
    into output: inout [UInt8]
  ) -> Int? {
    let count = buffer.count
    var index = start + 1
    while index < count, !isSpace(buffer[index]), buffer[index] != 0x3E, buffer[index] != 0x2F {
      index += 1
    }
    var rewrites: [Int] = []
    while index < count {
      let byte = buffer[index]
      if isSpace(byte) || byte == 0x2F {
        index += 1
        continue
      }
      if byte == 0x3E { break }
      // An attribute name: up to a blank, `/`, `>` or `=` (its first character may be `=`).
      let nameStart = index
      index += 1
      while index < count, !isSpace(buffer[index]), buffer[index] != 0x2F,
        buffer[index] != 0x3E, buffer[index] != 0x3D
      {
        index += 1
      }
      if !isReadable(buffer, from: nameStart, to: index) {
        for offset in nameStart..<index where !isNameByte(buffer[offset]) {
          rewrites.append(offset)
        }
        if !isNameStart(buffer[nameStart]) && isNameByte(buffer[nameStart]) {
          rewrites.append(nameStart)
        }
      }
      while index < count, isSpace(buffer[index]) { index += 1 }
      guard index < count, buffer[index] == 0x3D else { continue }
      index += 1
      while index < count, isSpace(buffer[index]) { index += 1 }
      guard index < count else { return nil }
      let quote = buffer[index]
      if quote == 0x22 || quote == 0x27 {
        index += 1
        while index < count, buffer[index] != quote { index += 1 }
        guard index < count else { return nil }
        index += 1
      } else {
        while index < count, !isSpace(buffer[index]), buffer[index] != 0x3E { index += 1 }
      }
    }
    guard index < count, index > covering, !rewrites.isEmpty else { return nil }
    for offset in rewrites { output[offset] = 0x5F }  // "_"
    return index + 1
  }

  /// Whether libxml2 2.9 reads `buffer[from..<to]` whole as an attribute name.
  private static func isReadable(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int)
    -> Bool
  {
    guard isNameStart(buffer[from]) else { return false }
    for index in (from + 1)..<to where !isNameByte(buffer[index]) { return false }
    return true
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }
  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }
  /// A first character libxml2 accepts: a letter, `_`, `:` or `.`.
  private static func isNameStart(_ byte: UInt8) -> Bool {
    isLetter(byte) || byte == 0x5F || byte == 0x3A || byte == 0x2E
  }
  /// A later character libxml2 accepts: those, ASCII digits and `-` (no non-ASCII byte).
  private static func isNameByte(_ byte: UInt8) -> Bool {
    isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
  }
}

/// `</body>` and `</html>` end tags with page content after them.
///
/// Browsers ignore both: content after them still goes into the body (templates that close
/// the document after the site header and print the article after it show the article).
/// libxml2 2.9 leaves that content out of the document. Blanking these end tags (spaces, same
/// length) lets libxml2 close the document at the end of the bytes, as a browser does.
enum PrematureEndTags {
  /// `bytes` with each `</body` and `</html` (any letter case) blanked when an element's
  /// start tag follows it; the same array when there is none. Finds `<` with `memchr`.
  static func repaired(_ bytes: [UInt8]) -> [UInt8] {
    var output = bytes
    var changed = false
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, buffer.count > 7 else { return }
      var position = 0
      while position + 7 < buffer.count,
        let found = memchr(base + position, 0x3C, buffer.count - position)
      {
        let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        position = at + 1
        guard at + 7 <= buffer.count, buffer[at + 1] == 0x2F, isBodyOrHTML(buffer, at + 2)
        else { continue }
        guard let close = memchr(base + at, 0x3E, buffer.count - at) else { break }
        let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self)) + 1
        guard startTagFollows(buffer, from: end) else { continue }
        for index in at..<end { output[index] = 0x20 }
        changed = true
        position = end
      }
    }
    return changed ? output : bytes
  }

  /// Whether `body` or `html` (any letter case) starts at `index`, ending the name.
  private static func isBodyOrHTML(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index + 4 <= buffer.count else { return false }
    let first = buffer[index] | 0x20
    let second = buffer[index + 1] | 0x20
    let third = buffer[index + 2] | 0x20
    let fourth = buffer[index + 3] | 0x20
    let body = first == 0x62 && second == 0x6F && third == 0x64 && fourth == 0x79
    let html = first == 0x68 && second == 0x74 && third == 0x6D && fourth == 0x6C
    guard body || html else { return false }
    guard index + 4 < buffer.count else { return true }
    let next = buffer[index + 4]
    return next == 0x3E || next == 0x20 || next == 0x0A || next == 0x09 || next == 0x0D
  }

  /// Whether an element's start tag (`<` and a letter) comes after `from`.
  private static func startTagFollows(_ buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
    guard let base = buffer.baseAddress else { return false }
    var position = from
    while position < buffer.count,
      let found = memchr(base + position, 0x3C, buffer.count - position)
    {
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if at + 1 < buffer.count, (buffer[at + 1] | 0x20) >= 0x61, (buffer[at + 1] | 0x20) <= 0x7A {
        return true
      }
      position = at + 1
    }
    return false
  }
}
