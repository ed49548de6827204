import Testing

@testable import MemoExtraction

/// A column label before a headline, a release's embargo line, a repost's note of the day a
/// memo first appeared.
@Suite("Title labels, embargo lines and repost dates")
struct TitleLabelAndRepostTests {
  @Test("A column label before the colon is not part of the title")
  func columnLabels() {
    #expect(
      MemoRefinement.cleanTitle("Guest post: Why Tallowmere is getting smaller")
        == "Why Tallowmere is getting smaller")
    #expect(MemoRefinement.cleanTitle("Opinion: We grew too fast") == "We grew too fast")
    // A colon after other words, or a label with nothing after it, stays.
    #expect(
      MemoRefinement.cleanTitle("Update: changes to our team") == "Update: changes to our team")
    #expect(MemoRefinement.cleanTitle("Opinion:") == "Opinion:")
  }

  @Test("An embargo line is never a title")
  func embargoLines() {
    #expect(MemoRefinement.cleanTitle("EMBARGOED UNTIL 00:01 BST, FRIDAY 9 OCTOBER 2026") == nil)
    #expect(MemoRefinement.cleanTitle("Embargo: 10 March 2026") == nil)
    #expect(MemoRefinement.cleanTitle("Embargoes on steel and what they mean") != nil)
  }

  @Test("A repost's note gives the day the memo first appeared, never a later one")
  func repostNotes() {
    let body = ["We are closing our robotics line.", "Jun Okonkwo, CEO"]
    #expect(
      OriginalDate.date(
        in: body + ["Originally published at blog.example.io on September 30, 2026."],
        page: "2026-10-02") == "2026-09-30")
    #expect(
      OriginalDate.date(in: ["First published on 3 March 2026."] + body, page: nil)
        == "2026-03-03")
    // A note whose day is after the page's, and a page without a note: nothing.
    #expect(
      OriginalDate.date(
        in: body + ["Originally published on November 4, 2026."], page: "2026-10-02")
        == nil)
    #expect(OriginalDate.date(in: body, page: "2026-10-02") == nil)
  }
}
