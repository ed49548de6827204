import Foundation
import Testing

@testable import MemoExtraction

/// The byte-level paths of HTML extraction added for speed (issue 10, third round), each
/// checked against the code it replaced, kept here as the reference, on edge cases and seeded
/// random inputs.
@Suite("HTML extraction fast paths")
struct ExtractionFastPathTests {
  typealias Seeded = ReadingFastPathTests.Seeded

  /// Random strings from `pieces`, `count` of them, up to `length` pieces each.
  static func random(_ pieces: [String], count: Int, length: Int, seed: UInt64) -> [String] {
    var generator = Seeded(state: seed)
    return (0..<count).map { _ in
      let size = Int.random(in: 0...length, using: &generator)
      return (0..<size).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  /// Markup pieces for head-like pages: tags and attributes in any case, quotes, entities,
  /// white space, combining marks, CR LF, non-ASCII letters, invalid UTF-8 stand-ins.
  static let markup: [String] = [
    "<meta", "<META", " charset", " CharSet", "=", " = ", "\"", "'", "utf-8", "KOI8-R",
    "windows-1252", "iso_8859.1:x", ">", " ", "\t", "\r\n", "\n", "<?xml", " encoding=",
    "\u{0301}", "é", "中", "/", "<link", "<LINK", " rel=", "canonical", " href=",
    "https://a.example/p?a=1&amp;b=2", "https://b.example/x", " property=", "og:url",
    " name=", " content=", "<base", "<script", " type=", "application/ld+json", "</script>",
    "{\"@type\":\"NewsArticle\",\"url\":\"https://c.example/n\"}", "<!--", "-->", "<body>",
    "<metadata>", "<linked", "&#38;", "&#x26;", "x y", "\u{1B}", "ld+json", "<title>t</title>",
  ]

  @Test("the byte scan for a declared charset agrees with the character scan")
  func declaredCharsetAgrees() {
    let cases =
      [
        "", "<meta charset=utf-8>", "<META CHARSET='KOI8-R'>", "<meta charset= \"x\u{0301}\">",
        "<meta\u{0301} charset=utf-8>", "<meta charset=utf-8\u{0301}>", "<?xml encoding=\"gbk\"?>",
        "<?xml version='1.0'>", "<?xml encoding=>\n<meta charset=big5>", "<meta charset=\"é\">",
        "<meta content=\"text/html; charset=euc-kr\" http-equiv=content-type>",
        "<meta charset>\u{0301}<meta charset=utf-16>",
      ] + Self.random(Self.markup, count: 6000, length: 14, seed: 21)
    for text in cases {
      let bytes = Array(text.utf8)
      #expect(
        TextDecoding.declaredCharset(bytes) == TextDecoding.declaredCharsetInText(bytes),
        "\(text.debugDescription)")
    }
    // Past the 4 KB window, and a window cut inside a character.
    let long = Array((String(repeating: "x", count: 4094) + "é<meta charset=big5>").utf8)
    #expect(TextDecoding.declaredCharset(long) == TextDecoding.declaredCharsetInText(long))
    #expect(TextDecoding.declaredCharset(Array("<meta charset=\"Big5\">".utf8)) == "big5")
  }

  @Test("the byte-level page address scan agrees with the string one it replaced")
  func pageURLAgrees() {
    let cases =
      [
        #"<link rel="canonical" href="https://a.example/x">"#,
        #"<meta property="og:url" content=" https://a.example/og ">"#,
        #"<link rel=canonical href=https://a.example/u?x=1&amp;y=2/>"#,
      ] + Self.random(Self.markup, count: 6000, length: 18, seed: 22)
    for text in cases {
      let bytes = Array(text.utf8)
      #expect(
        PageURL.url(inPage: bytes) == ReferencePageURL.url(inPage: bytes),
        "\(text.debugDescription)")
    }
    // Invalid UTF-8 inside values.
    var invalid = Array(#"<link rel="canonical" href="https://a.example/"#.utf8)
    invalid += [0xE2, 0x22, 0x3E]
    #expect(PageURL.url(inPage: invalid) == ReferencePageURL.url(inPage: invalid))
  }

  @Test("splitting lines on LF bytes gives split(separator: \"\\n\") on characters")
  func lineSplitAgrees() {
    let pieces = ["a", "\n", "\r", "\r\n", "\n\n", " ", "é", "\u{0301}", "中", "By Jo"]
    for text in Self.random(pieces, count: 4000, length: 12, seed: 23) {
      #expect(
        HTMLReader.lineBreakSplit(text) == text.split(separator: "\n"), "\(text.debugDescription)")
    }
  }

