import CLibXML2
import Foundation
@_exported import MemoCore

/// Limits and choices for extraction.
public struct ExtractionOptions: Sendable, Equatable {
  /// Files larger than this many bytes are refused (after decompressing `.gz`).
  public var maxFileSize: Int

  /// The default limit, 50 MB.
  public static let defaultMaxFileSize = 50 * 1024 * 1024

  /// Whether plain text and plain-text email look for the author in the memo's closing lines
  /// (a sign-off, or a name over a job title). Off, `author` comes only from headers, front
  /// matter and bylines and every other field is the same: `cluster`, which never prints
  /// authors, turns it off (a twentieth of clustering a folder of `.txt` memos).
  public var findsSignOffAuthor: Bool

  /// Creates options.
  public init(
    maxFileSize: Int = ExtractionOptions.defaultMaxFileSize, findsSignOffAuthor: Bool = true
  ) {
    self.maxFileSize = maxFileSize
    self.findsSignOffAuthor = findsSignOffAuthor
  }
}

/// Turns one input document (HTML page, text, Markdown or email) into a `Memo`.
///
/// The format comes from the file extension (`.html`, `.htm`, `.txt`, `.md`, `.eml`, and any of
/// them with `.gz`), or from the bytes when the extension is unknown. Binary files (PDF, images,
/// archives) are refused with an error naming the kind. Safe to use from many threads at once.
public struct MemoExtractor: Sendable {
  /// The limits in force.
  public var options: ExtractionOptions

  /// Creates an extractor.
  public init(options: ExtractionOptions = ExtractionOptions()) {
    self.options = options
  }

  /// Reads and extracts the file at `path`; `path` becomes the memo's `source`.
  ///
  /// - Throws: `ExtractionError` naming the path: missing, unreadable, too large, empty,
  ///   binary, or without text.
  public func extract(fileAt path: String) throws(ExtractionError) -> Memo {
    let bytes = try FileReader.read(path: path, limit: options.maxFileSize)
    return try extract(bytes: bytes, source: path)
  }

  /// Extracts a memo from bytes already in memory.
  ///
  /// - Parameters:
  ///   - bytes: The document's bytes, in any encoding.
  ///   - source: The path or name to report in the memo and in errors; its extension chooses
  ///     the format unless `format` is given.
  ///   - format: Forces a format instead of looking at the extension and the bytes.
  /// - Throws: `ExtractionError` naming `source`.
  public func extract(
    bytes: [UInt8], source: String, format: InputFormat? = nil
  ) throws(ExtractionError) -> Memo {
    guard bytes.count <= options.maxFileSize else {
      throw .tooLarge(path: source, size: bytes.count, limit: options.maxFileSize)
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .emptyFile(path: source)
    }
    if let kind = FormatSniffer.binaryKind(bytes) { throw .binary(path: source, kind: kind) }
    let chosen = format ?? FormatSniffer.format(path: source, bytes: bytes)
    var memo: Memo
    switch chosen {
    case .html: memo = try readHTML(bytes, source: source)
    case .email: memo = try readEmail(bytes, source: source)
    case .markdown, .text, .jsonl: memo = try readPlain(bytes, source: source, format: chosen)
    }
    memo = MemoRefinement.refined(memo, findsSignOffAuthor: options.findsSignOffAuthor)
    if memo.paragraphs.isEmpty { throw .noText(path: source) }
    return memo
  }

  // MARK: - Formats

  private func readHTML(_ bytes: [UInt8], source: String) throws(ExtractionError) -> Memo {
    let decoded = try Self.decode(bytes, declared: nil, sniffMarkup: true, source: source)
    var content = try HTMLReader.read(utf8: decoded.utf8, path: source, mode: .webPage)
    // A viewer's shell around a memo in an `<iframe srcdoc>`: the framed document is the memo.
    if content.hasInlineFrame, InlineFrameDocument.mayBeShell(content),
      let framed = InlineFrameDocument.document(in: decoded.utf8),
      let inner = try? HTMLReader.read(utf8: framed, path: source, mode: .webPage),
      InlineFrameDocument.isLonger(inner, than: content)
    {
      content = inner
    }
    return MemoAssembler.assemble(
      html: content, source: source, encoding: decoded.encoding, format: .html
    ).withPageURL(decoded.utf8)
  }

