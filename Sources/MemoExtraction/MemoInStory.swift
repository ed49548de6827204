import Foundation

/// Finds a memo quoted inside a news story: in `<blockquote>`s, or after a lead-in such as
/// "the full memo is below".
enum MemoInStory {
  struct Split: Equatable {
    var memo: [String]
    var commentary: [String]
  }

  /// Phrases that announce the memo's full text right after them.
  static let strongLeadIns = [
    "full memo", "memo is below", "memo below", "read the memo", "memo in full",
    "memo in its entirety", "full text of the memo", "text of the memo", "full email",
    "email is below", "read the email", "read the full note", "note in full", "full note",
    "read his memo", "read her memo", "read their memo", "below is the memo", "memo reads",
    "full text of the email", "the memo, in full", "email in full", "read the full",
  ]
  /// Phrases that introduce quoting but may also end a sentence of the story.
  static let weakLeadIns = [
    "memo, which was obtained by", "memo obtained by", "memo, which was seen by",
    "memo seen by", "memo, obtained by", "email, which was obtained by", "email obtained by",
    "memo sent to", "wrote in a memo", "said in a memo", "memo to staff", "memo to employees",
    "email to staff", "email to employees", "note to employees", "note to staff",
  ]
  static let greetings = [
    "hi ", "hi,", "hello", "dear", "team,", "all,", "everyone,", "folks,", "colleagues",
    "good morning", "good afternoon", "hey ", "to:", "from:", "subject:",
  ]

  /// - Parameters:
  ///   - paragraphs: The story's paragraphs in order.
  ///   - quoteEligible: Whether each blockquote id may hold the memo (tweets may not).
  static func split(_ paragraphs: [Paragraph], quoteEligible: (Int32) -> Bool) -> Split? {
    guard paragraphs.count >= 2 else { return nil }
    // 1. Long blockquotes.
    var quoteLength: [Int32: Int] = [:]
    var quoteCount: [Int32: Int] = [:]
    for paragraph in paragraphs where paragraph.blockquote >= 0 {
      quoteLength[paragraph.blockquote, default: 0] += paragraph.text.count
      quoteCount[paragraph.blockquote, default: 0] += 1
    }
    let memoQuotes = Set(
      quoteLength.filter { id, length in
        quoteEligible(id) && (length >= 400 || (quoteCount[id, default: 0] >= 3 && length >= 200))
      }.keys)
    if !memoQuotes.isEmpty {
      let memo = paragraphs.filter { memoQuotes.contains($0.blockquote) }.map(\.text)
      let commentary = paragraphs.filter { !memoQuotes.contains($0.blockquote) }.map(\.text)
      if !commentary.isEmpty { return Split(memo: memo, commentary: commentary) }
    }
    // 2. A lead-in paragraph.
    let texts = paragraphs.map(\.text)
    for (index, text) in texts.enumerated()
    where index + 2 <= texts.count - 1 || index + 1 < texts.count {
      let lower = text.asciiLowercased
      guard
        lower.containsBytes("memo") || lower.containsBytes("email")
          || lower.containsBytes("note") || lower.containsBytes("read the full")
      else { continue }
      let strong = strongLeadIns.contains { lower.containsBytes($0) } && text.count < 400
      var weak = false
      if !strong, weakLeadIns.contains(where: { lower.containsBytes($0) }) {
        let next = texts[index + 1].lowercased()
        weak = text.hasSuffix(":") || greetings.contains { next.hasPrefix($0) }
      }
      guard strong || weak else { continue }
      let start = index + 1
      guard start < texts.count else { continue }
      var end = texts.count - 1
      // The memo ends at its sign-off when the story carries on after it.
      var cursor = start
      while cursor < texts.count {
        if MemoHeaders.signOff([texts[cursor]]) != nil {
          end = cursor
          break
        }
        // A bare name after a finished sentence is the memo's signature ("Priyanka").
        if cursor >= start + 2, cursor + 1 < texts.count, MemoHeaders.looksLikeName(texts[cursor]),
          texts[cursor - 1].last.map({ ".!?\"”".contains($0) }) == true
        {
          end = cursor
          break
        }
        let lowerLine = texts[cursor].lowercased().trimmed
        if cursor + 1 < texts.count, isClosingWord(lowerLine),
          MemoHeaders.looksLikeName(texts[cursor + 1])
        {
          end = cursor + 1
          break
        }
        cursor += 1
      }
      let memo = Array(texts[start...end])
      guard memo.count >= 2 || memo.joined().count >= 200 else { continue }
      let commentary = Array(texts[..<start]) + Array(texts[(end + 1)...])
      return Split(memo: memo, commentary: commentary)
    }
    return nil
  }

