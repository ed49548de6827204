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
    "verzonden": .sent, "skickat": .sent, "sendt": .sent,
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
}
