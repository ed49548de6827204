/// Text from inputs (file names, company fields, memo words) made safe for a terminal: escape
/// sequences, other control characters (C0, DEL, C1), zero-width and bidirectional-override
/// characters are dropped, and line breaks and other whitespace runs become one space, so a
/// name cannot recolour a table, move the cursor, reorder a line or split a row.
///
/// Every terminal table and every stderr line that names an input goes through `clean`; the
/// Markdown and SVG writers flatten text with it too (`MarkdownText.flatten`).
public enum TerminalText {
  /// `text` on one line, trimmed, without control, zero-width or bidi-override characters.
  public static func clean(_ text: String) -> String {
    // Most text needs nothing: printable ASCII without runs of spaces or edge spaces.
    if isPlain(text) { return text }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if isSpace(scalar) {
        pendingSpace = !out.isEmpty
        continue
      }
      if isDropped(scalar) { continue }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(scalar)
    }
    return String(out)
  }

  private static func isPlain(_ text: String) -> Bool {
    var previousSpace = true
    for byte in text.utf8 {
      guard byte >= 0x20, byte < 0x7F else { return false }
      if byte == 0x20 {
        if previousSpace { return false }
        previousSpace = true
      } else {
        previousSpace = false
      }
    }
    return !previousSpace || text.isEmpty
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      true
    default: false
    }
  }

  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL and C1 controls (whitespace handled before)
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: true  // format, bidi
    default: false
    }
  }
}
