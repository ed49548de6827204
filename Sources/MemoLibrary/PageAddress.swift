import Foundation

/// The address a web page gives for itself: `<link rel="canonical" href>` first, else
/// `<meta property="og:url" content>`. Only absolute `http(s)` addresses count.
public enum PageAddress {
  /// How much of a page's start is searched: both tags belong in `<head>`.
  static let searchedBytes = 512 * 1024

  /// The page's own address, or nil when it has none (or `bytes` is not HTML).
  public static func url(inPage bytes: [UInt8]) -> String? {
    // Latin-1 keeps every byte; the attributes looked for are ASCII.
    let text = String(decoding: bytes.prefix(searchedBytes), as: Unicode.ASCII.self)
    var canonical: String?
    var openGraph: String?
    for tag in tags(in: text) {
      let attributes = Self.attributes(of: tag.body)
      if tag.name == "link", canonical == nil,
        let rel = attributes["rel"]?.lowercased().split(separator: " "), rel.contains("canonical"),
        let href = attributes["href"], isAbsolute(href)
      {
        canonical = href
      }
      if tag.name == "meta", openGraph == nil,
        (attributes["property"] ?? attributes["name"])?.lowercased() == "og:url",
        let content = attributes["content"], isAbsolute(content)
      {
        openGraph = content
      }
    }
    return canonical ?? openGraph
  }

  private static func isAbsolute(_ address: String) -> Bool {
    let lower = address.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// `<link …>` and `<meta …>` tags: lower-cased name and the text up to `>`.
  private static func tags(in text: String) -> [(name: String, body: Substring)] {
    var result: [(String, Substring)] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      let name = rest.prefix { $0.isLetter }.lowercased()
      guard name == "link" || name == "meta" else {
        if name == "body" { break }
        continue
      }
      guard let close = rest.firstIndex(of: ">") else { break }
      result.append((name, rest[rest.index(rest.startIndex, offsetBy: name.count)..<close]))
      rest = rest[close...]
    }
    return result
  }

  /// Attribute names (lower-cased) and values, entity-decoded for `&amp;`.
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
      }
    }
    return result
  }
}
