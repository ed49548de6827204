import Foundation

/// The address a web page gives for itself, for `Memo.url`: `<link rel="canonical" href>`,
/// else `<meta property="og:url" content>`, else the `url` (or `mainEntityOfPage`) of the
/// page's JSON-LD article or web page, else `<base href>` when it names a page (a path beyond
/// `/`). Nothing is resolved: only absolute `http`/`https` addresses with a host count, and an
/// address with spaces or control characters is refused.
enum PageURL {
  /// How much of a page's start is searched: the tags belong in `<head>`, JSON-LD near it.
  static let searchedBytes = 512 * 1024

  /// The page's own address, or nil when it gives none.
  static func url(inPage utf8: [UInt8]) -> String? {
    utf8.withUnsafeBufferPointer { page in
      url(in: UnsafeBufferPointer(rebasing: page[..<min(page.count, searchedBytes)]))
    }
  }

  private static func url(in buffer: UnsafeBufferPointer<UInt8>) -> String? {
    var canonical: String?
    var openGraph: String?
    var base: String?
    var linkedData: [String] = []
    for tag in tags(in: buffer) {
      // Once a canonical link is known nothing later can change the answer; once og:url is,
      // only a canonical link can. What cannot change it is not read.
      if canonical != nil { break }
      if openGraph != nil && tag.name != .link { continue }
      let attributes = TagAttributes(UnsafeBufferPointer(rebasing: buffer[tag.body]))
      switch tag.name {
      case .link:
        if canonical == nil,
          let rel = attributes.value(.rel)?.lowercased().split(separator: " "),
          rel.contains("canonical")
        {
          canonical = attributes.value(.href).flatMap(absolute)
        }
      case .meta:
        if openGraph == nil,
          (attributes.value(.property) ?? attributes.value(.name))?.lowercased() == "og:url"
        {
          openGraph = attributes.value(.content).flatMap(absolute)
        }
      case .base:
        if base == nil, let address = attributes.value(.href).flatMap(absolute),
          let path = URLComponents(string: address)?.path, path.count > 1
        {
          base = address
        }
      case .script:
        if let content = tag.content,
          attributes.value(.type)?.lowercased() == "application/ld+json"
        {
          linkedData.append(
            String(decoding: UnsafeBufferPointer(rebasing: buffer[content]), as: UTF8.self))
        }
      }
    }
    if let address = canonical ?? openGraph { return address }
    // JSON-LD is parsed only when no tag gave the address.
    for block in linkedData {
      if let address = jsonLDAddress(block) { return address }
    }
    return base
  }

  /// `address` trimmed when it is an absolute `http(s)` address with a host and no space or
  /// control character; nil otherwise (relative, `javascript:`, `data:`, …).
  static func absolute(_ address: String) -> String? {
    if isPlainAbsolute(address) { return address }
    return checkedAbsolute(address)
  }