  private func readEmail(_ bytes: [UInt8], source: String) throws(ExtractionError) -> Memo {
    let message = EmailReader.read(bytes)
    let decoded = try Self.decode(
      message.body, declared: message.charset, sniffMarkup: message.isHTML, source: source)
    var memo: Memo
    if message.isHTML {
      let content = try HTMLReader.read(utf8: decoded.utf8, path: source, mode: .email)
      memo = MemoAssembler.assemble(
        html: content, source: source, encoding: decoded.encoding, format: .email)
    } else {
      let content = PlainTextReader.readText(utf8: decoded.utf8, topMatter: false)
      memo = MemoAssembler.assemble(
        paragraphs: content.paragraphs, title: nil, source: source, encoding: decoded.encoding,
        format: .email, findsSignOffAuthor: options.findsSignOffAuthor)
    }
    // A forward's memo is the message it quotes: its From, Date and Subject are the memo's.
    let subject = message.subject.map(EmailReader.subjectWithoutPrefixes)
    let quoted = EmailReader.quotedHeaders(
      in: decoded.string, forwardedOnly: subject?.forwarded != true)
    let quotedSubject = quoted?.subject.map { EmailReader.subjectWithoutPrefixes($0).subject }
    if let title = quotedSubject ?? subject?.subject, !title.isEmpty {
      (memo.title, memo.titleSource) = (title, "email-header")
    }
    let sender = quoted?.from ?? message.from
    var mailboxCompany: String?
    // A mailbox such as "Acme Communications" sends for the person who signs the memo.
    if let from = sender, var name = MemoHeaders.senderName(from),
      !(MemoHeaders.isOrganizationName(name) && memo.authorSource == "signature")
    {
      // "CN=Ana Ruiz/OU=Exec/O=Acme": the person of a Notes canonical name.
      if let notes = EmailSender.notesCanonicalName(name) { name = notes.person }
      // "'Ana Ruiz' via All Staff": a list relays Ana's mail, and tags its subject.
      if let relay = EmailSender.listRelay(name) {
        name = relay.person
        if memo.titleSource == "email-header", let title = memo.title {
          memo.title = EmailSender.withoutListTag(title, list: relay.list)
        }
      }
      // A company mailbox ("Acme Coffee <office@acme.example>") under a signed memo: the
      // signer (named in full by the memo or `Reply-To:`) wrote it; the mailbox names the
      // company.
      if let address = MemoHeaders.emailAddress(from),
        EmailSender.isCompanyMailbox(name: name, address: address),
        let signer = EmailSender.signer(memo.paragraphs, title: memo.title, mailbox: name)
      {
        mailboxCompany = name
        let replyName = message.replyTo.flatMap(MemoHeaders.senderName)
        let fuller = replyName.flatMap {
          !signer.contains(" ") && $0.hasPrefix(signer + " ") ? $0 : nil
        }
        name = fuller ?? signer
      }
      (memo.author, memo.authorSource) = (name, "email-header")
    }
    if let mailboxCompany,
      memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? "")
    {
      (memo.company, memo.companySource) = (mailboxCompany, "email-header")
    }
    if memo.authorSource == "signature", let name = memo.author {
      memo.author = MemoInStory.fullName(name, in: [memo.title ?? ""] + memo.paragraphs)
    }
    let address = sender.flatMap(MemoHeaders.emailAddress)
    if let address = address ?? message.from.flatMap(MemoHeaders.emailAddress) {
      let text = [memo.title ?? ""] + memo.paragraphs
      if memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? ""),
        let company = MemoHeaders.companyFromDomain(address, text: text)
      {
        (memo.company, memo.companySource) = (company, "email-address")
      } else if memo.company == nil, let company = MemoHeaders.companyFromDomainName(address) {
        (memo.company, memo.companySource) = (company, "email-address")
      }
    }
    let readDate = { (raw: String) in
      DateNormalizer.normalize(raw) ?? EmailReader.twoDigitYearDate(raw)
    }
    if let date = quoted?.date.flatMap(readDate) ?? message.date.flatMap(readDate) {
      (memo.date, memo.dateSource) = (date, "email-header")
    }
    // A forward ("ENC:", "WG:") whose client wrote no marker line over the original's header
    // block (Outlook's "De: … Enviada: …"): the block among the paragraphs is the memo's. The
    // subject's prefix is gone by the time the memo is refined, so it is read here.
    if quoted == nil, subject?.forwarded == true {
      MemoRefinement.applyForward(&memo, forwarded: true)
    }
    return memo
  }

  /// Decodes with `TextDecoding.read`, naming `source` in the error.
  private static func decode(
    _ bytes: [UInt8], declared: String?, sniffMarkup: Bool, source: String
  ) throws(ExtractionError) -> DecodedText {
    do {
      return try TextDecoding.read(bytes, declared: declared, sniffMarkup: sniffMarkup)
    } catch {
      throw .undecodable(path: source, charset: error.label, reason: error.reason)
    }
  }

  private func readPlain(_ bytes: [UInt8], source: String, format: InputFormat)
    throws(ExtractionError) -> Memo
  {
    let decoded = try Self.decode(bytes, declared: nil, sniffMarkup: false, source: source)
    // A caption file: its cues, one paragraph per speaker turn (one byte test for others).
    if decoded.utf8.first == UInt8(ascii: "W") || decoded.utf8.first == 0xEF,
      let captions = WebVTTCaptions.read(utf8: decoded.utf8)
    {
      var memo = MemoAssembler.assemble(
        paragraphs: captions.paragraphs, title: nil, source: source,
        encoding: decoded.encoding, format: format == .jsonl ? .text : format,
        findsSignOffAuthor: false)
      (memo.title, memo.titleSource) = (nil, nil)
      if let speaker = captions.speaker { (memo.author, memo.authorSource) = (speaker, "speaker") }
      if let date = captions.date { (memo.date, memo.dateSource) = (date, "caption-note") }
      if memo.company == nil, let company = captions.company {
        (memo.company, memo.companySource) = (company, "caption-note")
      }
      return memo
    }
    // A Mailman digest: the message that is the memo, read as an e-mail.
    if let message = MailmanDigest.memoMessage(utf8: decoded.utf8) {
      var memo = try readEmail(message, source: source)
      memo.format = format == .jsonl ? .text : format
      return memo
    }
    let content =
      format == .markdown
      ? PlainTextReader.readMarkdown(utf8: decoded.utf8)
      : PlainTextReader.readText(utf8: decoded.utf8)
    var memo = MemoAssembler.assemble(
      paragraphs: content.paragraphs, title: content.title, titleSource: content.titleSource,
      source: source, encoding: decoded.encoding, format: format == .jsonl ? .text : format,
      findsSignOffAuthor: options.findsSignOffAuthor)
    let fields = content.frontMatter
    // Front matter first, then memo headers (already in `memo`), then the top matter, then
    // the signature (already in `memo`).
    if let author = fields["author"] ?? fields["from"] {
      (memo.author, memo.authorSource) = (author, "front-matter")
    } else if memo.authorSource != "memo-header", let byline = content.byline {
      (memo.author, memo.authorSource) = (byline, "byline")
    } else if memo.author == nil, options.findsSignOffAuthor,
      let name = SignatureBlock.valedictionName(memo.paragraphs)
    {
      (memo.author, memo.authorSource) = (name, "signature")
    }
    if memo.authorSource == "signature", let name = memo.author {
      // "Rosalind" signs; the memo names her in full above.
      memo.author = MemoInStory.fullName(name, in: [memo.title ?? ""] + memo.paragraphs)
    }
    // A release's dateline sentence ("OMAHA, Neb., March 11, 2026 /PRNewswire/ -- Acme Foods
    // …", "GLASGOW, 6 January 2026: Acme today …"), read as on web pages.
    // Read only when a date or a company is still wanted (most memos have both by now).
    let paragraphs = memo.paragraphs
    var leadCache: (date: String?, company: String?)??
    func lead() -> (date: String?, company: String?)? {
      if let cached = leadCache { return cached }
      let found = BodyEvidence.releaseDateline(paragraphs)
      leadCache = .some(found)
      return found
    }
    if memo.date == nil,
      let date = (fields["date"] ?? fields["published"]).flatMap(DateNormalizer.normalize)
    {
      (memo.date, memo.dateSource) = (date, "front-matter")
    }
    if memo.date == nil, let date = content.date {
      (memo.date, memo.dateSource) = (date, content.dateSource)
    }
    if memo.date == nil, let date = lead()?.date {
      (memo.date, memo.dateSource) = (date, "dateline")
    }
    let weak = memo.company == nil || BodyEvidence.weakSources.contains(memo.companySource ?? "")
    if let company = fields["company"] ?? fields["organization"] {
      (memo.company, memo.companySource) = (company, "front-matter")
    } else if weak, let company = content.letterhead {
      (memo.company, memo.companySource) = (company, "letterhead")
    } else if weak, let company = lead()?.company {
      (memo.company, memo.companySource) = (company, "release")
    } else if weak, let company = SignatureBlock.salutationCompany(memo.paragraphs) {
      (memo.company, memo.companySource) = (company, "salutation")
    } else if memo.company == nil, let title = memo.title,
      title.containsBytes("’s") || title.containsBytes("'s") || title.containsBytes(" at "),
      let company = BodyEvidence.companyMentioned([title] + memo.paragraphs)
    {
      // The title is the memo's own words too: "Winding down Acme’s hub" counts (a title
      // without such a mention leaves the body's count, already made, as it was).
      (memo.company, memo.companySource) = (company, "body")
    }
    return memo
  }
}

