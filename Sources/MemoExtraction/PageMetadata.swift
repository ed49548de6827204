import Foundation

/// Title, author, date and publisher read from a page's JSON-LD, OpenGraph and meta tags.
struct PageMetadata: Sendable, Equatable {
  var title: String?
  var author: String?
  var date: String?
  var publisher: String?
  /// The page's `<title>` without its site part ("Layoffs at Acme | Acme Blog" → "Layoffs at
  /// Acme"), when it has one; callers prefer a headline (`<h1>`) over it.
  var pageTitle: String?
  /// The company named by the site part of `<title>` ("– Acme Newsroom" → "Acme").
  var siteCompany: String?
  /// A tool's name in `<title>` or the site name ("Acme Status", "PeopleHub"; see
  /// `isToolName`): the page's chrome, which gives way to the company the memo names.
  var toolSite: String?
  /// The `<title>`'s parts between site separators (" | ", " :: ", " - " …), in order.
  var titleSegments: [String] = []
  /// The organization a JSON-LD author works for (`worksFor`, `affiliation`): weak evidence of
  /// the company when the page names no publisher.
  var authorOrganization: String?
  /// Where `title`, `author`, `date` and `publisher` came from: `json-ld` or `meta`; a date
  /// that is only the page's modified date is `json-ld-modified` or `meta-modified`.
  var titleSource: String?
  var authorSource: String?
  var dateSource: String?
  var publisherSource: String?

  /// True when `author` is a JSON-LD `Organization`: a person named by a later JSON-LD
  /// object replaces it.
  var authorIsOrganization = false

