/// TOML front matter (Hugo, Zola): `+++` lines around `key = "value"` pairs at the very start
/// of a Markdown or text file, read into the same fields as YAML front matter
/// (`PlainTextReader.frontMatter`): lower-cased keys, one string per key.
///
/// Only what metadata needs is read: basic and literal strings, bare values (dates, numbers,
/// booleans), and an array's first string (`authors = ["Ana Ruiz"]` gives `author`). Keys in
/// tables (`[params]`) count after the top level's. Anything else is skipped, never an error:
/// front matter is evidence, and a line the reader does not follow leaves the rest usable.
enum TOMLFrontMatter {
  /// Most lines between the `+++` fences, as for YAML front matter.
  static let maxLines = 60

  /// Plural keys whose first entry is the singular field (`authors` → `author`).
  static let pluralKeys = ["authors": "author", "publishers": "publisher"]

  /// The fields and the lines after the closing `+++`; nil when the file does not open with
  /// TOML front matter.
  static func split(_ lines: [String]) -> (fields: [String: String], rest: ArraySlice<String>)? {
    // A byte first: a file that does not open with "+" is turned away at once.
    guard lines.first?.utf8.first == UInt8(ascii: "+"), lines.first?.trimmed == "+++",
      let close = lines.dropFirst().prefix(maxLines + 1).firstIndex(where: { $0.trimmed == "+++" })
    else { return nil }
    var top: [String: String] = [:]
    var nested: [String: String] = [:]
    var inTable = false
    var index = 1
    while index < close {
      let line = lines[index].trimmed
      index += 1
      if line.hasPrefix("[") {
        inTable = true
        continue
      }
      guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
      var key = line[..<equals].trimmed.lowercased()
      key = key.trimmingCharacters(in: ["\"", "'"])
      var raw = line[line.index(after: equals)...].trimmed
      // An array over several lines: its first string is on a line below.
      if raw == "[", index < close {
        raw = "[" + lines[index].trimmed
      }
      guard !key.isEmpty, let value = value(raw), !value.isEmpty else { continue }
      let name = pluralKeys[key] ?? key
      if inTable {
        if nested[name] == nil { nested[name] = value }
      } else if top[name] == nil {
        top[name] = value
      }
    }
    return (top.merging(nested) { first, _ in first }, lines[(close + 1)...])
  }

  /// A value's text: a quoted string without its quotes, an array's first string, or a bare
  /// value up to a comment.
  static func value(_ raw: String) -> String? {
    guard let first = raw.first else { return nil }
    if first == "[" {
      guard let quote = raw.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
      return value(String(raw[quote...]))
    }
    if first == "\"" || first == "'" {
      var text = ""
      var escaped = false
      for character in raw.dropFirst() {
        if escaped {
          text.append(character)
          escaped = false
        } else if character == "\\" && first == "\"" {
          escaped = true
        } else if character == first {
          return text
        } else {
          text.append(character)
        }
      }
      return nil  // No closing quote: a multi-line string, not read.
    }
    let bare = raw.range(of: " #").map { raw[..<$0.lowerBound] } ?? raw[...]
    return bare.trimmed
  }
}
