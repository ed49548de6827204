import Foundation
import TestSupport
import Testing

@testable import MemoExtraction

/// The blind metadata batch (`Tests/Fixtures/MetadataBlind/`): 32 small memo pages written in the
/// shapes real memo pages come in, with the title, author, company and date a careful reader
/// would give (null where there is none), committed before the extractor was run on them. The
/// test prints each field's accuracy and every miss, and fails when a field falls below the
/// floor recorded in README ("Metadata on memo pages").
@Suite("Blind metadata batch")
struct BlindMetadataTests {
  struct Expected: Decodable {
    let path: String
    let title: String?
    let author: String?
    let company: String?
    let date: String?
  }

  /// Fields that must come out right on at least this many pages of each batch: the figures
  /// measured when the floor was last raised (README), so a change that loses a page fails.
  /// `MetadataBlind` (32 pages) is the batch the fixes were made on; `MetadataBlindB` (12
  /// pages) was written after them and first run as it stands, to check they generalize.
  static let floors: [String: [String: Int]] = [
    "MetadataBlind": ["title": 32, "author": 32, "company": 31, "date": 32],
    "MetadataBlindB": ["title": 12, "author": 12, "company": 12, "date": 12],
    // Written by someone who saw none of the code; first run title 26, author 21, company 16,
    // date 25 of 34 (README); the floors are the figures after the fixes its misses led to.
    // Raised by the batch B fixes (`MemoRefinement`) to author 31, company 25.
    // Raised by batch C's fixes (a company named with its legal form, the site at the short
    // end of a three-part title) to title 32, company 26.
    "MetadataUnseen": ["title": 32, "author": 31, "company": 26, "date": 32],
    // Written by someone who saw none of the code; first run title 25, author 14, company 12,
    // date 26 of 32 (README). Seen since: the floors are the figures after the fixes its
    // misses led to (`MemoRefinement`), so they measure no longer how the fixes generalize.
    "MetadataUnseenB": ["title": 31, "author": 25, "company": 25, "date": 29],
    // Written by someone who saw none of the code and none of the earlier batches' shapes; run
    // once after batch B's fixes, before anyone looked at it: title 17, author 9, company 4,
    // date 11 of 22 (README). Seen since: the floors are the figures after the fixes for the
    // general causes of its misses (attached and quoted mail, TOML front matter, sign-offs and
    // legal forms in other languages, pages around a memo), so they no longer measure how the
    // fixes generalize.
    "MetadataUnseenC": ["title": 20, "author": 18, "company": 13, "date": 17],
    // Written by someone who saw none of the code and none of the earlier batches' shapes; run
    // once before batch C's fixes (title 15, author 8, company 2, date 14 of 22) and once after
    // them (15, 9, 5, 14; README). Seen since batch D's fixes (site section words, a byline's
    // lead word, department credits, initials, list tags and code hosts' title suffixes, more
    // legal forms): the floor is the figure after them, so it no longer measures how the fixes
    // generalize. Batch E's sign-off tables (Turkish, Polish and Hindi closings and roles, a
    // department credit giving way to such a signer) then raised author and company.
    "MetadataUnseenD": ["title": 17, "author": 14, "company": 12, "date": 14],
    // Written by someone who saw none of the code and none of the earlier batches' shapes; run
    // once after batch D's fixes: title 12, author 5, company 5, date 9 of 18 (README). Seen
    // since batch E's fixes (section labels in `<title>`, headings below `<h1>`, sign-offs over
    // a role line in any script, labelled meta fields, `<iframe srcdoc>` memos, Notes names and
    // company mailboxes, chat logs, inline note fields, banner legal names, mbox messages): the
    // floor is the figure after them, so it no longer measures how the fixes generalize; the
    // first run stays the honest figure.
    "MetadataUnseenE": ["title": 17, "author": 17, "company": 17, "date": 16],
    // Written by someone who saw none of the code and none of the earlier batches' shapes (news
    // quoting a memo in part, blog platforms, workplace tools, mail in other languages); run once
    // before batch E's fixes: title 17, author 12, company 9, date 11 of 22 (README). Seen
    // since batch F's fixes (news quoting a memo in part in several languages, column labels
    // and embargo lines in titles, repost notes): the floor is the figure after them, so it no
    // longer measures how the fixes generalize; the first run stays the honest figure. Batch
    // G's page-properties reader (Notion's "Created:") raised date to 19, its header-table
    // reader (Google Docs' To/From/Date/Re cells) title to 19 and company to 15, and an
    // Outlook forward without a marker line read under its "ENC:" author to 18, date to 20,
    // the innermost message of a forward of a forward author to 19.
    // A year after a copyright holder ("© Acme Health Ltd 2026") dropped: company 16.
    "MetadataUnseenF": ["title": 19, "author": 19, "company": 16, "date": 20],
    // Written by someone who saw none of the code and none of the earlier batches' shapes (wire
    // copy, CMS author boxes and accounts, archives and print views, chat exports, Romanian,
    // Korean, Ukrainian, Malay, Swahili); run once after batch E's fixes: title 14, author 10,
    // company 14, date 12 of 20 (README). Seen since batch G's fixes (memo headers in other
    // languages, labels before a repeated heading, CMS accounts giving way to signers, later
    // stamps, weekday abbreviations, salutation short forms, print views and Korean wire copy
    // about a memo, signature lines above chat replies): the floor is the figure after them,
    // so it no longer measures how the fixes generalize; the first run stays the honest figure.
    "MetadataUnseenG": ["title": 20, "author": 20, "company": 20, "date": 18],
    // Written by someone who saw none of the code and none of the earlier batches' shapes (HR
    // portals, forum and fediverse threads, wikis, slide decks, status pages, captions, digests,
    // Pandoc and UTF-16 text); run once on the code of batch G's first run: title 13, author 9,
    // company 5, date 13 of 20 (README). Seen since batch H's fixes (tool and platform names
    // giving way to the memo's company, department accounts in other languages, Central
    // European legal forms, Pandoc title blocks, WebVTT captions, Mailman digests, README
    // sections, calendar invitations): the floor is the figure after them, so it no longer
    // measures how the fixes generalize; the first run stays the honest figure.
    "MetadataUnseenH": ["title": 20, "author": 19, "company": 19, "date": 19],
  ]

