/// Escaping of untrusted text (memo titles, passages) for Markdown output.
public enum MarkdownEscaping {
  /// Text that renders literally inside a Markdown paragraph or table cell.
  ///
  /// Backslash-escapes the characters that start markup (`\ ` `` ` `` `*` `_` `[` `]` `<` `>`
  /// `#` `|` `!` `~`), writes `&` as `&amp;` when it could start an entity, and turns line
  /// breaks into spaces so a table row or list item stays on one line.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The escaped text, safe in a table cell and in running text.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~":
        result.append("\\")
        result.append(character)
      case "&":
        result.append("&amp;")
      case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}":
        result.append(" ")
      default:
        result.append(character)
      }
    }
    return result
  }
}