/// Puts paragraphs and metadata together into a `Memo`, finding a memo quoted in a story.
enum MemoAssembler {
  static func assemble(
    html content: HTMLReader.Content, source: String, encoding: String, format: InputFormat
  ) -> Memo {
    var memo = Memo(source: source, paragraphs: [], encoding: encoding, format: format)
    let split =
      format == .html
      ? MemoInStory.split(content.paragraphs) { content.quoteEligible.contains($0) } : nil
    if let split {
      let (headers, body) = MemoHeaders.split(split.memo)
      memo.paragraphs = body
      memo.commentary = split.commentary
      memo.quoted = true
      let metadata = content.metadata
      (memo.title, memo.titleSource) = first(
        (headers.subject, "memo-header"), (metadata.title, metadata.titleSource),
        (content.headline, "headline"), (metadata.pageTitle, "title"))
      (memo.author, memo.authorSource) = first(
        (headers.from, "memo-header"), (MemoHeaders.signOff(body), "signature"))
      memo.author = memo.author.map { MemoInStory.fullName($0, in: split.commentary) }
      (memo.date, memo.dateSource) = date(headers: headers, content: content)
      // The page's publisher is the news outlet; only the memo itself can name its company.
      (memo.company, memo.companySource) = first(
        companyFromHeaders(headers, body: body),
        (BodyEvidence.signatureCompany(body), "signature"),
        (MemoInStory.subjectCompany(split.commentary, memo: body), "body"))
      return memo
    }
    var (ownHeaders, body) = MemoHeaders.split(content.paragraphs.map(\.text))
    let headers = ownHeaders.completed(with: content.pageHeaders)
    if headers.hasLetterhead { body = MemoHeaders.withoutFilingNote(body) }
    var metadata = content.metadata
    // A post's page titled with its writer's handle ("Dana Lee (@dana@social.example)"):
    // the writer, and no title.
    let handleName = metadata.title.flatMap(PageMetadata.handleTitleName)
    if handleName != nil { (metadata.title, metadata.titleSource) = (nil, nil) }
    var releaseCompany: String?
    if let trailer = ReleaseTrailer.find(body) {
      body.removeSubrange(trailer.start...)
      releaseCompany = trailer.company
      // Releases often name the company as the page's author.
      if let company = trailer.company, metadata.author?.lowercased() == company.lowercased() {
        metadata.author = nil
      }
    }
    let lead = BodyEvidence.releaseDateline(body)
    if let company = lead?.company, let author = metadata.author,
      BodyEvidence.sameCompany(author, company)
    {
      metadata.author = nil
    }
    // Chrome lines at either end (a letterhead or intranet title bar, "© 2025 Acme | Privacy |
    // Terms") are not the memo; they stay evidence of its company.
    let withChrome = body
    body = BodyEvidence.withoutChrome(body)
    memo.paragraphs = body
    // The sign-off is looked for above a release's contact lines.
    let closing = BodyEvidence.withoutContacts(body)
    let siteNames = [metadata.publisher, metadata.siteCompany, metadata.toolSite].compactMap {
      $0?.lowercased()
    }
    let headline = content.headline.flatMap { siteNames.contains($0.lowercased()) ? nil : $0 }
    let titles = [
      (headers.subject, "memo-header"), (metadata.title, metadata.titleSource),
      (headline, "headline"), (metadata.pageTitle, "title"),
      (lead != nil ? BodyEvidence.releaseHeadline(body) : nil, "headline"),
      (content.subheadline, "headline"),
    ].map { candidate in
      // A post's opening words cut off with "…" are an excerpt, not a title.
      candidate.0.map { BodyEvidence.isExcerpt($0, of: body) } == true
        ? (nil, candidate.1) : candidate
    }.map { candidate in
      // Labels and the site's name around a title are not the title; the site's name alone
      // is not one either.
      let title = candidate.0.map { PageMetadata.withoutLabels($0, siteNames: siteNames) }
      let useful = title.map {
        !siteNames.contains($0.lowercased()) && PageMetadata.isUsefulTitle($0)
      }
      return (useful == true ? title : nil, candidate.1)
    }
    (memo.title, memo.titleSource) = first(titles)
    // A label before the headline ("Print: …", "Bericht van de directie: …") when the page's
    // own heading repeats the rest.
    if let title = memo.title, title.containsByte(UInt8(ascii: ":")),
      let heading = [content.headline, content.subheadline].compactMap({ $0 }).first(where: {
        PageMetadata.isLabelled(title, heading: $0)
      })
    {
      memo.title = heading
    }
    // A page's author given as its own organization (JSON-LD, the site's name, or a name
    // such as "Acme Communications") gives way to a person the page marks as the author or
    // who signs the memo.
    // A team or department that signs ("The Leadership Team") is no person: no author rather
    // than it. One marked as the page's author ("Marketing Team") gives way to a person who
    // signs in full; else it stays (the WCXB truth counts "Podium Staff", "EDB Team").
    let signer = MemoHeaders.signOff(closing)
    let signature = signer.flatMap { MemoHeaders.isOrganizationName($0) ? nil : $0 }
    let fullSigner = signature.map { MemoInStory.fullName($0, in: [metadata.title ?? ""] + body) }
      .flatMap { $0.contains(" ") && $0 != $0.uppercased() ? $0 : nil }
    let person = { (name: String?) in
      name.flatMap { MemoHeaders.isOrganizationName($0) && fullSigner != nil ? nil : $0 }
    }
    let byline = person(content.byline)
    let markedAuthor = person(content.markedAuthor)
    // A hosting site or wire ("GlobeNewswire") given as the author wrote nothing.
    if let author = metadata.author, PageMetadata.hostingPlatforms.contains(author.lowercased()) {
      metadata.author = nil
    }
    var pageAuthor = (metadata.author, metadata.authorSource)
    var organizationAuthor: String?
    // "Dana Lee, Chief Executive" among the page's first lines (a deck's title slide, a
    // notice's presenter): the person, when the page's author is only an organization.
    let presenter =
      metadata.author.map(MemoHeaders.isOrganizationName) == true
      ? content.headerLines.lazy.compactMap(MemoHeaders.nameWithRole).first : nil
    if let author = metadata.author {
      let marked = byline ?? markedAuthor ?? presenter
      if metadata.authorIsOrganization || siteNames.contains(author.lowercased()) {
        if marked != nil || fullSigner != nil { pageAuthor = (nil, nil) }
        organizationAuthor = author
      } else if MemoHeaders.isOrganizationName(author) {
        // "Acme Communications" gives way to a person the page marks or who signs in full;
        // "Dana Lee - Acme Editorial Team" only to the person it names ("Dana Lee").
        let mixed = MemoHeaders.personName(author) != author
        if let marked, marked != marked.uppercased(), !MemoHeaders.isOrganizationName(marked),
          !mixed || author.contains(marked)
        {
          pageAuthor = (nil, nil)
        } else if !mixed,
          let signature = signature.map({
            MemoInStory.fullName($0, in: [metadata.title ?? ""] + body)
          }), signature.contains(" "), signature != signature.uppercased()
        {
          pageAuthor = (nil, nil)
        }
        if !mixed { organizationAuthor = author }
      }
    }
    (memo.author, memo.authorSource) = first(
      (headers.from, "memo-header"), pageAuthor, (byline, "byline"),
      (markedAuthor, "byline"), (signature, "signature"), (handleName, "meta"),
      (presenter, "byline"))
    if memo.authorSource == "signature", let name = memo.author {
      // "Marguerite" signs; the page names her in full ("our CEO, Marguerite Osei").
      // The page's own short lines too: a post's header names its writer in full.
      memo.author = MemoInStory.fullName(
        name, in: [memo.title ?? ""] + body + content.headerLines)
    }
    (memo.date, memo.dateSource) = date(headers: headers, content: content, lead: lead)
    (memo.company, memo.companySource) = company(
      headers: headers, content: content, metadata: metadata, releaseCompany: releaseCompany,
      lead: lead, title: memo.title, author: memo.author, organizationAuthor: organizationAuthor,
      body: body, closing: closing, withChrome: withChrome)
    // A story's print view keeps no meta tags: a reporter's byline among the page's first
    // lines marks it as news about the memo.
    if memo.author == nil, NewsAboutMemo.reporterLine(in: content.headerLines.prefix(6)) {
      NewsAboutMemo.applyIfWrapped(&memo, reported: true)
    }
    return memo
  }

