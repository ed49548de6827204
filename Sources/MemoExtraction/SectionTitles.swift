/// Titles that open a section which is not the article: a list of other stories ("Related
/// posts", "More from the Gazette"), an author box ("About the author", "Written by Ana
/// Ruiz"), a newsletter call ("Subscribe to our newsletter"), a share bar. The title's own
/// words say so, whatever the template's class names are.
enum SectionTitles {
  /// A title has at most this many words: "More articles you might enjoy" has five, an
  /// article's own subhead that mentions "related" or "newsletter" is a clause.
  static let maxWords = 7

  /// Whole titles (lower-cased, trailing ":", "!", "." and leading symbols left out).
  static let exact: Set<String> = [
    "you may also like", "you might also like", "you may also enjoy", "you might also enjoy",
    "read next", "read more", "also read", "don't miss", "don’t miss", "keep reading",
    "what to read next", "more to explore", "explore more", "about the author",
    "about the authors", "about the reviewer", "about the writer", "about the editor",
    "meet the author", "author", "authors", "newsletter",
    "editor's picks", "editors' picks", "most popular", "most read", "most viewed",
    // A few of the same in other languages the reader meets.
    "das könnte sie auch interessieren", "weitere artikel", "ähnliche artikel", "mehr zum thema",
    "articles similaires", "à lire aussi", "sur le même sujet", "artículos relacionados",
    "te puede interesar", "articoli correlati", "leggi anche", "gerelateerde artikelen",
    "читайте также", "похожие статьи",
    "você pode gostar", "você também pode gostar", "veja também", "leia também",
    "posts relacionados", "artigos relacionados", "vous aimerez aussi", "lesen sie auch",
    "über den autor", "über die autorin", "à propos de l'auteur", "à propos de l’auteur",
    "à lire également", "lire aussi", "sobre el autor", "sobre la autora", "sobre o autor",
    "noticias relacionadas", "notícias relacionadas", "lee también", "potrebbe interessarti",
    "ti potrebbe interessare", "lees ook", "over de auteur", "meer nieuws",
    "материалы по теме", "другие новости", "об авторе", "новости по теме",
    // Polish, Czech, Turkish, Indonesian, Vietnamese.
    "czytaj także", "czytaj też", "zobacz także", "zobacz też", "powiązane artykuły",
    "podobne artykuły", "o autorze", "související články", "mohlo by vás zajímat",
    "ilgili haberler", "benzer haberler", "ilgili yazılar", "i̇lgili haberler", "i̇lgili yazılar",
    "bunlar da ilginizi çekebilir", "yazar hakkında", "artikel terkait", "berita terkait",
    "baca juga", "tentang penulis", "tin liên quan", "bài viết liên quan", "xem thêm",
    // Arabic, Hebrew, Persian, Hindi.
    "مقالات ذات صلة", "أخبار ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "قد يعجبك أيضا",
    "قد يعجبك أيضاً", "عن الكاتب", "כתבות נוספות", "מומלצים", "مطالب مرتبط",
    "यह भी पढ़ें", "ये भी पढ़ें", "संबंधित खबरें", "लेखक के बारे में",
    // Chinese, Japanese, Korean: titles are one run of characters (or two words in Korean).
    "相关文章", "相關文章", "相关阅读", "相關閱讀", "相关新闻", "相關新聞", "推荐阅读", "推薦閱讀",
    "延伸阅读", "延伸閱讀", "热门文章", "熱門文章", "猜你喜欢", "猜你喜歡", "关于作者", "關於作者",
    "作者简介", "作者簡介", "関連記事", "関連ニュース", "おすすめ記事", "あわせて読みたい",
    "人気記事", "この記事を書いた人", "著者について", "著者プロフィール", "관련 기사", "관련기사",
    "추천 기사", "많이 본 뉴스", "인기 기사", "함께 보면 좋은 기사", "기자 정보",
  ]
  /// First words of a list of other stories ("Related posts", "Recent blogs", "More from X").
  static let listLeads: Set<String> = [
    "related", "recommended", "recommend", "recent", "popular", "trending", "latest", "more",
    "similar", "other", "featured", "top",
  ]
  /// The words such a title is made of after its first word; "from" lets any name follow
  /// ("More from Acme Weekly"), and so do "More in", "More on", "More about". An article's subhead ("Recent changes to the tax code") uses
  /// other words.
  static let listWords: Set<String> = [
    "posts", "post", "articles", "article", "stories", "story", "blogs", "blog", "news",
    "reads", "reading", "content", "guides", "videos", "links", "topics", "resources",
    "insights", "items", "products", "coverage", "recipes", "reviews", "podcasts", "episodes",
    "from", "like", "this", "the", "our", "on", "in", "for", "you", "to", "of", "may",
    "might", "also", "with", "and", "enjoy", "be", "interested",
  ]