  /// Case, spacing and typographic quotes aside; for companies a trailing legal form
  /// ("Inc.", "LLC", "Ltd") too, as in the Corpus manifest.
  static func normalized(_ value: String?, company: Bool = false) -> String? {
    guard var text = value else { return nil }
    text = text.replacingOccurrences(of: "\u{2019}", with: "'")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    if company {
      for suffix in [
        ", inc.", " inc.", ", inc", " inc", " llc", ", ltd.", " ltd.", " ltd", " corp.",
      ] {
        if text.hasSuffix(suffix) { text.removeLast(suffix.count) }
      }
    }
    return text
  }

  @Test(
    "per-field accuracy on each blind batch stays at its recorded floor",
    arguments: [
      "MetadataBlind", "MetadataBlindB", "MetadataUnseen", "MetadataUnseenB", "MetadataUnseenC",
      "MetadataUnseenD", "MetadataUnseenE", "MetadataUnseenF",
      "MetadataUnseenG", "MetadataUnseenH",
    ])
  func accuracy(batch: String) throws {
    let folder = batch + "/"
    let expected = try JSONDecoder().decode(
      [Expected].self, from: Fixtures.data(folder + "manifest.json"))
    var right: [String: Int] = [:]
    var misses: [String] = []
    for page in expected {
      let memo = try MemoExtractor().extract(
        bytes: Array(try Fixtures.data(folder + page.path)), source: page.path)
      let fields: [(String, String?, String?, Bool)] = [
        ("title", page.title, memo.title, false), ("author", page.author, memo.author, false),
        ("company", page.company, memo.company, true), ("date", page.date, memo.date, false),
      ]
      for (name, want, got, isCompany) in fields {
        if Self.normalized(want, company: isCompany) == Self.normalized(got, company: isCompany) {
          right[name, default: 0] += 1
        } else {
          misses.append("\(page.path) \(name): want \(want ?? "null"), got \(got ?? "null")")
        }
      }
    }
    let summary = ["title", "author", "company", "date"]
      .map { "\($0) \(right[$0, default: 0])/\(expected.count)" }.joined(separator: ", ")
    print("Blind metadata batch \(batch): \(summary)")
    for miss in misses { print("  miss: \(miss)") }
    for (field, floor) in Self.floors[batch] ?? [:] {
      #expect(right[field, default: 0] >= floor, "\(field) fell below \(floor): \(summary)")
    }
  }
}
