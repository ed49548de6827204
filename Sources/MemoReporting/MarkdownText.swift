import MemoCore

/// Turns untrusted text (memo sentences, file names, metadata) into Markdown that renders as
/// that literal text and nothing else, in CommonMark and in GitHub-flavoured Markdown.
///
/// The output never starts a block (heading, quote, list, code fence), never opens a link,
/// image, emphasis, code span, HTML tag or entity, never contains a line break or a bare `|`,
/// and never becomes a GFM autolink: `http://`, `https://`, `ftp://`, `mailto:`, `www.` hosts
/// and e-mail addresses stay plain text. It is safe inside a table cell, a list item, a heading
/// or a block quote.
///
/// Characters are escaped with a backslash, never with an entity, so that text pasted from the
/// Markdown source reads as written (`AT&T`, not `AT&amp;T`). Two escapes are needed only for
/// GFM's autolinks: the `:` of a scheme and the `.` after `www` are backslash-escaped, and an
/// invisible word joiner (U+2060) goes before the `@` of an e-mail address, which GFM finds
/// even across backslash escapes.
public enum MarkdownText {
  /// Characters that are escaped with a backslash wherever they occur.
  private static let backslashEscaped: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "|", "~", "#", "<", ">",
  ]

  /// The word joiner put before the `@` of an e-mail address so that GFM does not link it.
  public static let autolinkBreaker: Character = "\u{2060}"

  /// Escapes `text` for use inline in Markdown.
  ///
  /// Runs of whitespace (including line and paragraph separators) become one space; control,
  /// bidirectional-override and zero-width format characters are dropped; the result is
  /// trimmed.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func escape(_ text: String) -> String {
    let characters = Array(flatten(text))
    var out = ""
    out.reserveCapacity(characters.count + 8)
    var index = 0
    if let prefix = escapedLineStart(characters[...]) {
      out += prefix.escaped
      index = prefix.consumed
    }
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "&":
        if startsReference(characters, after: index) { out += "\\" }
      case ":":
        // A scheme (`http:`, `mailto:`): a letter before, a non-space after.
        if index > 0, isASCIILetter(characters[index - 1]), index + 1 < characters.count,
          !characters[index + 1].isWhitespace
        {
          out += "\\"
        }
      case ".":
        // `www.` starts a GFM link whatever precedes it.
        if index >= 3, characters[(index - 3)..<index].allSatisfy({ $0 == "w" || $0 == "W" }) {
          out += "\\"
        }
      case "@":
        if index > 0, isEmailLocal(characters[index - 1]) { out.append(autolinkBreaker) }
      default:
        if backslashEscaped.contains(character) { out += "\\" }
      }
      out.append(character)
      index += 1
    }
    return out
  }

  /// Whether `&` at `index` starts what CommonMark reads as an entity or numeric character
  /// reference (`&amp;`, `&#38;`, `&#x26;`): a name or number of up to 32 characters, then `;`.
  private static func startsReference(_ characters: [Character], after index: Int) -> Bool {
    var next = index + 1
    while next < characters.count, next - index <= 33 {
      let character = characters[next]
      if character == ";" { return next > index + 1 }
      guard character.isASCII, character.isLetter || character.isNumber || character == "#"
      else { return false }
      next += 1
    }
    return false
  }

  private static func isASCIILetter(_ character: Character) -> Bool {
    character.isASCII && character.isLetter
  }

  /// A character GFM accepts just before the `@` of an e-mail address.
  private static func isEmailLocal(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || ".+-_".contains(character))
  }

  /// Escapes optional text for a table cell; missing or empty text becomes an em dash so that
  /// a cell never collapses.
  public static func cell(_ text: String?) -> String {
    guard let text else { return "—" }
    let escaped = escape(text)
    return escaped.isEmpty ? "—" : escaped
  }

  /// Percent-encodes a relative path for a Markdown link or image destination.
  ///
  /// Only unreserved characters and `/` are kept, so the destination cannot close the link,
  /// carry a scheme (`javascript:`), or contain spaces.
  public static func destination(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.append(Character(Unicode.Scalar(byte)))
      default:
        out += "%" + hexByte(byte)
      }
    }
    return out
  }

  /// An absolute `http`/`https` address as a Markdown link destination, or nil for any other
  /// scheme, a missing host, or spaces and control characters.
  ///
  /// URL punctuation is kept (`:/?#@!$&'*+,;=%-._~`), `&` backslash-escaped so that no
  /// entity reference is decoded, and every other byte (parentheses, brackets, `<>"\` and
  /// non-ASCII) percent-encoded, so the destination cannot end the link.
  public static func webDestination(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
    guard
      !url.unicodeScalars.contains(where: {
        $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
      })
    else { return nil }
    let host = url.drop { $0 != ":" }.dropFirst(3).prefix { !"/?#".contains($0) }
    guard !host.isEmpty else { return nil }
    var out = ""
    for byte in url.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        out.append(Character(Unicode.Scalar(byte)))
      case UInt8(ascii: "&"): out += "\\&"
      default:
        if ":/?#@!$'*+,;=%-._~".utf8.contains(byte) {
          out.append(Character(Unicode.Scalar(byte)))
        } else {
          out += "%" + hexByte(byte)
        }
      }
    }
    return out
  }

  /// Collapses whitespace runs into single spaces, trims, and drops control, bidi-override and
  /// zero-width characters (`TerminalText.clean`, the one implementation).
  public static func flatten(_ text: String) -> String { TerminalText.clean(text) }

  /// The escaped form of a block marker at the start of the text, and how many characters it
  /// covers; nil when the text does not start like a block.
  private static func escapedLineStart(_ text: ArraySlice<Character>) -> (
    escaped: String, consumed: Int
  )? {
    guard let first = text.first else { return nil }
    let second = text.dropFirst().first
    let endsMarker = second == nil || second == " "
    switch first {
    case "-", "+", "=":
      // A list item, a thematic break (`---`) or a setext underline (`===`).
      guard endsMarker || second == first else { return nil }
      return ("\\" + String(first), 1)
    case "0"..."9":
      // An ordered-list marker is up to nine digits then "." or ")" then a space or the end.
      let digits = text.prefix { $0.isASCII && $0.isNumber }
      guard digits.count <= 9, let after = text.dropFirst(digits.count).first,
        after == "." || after == ")"
      else { return nil }
      let following = text.dropFirst(digits.count + 1).first
      guard following == nil || following == " " else { return nil }
      return (String(digits) + "\\" + String(after), digits.count + 1)
    default:
      return nil
    }
  }

  private static func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }
}
