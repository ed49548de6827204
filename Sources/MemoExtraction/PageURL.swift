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
    var canonical: String?
    var openGraph: String?
    var base: String?
    var linkedData: [String] = []
    for tag in tags(in: utf8.prefix(searchedBytes)) {
      let attributes = Self.attributes(of: tag.body[...])
      switch tag.name {
      case "link":
        if canonical == nil,
          let rel = attributes["rel"]?.lowercased().split(separator: " "),
          rel.contains("canonical")
        {
          canonical = attributes["href"].flatMap(absolute)
        }
      case "meta":
        if openGraph == nil,
          (attributes["property"] ?? attributes["name"])?.lowercased() == "og:url"
        {
          openGraph = attributes["content"].flatMap(absolute)
        }
      case "base":
        if base == nil, let address = attributes["href"].flatMap(absolute),
          let path = URLComponents(string: address)?.path, path.count > 1
        {
          base = address
        }
      default:
        if attributes["type"]?.lowercased() == "application/ld+json" {
          linkedData.append(tag.content)
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

  /// `<link>`, `<meta>`, `<base>` and `<script>` tags until `<body>` (comments skipped):
  /// lower-cased name, the text up to `>`, and for scripts the content up to `</script>`.
  /// Scans bytes: the markup looked for is ASCII, and most of a page is passed over.
  private static func tags(in bytes: ArraySlice<UInt8>) -> [(
    name: String, body: String, content: String
  )] {
    var result: [(String, String, String)] = []
    var index = bytes.startIndex
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
      guard needle.count <= bytes.endIndex - start else { return nil }
      var position = start
      while position + needle.count <= bytes.endIndex {
        var matched = true
        for (offset, expected) in needle.enumerated() {
          var byte = bytes[position + offset]
          if caseInsensitive, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
          if byte != expected {
            matched = false
            break
          }
        }
        if matched { return position }
        position += 1
      }
      return nil
    }
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      index = open + 1
      if bytes[index...].starts(with: Array("!--".utf8)) {
        guard let end = find(Array("-->".utf8), from: index) else { break }
        index = end + 3
        continue
      }
      var nameEnd = index
      while nameEnd < bytes.endIndex, nameEnd - index < 8,
        (0x41...0x5A).contains(bytes[nameEnd]) || (0x61...0x7A).contains(bytes[nameEnd])
      {
        nameEnd += 1
      }
      let name = text(index..<nameEnd).lowercased()
      guard ["link", "meta", "base", "script"].contains(name) else {
        if name == "body" { break }
        continue
      }
      guard let close = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")) else { break }
      let body = text(nameEnd..<close)
      index = close + 1
      var content = ""
      if name == "script" {
        let end = find(Array("</script".utf8), from: index, caseInsensitive: true) ?? bytes.endIndex
        if body.lowercased().contains("ld+json") { content = text(index..<end) }
        index = end
      }
      result.append((name, body, content))
    }
    return result
  }

  /// Attribute names (lower-cased) and values, with `&amp;`, `&#38;` and `&#x26;` decoded.
  private static func attributes(of body: Substring) -> [String: String] {
    var result: [String: String] = [:]
    var index = body.startIndex
    func skipSpaces() {
      while index < body.endIndex && (body[index].isWhitespace || body[index] == "/") {
        index = body.index(after: index)
      }
    }
    while index < body.endIndex {
      skipSpaces()
      let nameStart = index
      while index < body.endIndex && !body[index].isWhitespace && body[index] != "="
        && body[index] != "/"
      {
        index = body.index(after: index)
      }
      let name = body[nameStart..<index].lowercased()
      skipSpaces()
      guard index < body.endIndex, body[index] == "=" else {
        if !name.isEmpty { result[name] = result[name] ?? "" }
        continue
      }
      index = body.index(after: index)
      while index < body.endIndex && body[index].isWhitespace { index = body.index(after: index) }
      guard index < body.endIndex else { break }
      var value: Substring
      if body[index] == "\"" || body[index] == "'" {
        let quote = body[index]
        let start = body.index(after: index)
        let end = body[start...].firstIndex(of: quote) ?? body.endIndex
        value = body[start..<end]
        index = end < body.endIndex ? body.index(after: end) : end
      } else {
        let start = index
        while index < body.endIndex && !body[index].isWhitespace {
          index = body.index(after: index)
        }
        value = body[start..<index]
      }
      if !name.isEmpty, result[name] == nil {
        result[name] = value.trimmingCharacters(in: .whitespaces)
          .replacingOccurrences(of: "&amp;", with: "&")
          .replacingOccurrences(of: "&#38;", with: "&")
          .replacingOccurrences(of: "&#x26;", with: "&")
      }
    }
    return result
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
