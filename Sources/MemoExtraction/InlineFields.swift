/// Inline fields of a note ("sent:: 2026-03-10", "audience:: everyone at [[Acme]]", Obsidian
/// Dataview's form): a date, an author and the company addressed, read when nothing else gave
/// them. Wiki-link brackets ("[[Acme Robotics]]") are no part of a value.
enum InlineFields {
  /// Keys of the memo's own date, lower case.
  static let dateKeys: Set<String> = ["date", "sent", "published", "created", "posted", "day"]
  /// Keys of the company, or of the audience a company may be addressed in.
  static let companyKeys: Set<String> = ["company", "organization", "organisation", "org"]
  static let audienceKeys: Set<String> = ["audience", "to", "recipients"]

  /// The fields "key:: value" of the paragraphs, keys lower-cased, first value kept. Lines
  /// may have been joined into one paragraph ("author:: [[Ana]] sent:: 2026-03-10"): a value
  /// runs to the next key, a word of letters right before "::".
  static func fields(_ paragraphs: [String]) -> [String: String] {
    var fields: [String: String] = [:]
    for paragraph in paragraphs.prefix(20) where paragraph.containsBytes(":: ") {
      let text = Substring(paragraph.replacingOccurrences(of: "\n", with: " "))
      // Each marker's key: the letters before it, back to a space or the start.
      var keys: [(key: Substring, start: String.Index, valueStart: String.Index)] = []
      var search = text.startIndex
      while let marker = text[search...].range(of: ":: ") {
        var keyStart = marker.lowerBound
        while keyStart > text.startIndex {
          let before = text.index(before: keyStart)
          guard text[before].isLetter || text[before] == "_" || text[before] == "-" else { break }
          keyStart = before
        }
        if keyStart < marker.lowerBound {
          keys.append((text[keyStart..<marker.lowerBound], keyStart, marker.upperBound))
        }
        search = marker.upperBound
      }
      for (index, entry) in keys.enumerated() {
        let end = index + 1 < keys.count ? keys[index + 1].start : text.endIndex
        let key = entry.key.lowercased()
        let value = withoutWikiBrackets(String(text[entry.valueStart..<end]).trimmed)
        if key.count <= 24, fields[key] == nil, !value.isEmpty { fields[key] = value }
      }
    }
    return fields
  }

  /// "[[Acme Robotics]]" → "Acme Robotics"; "[[Acme|the team]]" → "Acme".
  static func withoutWikiBrackets(_ value: String) -> String {
    guard value.containsBytes("[[") else { return value }
    var result = ""
    var rest = Substring(value)
    while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
      result += rest[..<open.lowerBound]
      let inner = rest[open.upperBound..<close.lowerBound]
      result += inner.split(separator: "|").first.map(String.init) ?? ""
      rest = rest[close.upperBound...]
    }
    return result + rest
  }

  /// Applies the date and company the fields give, where the memo has none (or only weak
  /// evidence of the company).
  static func apply(_ memo: inout Memo) {
    // Byte test first: a memo without ":: " in its first paragraphs has no such field.
    guard memo.paragraphs.prefix(20).contains(where: { $0.containsBytes(":: ") }) else { return }
    let fields = fields(memo.paragraphs)
    if memo.date == nil,
      let date = dateKeys.lazy.compactMap({ fields[$0] }).compactMap({
        MemoHeaders.memoDate($0)
      }).first
    {
      (memo.date, memo.dateSource) = (date, "front-matter")
    }
    let weak = memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? "")
    guard weak else { return }
    if let company = companyKeys.lazy.compactMap({ fields[$0] }).first {
      (memo.company, memo.companySource) = (company, "front-matter")
    } else if let audience = audienceKeys.lazy.compactMap({ fields[$0] }).first,
      let company = MemoHeaders.companyAddressed(audience)
    {
      (memo.company, memo.companySource) = (company, "front-matter")
    }
  }
}
