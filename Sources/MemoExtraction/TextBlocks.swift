/// A run of text between two block-level boundaries, e.g. one `<p>`, `<li>` or table cell.
struct TextBlock: Sendable {
  /// White space collapsed; a `<br>` is kept as `\n`; `<pre>` text keeps its line breaks.
  var text: String
  /// The innermost block-level element holding the text.
  var owner: Int32
  /// Characters of `text` inside links.
  var linkLength: Int
  /// The innermost `<blockquote>` around the block, or -1.
  var blockquote: Int32
  /// True inside `<pre>`.
  var preformatted: Bool
  /// Length of `text` in characters (Unicode scalars), a Han, kana or Hangul character
  /// counting `ScriptMeasure.wideWeight` times (see there).
  var length: Int
}

/// Measures of text that hold across scripts: Chinese and Japanese are written without
/// spaces between words, and one of their characters carries what several Latin letters do.
enum ScriptMeasure {
  /// A Han, kana or Hangul character counts as this many characters in block lengths, so
  /// that the length limits of content selection (25 characters to score, 80 for a prose
  /// block) mean about as much text in every script. Calibration: the same sentences written
  /// here in English, Chinese, Japanese and Korean run 3–4, 2–3 and 2–3 Latin characters per
  /// character; 2 is the lowest of these (it keeps short Korean lines short).
  static let wideWeight = 2

  /// How many Han or kana characters make a word where no spaces separate words (Chinese
  /// words run one to three characters, two on average).
  static let wideCharactersPerWord = 2

  /// Whether the UTF-8 sequence led by `lead`, `second` is a Han, kana or Hangul character
  /// (U+3040–U+9FFF, U+AC00–U+D7FF, U+20000–U+2FFFF).
  @inline(__always)
  static func isWide(lead: UInt8, second: UInt8) -> Bool {
    switch lead {
    case 0xE3: return second >= 0x81
    case 0xE4...0xE9, 0xEB, 0xEC: return true
    case 0xEA: return second >= 0xB0
    case 0xED: return second < 0x9F
    case 0xF0: return second >= 0xA0 && second <= 0xAF
    default: return false
    }
  }

  /// The words of a line: space-separated runs, a run of Han, kana or Hangul characters
  /// counting one word per `wideCharactersPerWord` of them ("2026年3月4日，公司宣布…" is many
  /// words, not one).
  static func wordCount(_ text: String) -> Int {
    var words = 0
    var wide = 0
    var inWord = false
    var text = text
    text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x0A || byte == 0x09 {
          if inWord { words += max(1, wide / wideCharactersPerWord) }
          inWord = false
          wide = 0
          index += 1
          continue
        }
        inWord = true
        if byte >= 0xE0, index + 1 < bytes.count, isWide(lead: byte, second: bytes[index + 1]) {
          wide += 1
        }
        index += 1
      }
    }
    if inWord { words += max(1, wide / wideCharactersPerWord) }
    return words
  }

  /// Whether a line has a sentence end inside it: ". " and the full stops, question and
  /// exclamation marks of CJK ("。", "！", "？"), Devanagari ("।") and Arabic ("؟") text,
  /// followed by more text.
  static func hasSentenceBreak(_ text: String) -> Bool {
    if text.containsBytes(". ") { return true }
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
    var sawEnd = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "。", "！", "？", "।", "؟", "．": sawEnd = true
      case " ": continue
      default: if sawEnd { return true }
      }
    }
    return false
  }
}

enum BlockBuilder {
  /// A hidden element is read when it, with the hidden elements beside it under the same
  /// parent, holds more text than `revealShare` times everything visible: pages that stream
  /// their body into hidden elements and reveal it by script (server-rendered React, lazy "read
  /// more" bodies) show only a shell otherwise. Menus, modals and collapsed tabs hold far less
  /// than the visible page (WCXB dev: 2 of the 14 pages streamed in pieces lost their body to
  /// the one-element rule).
  static let revealShare = 1.0

