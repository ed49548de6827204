/// Memo header blocks written in other languages: "Kepada : … / Daripada : … / Tarikh : … /
/// Perkara : …" (Malay), "Kutoka: … / Kwa: … / Tarehe: …" (Swahili), "An: … / Von: … /
/// Datum: … / Betreff: …" (German) and the like. `MemoHeaders.split` reads English keys on
/// every memo's first lines; this reader runs only when it found no block, and turns a
/// paragraph away on its first bytes unless a key of the table stands before a colon there.
/// Plain text often joins such lines into one paragraph, so a block is cut at each key it
/// holds, as `ForwardedMail.fields` cuts a forward's header line.
///
/// The key table is a fact of each language; it is kept here alone.
extension MemoHeaders {
  /// Header keys in lower case and their fields. English keys are listed too, for blocks that
  /// mix them ("Date:" is also French); a block must hold at least one key that is not English.
  static let otherLanguageFields: [String: Field] = [
    // English (mixed blocks only).
    "to": .to, "from": .from, "date": .date, "subject": .subject, "cc": .cc,
    // German.
    "an": .to, "von": .from, "datum": .date, "betreff": .subject,
    // French.
    "à": .to, "de": .from, "objet": .subject,
    // Spanish and Portuguese.
    "para": .to, "fecha": .date, "asunto": .subject, "data": .date, "assunto": .subject,
    // Italian.
    "a": .to, "da": .from, "oggetto": .subject,
    // Dutch.
    "aan": .to, "van": .from, "onderwerp": .subject,
    // Malay and Indonesian.
    "kepada": .to, "daripada": .from, "dari": .from, "tarikh": .date, "tanggal": .date,
    "perkara": .subject, "perihal": .subject,
    // Swahili.
    "kwa": .to, "kutoka": .from, "tarehe": .date, "kuhusu": .subject,
    // A document tool's page properties (Notion's Markdown export: "Created: … Created by:
    // … Last edited: … Status: Sent"): the creation is the memo's, an edit is not.
    "created": .date, "created by": .from, "last edited": .cc, "last edited by": .cc,
    "status": .cc, "tags": .cc,
    // A mail client's "sent" key marks a forwarded message's block, which `ForwardedMail`
    // reads from the paragraphs: such a block is left there.
    "sent": .sent, "gesendet": .sent, "envoyé": .sent, "enviado": .sent, "inviato": .sent,
    "verzonden": .sent, "skickat": .sent, "sendt": .sent, "enviada": .sent,
  ]

  /// The English keys of `otherLanguageFields`, which alone never make a block.
  static let englishKeys: Set<String> = ["to", "from", "date", "subject", "cc", "sent"]

  /// The longest key of `otherLanguageFields` in UTF-8 bytes, with room for spaces before
  /// the colon ("Tarikh :"); a colon further into a paragraph ends no key.
  static let otherKeyReach = 16

