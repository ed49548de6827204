/// A reply that quotes a memo under a short cover note ("Thanks, Gwen. One question …" over
/// "On Tue, 17 Feb 2026 at 16:05, Gwen Marsh <gwen@…> wrote:" and the memo in `>` lines): the
/// memo is the quoted message, so its sender and date are the memo's. A reply that says more
/// than it quotes is its own message, and its attribution line is left alone.
enum QuotedReply {
  /// Most words a reply may have above the quote and still be a cover note. Calibration: a
  /// forwarding or thanking note runs one to three sentences (10–50 words); a reply that
  /// answers point by point runs longer.
  static let coverMaxWords = 60
  /// Fewest words the quoted message needs to be a memo rather than a one-line exchange.
  static let quotedMinWords = 25

  /// An attribution line's shape in a mail client's language: the word it opens with, the
  /// verb that ends it, and whether the sender's name follows the verb ("Am …, schrieb Ana
  /// Ruiz <…>:") rather than coming before it ("On …, Ana Ruiz <…> wrote:"). These are facts
  /// of each client's translation; the table is kept here alone.
  static let attributions: [(open: String, verb: String, nameAfterVerb: Bool)] = [
    ("On ", " wrote:", false), ("Le ", " a écrit :", false), ("Le ", " a écrit:", false),
    ("El ", " escribió:", false), ("Em ", " escreveu:", false), ("Il ", " ha scritto:", false),
    ("Am ", " schrieb ", true), ("Op ", " schreef ", true), ("Den ", " skrev ", true),
  ]

  /// The quoted memo's sender, date (ISO 8601) and subject when `lines[index]` (or it joined
  /// to the line above, as clients wrap a long attribution) is an attribution line under a
  /// cover note; nil otherwise.
  static func headers(lines: [Substring], at index: Int) -> EmailReader.QuotedHeaders? {
    let line = lines[index].trimmed
    guard line.utf8.count <= 300 else { return nil }
    var candidates = [line]
    if index > 0 { candidates.append(lines[index - 1].trimmed + " " + line) }
    for text in candidates {
      guard let (from, dateText) = attribution(text) else { continue }
      let start = text == line ? index : index - 1
      guard isCoverNote(lines[..<start], over: lines[(index + 1)...]) else { return nil }
      var headers = EmailReader.QuotedHeaders(from: from)
      headers.date = dateText.flatMap(ForwardedMail.date)
      // The quoted message may open with its own header lines ("> Subject: …").
      for next in lines[(index + 1)...].prefix(6) {
        let entry = next.drop { $0 == " " || $0 == "\t" || $0 == ">" }.trimmed
        if entry.lowercased().hasPrefix("subject:") {
          headers.subject = String(entry.dropFirst(8)).trimmed
        }
      }
      return headers
    }
    return nil
  }

  /// The sender ("Ana Ruiz <ana@…>") and the date text of an attribution line.
  static func attribution(_ text: String) -> (from: String, date: String?)? {
    for form in attributions where text.hasPrefix(form.open) {
      let body = text.dropFirst(form.open.count)
      if form.nameAfterVerb {
        guard text.hasSuffix(":"), let verb = body.range(of: form.verb) else { continue }
        let from = body[verb.upperBound...].dropLast().trimmed
        let date = body[..<verb.lowerBound].trimmed
        guard isSender(from) else { continue }
        return (from, date.isEmpty ? nil : date)
      }
      guard body.hasSuffix(form.verb) else { continue }
      let inner = body.dropLast(form.verb.count)
      // The name runs from the last comma before the address (or the end) back.
      let nameEnd = inner.firstIndex(of: "<") ?? inner.endIndex
      let comma = inner[..<nameEnd].lastIndex(of: ",")
      let nameStart = comma.map { inner.index(after: $0) } ?? inner.startIndex
      let from = inner[nameStart...].trimmed
      let date = comma.map { inner[..<$0].trimmed } ?? ""
      guard isSender(from) else { continue }
      return (from, date.isEmpty ? nil : date)
    }
    return nil
  }

  /// Whether a sender is a name or an address, not a clause ("On balance, we wrote:").
  static func isSender(_ from: String) -> Bool {
    guard !from.isEmpty, from.utf8.count <= 120 else { return false }
    if from.contains("@") { return true }
    let words = from.split(separator: " ")
    return (1...5).contains(words.count)
      && words.allSatisfy { $0.first?.isUppercase == true || $0.first == "\"" }
  }

  /// Whether the text above a quote is a cover note for it: at most `coverMaxWords` words, and
  /// no more than the quote (its `>` lines when it has them), which has `quotedMinWords`.
  static func isCoverNote(_ above: ArraySlice<Substring>, over below: ArraySlice<Substring>)
    -> Bool
  {
    let cover = wordCount(above)
    guard cover <= coverMaxWords else { return false }
    let quotedLines = below.filter { $0.first == ">" }
    // The quote's own header lines ("From: …", "> Subject: …") are not its words.
    let text = (quotedLines.isEmpty ? below : quotedLines[...]).filter {
      ForwardedMail.leadingKey($0) == nil
    }
    let quoted = wordCount(text[...])
    return quoted >= quotedMinWords && quoted >= cover
  }

  static func wordCount(_ lines: ArraySlice<Substring>) -> Int {
    var count = 0
    for line in lines {
      count +=
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).filter {
          $0 != ">"
        }.count
    }
    return count
  }
}
