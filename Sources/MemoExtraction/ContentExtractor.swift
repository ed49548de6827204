/// Finds a page's main content: scores containers by their text, picks the best, adds sibling
/// containers that carry the same body, and prunes boilerplate inside.
struct ContentExtractor {
  let tree: HTMLTree
  let blocks: [TextBlock]
  /// The element the blocks were taken from (usually `<body>`).
  let root: Int32
  /// Characters of text in each node's subtree.
  private(set) var textLength: [Int]
  /// Characters of link text in each node's subtree.
  private(set) var linkLength: [Int]
  /// Characters of text in direct paragraph-like blocks (p, pre, li, td…) below each node.
  private var hints: [Int8?]

  init(tree: HTMLTree, root: Int32) {
    self.tree = tree
    self.root = root
    blocks = BlockBuilder.blocks(in: tree, from: root)
    let count = tree.nodes.count
    textLength = Array(repeating: 0, count: count)
    linkLength = Array(repeating: 0, count: count)
    hints = Array(repeating: nil, count: count)
    for block in blocks {
      textLength[Int(block.owner)] += block.length
      linkLength[Int(block.owner)] += block.linkLength
    }
    var index = count - 1
    while index > 0 {
      let parent = Int(tree.nodes[index].parent)
      if parent >= 0 {
        textLength[parent] += textLength[index]
        linkLength[parent] += linkLength[index]
      }
      index -= 1
    }
  }

  func linkDensity(_ node: Int32) -> Double {
    let text = textLength[Int(node)]
    return text == 0 ? 0 : Double(linkLength[Int(node)]) / Double(text)
  }

  // MARK: - Class and id hints

  /// -1 for boilerplate-sounding class/id, +1 for content-sounding, 0 otherwise.
  mutating func hint(_ node: Int32) -> Int8 {
    if let known = hints[Int(node)] { return known }
    let value = ClassHints.weight(of: tree.nodes[Int(node)])
    hints[Int(node)] = value
    return value
  }

  // MARK: - Choosing the container

  static let paragraphTags: Set<String> = [
    "p", "pre", "td", "blockquote", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "th",
    "figcaption", "address", "caption", "summary",
  ]

  /// The blocks of the main content, in document order.
  mutating func mainContent(hint articleBody: String?, wholeDocument: Bool = false) -> [TextBlock] {
    let count = tree.nodes.count
    guard count > 0, !blocks.isEmpty else { return [] }
    if wholeDocument { return keptBlocks(in: [root]) }
    var score = Array(repeating: 0.0, count: count)
    var scored: [Int32] = []
    var isScored = Array(repeating: false, count: count)
    for block in blocks where block.length >= 25 {
      let text = block.text
      var commas = 0
      for scalar in text.unicodeScalars where scalar == "," || scalar == "，" || scalar == "、" {
        commas += 1
      }
      var value = 1.0 + Double(commas) + min(Double(block.length) / 100.0, 3.0)
      if block.linkLength * 2 > block.length { value *= 0.2 }
      let owner = tree.nodes[Int(block.owner)]
      var target = Self.paragraphTags.contains(owner.name) ? owner.parent : block.owner
      var level = 0
      while target >= 0, level < 4 {
        if !isScored[Int(target)] {
          isScored[Int(target)] = true
          scored.append(target)
        }
        score[Int(target)] += level == 0 ? value : value / Double(level * 2)
        target = tree.nodes[Int(target)].parent
        level += 1
      }
    }
    guard !scored.isEmpty else { return blocks.filter { $0.length > 0 } }
    var best: Int32 = -1
    var bestScore = -Double.infinity
    var finalScore = Array(repeating: 0.0, count: count)
    for node in scored {
      let name = tree.nodes[Int(node)].name
      var value = score[Int(node)]
      switch name {
      case "article", "main": value += 10
      case "div", "section": value += 3
      case "td", "blockquote", "pre": value += 2
      case "ol", "ul", "dl", "li", "form": value -= 3
      case "body", "html": value -= 5
      default: break
      }
      value += Double(hint(node)) * 25
      value *= (1 - linkDensity(node))
      finalScore[Int(node)] = value
      if value > bestScore || (value == bestScore && node < best) {
        bestScore = value
        best = node
      }
    }
    // Climb while the parent holds nearly the same text (a wrapper around the body).
    var top = best
    while true {
      let parent = tree.nodes[Int(top)].parent
      guard parent >= 0, tree.nodes[Int(parent)].name != "body" else { break }
      let parentText = textLength[Int(parent)]
      if parentText > 0, Double(textLength[Int(top)]) / Double(parentText) > 0.85,
        linkDensity(parent) < 0.3
      {
        top = parent
      } else {
        break
      }
    }
    var selected: [Int32] = [top]
    let parent = tree.nodes[Int(top)].parent
    if parent >= 0 {
      let threshold = max(10, finalScore[Int(best)] * 0.2)
      selected = []
      for sibling in tree.children(of: parent) {
        if sibling == top {
          selected.append(sibling)
          continue
        }
        let node = tree.nodes[Int(sibling)]
        if node.isText { continue }
        if hint(sibling) < 0 { continue }
        if finalScore[Int(sibling)] >= threshold {
          selected.append(sibling)
          continue
        }
        let length = textLength[Int(sibling)]
        let density = linkDensity(sibling)
        if node.name == "p" {
          if length > 80 && density < 0.25 { selected.append(sibling) }
        }
      }
    }
    return keptBlocks(in: selected)
  }