  @Test("the ASCII word key agrees with the Character one, and declines non-ASCII")
  func wordKeyAgrees() {
    func reference(_ text: String) -> String {
      var key = ""
      var pendingSpace = false
      for character in text.lowercased() {
        if character.isLetter || character.isNumber {
          if pendingSpace && !key.isEmpty { key.append(" ") }
          pendingSpace = false
          key.append(character)
        } else {
          pendingSpace = true
        }
      }
      return key
    }
    let pieces = ["a", "B", "Z", "9", " ", "-", "'", "\r\n", "\t", ".", "é", "\u{0301}", "İ", "½"]
    for text in Self.random(pieces, count: 4000, length: 16, seed: 24) {
      #expect(HTMLReader.wordKey(text) == reference(text), "\(text.debugDescription)")
      let ascii = text.utf8.allSatisfy { $0 < 0x80 }
      #expect((HTMLReader.asciiWordKey(text) != nil) == ascii)
    }
  }

  @Test("cutting at stops by bytes agrees with Foundation's range(of:)")
  func cutAtStopsAgrees() {
    let stops = [" | ", ",", " on ", " - ", " – ", " — ", " • ", " · ", "|", "•", "·"]
    let pieces = [
      "Jane", " ", "Doe", ",", " | ", "|", " on ", "on", " - ", "-", " – ", "•", "·", "é",
      "\u{0301}", "\u{0387}", "May 4", "\r\n",
    ]
    for text in Self.random(pieces, count: 4000, length: 10, seed: 25) {
      var reference = text
      for stop in stops {
        if let range = reference.range(of: stop) {
          reference = String(reference[..<range.lowerBound])
        }
      }
      #expect(HTMLReader.cutAtStops(text, stops) == reference, "\(text.debugDescription)")
    }
  }

  @Test("the ASCII name test of image alt texts agrees with the Character one")
  func imageNameAgrees() {
    func reference(_ alt: String) -> Bool {
      let words = alt.split(separator: " ")
      return !words.isEmpty && words.count <= 5
        && words.allSatisfy { $0 == "&" || $0.first!.isUppercase || $0.first!.isNumber }
    }
    let pieces = ["Acme", " ", "&", "Labs", "and", "7", "x", "&&", "É", "\r\n", "Ünion", "a"]
    for alt in Self.random(pieces, count: 4000, length: 8, seed: 26) {
      if let fast = HTMLReader.asciiReadsAsName(alt) {
        #expect(fast == reference(alt), "\(alt.debugDescription)")
      } else {
        #expect(alt.utf8.contains { $0 >= 0x80 }, "\(alt.debugDescription)")
      }
    }
  }

  @Test("the packed lookup of block-walk tag flags agrees with the names")
  func tagFlagsAgree() {
    let names =
      BlockBuilder.blockTags.union(BlockBuilder.separatorTags).union(TreeCopier.dropped)
      .union([
        "a", "button", "rt", "rp", "br", "tr", "td", "th", "pre", "listing", "xmp", "plaintext",
        "blockquote", "span", "b", "ab", "abbr2", "#text", "", "div2", "figcaptions", "tdx", "é",
        "my-element", "blockquotes", "plaintex", "ruby", "rtc", "table", "tablé",
      ])
    for name in names {
      #expect(BlockBuilder.flags(of: name) == BlockBuilder.plainFlags(of: name), "\(name)")
    }
    #expect(BlockBuilder.flags(of: "blockquote") == [.block, .blockquote])
    #expect(BlockBuilder.flags(of: "td") == [.block, .cell])
    #expect(BlockBuilder.flags(of: "label") == [.separator])
    #expect(BlockBuilder.flags(of: "span") == [])
  }

