import MemoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a run of terminal text is shown.
public enum TerminalStyle: Sendable, Equatable {
  case plain, bold, dim, heading, removed, added, highlight
}

/// A run of text with one style. Text is made safe when it is laid out: control characters,
/// including escape sequences a memo might carry, are dropped.
public struct StyledSpan: Sendable, Equatable {
  /// The text.
  public var text: String
  /// How it is shown.
  public var style: TerminalStyle
  /// True when the span follows the previous one without a space (punctuation after a word).
  public var glued: Bool

  /// Creates a span.
  public init(_ text: String, _ style: TerminalStyle = .plain, glued: Bool = false) {
    self.text = text
    self.style = style
    self.glued = glued
  }
}

/// Lays out text for a terminal: full-width blocks and two wrapped columns side by side, with
/// or without ANSI colour.
public struct TerminalLayout: Sendable {
  /// The total width in columns.
  public let width: Int
  /// Whether to emit ANSI colour and weight sequences.
  public let color: Bool

  /// The gutter between the two columns.
  static let gutter = " │ "

  /// Creates a layout; widths below 40 are raised to 40.
  public init(width: Int, color: Bool) {
    self.width = max(40, width)
    self.color = color
  }

  /// The width of each of the two columns.
  public var columnWidth: Int { (width - DisplayWidth.of(Self.gutter)) / 2 }

  /// The terminal's width: `COLUMNS` when set to a number, else the width of the terminal on
  /// standard output, else 100.
  public static func detectWidth(environment: [String: String]) -> Int {
    if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingSpaces) }), columns > 0 {
      return columns
    }
    #if canImport(Glibc) || canImport(Darwin)
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
      }
    #endif
    return 100
  }

  /// Whether colour should be used when the user asked for `auto`: standard output is a
  /// terminal and `NO_COLOR` is unset or empty.
  public static func autoColor(environment: [String: String]) -> Bool {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    #if canImport(Glibc) || canImport(Darwin)
      return isatty(STDOUT_FILENO) == 1
    #else
      return false
    #endif
  }

  /// Spans wrapped to the full width.
  public func block(_ spans: [StyledSpan], indent: Int = 0) -> [String] {
    wrap(spans, width: width - indent).map { String(repeating: " ", count: indent) + render($0) }
  }

  /// A horizontal rule across the full width.
  public func rule(_ character: Character = "─") -> String {
    let line = String(repeating: String(character), count: width)
    return color ? "\u{1B}[2m\(line)\u{1B}[0m" : line
  }

  /// Two columns side by side, each wrapped to ``columnWidth``; the shorter side is padded.
  public func columns(_ left: [StyledSpan], _ right: [StyledSpan]) -> [String] {
    let leftLines = wrap(left, width: columnWidth)
    let rightLines = wrap(right, width: columnWidth)
    var lines: [String] = []
    for index in 0..<max(leftLines.count, rightLines.count, 1) {
      let leftLine = index < leftLines.count ? leftLines[index] : []
      let rightLine = index < rightLines.count ? rightLines[index] : []
      let padding = columnWidth - leftLine.reduce(0) { $0 + DisplayWidth.of($1.text) }
      var line = render(leftLine) + String(repeating: " ", count: max(0, padding))
      line += color ? "\u{1B}[2m\(Self.gutter)\u{1B}[0m" : Self.gutter
      line += render(rightLine)
      lines.append(trimTrailingSpaces(line))
    }
    return lines
  }

  /// The text of spans with their style: ANSI sequences when colour is on; without colour,
  /// removed text is shown as `[-text-]` and added text as `{+text+}`.
  func render(_ spans: [StyledSpan]) -> String {
    var out = ""
    for span in spans {
      if color {
        let code: String? =
          switch span.style {
          case .plain: nil
          case .bold: "1"
          case .dim: "2"
          case .heading: "1;36"
          case .removed: "31"
          case .added: "32"
          case .highlight: "33"
          }
        if let code { out += "\u{1B}[\(code)m\(span.text)\u{1B}[0m" } else { out += span.text }
      } else {
        out += span.text
      }
    }
    return out
  }

  /// Splits spans into lines of at most `width` display columns, breaking at spaces and
  /// breaking words longer than a line.
  func wrap(_ spans: [StyledSpan], width: Int) -> [[StyledSpan]] {
    // Words carry their style; markers for colourless diffs are added here so they count.
    // Every span starts a new word unless it is glued to the one before.
    var words: [(text: String, style: TerminalStyle, glued: Bool)] = []
    for span in spans {
      var text = TerminalText.clean(span.text)
      guard !text.isEmpty else { continue }
      if !color {
        if span.style == .removed { text = "[-\(text)-]" }
        if span.style == .added { text = "{+\(text)+}" }
      }
      for (index, word) in text.split(separator: " ").enumerated() {
        words.append((String(word), span.style, index == 0 && span.glued))
      }
    }
    var lines: [[StyledSpan]] = []
    var line: [StyledSpan] = []
    var used = 0
    func append(_ text: String, _ style: TerminalStyle) {
      if let last = line.last, last.style == style {
        line[line.count - 1].text += text
      } else {
        line.append(StyledSpan(text, style))
      }
      used += DisplayWidth.of(text)
    }
    for word in words {
      var remaining = word.text
      let separator = used == 0 || word.glued ? "" : " "
      let needed = DisplayWidth.of(separator) + DisplayWidth.of(remaining)
      if used + needed > width, used > 0 {
        lines.append(line)
        line = []
        used = 0
      } else if !separator.isEmpty {
        append(separator, .plain)
      }
      while DisplayWidth.of(remaining) > width - used {
        var piece = ""
        var pieceWidth = 0
        for character in remaining {
          let characterWidth = DisplayWidth.of(character)
          if pieceWidth + characterWidth > width - used { break }
          piece.append(character)
          pieceWidth += characterWidth
        }
        if piece.isEmpty, used == 0 { piece = String(remaining.first!) }
        if !piece.isEmpty { append(piece, word.style) }
        remaining.removeFirst(piece.count)
        lines.append(line)
        line = []
        used = 0
      }
      if !remaining.isEmpty { append(remaining, word.style) }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  private func trimTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}

/// How many terminal columns text takes: 2 for wide East Asian characters and emoji, 0 for
/// characters made only of combining marks, 1 otherwise.
public enum DisplayWidth {
  /// The display width of a string.
  public static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The display width of one character (grapheme cluster).
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if first.properties.generalCategory == .nonspacingMark
      || first.properties.generalCategory == .enclosingMark
    {
      return 0
    }
    if first.properties.isEmojiPresentation { return 2 }
    switch first.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }
}
