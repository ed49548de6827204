import Foundation

/// RFC 822 email → the message part to read and its headers.
///
/// Handles folded header lines, RFC 2047 encoded-words, nested multipart bodies, and
/// quoted-printable and base64 transfer encodings. Prefers a `text/html` part over `text/plain`.
enum EmailReader {
  struct Message {
    var subject: String?
    var from: String?
    var date: String?
    /// The `Reply-To:` header: the person behind a company mailbox's `From:`, on some mail.
    var replyTo: String? = nil
    /// The chosen body part's bytes, transfer-decoded, and its declared charset.
    var body: [UInt8]
    var charset: String?
    var isHTML: Bool
  }

  struct Part {
    var headers: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    func header(_ name: String) -> String? {
      headers.first { $0.name == name }?.value
    }
  }

  /// How deep `read` follows messages attached to messages (`message/rfc822`).
  static let maxAttachedDepth = 3

  static func read(_ bytes: [UInt8]) -> Message { read(bytes, depth: 0) }

  /// The message, or the one it carries as a `message/rfc822` part when that is the memo: a
  /// forward ("FW:") or a cover note shorter than the attached message.
  static func read(_ bytes: [UInt8], depth: Int) -> Message {
    let top = parsePart(bytes[...])
    var html: Part?
    var plain: Part?
    var attached: Part?
    // Iterative walk over nested multiparts.
    var pending: [Part] = [top]
    var visited = 0
    while let part = pending.popLast(), visited < 1000 {
      visited += 1
      let (type, parameters) = contentType(part.header("content-type"))
      if type == "message/rfc822" {
        if attached == nil, depth < maxAttachedDepth { attached = part }
        continue
      }
      if part.header("content-disposition")?.lowercased().hasPrefix("attachment") == true {
        continue
      }
      if type.hasPrefix("multipart/"), let boundary = parameters["boundary"] {
        pending.append(contentsOf: splitMultipart(part.body, boundary: boundary).reversed())
      } else if type == "text/html" {
        if html == nil { html = part }
      } else if type == "text/plain" || type.isEmpty {
        if plain == nil { plain = part }
      }
    }
    let chosen = html ?? plain ?? Part(headers: [], body: [])
    if let attached {
      let inner = transferDecoded(attached)
      let forwarded = top.header("subject").map { subjectWithoutPrefixes($0).forwarded } ?? false
      if forwarded || chosen.body.count < inner.count {
        let message = read(inner, depth: depth + 1)
        if message.from != nil || message.subject != nil { return message }
      }
    }
    let (_, parameters) = contentType(chosen.header("content-type"))
    let body = transferDecoded(chosen)
    return Message(
      subject: top.header("subject").map(decodeEncodedWords).map(\.collapsingWhitespace),
      from: top.header("from").map(decodeEncodedWords).map(\.collapsingWhitespace),
      date: top.header("date"),
      replyTo: top.header("reply-to").map(decodeEncodedWords).map(\.collapsingWhitespace),
      body: body, charset: parameters["charset"], isHTML: html != nil)
  }

  /// A part's body with its transfer encoding undone.
  static func transferDecoded(_ part: Part) -> [UInt8] {
    switch part.header("content-transfer-encoding")?.lowercased().trimmed ?? "" {
    case "quoted-printable": return decodeQuotedPrintable(part.body)
    case "base64": return decodeBase64(part.body)
    default: return Array(part.body)
    }
  }

  /// Whether bytes look like an email: header lines such as From, Date, Subject, MIME-Version.
  static func looksLikeEmail(_ bytes: [UInt8]) -> Bool {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
    var hits = 0
    for name in ["from:", "to:", "subject:", "date:", "mime-version:", "received:", "message-id:"] {
      if head.hasPrefix(name) || head.contains("\n" + name) { hits += 1 }
    }
    return hits >= 3
      && (head.hasPrefix("from") || head.contains("mime-version:") || head.hasPrefix("received:")
        || head.hasPrefix("return-path:") || head.hasPrefix("subject:") || head.hasPrefix("date:")
        || head.hasPrefix("to:") || head.hasPrefix("message-id:")
        || head.hasPrefix("delivered-to:"))
  }

  // MARK: - Replies and forwards

  /// Subject prefixes that mark a reply or a forward, in English and the common mail-client
  /// translations ("AW", "WG", "SV", "TR", "VS", "RV", "ENC").
  static let replyPrefixes: Set<String> = [
    "re", "fw", "fwd", "aw", "wg", "sv", "tr", "vs", "rv", "enc", "antw",
  ]
  /// The prefixes among `replyPrefixes` that mark a forward.
  static let forwardPrefixes: Set<String> = ["fw", "fwd", "wg", "tr", "rv", "enc", "vs"]

