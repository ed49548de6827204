/// A Mailman digest saved as text: list boilerplate ("Send Staff mailing list submissions
/// to …"), "Today's Topics:", then messages each opened by "Message: N" and its own header
/// lines, between lines of dashes. The memo is the longest message, read as an e-mail of its
/// own (its From, Date and Subject are the memo's, the list's `[Tag]` taken off the subject).
///
/// Only a file whose first byte is `S` is looked at further, so other files cost one byte
/// test.
enum MailmanDigest {
  /// The chosen message as e-mail bytes (header lines, an empty line, the body); nil for a
  /// file that is not a digest or holds no message.
  static func memoMessage(utf8: [UInt8]) -> [UInt8]? {
    guard utf8.first == UInt8(ascii: "S"), utf8.starts(with: "Send ".utf8) else { return nil }
    // The first line alone decides, before the file is split into lines.
    let end = utf8.prefix(200).firstIndex { $0 == 0x0A || $0 == 0x0D } ?? min(utf8.count, 200)
    let first = String(decoding: utf8[..<end], as: UTF8.self)
    guard first.contains(" mailing list submissions") else { return nil }
    let lines = PlainTextReader.lines(utf8)
    // "Send Staff-announce mailing list submissions to": the list's name tags subjects.
    let list = first.dropFirst(5).prefix { $0 != " " }
    var messages: [(headers: [String], body: [String])] = []
    var index = 0
    while index < lines.count {
      guard isMessageLine(lines[index]) else {
        index += 1
        continue
      }
      index += 1
      var headers: [String] = []
      while index < lines.count, !lines[index].trimmed.isEmpty {
        headers.append(lines[index])
        index += 1
      }
      var body: [String] = []
      while index < lines.count, !isSeparator(lines[index]), !isMessageLine(lines[index]) {
        body.append(lines[index])
        index += 1
      }
      messages.append((headers, body))
    }
    let wordCount = { (body: [String]) in body.reduce(0) { $0 + $1.split(separator: " ").count } }
    guard let memo = messages.max(by: { wordCount($0.body) < wordCount($1.body) }) else {
      return nil
    }
    let headers = memo.headers.map { line -> String in
      guard line.lowercased().hasPrefix("subject:") else { return line }
      var subject = line.dropFirst(8).trimmed
      let tag = "[" + list.lowercased() + "]"
      if subject.lowercased().hasPrefix(tag) { subject = subject.dropFirst(tag.count).trimmed }
      return "Subject: " + subject
    }
    return Array((headers + [""] + memo.body).joined(separator: "\n").utf8)
  }

  /// "Message: 2".
  static func isMessageLine(_ line: String) -> Bool {
    line.hasPrefix("Message: ") && line.dropFirst(9).allSatisfy(\.isNumber)
      && line.utf8.count > 9
  }

  /// A line of dashes between messages.
  static func isSeparator(_ line: String) -> Bool {
    line.utf8.count >= 20 && line.utf8.allSatisfy { $0 == UInt8(ascii: "-") }
  }
}
