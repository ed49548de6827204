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
          && MemoEvidence.readsAsMemo(paragraphs.filter { $0.blockquote == id }.map(\.text))
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
      guard memo.count >= 2 || memo.joined().count >= 200, MemoEvidence.readsAsMemo(memo)
      else { continue }
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
      // "[[Maarten Oudekerk]]" (a wiki link), "(Maarten Oudekerk)": brackets are no part.
      for index in words.indices.dropLast()
      where words[index] == name
        || name.count > 1 && words[index].hasSuffix(name)
          && words[index].dropLast(name.count).allSatisfy({
            $0 == "[" || $0 == "("
          })
      {
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
    // The story's first paragraphs, then (a live blog's entry further down) the short ones
    // that name the memo ("Orsolo to cut 600 jobs, memo says").
    let naming = commentary.indices.dropFirst(3).filter { index in
      let paragraph = commentary[index]
      return paragraph.utf8.count <= 200
        && (paragraph.containsBytes("memo") || paragraph.containsBytes("Memo"))
    }
    for index in Array(commentary.indices.prefix(3)) + naming {
      let paragraph = commentary[index]
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
    let stripped = lower.trimmingScalars { $0 == "," || $0 == "!" || $0 == "." }
    return [
      "best", "thanks", "thank you", "regards", "best regards", "sincerely", "cheers", "warmly",
      "onward", "with gratitude", "kind regards", "all the best", "warm regards", "best wishes",
      "many thanks", "yours", "yours sincerely", "with appreciation", "gratefully", "respectfully",
      "onwards", "thanks again", "with thanks", "love",
    ].contains(stripped)
  }
}

/// Whether quoted text reads as a memo rather than any other quotation (an excerpt, a poem, a
/// statement to the press): the evidence memo-in-story needs before it treats a blockquote or
/// the text after a lead-in as the company's own words.
enum MemoEvidence {
  /// Memo evidence in `paragraphs` (the candidate memo, in order). One kind suffices:
  /// - a salutation to colleagues opening it ("Team,", "Hi all,", "Dear colleagues", "Acme
  ///   team:"), within its first two paragraphs;
  /// - memo headers: two of To/From/Subject/Date/Cc among its first six paragraphs, or one
  ///   From or Subject line;
  /// - a sign-off closing it: a closing word over or before a name ("Best,", "Priya"), or a
  ///   name over a job title;
  /// - an announcement to staff: first-person plural (we, our, us) at least
  ///   `minimumPluralWords` times and second person (you, your) at least
  ///   `minimumSecondPerson` times, each a share of at least `minimumPersonShare` of the words.
  static func readsAsMemo(_ paragraphs: [String]) -> Bool {
    guard !paragraphs.isEmpty else { return false }
    if paragraphs.prefix(2).contains(where: isSalutation) { return true }
    if hasHeaders(paragraphs) { return true }
    if hasSignOff(paragraphs) { return true }
    return addressesStaff(paragraphs)
  }

  /// First-person plural words a memo announcing a decision to staff uses several times: the
  /// 45 Corpus memos have 9 or more; a short quotation in a story rarely has four. With the
  /// second-person rule, 27 of the 45 pass on this evidence alone (the rest open with a
  /// salutation or close with a sign-off).
  static let minimumPluralWords = 4
  /// "You"/"your" a memo addresses its readers with; press statements rarely do.
  static let minimumSecondPerson = 2
  /// Each person's words as a share of all words: a long excerpt that says "we" four times in
  /// 2,000 words is not an announcement.
  static let minimumPersonShare = 0.01

  static let salutationWords: Set<String> = [
    "hi", "hello", "hey", "dear", "team", "all", "everyone", "everybody", "folks", "colleagues",
    "friends", "teammates", "greetings", "y'all",
  ]
  static let audienceWords: Set<String> = [
    "team", "teams", "colleagues", "employees", "staff", "teammates", "everyone", "all",
    "family", "people", "crew", "associates", "partners",
  ]