  /// A first name from a sign-off ("Idris") completed from the story ("CEO Idris Falkenrath").
  static func fullName(_ name: String, in commentary: [String]) -> String {
    guard !name.contains(" ") else { return name }
    for paragraph in commentary {
      let words = paragraph.split(separator: " ").map(String.init)
      for index in words.indices.dropLast() where words[index] == name {
        let next = words[index + 1].trimmingCharacters(in: .punctuationCharacters)
          .replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
        if let first = next.first, first.isUppercase, next.count > 1,
          next.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" })
        {
          return name + " " + next
        }
      }
    }
    // A nickname sign-off ("Leo") stands for the full first name the story gives ("Leopold").
    for paragraph in commentary {
      let words = paragraph.split(separator: " ").map(String.init)
      for index in words.indices.dropLast()
      where words[index].count > name.count && words[index].hasPrefix(name)
        && words[index].allSatisfy(\.isLetter)
      {
        let next = words[index + 1].trimmingCharacters(in: .punctuationCharacters)
          .replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
        if let first = next.first, first.isUppercase, next.count > 1,
          next.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" })
        {
          return words[index] + " " + next
        }
      }
    }
    return name
  }

  /// The company a story is about: the capitalized name its first paragraph opens with
  /// ("Corvane Systems, the Denver-based maker…"), when the memo mentions it too.
  ///
  /// A newsletter post may open with its subtitle ("A close reading of…"), so the first three
  /// paragraphs are tried in turn. A name the memo does not mention still counts when the story
  /// comes back to it in another paragraph ("Sablewood shares rose…").
  static func subjectCompany(_ commentary: [String], memo: [String]) -> String? {
    for (index, paragraph) in commentary.prefix(3).enumerated() {
      guard let words = openingName(paragraph) else { continue }
      let lead = words[0]
      let memoText = memo.joined(separator: " ")
      let laterStory = commentary.enumerated().contains { other in
        other.offset != index && other.element.containsBytes(lead)
      }
      guard memoText.containsBytes(lead) || laterStory else { continue }
      return words.joined(separator: " ")
    }
    return nil
  }

  /// The capitalized name a paragraph opens with ("Corvane Systems, the…" → Corvane Systems).
  static func openingName(_ first: String) -> [String]? {
    var words: [String] = []
    for word in first.split(separator: " ").prefix(5) {
      let clean = word.trimmingCharacters(in: .punctuationCharacters)
      guard let initial = clean.first, initial.isUppercase || clean == "&" else { break }
      words.append(
        clean.hasSuffix("’s") || clean.hasSuffix("'s") ? String(clean.dropLast(2)) : clean)
      if word.last.map({ $0 == "," || $0 == "’" || $0 == "'" }) == true
        || clean.hasSuffix("s") && word.hasSuffix("’s")
      {
        break
      }
    }
    let starters: Set<String> = [
      "The", "A", "An", "In", "On", "At", "When", "After", "As", "For", "This", "It", "Last",
      "Earlier", "Today", "Yesterday", "On", "If", "But", "And", "More", "Some", "One", "Two",
      // A person's title or a day opens many stories that are not about a company by name.
      "President", "Chief", "Former", "Senator", "Governor", "Mayor", "Mr", "Ms", "Mrs", "Dr",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
    guard let lead = words.first, lead.count >= 3, words.count <= 4, !starters.contains(lead)
    else { return nil }
    return words
  }

  static func isClosingWord(_ lower: String) -> Bool {
    let stripped = lower.trimmingCharacters(in: [",", "!", "."])
    return [
      "best", "thanks", "thank you", "regards", "best regards", "sincerely", "cheers", "warmly",
      "onward", "with gratitude", "kind regards", "all the best", "warm regards", "best wishes",
      "many thanks", "yours", "yours sincerely", "with appreciation", "gratefully", "respectfully",
      "onwards", "thanks again", "with thanks", "love",
    ].contains(stripped)
  }
}
