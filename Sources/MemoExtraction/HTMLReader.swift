import Foundation

/// HTML → `Memo`: decode, parse with libxml2, find the main content, read metadata.
enum HTMLReader {
  enum Mode {
    /// A web page: find the main content and drop navigation, comments and the like.
    case webPage
    /// An HTML email: the whole body is the message; only hidden and boilerplate parts go.
    case email
  }

  /// The paragraphs and page metadata of an HTML document.
  struct Content {
    var paragraphs: [Paragraph]
    var metadata: PageMetadata
    var byline: String?
    var timeDate: String?
    /// The first `<h1>`'s text: the headline on most pages.
    var headline: String? = nil
    /// A date from a short dateline or byline block ("May 20, 2025 • News"), as a last resort.
    var datelineDate: String? = nil
    /// A From/To/Date/Subject table anywhere on the page (saved HTML e-mails).
    var pageHeaders: MemoHeaders? = nil
    /// Short capitalized alt texts of images, such as a letterhead logo's "Acme Robotics".
    var imageNames: [String] = []
    var quoteEligible: Set<Int32>
  }

  static func read(
    utf8: [UInt8], path: String, mode: Mode
  ) throws(ExtractionError) -> Content {
    let tree = try HTMLParser.tree(utf8: utf8, path: path)
    let metadata = PageMetadata(tree: tree)
    let body = tree.nodes.firstIndex { $0.name == "body" }.map { Int32($0) } ?? 0
    guard !tree.nodes.isEmpty else {
      return Content(paragraphs: [], metadata: metadata, quoteEligible: [])
    }
    var extractor = ContentExtractor(tree: tree, root: body)
    let blocks: [TextBlock]
    switch mode {
    case .webPage: blocks = extractor.mainContent()
    case .email: blocks = extractor.wholeDocument()
    }
    var eligible: Set<Int32> = []
    for block in blocks where block.blockquote >= 0 {
      let node = tree.nodes[Int(block.blockquote)]
      let classes = (node.attribute("class") ?? "").lowercased()
      if !["twitter", "instagram", "tiktok", "facebook", "pullquote", "pull-quote"].contains(
        where: {
          classes.contains($0)
        })
      {
        eligible.insert(block.blockquote)
      }
    }
    var content = Content(
      paragraphs: ParagraphBuilder.paragraphs(from: blocks), metadata: metadata,
      byline: byline(in: tree, blocks: extractor.blocks), timeDate: timeDate(in: tree),
      quoteEligible: eligible)
    let allBlocks = extractor.blocks
    content.imageNames = imageNames(in: tree)
    content.pageHeaders = MemoHeaders.find(
      in: allBlocks.prefix(80).flatMap { ParagraphBuilder.splitLineBreaks($0.text) })
    if let h1 = allBlocks.first(where: { tree.nodes[Int($0.owner)].name == "h1" }),
      h1.length <= 200
    {
      content.headline = h1.text.collapsingWhitespace
    }
    if mode == .webPage {
      content.paragraphs = withoutRepeatedHeadline(
        content.paragraphs, titles: [content.headline, metadata.title, metadata.pageTitle])
    }
    if (metadata.date == nil || metadata.dateIsModified) && content.timeDate == nil {
      for line in shortLines(allBlocks) {
        if let date = DateNormalizer.normalize(line) ?? postedOnDate(line) {
          content.datelineDate = date
          break
        }
      }
    }
    return content
  }

  /// The paragraphs without a first one that only repeats the page's headline or title (an
  /// `<h2>` or lead line with the title's words; the `<h1>` itself is dropped as chrome). A
  /// `<title>` that adds the site's name after a separator counts as the same title.
  static func withoutRepeatedHeadline(_ paragraphs: [Paragraph], titles: [String?]) -> [Paragraph] {
    guard paragraphs.count > 1, let first = paragraphs.first, first.text.count <= 300 else {
      return paragraphs
    }
    let words = wordKey(first.text)
    guard words.count >= 12 else { return paragraphs }  // "Overview" is not a headline
    for case let title? in titles {
      let key = wordKey(title)
      if key == words || (key.hasPrefix(words) && key.dropFirst(words.count).first == " ") {
        return Array(paragraphs.dropFirst())
      }
    }
    return paragraphs
  }

  /// Lower-cased letters and digits, with one space for each run of anything else.
  static func wordKey(_ text: String) -> String {
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

  /// "By Jane Doe" in an element whose class or rel says byline or author.
  static func byline(in tree: HTMLTree, blocks: [TextBlock]) -> String? {
    for line in shortLines(blocks) {
      guard let first = line.utf8.first,
        first == 0x42 || first == 0x62 || first == 0x50 || first == 0x70
      else { continue }
      let text = line.collapsingWhitespace
      let lower = text.lowercased()
      let prefix = lower.hasPrefix("by ") ? 3 : lower.hasPrefix("posted by ") ? 10 : 0
      guard prefix > 0 else { continue }
      var name = String(text.dropFirst(prefix))
      for stop in [",", " | ", " on ", " - ", " – "] {
        if let range = name.range(of: stop) { name = String(name[..<range.lowerBound]) }
      }
      name = name.trimmed
      if MemoHeaders.looksLikeName(name) { return name }
    }
    return nil
  }

  /// Lines under 160 characters of the first 400 blocks (a `<br>` splits a block into lines).
  static func shortLines(_ blocks: [TextBlock]) -> [String] {
    var lines: [String] = []
    for block in blocks.prefix(400) {
      let multiline = block.text.containsByte(0x0A)
      if block.length < 160 && !multiline {
        lines.append(block.text)
      } else if multiline {
        for line in block.text.split(separator: "\n") where line.utf8.count < 480 {
          lines.append(String(line))
        }
      }
    }
    return lines
  }

  /// "Posted by Dana on 6/8/2023": a US month/day/year date in a "Posted by" line only,
  /// where the order is known; elsewhere such dates are ambiguous and not read.
  static func postedOnDate(_ text: String) -> String? {
    guard text.lowercased().hasPrefix("posted by "), let on = text.range(of: " on ") else {
      return nil
    }
    let numbers = text[on.upperBound...].prefix { $0.isNumber || $0 == "/" }
      .split(separator: "/").compactMap { Int($0) }
    guard numbers.count == 3, (1...12).contains(numbers[0]), (1...31).contains(numbers[1]),
      numbers[2] >= 1900
    else { return nil }
    return DateNormalizer.normalize(
      "\(numbers[2])-\(numbers[0] < 10 ? "0" : "")\(numbers[0])-\(numbers[1] < 10 ? "0" : "")\(numbers[1])"
    )
  }

  /// The image alt texts that read like a name: one to five words, each starting with a
  /// capital letter or a digit, or "&" ("Orrin Mobility", "Cardwell & Finch").
  static func imageNames(in tree: HTMLTree) -> [String] {
    tree.imageAlts.map(\.collapsingWhitespace).filter { alt in
      let words = alt.split(separator: " ")
      return !words.isEmpty && words.count <= 5
        && words.allSatisfy { $0 == "&" || $0.first!.isUppercase || $0.first!.isNumber }
    }
  }

  /// The first `<time datetime>` that normalizes to a date.
  static func timeDate(in tree: HTMLTree) -> String? {
    for node in tree.nodes where node.name == "time" {
      if let value = node.attribute("datetime"), let date = DateNormalizer.normalize(value) {
        return date
      }
    }
    return nil
  }
}

extension ContentExtractor {
  /// Every block of the document except boilerplate elements (for HTML email).
  mutating func wholeDocument() -> [TextBlock] {
    mainContent(wholeDocument: true)
  }
}
