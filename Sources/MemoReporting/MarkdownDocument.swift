/// A piece of inline Markdown that is known to be safe: either escaped text or markup written
/// by Memoscope itself.
///
/// Untrusted text enters only through ``text(_:)``, which escapes it, so a document built from
/// `Inline` values cannot be broken by what a memo says.
public struct Inline: Sendable, Equatable, ExpressibleByStringInterpolation {
  /// The Markdown source.
  public private(set) var markdown: String

  private init(markdown: String) { self.markdown = markdown }

  /// Literal text, escaped (see ``MarkdownText/escape(_:)``). Whitespace at either end becomes
  /// one space, so pieces can be joined with `+`.
  public static func text(_ text: String) -> Inline {
    let escaped = MarkdownText.escape(text)
    guard !escaped.isEmpty else {
      return Inline(markdown: text.isEmpty ? "" : " ")
    }
    let leading = text.first.map { $0.isWhitespace } == true ? " " : ""
    let trailing = text.last.map { $0.isWhitespace } == true ? " " : ""
    return Inline(markdown: leading + escaped + trailing)
  }

  /// Markup written by Memoscope. Never pass memo text here.
  public static func markup(_ markdown: String) -> Inline { Inline(markdown: markdown) }

  /// Strong emphasis around safe inline content.
  public static func strong(_ inner: Inline) -> Inline { Inline(markdown: "**\(inner.markdown)**") }

  /// Emphasis around safe inline content.
  public static func emphasis(_ inner: Inline) -> Inline { Inline(markdown: "*\(inner.markdown)*") }

  /// A code span holding a Memoscope-made token (an entry id, a hash). Backticks and pipes are removed.
  public static func code(_ token: String) -> Inline {
    let clean = MarkdownText.flatten(token).filter { $0 != "`" && $0 != "|" }
    return Inline(markdown: clean.isEmpty ? "" : "`\(clean)`")
  }

  /// A link to an anchor in the same document; `anchor` must be a Memoscope-made id.
  public static func link(_ label: Inline, anchor: String) -> Inline {
    Inline(markdown: "[\(label.markdown)](#\(MarkdownText.destination(anchor)))")
  }

  /// A link to a relative file; the path is percent-encoded.
  public static func link(_ label: Inline, path: String) -> Inline {
    Inline(markdown: "[\(label.markdown)](\(MarkdownText.destination(path)))")
  }

  /// A link to a web page, or nil unless `url` is an absolute `http`/`https` address (so no
  /// `javascript:` or `data:` link); the destination is escaped (`MarkdownText.webDestination`).
  public static func link(_ label: Inline, url: String) -> Inline? {
    guard let destination = MarkdownText.webDestination(url) else { return nil }
    return Inline(markdown: "[\(label.markdown)](\(destination))")
  }

  /// Joins inline pieces with a separator.
  public static func joined(_ parts: [Inline], separator: String = ", ") -> Inline {
    Inline(markdown: parts.map(\.markdown).joined(separator: separator))
  }

  /// Concatenation.
  public static func + (lhs: Inline, rhs: Inline) -> Inline {
    Inline(markdown: lhs.markdown + rhs.markdown)
  }

  /// Interpolation builds markup from literal segments and `Inline` values; interpolated
  /// strings are escaped.
  public struct StringInterpolation: StringInterpolationProtocol {
    var markdown = ""
    public init(literalCapacity: Int, interpolationCount: Int) {}
    public mutating func appendLiteral(_ literal: String) { markdown += literal }
    public mutating func appendInterpolation(_ inline: Inline) { markdown += inline.markdown }
    public mutating func appendInterpolation(_ text: String) {
      markdown += MarkdownText.escape(text)
    }
    public mutating func appendInterpolation<N: BinaryInteger>(_ number: N) {
      markdown += String(number)
    }
  }

  public init(stringLiteral value: String) { markdown = value }
  public init(stringInterpolation: StringInterpolation) { markdown = stringInterpolation.markdown }
}

/// Column alignment in a Markdown table.
public enum ColumnAlignment: Sendable {
  case left, right, center
}

/// Builds a Markdown document block by block, separating blocks with one blank line.
public struct MarkdownDocument: Sendable {
  private var blocks: [String] = []

  /// Creates an empty document.
  public init() {}

  /// The document's Markdown, ending in one newline.
  public var markdown: String { blocks.joined(separator: "\n\n") + "\n" }

  /// An ATX heading, level 1–6.
  public mutating func heading(_ level: Int, _ text: Inline) {
    blocks.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + text.markdown)
  }

  /// An anchor that links of the form `(#id)` jump to; `id` must be Memoscope-made.
  public mutating func anchor(_ id: String) {
    blocks.append("<a id=\"\(MarkdownText.destination(id))\"></a>")
  }

  /// A paragraph.
  public mutating func paragraph(_ text: Inline) {
    blocks.append(text.markdown)
  }

  /// A bulleted list, one item per element.
  public mutating func bullets(_ items: [Inline]) {
    guard !items.isEmpty else { return }
    blocks.append(items.map { "- " + $0.markdown }.joined(separator: "\n"))
  }

  /// A block quote of one paragraph.
  public mutating func quote(_ text: Inline) {
    blocks.append("> " + text.markdown)
  }

  /// An image with alternative text and a relative path.
  public mutating func image(alt: Inline, path: String) {
    blocks.append("![\(alt.markdown)](\(MarkdownText.destination(path)))")
  }

  /// A fenced code block of Memoscope-made text (a command line, a formula).
  ///
  /// The fence is longer than any backtick run inside `text`, so the block cannot be closed
  /// early.
  public mutating func code(_ text: String, language: String = "") {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    blocks.append("\(fence)\(language)\n\(text)\n\(fence)")
  }

  /// A table. Every row is padded or cut to the header's column count.
  public mutating func table(
    _ header: [Inline], alignments: [ColumnAlignment] = [], rows: [[Inline]]
  ) {
    guard !header.isEmpty else { return }
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    var lines = [line(header.map(\.markdown))]
    lines.append(
      line(
        header.indices.map { index in
          switch index < alignments.count ? alignments[index] : .left {
          case .left: "---"
          case .right: "---:"
          case .center: ":---:"
          }
        }))
    for row in rows {
      var cells = row.prefix(header.count).map { $0.markdown.isEmpty ? "—" : $0.markdown }
      while cells.count < header.count { cells.append("—") }
      lines.append(line(cells))
    }
    blocks.append(lines.joined(separator: "\n"))
  }

  /// Raw Markdown written by Memoscope. Never pass memo text here.
  public mutating func raw(_ markdown: String) {
    blocks.append(markdown)
  }
}