  /// The company of a memo on a web page (not quoted in a story), strongest evidence first:
  /// a wire release's `SOURCE` line, the memo's letterhead or "To: All Acme employees", a
  /// release's dateline sentence, the page's publisher or site name reduced to the company
  /// ("Acme Newsroom" → "Acme"; hosting sites such as Medium or LinkedIn and a writer's own
  /// newsletter name none), the site part of `<title>`, the sender's domain, the author's
  /// employer (JSON-LD `worksFor`, an author card "CEO at Acme"), an organization given as
  /// the page's author, then the memo's own lines (signature, copyright footer, body).
  static func company(
    headers: MemoHeaders, content: HTMLReader.Content, metadata: PageMetadata,
    releaseCompany: String?, lead: (date: String?, company: String?)?, title: String?,
    author: String?, organizationAuthor: String?, body: [String], closing: [String],
    withChrome: [String]
  ) -> (String?, String?) {
    if let releaseCompany { return (releaseCompany, "release") }
    if let company = headers.company {
      return (company, headers.hasLetterhead ? "letterhead" : "memo-header")
    }
    if let company = lead?.company { return (company, "release") }
    // A tool's or platform's own name (a wiki, a status page, an HR or service portal, a
    // fediverse instance) is the page's chrome: the company the memo names comes first, then
    // the organization the tool's name carries when the memo uses it ("Acme Status" → "Acme").
    if let tool = metadata.toolSite {
      if let company = BodyEvidence.signatureCompany(closing) { return (company, "signature") }
      if let company = SignatureBlock.salutationCompany(body) { return (company, "salutation") }
      let text = [title ?? ""] + body
      if let name = PageMetadata.toolOrganization(tool),
        let company = MemoHeaders.companyFromDomain(
          "site@\(name.lowercased().filter { $0.isLetter || $0.isNumber }).example", text: text)
      {
        return (company, "title")
      }
      let (company, source) = BodyEvidence.company(in: withChrome + content.footerLines)
      if let company { return (fullerName(of: company, among: content.imageNames), source) }
      // A profile's "CEO at Acme" names the writer's employer.
      if let author, let company = BodyEvidence.roleCompany(content.roleLines, person: author) {
        return (company, "byline")
      }
      if let company = BodyEvidence.bioCompany(content.roleLines, text: text) {
        return (company, "byline")
      }
    }
    // On a tool's page the site's names are the tool's: the evidence below them is read.
    let siteCounts = metadata.toolSite == nil
    var publisher = siteCounts ? metadata.publisher.flatMap(PageMetadata.companyInSiteName) : nil
    // A newsletter named for its writer ("Field Notes by Pia Strand") is no company.
    if let name = publisher, let author, name.lowercased().contains(author.lowercased()) {
      publisher = nil
    }
    if let publisher {
      return (companyInSiteName(publisher, title: title, body: body), metadata.publisherSource)
    }
    if siteCounts, let site = metadata.siteCompany.flatMap(PageMetadata.companyInSiteName) {
      return (fullerSpelling(of: site, in: [title ?? ""] + body), "title")
    }
    if siteCounts,
      let site = BodyEvidence.siteInTitle(
        metadata.titleSegments, headline: title ?? content.headline, author: author)
    {
      return (site, "title")
    }
    if let address = headers.fromAddress,
      let company = MemoHeaders.companyFromDomain(address, text: [title ?? ""] + body)
        ?? MemoHeaders.companyFromDomainName(address)
    {
      return (fullerName(of: company, among: content.imageNames), "email-address")
    }
    if let company = metadata.authorOrganization { return (company, "json-ld") }
    if let author, let company = BodyEvidence.roleCompany(content.roleLines, person: author) {
      return (company, "byline")
    }
    // "Dana Lee for Acme": a platform's byline names the organization the post is for.
    if let author, let company = BodyEvidence.writtenFor(content.headerLines, person: author) {
      return (company, "byline")
    }
    if let organizationAuthor, metadata.publisher != nil || metadata.authorIsOrganization {
      return (organizationAuthor, metadata.authorSource)
    }
    if let company = BodyEvidence.signatureCompany(closing) { return (company, "signature") }
    // "Everyone at Acme," opening the memo.
    if let company = SignatureBlock.salutationCompany(body) { return (company, "salutation") }
    let (company, source) = BodyEvidence.company(in: withChrome + content.footerLines)
    if company == nil, let name = CompanyNames.letterheadName(in: content.headerLines) {
      // A banner's name with its legal form ("PT Cendana Kapuas Tbk"), nothing else naming one.
      return (name, "letterhead")
    }
    if company == nil,
      let name = BodyEvidence.metaLineCompany(
        content.headerLines, text: [title ?? ""] + body, author: author)
    {
      // "3 December 2026 · Acme Instruments · Internal" on a deck's title slide.
      return (name, "byline")
    }
    return (company.map { fullerName(of: $0, among: content.imageNames) }, source)
  }