  /// The subject without its reply and forward prefixes ("FW: RE: Plans" → "Plans"), and
  /// whether one of them marked a forward.
  static func subjectWithoutPrefixes(_ subject: String) -> (subject: String, forwarded: Bool) {
    var rest = Substring(subject.trimmed)
    var forwarded = false
    while let colon = rest.firstIndex(of: ":") {
      // "RE[2]:" counts as "RE:".
      let key = rest[..<colon].lowercased()
      let word = String(key.prefix { $0.isLetter })
      guard key.count <= 8, replyPrefixes.contains(word),
        key.count == word.count || key.dropFirst(word.count).hasPrefix("[")
      else { break }
      if forwardPrefixes.contains(word) { forwarded = true }
      rest = Substring(rest[rest.index(after: colon)...].trimmed)
    }
    if let event = invitationEvent(rest) { rest = Substring(event) }
    return (rest.isEmpty ? subject : String(rest), forwarded)
  }

  /// Calendar invitations' subject prefixes, lower case, with their colon.
  static let invitationPrefixes = [
    "updated invitation with note:", "updated invitation:", "invitation:", "einladung:",
    "aktualisierte einladung:", "invitation mise à jour:", "invitación:", "invitación actualizada:",
    "invito:", "convite:", "uitnodiging:", "inbjudan:", "invitasjon:", "invitation :",
  ]

  /// The event a calendar invitation's subject names: "Invitation: Org update @ Thu Dec 3,
  /// 2026 9am - 9:30am (EST) (team@acme.example)" → "Org update". The prefix goes, and so does
  /// the last " @ " with the date after it (it holds a digit); nil for other subjects.
  static func invitationEvent(_ subject: Substring) -> String? {
    let text = String(subject)
    guard text.utf8.count > 12, text.containsBytes(" @ ") else { return nil }
    let lower = text.lowercased()
    guard let prefix = invitationPrefixes.first(where: { lower.hasPrefix($0) }) else {
      return nil
    }
    var rest = String(text.dropFirst(prefix.count)).trimmed
    if let at = rest.range(of: " @ ", options: .backwards),
      rest[at.upperBound...].contains(where: \.isNumber)
    {
      rest = String(rest[..<at.lowerBound]).trimmed
    }
    return rest.isEmpty ? nil : String(rest)
  }

  /// The From, Date and Subject of a message quoted inside another.
  struct QuotedHeaders: Equatable {
    var from: String?
    var date: String?
    var subject: String?
  }

  /// The header lines under the first "-----Original Message-----", "---------- Forwarded
  /// message ---------" or "Begin forwarded message:" line of a body; `forwardedOnly` skips
  /// "Original Message" blocks (in a reply they quote an older message, not this one).
  /// Markup is read as text (tags end lines), so an HTML body's block is found too.
  static func quotedHeaders(in body: String, forwardedOnly: Bool) -> QuotedHeaders? {
    var text = body
    let isMarkup = text.contains("</") || text.range(of: "<br", options: .caseInsensitive) != nil
    if isMarkup {
      text = text.replacingOccurrences(
        of: "<(br|/?div|/?p|/?tr|/?li|/?blockquote)\\b[^>]*>", with: "\n",
        options: [.regularExpression, .caseInsensitive])
      text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
      for (entity, character) in [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&nbsp;", " "), ("&#160;", " "),
        ("&amp;", "&"),
      ] {
        text = text.replacingOccurrences(of: entity, with: character)
      }
    }
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for (index, line) in lines.enumerated() {
      // A reply's attribution line ("On …, Ana Ruiz <ana@…> wrote:") over a quoted memo.
      if line.utf8.last == UInt8(ascii: ":") || line.hasSuffix(":\r"),
        let reply = QuotedReply.headers(lines: lines, at: index)
      {
        return reply
      }
      let marker = line.trimmingCharacters(in: CharacterSet(charactersIn: "-_ \t>:\r"))
        .lowercased()
      let isForward = marker == "forwarded message" || marker == "begin forwarded message"
      // In a reply, an "Original Message" block is the memo only under a short cover note.
      let isOriginal =
        marker == "original message"
        && (!forwardedOnly || QuotedReply.isCoverNote(lines[..<index], over: lines[index...]))
      guard isForward || isOriginal else { continue }
      let headers = headerBlock(lines[(index + 1)...], isMarkup: isMarkup)
      guard headers.from != nil || headers.subject != nil else { return nil }
      // A forward of a forward ("FW: …" in the block): the innermost message is the memo, under
      // the next separator (Outlook's rule of underscores, or another marker).
      if headers.subject.map({ subjectWithoutPrefixes($0).forwarded }) == true,
        let rule = lines[(index + 1)...].prefix(40).firstIndex(where: isSeparator)
      {
        let inner = headerBlock(lines[(rule + 1)...], isMarkup: isMarkup)
        if inner.from != nil { return inner }
      }
      return headers
    }
    return nil
  }