  @Test("repeated blocks found among texts sharing a space count agree with all texts")
  func repeatCandidatesAgree() {
    let pieces = [
      "word", " ", "é", "e\u{0301}", "\u{212A}", "K", "\n", "Acme", "—", "  ", "中文", ".",
    ]
    let texts = Self.random(pieces, count: 3000, length: 30, seed: 31)
    var generator = Seeded(state: 32)
    for start in stride(from: 0, to: texts.count - 60, by: 60) {
      // Blocks drawn with repeats: some texts occur again, some in another normal form.
      let blocks = (0..<40).map { _ -> TextBlock in
        var text = texts[start + Int.random(in: 0..<60, using: &generator)]
        if Bool.random(using: &generator) { text = text.decomposedStringWithCanonicalMapping }
        return TextBlock(
          text: text, owner: 0, linkLength: 0, blockquote: -1, preformatted: false,
          length: text.unicodeScalars.count)
      }
      #expect(
        ContentExtractor.repeatedBlocks(blocks)
          == ContentExtractor.repeatedBlocks(blocks, allCandidates: true))
    }
    // Canonically equivalent texts count as repeats, and both are candidates.
    let composed = String(repeating: "café au lait ", count: 10)
    let blocks = [composed, composed.decomposedStringWithCanonicalMapping].map {
      TextBlock(
        text: $0, owner: 0, linkLength: 0, blockquote: -1, preformatted: false, length: 130)
    }
    #expect(ContentExtractor.repeatedBlocks(blocks) == [false, true])
  }

  @Test("the strict byte reading of page addresses agrees with URLComponents")
  func plainAbsoluteAgrees() {
    let pieces = [
      "http", "https", "HTTP", "://", ":", "/", "//", "a", "Acme", "example", ".", "..", "-",
      "com", "8080", "?", "#", "=", "&", "%", "%2F", "%zz", "%4", "@", "[", "]", "|", " ", "\t",
      "é", "~", "_", "'", "(", ")", "*", "+", ",", ";", "!", "$", "{", "\"", "<", "\\", "^",
      "\u{0}", "\u{7F}", "\u{85}", "1",
    ]
    var addresses = Self.random(pieces, count: 6000, length: 12, seed: 33)
    addresses += [
      "https://acme.example/news/2026/03/restructure?ref=rss#top",
      "http://a.example:8080/x", "https://a.example:/x", "https://a.example:123456/x",
      "https://-a.example/", "https://a..example/", "https://a.example./", "https://.a/",
      "https://a.example/%E2%80%94", "https://a.example/%E2%8", "https://user@a.example/",
      "https://[::1]/", "https://a.example/a#b#c", "HTTPS://A.EXAMPLE", "https://", "http://x",
      " https://a.example/", "https://a.example/ ", "https://a.example/é",
    ]
    for address in addresses {
      #expect(
        PageURL.absolute(address) == PageURL.checkedAbsolute(address), "\(address.debugDescription)"
      )
      if PageURL.isPlainAbsolute(address) {
        #expect(PageURL.checkedAbsolute(address) == address, "\(address.debugDescription)")
      }
    }
    #expect(PageURL.isPlainAbsolute("https://acme.example/news/2026/03/restructure?ref=rss#top"))
  }

  @Test("the copyright byte check turns away only lines the Character reading refuses")
  func copyrightBytesAgree() {
    let pieces = [
      "©", "(c) ", "(C) ", "Copyright ", "Copyright", "(c)", "c", "C", "©\u{0301}", " ", "2026",
      "Acme", " Inc.", " | ", ". All rights", "-", "–", ",", "é", "\u{0301}", "(", "Ç", "\r\n",
    ]
    for line in Self.random(pieces, count: 6000, length: 8, seed: 34) {
      #expect(
        BodyEvidence.copyrightHolder(line) == BodyEvidence.copyrightHolder(line, byBytes: false),
        "\(line.debugDescription)")
    }
    #expect(BodyEvidence.copyrightHolder("© 2026 Acme Robotics") == "Acme Robotics")
  }

  @Test("the update-note test by bytes agrees with the lower-cased Foundation one")
  func updateNoteAgrees() {
    let pieces = [
      "Updated", "UPDATED", "updat", "ed", "Last ", "Reviewed", "last reviewed", "revised",
      "Modified", " ", "·", "March 4, 2026", "é", "\u{0301}", "\r\n", "EDITED", "Published",
    ]
    for part in Self.random(pieces, count: 4000, length: 6, seed: 35) {
      let reference = HTMLReader.updateWords.contains { part.lowercased().contains($0) }
      #expect(HTMLReader.isUpdateNote(part) == reference, "\(part.debugDescription)")
    }
  }

  @Test("Foundation finds a release separator only where its bytes are")
  func releaseSeparatorsNeedBytes() {
    let pieces = [
      "SEATTLE", ", ", "Feb. 12, 2026", " ", "-", "--", "—", "–", ":", "\u{0301}", "é", "\r\n",
      "/PRNewswire/", "Acme", "\u{2010}", "\u{2011}", "\u{FE58}", "\u{FF1A}", "\u{02D0}",
    ]
    for head in Self.random(pieces, count: 6000, length: 10, seed: 36) {
      for separator in BodyEvidence.releaseSeparators {
        if head.range(of: separator) != nil || head.range(of: separator, options: .backwards) != nil
        {
          #expect(head.containsBytes(separator), "\(head.debugDescription) \(separator)")
        }
      }
    }
  }

  @Test("the packed lookup of dropped tags agrees with the set")
  func droppedAgrees() {
    for name in TreeCopier.dropped { #expect(TreeCopier.isDropped(name), "\(name)") }
    for name in [
      "div", "p", "scripts", "scrip", "", "noscript2", "templatex", "a", "body", "SCRIPT", "img ",
      "selecté", "section", "article", "aside",
    ] {
      #expect(TreeCopier.isDropped(name) == TreeCopier.dropped.contains(name), "\(name)")
    }
  }
}

