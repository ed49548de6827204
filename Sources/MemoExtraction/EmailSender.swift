/// Who sent a mail when its `From:` display name is not simply the person: a Lotus Notes
/// canonical name ("CN=Halvard Brekke/OU=Exec/O=Tindrel"), or a company mailbox
/// ("Acme Coffee <office@acme.example>") while the memo is signed by a person.
enum EmailSender {
  /// A Notes canonical name's person and organization: "CN=Ana Ruiz/OU=Exec/O=Acme" →
  /// ("Ana Ruiz", "Acme"); nil for any other display name. Read on bytes: only a name
  /// opening with "CN=" is split.
  static func notesCanonicalName(_ name: String) -> (person: String, organization: String?)? {
    let bytes = Array(name.utf8.prefix(3))
    guard bytes.count == 3, bytes[0] | 0x20 == UInt8(ascii: "c"),
      bytes[1] | 0x20 == UInt8(ascii: "n"), bytes[2] == UInt8(ascii: "="),
      name.contains("/")
    else { return nil }
    var person: String?
    var organization: String?
    for part in name.split(separator: "/") {
      guard let equals = part.firstIndex(of: "=") else { continue }
      let key = part[..<equals].trimmed.uppercased()
      let value = part[part.index(after: equals)...].trimmed
      guard !value.isEmpty else { continue }
      if key == "CN" { person = value }
      if key == "O" { organization = value }
    }
    guard let person else { return nil }
    return (person, organization)
  }

  /// Whether a `From:` display name is the company rather than a person: its first word is
  /// the second-level label of its own address's domain ("Marrowgate Coffee Roasters
  /// <office@marrowgate.example>"), it has two words or more, and it is not the address's
  /// local part spelled out (as "Marrowgate Smith <marrowgate.smith@…>" would be).
  static func isCompanyMailbox(name: String, address: String) -> Bool {
    guard let at = address.lastIndex(of: "@") else { return false }
    let local = address[..<at].lowercased()
    let labels = address[address.index(after: at)...].lowercased().split(separator: ".")
    guard labels.count >= 2 else { return false }
    // "acme.co.uk": the label before a two-letter country code under a short second level.
    var label = labels[labels.count - 2]
    if labels.count >= 3, labels[labels.count - 1].count == 2, label.count <= 3 {
      label = labels[labels.count - 3]
    }
    let words = name.split(separator: " ")
    guard words.count >= 2, label.count >= 3,
      let first = words.first?.lowercased(), first == label
    else { return false }
    return !local.contains(words[1].lowercased())
  }

  /// The person who signs under a company mailbox's message, named in full from the memo's
  /// text ("Celestine" → "Celestine Abara-Lindqvist"): a sign-off (`MemoHeaders.signOff`), or
  /// a name line over a role line that is a job title or names the mailbox ("Celestine" /
  /// "Owner, Marrowgate Coffee Roasters"). Nil when none signs or the signer is no person.
  static func signer(_ paragraphs: [String], title: String?, mailbox: String = "") -> String? {
    // A reply's quoted message below ("On …, Ana wrote:", "> …") is not where it is signed.
    let end =
      paragraphs.firstIndex {
        $0.utf8.first == UInt8(ascii: ">") || isAttribution($0)
      } ?? paragraphs.endIndex
    let own = Array(paragraphs[..<end])
    let lines = own.suffix(3).flatMap { $0.split(separator: "\n").map { $0.trimmed } }
    var found = MemoHeaders.signOff(own)
    if found == nil, lines.count >= 2 {
      let (name, role) = (lines[lines.count - 2], lines[lines.count - 1])
      let namesMailbox = !mailbox.isEmpty && role.hasSuffix(mailbox) && role.contains(",")
      if role.utf8.count <= 120, namesMailbox || MemoHeaders.isJobTitle(role) { found = name }
    }
    guard let signer = found, !MemoHeaders.isOrganizationName(signer),
      MemoHeaders.looksLikeName(signer), signer.first?.isUppercase == true
    else { return nil }
    return MemoInStory.fullName(signer, in: [title ?? ""] + paragraphs)
  }

  /// Endings of a reply's attribution line, lower case ("On 17/03/2026, Ana Ruiz wrote:").
  static let attributionEndings = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:"]

  /// Whether a paragraph is a reply's attribution line: short, ending as one does.
  static func isAttribution(_ paragraph: String) -> Bool {
    guard paragraph.utf8.count <= 200, paragraph.utf8.last == UInt8(ascii: ":") else {
      return false
    }
    let lower = paragraph.lowercased()
    return attributionEndings.contains { lower.hasSuffix($0) }
  }

  /// The person and the list of a mailing list's relayed sender: Google Groups writes
  /// "'Ana Ruiz' via All Staff" (quotes optional) as the display name of the list's address.
  /// Nil for any other name (most have no " via " at all).
  static func listRelay(_ name: String) -> (person: String, list: String)? {
    guard let range = Substring(name).firstByteRange(of: " via ") else { return nil }
    let person = String(name[..<range.lowerBound]).trimmingCharacters(
      in: .init(charactersIn: "'\" "))
    let list = String(name[range.upperBound...]).trimmingCharacters(in: .init(charactersIn: "'\" "))
    guard !person.isEmpty, !list.isEmpty, MemoHeaders.looksLikeName(person) else { return nil }
    return (person, list)
  }

  /// A subject without the list's own tag ("[All Staff] Support team changes" → "Support
  /// team changes" when the list is "All Staff"); unchanged otherwise.
  static func withoutListTag(_ subject: String, list: String) -> String {
    let tag = "[" + list + "]"
    guard subject.count > tag.count, subject.lowercased().hasPrefix(tag.lowercased()) else {
      return subject
    }
    return String(subject.dropFirst(tag.count)).trimmed
  }
}
