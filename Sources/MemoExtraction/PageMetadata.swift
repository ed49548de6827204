import Foundation

/// Title, author, date and publisher read from a page's JSON-LD, OpenGraph and meta tags.
struct PageMetadata: Sendable, Equatable {
  var title: String?
  var author: String?
  var date: String?
  var publisher: String?

  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "report", "techarticle", "scholarlyarticle",
    "socialmediaposting", "liveblogposting", "pressrelease", "webpage", "posting",
  ]

  init() {}

  init(tree: HTMLTree) {
    for script in tree.jsonLD { readJSONLD(script) }
    var metas: [String: String] = [:]
    let wanted: Set<String> = [
      "og:title", "twitter:title", "headline", "author", "article:author", "dc.creator", "byl",
      "sailthru.author", "parsely-author", "twitter:creator", "article:published_time",
      "datepublished", "date", "dc.date", "dc.date.issued", "pubdate", "publish-date",
      "publishdate", "sailthru.date", "parsely-pub-date", "og:published_time",
      "article.published", "date.published", "dcterms.date", "article:modified_time",
      "og:site_name", "application-name",
    ]
    for (key, value) in tree.metas where metas[key] == nil && wanted.contains(key) {
      let trimmed = value.collapsingWhitespace
      if !trimmed.isEmpty { metas[key] = trimmed }
    }
    title =
      title ?? metas["og:title"] ?? metas["twitter:title"] ?? metas["headline"]
      ?? tree.title.map { Self.trimSiteName($0.collapsingWhitespace) }.flatMap {
        Self.isUsefulTitle($0) ? $0 : nil
      }
    if author == nil {
      for key in [
        "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author",
        "twitter:creator",
      ] {
        if let value = metas[key], !value.contains("://"), let name = Self.cleanAuthor(value) {
          author = name
          break
        }
      }
    }
    if date == nil {
      for key in [
        "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "pubdate", "publish-date", "publishdate", "sailthru.date", "parsely-pub-date",
        "og:published_time", "article.published", "date.published", "dcterms.date",
        "article:modified_time",
      ] {
        if let value = metas[key], let normalized = DateNormalizer.normalize(value) {
          date = normalized
          break
        }
      }
    }
    if publisher == nil { publisher = metas["og:site_name"] ?? metas["application-name"] }
  }

  /// False for empty titles and file names such as `ex99-1.htm`.
  static func isUsefulTitle(_ title: String) -> Bool {
    let lower = title.lowercased()
    if title.isEmpty || lower == "untitled" || lower == "untitled document" { return false }
    let fileEndings = [".htm", ".html", ".txt", ".pdf", ".doc", ".docx", ".asp", ".aspx", ".php"]
    return !(fileEndings.contains { lower.hasSuffix($0) } && !title.contains(" "))
  }

  /// "Layoffs at Acme | Acme Blog" → "Layoffs at Acme".
  static func trimSiteName(_ title: String) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: "] {
      if let range = title.range(of: separator, options: .backwards) {
        let head = title[..<range.lowerBound]
        if head.count >= 15 { return String(head) }
      }
    }
    return title
  }

  static func cleanAuthor(_ raw: String) -> String? {
    var value = raw.collapsingWhitespace
    let lower = value.lowercased()
    if lower.hasPrefix("by ") { value = String(value.dropFirst(3)) }
    if value.hasPrefix("@") || value.isEmpty || value.count > 100 { return nil }
    return value
  }

  private mutating func readJSONLD(_ script: String) {
    let text = script.trimmed
    guard !text.isEmpty, let data = text.data(using: .utf8),
      let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { return }
    // Breadth-first over arrays, @graph and nested objects, iteratively.
    var queue: [Any] = [json]
    var head = 0
    while head < queue.count, head < 500 {
      let item = queue[head]
      head += 1
      if let array = item as? [Any] {
        queue.append(contentsOf: array)
        continue
      }
      guard let object = item as? [String: Any] else { continue }
      if let graph = object["@graph"] { queue.append(graph) }
      if let main = object["mainEntity"] { queue.append(main) }
      let types = Self.strings(object["@type"]).map { $0.lowercased() }
      guard types.contains(where: { Self.articleTypes.contains($0) }) else { continue }
      let isWebPage = types.allSatisfy { $0 == "webpage" }
      if title == nil || !isWebPage,
        let headline = Self.strings(object["headline"]).first
          ?? (isWebPage ? nil : Self.strings(object["name"]).first)
      {
        if title == nil { title = headline.collapsingWhitespace }
      }
      if author == nil, let name = Self.name(object["author"]) ?? Self.name(object["creator"]) {
        author = Self.cleanAuthor(name)
      }
      if date == nil {
        for key in ["datePublished", "dateCreated", "uploadDate", "dateModified"] {
          if let value = Self.strings(object[key]).first,
            let normalized = DateNormalizer.normalize(value)
          {
            date = normalized
            break
          }
        }
      }
      if publisher == nil, let name = Self.name(object["publisher"]) { publisher = name }
    }
  }

  private static func strings(_ value: Any?) -> [String] {
    if let string = value as? String { return [string] }
    if let array = value as? [Any] { return array.compactMap { $0 as? String } }
    return []
  }

  /// The `name` of a person or organization, or of the first of several.
  private static func name(_ value: Any?) -> String? {
    if let string = value as? String {
      return string.contains("://") ? nil : string.collapsingWhitespace
    }
    if let object = value as? [String: Any] {
      return strings(object["name"]).first.map(\.collapsingWhitespace)
    }
    if let array = value as? [Any] {
      let names = array.compactMap { name($0) }.filter { !$0.isEmpty }
      return names.isEmpty ? nil : names.joined(separator: ", ")
    }
    return nil
  }
}