  /// Whether a line separates a quoted message: a rule of ten underscores or more (Outlook's),
  /// or a forward marker.
  static func isSeparator(_ line: Substring) -> Bool {
    let core = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t>\r"))
    if core.count >= 10, core.allSatisfy({ $0 == "_" }) { return true }
    let marker = core.trimmingCharacters(in: CharacterSet(charactersIn: "-_ :")).lowercased()
    return marker == "forwarded message" || marker == "original message"
  }

  /// The header lines at the start of `lines` ("From: …", "Sent: …", "Subject: …"), up to a
  /// blank line (in plain text) or a line without a key.
  static func headerBlock(_ lines: ArraySlice<Substring>, isMarkup: Bool) -> QuotedHeaders {
    var headers = QuotedHeaders()
    var seen = 0
    for next in lines.prefix(12) {
      // Quoting marks ("> From: …") lead; an address's ">" may end the line.
      let entry = next.drop { $0 == " " || $0 == "\t" || $0 == ">" }.trimmed
      if entry.isEmpty {
        if seen > 0 && !isMarkup { break } else { continue }
      }
      guard let colon = entry.firstIndex(of: ":") else { break }
      let key = entry[..<colon].trimmed.lowercased()
      let value = String(entry[entry.index(after: colon)...]).trimmed
      switch key {
      case "from": headers.from = headers.from ?? value
      case "sent", "date": headers.date = headers.date ?? value
      case "subject": headers.subject = headers.subject ?? value
      case "to", "cc", "bcc", "reply-to", "importance": break
      default:
        if seen == 0 { continue }
      }
      seen += 1
    }
    return headers
  }

  /// An RFC 5322 date with the obsolete two-digit year ("3 Feb 26 09:15 GMT", "Tue, 03 Feb 26
  /// 09:15:00 +0000") as ISO 8601: years 00–49 are 2000–2049 and 50–99 are 1950–1999, as
  /// RFC 5322 §4.3 says. Nil for any other form.
  static func twoDigitYearDate(_ raw: String) -> String? {
    var words = raw.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    if let first = words.first, first.first?.isLetter == true { words.removeFirst() }
    guard words.count >= 3, let day = Int(words[0]), words[0].count <= 2,
      words[1].count == 3, words[1].allSatisfy(\.isLetter),
      words[2].count == 2, let short = Int(words[2])
    else { return nil }
    let year = short < 50 ? 2000 + short : 1900 + short
    return DateNormalizer.normalize("\(day) \(words[1]) \(year)")
  }

  // MARK: - Structure

  static func parsePart(_ bytes: ArraySlice<UInt8>) -> Part {
    // Headers end at the first empty line (CRLF CRLF or LF LF).
    var index = bytes.startIndex
    var lineStart = index
    var lines: [String] = []
    var bodyStart = bytes.endIndex
    while index < bytes.endIndex {
      if bytes[index] == 0x0A {
        var lineEnd = index
        if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        if lineEnd == lineStart {
          bodyStart = index + 1
          break
        }
        lines.append(String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
        lineStart = index + 1
      }
      index += 1
    }
    if index >= bytes.endIndex && lineStart < bytes.endIndex {
      lines.append(String(decoding: bytes[lineStart...], as: UTF8.self))
    }
    var headers: [(name: String, value: String)] = []
    for line in lines {
      if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
        headers[headers.count - 1].value += " " + line.trimmed
      } else if let colon = line.firstIndex(of: ":") {
        headers.append(
          (line[..<colon].trimmed.lowercased(), String(line[line.index(after: colon)...]).trimmed))
      }
    }
    return Part(headers: headers, body: bytes[min(bodyStart, bytes.endIndex)...])
  }

  static func contentType(_ value: String?) -> (String, [String: String]) {
    guard let value else { return ("", [:]) }
    let pieces = value.split(separator: ";")
    let type = pieces.first.map { $0.trimmed.lowercased() } ?? ""
    var parameters: [String: String] = [:]
    for piece in pieces.dropFirst() {
      guard let equals = piece.firstIndex(of: "=") else { continue }
      let key = piece[..<equals].trimmed.lowercased()
      let raw = piece[piece.index(after: equals)...].trimmed
      parameters[key] = raw.trimmingCharacters(in: ["\""])
    }
    return (type, parameters)
  }

