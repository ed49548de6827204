/// Reads rendered HTML in tests that check escaping.
public enum HTMLTags {
  /// The inside of every tag of an HTML string, without `<`, `>` and a closing tag's `/`.
  public static func all(in html: String) -> [String] {
    var tags: [String] = []
    var current: String?
    for character in html {
      if character == "<" {
        current = ""
      } else if character == ">", let tag = current {
        tags.append(tag.hasPrefix("/") ? String(tag.dropFirst()) : tag)
        current = nil
      } else {
        current?.append(character)
      }
    }
    return tags
  }
}
