/// A WebVTT caption file (a recorded all-hands saved as `.vtt` or `.txt`): the cue text is the
/// memo, grouped into one paragraph per speaker turn; the person whose `<v Name>` voice tags
/// carry the most words is its author; a `NOTE` block's first date is the recording's.
///
/// ```
/// WEBVTT
///
/// NOTE
/// Acme all-hands, recorded 2026-11-17.
///
/// 1
/// 00:00:01.200 --> 00:00:04.100
/// <v Dana Lee>Good morning. We are closing the Leeds office.
/// ```
///
/// Only a file whose first bytes are `WEBVTT` is read so, so other files cost one byte test.
enum WebVTTCaptions {
  struct Captions {
    var paragraphs: [String]
    /// The speaker with the most words.
    var speaker: String?
    /// The first date a `NOTE` block names (`YYYY-MM-DD`).
    var date: String?
    /// The name a `NOTE` line gives before a meeting word ("Acme all-hands").
    var company: String?
  }

  static let signature = Array("WEBVTT".utf8)

  /// Whether `utf8` opens with `WEBVTT` (after a byte order mark).
  static func isCaptionFile(_ utf8: [UInt8]) -> Bool {
    let start = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    return utf8.count >= start + signature.count
      && utf8[start..<(start + signature.count)].elementsEqual(signature)
  }

  /// The cues of a caption file; nil when it has none.
  static func read(utf8: [UInt8]) -> Captions? {
    guard isCaptionFile(utf8) else { return nil }
    let lines = PlainTextReader.lines(utf8)
    var turns: [(speaker: String?, text: String)] = []
    var notes: [String] = []
    var index = 1
    // The header's own lines ("Kind: captions") end at the first empty line.
    while index < lines.count, !lines[index].trimmed.isEmpty { index += 1 }
    while index < lines.count {
      let line = lines[index].trimmed
      index += 1
      if line.isEmpty { continue }
      if line == "NOTE" || line.hasPrefix("NOTE ") {
        if line.count > 5 { notes.append(String(line.dropFirst(5))) }
        while index < lines.count, !lines[index].trimmed.isEmpty {
          notes.append(lines[index].trimmed)
          index += 1
        }
        continue
      }
      if line == "STYLE" || line == "REGION" {
        while index < lines.count, !lines[index].trimmed.isEmpty { index += 1 }
        continue
      }
      // A cue: an optional identifier, the timing line, then its text up to an empty line.
      var timing = line
      if !timing.contains("-->") {
        guard index < lines.count, lines[index].contains("-->") else { continue }
        timing = lines[index]
        index += 1
      }
      var text: [String] = []
      while index < lines.count, !lines[index].trimmed.isEmpty {
        text.append(lines[index].trimmed)
        index += 1
      }
      var speaker: String?
      var words: [String] = []
      for part in text {
        var rest = Substring(part)
        if rest.hasPrefix("<v"), let close = rest.firstIndex(of: ">") {
          let tag = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
          let name = tag.drop { $0 != " " }.trimmed
          if !name.isEmpty { speaker = name }
          rest = rest[rest.index(after: close)...]
        }
        words.append(withoutTags(String(rest)))
      }
      let cue = words.joined(separator: " ").trimmed
      guard !cue.isEmpty else { continue }
      if let last = turns.last, last.speaker == speaker {
        turns[turns.count - 1].text += " " + cue
      } else {
        turns.append((speaker, cue))
      }
    }
    guard !turns.isEmpty else { return nil }
    var counts: [String: Int] = [:]
    for turn in turns {
      if let speaker = turn.speaker {
        counts[speaker, default: 0] += turn.text.split(separator: " ").count
      }
    }
    // Most words first; the earlier speaker on a tie.
    let order = turns.compactMap(\.speaker)
    let speaker = counts.max { a, b in
      a.value != b.value
        ? a.value < b.value
        : order.firstIndex(of: a.key)! > order.firstIndex(of: b.key)!
    }?.key
    return Captions(
      paragraphs: turns.map(\.text), speaker: speaker, date: firstDate(notes),
      company: meetingCompany(notes))
  }

  /// Text without WebVTT's inline tags (`<i>`, `<c.yellow>`, `</v>`, timestamps).
  static func withoutTags(_ text: String) -> String {
    guard text.contains("<") else { return text }
    var output = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        output.append(character)
      }
    }
    return output
  }

  /// The first date in `notes`: a word ("2026-11-17") or three ("17 November 2026").
  static func firstDate(_ notes: [String]) -> String? {
    for note in notes {
      let words = note.split(separator: " ").map {
        String($0).trimmingScalars { $0 == "," || $0 == "." || $0 == ";" || $0 == ")" }
      }
      for start in words.indices {
        for length in [1, 3] where start + length <= words.count {
          let phrase = words[start..<(start + length)].joined(separator: " ")
          guard phrase.contains(where: \.isNumber) else { continue }
          if let date = DateNormalizer.normalize(phrase) { return date }
        }
      }
    }
    return nil
  }

  /// "Acme & Vane all-hands, recorded …" → "Acme & Vane": one to four capitalized words
  /// (and "&") opening a `NOTE` line before a meeting word.
  static func meetingCompany(_ notes: [String]) -> String? {
    for note in notes {
      let lower = note.lowercased()
      guard let word = PageMetadata.meetingWords.first(where: { lower.contains(" " + $0) }),
        let range = lower.range(of: " " + word)
      else { continue }
      let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
      let name = String(note.prefix(offset)).trimmed
      let words = name.split(separator: " ")
      guard (1...4).contains(words.count),
        words.allSatisfy({ $0 == "&" || $0.first?.isUppercase == true })
      else { continue }
      return name
    }
    return nil
  }
}