  /// "Team," / "Hi all," / "Dear colleagues" / "Good morning everyone" / "Acme team:" /
  /// "Team, we are at a turning point…" (a salutation that runs into the text).
  static func isSalutation(_ paragraph: String) -> Bool {
    let text = paragraph.trimmed
    guard !text.isEmpty else { return false }
    // The salutation: up to the first comma, colon, dash or exclamation mark.
    let end =
      text.firstIndex { $0 == "," || $0 == ":" || $0 == "!" || $0 == "—" || $0 == "–" }
      ?? text.endIndex
    let head = text[..<end]
    let words = head.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
    guard let first = words.first, (1...5).contains(words.count) else { return false }
    // A salutation is its own line, or ends with its punctuation mark before the text.
    let standsAlone = end == text.endIndex ? text.count <= 40 : true
    guard standsAlone else { return false }
    if end == text.endIndex && words.count > 3 { return false }
    if ["hi", "hello", "hey", "dear", "greetings"].contains(first) { return true }
    if lowerStartsGreeting(words) { return true }
    // "Team," "All," "Everyone:" alone before the text; "Acme team," "Dear Acme colleagues,".
    if words.count == 1 { return salutationWords.contains(first) && end != text.endIndex }
    let initialCapital = head.first.map(\.isUppercase) ?? false
    return initialCapital && words.count <= 4 && audienceWords.contains(words.last!)
      && end != text.endIndex
  }

  /// "Good morning, all" / "Good afternoon everyone".
  private static func lowerStartsGreeting(_ words: [String]) -> Bool {
    words.count >= 2 && words[0] == "good"
      && ["morning", "afternoon", "evening"].contains(words[1])
  }

  /// Two header lines among the first six paragraphs, or one From or Subject line.
  static func hasHeaders(_ paragraphs: [String]) -> Bool {
    var count = 0
    for paragraph in paragraphs.prefix(6) where paragraph.count < 300 {
      guard let field = MemoHeaders.headerField(paragraph)?.field else { continue }
      if field == .from || field == .subject { return true }
      count += 1
    }
    return count >= 2
  }

  /// A closing word and a name ("Best," then "Priya"; "Thanks, Sam") among the last four
  /// paragraphs, or a name over a job title under two paragraphs or more. A bare "— Name" attribution is how any quotation
  /// ends, and does not count.
  static func hasSignOff(_ paragraphs: [String]) -> Bool {
    let tail = Array(paragraphs.suffix(4))
    for (offset, paragraph) in tail.enumerated() {
      let text = paragraph.trimmed
      guard text.count <= 80 else { continue }
      let lower = text.lowercased()
      if MemoInStory.isClosingWord(lower) {
        // "Best," then a name, or "Best," last with the name lost to markup.
        if offset + 1 == tail.count { return true }
        if MemoHeaders.looksLikeName(MemoHeaders.personName(tail[offset + 1]) ?? "") {
          return true
        }
        continue
      }
      // "Thanks, Sam" / "Best regards,\nDana Whitfield" on one line.
      if let comma = text.firstIndex(where: { $0 == "," || $0 == "\n" }) {
        let closing = String(text[..<comma]).lowercased()
        let rest = text[text.index(after: comma)...].trimmed
        if MemoInStory.isClosingWord(closing),
          MemoHeaders.looksLikeName(MemoHeaders.personName(rest) ?? "")
        {
          return true
        }
      }
    }
    // A name over a job title closes a memo of two paragraphs or more; under one paragraph it
    // is how a pull quote or a testimonial is attributed.
    if paragraphs.count >= 4, let last = paragraphs.last, last.count <= 60,
      MemoHeaders.isJobTitle(last), MemoHeaders.looksLikeName(paragraphs[paragraphs.count - 2])
    {
      return true
    }
    return false
  }

  /// First-person plural and second person, each often enough (see the thresholds above).
  static func addressesStaff(_ paragraphs: [String]) -> Bool {
    var words = 0
    var plural = 0
    var second = 0
    for paragraph in paragraphs {
      for word in paragraph.lowercased().split(whereSeparator: {
        !$0.isLetter && $0 != "'" && $0 != "’"
      }) {
        words += 1
        switch word {
        case "we", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll", "our", "ours", "us":
          plural += 1
        case "you", "your", "you're", "you’re", "you'll", "you’ll", "yours":
          second += 1
        default: break
        }
      }
    }
    guard words > 0 else { return false }
    let share = minimumPersonShare * Double(words)
    return plural >= minimumPluralWords && second >= minimumSecondPerson
      && Double(plural) >= share && Double(second) >= share
  }
}