  /// Whether a block's bytes are only list-bullet glyphs and spaces ("•" in a span before
  /// its item's text): a bullet is not a paragraph of its own.
  static func isBulletOnly(_ bytes: [UInt8]) -> Bool {
    guard bytes.count <= 12 else { return false }
    let text = String(decoding: bytes, as: UTF8.self)
    var sawBullet = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case " ", "\n": continue
      case "•", "·", "▪", "▫", "‣", "◦", "●", "○", "■", "□", "◆", "◇", "*", "-", "–", "—":
        sawBullet = true
      default: return false
      }
    }
    return sawBullet
  }

  /// The outermost hidden elements under `root` that `revealShare` says to read.
  static func revealedHidden(
    nodes: UnsafeBufferPointer<DOMNode>, root: Int32, rawLength: [Int]
  ) -> Set<Int32> {
    var outermost: [Int32] = []
    var insideHidden = Array(repeating: false, count: nodes.count)
    var hiddenLength = 0
    var index = Int(root)
    let end = nodes.count
    while index < end {
      let parent = Int(nodes[index].parent)
      if index != Int(root) && (parent < Int(root) || parent < 0) { break }  // left the subtree
      let parentHidden = parent >= 0 && index != Int(root) && insideHidden[parent]
      insideHidden[index] = parentHidden || nodes[index].isHidden
      if nodes[index].isHidden && !parentHidden {
        outermost.append(Int32(index))
        hiddenLength += rawLength[index]
      }
      index += 1
    }
    guard !outermost.isEmpty else { return [] }
    let visible = rawLength[Int(root)] - hiddenLength
    // A body streamed in pieces (server-rendered React sends each section as its own hidden
    // element under one parent, for a script to move into place) outweighs the visible page
    // only together: the hidden siblings under one parent count as one.
    // Two or so hidden copies are microdata or a print version repeating the visible body.
    var hiddenUnderParent: [Int32: (length: Int, count: Int)] = [:]
    for hidden in outermost {
      let parent = nodes[Int(hidden)].parent
      let sum = hiddenUnderParent[parent] ?? (0, 0)
      hiddenUnderParent[parent] = (sum.length + rawLength[Int(hidden)], sum.count + 1)
    }
    return Set(
      outermost.filter { hidden in
        let alone = rawLength[Int(hidden)]
        let group = hiddenUnderParent[nodes[Int(hidden)].parent] ?? (alone, 1)
        let together = group.count >= streamedPieces ? group.length : alone
        guard Double(together) > revealShare * Double(visible) else { return false }
        // A hidden mega-menu of linked headlines can outweigh a short story: not a body.
        if ClassHints.weight(hintText: ClassHints.hintText(of: nodes[Int(hidden)])) < 0 {
          return false
        }
        return linkText(under: hidden, nodes: nodes, rawLength: rawLength)
          < Double(rawLength[Int(hidden)]) * revealMaxLinkDensity
      })
  }

  /// How many hidden siblings make a body streamed in pieces (server-rendered React sends one
  /// per section, 10–30 on the WCXB dev pages); fewer are copies of the visible body (hidden
  /// schema.org microdata repeats it, and read with it doubled three ScrapingHub pages).
  static let streamedPieces = 3

  /// A revealed hidden element must be prose: links at most this share of its text (bodies
  /// run under 0.1, menus of linked headlines over 0.3).
  static let revealMaxLinkDensity = 0.3

  /// Bytes of text inside `<a>` elements under `element` (outermost links only).
  static func linkText(
    under element: Int32, nodes: UnsafeBufferPointer<DOMNode>, rawLength: [Int]
  ) -> Double {
    var total = 0
    var index = Int(element) + 1
    var linkEnd = -1  // nodes before this index are inside a counted link
    var depthOK = true
    while index < nodes.count, depthOK {
      // The subtree of `element` is contiguous: stop at the first node outside it.
      var ancestor = Int(nodes[index].parent)
      while ancestor > Int(element) { ancestor = Int(nodes[ancestor].parent) }
      if ancestor != Int(element) {
        depthOK = false
        continue
      }
      if index > linkEnd, nodes[index].name == "a" {
        total += rawLength[index]
        var last = index
        // The link's subtree ends before the next node whose parent is outside it.
        var next = index + 1
        while next < nodes.count {
          var up = Int(nodes[next].parent)
          while up > index { up = Int(nodes[up].parent) }
          if up != index { break }
          last = next
          next += 1
        }
        linkEnd = last
      }
      index += 1
    }
    return Double(total)
  }

  /// Whether the three bytes at `index` are a bidirectional mark, embedding or isolate
  /// (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) or U+FEFF.
  @inline(__always)
  static func isInvisibleMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let second = bytes[index + 1]
    let third = bytes[index + 2]
    if bytes[index] == 0xEF { return second == 0xBB && third == 0xBF }
    if second == 0x80 { return third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) }
    return second == 0x81 && (0xA6...0xA9).contains(third)
  }

  /// Tags that start and end a block of text (the rest are inline and never separate words…
  /// unless the page glues them; see `separatorTags`).
  static let blockTags: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "caption", "head", "listing", "plaintext", "xmp", "frameset", "noframes", "output",
  ]

  /// Inline-looking tags that browsers still lay out apart from their neighbours.
  static let separatorTags: Set<String> = ["label", "time", "cite", "abbr"]

  /// What the walk in `blocks` asks of an element's name, looked up once per node instead of
  /// a `Set` lookup and a dozen `String` comparisons per element on the way in and out.
  struct TagFlags: OptionSet, Equatable {
    let rawValue: UInt16
    /// In `blockTags`.
    static let block = TagFlags(rawValue: 1 << 0)
    /// In `separatorTags`.
    static let separator = TagFlags(rawValue: 1 << 1)
    static let link = TagFlags(rawValue: 1 << 2)
    static let button = TagFlags(rawValue: 1 << 3)
    /// `rt` or `rp`.
    static let ruby = TagFlags(rawValue: 1 << 4)
    static let lineBreak = TagFlags(rawValue: 1 << 5)
    static let row = TagFlags(rawValue: 1 << 6)
    /// `td` or `th`.
    static let cell = TagFlags(rawValue: 1 << 7)
    /// `pre`, `listing`, `xmp` or `plaintext`.
    static let preformatted = TagFlags(rawValue: 1 << 8)
    static let blockquote = TagFlags(rawValue: 1 << 9)
  }

  /// The flags of an element name, by the tag sets and names themselves.
  static func plainFlags(of name: String) -> TagFlags {
    var flags: TagFlags = []
    if blockTags.contains(name) { flags.insert(.block) }
    if separatorTags.contains(name) { flags.insert(.separator) }
    switch name {
    case "a": flags.insert(.link)
    case "button": flags.insert(.button)
    case "rt", "rp": flags.insert(.ruby)
    case "br": flags.insert(.lineBreak)
    case "tr": flags.insert(.row)
    case "td", "th": flags.insert(.cell)
    case "pre", "listing", "xmp", "plaintext": flags.insert(.preformatted)
    case "blockquote": flags.insert(.blockquote)
    default: break
    }
    return flags
  }

  /// Every name with flags whose bytes pack into eight (`TreeCopier.packed`), sorted by the
  /// packed value; a name that packs and is missing here has no flags.
  private static let packedFlags: [(key: UInt64, flags: TagFlags)] = {
    let names =
      blockTags.union(separatorTags).union([
        "a", "button", "rt", "rp", "br", "tr", "td", "th", "pre", "listing", "xmp",
        "plaintext", "blockquote",
      ])
    return names.compactMap { name in TreeCopier.packed(name).map { ($0, plainFlags(of: name)) } }
      .sorted { $0.key < $1.key }
  }()

  /// `plainFlags(of:)`, found by a binary search on the packed name (names of nine bytes or
  /// more go the plain way).
  static func flags(of name: String) -> TagFlags {
    guard let key = TreeCopier.packed(name) else { return plainFlags(of: name) }
    var low = 0
    var high = packedFlags.count
    while low < high {
      let middle = (low + high) / 2
      let found = packedFlags[middle].key
      if found == key { return packedFlags[middle].flags }
      if found < key { low = middle + 1 } else { high = middle }
    }
    return []
  }

  /// Splits the subtree at `root` into text blocks, in document order.
  static func blocks(in tree: HTMLTree, from root: Int32) -> [TextBlock] {
    // Nodes are read in place: copying a `DOMNode` out of the array retains its strings.
    tree.nodes.withUnsafeBufferPointer { nodes in blocks(in: tree, nodes: nodes, from: root) }
  }

  private static func blocks(
    in tree: HTMLTree, nodes: UnsafeBufferPointer<DOMNode>, from root: Int32
  ) -> [TextBlock] {
    var blocks: [TextBlock] = []
    guard root >= 0 else { return blocks }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(4096)
    var bufferLength = 0
    var linkLength = 0
    var owners: [Int32] = []
    var quotes: [Int32] = []
    var linkDepth = 0
    var preDepth = 0
    var lastWasSpace = true

    func flush() {
      // Trim trailing white space and newlines.
      while let last = buffer.last, last == 0x20 || last == 0x0A {
        buffer.removeLast()
        bufferLength -= 1
      }
      if !buffer.isEmpty && !isBulletOnly(buffer) {
        blocks.append(
          TextBlock(
            text: String(decoding: buffer, as: UTF8.self), owner: owners.last ?? root,
            linkLength: min(linkLength, bufferLength), blockquote: quotes.last ?? -1,
            preformatted: preDepth > 0, length: bufferLength))
      }
      buffer.removeAll(keepingCapacity: true)
      bufferLength = 0
      linkLength = 0
      lastWasSpace = true
    }

    /// Appends one space unless the text already ends with one.
    func appendSpace() {
      if !lastWasSpace {
        buffer.append(0x20)
        bufferLength += 1
        lastWasSpace = true
      }
    }

    /// Appends a text node's UTF-8, collapsing white space (outside `<pre>`) and dropping
    /// control characters; counts characters as Unicode scalars.
    func appendText(_ text: String) {
      let inLink = linkDepth > 0
      let preformatted = preDepth > 0
      // Work on local copies: the captured variables cost an exclusivity check per access.
      var out = buffer
      buffer = []
      var length = bufferLength
      var links = linkLength
      var space = lastWasSpace
      defer {
        buffer = out
        bufferLength = length
        linkLength = links
        lastWasSpace = space
      }
      var text = text
      text.withUTF8 { bytes in
        var index = 0
        let count = bytes.count
        while index < count {
          let byte = bytes[index]
          if byte < 0x80 {
            index += 1
            switch byte {
            case 0x0D:
              if !preformatted && !space {
                out.append(0x20)
                length += 1
                space = true
              }
            case 0x0A:
              if preformatted {
                out.append(0x0A)
                length += 1
                space = true
              } else if !space {
                out.append(0x20)
                length += 1
                space = true
              }
            case 0x20, 0x09, 0x0C:
              if preformatted || !space {
                out.append(0x20)
                length += 1
                space = true
              }
            case 0..<0x20, 0x7F: break
            default:
              out.append(byte)
              length += 1
              if inLink { links += 1 }
              space = false
            }
            continue
          }
          let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
          guard index + width <= count else { break }
          if width == 2 && byte == 0xD8 && bytes[index + 1] == 0x9C {
            index += 2  // U+061C Arabic letter mark
            continue
          }
          if width == 2 && byte == 0xC2 && bytes[index + 1] < 0xA1 {
            // U+00A0 no-break space reads as a space; C1 controls are dropped.
            if bytes[index + 1] == 0xA0 {
              if preformatted {
                out.append(0x20)
                length += 1
                space = true
              } else if !space {
                out.append(0x20)
                length += 1
                space = true
              }
            }
            index += 2
            continue
          }
          if width == 3 && byte == 0xE2 && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x8B || bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
          {
            // Zero-width space joins nothing; line and paragraph separators read as spaces.
            if bytes[index + 2] != 0x8B && !space {
              out.append(0x20)
              length += 1
              space = true
            }
            index += 3
            continue
          }
          if width >= 3, byte == 0xE2 || byte == 0xEF, isInvisibleMark(bytes, at: index) {
            // Bidirectional marks and embeddings (RTL pages put them around numbers and
            // names) and a stray byte-order mark take no place in the text.
            index += width
            continue
          }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))
          let weight =
            width >= 3 && ScriptMeasure.isWide(lead: byte, second: bytes[index + 1])
            ? ScriptMeasure.wideWeight : 1
          length += weight
          if inLink { links += weight }
          space = false
          index += width
        }
      }
    }

    // Text length of every subtree, to tell real links from unclosed `<a>` tags that swallow
    // the rest of a page (browsers show that text; it is not navigation).
    var rawLength = Array(repeating: 0, count: nodes.count)
    var countsAsLink = Array(repeating: true, count: nodes.count)
    var tags = Array(repeating: TagFlags(), count: nodes.count)
    var position = nodes.count - 1
    while position >= 0 {
      if nodes[position].isText {
        rawLength[position] += nodes[position].text.utf8.count
      } else {
        tags[position] = flags(of: nodes[position].name)
      }
      if tags[position].contains(.link) && rawLength[position] > 150 {
        // An `<a>` that opens on link text and then holds paragraphs is an unclosed tag, not
        // a link. A card's link opens on its blocks (a headline, a blurb), and is a link.
        var child = nodes[position].firstChild
        var sawText = false
        while child >= 0 {
          let node = nodes[Int(child)]
          if node.isText {
            if node.text != " " { sawText = true }
          } else if node.name == "p" || node.name == "div" {
            if sawText { countsAsLink[position] = false }
            break
          } else if rawLength[Int(child)] > 0 {
            sawText = true
          }
          child = node.nextSibling
        }
      }
      let parent = nodes[position].parent
      if parent >= 0 { rawLength[Int(parent)] += rawLength[position] }
      position -= 1
    }
    let revealed = revealedHidden(nodes: nodes, root: root, rawLength: rawLength)
    /// Whether a `<button>` holds blocks: a page whose unclosed button swallowed the rest of
    /// it (parsers nest what follows inside), not a control's label.
    func buttonHoldsBlocks(_ button: Int32) -> Bool {
      var stack = [button]
      var visited = 0
      while let current = stack.popLast(), visited < 400 {
        visited += 1
        var child = nodes[Int(current)].firstChild
        while child >= 0 {
          if !nodes[Int(child)].isText {
            if tags[Int(child)].contains(.block) { return true }
            stack.append(child)
          }
          child = nodes[Int(child)].nextSibling
        }
      }
      return false
    }
    // Rows of short cells (data tables) read as one paragraph, cells separated by " | ".
    var joinedRows: [Int32] = []
    var rowCells: Set<Int32> = []
    func inJoinedRow(_ index: Int32) -> Bool {
      guard let row = joinedRows.last else { return false }
      return index != row
    }
    func isSimpleRow(_ row: Int32) -> Bool {
      var cells = 0
      for cell in tree.children(of: row) {
        if nodes[Int(cell)].isText { continue }
        guard tags[Int(cell)].contains(.cell), rawLength[Int(cell)] < 120 else { return false }
        // Cells holding blocks (layout tables) are not data cells.
        var stack = [cell]
        var visited = 0
        while let current = stack.popLast() {
          visited += 1
          if visited > 200 { return false }
          for child in tree.children(of: current) {
            let flags = tags[Int(child)]
            if flags.contains(.lineBreak) || (flags.contains(.block) && !flags.contains(.cell)) {
              return false
            }
            stack.append(child)
          }
        }
        cells += 1
      }
      return cells >= 2
    }
    func displaysAsBlock(_ index: Int32) -> Bool {
      guard let style = nodes[Int(index)].attribute("style") else { return false }
      if let compact = InlineStyle.asciiCompact(style) {
        return InlineStyle.contains(
          compact, anyOf: ["display:block", "display:flex", "display:table"])
      }
      let compact = style.lowercased().filter { $0 != " " }
      return compact.contains("display:block") || compact.contains("display:flex")
        || compact.contains("display:table")
    }

    // Iterative walk: a stack of (node, leaving?, block element?) entries; whether a node is
    // a block is looked up on the way in and carried to the way out.
    var stack: [(Int32, Bool, Bool)] = [(root, false, false)]
    var childScratch: [Int32] = []
    while let (index, leaving, knownBlock) = stack.popLast() {
      if nodes[Int(index)].isText {
        // A swallowing button's own label ("Menu") is not part of the page it holds.
        let parent = nodes[Int(index)].parent
        if parent >= 0, tags[Int(parent)].contains(.button) { continue }
        appendText(nodes[Int(index)].text)
        continue
      }
      let flags = tags[Int(index)]
      if !leaving {
        // Hidden parts and control labels are not read, unless they hold the page.
        if nodes[Int(index)].isHidden && !revealed.contains(index) { continue }
        if flags.contains(.button) && !buttonHoldsBlocks(index) { continue }
        // Ruby annotations (the reading over a word, `<rt>`, and the brackets around it for
        // browsers without ruby, `<rp>`) are not text of the body: 漢字 stays, かんじ goes.
        if flags.contains(.ruby) { continue }
      }
      let isBlock = leaving ? knownBlock : flags.contains(.block)
      if leaving {
        if (isBlock && !inJoinedRow(index)) || (!rowCells.isEmpty && rowCells.contains(index)) {
          flush()
        }
        if flags.contains(.link) {
          if countsAsLink[Int(index)] { linkDepth -= 1 }
        } else if flags.contains(.preformatted) {
          preDepth -= 1
        } else if flags.contains(.row) {
          if joinedRows.last == index { joinedRows.removeLast() }
        }
        if isBlock && !inJoinedRow(index) {
          owners.removeLast()
          if flags.contains(.blockquote) { quotes.removeLast() }
        } else if !flags.isDisjoint(with: [.separator, .cell]) || displaysAsBlock(index) {
          appendSpace()
        }
        continue
      }
      if flags.contains(.lineBreak) {
        while buffer.last == 0x20 {
          buffer.removeLast()
          bufferLength -= 1
        }
        buffer.append(0x0A)
        bufferLength += 1
        lastWasSpace = true
        continue
      }
      if flags.contains(.row), joinedRows.isEmpty, isSimpleRow(index) {
        flush()
        joinedRows.append(index)
        owners.append(index)
        rowCells.insert(index)
      } else if isBlock && !inJoinedRow(index) {
        flush()
        owners.append(index)
        if flags.contains(.blockquote) { quotes.append(index) }
      } else if flags.contains(.cell), !joinedRows.isEmpty, !buffer.isEmpty {
        while buffer.last == 0x20 {
          buffer.removeLast()
          bufferLength -= 1
        }
        if buffer.last == 0x3A {
          // A label cell ("From:") reads into its value: "From: Dana".
          buffer.append(0x20)
          bufferLength += 1
        } else {
          buffer.append(contentsOf: [0x20, 0x7C, 0x20])
          bufferLength += 3
        }
        lastWasSpace = true
      } else if flags.contains(.separator) || displaysAsBlock(index) {
        appendSpace()
      }
      if flags.contains(.link) {
        if countsAsLink[Int(index)] { linkDepth += 1 }
      } else if flags.contains(.preformatted) {
        preDepth += 1
      }
      stack.append((index, true, isBlock))
      childScratch.removeAll(keepingCapacity: true)
      var child = nodes[Int(index)].firstChild
      while child >= 0 {
        childScratch.append(child)
        child = nodes[Int(child)].nextSibling
      }
      for child in childScratch.reversed() { stack.append((child, false, false)) }
    }
    flush()
    return blocks
  }
}
