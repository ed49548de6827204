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
  /// Length of `text` in characters (Unicode scalars).
  var length: Int
}

enum BlockBuilder {
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

  /// Splits the subtree at `root` into text blocks, in document order.
  static func blocks(in tree: HTMLTree, from root: Int32) -> [TextBlock] {
    var blocks: [TextBlock] = []
    guard root >= 0 else { return blocks }
    var buffer = ""
    var bufferLength = 0
    var linkLength = 0
    var owners: [Int32] = []
    var quotes: [Int32] = []
    var linkDepth = 0
    var preDepth = 0
    var lastWasSpace = true

    func flush() {
      // Trim trailing white space and newlines.
      while let last = buffer.last, last == " " || last == "\n" {
        buffer.removeLast()
        bufferLength -= 1
      }
      if !buffer.isEmpty {
        blocks.append(
          TextBlock(
            text: buffer, owner: owners.last ?? root, linkLength: min(linkLength, bufferLength),
            blockquote: quotes.last ?? -1, preformatted: preDepth > 0, length: bufferLength))
      }
      buffer = ""
      bufferLength = 0
      linkLength = 0
      lastWasSpace = true
    }

    func appendText(_ text: String) {
      let inLink = linkDepth > 0
      if preDepth > 0 {
        for scalar in text.unicodeScalars {
          if scalar == "\r" { continue }
          buffer.unicodeScalars.append(scalar == "\t" ? " " : scalar)
          bufferLength += 1
          if inLink { linkLength += 1 }
        }
        lastWasSpace = buffer.last == " " || buffer.last == "\n"
        return
      }
      for scalar in text.unicodeScalars {
        switch scalar {
        case " ", "\n", "\t", "\r", "\u{0C}", "\u{A0}", "\u{200B}", "\u{2028}", "\u{2029}":
          if !lastWasSpace {
            buffer.unicodeScalars.append(" ")
            bufferLength += 1
            lastWasSpace = true
          }
        default:
          if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { continue }
          buffer.unicodeScalars.append(scalar)
          bufferLength += 1
          if inLink { linkLength += 1 }
          lastWasSpace = false
        }
      }
    }

    // Iterative walk: a stack of (node, leaving?) pairs.
    var stack: [(Int32, Bool)] = [(root, false)]
    var childScratch: [Int32] = []
    while let (index, leaving) = stack.popLast() {
      let node = tree.nodes[Int(index)]
      if node.isText {
        appendText(node.text)
        continue
      }
      let name = node.name
      let isBlock = blockTags.contains(name)
      if leaving {
        switch name {
        case "a": linkDepth -= 1
        case "pre", "listing", "xmp", "plaintext": preDepth -= 1
        default: break
        }
        if isBlock {
          flush()
          owners.removeLast()
          if name == "blockquote" { quotes.removeLast() }
        } else if separatorTags.contains(name), !lastWasSpace {
          buffer.append(" ")
          bufferLength += 1
          lastWasSpace = true
        }
        continue
      }
      if name == "br" {
        while buffer.last == " " {
          buffer.removeLast()
          bufferLength -= 1
        }
        buffer.append("\n")
        bufferLength += 1
        lastWasSpace = true
        continue
      }
      if isBlock {
        flush()
        owners.append(index)
        if name == "blockquote" { quotes.append(index) }
      } else if separatorTags.contains(name), !lastWasSpace {
        buffer.append(" ")
        bufferLength += 1
        lastWasSpace = true
      }
      switch name {
      case "a": linkDepth += 1
      case "pre", "listing", "xmp", "plaintext": preDepth += 1
      default: break
      }
      stack.append((index, true))
      childScratch.removeAll(keepingCapacity: true)
      var child = node.firstChild
      while child >= 0 {
        childScratch.append(child)
        child = tree.nodes[Int(child)].nextSibling
      }
      for child in childScratch.reversed() { stack.append((child, false)) }
    }
    flush()
    return blocks
  }
}