  /// What a title opens: a section of its own (related stories, an author box, a newsletter
  /// call), or nothing but a label over a list or a bar (share, tags, table of contents).
  enum Kind { case section, label }

  /// Titles that label a bar or a list rather than open a section: a share bar's "Share:" often
  /// sits at the top of the wrapper that holds the body.
  static let labels: Set<String> = [
    "share this", "share this article", "share this post", "share this story", "share it",
    "share", "comments", "leave a reply", "leave a comment", "join the discussion",
    "join the conversation", "table of contents", "contents", "in this article",
    "on this page", "jump to", "tags", "topics", "inhaltsverzeichnis", "sommaire", "índice",
    "teilen", "artikel teilen", "partager", "partager cet article", "compartir", "compartilhe",
    "condividi", "delen", "поделиться", "udostępnij", "paylaş", "bagikan", "chia sẻ", "شارك",
    "مشاركة", "शेयर करें", "分享", "分享到", "分享此文", "シェアする", "この記事をシェア",
    "공유하기", "目录", "目錄", "目次", "목차", "spis treści", "содержание", "içindekiler",
  ]

  /// Whether a short line is the title of a related-stories list, an author box, a
  /// newsletter call or a share bar.
  static func isAsideTitle(_ text: String) -> Bool { kind(of: text) != nil }

  /// The kind of aside a short line titles, or nil when it titles none.
  static func kind(of text: String) -> Kind? {
    guard text.utf8.count <= 80, mayOpenTitle(text) else { return nil }
    let words = self.words(text)
    guard !words.isEmpty, words.count <= maxWords else { return nil }
    let whole = words.joined(separator: " ")
    if labels.contains(whole) { return .label }
    if exact.contains(whole) { return .section }
    let first = words[0]
    if listLeads.contains(first), words.count >= 2, listWords.contains(words[1]),
      words.contains("from") || words.dropFirst().allSatisfy(listWords.contains)
    {
      return .section
    }
    // "More in Local Sport", "More on Acme": a name follows (capitalised), not a phrase.
    if first == "more", words.count >= 3, ["in", "on", "about"].contains(words[1]),
      text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).dropFirst(2).first?.first?
        .isUppercase == true
    {
      return .section
    }
    // "Written by Ana Ruiz", "Reviewed by": an author box's label ("Written byAna Ruiz"
    // when the name sits in its own element).
    if ["written", "reviewed", "edited"].contains(first), words.count <= 5,
      words.count >= 2, words[1].hasPrefix("by")
    {
      return .section
    }
    // "Share this guide", "Share on:", "Follow us on Instagram": share and follow bars.
    if words.count <= 5, words.count >= 2,
      (first == "share" && ["this", "on", "it", "with", "via"].contains(words[1]))
        || (first == "follow" && words[1] == "us")
    {
      return .label
    }
    // "Subscribe to our newsletter", "Sign up for email updates", "Join our newsletter".
    if first == "subscribe" || (first == "sign" && words.count >= 2 && words[1] == "up") {
      return .section
    }
    if first == "join", words.contains(where: { $0.hasPrefix("newsletter") }) { return .section }
    return nil
  }

  /// The first words titles start with, for a quick look at every short block.
  static let firstWords: Set<String> = {
    var first = listLeads.union([
      "written", "reviewed", "edited", "share", "follow", "subscribe", "sign", "join",
    ])
    for title in exact.union(labels) { first.insert(words(title)[0]) }
    return first
  }()

  /// Whether a line's first word (ASCII letters lower-cased, read from its bytes) is one a
  /// title starts with; a line opening with a non-ASCII letter or a symbol is looked at whole.
  static func mayOpenTitle(_ text: String) -> Bool {
    var word: [UInt8] = []
    for byte in text.utf8 {
      if byte >= 0x80 { return true }
      let lower = byte | 0x20
      if lower >= 0x61 && lower <= 0x7A && (byte >= 0x41) {
        word.append(lower)
        if word.count > 20 { return false }
      } else if byte == 0x27 && !word.isEmpty {
        word.append(byte)
      } else if word.isEmpty && (byte < 0x30 || (byte > 0x39 && byte < 0x41)) {
        continue  // leading symbols and spaces ("🔥 ", "» ")
      } else {
        break
      }
    }
    return !word.isEmpty && firstWords.contains(String(decoding: word, as: UTF8.self))
  }

  /// The lower-cased words of a line: runs of letters and digits, an apostrophe kept inside.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if (character == "'" || character == "’"), !current.isEmpty {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
      if words.count > maxWords { return words }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