  /// Whether `address` is an `http(s)` address `checkedAbsolute` returns unchanged, by a
  /// strict reading of its bytes: printable ASCII without spaces (nothing to trim, no space
  /// or control character), the scheme, a host of letters, digits, dots and hyphens with an
  /// optional port, then only characters RFC 3986 allows in a path, query and fragment,
  /// with `%` before two hex digits. `URLComponents` reads every such address, host and all;
  /// any other address is checked the slow way (`checkedAbsolute`).
  static func isPlainAbsolute(_ address: String) -> Bool {
    var address = address
    return address.withUTF8 { bytes -> Bool in
      func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
      func isAlphanumeric(_ byte: UInt8) -> Bool {
        let folded = lower(byte)
        return (folded >= 0x61 && folded <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
      }
      func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (lower(byte) >= 0x61 && lower(byte) <= 0x66)
      }
      var index: Int
      if bytes.count > 7, lower(bytes[0]) == 0x68, lower(bytes[1]) == 0x74,
        lower(bytes[2]) == 0x74, lower(bytes[3]) == 0x70
      {
        // "http" then "://" or "s://"
        if bytes[4] == 0x3A, bytes[5] == 0x2F, bytes[6] == 0x2F {
          index = 7
        } else if lower(bytes[4]) == 0x73, bytes.count > 8, bytes[5] == 0x3A, bytes[6] == 0x2F,
          bytes[7] == 0x2F
        {
          index = 8
        } else {
          return false
        }
      } else {
        return false
      }
      // The host: labels of letters, digits and hyphens, starting with a letter or digit,
      // joined by single dots.
      var labelLength = 0
      var hostLength = 0
      while index < bytes.count {
        let byte = bytes[index]
        if isAlphanumeric(byte) {
          labelLength += 1
        } else if byte == 0x2D {
          guard labelLength > 0 else { return false }
          labelLength += 1
        } else if byte == 0x2E {
          guard labelLength > 0 else { return false }
          labelLength = 0
        } else {
          break
        }
        hostLength += 1
        index += 1
      }
      guard hostLength > 0, labelLength > 0 else { return false }
      if index < bytes.count, bytes[index] == 0x3A {
        index += 1
        let portStart = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        guard (1...5).contains(index - portStart) else { return false }
      }
      guard
        index == bytes.count || bytes[index] == 0x2F || bytes[index] == 0x3F
          || bytes[index] == 0x23
      else { return false }
      // Path, query and fragment: unreserved, sub-delims, ":", "@", "/", "?", one "#", and
      // percent-encoded bytes.
      var sawFragment = false
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E,  // unreserved
          0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D,  // sub-delims
          0x3A, 0x40, 0x2F, 0x3F:
          index += 1
        case 0x23:
          guard !sawFragment else { return false }
          sawFragment = true
          index += 1
        case 0x25:
          guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2])
          else { return false }
          index += 3
        default:
          return false
        }
      }
      return true
    }
  }

  /// `absolute`, checked with Foundation's trimming and `URLComponents`.
  static func checkedAbsolute(_ address: String) -> String? {
    let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
    let lower = trimmed.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
    guard
      !trimmed.unicodeScalars.contains(where: {
        $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
      })
    else { return nil }
    guard let host = URLComponents(string: trimmed)?.host, !host.isEmpty else { return nil }
    return trimmed
  }

  /// Types whose `url` is the page's own address (not a publisher's or an author's).
  private static let pageTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "webpage", "pressrelease", "socialmediaposting", "report",
  ]

  /// The `url` (or `mainEntityOfPage`) of the first article or web page in a JSON-LD block.
  private static func jsonLDAddress(_ json: String) -> String? {
    guard
      let value = try? JSONSerialization.jsonObject(
        with: Data(json.utf8), options: [.fragmentsAllowed])
    else { return nil }
    var queue: [Any] = [value]
    while !queue.isEmpty {
      let item = queue.removeFirst()
      if let array = item as? [Any] {
        queue.append(contentsOf: array)
        continue
      }
      guard let object = item as? [String: Any] else { continue }
      if let graph = object["@graph"] { queue.append(graph) }
      let types = (object["@type"] as? [String]) ?? [(object["@type"] as? String) ?? ""]
      guard types.contains(where: { pageTypes.contains($0.lowercased()) }) else { continue }
      if let address = (object["url"] as? String).flatMap(absolute) { return address }
      let entity = object["mainEntityOfPage"]
      if let address = ((entity as? [String: Any])?["@id"] as? String ?? entity as? String)
        .flatMap(absolute)
      {
        return address
      }
    }
    return nil
  }

  /// The tags `url(inPage:)` reads.
  private enum TagName { case link, meta, base, script }

  /// `<link>`, `<meta>`, `<base>` and `<script>` tags until `<body>` (comments skipped): the
  /// name, the bytes up to `>`, and for scripts whose tag mentions `ld+json` the content up to
  /// `</script>`. Scans bytes with `memchr`: the markup looked for is ASCII, and most of a page
  /// is passed over without being decoded.
  private static func tags(in buffer: UnsafeBufferPointer<UInt8>) -> [(
    name: TagName, body: Range<Int>, content: Range<Int>?
  )] {
    guard let base = buffer.baseAddress else { return [] }
    let count = buffer.count
    var result: [(TagName, Range<Int>, Range<Int>?)] = []
    func next(_ byte: UInt8, from start: Int) -> Int? {
      guard start < count, let found = memchr(base + start, Int32(byte), count - start) else {
        return nil
      }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
    /// Whether the ASCII lower-case `word` stands at `index`, letters in any case.
    func matches(_ word: StaticString, at index: Int) -> Bool {
      let length = word.utf8CodeUnitCount
      guard index + length <= count else { return false }
      for offset in 0..<length {
        var byte = buffer[index + offset]
        if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
        if byte != word.utf8Start[offset] { return false }
      }
      return true
    }
    /// Where `word` (starting with `<` or `-`) next stands from `start`.
    func find(_ word: StaticString, from start: Int) -> Int? {
      var position = start
      while let candidate = next(word.utf8Start[0], from: position) {
        if matches(word, at: candidate) { return candidate }
        position = candidate + 1
      }
      return nil
    }
    /// Whether the ASCII lower-case `word` stands anywhere in `range`, letters in any case.
    func contains(_ word: StaticString, in range: Range<Int>) -> Bool {
      let length = word.utf8CodeUnitCount
      guard range.count >= length else { return false }
      for start in range.lowerBound...(range.upperBound - length) where matches(word, at: start) {
        return true
      }
      return false
    }
    var index = 0
    while let open = next(UInt8(ascii: "<"), from: index) {
      index = open + 1
      if matches("!--", at: index) {
        guard let end = find("-->", from: index + 3) else { break }
        index = end + 3
        continue
      }
      let name: TagName
      let nameLength: Int
      if matches("link", at: index) {
        (name, nameLength) = (.link, 4)
      } else if matches("meta", at: index) {
        (name, nameLength) = (.meta, 4)
      } else if matches("base", at: index) {
        (name, nameLength) = (.base, 4)
      } else if matches("script", at: index) {
        (name, nameLength) = (.script, 6)
      } else if matches("body", at: index) {
        break
      } else {
        continue
      }
      let nameEnd = index + nameLength
      // `<linked>`, `<metadata>`: a longer name is another tag.
      if nameEnd < count, (0x41...0x5A).contains(buffer[nameEnd] & 0xDF) { continue }
      guard let close = next(UInt8(ascii: ">"), from: nameEnd) else { break }
      index = close + 1
      var content: Range<Int>?
      if name == .script {
        let end = find("</script", from: index) ?? count
        if contains("ld+json", in: nameEnd..<close) { content = index..<end }
        index = end
      }
      result.append((name, nameEnd..<close, content))
    }
    return result
  }

  /// The attributes `url(inPage:)` reads, as ranges of a tag's bytes; the others are passed
  /// over. The tag's syntax (HTML's ASCII white space, `=`, quotes, `/`) is ASCII, so only the
  /// values asked for become strings.
  private struct TagAttributes {
    enum Name: Int, CaseIterable {
      case rel, href, property, name, content, type
      var bytes: StaticString {
        switch self {
        case .rel: "rel"
        case .href: "href"
        case .property: "property"
        case .name: "name"
        case .content: "content"
        case .type: "type"
        }
      }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The value of each name's first occurrence (an empty range for a bare attribute).
    var values: [Range<Int>?] = Array(repeating: nil, count: Name.allCases.count)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      let count = bytes.count
      var index = 0
      func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
      }
      while index < count {
        while index < count && (isSpace(bytes[index]) || bytes[index] == 0x2F) { index += 1 }
        let nameStart = index
        while index < count && !isSpace(bytes[index]) && bytes[index] != 0x3D
          && bytes[index] != 0x2F
        {
          index += 1
        }
        let name = Self.name(UnsafeBufferPointer(rebasing: bytes[nameStart..<index]))
        while index < count && (isSpace(bytes[index]) || bytes[index] == 0x2F) { index += 1 }
        guard index < count, bytes[index] == 0x3D else {
          if let name, values[name.rawValue] == nil { values[name.rawValue] = 0..<0 }
          continue
        }
        index += 1
        while index < count && isSpace(bytes[index]) { index += 1 }
        guard index < count else { break }
        var value: Range<Int>
        if bytes[index] == 0x22 || bytes[index] == 0x27 {
          let quote = bytes[index]
          let start = index + 1
          var end = start
          while end < count && bytes[end] != quote { end += 1 }
          value = start..<end
          index = end < count ? end + 1 : end
        } else {
          let start = index
          while index < count && !isSpace(bytes[index]) { index += 1 }
          value = start..<index
        }
        guard let name, values[name.rawValue] == nil else { continue }
        while !value.isEmpty && (bytes[value.lowerBound] == 0x20 || bytes[value.lowerBound] == 0x09)
        {
          value = (value.lowerBound + 1)..<value.upperBound
        }
        while !value.isEmpty
          && (bytes[value.upperBound - 1] == 0x20 || bytes[value.upperBound - 1] == 0x09)
        {
          value = value.lowerBound..<(value.upperBound - 1)
        }
        values[name.rawValue] = value
      }
    }

    /// The read attribute an ASCII-case-insensitive name is, or nil.
    private static func name(_ raw: UnsafeBufferPointer<UInt8>) -> Name? {
      guard raw.count >= 3, raw.count <= 8 else { return nil }
      candidates: for candidate in Name.allCases {
        let word = candidate.bytes
        guard word.utf8CodeUnitCount == raw.count else { continue }
        for offset in 0..<raw.count {
          var byte = raw[offset]
          if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
          if byte != word.utf8Start[offset] { continue candidates }
        }
        return candidate
      }
      return nil
    }

    /// An attribute's value, with `&amp;`, `&#38;` and `&#x26;` decoded; nil when absent.
    func value(_ name: Name) -> String? {
      guard let range = values[name.rawValue] else { return nil }
      let slice = UnsafeBufferPointer(rebasing: bytes[range])
      let text = String(decoding: slice, as: UTF8.self)
      guard slice.contains(0x26) else { return text }
      return
        text
        .replacingOccurrences(of: "&amp;", with: "&")
        .replacingOccurrences(of: "&#38;", with: "&")
        .replacingOccurrences(of: "&#x26;", with: "&")
    }
  }
}

extension Memo {
  /// This memo with `url` set to the address its HTML page gives for itself (see `PageURL`).
  func withPageURL(_ utf8: [UInt8]) -> Memo {
    var memo = self
    memo.url = PageURL.url(inPage: utf8)
    return memo
  }
}