  /// The blocks inside `selected` containers that are not inside boilerplate elements.
  private mutating func keptBlocks(in selected: [Int32]) -> [TextBlock] {
    let count = tree.nodes.count
    var keep = Array(repeating: Int8(0), count: count)  // 0 unknown, 1 keep, -1 drop
    for container in selected { keep[Int(container)] = 1 }
    var result: [TextBlock] = []
    var path: [Int32] = []
    for block in blocks {
      // Decide whether the block lies in a kept container and outside boilerplate.
      path.removeAll(keepingCapacity: true)
      var node = block.owner
      var verdict: Int8 = -1
      while node >= 0 {
        let known = keep[Int(node)]
        if known != 0 {
          verdict = known
          break
        }
        path.append(node)
        node = tree.nodes[Int(node)].parent
      }
      if verdict == 1 {
        // Walk down the path from the container: the first boilerplate element drops the rest.
        var state: Int8 = 1
        for element in path.reversed() {
          if state == 1, isBoilerplate(element) { state = -1 }
          keep[Int(element)] = state
        }
        verdict = state
      } else {
        for element in path { keep[Int(element)] = -1 }
      }
      if verdict == 1, !isBoilerplateBlock(block) { result.append(block) }
    }
    return result
  }

  /// Whether an element inside the main container is navigation, sharing, comments and such.
  private mutating func isBoilerplate(_ node: Int32) -> Bool {
    let element = tree.nodes[Int(node)]
    switch element.name {
    case "nav", "aside", "footer", "form": return true
    default: break
    }
    let density = linkDensity(node)
    let length = textLength[Int(node)]
    if hint(node) < 0 { return true }
    if (element.name == "ul" || element.name == "ol") && density > 0.6 { return true }
    if density > 0.7 && length < 400 { return true }
    return false
  }

  private func isBoilerplateBlock(_ block: TextBlock) -> Bool {
    if block.linkLength * 10 > block.length * 6 && block.length < 300 { return true }
    return false
  }
}

/// Reads a class and id attribute as a hint: content-like or boilerplate-like.
enum ClassHints {
  static let negativeTokens: Set<String> = [
    "nav", "navbar", "navigation", "menu", "footer", "foot", "sidebar", "side", "aside",
    "related", "share", "sharing", "social", "comment", "comments", "disqus", "promo", "promos",
    "promotion", "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor",
    "sponsored", "banner", "newsletter", "subscribe", "subscription", "signup", "cookie",
    "cookies", "consent", "gdpr", "popup", "modal", "widget", "widgets", "breadcrumb",
    "breadcrumbs", "pagination", "pager", "tags", "tag", "masthead", "outbrain", "taboola",
    "recommended", "recommendations", "trending", "popular", "byline", "caption", "credit",
    "toolbar", "tools", "print", "follow", "skip", "login", "paywall", "disclaimer", "rail",
    "dropdown", "teaser", "teasers", "hidden", "author", "bio", "meta", "date", "timestamp",
    "dateline", "sr", "screen", "overlay", "shoutbox", "combx", "scroll", "header",
  ]
  static let negativeSubstrings: [String] = [
    "comment", "sidebar", "footer", "related", "social", "sharing", "newsletter", "advert",
    "sponsor", "outbrain", "taboola", "cookie", "breadcrumb", "subscribe", "recommend",
    "promo", "share",
  ]
  static let positiveTokens: Set<String> = [
    "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story",
    "prose", "richtext", "copy", "articlebody",
  ]
  static let positiveSubstrings: [String] = ["article", "content", "entry", "story", "post-body"]

  static func weight(of node: DOMNode) -> Int8 {
    var raw = ""
    for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
      raw += " " + attribute.value
    }
    if let role = node.attribute("role") { raw += " " + role }
    guard !raw.isEmpty else { return 0 }
    // Split camelCase, then lower-case and split on anything but letters and digits.
    var spaced = ""
    var previousLower = false
    for character in raw {
      if character.isUppercase && previousLower { spaced.append(" ") }
      previousLower = character.isLowercase
      spaced.append(character)
    }
    let lower = spaced.lowercased()
    let tokens = lower.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    var negative = tokens.contains { negativeTokens.contains($0) }
    if !negative {
      let joined = raw.lowercased()
      negative = negativeSubstrings.contains { joined.contains($0) }
    }
    var positive = tokens.contains { positiveTokens.contains($0) }
    if !positive {
      let joined = raw.lowercased()
      positive = positiveSubstrings.contains { joined.contains($0) }
    }
    if negative && !positive { return -1 }
    if positive && !negative { return 1 }
    return 0
  }
}