  /// The first candidate with a value, and its source; (nil, nil) when none has one.
  static func first(_ candidates: (String?, String?)...) -> (String?, String?) {
    first(candidates)
  }

  /// The first candidate with a value, and its source; (nil, nil) when none has one.
  static func first(_ candidates: [(String?, String?)]) -> (String?, String?) {
    for (value, source) in candidates where value != nil { return (value, source) }
    return (nil, nil)
  }

  /// The memo's own date (its `Date:` header, the page's published date, a `<time>`, a
  /// dateline) before the page's modified date.
  static func date(
    headers: MemoHeaders, content: HTMLReader.Content,
    lead: (date: String?, company: String?)? = nil
  ) -> (String?, String?) {
    let metadata = content.metadata
    let published = metadata.dateIsModified ? nil : metadata.date
    let found = first(
      (
        headers.date.flatMap { MemoHeaders.memoDate($0, monthFirst: content.monthFirst) },
        "memo-header"
      ),
      (published, metadata.dateSource), (content.timeDate, "time"),
      (lead?.date, "dateline"),
      (content.datelineDate, "dateline"), (content.markedDate, "dateline"),
      (metadata.dateIsModified ? metadata.date : nil, metadata.dateSource))
    // The memo's own dateline or "sent on" note, a few days before the page published it.
    if found.1 != "memo-header", let own = content.ownDate, let page = found.0,
      OwnDate.isShortlyBefore(own, page)
    {
      return (own, "dateline")
    }
    return found
  }