  static func splitMultipart(_ body: ArraySlice<UInt8>, boundary: String) -> [Part] {
    let delimiter = Array(("--" + boundary).utf8)
    var parts: [Part] = []
    var partStart: Int? = nil
    var lineStart = body.startIndex
    var index = body.startIndex
    while index <= body.endIndex {
      if index == body.endIndex || body[index] == 0x0A {
        let line = body[lineStart..<index]
        if line.starts(with: delimiter) {
          if let start = partStart {
            var end = lineStart
            // Drop the line break before the delimiter.
            if end > start, body[end - 1] == 0x0A { end -= 1 }
            if end > start, body[end - 1] == 0x0D { end -= 1 }
            parts.append(parsePart(body[start..<end]))
          }
          let rest = line.dropFirst(delimiter.count)
          if rest.starts(with: [0x2D, 0x2D]) { return parts }  // Closing "--".
          partStart = min(index + 1, body.endIndex)
        }
        lineStart = index + 1
      }
      index += 1
    }
    if let start = partStart, start < body.endIndex { parts.append(parsePart(body[start...])) }
    return parts
  }

  // MARK: - Transfer encodings

  static func decodeQuotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") {
        // Soft line break: "=" then optional spaces then CRLF or LF.
        var next = index + 1
        while next < bytes.endIndex, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        if next < bytes.endIndex, bytes[next] == 0x0D || bytes[next] == 0x0A {
          if bytes[next] == 0x0D, next + 1 < bytes.endIndex, bytes[next + 1] == 0x0A { next += 1 }
          index = next + 1
          continue
        }
        if next >= bytes.endIndex {
          index = next
          continue
        }
        if index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]),
          let low = hexValue(bytes[index + 2])
        {
          output.append(high << 4 | low)
          index += 3
          continue
        }
      }
      output.append(byte)
      index += 1
    }
    return output
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  static func decodeBase64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    let clean = bytes.filter { !($0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09) }
    var padded = clean
    while padded.count % 4 != 0 { padded.append(UInt8(ascii: "=")) }
    if let data = Data(base64Encoded: Data(padded)) { return Array(data) }
    return Array(bytes)
  }

  // MARK: - RFC 2047

  /// Decodes `=?utf-8?B?...?=` and `=?iso-8859-1?Q?...?=` words; adjacent words join.
  static func decodeEncodedWords(_ value: String) -> String {
    guard value.contains("=?") else { return value }
    var output = ""
    var rest = Substring(value)
    var pendingSpace = ""
    var lastWasEncoded = false
    while !rest.isEmpty {
      if rest.hasPrefix("=?"), let word = encodedWord(rest) {
        if !lastWasEncoded { output += pendingSpace }
        output += word.text
        pendingSpace = ""
        rest = rest[word.end...]
        lastWasEncoded = true
        continue
      }
      let character = rest.removeFirst()
      if character == " " || character == "\t" {
        pendingSpace.append(character)
        continue
      }
      output += pendingSpace
      pendingSpace = ""
      output.append(character)
      lastWasEncoded = false
    }
    return output + pendingSpace
  }

  private static func encodedWord(_ text: Substring) -> (text: String, end: Substring.Index)? {
    // =?charset?encoding?payload?=
    let afterStart = text.index(text.startIndex, offsetBy: 2)
    guard let charsetEnd = text[afterStart...].firstIndex(of: "?") else { return nil }
    let encodingStart = text.index(after: charsetEnd)
    guard encodingStart < text.endIndex,
      text.index(after: encodingStart) < text.endIndex,
      text[text.index(after: encodingStart)] == "?"
    else { return nil }
    let payloadStart = text.index(encodingStart, offsetBy: 2)
    guard let close = text[payloadStart...].range(of: "?=") else { return nil }
    let charset =
      String(text[afterStart..<charsetEnd]).split(separator: "*").first.map(String.init) ?? ""
    let payload = text[payloadStart..<close.lowerBound]
    var bytes: [UInt8]
    switch text[encodingStart] {
    case "B", "b":
      bytes = decodeBase64(Array(payload.utf8)[...])
    case "Q", "q":
      let underscored = payload.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
      bytes = decodeQuotedPrintable(underscored[...])
    default:
      return nil
    }
    let decoded = TextDecoding.decode(bytes, declared: charset, sniffMarkup: false)
    return (decoded.string, close.upperBound)
  }
}
