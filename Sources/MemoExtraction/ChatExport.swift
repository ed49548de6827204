/// A chat message saved as a page (Slack, Microsoft Teams): the page's title is the channel
/// or the workspace and the app, never the memo's title or company. The message opens with
/// its author and time ("Priya Raman (she/her) 9:14 AM", "Lee, Dana 10/02/2026 07:58"); a
/// short first line under it is the announcement's heading.
enum ChatExport {
  /// Chat apps whose name a saved page carries in its title; lower case.
  static let apps: Set<String> = [
    "slack", "microsoft teams", "teams", "mattermost", "discord", "google chat",
    "workplace", "rocket.chat", "zulip", "webex",
  ]

  /// The author line of a message: a name ("Dana Lee", "Lee, Dana"), pronouns in brackets,
  /// an optional day, then a time and at most a short label.
  static let headerPattern =
    #"^(\p{Lu}[\p{L}'’\-]+(?:,? \p{Lu}[\p{L}'’\-]+){1,3})(?: \([^)]{1,20}\))?"#
    + #"(?: (\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}))?,? (\d{1,2}:\d{2}(?: ?[AaPp][Mm])?)"#
    + #"(?: [\p{L} ]{0,24})?$"#

  /// Words that open a byline or a page line rather than a chat author.
  static let notNames: Set<String> = ["by", "posted", "updated", "published", "from", "von", "de"]

  /// The author, day and heading of a chat message that opens `paragraphs`; nil when the
  /// first paragraph is no message header.
  static func message(_ paragraphs: [String]) -> (
    author: String, date: String?, heading: String?
  )? {
    guard paragraphs.count >= 2, let first = paragraphs.first, first.utf8.count <= 90,
      mayHoldTime(first), first.contains(":"), first.first?.isUppercase == true,
      let match = first.range(of: headerPattern, options: .regularExpression)
    else { return nil }
    let line = first[match]
    // The name: the words before the pronouns, the day or the time.
    var nameWords: [Substring] = []
    for word in line.split(separator: " ") {
      if word.first == "(" || word.first?.isNumber == true { break }
      nameWords.append(word)
    }
    guard let lead = nameWords.first, !notNames.contains(lead.lowercased()),
      (2...4).contains(nameWords.count)
    else { return nil }
    var name = nameWords.joined(separator: " ")
    if let comma = name.firstIndex(of: ","), nameWords.count == 2 {
      name = name[name.index(after: comma)...].trimmed + " " + name[..<comma]
    }
    let day = line.range(
      of: #"\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}"#, options: .regularExpression
    )
    .flatMap { MemoHeaders.memoDate(String(line[$0])) }
    let second = paragraphs[1]
    let words = second.split(separator: " ")
    let isHeading =
      words.count <= 12 && second.last.map { !".!?:,".contains($0) } == true
      && !MemoEvidence.isSalutation(second)
    return (name, day, isHeading ? second : nil)
  }

  /// Whether the line's bytes could hold the time `headerPattern` needs (`\d:\d\d`): a colon
  /// with a digit or a non-ASCII byte (a digit of another script) before it and two after it.
  /// A line without one cannot match, so the regular expression is not run on it.
  static func mayHoldTime(_ line: String) -> Bool {
    let bytes = Array(line.utf8)
    func digitLike(_ byte: UInt8) -> Bool { byte >= 0x80 || (0x30...0x39).contains(byte) }
    for index in bytes.indices.dropFirst().dropLast(2) where bytes[index] == UInt8(ascii: ":") {
      if digitLike(bytes[index - 1]), digitLike(bytes[index + 1]), digitLike(bytes[index + 2]) {
        return true
      }
    }
    return false
  }

  /// Applies a chat message's author, day and heading, and replaces a title or company that
  /// is the channel, the workspace or the app.
  static func apply(_ memo: inout Memo) {
    guard let found = message(memo.paragraphs) else { return }
    let pageTitle = memo.titleSource == "title" ? memo.title : nil
    (memo.author, memo.authorSource) = (found.author, "chat-message")
    if let date = found.date { (memo.date, memo.dateSource) = (date, "chat-message") }
    (memo.title, memo.titleSource) = (found.heading, found.heading == nil ? nil : "chat-message")
    let appCompany = memo.company.map { apps.contains($0.lowercased()) } ?? false
    guard memo.company == nil || appCompany else { return }
    (memo.company, memo.companySource) = (nil, nil)
    // "General (Acme Engineering)": a Teams channel and its team; a workspace name alone.
    if let title = pageTitle, !apps.contains(title.lowercased()) {
      if let open = title.lastIndex(of: "("), title.hasSuffix(")") {
        let team = title[title.index(after: open)..<title.index(before: title.endIndex)].trimmed
        if team.first?.isUppercase == true { (memo.company, memo.companySource) = (team, "title") }
      } else if !title.hasPrefix("#"), title.split(separator: " ").count <= 4,
        title.first?.isUppercase == true
      {
        (memo.company, memo.companySource) = (title, "title")
      }
    }
    if memo.company == nil, let company = BodyEvidence.signatureCompany(memo.paragraphs) {
      (memo.company, memo.companySource) = (company, "signature")
    }
  }
}