  /// The key a paragraph or a word starting at `start` opens with, read on its bytes: letters
  /// up to `otherKeyReach` bytes, spaces, then a colon. Nil when the bytes there are no key
  /// of `otherLanguageFields`; else the key and the offset after its colon.
  static func otherLanguageKey(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int)
    -> (key: String, valueStart: Int)?
  {
    var index = start
    let limit = min(bytes.count, start + otherKeyReach)
    // A key's letters: ASCII letters or any non-ASCII byte ("à"), words joined by single
    // spaces ("Created by"); the first byte must be a letter.
    var keyEnd = start
    while index < limit {
      let byte = bytes[index]
      if byte == 0x20 {
        index += 1
        continue
      }
      guard byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) else { break }
      index += 1
      keyEnd = index
    }
    guard keyEnd > start, bytes[start] != 0x20 else { return nil }
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
    let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<keyEnd]), as: UTF8.self)
      .lowercased()
    guard otherLanguageFields[key] != nil else { return nil }
    return (key, index + 1)
  }

  /// The header block of another language among the first paragraphs, and the paragraphs
  /// without it; nil when there is none. A block is a run of paragraphs that each open with a
  /// key, holding at least two fields, a sender or a subject among them, and a key that is
  /// not one of the English memo keys (`englishKeys`).
  ///
  /// - Complexity: the first `otherLanguageParagraphs` paragraphs' first bytes; a block's
  ///   paragraphs are read whole once.
  static func otherLanguageSplit(_ paragraphs: [String]) -> (headers: MemoHeaders, body: [String])?
  {
    var start = -1
    var end = -1
    for (index, paragraph) in paragraphs.prefix(otherLanguageParagraphs).enumerated() {
      var copy = paragraph
      let opens = copy.withUTF8 { otherLanguageKey($0, at: 0) != nil }
      if opens {
        if start < 0 { start = index }
        end = index
      } else if start >= 0 {
        break
      }
    }
    // A forward's block under its marker ("---------- Message transféré ---------") is the
    // quoted message's, read by `ForwardedMail`.
    guard start >= 0, !paragraphs[..<start].suffix(2).contains(where: ForwardedMail.isMarker)
    else { return nil }
    var headers = MemoHeaders()
    var keys = Set<String>()
    for paragraph in paragraphs[start...end] {
      for (key, value) in otherLanguageFieldValues(paragraph) {
        keys.insert(key)
        switch otherLanguageFields[key] {
        case .from?:
          headers.from = headers.from ?? senderName(value)
          headers.fromAddress = headers.fromAddress ?? emailAddress(value)
        case .subject?: headers.subject = headers.subject ?? value
        case .date?: headers.date = headers.date ?? value
        case .to?: headers.company = headers.company ?? companyInAudience(value)
        case .cc?, .sent?, nil: break
        }
      }
    }
    let fields = Set(keys.compactMap { otherLanguageFields[$0] })
    guard fields.count >= 2, fields.contains(.from) || fields.contains(.subject),
      !fields.contains(.sent),
      !keys.isSubset(of: englishKeys)
    else { return nil }
    var body = paragraphs
    body.removeSubrange(start...end)
    return (headers, body)
  }

  /// Paragraphs searched for another language's header block. Calibration: a label line
  /// ("MEMO DALAMAN") and a heading may stand above the block, as in the fixtures.
  static let otherLanguageParagraphs = 6

  /// A block's keys and values: each key after a space opens a field that runs to the next.
  static func otherLanguageFieldValues(_ text: String) -> [(key: String, value: String)] {
    var copy = text
    return copy.withUTF8 { bytes in
      var cuts: [(key: String, keyStart: Int, valueStart: Int)] = []
      var index = 0
      while index < bytes.count {
        if index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x0A,
          let (key, valueStart) = otherLanguageKey(bytes, at: index)
        {
          cuts.append((key, index, valueStart))
          index = valueStart
          continue
        }
        index += 1
      }
      return cuts.enumerated().compactMap { position, cut in
        let end = position + 1 < cuts.count ? cuts[position + 1].keyStart : bytes.count
        let value = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[cut.valueStart..<end]), as: UTF8.self
        ).trimmed
        return value.isEmpty ? nil : (cut.key, value)
      }
    }
  }

  /// The company an audience line of any language names by its capitalized last words:
  /// "Semua kakitangan Cempaka Ria Logistik Sdn. Bhd." → "Cempaka Ria Logistik", "Alle
  /// Mitarbeitenden der Brenner Werke GmbH" → "Brenner Werke". Nil when every word is
  /// capitalized ("Alle Mitarbeiter", German nouns) or none at the end is.
  static func companyInAudience(_ value: String) -> String? {
    if let english = companyAddressed(value) { return english }
    let words = value.split(separator: " ")
    var first = words.count
    while first > 0, words.count - first < 6,
      let initial = words[first - 1].first, initial.isUppercase || words[first - 1] == "&"
    {
      first -= 1
    }
    guard first > 0, first < words.count else { return nil }
    let name = CompanyNames.withoutLegalForm(words[first...].joined(separator: " "))
      .trimmingScalars { $0 == "," || $0 == "." || $0 == " " }
    return name.contains(where: \.isLowercase) ? name : nil
  }

  /// A header block laid out as keys and values on paragraphs of their own ("To" / "All Acme
  /// staff" / "From" / "Ana Ruiz, CEO": a two-column table's cells), read as "Key: value"
  /// lines; nil unless two such pairs or more follow each other among the first paragraphs.
  static func pairedSplit(_ paragraphs: [String]) -> (headers: MemoHeaders, body: [String])? {
    var start = -1
    var end = -1
    var lines: [String] = []
    var index = 0
    while index + 1 < min(paragraphs.count, otherLanguageParagraphs * 2 + 2) {
      // A row read with its cells joined: "To | All Acme staff".
      if let row = keyedRow(paragraphs[index]) {
        if start < 0 { start = index }
        lines.append(row)
        end = index
        index += 1
        continue
      }
      if let key = keyAlone(paragraphs[index]) {
        // A key whose value cell was read apart (a date taken as the page's) stands empty.
        if keyAlone(paragraphs[index + 1]) != nil, start >= 0 {
          index += 1
          continue
        }
        if keyAlone(paragraphs[index + 1]) == nil {
          if start < 0 { start = index }
          lines.append(key + ": " + paragraphs[index + 1])
          end = index + 1
          index += 2
          continue
        }
      }
      if start >= 0 { break }
      index += 1
    }
    guard lines.count >= 2 else { return nil }
    let (headers, rest) = split(lines)
    guard rest.isEmpty, headers.from != nil || headers.subject != nil else { return nil }
    var body = paragraphs
    body.removeSubrange(start...end)
    return (headers, body)
  }

  /// A table row read as "Key | value" ("From | Ana Ruiz, CEO") as "Key: value"; nil for any
  /// other paragraph (found on its bytes: a " | " within a key's reach).
  static func keyedRow(_ paragraph: String) -> String? {
    // Most paragraphs have no bar within a key's reach: turned away by `memchr`, unread.
    guard paragraph.firstUTF8Index(of: UInt8(ascii: "|"), within: otherKeyReach + 3) != nil
    else { return nil }
    let head = Array(paragraph.utf8.prefix(otherKeyReach + 3))
    guard head.count >= 4,
      let bar = (1..<(head.count - 2)).first(where: {
        head[$0] == 0x7C && head[$0 - 1] == 0x20 && head[$0 + 1] == 0x20
      }),
      case let key = String(decoding: head[..<(bar - 1)], as: UTF8.self),
      let known = keyAlone(key)
    else { return nil }
    let keyEnd = bar - 1
    let value = String(decoding: paragraph.utf8.dropFirst(keyEnd + 3), as: UTF8.self).trimmed
    return value.isEmpty || value.contains(" | ") ? nil : known + ": " + value
  }

  /// A paragraph that is a header key alone ("From", "Re", "Datum:"), as written; nil for any
  /// other. Read on its length first: most paragraphs are longer than any key.
  static func keyAlone(_ paragraph: String) -> String? {
    guard paragraph.utf8.count <= otherKeyReach + 1 else { return nil }
    // Every key, English or not, opens with a letter and holds no comma: a list item ("- cut",
    // "1. …"), a number or a salutation ("Team,") is turned away on its bytes.
    let opensWithLetter = paragraph.withUTF8Bytes { bytes in
      guard let first = bytes.first(where: { $0 != 0x20 && ($0 < 0x09 || $0 > 0x0D) }) else {
        return false
      }
      return first >= 0x80 || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A)
    }
    guard opensWithLetter, !paragraph.containsByte(UInt8(ascii: ",")) else { return nil }
    var key = paragraph.trimmed
    if key.hasSuffix(":") { key.removeLast() }
    guard !key.isEmpty, !key.contains(":") else { return nil }
    let lower = key.lowercased()
    return otherLanguageFields[lower] != nil || headerField(key + ": x") != nil ? key : nil
  }
}