  /// The company inside a two-word site name that the memo never uses whole: a founder's
  /// newsletter "Building Greyloft" whose post "Why Greyloft is getting smaller" says
  /// "Greyloft" gives "Greyloft".
  ///
  /// Narrow on purpose, as news sites must keep their names ("Los Angeles Times" stays whole
  /// on a story that says "the Times"): the site name has two words, the text never repeats it
  /// whole nor uses its first word (company names lead with the name, as in "Veradyne
  /// Robotics"), and the title and the memo use the second word as a name at least twice.
  static func companyInSiteName(_ site: String, title: String?, body: [String]) -> String {
    let words = site.split(separator: " ").map(String.init)
    guard words.count == 2, let title else { return site }
    // Every test below only decides between `site` and `name`: the cheap ones on the title
    // go first, the scans of the whole memo last.
    let name = words[1]
    guard name.count >= 3, name.first!.isUppercase, name.allSatisfy(\.isLetter) else {
      return site
    }
    func uses(_ word: String, in paragraphs: [String]) -> Int {
      var count = 0
      for paragraph in paragraphs {
        for token in paragraph.split(whereSeparator: { !$0.isLetter && $0 != "’" && $0 != "'" }) {
          if token == word || token == word + "’s" || token == word + "'s" { count += 1 }
        }
      }
      return count
    }
    guard uses(name, in: [title]) > 0 else { return site }
    let text = [title] + body
    let lowered = site.lowercased()
    if text.contains(where: { $0.lowercased().contains(lowered) }) { return site }
    guard uses(words[0], in: text) == 0, uses(name, in: text) >= 2 else { return site }
    return name
  }

  /// The fuller spelling of `company` that an image names, such as a letterhead logo whose alt
  /// text is "Orrin Mobility" when the memo itself only says "Orrin"; else `company`.
  ///
  /// Only one or two capitalized words may follow the name, so "Orrin" never becomes a
  /// sentence or a photo caption.
  /// A one-word site name as the memo spells it in full: "Holloway" (from "Holloway
  /// Intranet") is "Holloway Building Society" when the memo writes that; else unchanged.
  static func fullerSpelling(of company: String, in text: [String]) -> String {
    guard !company.contains(" "), company.count >= 3, company.allSatisfy(\.isLetter),
      let spelled = MemoHeaders.companyFromDomain(
        "site@\(company.lowercased()).example", text: text),
      spelled.count > company.count,
      spelled.lowercased().hasPrefix(company.lowercased() + " ")
    else { return company }
    return spelled
  }

  static func fullerName(of company: String, among imageNames: [String]) -> String {
    let known = company.split(separator: " ")
    for name in imageNames {
      let words = name.split(separator: " ")
      guard words.count > known.count, words.count <= known.count + 2,
        zip(words, known).allSatisfy({ $0.lowercased() == $1.lowercased() })
      else { continue }
      return name
    }
    return company
  }

  /// "To: All Acme employees" (or a letterhead or a From line's company), else the sender's
  /// domain as the memo spells it; with its source.
  static func companyFromHeaders(_ headers: MemoHeaders, body: [String]) -> (String?, String?) {
    if let company = headers.company {
      return (company, headers.hasLetterhead ? "letterhead" : "memo-header")
    }
    if let address = headers.fromAddress,
      let company = MemoHeaders.companyFromDomain(address, text: body)
    {
      return (company, "email-address")
    }
    return (nil, nil)
  }

