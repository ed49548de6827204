/// A memo as extracted from one input document: its body paragraphs and metadata.
///
/// This is the contract between extraction and every later stage, and its JSON form (see
/// README, "Extraction schema") is what `memoscope extract --format jsonl` prints.
public struct Memo: Sendable, Codable, Equatable, Hashable {
  /// The path of the input document, as given on the command line or found in a folder.
  public var source: String
  /// The memo's title or subject line, when known.
  public var title: String?
  /// The memo's author (a person or "company statement"), when known.
  public var author: String?
  /// The memo's date as ISO 8601 `YYYY-MM-DD`, when known.
  public var date: String?
  /// The company the memo is from, when known.
  public var company: String?
  /// The memo body, one string per paragraph or list item, in reading order.
  public var paragraphs: [String]
  /// What the input bytes were decoded as, e.g. `utf-8`, `windows-1252`, `utf-16le`.
  public var encoding: String
  /// True when the memo was found quoted inside a news story rather than published on its own.
  public var quoted: Bool
  /// The story's own paragraphs when `quoted` is true; empty otherwise.
  public var commentary: [String]
  /// The input format the memo was read from.
  public var format: InputFormat
  /// Where `title` came from (`memo-header`, `json-ld`, `meta`, `headline`, `title`,
  /// `first-line`, `front-matter`, `email-header`), or nil when `title` is nil.
  public var titleSource: String?
  /// Where `author` came from (`memo-header`, `json-ld`, `meta`, `byline`, `signature`,
  /// `front-matter`, `email-header`), or nil.
  public var authorSource: String?
  /// Where `date` came from (`memo-header`, `json-ld`, `meta`, `time`, `dateline`,
  /// `front-matter`, `email-header`, and `json-ld-modified`/`meta-modified` for a page's
  /// modified date), or nil.
  public var dateSource: String?
  /// Where `company` came from (`memo-header`, `letterhead`, `signature`, `release`,
  /// `json-ld`, `meta`, `title`, `email-address`, `body`, `front-matter`), or nil.
  public var companySource: String?
  /// The page's own address (`<link rel="canonical">`, `og:url`, JSON-LD `url`, `<base href>`),
  /// absolute `http`/`https` only, as the page gives it; nil for other inputs or when the page
  /// names none.
  public var url: String?

  /// Creates a memo.
  public init(
    source: String, title: String? = nil, author: String? = nil, date: String? = nil,
    company: String? = nil, paragraphs: [String], encoding: String = "utf-8",
    quoted: Bool = false, commentary: [String] = [], format: InputFormat = .text,
    titleSource: String? = nil, authorSource: String? = nil, dateSource: String? = nil,
    companySource: String? = nil, url: String? = nil
  ) {
    self.source = source
    self.title = title
    self.author = author
    self.date = date
    self.company = company
    self.paragraphs = paragraphs
    self.encoding = encoding
    self.quoted = quoted
    self.commentary = commentary
    self.format = format
    self.titleSource = titleSource
    self.authorSource = authorSource
    self.dateSource = dateSource
    self.companySource = companySource
    self.url = url
  }

  private enum CodingKeys: String, CodingKey {
    case source, title, author, date, company, paragraphs, encoding, quoted, commentary, format
    case titleSource, authorSource, dateSource, companySource, url
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    source = try container.decode(String.self, forKey: .source)
    title = try container.decodeIfPresent(String.self, forKey: .title)
    author = try container.decodeIfPresent(String.self, forKey: .author)
    date = try container.decodeIfPresent(String.self, forKey: .date)
    company = try container.decodeIfPresent(String.self, forKey: .company)
    paragraphs = try container.decode([String].self, forKey: .paragraphs)
    encoding = try container.decodeIfPresent(String.self, forKey: .encoding) ?? "utf-8"
    quoted = try container.decodeIfPresent(Bool.self, forKey: .quoted) ?? false
    commentary = try container.decodeIfPresent([String].self, forKey: .commentary) ?? []
    format = try container.decodeIfPresent(InputFormat.self, forKey: .format) ?? .text
    titleSource = try container.decodeIfPresent(String.self, forKey: .titleSource)
    authorSource = try container.decodeIfPresent(String.self, forKey: .authorSource)
    dateSource = try container.decodeIfPresent(String.self, forKey: .dateSource)
    companySource = try container.decodeIfPresent(String.self, forKey: .companySource)
    url = try container.decodeIfPresent(String.self, forKey: .url)
  }

  /// Encodes every key, writing `null` for unknown metadata so the schema is stable.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(title, forKey: .title)
    try container.encode(author, forKey: .author)
    try container.encode(date, forKey: .date)
    try container.encode(company, forKey: .company)
    try container.encode(paragraphs, forKey: .paragraphs)
    try container.encode(encoding, forKey: .encoding)
    try container.encode(quoted, forKey: .quoted)
    try container.encode(commentary, forKey: .commentary)
    try container.encode(format, forKey: .format)
    try container.encode(titleSource, forKey: .titleSource)
    try container.encode(authorSource, forKey: .authorSource)
    try container.encode(dateSource, forKey: .dateSource)
    try container.encode(companySource, forKey: .companySource)
    try container.encode(url, forKey: .url)
  }

  /// The body as one string, paragraphs separated by blank lines.
  public var body: String { paragraphs.joined(separator: "\n\n") }
}

/// The kinds of input document Memoscope reads.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
  /// An HTML page (`.html`, `.htm`, `.xhtml`).
  case html
  /// Plain text (`.txt`): paragraphs split on blank lines.
  case text
  /// Markdown (`.md`, `.markdown`): paragraphs split on blank lines, markup removed.
  case markdown
  /// An RFC 822 email (`.eml`).
  case email
  /// A JSON Lines file written by `memoscope extract --format jsonl`: one memo per line.
  case jsonl
}