/// `PageURL` as it was before it read attributes as byte ranges: the reference.
enum ReferencePageURL {
  /// How much of a page's start is searched: the tags belong in `<head>`, JSON-LD near it.
  static let searchedBytes = PageURL.searchedBytes

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
  /// lower-cased name, the text up to `>`, and for JSON-LD scripts the content up to
  /// `</script>`. Scans bytes with `memchr`: the markup looked for is ASCII, and most of a page
  /// is passed over without being decoded.
  private static func tags(in bytes: ArraySlice<UInt8>) -> [(
    name: String, body: String, content: String
  )] {
    bytes.withUnsafeBufferPointer { tags(in: $0) }
  }

  private static func tags(in buffer: UnsafeBufferPointer<UInt8>) -> [(
    name: String, body: String, content: String
  )] {
    guard let base = buffer.baseAddress else { return [] }
    let count = buffer.count
    var result: [(String, String, String)] = []
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
    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
    var index = 0
    while let open = next(UInt8(ascii: "<"), from: index) {
      index = open + 1
      if matches("!--", at: index) {
        guard let end = find("-->", from: index + 3) else { break }
        index = end + 3
        continue
      }
      let name: String
      if matches("link", at: index) {
        name = "link"
      } else if matches("meta", at: index) {
        name = "meta"
      } else if matches("base", at: index) {
        name = "base"
      } else if matches("script", at: index) {
        name = "script"
      } else if matches("body", at: index) {
        break
      } else {
        continue
      }
      let nameEnd = index + name.utf8.count
      // `<linked>`, `<metadata>`: a longer name is another tag.
      if nameEnd < count, (0x41...0x5A).contains(buffer[nameEnd] & 0xDF) { continue }
      guard let close = next(UInt8(ascii: ">"), from: nameEnd) else { break }
      let body = text(nameEnd..<close)
      index = close + 1
      var content = ""
      if name == "script" {
        let end = find("</script", from: index) ?? count
        if contains("ld+json", in: nameEnd..<close) { content = text(index..<end) }
        index = end
      }
      result.append((name, body, content))
    }
    return result
  }

  /// The attributes `url(inPage:)` reads; the others are passed over without being kept.
  private static let readAttributes: Set<String> = [
    "rel", "href", "property", "name", "content", "type",
  ]

  /// Attribute names (lower-cased) and values of the attributes in `readAttributes`, with
  /// `&amp;`, `&#38;` and `&#x26;` decoded. Works on UTF-8 bytes: the tag's syntax (HTML's
  /// ASCII white space, `=`, quotes, `/`) is ASCII, so values are copied out whole and only
  /// the few kept ones become strings.
  private static func attributes(of body: Substring) -> [String: String] {
    var result: [String: String] = [:]
    var body = body
    body.withUTF8 { bytes in
      let count = bytes.count
      var index = 0
      func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
      }
      func skipSpaces() {
        while index < count && (isSpace(bytes[index]) || bytes[index] == 0x2F) { index += 1 }
      }
      func kept(_ range: Range<Int>) -> String? {
        guard range.count >= 3, range.count <= 8 else { return nil }
        var lower = [UInt8](UnsafeBufferPointer(rebasing: bytes[range]))
        for position in lower.indices where lower[position] >= 0x41 && lower[position] <= 0x5A {
          lower[position] += 0x20
        }
        let name = String(decoding: lower, as: UTF8.self)
        return readAttributes.contains(name) ? name : nil
      }
      while index < count {
        skipSpaces()
        let nameStart = index
        while index < count && !isSpace(bytes[index]) && bytes[index] != 0x3D
          && bytes[index] != 0x2F
        {
          index += 1
        }
        let name = kept(nameStart..<index)
        skipSpaces()
        guard index < count, bytes[index] == 0x3D else {
          if let name, result[name] == nil { result[name] = "" }
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
        guard let name, result[name] == nil else { continue }
        while !value.isEmpty && (bytes[value.lowerBound] == 0x20 || bytes[value.lowerBound] == 0x09)
        {
          value = (value.lowerBound + 1)..<value.upperBound
        }
        while !value.isEmpty
          && (bytes[value.upperBound - 1] == 0x20 || bytes[value.upperBound - 1] == 0x09)
        {
          value = value.lowerBound..<(value.upperBound - 1)
        }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
        if bytes[value].contains(0x26) {
          text =
            text
            .replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&#38;", with: "&")
            .replacingOccurrences(of: "&#x26;", with: "&")
        }
        result[name] = text
      }
    }
    return result
  }
}
