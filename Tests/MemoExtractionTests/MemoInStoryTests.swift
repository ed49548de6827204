import Testing

@testable import MemoExtraction

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

@Suite("Memo in a story: names")
struct MemoInStoryNameTests {
  @Test("A nickname sign-off is completed from the full name the story gives")
  func nicknameSignOff() throws {
    let memo = try extractHTML(
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Brightmoor cuts 120 jobs in support</title>
      <meta property="og:site_name" content="Ledger Daily"></head>
      <body>
      <article>
      <p>Brightmoor Labs is laying off 120 people in customer support, according to an internal memo from chief executive Jonathan Okafor-Lind that was shared with Ledger Daily.</p>
      <p>The memo, sent Thursday morning, reads in full:</p>
      <blockquote>
      <p>Hi all,</p>
      <p>Today we are saying goodbye to 120 colleagues in support. Our assistant now answers most tickets on its own, and we have to be honest that the team we built for the old volume is larger than the work ahead.</p>
      <p>Everyone leaving gets ten weeks of pay, and their managers will call them before noon.</p>
      <p>Jon</p>
      </blockquote>
      <p>A Brightmoor spokesperson confirmed the memo and declined to comment further.</p>
      </article>
      </body></html>
      """)
    #expect(memo.quoted)
    #expect(memo.author == "Jonathan Okafor-Lind")
    #expect(memo.paragraphs.last == "Jon")
  }

  @Test("A sign-off with the story's exact first name keeps that name's surname")
  func exactFirstNameWins() {
    let commentary = [
      "Chief executive Jon Park wrote the memo; his deputy Jonathan Reed signed the release."
    ]
    #expect(MemoInStory.fullName("Jon", in: commentary) == "Jon Park")
    #expect(MemoInStory.fullName("Jonah", in: commentary) == "Jonah")
  }
}

@Suite("Memo in a story: newsletter posts")
struct MemoInNewsletterTests {
  @Test(
    "A memo signed with a bare first name ends there; the writer's notes after it are commentary")
  func writerNotesAfterSignature() throws {
    let memo = try extractHTML(
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>Reading Tarnfield's memo - by Ines Hollow</title>
      <meta property="og:site_name" content="Org Chart Notes"></head>
      <body><article class="post">
      <div class="body markup">
      <p>A close reading of a memo that says more than it means to.</p>
      <p>Tarnfield Logistics, the freight broker, told staff on Monday that it would cut 240 jobs.</p>
      <p>The full memo is below:</p>
      <p>Team,</p>
      <p>Today we are saying goodbye to 240 Tarnfield colleagues. Our quoting assistant now prices most loads on its own, and we no longer need the same team to run that desk.</p>
      <p>Everyone leaving gets ten weeks of pay and health cover through the summer.</p>
      <p>Thank you to everyone who built this company with us, and to those who stay to carry it on.</p>
      <p>Rosa</p>
      <hr>
      <p>Two things stand out. The assistant was a pilot in March, and the severance is below what the company offered last year.</p>
      <p>If you were affected and want to talk, my inbox is open.</p>
      </div>
      </article></body></html>
      """)
    #expect(memo.quoted)
    #expect(memo.paragraphs.first == "Team,")
    #expect(memo.paragraphs.last == "Rosa")
    #expect(memo.commentary.contains { $0.hasPrefix("Two things stand out.") })
    #expect(memo.commentary.contains { $0.hasPrefix("If you were affected") })
    #expect(memo.author == "Rosa")
    #expect(memo.company == "Tarnfield Logistics")
  }

  @Test("The story's subject is read past a subtitle, and kept when the story names it again")
  func subjectCompanyPastSubtitle() {
    let memo = ["Team,", "Today we are reducing our corporate staff by 400 roles."]
    #expect(
      MemoInStory.subjectCompany(
        [
          "Northgate Outfitters will cut 400 corporate jobs, the retailer told staff.",
          "Northgate shares rose 4% after the news.",
        ], memo: memo) == "Northgate Outfitters")
    #expect(
      MemoInStory.subjectCompany(
        ["A close reading of a memo.", "Veldt Bank, the lender, cut 90 jobs.", "The end."],
        memo: ["Veldt colleagues,", "Today we cut 90 roles."]) == "Veldt Bank")
    #expect(
      MemoInStory.subjectCompany(
        ["Analysts expected the cuts.", "Some staff were surprised."], memo: memo) == nil)
    #expect(
      MemoInStory.subjectCompany(["Reuters could not verify the memo."], memo: memo) == nil)
    #expect(
      MemoInStory.subjectCompany(
        ["President Alvarez praised the plan.", "The President spoke later."], memo: memo) == nil)
  }
}
