import Foundation

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
  /// Memoized `ClassHints.weight` of each node.
  private var hints: [Int8?]
  /// Memoized `ClassHints.weight(hintText:)` by hint text.
  private var hintsByText: [HintText: Int8] = [:]
  /// `shape(of:)` of the best container and its ancestors up to the selected one.
  private var trustedShapes: Set<String> = []
  /// The nodes of the best container's subtree.
  private var bestRange: Range<Int32> = 0..<0
  /// Blocks of 80+ characters that are mostly not links, in each node's subtree.
  private var proseBlocks: [Int] = []
  /// The copyright lines whose footers `mainContent` left out (evidence of the company).
  private(set) var footerLines: [String] = []
  /// The page's declared language (`<html lang>`), for byline words that are English words too.
  let language: String?

  /// An element's tag and first class ("div.pb-widget"): the template piece it is. A body
  /// split over sections repeats the piece that holds the best paragraphs, whatever its
  /// class says ("widget").
  func shape(of node: Int32) -> String? {
    let element = tree.nodes[Int(node)]
    guard let first = element.attribute("class")?.split(separator: " ").first else { return nil }
    return element.name + "." + first
  }

  /// A hint text as a dictionary key, hashed as one run of bytes (an `[UInt8]` key hashes
  /// byte by byte).
  private struct HintText: Hashable {
    let bytes: [UInt8]
    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }

  init(tree: HTMLTree, root: Int32) {
    self.tree = tree
    self.root = root
    language = HTMLReader.declaredLanguage(in: tree)
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

  /// The share of a subtree's text that sits inside links.
  func linkDensity(_ node: Int32) -> Double {
    let text = textLength[Int(node)]
    return text == 0 ? 0 : Double(linkLength[Int(node)]) / Double(text)
  }

  /// The share of links in a subtree's text, leaving out its children that are link lists
  /// (over `linkListDensity` links and no prose block): a grid of linked headlines beside the body's sections
  /// is pruned on its own and should not stop the climb to them. Needs `proseBlocks`.
  func linkDensityWithoutLinkLists(_ node: Int32) -> Double {
    var text = textLength[Int(node)]
    var links = linkLength[Int(node)]
    var child = tree.nodes[Int(node)].firstChild
    while child >= 0 {
      if textLength[Int(child)] > 0, proseBlocks[Int(child)] == 0,
        linkDensity(child) > Thresholds.linkListDensity
      {
        text -= textLength[Int(child)]
        links -= linkLength[Int(child)]
      }
      child = tree.nodes[Int(child)].nextSibling
    }
    return text <= 0 ? 1 : Double(links) / Double(text)
  }

  // MARK: - Class and id hints

  /// -2 for comment/related/share regions, -1 for other boilerplate-sounding class or id,
  /// +1 for content-sounding, 0 otherwise.
  mutating func hint(_ node: Int32) -> Int8 {
    if let known = hints[Int(node)] { return known }
    let value: Int8
    let name = tree.nodes[Int(node)].name
    if name == "body" || name == "html" {
      value = 0
    } else {
      // Pages repeat the same class lists many times: weigh each distinct list once.
      let raw = HintText(
        bytes: tree.nodes.withUnsafeBufferPointer { ClassHints.hintText(of: $0[Int(node)]) })
      if raw.bytes.isEmpty {
        value = 0
      } else if let known = hintsByText[raw] {
        value = known
      } else {
        value = ClassHints.weight(hintText: raw.bytes)
        hintsByText[raw] = value
      }
    }
    hints[Int(node)] = value
    return value
  }

  // MARK: - Choosing the container

  /// Section headings: a new section starts at one.
  static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

  /// Elements whose text is one paragraph; their score goes to the container around them.
  static let paragraphTags: Set<String> = [
    "p", "pre", "td", "blockquote", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "th",
    "figcaption", "address", "caption", "summary",
  ]

  /// The blocks of the main content, in document order.
  ///
  /// Each paragraph of 25+ characters scores 1 + its commas (at most `commaCredit` in a comma list) + up to 3 for length (a fifth of
  /// that when mostly links), credited to its container and, halved per level, to three
  /// ancestors. Containers are weighted by tag (`article`, `main`), class/id hints and
  /// `itemprop="articleBody"`, scaled by (1 − link density), and damped inside comment or
  /// related-links regions. The best one is widened to a wrapper holding nearly the same text,
  /// to a marked `articleBody` around it, and to siblings that carry the same body; boilerplate
  /// inside is then pruned.
  /// - Parameters:
  /// - Parameter wholeDocument: Keep every block under the root (HTML email), pruning
  ///   boilerplate only.
  /// - Complexity: O(n) in the number of nodes, plus O(d) per block for a depth d ≤ 4.
  mutating func mainContent(wholeDocument: Bool = false) -> [TextBlock] {
    let count = tree.nodes.count
    guard count > 0, !blocks.isEmpty else { return [] }
    if wholeDocument { return keptBlocks(in: [root]) }
    var score = Array(repeating: 0.0, count: count)
    // The summed paragraph scores of each subtree, to compare siblings fairly.
    var subtreeScore = Array(repeating: 0.0, count: count)
    var ownScore = Array(repeating: 0.0, count: count)
    var scored: [Int32] = []
    var isScored = Array(repeating: false, count: count)
    for block in blocks where block.length >= 25 {
      let text = block.text
      var commas = 0
      // Commas of every script: Latin, CJK full-width and ideographic, Arabic.
      for scalar in text.unicodeScalars
      where scalar == "," || scalar == "，" || scalar == "、" || scalar == "،" {
        commas += 1
      }
      // A run of short comma-separated items (names, tags) is a list, not prose.
      if commas * Thresholds.commaListSpacing > block.length {
        commas = min(commas, Thresholds.commaCredit)
      }
      var value = 1.0 + Double(commas) + min(Double(block.length) / 100.0, 3.0)
      if block.linkLength * 2 > block.length { value *= 0.2 }
      subtreeScore[Int(block.owner)] += value
      if Double(block.linkLength) < Thresholds.massBlockLinkDensity * Double(block.length) {
        ownScore[Int(block.owner)] += value
      }
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
    // Inside comments, related links and the like, nothing is the article; but a region
    // holding most of the page is a wrapper, whatever its class says (a menu button that an
    // unclosed tag made the parent of the whole page).
    // Only nodes with text are ever asked (scored nodes, the mass of block owners, the
    // climb's ancestors), and a node without text has none below it: its class is not
    // weighed (`textLength` first).
    let rootText = textLength[Int(root)]
    var underBoilerplate = Array(repeating: false, count: count)
    for index in 0..<count {
      let parent = Int(tree.nodes[index].parent)
      if parent >= 0 && underBoilerplate[parent] {
        underBoilerplate[index] = true
      } else if textLength[index] > 0, !tree.nodes[index].isText,
        isScored[index] || tree.nodes[index].firstChild >= 0,
        hint(Int32(index)) == -2,
        Double(textLength[index]) < Thresholds.boilerplateRegionShare * Double(rootText)
      {
        underBoilerplate[index] = true
      }
    }
    var best: Int32 = -1
    var bestScore = -Double.infinity
    var finalScore = Array(repeating: 0.0, count: count)
    for node in scored {
      let name = tree.nodes[Int(node)].name
      var value = score[Int(node)]
      switch name {
      case "article", "main": value *= 1.25
      case "td", "blockquote", "pre", "div", "section": break
      case "ol", "ul", "dl", "li", "form": value *= 0.8
      case "body", "html": value *= 0.7
      default: break
      }
      switch hint(node) {
      case 1: value *= 1.5
      case -1: value *= 0.6
      case -2: value *= 0.2
      default: break
      }
      if tree.nodes[Int(node)].attributeEquals("itemprop", "articleBody") { value *= 2 }
      value *= (1 - linkDensity(node))
      if underBoilerplate[Int(node)] { value = value > 0 ? value * 0.1 : value }
      finalScore[Int(node)] = value
      if value > bestScore || (value == bestScore && node < best) {
        bestScore = value
        best = node
      }
    }
    var node = count - 1
    while node > 0 {
      let parent = Int(tree.nodes[node].parent)
      if parent >= 0 { subtreeScore[parent] += subtreeScore[node] }
      node -= 1
    }
    // The paragraph score of each subtree outside comment and related-link regions.
    var mass = Array(repeating: 0.0, count: count)
    for index in 0..<count where !underBoilerplate[index] { mass[index] = ownScore[index] }
    node = count - 1
    while node > 0 {
      let parent = Int(tree.nodes[node].parent)
      if parent >= 0 { mass[parent] += mass[node] }
      node -= 1
    }
    proseBlocks = Array(repeating: 0, count: count)
    for block in blocks where block.length >= 80 && block.linkLength * 2 < block.length {
      proseBlocks[Int(block.owner)] += 1
    }
    node = count - 1
    while node > 0 {
      let parent = Int(tree.nodes[node].parent)
      if parent >= 0 { proseBlocks[parent] += proseBlocks[node] }
      node -= 1
    }
    // Climb while the parent is a wrapper around the body: it holds nearly the same text, or
    // it holds the body's other parts (a body split over sibling sections, each of them
    // scored on its own, gives its parent several times the paragraphs of the best one).
    var top = best
    while true {
      let parent = tree.nodes[Int(top)].parent
      guard parent >= 0, tree.nodes[Int(parent)].name != "body" else { break }
      let parentText = textLength[Int(parent)]
      let density = linkDensity(parent)
      let wrapper =
        parentText > 0
        && Double(textLength[Int(top)]) / Double(parentText) > Thresholds.wrapperTextShare
        && density < Thresholds.wrapperLinkDensity
      if wrapper {
        top = parent
        continue
      }
      // The body's other parts may join a few levels up (a heading beside the best section
      // adds a little at each level first): the nearest ancestor within reach that has them.
      var ancestor = parent
      var reach = 0
      var found: Int32 = -1
      while ancestor >= 0, reach < Thresholds.climbReach,
        tree.nodes[Int(ancestor)].name != "body",
        linkDensity(ancestor) < Thresholds.wrapperLinkDensity
          || (mass[Int(ancestor)] >= mass[Int(top)] * Thresholds.climbPastLinksGrowth
            && linkDensityWithoutLinkLists(ancestor) < Thresholds.wrapperLinkDensity),
        !underBoilerplate[Int(ancestor)]
      {
        if mass[Int(ancestor)] >= mass[Int(top)] * Thresholds.climbMassGrowth {
          found = ancestor
          break
        }
        ancestor = tree.nodes[Int(ancestor)].parent
        reach += 1
      }
      guard found >= 0 else { break }
      top = found
    }
    // A page that marks its body with itemprop="articleBody" is believed, when the best
    // candidate lies inside it and the marked element is not mostly links.
    var ancestor = tree.nodes[Int(top)].parent
    var steps = 0
    while ancestor >= 0, steps < 12, tree.nodes[Int(ancestor)].name != "body" {
      if tree.nodes[Int(ancestor)].attributeEquals("itemprop", "articleBody"),
        linkDensity(ancestor) < 0.35
      {
        top = ancestor
        break
      }
      ancestor = tree.nodes[Int(ancestor)].parent
      steps += 1
    }
    var selected: [Int32] = [top]
    let parent = tree.nodes[Int(top)].parent
    if parent >= 0 {
      let threshold = max(10, finalScore[Int(best)] * 0.2)
      let topNode = tree.nodes[Int(top)]
      let topClass = topNode.attribute("class") ?? ""
      var sameClass = 0
      var sameClassAny = 0
      if !topClass.isEmpty {
        for sibling in tree.children(of: parent)
        where tree.nodes[Int(sibling)].attribute("class") == topClass {
          sameClassAny += 1
        }
        if hint(top) == 1 { sameClass = sameClassAny }
      }
      // Body chunks: a few siblings cut from the same cloth as the best container.
      // Generic layout classes ("row", "col") say nothing; a long, specific class does.
      let sameShape = (2...6).contains(sameClassAny) && topClass.count >= 12
      selected = []
      for sibling in tree.children(of: parent) {
        if sibling == top {
          selected.append(sibling)
          continue
        }
        let node = tree.nodes[Int(sibling)]
        if node.isText { continue }
        if hint(sibling) < 0 { continue }
        // The other pieces of a body streamed in hidden pieces (only revealed ones have text).
        if topNode.isHidden, node.isHidden, textLength[Int(sibling)] > 0,
          linkDensity(sibling) < Thresholds.wrapperLinkDensity
        {
          selected.append(sibling)
          continue
        }
        let siblingScore = subtreeScore[Int(sibling)] * (1 - linkDensity(sibling))
        if finalScore[Int(sibling)] >= threshold
          || (sameShape && node.name == topNode.name && node.attribute("class") == topClass
            && siblingScore >= max(3, subtreeScore[Int(top)] * 0.1)
            && textLength[Int(sibling)] <= textLength[Int(top)] * 3 / 2
            && linkDensity(sibling) < 0.3 && hint(sibling) >= 0)
        {
          selected.append(sibling)
          continue
        }
        // A second container of the same kind as the best one (a body split by an ad).
        if (2...3).contains(sameClass), node.name == topNode.name,
          node.attribute("class") == topClass,
          textLength[Int(sibling)] > 100, linkDensity(sibling) < 0.3
        {
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
    // The best candidate and its ancestors up to the container are content, whatever their
    // class names say ("right-rail" layouts wrap bodies).
    var trusted: [Int32] = []
    var walker = best
    while walker >= 0, walker != top {
      trusted.append(walker)
      walker = tree.nodes[Int(walker)].parent
    }
    // Inside the best container, weak boilerplate hints ("widget", "skip") do not cut out the
    // paragraphs that made it best, when they sit in such elements rather than in it.
    // When the best container holds its paragraphs itself, a hinted element inside it is an
    // insert (a call to action, an ad zone) and goes as before.
    bestRange = ownScore[Int(best)] * 2 < mass[Int(best)] ? best..<subtreeEnd(of: best) : 0..<0
    let kept = withoutFooters(keptBlocks(in: selected, trusted: trusted))
    return withoutRepeats(withoutTitledAsides(kept, best: best))
  }

  /// The kept blocks without the sections a boilerplate title opens: "Related posts" over
  /// teasers, "About the author" over a bio, "Subscribe to our newsletter" over a sign-up
  /// call (`SectionTitles`). The title goes with the largest element it opens (no kept text
  /// before it there) that is short and does not hold the best container; a title loose in
  /// the body takes the element after it when that is short.
  private func withoutTitledAsides(_ kept: [TextBlock], best: Int32) -> [TextBlock] {
    var keptText = 0
    for block in kept { keptText += block.length }
    let limit = Thresholds.asideSectionLength
    var drop: [Range<Int32>] = []
    var dropBlocks: Set<Int> = []
    for (index, block) in kept.enumerated()
    where block.length <= 80 && !drop.contains(where: { $0.contains(block.owner) }) {
      guard let kind = SectionTitles.kind(of: block.text) else { continue }
      let previous: Int32 = index > 0 ? kept[index - 1].owner : -1
      var region = block.owner
      var node = tree.nodes[Int(block.owner)].parent
      // A label ("Share:", "Table of contents") opens no section: it goes with its list.
      while kind == .section, node >= 0, textLength[Int(node)] <= limit {
        let end = subtreeEnd(of: node)
        if (node..<end).contains(previous) || (node..<end).contains(best) { break }
        region = node
        node = tree.nodes[Int(node)].parent
      }
      if region != block.owner {
        drop.append(region..<subtreeEnd(of: region))
        continue
      }
      dropBlocks.insert(index)
      // A title sharing its element with other text (a label loose in the body) goes alone.
      guard textLength[Int(block.owner)] <= block.length * 2 else { continue }
      // A title alone in its element: the element after it when short, and when it is a list
      // (a table of contents, share links) or past the middle of the text (a bio, teasers); a
      // label over the body's first paragraph goes alone.
      var next = tree.nodes[Int(block.owner)].nextSibling
      while next >= 0, tree.nodes[Int(next)].isText { next = tree.nodes[Int(next)].nextSibling }
      guard next >= 0, !Self.headingTags.contains(tree.nodes[Int(next)].name),
        textLength[Int(next)] <= min(limit, keptText) / 2,
        ["ul", "ol", "nav"].contains(tree.nodes[Int(next)].name)
          || (kind == .section && kept[..<index].reduce(0, { $0 + $1.length }) * 2 > keptText)
      else { continue }
      let section = next..<subtreeEnd(of: next)
      if !section.contains(best) { drop.append(section) }
    }
    guard !drop.isEmpty || !dropBlocks.isEmpty else { return kept }
    return kept.enumerated().filter { index, block in
      !dropBlocks.contains(index) && !drop.contains { $0.contains(block.owner) }
    }.map(\.element)
  }

  /// The kept blocks without content rendered twice: a run of `repeatRun` or more blocks,
  /// `repeatRunLength` characters or more, that repeat earlier kept blocks word for word (a
  /// body printed once per screen size, a carousel's cloned slides). A repeated line or a
  /// short repeated group (a plan's "Meal 1 / Eat every 2–3 hours" rows) stays.
  private func withoutRepeats(_ kept: [TextBlock]) -> [TextBlock] {
    var total = 0
    for block in kept { total += block.length }
    guard total >= 2 * Thresholds.repeatRunLength else { return kept }
    let repeated = Self.repeatedBlocks(kept)
    guard repeated.contains(true) else { return kept }
    var result: [TextBlock] = []
    var index = 0
    while index < kept.count {
      guard repeated[index] else {
        result.append(kept[index])
        index += 1
        continue
      }
      var end = index
      var length = 0
      while end < kept.count, repeated[end] {
        length += kept[end].length
        end += 1
      }
      if end - index < Thresholds.repeatRun || length < Thresholds.repeatRunLength {
        result.append(contentsOf: kept[index..<end])
      }
      index = end
    }
    return result
  }

  /// Which blocks of `repeatLength` or more characters repeat an earlier one word for word.
  /// Only a text whose count of spaces another text shares can repeat one: the set, which
  /// hashes (and normalizes) whole texts, sees only those (`repeatCandidates`), unless
  /// `allCandidates` (the plain way, for tests).
  static func repeatedBlocks(_ kept: [TextBlock], allCandidates: Bool = false) -> [Bool] {
    let candidates =
      allCandidates
      ? kept.map { $0.length >= Thresholds.repeatLength } : repeatCandidates(kept)
    var seen: Set<String> = []
    var repeated = Array(repeating: false, count: kept.count)
    for (index, block) in kept.enumerated() where candidates[index] {
      if !seen.insert(block.text).inserted { repeated[index] = true }
    }
    return repeated
  }

  /// Which blocks of `repeatLength` or more characters may equal another such block: those
  /// whose number of spaces (U+0020) another one has. Texts equal as `String`s (canonically
  /// equivalent) have as many spaces, as no canonical decomposition holds a space, so every
  /// block that repeats another, and the one it repeats, is a candidate.
  static func repeatCandidates(_ blocks: [TextBlock]) -> [Bool] {
    var spaces = Array(repeating: -1, count: blocks.count)
    var counts: [Int: Int] = [:]
    for (index, block) in blocks.enumerated() where block.length >= Thresholds.repeatLength {
      var text = block.text
      let count = text.withUTF8 { bytes in
        var count = 0
        for byte in bytes where byte == 0x20 { count += 1 }
        return count
      }
      spaces[index] = count
      counts[count, default: 0] += 1
    }
    return spaces.map { $0 >= 0 && counts[$0, default: 0] >= 2 }
  }

  /// The kept blocks without the page footers among them: a copyright line ("© 2025 Acme",
  /// "Copyright 2024 Acme Inc.") and the short, prose-free element around it (contact lines,
  /// "Privacy | Terms", a "Work with us" call). Page builders render the footer inside the
  /// same wrapper as the article, and once per screen size.
  private mutating func withoutFooters(_ kept: [TextBlock]) -> [TextBlock] {
    var regions: [Range<Int32>] = []
    var lines: Set<Int> = []
    for (index, block) in kept.enumerated()
    where block.length <= 160 && Self.isCopyrightLine(block.text) {
      footerLines.append(block.text)
      lines.insert(index)
      // The line alone when its own element is bigger (a notice loose in the page wrapper).
      guard isFooterSized(block.owner) else { continue }
      var region = block.owner
      while true {
        let parent = tree.nodes[Int(region)].parent
        guard parent >= 0, isFooterSized(parent) else { break }
        region = parent
      }
      regions.append(region..<subtreeEnd(of: region))
    }
    guard !lines.isEmpty else { return kept }
    return kept.enumerated().filter { index, block in
      !lines.contains(index) && !regions.contains { $0.contains(block.owner) }
    }.map(\.element)
  }

  /// Short and without a prose block: what a footer's element holds.
  private func isFooterSized(_ node: Int32) -> Bool {
    textLength[Int(node)] <= Thresholds.footerRegionLength && proseBlocks[Int(node)] == 0
  }

  /// "© 2025 Acme", "(c) Acme 2024", "Copyright 2023 Acme Inc. All rights reserved.": a line
  /// that opens with a copyright sign or word followed by a year or a name.
  static func isCopyrightLine(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    if first >= 0xE2, copyrightOpenings.contains(where: { text.hasPrefix($0) }) { return true }
    guard first == 0xC2 || first == 0x28 || first == 0x43 else { return false }
    if BodyEvidence.copyrightHolder(text) != nil { return true }
    let lower = text.lowercased()
    return (lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.hasPrefix("(c) "))
      && (lower.contains("all rights reserved") || lower.contains("20") || lower.contains("19"))
  }

  /// How copyright lines open in Chinese, Japanese and Korean ("版权所有 © 2026 …",
  /// "ⓒ 2026 …, 무단 전재 및 재배포 금지").
  static let copyrightOpenings = ["版权所有", "版權所有", "著作権", "저작권", "ⓒ", "Ⓒ"]

  /// The index after the last node of `node`'s subtree (nodes are stored in pre-order).
  func subtreeEnd(of node: Int32) -> Int32 {
    var end = Int(node) + 1
    while end < tree.nodes.count, tree.nodes[end].parent >= node { end += 1 }
    return Int32(end)
  }

  /// The blocks inside `selected` containers that are not inside boilerplate elements.
  private mutating func keptBlocks(in selected: [Int32], trusted: [Int32] = []) -> [TextBlock] {
    let count = tree.nodes.count
    // The template pieces the best paragraphs sit in: their repeats are content too.
    trustedShapes = Set(trusted.compactMap { shape(of: $0) })
    var keep = Array(repeating: Int8(0), count: count)  // 0 unknown, 1 keep, -1 drop
    for container in selected { keep[Int(container)] = 1 }
    for node in trusted { keep[Int(node)] = 1 }
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
      var prunedInside = false
      if verdict == 1 {
        // Walk down the path from the container: the first boilerplate element drops the rest.
        var state: Int8 = 1
        let containerText = textLength[Int(node)]
        for element in path.reversed() {
          if state == 1, isBoilerplate(element, containerText: containerText) { state = -1 }
          keep[Int(element)] = state
        }
        verdict = state
        prunedInside = state == -1
      } else {
        for element in path { keep[Int(element)] = -1 }
      }
      // A boilerplate line or element that titles a section ("Related posts", an h3 classed
      // "related-title") stays for now: the titled-aside pass takes it out with the section
      // it opens, which may be bigger than the element the title sits in.
      // Asked only of a block that can stay: most blocks lie outside the kept containers.
      let title =
        (verdict == 1 || prunedInside) && block.length <= 80
        && SectionTitles.isAsideTitle(block.text)
      if (verdict == 1 && (title || !isBoilerplateBlock(block))) || (prunedInside && title) {
        result.append(block)
      }
    }
    return result
  }

  /// Whether an element inside the main container is navigation, sharing, comments and such.
  private mutating func isBoilerplate(_ node: Int32, containerText: Int) -> Bool {
    let element = tree.nodes[Int(node)]
    switch element.name {
    case "nav", "aside", "footer", "form", "figcaption", "h1": return true
    case "figure": if textLength[Int(node)] < 400, !holdsData(node) { return true }
    default: break
    }
    let density = linkDensity(node)
    let length = textLength[Int(node)]
    let hint = hint(node)
    // A region holding most of the container's text is the body, whatever its class says.
    if hint == -2 && length * 10 < containerText * 8 { return true }
    if hint == -1 && length * 2 < containerText
      && !(density < Thresholds.wrapperLinkDensity && length >= Thresholds.hintedProseLength
        && ((bestRange.contains(node) && proseBlocks[Int(node)] >= 2)
          || shape(of: node).map(trustedShapes.contains) == true))
    {
      // A long paragraph of prose is content even with an odd class ("dateline", "meta").
      let prose = ["p", "li", "blockquote", "pre", "dd"].contains(element.name)
      if !(prose && length >= 150 && density < 0.3) { return true }
    }
    if (element.name == "ul" || element.name == "ol") && density > 0.6 { return true }
    // Link lists: short ones, and long ones without a paragraph of prose (a grid of linked
    // headlines that climbing took in with the body's other parts).
    if density > Thresholds.linkListDensity
      && (length < 400 || (!proseBlocks.isEmpty && proseBlocks[Int(node)] == 0))
    {
      return true
    }
    return false
  }

  /// Placeholder copy a template ships in unfinished widgets ("Lorem ipsum dolor sit amet…"):
  /// never an article's text (WCXB dev: a page whose teaser slots were all lorem ipsum).
  static func isPlaceholder(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    for expected in "lorem ipsum".utf8 {
      guard let byte = bytes.next(), byte | (expected == 0x20 ? 0 : 0x20) == expected else {
        return false
      }
    }
    return true
  }

  /// Whether a short figure holds a table or code rather than an image and its caption
  /// (block editors wrap tables in `<figure>`). Only short figures are looked into.
  private func holdsData(_ node: Int32) -> Bool {
    let end = subtreeEnd(of: node)
    var index = node + 1
    while index < end {
      let name = tree.nodes[Int(index)].name
      if name == "table" || name == "pre" { return true }
      index += 1
    }
    return false
  }

  private func isBoilerplateBlock(_ block: TextBlock) -> Bool {
    if Self.isPlaceholder(block.text) { return true }
    // "From: Dana <dana@acme.example>" stays, however much of it is a mailto link.
    if block.length < 300, MemoHeaders.headerField(block.text) != nil { return false }
    if block.linkLength * 10 > block.length * 6 && block.length < 300 { return true }
    guard block.length < 120 else { return false }
    let text = block.text
    let scalars = text.lowercased().unicodeScalars
    let start = scalars.firstIndex { $0.properties.isAlphabetic } ?? scalars.endIndex
    let end = scalars.lastIndex { $0.properties.isAlphabetic }.map { scalars.index(after: $0) }
    let lower = start < (end ?? start) ? String(scalars[start..<end!]) : ""
    if Self.boilerplatePhrases.contains(lower) { return true }
    let words = ScriptMeasure.wordCount(text)
    // Datelines and bylines: "Updated: 18 Nov 2019, 19:11", "By Jane Doe - 11/18/19",
    // "发布时间：2026年3月4日" (a sentence with a date in it is not one, in any script).
    if words <= 14, DateNormalizer.normalize(text) != nil,
      !ScriptMeasure.hasSentenceBreak(text) || block.length < 40
    {
      return true
    }
    // A byline's name is one word per space, in any script ("by ライトハウス事務所 ／ 2016.12.01").
    let spacedWords = text.split(separator: " ").count
    if lower.hasPrefix("by ") && spacedWords <= 8 { return true }
    if lower.hasPrefix("published") || lower.hasPrefix("updated") || lower.hasPrefix("posted on") {
      return true
    }
    if spacedWords <= 8, text.utf8.first.map({ $0 >= 0x80 || $0 | 0x20 != 0x62 }) == true,
      HTMLReader.bylineName(text, language: language) != nil
    {
      return true  // "Von Jana Novak", "Par Léa Martin", "Автор: Иван Петров", "记者 王芳"
    }
    return false
  }

  static let boilerplatePhrases: Set<String> = [
    "advertisement", "advertising", "ad", "advert", "sponsored", "leave a reply",
    "this slideshow requires javascript", "tell us what you think", "want to join the discussion",
    "want to join the discussion? feel free to contribute", "post a comment", "add a comment",
    "join the conversation", "related posts", "you might also like", "related coverage",
    "sponsored content", "don't miss",
    "don’t miss", "explore further", "read more", "read next", "related", "related articles",
    "related stories", "related content", "more", "share", "share this", "share this article",
    "share this story", "tweet", "email", "print", "comments", "comment", "leave a comment",
    "sign up", "subscribe", "subscribe now", "follow us", "click here", "continue reading",
    "recommended", "trending", "most popular", "most read", "you may also like", "see also",
    "order reprints", "text size", "loading", "skip to content", "back to top", "also read",
    "watch", "listen", "newsletter", "more from", "top stories", "latest news",
    "story continues below",
    "story continues below advertisement", "article continues below", "continue reading below",
    // The same labels in other languages: ad labels, "read more", skip links, "back to top",
    // comment and share headers.
    "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "advertentie", "publicidade",
    "реклама", "reklama", "reklam", "iklan", "quảng cáo", "广告", "廣告", "広告", "광고", "إعلان",
    "weiterlesen", "mehr lesen", "lire la suite", "leer más", "seguir leyendo",
    "continua a leggere", "leggi tutto", "lees verder", "leia mais", "continue lendo",
    "читать далее", "czytaj więcej", "devamını oku", "阅读全文", "閱讀全文", "続きを読む", "더보기",
    "zum inhalt springen", "aller au contenu", "ir al contenido", "passa al contenuto",
    "naar inhoud springen", "перейти к содержимому", "コンテンツへスキップ", "본문 바로가기",
    "nach oben", "retour en haut", "volver arriba", "torna su", "naar boven", "наверх",
    "返回顶部", "回到頂部", "ページトップへ", "맨 위로", "kommentare", "commentaires",
    "comentarios", "comentários", "commenti", "reacties", "комментарии", "komentarze",
    "yorumlar", "评论", "評論", "コメント", "댓글", "تعليقات", "teilen", "partager",
    "compartir", "condividi", "поделиться", "分享", "공유",
  ]
}

/// The thresholds of main-content selection, each with what it was calibrated on.
enum Thresholds {
  /// A parent holding more than this share of the best container's text is a wrapper
  /// (Readability-style climbing; unchanged since the 181-page benchmark set it).
  static let wrapperTextShare = 0.85
  /// Climbing stops at a parent whose text is more links than this (navigation, link lists).
  static let wrapperLinkDensity = 0.3
  /// A parent with this many times the best container's paragraph score holds the body's
  /// other parts (the best container has under two thirds of the paragraphs around it).
  /// WCXB dev pages below 0.5 went from 107 to 37 with it; a rule against links in the added
  /// part cost list articles more than it saved on teaser lists, and was left out.
  static let climbMassGrowth = 1.5
  /// Past a parent that is mostly links only for a body this many times bigger, and only when
  /// the links are in link-list children (a grid of linked headlines in the body's column):
  /// teaser rails beside an article add less (ScrapingHub pages pulled in "more stories" lists
  /// at 1.5; the WCXB dev page with a link grid grows 6 times).
  static let climbPastLinksGrowth = 3.0
  /// How many levels up that parent may be: page builders wrap each section in four or five
  /// elements, and a heading beside the best section adds a little text at each (WCXB dev
  /// pages below 0.5: 28 with the parent only, 17 with 6 levels; two ScrapingHub pages pull
  /// in story excerpts below the article).
  static let climbReach = 6
  /// Paragraphs count toward that score only when links are under this share of their text:
  /// a teaser's headline and blurb in one block run 0.2–0.3, prose 0–0.1.
  static let massBlockLinkDensity = 0.15
  /// A weakly boilerplate-classed element ("widget", "meta") repeating the template piece of
  /// the best container is content from this many characters of prose, and one inside the
  /// best container from two prose blocks: bylines and share bars on the benchmark pages are
  /// shorter, captions one block (200 cut single-paragraph page-builder widgets).
  static let hintedProseLength = 80
  /// A comment or related-links region holding this share of the page's text or more is a
  /// wrapper, not a region to ignore (parsers nest whole pages inside unclosed menus).
  static let boilerplateRegionShare = 0.5
  /// How many author-marked elements (class "author", `rel="author"`…) are read for a name
  /// before giving up: the byline comes first; later ones are author boxes of other stories
  /// and comment headers (WCXB dev: the name sits in the first three on the pages that have one).
  static let authorCandidates = 8
  /// A copyright line takes the element around it as a footer while that element holds at
  /// most this many characters and no prose block: a footer's contact lines and links run
  /// 100–500 characters; an article's last section is longer or has a paragraph of prose.
  static let footerRegionLength = 600
  /// An element with more of its text in links than this is a link list: pruned inside the
  /// body when short (under 400 characters, as before) or without a prose block, and left out
  /// of the link density that stops climbing (menus and headline grids run 0.8–1.0; a body
  /// with inline links under 0.3).
  static let linkListDensity = 0.7
  /// A section opened by a boilerplate title ("Related posts", "About the author") is left out
  /// up to this many characters when it does not hold the best container (an element after a
  /// lone title, up to half of this and half the kept text): teaser rails and author boxes
  /// run 200-4,500 (a five-teaser rail with hidden copies 4,240).
  static let asideSectionLength = 5000
  /// Blocks from this many characters are compared for repeats: shorter ones ("Share",
  /// "Visit website", a price) repeat legitimately in a body.
  static let repeatLength = 20
  /// This many repeated blocks in a row, holding `repeatRunLength` characters, are a second
  /// rendering and go: one repeated line is often the article's own (a refrain, a list label;
  /// WCXB dev, single repeats dropped: 3 pages lost 0.07-0.12). Repeated groups in tables and
  /// plans on ScrapingHub pages run 2-6 blocks and 40-400 characters; copies of a body or a
  /// testimonial carousel on WCXB dev pages 1,000-35,000.
  static let repeatRun = 2
  /// A paragraph with a comma every `commaListSpacing` characters or closer is a list of names
  /// or tags, and its commas count toward its score up to `commaCredit`: prose has one every
  /// 60-300 characters; a WCXB dev page's 1,800-character list of thanked names (one every
  /// 17) outscored the article it closed. Capping all paragraphs at 12 cost a page whose
  /// abstract is one long paragraph.
  static let commaListSpacing = 25
  static let commaCredit = 12
  static let repeatRunLength = 1000
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
    "dropdown", "teaser", "teasers", "author", "bio", "meta", "date", "timestamp",
    "sr", "screen", "overlay", "shoutbox", "combx", "scroll", "header",
  ]
  static let negativeSubstrings: [String] = [
    "comment", "sidebar", "footer", "related", "social", "sharing", "newsletter", "advert",
    "sponsor", "outbrain", "taboola", "cookie", "breadcrumb", "subscribe", "recommend",
    "promo", "share",
  ]
  /// Tokens that mark a region as not the article, for everything inside it.
  static let strongNegativeTokens: Set<String> = [
    "comment", "comments", "disqus", "related", "outbrain", "taboola", "footer", "sidebar",
    "newsletter", "cookie", "cookies", "consent", "recommended", "recommendations", "trending",
    "popular", "promo", "promos", "nav", "navbar", "navigation", "menu", "breadcrumb",
    "breadcrumbs", "share", "sharing", "social", "ad", "ads", "advert", "advertisement",
  ]

  static let positiveTokens: Set<String> = [
    "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story",
    "prose", "richtext", "copy", "articlebody",
  ]
  static let positiveSubstrings: [String] = ["article", "content", "entry", "story", "post-body"]

  static let negations: Set<String> = ["non", "no", "not", "without"]

  /// What `weight(hintText:)` reads: each class, id and role value after a space, in order.
  static func hintText(of node: DOMNode) -> [UInt8] {
    var raw: [UInt8] = []
    for attribute in node.attributes
    where attribute.name == "class" || attribute.name == "id" || attribute.name == "role" {
      raw.append(0x20)
      raw.append(contentsOf: attribute.value.utf8)
    }
    return raw
  }

  /// The weight of a hint text from `hintText(of:)`: -2 strong boilerplate (comments,
  /// related links…), -1 boilerplate, 1 content, 0 neither.
  ///
  /// The rules: split the text into tokens at anything but letters, digits and non-ASCII
  /// bytes, and before an upper-case letter that follows a lower-case one (camelCase), ASCII
  /// lower-cased; a token right after a negation ("non", "no"…) counts for nothing. Negative
  /// means a negative token or a negative substring anywhere in the lower-cased text, positive
  /// likewise; strong means a strong negative token or "comment" anywhere.
  ///
  /// This runs for every distinct class list of every page, so it works on bytes: tokens are
  /// looked up in `TokenTable` (no `String` per token) and all substrings are found in one
  /// pass. `ClassHintsTests` checks it against a plain `String` and `Set` version.
  static func weight(hintText raw: [UInt8]) -> Int8 {
    guard !raw.isEmpty else { return 0 }
    var negative = false
    var positive = false
    var strong = false
    raw.withUnsafeBufferPointer { bytes in
      let table = tokenTable
      var tokenStart = -1
      var previousLower = false
      var previousWasNegation = false
      func finish(at end: Int) {
        guard tokenStart >= 0 else { return }
        let flags = table.flags(of: bytes, from: tokenStart, to: end)
        if !previousWasNegation {
          if flags & TokenTable.negative != 0 { negative = true }
          if flags & TokenTable.positive != 0 { positive = true }
          if flags & TokenTable.strong != 0 { strong = true }
        }
        previousWasNegation = flags & TokenTable.negation != 0
        tokenStart = -1
      }
      for index in 0..<bytes.count {
        let byte = bytes[index]
        let upper = byte >= 0x41 && byte <= 0x5A
        let lower = byte >= 0x61 && byte <= 0x7A
        let digit = byte >= 0x30 && byte <= 0x39
        if upper && previousLower { finish(at: index) }
        if upper || lower || digit || byte >= 0x80 {
          if tokenStart < 0 { tokenStart = index }
        } else {
          finish(at: index)
        }
        previousLower = lower
      }
      finish(at: bytes.count)
      let found = substrings.find(in: bytes)
      if found & SubstringSet.negative != 0 { negative = true }
      if found & SubstringSet.positive != 0 { positive = true }
      if found & SubstringSet.comment != 0 { strong = true }
    }
    if negative && !positive { return strong ? -2 : -1 }
    if positive && !negative { return 1 }
    return 0
  }

  private static let tokenTable = TokenTable(
    negative: negativeTokens, positive: positiveTokens, strong: strongNegativeTokens,
    negation: negations)
  private static let substrings = SubstringSet(
    negative: negativeSubstrings, positive: positiveSubstrings, comment: "comment")
}

/// The token lists of `ClassHints` as one open-addressing table keyed by a token's bytes
/// (ASCII lower-cased; tokens over 16 bytes are in no list), so that a lookup costs a few
/// integer operations.
struct TokenTable: Sendable {
  static let negative: UInt8 = 1
  static let positive: UInt8 = 2
  static let strong: UInt8 = 4
  static let negation: UInt8 = 8

  private struct Key: Equatable {
    var low: UInt64
    var high: UInt64
    var count: Int
  }
  private var keys: [Key?]
  private var values: [UInt8]
  private let mask: Int

  init(negative: Set<String>, positive: Set<String>, strong: Set<String>, negation: Set<String>) {
    var flags: [String: UInt8] = [:]
    for (words, flag) in [
      (negative, Self.negative), (positive, Self.positive), (strong, Self.strong),
      (negation, Self.negation),
    ] {
      for word in words { flags[word, default: 0] |= flag }
    }
    var size = 16
    while size < flags.count * 4 { size *= 2 }
    mask = size - 1
    keys = Array(repeating: nil, count: size)
    values = Array(repeating: 0, count: size)
    for (word, flag) in flags.sorted(by: { $0.key < $1.key }) {
      let bytes = Array(word.utf8)
      let key = bytes.withUnsafeBufferPointer {
        Self.key(of: $0, from: 0, to: $0.count, lower: false)
      }
      guard let key else { continue }
      var slot = Self.slot(of: key) & mask
      while keys[slot] != nil { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = flag
    }
  }

  /// The flags of the token `bytes[start..<end]`, read with ASCII letters lower-cased.
  func flags(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt8 {
    guard let key = Self.key(of: bytes, from: start, to: end, lower: true) else { return 0 }
    var slot = Self.slot(of: key) & mask
    while let candidate = keys[slot] {
      if candidate == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    return 0
  }

  private static func key(
    of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, lower: Bool
  ) -> Key? {
    let count = end - start
    guard count > 0, count <= 16 else { return nil }
    var low: UInt64 = 0
    var high: UInt64 = 0
    for offset in 0..<count {
      var byte = bytes[start + offset]
      if lower && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
      if offset < 8 {
        low |= UInt64(byte) << (8 * UInt64(offset))
      } else {
        high |= UInt64(byte) << (8 * UInt64(offset - 8))
      }
    }
    return Key(low: low, high: high, count: count)
  }

  private static func slot(of key: Key) -> Int {
    let mixed =
      (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
      ^ UInt64(key.count)
    return Int(truncatingIfNeeded: mixed >> 40)
  }
}

/// The substrings `ClassHints` looks for, found in one pass over ASCII lower-cased bytes.
struct SubstringSet: Sendable {
  static let negative: UInt8 = 1
  static let positive: UInt8 = 2
  static let comment: UInt8 = 4

  /// All needles, one after the other.
  private let needleBytes: [UInt8]
  /// (start in `needleBytes`, length, flag) of each needle, grouped by first byte.
  private let needles: [(start: Int, count: Int, flag: UInt8)]
  /// Needles starting with byte `b` are `needles[bucketStart[b]..<bucketStart[b + 1]]`.
  private let bucketStart: [Int]

  init(negative: [String], positive: [String], comment: String) {
    var all: [(bytes: [UInt8], flag: UInt8)] = []
    for (words, flag) in [
      (negative, Self.negative), (positive, Self.positive), ([comment], Self.comment),
    ] {
      all += words.map { (Array($0.utf8), flag) }
    }
    all.sort { $0.bytes[0] < $1.bytes[0] }  // grouped by first byte; order within is free
    var bytes: [UInt8] = []
    var needles: [(start: Int, count: Int, flag: UInt8)] = []
    var bucketStart = Array(repeating: 0, count: 257)
    for entry in all {
      needles.append((bytes.count, entry.bytes.count, entry.flag))
      bytes += entry.bytes
      bucketStart[Int(entry.bytes[0]) + 1] += 1
    }
    for index in 1...256 { bucketStart[index] += bucketStart[index - 1] }
    needleBytes = bytes
    self.needles = needles
    self.bucketStart = bucketStart
  }

  /// The flags of every needle found in `bytes` (ASCII lower-cased as it is read).
  func find(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var found: UInt8 = 0
    needleBytes.withUnsafeBufferPointer { needleBytes in
      needles.withUnsafeBufferPointer { needles in
        bucketStart.withUnsafeBufferPointer { bucketStart in
          for start in 0..<bytes.count {
            var first = bytes[start]
            if first >= 0x41 && first <= 0x5A { first |= 0x20 }
            for entry in needles[bucketStart[Int(first)]..<bucketStart[Int(first) + 1]] {
              guard found & entry.flag == 0, start + entry.count <= bytes.count else { continue }
              var offset = 1
              while offset < entry.count {
                var byte = bytes[start + offset]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte != needleBytes[entry.start + offset] { break }
                offset += 1
              }
              if offset == entry.count { found |= entry.flag }
            }
          }
        }
      }
    }
    return found
  }
}
