/// Text from inputs (file names, company fields, memo words) made safe for a terminal: escape
/// sequences, other control characters and bidirectional overrides are dropped and line breaks
/// become spaces, so a name cannot recolour a table, move the cursor or split a row.
public enum TerminalText {
  /// `text` on one line without control or bidi-override characters.
  public static func clean(_ text: String) -> String { MarkdownText.flatten(text) }
}
