/// A chat app's exported log saved as text (WhatsApp: "[03/03/2026, 09:14:22] Dana Lee: …",
/// or "03/03/2026, 09:14 - Dana Lee: …"): one message a line, system lines between (the
/// encryption notice, "… created group …"). The memo is the longest message; its sender is
/// the author and its day the date; a message of the same sender ending "Dana, Acme
/// Kitchens" names the company.
enum ChatLog {
  /// Messages needed before the paragraphs count as a chat log (calibrated on exports
  /// written here: an announcement and two replies; a memo quoting one line must not count).
  static let minimumMessages = 3

  /// One message: its sender, the day's three numbers as written, and its text.
  struct Message {
    var sender: String
    var day: (first: Int, second: Int, year: Int)
    var text: String
  }

  /// The message on one line, or nil: a bracketed or bare "day, time" stamp, then "Name:".
  static func message(_ line: String) -> Message? {
    // Byte test first: a log line opens with "[" or a digit.
    guard let first = line.utf8.first, first == UInt8(ascii: "[") || first &- 0x30 < 10,
      line.utf8.count >= 20
    else { return nil }
    var rest = Substring(line)
    if rest.first == "[" { rest = rest.dropFirst() }
    // The day: d/m/yyyy or d.m.yyyy (or two-digit year), then ", " and a time.
    let dayText = rest.prefix { $0.isNumber || $0 == "/" || $0 == "." }
    let numbers = dayText.split(whereSeparator: { $0 == "/" || $0 == "." }).compactMap {
      Int($0)
    }
    guard numbers.count == 3 else { return nil }
    let year = numbers[2] < 100 ? numbers[2] + 2000 : numbers[2]
    rest = rest.dropFirst(dayText.count)
    guard rest.hasPrefix(", ") || rest.hasPrefix(" ") else { return nil }
    // The time and the stamp's end: "09:14:22] " or "09:14 - ".
    guard let close = rest.firstIndex(where: { $0 == "]" || $0 == "-" }),
      rest[..<close].contains(":"), rest.distance(from: rest.startIndex, to: close) <= 16
    else { return nil }
    rest = rest[rest.index(after: close)...].drop { $0 == " " }
    // "Name: text"; a line without the colon after a name is a system line.
    guard let colon = rest.firstIndex(of: ":") else { return nil }
    let sender = rest[..<colon].trimmed
    let words = sender.split(separator: " ")
    guard (1...5).contains(words.count), sender.utf8.count <= 60,
      words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isLetter == false })
    else { return nil }
    let text = rest[rest.index(after: colon)...].trimmed
    return Message(sender: sender, day: (numbers[0], numbers[1], year), text: text)
  }

  /// Applies a chat log's author, date and company; leaves other memos alone.
  static func apply(_ memo: inout Memo) {
    guard let first = memo.paragraphs.first?.utf8.first,
      first == UInt8(ascii: "[") || first &- 0x30 < 10
    else { return }
    let messages = memo.paragraphs.prefix(400).compactMap(message)
    guard messages.count >= minimumMessages,
      let memoMessage = messages.max(by: { $0.text.utf8.count < $1.text.utf8.count })
    else { return }
    if memo.author == nil {
      (memo.author, memo.authorSource) = (memoMessage.sender, "chat-message")
    }
    if memo.date == nil, let date = day(memoMessage.day, in: messages) {
      (memo.date, memo.dateSource) = (date, "chat-message")
    }
    let weak = memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? "")
    if weak, let company = signedCompany(messages, sender: memoMessage.sender) {
      (memo.company, memo.companySource) = (company, "signature")
    }
  }

  /// The day as ISO 8601: day or month first from a stamp only one order fits, else day first
  /// (exports with four-digit years and a 24-hour clock come from day-first locales).
  static func day(_ day: (first: Int, second: Int, year: Int), in messages: [Message]) -> String? {
    var dayFirst = true
    if messages.contains(where: { $0.day.second > 12 && $0.day.first <= 12 }) { dayFirst = false }
    let (dayNumber, month) = dayFirst ? (day.first, day.second) : (day.second, day.first)
    guard (1...12).contains(month), (1...31).contains(dayNumber), (1900...2100).contains(day.year)
    else { return nil }
    let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return "\(day.year)-\(pad(month))-\(pad(dayNumber))"
  }

  /// The company in a sender's sign-off at the end of a message: "… Kemal, Harbourlight
  /// Kitchens" (the sender's first name, a comma, one to four capitalized words).
  static func signedCompany(_ messages: [Message], sender: String) -> String? {
    guard let firstName = sender.split(separator: " ").first.map(String.init) else { return nil }
    for message in messages.reversed() where message.sender == sender {
      guard let range = message.text.range(of: firstName + ", ", options: .backwards) else {
        continue
      }
      let name = message.text[range.upperBound...].trimmingCharacters(in: [".", " "])
      let words = name.split(separator: " ")
      guard (1...4).contains(words.count),
        words.allSatisfy({ $0.first?.isUppercase == true || $0 == "&" }),
        !MemoHeaders.isJobTitle(name)
      else { continue }
      return name
    }
    return nil
  }
}