  /// A memo from paragraphs of text; `title` (with `titleSource`) is the reader's, used when
  /// the memo has no `Subject:` line.
  static func assemble(
    paragraphs: [String], title: String?, titleSource: String? = nil, source: String,
    encoding: String, format: InputFormat, findsSignOffAuthor: Bool = true
  ) -> Memo {
    var (headers, body) = MemoHeaders.split(paragraphs)
    if headers.hasLetterhead { body = MemoHeaders.withoutFilingNote(body) }
    let withChrome = body
    body = BodyEvidence.withoutChrome(body)
    var memo = Memo(source: source, paragraphs: body, encoding: encoding, format: format)
    // The sign-off is read only when no From line names the author.
    if let subject = headers.subject {
      (memo.title, memo.titleSource) = (subject, "memo-header")
    } else if let title {
      (memo.title, memo.titleSource) = (title, titleSource)
    }
    if let from = headers.from {
      (memo.author, memo.authorSource) = (from, "memo-header")
    } else if findsSignOffAuthor, let name = MemoHeaders.signOff(body) {
      (memo.author, memo.authorSource) = (name, "signature")
    }
    if let date = headers.date.flatMap({ MemoHeaders.memoDate($0) }) {
      (memo.date, memo.dateSource) = (date, "memo-header")
    }
    (memo.company, memo.companySource) = companyFromHeaders(headers, body: body)
    if memo.company == nil {
      (memo.company, memo.companySource) = BodyEvidence.company(in: withChrome)
    }
    return memo
  }
}

/// Decides a document's format from its name and bytes, and spots binary files.
enum FormatSniffer {
  /// The kind of binary file the bytes are ("a PDF document"), or nil for text-like bytes.
  static func binaryKind(_ bytes: [UInt8]) -> String? {
    // Every magic number starts with one of these bytes: text rarely does, and then skips
    // the comparisons.
    if let first = bytes.first, magicFirstBytes.contains(first) {
      if let kind = magicKind(bytes) { return kind }
    }
    // NUL bytes outside a UTF-16 pattern mean binary data. A NUL is a control byte: a head
    // without controls (most text) has none and is text.
    let head = bytes.prefix(8192)
    let controls = head.withUnsafeBufferPointer(Self.controlCount)
    if controls == 0 { return nil }
    let hasNUL = head.withUnsafeBufferPointer { ByteSearch.firstOffset(of: 0, in: $0) != nil }
    if hasNUL {
      if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        || TextDecoding.utf32WithoutMark(bytes) != nil
        || TextDecoding.utf16WithoutMark(bytes) != nil
      {
        return nil
      }
      return "a binary file"
    }
    // Control characters other than tabs, line breaks, form feeds and the escape and shift
    // bytes of ISO-2022 are rare in text.
    if head.count >= 64 && controls * 20 > head.count { return "a binary file" }
    return nil
  }

