/// An mbox file read as text: messages one after another, each opened by a separator line
/// ("From ana@acme.example Wed Mar 11 08:02:41 2026", RFC 4155). The memo is the first
/// message; a later one (a delivery report, a reply) is not part of it, nor are the
/// envelope lines the text reader leaves at its top ("Return-Path:", "Status: RO").
enum MboxMessages {
  /// Envelope and mail-store headers, lower case, that an mbox message carries above the
  /// ones the memo readers take.
  static let envelopeHeaders: Set<String> = [
    "return-path", "status", "x-status", "x-mozilla-status", "x-mozilla-status2", "x-uid",
    "x-keywords", "delivered-to", "received", "message-id", "mime-version", "content-type",
    "content-transfer-encoding", "x-mailer", "user-agent", "envelope-to", "x-original-to",
  ]

  /// Whether a line is an mbox separator: "From ", an address without spaces, then a ctime
  /// date ending in a four-digit year.
  static func isSeparator(_ line: String) -> Bool {
    guard line.utf8.count <= 120, line.hasPrefix("From "), !line.hasPrefix("From: ") else {
      return false
    }
    let words = line.split(separator: " ")
    guard words.count >= 6, words[1].contains("@") || words[1] == "MAILER-DAEMON",
      let year = words.last, year.count == 4, year.allSatisfy(\.isNumber)
    else { return false }
    return words.contains { $0.count == 8 && $0.filter { $0 == ":" }.count == 2 }
  }

  /// Whether a paragraph is one envelope header line ("Return-Path: <…>").
  static func isEnvelopeHeader(_ paragraph: String) -> Bool {
    guard paragraph.utf8.count <= 300, let colon = paragraph.firstIndex(of: ":") else {
      return false
    }
    return envelopeHeaders.contains(paragraph[..<colon].lowercased())
  }

  /// The first message's paragraphs, and its company from its signature or its sender's
  /// domain when the memo has none; other memos are left alone.
  static func apply(_ memo: inout Memo) {
    guard let first = memo.paragraphs.first, first.utf8.first == UInt8(ascii: "F"),
      isSeparator(first)
    else { return }
    let sender = first.split(separator: " ")[1]
    var paragraphs = memo.paragraphs.dropFirst().drop(while: isEnvelopeHeader)
    if let next = paragraphs.firstIndex(where: isSeparator) {
      paragraphs = paragraphs[..<next]
    }
    guard !paragraphs.isEmpty else { return }
    memo.paragraphs = Array(paragraphs)
    let weak = memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? "")
    guard weak else { return }
    if let company = BodyEvidence.signatureCompany(memo.paragraphs) {
      (memo.company, memo.companySource) = (company, "signature")
    } else if let company = MemoHeaders.companyFromDomain(
      String(sender), text: [memo.title ?? ""] + memo.paragraphs)
    {
      (memo.company, memo.companySource) = (company, "email-address")
    }
  }
}