  /// True when `date` is only when the page was last modified, which any date of the memo
  /// itself beats.
  var dateIsModified: Bool { dateSource?.hasSuffix("-modified") == true }

  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "report", "techarticle", "scholarlyarticle",
    "socialmediaposting", "discussionforumposting", "liveblogposting", "pressrelease", "webpage",
    "posting",
  ]

  init() {}

  /// The `<meta>` keys read (name, property, itemprop or http-equiv, lower-cased).
  static let wantedMetas: Set<String> = [
    "og:title", "twitter:title", "headline", "author", "article:author", "dc.creator", "byl",
    "sailthru.author", "parsely-author", "twitter:creator", "article:published_time",
    "datepublished", "date", "dc.date", "dc.date.issued", "pubdate", "publish-date",
    "publishdate", "sailthru.date", "parsely-pub-date", "og:published_time",
    "article.published", "date.published", "dcterms.date", "article:modified_time",
    "og:site_name", "application-name", "dcterms.creator", "creator", "dcterms.publisher",
    "dc.publisher", "published", "publication_date", "publish_date", "date_published",
    "article:published",
  ]

  init(tree: HTMLTree) {
    for script in tree.jsonLD { readJSONLD(script) }
    var metas: [String: String] = [:]
    for (key, value) in tree.metas where metas[key] == nil && Self.wantedMetas.contains(key) {
      let trimmed = value.collapsingWhitespace
      if !trimmed.isEmpty { metas[key] = trimmed }
    }
    let titleParts = tree.title.map { Self.splitTitle($0.collapsingWhitespace) }
    if title == nil,
      let found = metas["og:title"] ?? metas["twitter:title"] ?? metas["headline"]
    {
      title = found
      titleSource = "meta"
    }
    pageTitle = titleParts?.title.flatMap { Self.isUsefulTitle($0) ? $0 : nil }
    // A memo label ("Memo — Sales restructure") names neither the site nor the company.
    titleSegments = (tree.title.map { Self.segments(of: $0.collapsingWhitespace) } ?? [])
      .filter { !Self.memoTitleLabels.contains($0.lowercased()) }
    siteCompany = titleParts?.company
    toolSite = titleParts?.tool
    if author == nil {
      for key in [
        "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author",
        "twitter:creator", "dcterms.creator", "creator",
      ] {
        if let value = metas[key], !value.contains("://"), let name = Self.cleanAuthor(value) {
          author = name
          authorSource = "meta"
          break
        }
      }
    }
    if date == nil || dateIsModified {
      for key in [
        "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "pubdate", "publish-date", "publishdate", "sailthru.date", "parsely-pub-date",
        "og:published_time", "article.published", "date.published", "dcterms.date",
        "published", "publication_date", "publish_date", "date_published", "article:published",
        "article:modified_time",
      ] {
        if let value = metas[key], let normalized = DateNormalizer.normalize(value) {
          if key == "article:modified_time", date != nil { break }
          date = normalized
          dateSource = key == "article:modified_time" ? "meta-modified" : "meta"
          break
        }
      }
    }
    if publisher == nil {
      publisher =
        metas["og:site_name"] ?? metas["dcterms.publisher"] ?? metas["dc.publisher"]
        ?? metas["application-name"]
      if publisher != nil { publisherSource = "meta" }
    }
    if let publisher, Self.isToolName(publisher) { toolSite = publisher }
  }

  /// False for empty titles and file names such as `ex99-1.htm`.
  static func isUsefulTitle(_ title: String) -> Bool {
    let lower = title.lowercased()
    if title.isEmpty || lower == "untitled" || lower == "untitled document" { return false }
    let fileEndings = [".htm", ".html", ".txt", ".pdf", ".doc", ".docx", ".asp", ".aspx", ".php"]
    return !(fileEndings.contains { lower.hasSuffix($0) } && !title.contains(" "))
      && !isExhibitLabel(title)
  }

  /// A filing's exhibit label ("EX-99.1", "Exhibit 99.1"): the document's place in the filing,
  /// not its title.
  static func isExhibitLabel(_ title: String) -> Bool {
    // Only "e" or "E" can open one: most titles are turned away before the regular expression.
    let trimmed = title.trimmed
    guard let first = trimmed.utf8.first, first | 0x20 == UInt8(ascii: "e") else { return false }
    return trimmed.range(
      of: #"^(ex|exhibit)[-\s.]*\d+(\.\d+)*[a-z]?$"#,
      options: [.regularExpression, .caseInsensitive])
      != nil
  }

  /// Labels that stand before a memo's title ("Memo — Sales restructure").
  static let memoTitleLabels: Set<String> = [
    "memo", "memorandum", "internal memo", "staff memo", "announcement",
  ]

  /// Whether `title` is `heading` after a label and a colon ("Print: Acme lays off a fifth"
  /// over the heading "Acme lays off a fifth"), case aside; the heading must have two words.
  static func isLabelled(_ title: String, heading: String) -> Bool {
    guard heading.containsByte(0x20), title.utf8.count > heading.utf8.count + 2 else {
      return false
    }
    let lower = title.lowercased()
    let rest = heading.lowercased()
    return lower.hasSuffix(": " + rest) && !lower.dropLast(rest.count + 2).contains(":")
  }

  /// A title without the labels pages put around it: a leading memo label ("Memo — Sales
  /// restructure" → "Sales restructure"), a wiki space's breadcrumb ("People Operations :
  /// Org changes" → "Org changes": a spaced colon after two or more capitalized words and
  /// before a capital), and a leading or trailing site name ("A letter — Acme" → "A letter").
  static func withoutLabels(_ title: String, siteNames: [String] = []) -> String {
    var text = title.trimmed
    for separator in [" — ", " – ", " - ", " | "] {
      guard let range = text.firstRange(ofSeparator: separator) else { continue }
      let head = text[..<range.lowerBound].trimmed.lowercased()
      let tail = text[range.upperBound...].trimmed
      if memoTitleLabels.contains(head), !tail.isEmpty { text = tail }
    }
    if let range = text.firstRange(ofSeparator: " : ") {
      let head = text[..<range.lowerBound].split(separator: " ")
      let tail = text[range.upperBound...].trimmed
      if (2...4).contains(head.count), head.allSatisfy({ $0.first?.isUppercase == true }),
        tail.first?.isUppercase == true
      {
        text = tail
      }
    }
    // A board's breadcrumb ("공지사항 > 조직 개편 안내", "News › Teams › A new structure"):
    // the last step, when each step before it is one to three words.
    if text.containsByte(UInt8(ascii: ">")) || text.containsBytes("›") {
      for separator in [" > ", " › "] {
        let steps = text.splitting(on: separator)
        guard steps.count >= 2, let last = steps.last?.trimmed, !last.isEmpty,
          steps.dropLast().allSatisfy({ (1...3).contains($0.split(separator: " ").count) })
        else { continue }
        text = last
        break
      }
    }
    for site in siteNames where !site.isEmpty {
      let lower = text.lowercased()
      for separator in [" | ", " — ", " – ", " - ", " :: ", " · ", " • "] {
        if lower.hasSuffix(separator + site), text.count > site.count + separator.count {
          text = String(text.dropLast(site.count + separator.count)).trimmed
          break
        }
        if lower.hasPrefix(site + separator), text.count > site.count + separator.count {
          text = String(text.dropFirst(site.count + separator.count)).trimmed
          break
        }
      }
    }
    return text
  }

  /// Words that name a site section rather than a company or a headline.
  static let siteWords = [
    "newsroom", "news", "intranet", "blog", "press room", "press", "media center", "hr bulletin",
    "bulletin", "updates", "insights", "stories", "home", "press releases", "announcements",
  ]

  /// A site's section or portal names, whole, in the languages memo pages come in: a
  /// `<title>` part that is one of them is neither the memo's headline nor its company ("Staff
  /// News - …", "Δελτία Τύπου | Acme", "פורטל העובדים - עדכונים - Acme", "Berita Perusahaan -
  /// Portal Karyawan - …"). Lower case; the one table of such labels (`siteWords` holds the
  /// English section words that may also end a site's name).
  static let sectionLabels: Set<String> = [
    // English
    "staff news", "company news", "employee news", "internal news", "latest news",
    "news and updates", "news & updates", "employee portal", "staff portal", "intranet home",
    "internal communications", "press release", "media releases", "corporate news",
    "notices", "staff notices", "all staff", "message to employees", "letter to employees",
    // German, French, Spanish, Italian, Portuguese, Dutch
    "pressemitteilungen", "pressemitteilung", "aktuelles", "neuigkeiten", "mitarbeiterportal",
    "unternehmensnachrichten", "communiqués de presse", "communiqué de presse", "actualités",
    "notes internes", "noticias", "comunicados de prensa", "sala de prensa", "comunicados",
    "notizie", "comunicati stampa", "notícias", "comunicados de imprensa", "nieuws",
    "persberichten", "bedrijfsnieuws",
    // Greek
    "δελτία τύπου", "δελτίο τύπου", "ανακοινώσεις", "νέα", "ειδήσεις",
    // Hebrew
    "פורטל העובדים", "פורטל", "עדכונים", "חדשות", "הודעות", "הודעות לעיתונות", "חדשות החברה",
    // Arabic
    "رسالة إلى الموظفين", "أخبار", "الأخبار", "أخبار الشركة", "بيانات صحفية", "إعلانات",
    "المركز الإعلامي",
    // Indonesian, Malay, Vietnamese, Turkish, Polish
    "berita perusahaan", "berita", "pengumuman", "portal karyawan", "siaran pers",
    "thông báo nội bộ", "thông báo", "tin tức", "tin nội bộ", "cổng thông tin",
    "duyurular", "haberler", "basın bültenleri", "aktualności", "komunikaty prasowe",
  ]

  /// The labels of two words or more that may open a part before a name, each with its
  /// space: built once, so a title's parts are not compared with every label.
  static let leadingLabelPrefixes: [String] = sectionLabels.filter { $0.contains(" ") }.sorted()
    .map { $0 + " " }

  /// Whether a `<title>` part is a section label (`sectionLabels`, `siteWords`) rather than a
  /// headline or a name.
  static func isSectionLabel(_ lower: String) -> Bool {
    sectionLabels.contains(lower) || siteWords.contains(lower)
  }

  /// Whether a `<title>` part reads as a name, not a headline: one to four words, none of
  /// them starting in lower case (a word of a script without case passes).
  static func readsAsName(_ segment: String) -> Bool {
    let words = segment.split(separator: " ")
    return (1...4).contains(words.count)
      && words.allSatisfy { $0.first?.isLowercase != true || $0 == "&" }
  }

  /// The name after a section label that opens a `<title>` part ("Cổng thông tin Acme
  /// Logistics" → "Acme Logistics"), when the rest reads as a name; nil otherwise. Only
  /// labels of two words or more: a one-word label may open a headline ("News of …").
  static func afterLeadingLabel(_ segment: String, lower: String) -> String? {
    // Most parts are a headline with a lower-case word among their first four: no name.
    guard segment.utf8.count > 8 else { return nil }
    for prefix in leadingLabelPrefixes where lower.hasPrefix(prefix) {
      let rest = String(segment.dropFirst(prefix.count)).trimmed
      if !rest.isEmpty, readsAsName(rest) { return rest }
    }
    return nil
  }

  /// A `<title>` without a social site's unread counter ("(3) Acme Announcements" → "Acme
  /// Announcements").
  static func withoutUnreadCounter(_ title: String) -> String {
    guard title.utf8.first == UInt8(ascii: "("), let close = title.firstIndex(of: ")"),
      title.distance(from: title.startIndex, to: close) <= 4
    else { return title }
    // Up to three digits or "99+" ("(3)", "(99+)"): "(2024) Annual letter" keeps its year.
    let inner = title[title.index(after: title.startIndex)..<close]
    guard !inner.isEmpty, inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }) else {
      return title
    }
    let rest = title[title.index(after: close)...].trimmed
    return rest.isEmpty ? title : rest
  }

  /// Splits a `<title>` into its headline and the company its site part names.
  ///
  /// "Layoffs at Acme – Acme Newsroom" → ("Layoffs at Acme", "Acme");
  /// "Acme Labs :: News :: Going AI-first" → ("Going AI-first", "Acme Labs");
  /// "Acme Intranet - HR Bulletin" → (nil, "Acme").
  static func splitTitle(_ raw: String) -> (title: String?, company: String?, tool: String?) {
    let segments = segments(of: raw).map(withoutUnreadCounter)
    guard segments.count > 1 else {
      // A `<title>` that is only a section label ("Company News") is no headline.
      return (
        segments.first.map { isSectionLabel($0.lowercased()) } == true ? nil : raw, nil, nil
      )
    }
    var company: String?
    var toolSite: String?
    var headlines: [String] = []
    // Whether a section label stands before every part kept so far ("Δελτία Τύπου | Acme").
    var labelFirst = false
    for segment in segments {
      let lower = segment.lowercased()
      // "| Medium", "- Google Docs": the hosting site, never the headline.
      if isSectionLabel(lower) || hostingPlatforms.contains(lower)
        || memoTitleLabels.contains(lower)
      {
        if headlines.isEmpty, company == nil, !hostingPlatforms.contains(lower) {
          labelFirst = true
        }
        continue
      }
      // A portal label before the name ("Cổng thông tin Acme Logistics"): the name.
      if company == nil, let name = afterLeadingLabel(segment, lower: lower) {
        company = name
        continue
      }
      // A tool's name ("Acme Status", "Acme Wiki"): the site, not a headline.
      if isToolName(segment), readsAsName(segment) {
        if toolSite == nil { toolSite = segment }
        continue
      }
      if let word = siteWords.first(where: { lower.hasSuffix(" " + $0) }) {
        let name = String(segment.dropLast(word.count + 1)).trimmed
        if company == nil, !name.isEmpty { company = name }
        continue
      }
      headlines.append(segment)
    }
    // A bare site name next to a section word ("Acme Labs :: News :: …") is the company.
    // "Headline - Announcements - Acme Community" the other way round: the last part is the
    // site when the first reads as a headline (four words or more) and the last does not.
    if company == nil, headlines.count > 1, segments.count > 2,
      siteWords.contains(segments[1].lowercased())
    {
      let first = headlines[0].split(separator: " ").count
      let last = headlines[headlines.count - 1].split(separator: " ").count
      company = first >= 4 && last <= 3 ? headlines.removeLast() : headlines.removeFirst()
    }
    // Section labels and then one name ("Δελτία Τύπου | Acme Α.Ε.", "Portal - News - Acme"):
    // the site's name, not a headline (the page's heading is the title). "Staff News - Staff
    // update on the depot" keeps its headline: it does not read as a name.
    if company == nil, labelFirst, headlines.count == 1, readsAsName(headlines[0]) {
      return (nil, headlines[0], toolSite)
    }
    let headline = headlines.max { $0.count < $1.count }
    return (headline, company, toolSite)
  }

  /// A `<title>` cut at the separators sites put between a headline and their name.
  static func segments(of raw: String) -> [String] {
    var segments = [raw]
    // Rarer ones too: U+2758 "❘" (Framer), "▸" (podcast hosts), U+2223 "∣".
    for separator in [
      " | ", " :: ", " -- ", " – ", " — ", " - ", " • ", " · ", " » ", " ❘ ", " ▸ ", " ∣ ",
    ] {
      segments = segments.flatMap { $0.splitting(on: separator) }
    }
    return segments.map(\.trimmed).filter { !$0.isEmpty }
  }

  /// Sites that host other people's posts and releases: their name is never the company of
  /// a memo posted there (a CEO's Medium post, a LinkedIn post, a wire release, an EDGAR
  /// filing). Lower case.
  static let hostingPlatforms: Set<String> = [
    "medium", "substack", "linkedin", "pr newswire", "prnewswire", "business wire",
    "businesswire", "globenewswire", "globe newswire", "accesswire", "newswire", "prweb",
    "ein presswire", "einpresswire", "cision", "wordpress", "wordpress.com", "blogger",
    "blogspot", "ghost", "tumblr", "facebook", "x", "twitter", "x (formerly twitter)",
    "instagram", "threads", "youtube", "github", "notion", "beehiiv", "mailchimp", "hashnode",
    "dev community", "sec.gov", "edgar", "sec", "google docs", "google sites", "scribd",
    "gmail", "google mail", "outlook", "outlook web app", "yahoo mail", "proton mail",
    "icloud mail", "coda", "gitbook", "quip", "dropbox paper", "framer", "confluence",
    "gitlab", "bitbucket", "codeberg", "sourceforge", "google groups", "groups.io", "mailman",
    "pipermail", "workplace", "workplace from meta", "yammer", "viva engage", "liferay",
    "liferay dxp", "liferay portal", "sharepoint", "hacker news", "reddit", "lobsters",
    "slashdot", "mastodon", "bluesky",
  ]

  /// Words that end the name of a tool a company runs (its wiki, status page, HR or service
  /// portal, help desk, a project tool's "HQ" project): "Acme Wiki", "Acme Status",
  /// "Colleague Service Portal", "Acme HQ". Such a name is
  /// the page's chrome, and the company the memo names comes first. Lower case, longest first
  /// where one ends another.
  static let toolWords = [
    "self-service portal", "service portal", "status page", "service desk", "knowledge base",
    "wiki", "status", "portal", "servicedesk", "helpdesk", "notifications", "hq",
  ]

  /// Words that end a meeting's name ("Q4 Town Hall", "Acme all-hands"), lower case: a slide
  /// deck's label or a recording's note, not a site or a company.
  static let meetingWords = [
    "all-hands", "all hands", "town hall", "townhall", "staff meeting", "company meeting",
    "kickoff", "kick-off", "offsite",
  ]

  /// Whether a `<title>` part names a meeting ("Q4 Town Hall").
  static func isMeetingName(_ segment: String) -> Bool {
    let lower = segment.lowercased()
    return meetingWords.contains { lower == $0 || lower.hasSuffix(" " + $0) }
  }

  /// The last part of a one-word tool name in camel case ("PeopleHub", "OpsPortal").
  static let toolHumps: Set<String> = ["hub", "portal", "desk", "wiki", "status"]

  /// Whether a site name is a tool's or a platform's own (see `toolWords`): a name ending in
  /// a tool word, one word in camel case ending in one ("PeopleHub"), or a bare host name (a
  /// fediverse instance, "toot.example").
  static func isToolName(_ name: String) -> Bool {
    let lower = name.lowercased()
    if lower.containsByte(0x20) {
      return toolWords.contains { lower.hasSuffix(" " + $0) }
    }
    // A host name: letters, digits and hyphens in two or more dot-separated labels.
    if lower.containsByte(UInt8(ascii: ".")) {
      let labels = lower.split(separator: ".", omittingEmptySubsequences: false)
      return labels.count >= 2
        && labels.allSatisfy {
          !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        && labels.last!.allSatisfy(\.isLetter)
    }
    // "PeopleHub": the last capital opens the tool word, after at least three letters.
    guard let last = name.lastIndex(where: \.isUppercase), last != name.startIndex,
      name.distance(from: name.startIndex, to: last) >= 3, name.allSatisfy(\.isLetter)
    else { return false }
    return toolHumps.contains(name[last...].lowercased())
  }

  /// The name in a profile's title, "Dana Lee (@dana@social.example)" or "Dana Lee
  /// (@dana)": a post's page names its writer so, and has no title of its own.
  static func handleTitleName(_ title: String) -> String? {
    guard title.hasSuffix(")"), let open = title.range(of: " (@", options: .backwards) else {
      return nil
    }
    let handle = title[open.upperBound..<title.index(before: title.endIndex)]
    guard !handle.isEmpty, !handle.contains(" ") else { return nil }
    let name = String(title[..<open.lowerBound]).trimmed
    return readsAsName(name) && !name.isEmpty ? name : nil
  }

  /// The organization a tool's name carries ("Kitewire Status" → "Kitewire", "toot.example" →
  /// "toot"); nil for a camel-case name, whose first part is what the tool does.
  static func toolOrganization(_ name: String) -> String? {
    let lower = name.lowercased()
    if let word = toolWords.first(where: { lower.hasSuffix(" " + $0) }) {
      let rest = String(name.dropLast(word.count + 1)).trimmed
      return rest.isEmpty ? nil : rest
    }
    if !lower.containsByte(0x20), lower.containsByte(UInt8(ascii: ".")) {
      return lower.split(separator: ".").first.map(String.init)
    }
    return nil
  }

  /// Section words a company's site adds to its name, trailing ("Acme Newsroom" → "Acme",
  /// "Acme Help Center" → "Acme"); longest first where one ends another. The one list of the
  /// site sections a site name may carry (`siteNamePrefixes` holds the leading ones).
  static let siteNameSuffixes = [
    "newsroom", "news room", "blog", "intranet", "press room", "press center", "press centre",
    "media center", "media centre", "media room", "press releases", "news", "hr bulletin",
    "bulletin", "announcements", "journal", "hub", "help center", "help centre", "help desk",
    "support center", "support centre", "support", "community", "careers", "jobs",
    "knowledge base",
  ]

  /// Section words a company's site puts before its name, with the word that joins them
  /// ("Careers at Acme" → "Acme", "News from Acme" → "Acme"); lower case.
  static let siteNamePrefixes = [
    "careers at ", "jobs at ", "life at ", "working at ", "work at ", "news from ",
    "the blog of ", "blog of ", "help center of ", "support for ",
  ]

  /// The company in a site's name: "Acme Newsroom" → "Acme", "The Acme Blog" → "Acme",
  /// "Careers at Acme" → "Acme"; nil for a hosting platform; the name itself otherwise.
  static func companyInSiteName(_ site: String) -> String? {
    var name = site.trimmed
    if hostingPlatforms.contains(name.lowercased()) { return nil }
    let lower = name.lowercased()
    for suffix in siteNameSuffixes where lower.hasSuffix(" " + suffix) {
      name = String(name.dropLast(suffix.count + 1)).trimmed
      if name.lowercased().hasPrefix("the ") { name = String(name.dropFirst(4)) }
      break
    }
    // Counted in characters: the prefixes are ASCII, so the lower-cased head has as many.
    for prefix in siteNamePrefixes where lower.hasPrefix(prefix) && name.count > prefix.count {
      name = String(name.dropFirst(prefix.count)).trimmed
      break
    }
    return name.isEmpty ? nil : name
  }

  /// An author name as people write it, or nil for values that are not names: social
  /// handles (`@name`), numeric ids and template placeholders (`{{author}}`, `$author`).
  /// Entities are decoded (`Maria &amp; Katerina`), "By" and
  /// stray punctuation at the ends removed (`, USA TODAY` → `USA TODAY`).
  static func cleanAuthor(_ raw: String) -> String? {
    var value = decodeEntities(raw).collapsingWhitespace
    if value.lowercased().hasPrefix("by ") { value = String(value.dropFirst(3)) }
    let edges: Set<Character> = [",", ";", ":", "|", "-", "–", "—", "·", "•", " "]
    while let first = value.first, edges.contains(first) { value.removeFirst() }
    while let last = value.last, edges.contains(last) { value.removeLast() }
    guard !value.isEmpty, value.count <= 100, !value.hasPrefix("@"), !value.contains("{"),
      !value.contains("$")
    else { return nil }
    // A numeric account id is not a name; user names and addresses are what some pages show.
    if value.allSatisfy({ $0.isNumber || $0 == " " }) { return nil }
    return value
  }

  /// `&amp;`, `&quot;`, `&apos;`, `&lt;`, `&gt;`, `&nbsp;` and numeric references, which
  /// JSON-LD and meta values sometimes carry escaped twice.
  static func decodeEntities(_ text: String) -> String {
    guard text.containsByte(UInt8(ascii: "&")) else { return text }
    var output = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      output += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
        output += "&"
        rest = after
        continue
      }
      let name = after[..<semicolon]
      var decoded: String?
      switch name {
      case "amp": decoded = "&"
      case "quot": decoded = "\""
      case "apos": decoded = "'"
      case "lt": decoded = "<"
      case "gt": decoded = ">"
      case "nbsp": decoded = " "
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        } else if name.hasPrefix("#") {
          decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        }
      }
      if let decoded {
        output += decoded
        rest = after[after.index(after: semicolon)...]
      } else {
        output += "&"
        rest = after
      }
    }
    output += rest
    return output
  }

  /// "A", "A and B", "A, B, C": several authors as bylines list them (a long list, as on
  /// papers, is written with commas alone: 7 of the 11 WCXB dev pages naming three or more
  /// authors write it so, 4 with "and" or "&").
  static func englishList(_ names: [String]) -> String {
    switch names.count {
    case 0: return ""
    case 1: return names[0]
    case 2: return names[0] + " and " + names[1]
    default: return names.joined(separator: ", ")
    }
  }

  /// JSON-LD types of organizations (an author that is one is weaker than a byline).
  static let organizationTypes: Set<String> = [
    "organization", "newsmediaorganization", "corporation", "localbusiness", "brand",
    "educationalorganization", "governmentorganization", "medicalorganization", "ngo",
    "website",
  ]

  private static func isOrganization(_ object: [String: Any]) -> Bool {
    strings(object["@type"]).contains { organizationTypes.contains($0.lowercased()) }
  }

  /// The people and the organizations an `author` value names (strings count as people),
  /// each once, in order; `@id` references are looked up in `names`.
  private static func authors(
    _ value: Any?, names: [String: String], organizations: Set<String>
  ) -> (people: [String], organizations: [String]) {
    var people: [String] = []
    var groups: [String] = []
    var pending: [Any] = value.map { [$0] } ?? []
    var index = 0
    while index < pending.count, index < 50 {
      let item = pending[index]
      index += 1
      if let array = item as? [Any] {
        pending.append(contentsOf: array)
      } else if let string = item as? String {
        if !string.contains("://") { people.append(string.collapsingWhitespace) }
      } else if let object = item as? [String: Any] {
        if let name = strings(object["name"]).first {
          if isOrganization(object) {
            groups.append(name.collapsingWhitespace)
          } else {
            people.append(name.collapsingWhitespace)
          }
        } else if let id = object["@id"] as? String, let name = names[id] {
          if organizations.contains(id) { groups.append(name) } else { people.append(name) }
        }
      }
    }
    var seen: Set<String> = []
    return (people.filter { seen.insert($0).inserted }, groups)
  }

  private mutating func readJSONLD(_ script: String) {
    let text = script.trimmed
    guard !text.isEmpty, let data = text.data(using: .utf8),
      let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { return }
    // Breadth-first over arrays, @graph and nested objects, iteratively; every object is
    // collected first so that `"author": {"@id": …}` can point at a Person node anywhere.
    var queue: [Any] = [json]
    var objects: [[String: Any]] = []
    var names: [String: String] = [:]
    var organizations: Set<String> = []
    var head = 0
    while head < queue.count, head < 500 {
      let item = queue[head]
      head += 1
      if let array = item as? [Any] {
        queue.append(contentsOf: array)
        continue
      }
      guard let object = item as? [String: Any] else { continue }
      if let graph = object["@graph"] { queue.append(graph) }
      if let main = object["mainEntity"] { queue.append(main) }
      if let id = object["@id"] as? String, let name = Self.strings(object["name"]).first {
        names[id] = name.collapsingWhitespace
        if Self.isOrganization(object) { organizations.insert(id) }
      }
      objects.append(object)
    }
    for object in objects {
      let types = Self.strings(object["@type"]).map { $0.lowercased() }
      guard types.contains(where: { Self.articleTypes.contains($0) }) else { continue }
      let isWebPage = types.allSatisfy { $0 == "webpage" }
      if title == nil || !isWebPage,
        let headline = Self.strings(object["headline"]).first
          ?? (isWebPage ? nil : Self.strings(object["name"]).first)
      {
        if title == nil {
          title = headline.collapsingWhitespace
          titleSource = "json-ld"
        }
      }
      if author == nil || authorIsOrganization {
        // People first; an organization only when no person is named.
        let (people, groups) = Self.authors(
          object["author"] ?? object["creator"], names: names, organizations: organizations)
        let cleaned = people.compactMap(Self.cleanAuthor)
        if !cleaned.isEmpty {
          (author, authorSource, authorIsOrganization) = (
            Self.englishList(cleaned), "json-ld", false
          )
        } else if author == nil, let group = groups.compactMap(Self.cleanAuthor).first {
          (author, authorSource, authorIsOrganization) = (group, "json-ld", true)
        }
      }
      if date == nil || dateIsModified {
        for key in ["datePublished", "dateCreated", "uploadDate", "dateModified"] {
          if let value = Self.strings(object[key]).first,
            let normalized = DateNormalizer.normalize(value)
          {
            if key == "dateModified", date != nil { break }
            date = normalized
            dateSource = key == "dateModified" ? "json-ld-modified" : "json-ld"
            break
          }
        }
      }
      if publisher == nil, let name = Self.name(object["publisher"], names: names) {
        publisher = name
        publisherSource = "json-ld"
      }
      if authorOrganization == nil {
        var authorObjects: [Any] = [object["author"] as Any]
        if let array = object["author"] as? [Any] { authorObjects = array }
        for case let person as [String: Any] in authorObjects {
          if let name = Self.name(person["worksFor"] ?? person["affiliation"], names: names) {
            authorOrganization = name
            break
          }
        }
      }
    }
  }

  /// The strings a JSON-LD value holds: a string, a value object (`{"@value": "…"}`), or an
  /// array of either.
  private static func strings(_ value: Any?) -> [String] {
    if let string = value as? String { return [string] }
    if let object = value as? [String: Any], let string = object["@value"] as? String {
      return [string]
    }
    if let array = value as? [Any] { return array.flatMap { strings($0) } }
    return []
  }

  /// The `name` of a person or organization (a string, an object with `name`, or an `@id`
  /// reference to a node elsewhere in the JSON-LD), or the names of several joined by commas.
  private static func name(_ value: Any?, names: [String: String]) -> String? {
    if let string = value as? String {
      return string.contains("://") ? nil : string.collapsingWhitespace
    }
    if let object = value as? [String: Any] {
      if let name = strings(object["name"]).first { return name.collapsingWhitespace }
      if let id = object["@id"] as? String { return names[id] }
      return nil
    }
    if let array = value as? [Any] {
      var seen: Set<String> = []
      let found = array.compactMap { name($0, names: names) }.filter {
        !$0.isEmpty && seen.insert($0).inserted
      }
      return found.isEmpty ? nil : found.joined(separator: ", ")
    }
    return nil
  }
}
