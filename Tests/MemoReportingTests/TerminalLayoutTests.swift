import Testing

@testable import MemoReporting

@Suite("Terminal layout")
struct TerminalLayoutTests {
  @Test("Two columns wrap to half the width each, padded, with a gutter")
  func columns() {
    let layout = TerminalLayout(width: 40, color: false)
    #expect(layout.columnWidth == 18)
    let lines = layout.columns(
      [StyledSpan("one two three four five six")], [StyledSpan("alpha")])
    #expect(
      lines == [
        "one two three four │ alpha",
        "five six           │",
      ])
  }

  @Test("Without colour, removed and added words are marked in brackets")
  func plainMarkers() {
    let layout = TerminalLayout(width: 60, color: false)
    let lines = layout.block([
      StyledSpan("cut"), StyledSpan("14", .removed), StyledSpan("9", .added), StyledSpan("percent"),
    ])
    #expect(lines == ["cut [-14-] {+9+} percent"])
  }

  @Test("With colour, styles become ANSI sequences and widths ignore them")
  func ansi() {
    let layout = TerminalLayout(width: 40, color: true)
    let lines = layout.columns([StyledSpan("14", .removed)], [StyledSpan("9", .added)])
    #expect(
      lines == [
        "\u{1B}[31m14\u{1B}[0m" + String(repeating: " ", count: 16)
          + "\u{1B}[2m │ \u{1B}[0m\u{1B}[32m9\u{1B}[0m"
      ])
  }

  @Test("Escape sequences and control characters in memo text are dropped")
  func controlCharacters() {
    let layout = TerminalLayout(width: 40, color: false)
    #expect(
      layout.block([StyledSpan("safe\u{1B}]0;title\u{07} text\u{1B}[2J")]) == [
        "safe]0;title text[2J"
      ])
  }

  @Test("Words longer than a column are broken; wide characters count double")
  func longWordsAndWideCharacters() {
    let layout = TerminalLayout(width: 40, color: false)
    let lines = layout.block([StyledSpan(String(repeating: "x", count: 45))])
    #expect(lines == [String(repeating: "x", count: 40), "xxxxx"])
    #expect(DisplayWidth.of("日本語") == 6)
    #expect(DisplayWidth.of("é") == 1)
  }

  @Test("COLUMNS sets the width when it is a positive number")
  func widthFromEnvironment() {
    #expect(TerminalLayout.detectWidth(environment: ["COLUMNS": "132"]) == 132)
    #expect(TerminalLayout.autoColor(environment: ["NO_COLOR": "1"]) == false)
  }
}
