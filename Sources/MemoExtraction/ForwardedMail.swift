/// The original message inside a forward, in the languages mail clients write its header
/// block in: Outlook's "Von: … Gesendet: … Betreff: …", Gmail's "---------- Message
/// transféré --------- / De : … / Date : …", Apple Mail's "Begin forwarded message:" with
/// `>`-quoted lines. The memo is the original: its sender, date and subject are the memo's,
/// not the forwarder's.
enum ForwardedMail {
  /// The header block's fields.
  struct Headers: Equatable {
    var from: String?
    var date: String?
    var subject: String?
  }

  enum Key { case from, date, subject, other }

  /// Header names, lower case, as clients write them in English, German, French, Spanish,
  /// Italian, Dutch, Portuguese and the Nordic languages.
  static let keys: [String: Key] = [
    "from": .from, "von": .from, "de": .from, "da": .from, "van": .from, "från": .from,
    "fra": .from, "remitente": .from, "expéditeur": .from,
    "sent": .date, "date": .date, "gesendet": .date, "datum": .date, "envoyé": .date,
    "enviado": .date, "fecha": .date, "inviato": .date, "data": .date, "verzonden": .date,
    "skickat": .date, "sendt": .date, "enviada": .date, "enviado el": .date,
    "subject": .subject, "betreff": .subject, "objet": .subject, "asunto": .subject,
    "oggetto": .subject, "onderwerp": .subject, "assunto": .subject, "ämne": .subject,
    "emne": .subject,
    "to": .other, "an": .other, "à": .other, "a": .other, "para": .other, "aan": .other,
    "till": .other, "til": .other, "cc": .other, "cci": .other, "bcc": .other, "kopie": .other,
    "reply-to": .other, "wichtigkeit": .other, "importance": .other,
  ]

  /// Lines that open a forwarded message (lower case, without the dashes around them).
  static let markers: Set<String> = [
    "forwarded message", "begin forwarded message", "original message", "message transféré",
    "message d'origine", "weitergeleitete nachricht", "ursprüngliche nachricht",
    "mensaje reenviado", "mensaje original", "messaggio inoltrato", "messaggio originale",
    "doorgestuurd bericht", "oorspronkelijk bericht", "mensagem encaminhada",
    "vidarebefordrat meddelande", "videresendt meddelelse",
  ]

  /// Whether a paragraph is a forward marker ("---------- Forwarded message ---------").
  static func isMarker(_ paragraph: String) -> Bool {
    guard paragraph.utf8.count < 80 else { return false }
    let core = paragraph.trimmingCharacters(in: .init(charactersIn: "-_ \t>:\r\n"))
    return markers.contains(core.lowercased())
  }

  /// The header key a line starts with ("Von:", "De :", "> From:"), and where its value
  /// starts; nil when it starts with none.
  static func leadingKey(_ line: Substring) -> (Key, Substring.Index)? {
    let start = line.firstIndex { $0 != " " && $0 != ">" && $0 != "\t" } ?? line.endIndex
    let rest = line[start...]
    guard let colon = rest.prefix(14).firstIndex(of: ":") else { return nil }
    let name = rest[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    guard let key = keys[name] else { return nil }
    return (key, rest.index(after: colon))
  }

  /// The fields of a header block written on one line or several ("Von: A Gesendet: B An: C
  /// Betreff: D"): each known key opens a field that runs to the next key.
  static func fields(_ text: String) -> Headers {
    var headers = Headers()
    // Positions of " Key:" (or " Key :") after a space: the keys that split the line.
    var cuts: [(key: Key, keyStart: String.Index, valueStart: String.Index)] = []
    var index = text.startIndex
    while index < text.endIndex {
      let atStart =
        index == text.startIndex || text[text.index(before: index)] == " "
        || text[text.index(before: index)] == "\n" || text[text.index(before: index)] == ">"
      if atStart, text[index].isLetter, let (key, value) = leadingKey(text[index...]) {
        cuts.append((key, index, value))
        index = value
        continue
      }
      index = text.index(after: index)
    }
    for (position, cut) in cuts.enumerated() {
      let end = position + 1 < cuts.count ? cuts[position + 1].keyStart : text.endIndex
      var value = text[cut.valueStart..<end].trimmed
      // A quoting mark of the line below, not an address's closing bracket.
      while value.hasSuffix(" >") { value = String(value.dropLast(2)).trimmed }
      guard !value.isEmpty else { continue }
      switch cut.key {
      case .from: headers.from = headers.from ?? value
      case .date: headers.date = headers.date ?? value
      case .subject: headers.subject = headers.subject ?? value
      case .other: break
      }
    }
    return headers
  }

  /// The original message's headers among a forward's first paragraphs: a block that opens
  /// with a sender key and names a date or a subject, under a forward marker or (when
  /// `forwarded`, the subject or title said "Fwd:", "WG:" …) anywhere in the first 20
  /// paragraphs. Nil when there is none.
  static func headers(in paragraphs: [String], forwarded: Bool) -> Headers? {
    // Quoting marks go: joined, "> From: A" and "> Subject: B" must not run together.
    let lines = paragraphs.prefix(20).flatMap { paragraph in
      paragraph.split(separator: "\n").map {
        String($0.drop { $0 == ">" || $0 == " " || $0 == "\t" })
      }
    }
    for (index, line) in lines.enumerated() {
      guard let (key, _) = leadingKey(Substring(line)), key == .from else { continue }
      let marked = lines[..<index].suffix(2).contains(where: isMarker)
      guard marked || forwarded else { continue }
      // The block: this line and the key lines under it.
      var block = [line]
      for next in lines[(index + 1)...].prefix(8) {
        guard leadingKey(Substring(next)) != nil else { break }
        block.append(next)
      }
      let found = fields(block.joined(separator: " "))
      if found.from != nil, found.date != nil || found.subject != nil { return found }
    }
    return nil
  }

  /// Weekday names and abbreviations that open a date in mail clients' languages.
  static let weekdays: Set<String> = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "lun", "mar", "mer", "jeu", "ven",
    "sam", "dim", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "mié", "jue", "vie", "sáb", "dom", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "gio", "lunedì", "martedì",
    "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "ma", "wo", "vr", "za", "zo",
  ]

  /// A forwarded header's date ("Dienstag, 3. März 2026 08:12", "mar. 10 févr. 2026 à
  /// 09:30", "Feb 10, 2026, at 9:30 AM") as ISO 8601.
  static func date(_ raw: String) -> String? {
    var words = raw.split(separator: " ")
    // A weekday first ("mar." is Tuesday in French, not March).
    if let first = words.first,
      weekdays.contains(first.lowercased().trimmingCharacters(in: .init(charactersIn: ".,")))
    {
      words.removeFirst()
    }
    if let date = MemoHeaders.memoDate(words.joined(separator: " ")) { return date }
    // The time after the day ("à", "um", "a las", "at", or a bare clock) is left out.
    while words.count > 2 {
      words.removeLast()
      if let date = MemoHeaders.memoDate(words.joined(separator: " ")) { return date }
    }
    return nil
  }
}