  /// How many bytes are controls other than tabs, line breaks, form feeds and the escape and
  /// shift bytes of ISO-2022; eight bytes at a time while none is below 0x20.
  static func controlCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    func isControl(_ byte: UInt8) -> Bool {
      byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
        && byte != 0x0C && byte != 0x1B && byte != 0x0E && byte != 0x0F
    }
    var controls = 0
    var index = 0
    let count = bytes.count
    if let base = bytes.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      while index + 8 <= count {
        let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // Some byte below 0x20 (exact: no byte below it is missed).
        if (word &- ones &* 0x20) & ~word & (ones &* 0x80) != 0 {
          for offset in index..<(index + 8) where isControl(bytes[offset]) { controls += 1 }
        }
        index += 8
      }
    }
    while index < count {
      if isControl(bytes[index]) { controls += 1 }
      index += 1
    }
    return controls
  }

  /// The first bytes of the magic numbers `magicKind` knows.
  private static let magicFirstBytes: [UInt8] = [
    0x25, 0x89, 0xFF, 0x47, 0x52, 0x50, 0xD0, 0x1F, 0x7F, 0x49, 0x4D, 0x42, 0xFD, 0x37,
  ]

  /// The kind of file a magic number at the start names.
  private static func magicKind(_ bytes: [UInt8]) -> String? {
    func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
    if starts(Array("%PDF".utf8)) { return "a PDF document" }
    if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
    if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
    if starts(Array("GIF8".utf8)) { return "a GIF image" }
    if starts(Array("RIFF".utf8)), bytes.count > 12, Array(bytes[8..<12]) == Array("WEBP".utf8) {
      return "a WebP image"
    }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      return "a ZIP archive (or an Office document)"
    }
    if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "an old Microsoft Office document" }
    if starts([0x1F, 0x8B]) { return "a gzip archive" }
    if starts([0x7F, 0x45, 0x4C, 0x46]) { return "an executable program" }
    if starts(Array("II*\0".utf8)) || starts(Array("MM\0*".utf8)) { return "a TIFF image" }
    if starts([0x42, 0x5A, 0x68]) { return "a bzip2 archive" }
    if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A]) { return "an xz archive" }
    if starts(Array("7z".utf8) + [0xBC, 0xAF]) { return "a 7-Zip archive" }
    return nil
  }

  static func format(path: String, bytes: [UInt8]) -> InputFormat {
    let ext = asciiLowercasedExtension(path) ?? unicodeExtension(path)
    switch ext {
    case "html", "htm", "xhtml", "xht", "shtml", "php", "asp", "aspx", "jsp": return .html
    case "txt", "text": return .text
    case "md", "markdown", "mdown", "mkd", "mkdn": return .markdown
    case "eml", "email", "msg": return .email
    default: break
    }
    return sniff(bytes)
  }

  /// The extension `format` reads from an ASCII path without a carriage return, in lower
  /// case, read on bytes without lower-casing the whole path (as `unicodeExtension` does for
  /// such a path); nil for other paths.
  static func asciiLowercasedExtension(_ path: String) -> String? {
    extensionOnBytes(path, lowercased: true)
  }

  /// The extension `format` reads from any path: lower-cased whole, without ".gz", then the
  /// last part after a `.` of its last part after a `/` ("" when that has no `.`).
  static func unicodeExtension(_ path: String) -> String {
    var name = path.lowercased()
    if name.hasSuffix(".gz") { name.removeLast(3) }
    return asciiExtension(name)
      ?? name.split(separator: "/").last.flatMap { last in
        last.contains(".") ? last.split(separator: ".").last.map(String.init) : nil
      } ?? ""
  }

  /// The extension `format` reads from an ASCII path, found on bytes: the last non-empty
  /// part after a `.` of the last non-empty part after a `/`, "" when that part has no `.`
  /// (as splitting by `Character`s gives, which in ASCII are bytes but for CR LF). Nil for
  /// other paths, which `format` splits by `Character`.
  static func asciiExtension(_ path: String) -> String? {
    extensionOnBytes(path, lowercased: false)
  }

  /// The two readers above on an ASCII path's bytes (nil when it has a byte from 0x80 or a
  /// carriage return); `lowercased` also drops a ".gz" ending in any case first, as
  /// `unicodeExtension` does before it splits.
  private static func extensionOnBytes(_ path: String, lowercased: Bool) -> String? {
    var text = path
    return text.withUTF8 { bytes -> String? in
      for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
      var end = bytes.count
      if lowercased, end >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] | 0x20 == 0x67,
        bytes[end - 1] | 0x20 == 0x7A
      {
        end -= 3
      }
      while end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
      var start = end
      while start > 0 && bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
      let last = UnsafeBufferPointer(rebasing: bytes[start..<end])
      guard last.contains(UInt8(ascii: ".")) else { return "" }
      var pieceEnd = last.count
      while pieceEnd > 0 && last[pieceEnd - 1] == UInt8(ascii: ".") { pieceEnd -= 1 }
      var pieceStart = pieceEnd
      while pieceStart > 0 && last[pieceStart - 1] != UInt8(ascii: ".") { pieceStart -= 1 }
      let piece = UnsafeBufferPointer(rebasing: last[pieceStart..<pieceEnd])
      guard lowercased else { return String(decoding: piece, as: UTF8.self) }
      return String(
        decoding: piece.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
  }

  /// HTML if it looks like markup, an email if it starts with mail headers, else text.
  static func sniff(_ bytes: [UInt8]) -> InputFormat {
    let decoded = TextDecoding.decode(Array(bytes.prefix(4096)), sniffMarkup: false)
    let head = decoded.string.lowercased()
    let trimmed = head.trimmed
    if trimmed.hasPrefix("<") {
      for marker in [
        "<!doctype html", "<html", "<head", "<body", "<p", "<div", "<meta", "<title", "<table",
        "<br", "<!--", "<?xml",
      ]
      where head.contains(marker) {
        return .html
      }
    }
    if EmailReader.looksLikeEmail(Array(decoded.utf8)) { return .email }
    for marker in ["<html", "<body", "</p>", "</div>"] where head.contains(marker) { return .html }
    return .text
  }
}

/// Reads a file's bytes with a size limit, gunzipping `.gz` files.
enum FileReader {
  static func read(path: String, limit: Int) throws(ExtractionError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder")
    // Reading a pipe, socket or device could block forever or never end.
    case S_IFIFO: throw .notAFile(path: path, kind: "a named pipe")
    case S_IFSOCK: throw .notAFile(path: path, kind: "a socket")
    default: throw .notAFile(path: path, kind: "a device")
    }
    let size = Int(info.st_size)
    if size == 0 { throw .emptyFile(path: path) }
    if path.lowercased().hasSuffix(".gz") { return try gunzip(path: path, limit: limit) }
    if size > limit { throw .tooLarge(path: path, size: size, limit: limit) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: size)
    var total = 0
    while total < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        Foundation.read(descriptor, buffer.baseAddress! + total, size - total)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
      }
      if count == 0 { break }
      total += count
    }
    if total < size { bytes.removeSubrange(total...) }
    return bytes
  }

  private static func gunzip(path: String, limit: Int) throws(ExtractionError) -> [UInt8] {
    guard let file = gzopen(path, "rb") else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    defer { gzclose(file) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 256 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        gzread(file, buffer.baseAddress, UInt32(buffer.count))
      }
      if count < 0 { throw .unreadable(path: path, reason: "corrupt gzip data") }
      if count == 0 { break }
      output.append(contentsOf: chunk[0..<Int(count)])
      if output.count > limit { throw .tooLarge(path: path, size: output.count, limit: limit) }
    }
    if output.isEmpty { throw .emptyFile(path: path) }
    return output
  }
}
