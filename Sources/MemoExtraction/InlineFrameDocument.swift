/// A memo shown in an inline frame's `srcdoc` (a document viewer, a mail archive's preview):
/// the attribute holds a whole HTML document, entity-escaped, that the outer page's reader
/// never sees as text. Only a page with an `<iframe>` (`HTMLTree.hasInlineFrame`) is searched.
enum InlineFrameDocument {
  /// A `srcdoc` shorter than this (in bytes, escaped) is a widget or an ad, not a document.
  /// Calibrated on the shortest memo pages in the fixtures (a 3-paragraph memo escapes to
  /// about 900 bytes) with a wide margin.
  static let minimumLength = 400

  /// The first long `srcdoc` attribute's document, unescaped; nil when the page has none.
  static func document(in utf8: [UInt8]) -> [UInt8]? {
    let needle = Array("srcdoc=".utf8)
    var start = 0
    while start < utf8.count {
      let found = utf8[start...].withUnsafeBufferPointer { hay in
        needle.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: hay) }
      }
      guard let offset = found.map({ $0 + start }) else { return nil }
      var open = offset + needle.count
      guard open < utf8.count else { return nil }
      let quote = utf8[open]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
        start = open
        continue
      }
      open += 1
      guard let close = utf8[open...].firstIndex(of: quote) else { return nil }
      if close - open >= minimumLength {
        let escaped = String(decoding: utf8[open..<close], as: UTF8.self)
        return Array(PageMetadata.decodeEntities(escaped).utf8)
      }
      start = close + 1
    }
    return nil
  }

  /// Text a viewer's shell holds of its own at most, in bytes: a page with more is read as it
  /// is, unsearched (calibrated on viewer and archive-preview shells written here, under 400
  /// bytes of toolbar and notes; article pages with embeds run to thousands).
  static let shellTextLimit = 1500

  /// Whether the page kept so little text that it may be a shell around a framed memo.
  static func mayBeShell(_ content: HTMLReader.Content) -> Bool {
    var length = 0
    for paragraph in content.paragraphs {
      length += paragraph.text.utf8.count
      if length > shellTextLimit { return false }
    }
    return true
  }

  /// Whether the frame's memo should be read instead of the page: it holds more text than
  /// everything the page's own reader kept (the page is a viewer's shell around it).
  static func isLonger(_ inner: HTMLReader.Content, than outer: HTMLReader.Content) -> Bool {
    let innerLength = inner.paragraphs.reduce(0) { $0 + $1.text.utf8.count }
    let outerLength = outer.paragraphs.reduce(0) { $0 + $1.text.utf8.count }
    return innerLength > outerLength
  }
}
