/// A repost's note of the day a memo first appeared ("Originally published at blog.acme.io on
/// September 30, 2026.", "First published on 30 September 2026"): that day is the memo's, and
/// wins over the later day the repost carries.
enum OriginalDate {
  /// Phrases that introduce the first day, lower case.
  static let cues = [
    "originally published", "first published", "originally posted", "first posted",
    "ursprünglich veröffentlicht", "zuerst veröffentlicht", "publié initialement",
    "initialement publié", "publicado originalmente", "originalmente publicado",
  ]
  /// Byte runs one of which every cue holds, so most paragraphs are turned away unread.
  static let cueBytes = [
    "riginally p", "irst p", "rsprünglich", "uerst ver", "nitialement", "riginalmente",
  ]
  /// `cueBytes`, looked for in one pass.
  static let cueSearch = ByteSearch.NeedleSet(cueBytes)

  /// Words that put a note on another version of the text (a preprint, an earlier draft): its
  /// first day is that version's, not the memo's. Lower case.
  static let otherVersionWords = [
    "preprint", "earlier version", "previous version", "earlier draft", "draft version",
  ]

  /// Longest paragraph read: a repost's note is one sentence.
  static let maxNoteBytes = 400
  /// Most words after the cue a date may start at ("at blog.acme.io on September 30, 2026").
  static let wordsAfterCue = 10

  /// The first day a note among the first and last paragraphs gives, when it is not after
  /// `page` (the page's own date, `YYYY-MM-DD`, when it has one).
  static func date(in paragraphs: [String], page: String?) -> String? {
    for paragraph in paragraphs.prefix(4) + paragraphs.suffix(4)
    where paragraph.utf8.count <= maxNoteBytes && cueSearch.occurs(in: paragraph) {
      let lower = paragraph.lowercased()
      guard !otherVersionWords.contains(where: { lower.containsBytes($0) }),
        let cue = cues.first(where: { lower.containsBytes($0) }),
        let range = lower.range(of: cue)
      else { continue }
      let words = lower[range.upperBound...].split(separator: " ").prefix(wordsAfterCue + 5)
        .map { $0.trimmingCharacters(in: .init(charactersIn: ".;:()[]")) }
      for start in words.indices.prefix(wordsAfterCue) {
        for length in (1...5).reversed() where start + length <= words.count {
          let text = words[start..<(start + length)].joined(separator: " ")
          guard text.contains(where: \.isNumber), let date = DateNormalizer.normalize(text)
          else { continue }
          if let page, date > page { return nil }
          return date
        }
      }
    }
    return nil
  }

  /// Sets the memo's date to the first day a repost's note gives.
  static func apply(_ memo: inout Memo) {
    if let date = date(in: memo.paragraphs, page: memo.date), date != memo.date {
      (memo.date, memo.dateSource) = (date, "original")
    }
  }
}
