import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

@Suite("Class hints")
struct ClassHintsTests {
  /// The rules of `ClassHints.weight(hintText:)` written plainly with `String` tokens and
  /// `Set` lookups: the byte version must agree with it everywhere.
  static func referenceWeight(_ raw: [UInt8]) -> Int8 {
    guard !raw.isEmpty else { return 0 }
    var tokens: [String] = []
    var current: [UInt8] = []
    var previousLower = false
    func finish() {
      if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll()
    }
    for byte in raw {
      let upper = byte >= 0x41 && byte <= 0x5A
      let lower = byte >= 0x61 && byte <= 0x7A
      let digit = byte >= 0x30 && byte <= 0x39
      if upper && previousLower { finish() }
      if upper || lower || digit || byte >= 0x80 {
        current.append(upper ? byte | 0x20 : byte)
      } else {
        finish()
      }
      previousLower = lower
    }
    finish()
    var index = tokens.count - 1
    while index > 0 {
      if ClassHints.negations.contains(tokens[index - 1]) { tokens[index] = "" }
      index -= 1
    }
    let joined = String(
      decoding: raw.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    func has(_ needle: String) -> Bool {
      joined.utf8.count >= needle.utf8.count && joined.containsBytes(needle)
    }
    let negative =
      tokens.contains { ClassHints.negativeTokens.contains($0) }
      || ClassHints.negativeSubstrings.contains(where: has)
    let positive =
      tokens.contains { ClassHints.positiveTokens.contains($0) }
      || ClassHints.positiveSubstrings.contains(where: has)
    if negative && !positive {
      return tokens.contains(where: { ClassHints.strongNegativeTokens.contains($0) })
        || has("comment") ? -2 : -1
    }
    if positive && !negative { return 1 }
    return 0
  }

  static let samples: [String] = [
    "", " ", " article-body", " sidebar", " no-sidebar", " non-ad-column", " not related",
    " without comments", " commentList", " CommentList", " articleBody", " ArticleBody",
    " post-body entry-content", " share-tools", " ad", " ads-wrapper", " headerNav",
    " NAVBAR", " storyText", " main content", " related-content", " comments-section",
    " col-md-8", " row", " x-12345", " tagline", " no no ad", " no-no-ad", " promoBox",
    " cookie-consent", " gdpr", " breadcrumbs", " screen-reader-text sr-only", " recommended",
    " taboola-feed", " outbrain", " advertisement-slot", " disqus_thread",
    " a-very-long-token-beyond-sixteen-bytes", " recommendations", " recommendationsX",
    " caf\u{00E9}-sidebar", " p\u{00F3}st", " \u{212A}omment", " ARTICLE", " aRTicle",
    " post-bodyX", " footer-links social-icons", " author-bio", " byline", " teaser",
    " role main", " navigation", " text-content", " article comment",
  ]

  @Test("the byte version of the class and id weight agrees with the plain rules")
  func agreesWithReference() throws {
    var texts = Self.samples.map { Array($0.utf8) }
    texts.append([0x20, 0xFF, 0x61, 0x64])  // ill-formed UTF-8 inside a token
    texts.append([0x20, 0x61, 0x64, 0xC3])
    // Every class, id and role list of the fixture and corpus pages.
    for page in try decodedFixtureAndCorpusPages() {
      let tree = try HTMLDocumentHandle(utf8: page.utf8, path: page.path).makeTree()
      texts += tree.nodes.map(ClassHints.hintText(of:)).filter { !$0.isEmpty }
    }
    #expect(texts.count > 500)
    var weights: Set<Int8> = []
    for text in texts {
      let weight = ClassHints.weight(hintText: text)
      weights.insert(weight)
      #expect(weight == Self.referenceWeight(text), "\(String(decoding: text, as: UTF8.self))")
    }
    #expect(weights == [-2, -1, 0, 1])
  }
}
