import MemoExtraction
import Testing

@Suite("Memos quoted in news stories")
struct MemoInStoryTests {
  @Test("A memo in a blockquote is the memo; the story is commentary; ads and comments go")
  func blockquote() throws {
    let memo = try extractFixture("HTML/news-blockquote.html")
    #expect(memo.quoted)
    #expect(
      memo.paragraphs == [
        "Hi everyone,",
        "Today we are making changes that will affect about 900 of our colleagues. AI tools now handle a large share of the work our support teams once did, and we need to be a leaner company to invest in what comes next.",
        "If you are affected, you will receive an email from People Operations within the hour, with details about severance and benefits.",
        "Thanks,", "Sam",
      ])
    #expect(
      memo.commentary == [
        "Acme Corp. is laying off about 900 employees, roughly 8% of its workforce, Chief Executive Sam Ortiz told staff on Wednesday, pointing to gains from artificial intelligence.",
        "The cuts fall mostly on customer support and recruiting, according to a memo sent to employees, which the Daily Ledger reviewed.",
        "Acme's shares rose 3% in afternoon trading. The company did not respond to a request for comment.",
      ])
    // The memo's sign-off ("Sam"), completed from the story, not the reporter's byline.
    #expect(memo.author == "Sam Ortiz")
    #expect(memo.date == "2026-02-11")
    #expect(!memo.body.contains("First!"))
    #expect(!memo.body.contains("Advertisement"))
  }

  @Test("A memo after a lead-in ends at its sign-off; its header lines give the metadata")
  func leadIn() throws {
    let memo = try extractFixture("HTML/news-leadin.html")
    #expect(memo.quoted)
    #expect(
      memo.paragraphs == [
        "Team, we are at a turning point. Our customers expect faster answers, and AI lets us give them that at a fraction of the cost.",
        "As a result, we are eliminating 300 roles across operations and finance. Leaders will meet with affected team members this week.",
        "Best,", "Priya",
      ])
    #expect(memo.commentary.count == 3)
    #expect(
      memo.commentary.last
        == "Globex shares were flat after the news. A spokesperson declined to comment further.")
    #expect(memo.title == "Becoming an AI-first company")
    #expect(memo.author == "Priya Raman")
    #expect(memo.date == "2026-01-20")
  }

  @Test("A story that only quotes a tweet is not a quoted memo")
  func tweetIsNotAMemo() throws {
    let memo = try extractHTML(
      """
      <html><body><article>
      <p>The company announced the cuts on social media on Monday morning, surprising many of its own staff.</p>
      <blockquote class="twitter-tweet"><p>Today we said goodbye to 10% of our team. It is the hardest call I have made as a founder, and I own it. Everyone leaving gets 16 weeks of severance, healthcare through June, and our full support finding what comes next. Thank you all.</p>— Founder (@founder)</blockquote>
      <p>Employees said they learned about the layoffs from the post rather than from their managers.</p>
      </article></body></html>
      """)
    #expect(!memo.quoted)
    #expect(memo.commentary.isEmpty)
  }
}
