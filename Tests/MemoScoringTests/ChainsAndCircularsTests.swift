import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// General causes of probe batch M's misses (lexicon 2.11.0), each checked on invented
/// sentences, for and against: "without" negating only its object, a fronted "Reason is",
/// connectives of consequence and means, causal chains written with arrows, sizes as cuts,
/// HR-circular cut words and AI written as one word in a hashtag.
@Suite("Arrow chains, fronted reasons, circular English, 'without'")
struct ChainsAndCircularsTests {
  func reason(_ text: String) -> AIReason { ShippedScorer.card(text).aiReason }

  @Test("'without' negates its object, not the AI before it")
  func withoutObject() {
    // The AI is the subject of "closes … without review"; "about" after the cue is a number's.
    #expect(
      reason(
        "The 30 job cuts in claims reflect how many files our AI model now closes without"
          + " review, about 60% this year.") == .explicit)
    // The AI inside the scope of "without" is still denied.
    #expect(
      reason(
        "Our chatbot replaced nobody: the 30 job cuts in claims were decided without AI playing"
          + " any part.") == .denied)
  }

  @Test("A fronted 'Reason is' points back at the cut just announced")
  func frontedReason() {
    #expect(
      reason(
        "We will close the Lyon depot and cut 25 jobs. Reason is the new routing AI, which plans"
          + " all tours now.") == .explicit)
    #expect(
      reason(
        "We will close the Lyon depot and cut 25 jobs. The main reason is our routing AI.")
        == .explicit)
    // No AI in the reason: nothing to attribute.
    #expect(
      reason("We will close the Lyon depot and cut 25 jobs. Reason is the loss of our main client.")
        == .absent)
    // A non-AI reason after a denial of AI stays a denial.
    #expect(
      reason(
        "Some of you ask if the 25 job cuts are because of AI. This is not true. Reason of the"
          + " cuts is the end of our lease.") == .denied)
    // "reason" that does not open the sentence is no anaphor.
    #expect(
      reason(
        "We will close the Lyon depot and cut 25 jobs. Our drivers like the routing AI, with"
          + " good reason.") == .implied)
  }

  @Test("Connectives of consequence and means join AI to a cut")
  func consequenceConnectives() {
    #expect(
      reason(
        "Consequent to the rollout of our AI scheduling tool, the board has decided to"
          + " rationalise manpower at the Leeds site.") == .explicit)
    #expect(
      reason(
        "Consequent to falling orders, the board has decided to rationalise manpower at the"
          + " Leeds site.") == .absent)
    #expect(
      reason("Our copilots draft every reply, hence we need fewer agents and cut 12 roles.")
        == .explicit)
    #expect(
      reason(
        "Our AI agents answer most chats. Headcount in billing goes from 60 to 35 via agent"
          + " deflection.") == .explicit)
    #expect(
      reason(
        "Headcount in billing goes from 60 to 35 via attrition. || Our AI agents will answer"
          + " the phones.") == .implied)
  }

  @Test("Savings that go into AI make AI what the cut pays for")
  func savingsFundAI() {
    #expect(
      reason("We are eliminating 400 roles, and every pound we save goes into our AI research.")
        == .explicit)
    #expect(
      reason(
        "We are eliminating 400 roles, and every pound we save goes into our new stores. || Our"
          + " AI team grows.") == .implied)
    // Funding something for the people affected is no cause.
    #expect(
      reason(
        "We are eliminating 400 roles. We will fund an AI course for everyone affected.")
        == .implied)
  }

  @Test("An arrow from AI to a cut is a causal link; an arrow from the cut to AI is not")
  func arrowChains() {
    #expect(
      reason(
        "Copilots in every workflow → fewer reviews → a company about 9% smaller, mostly in"
          + " management.") == .explicit)
    #expect(
      reason("Copilots in every workflow -> fewer reviews, and 40 job cuts in management.")
        == .explicit)
    #expect(reason("We cut 40 jobs in management -> our AI team grows.") == .implied)
    // A size with no people word near it is no cut.
    #expect(
      reason("Copilots in every workflow → faster reviews → a product about 9% smaller.")
        == .framing)
  }

  @Test("HR-circular cut words, and AI written as one word in a hashtag")
  func circularWordsAndHashtags() {
    #expect(
      ShippedScorer.card("The board has decided to rationalise manpower at the Pune centre.")
        .announcesCuts)
    #expect(
      !ShippedScorer.card("The board has decided to rationalise the product range.")
        .announcesCuts)
    #expect(ShippedScorer.card("About 900 associates will be impacted in phase one.").announcesCuts)
    #expect(ShippedScorer.card("The company will retrench 80 workmen at Taloja.").announcesCuts)
    #expect(ShippedScorer.card("About 45 posts will be abolished in March.").announcesCuts)
    #expect(!ShippedScorer.card("The council abolished two committees.").announcesCuts)
    #expect(
      reason(
        "Pursuant to the deployment of the AI claims engine, the company will retrench 80"
          + " workmen.") == .explicit)
    #expect(reason("Thank you all for this year. || #AIFirst #Leadership") == .framing)
    #expect(reason("Thank you all for this year. || #Leadership #FutureOfWork") == .absent)
  }

  @Test("A scripted question answered 'No' denies; its claim asserts nothing")
  func scriptedAnswers() {
    #expect(
      reason(
        "Talking points: we are cutting 40 roles in Sales as the region moves to distributors."
          + " || If asked 'Is AI behind these cuts?': No. The region moves to distributors.")
        == .denied)
    // Answered yes, the question is no denial.
    #expect(
      reason(
        "Talking points: we are cutting 40 roles in Sales. || If asked 'Is AI behind these"
          + " cuts?': Yes, our assistant now qualifies the leads.") != .denied)
  }

  @Test("Wording to avoid is neither a claim nor a denial")
  func wordingToAvoid() {
    // A denial quoted as a phrase not to say denies nothing.
    #expect(
      reason(
        "We are cutting 30 support roles after the Dorne contract ended. || Don't say: 'AI is"
          + " not the reason'.") == .framing)
    #expect(
      reason(
        "We are cutting 30 support roles after the Dorne contract ended. || AI is not the"
          + " reason.") == .denied)
    // A claim quoted as a phrase to avoid ties nothing to the cut.
    #expect(
      reason(
        "We are cutting 30 support roles after losing the Dorne contract. || Avoid: 'replaced"
          + " by AI', 'the robots'.") == .framing)
    // Without the label the same words are the memo's own.
    #expect(
      reason(
        "We are cutting 30 support roles after losing the Dorne contract. || Say: 'we were"
          + " replaced by AI'.") == .implied)
    // The memo's key message still gives its reason.
    #expect(
      reason(
        "Key message: our AI assistant now resolves most tickets, so we are cutting 30 support"
          + " roles. || Don't say: 'AI is not the reason'.") == .explicit)
  }

  @Test("AI in a contrasting section is not read beside the cut in the other")
  func contrastingSections() {
    #expect(
      reason(
        "On the cost side, we are closing two call centres, which will cut 150 jobs. || On the"
          + " growth side, our AI assistant now reaches half of our clients.") == .framing)
    #expect(
      reason(
        "We are closing two call centres, which will cut 150 jobs. || Our AI assistant now"
          + " reaches half of our clients.") == .implied)
    // AI inside the cut's own section stays beside it.
    #expect(
      reason(
        "On the cost side, we are cutting 150 jobs in our call centres. Our AI assistant answers"
          + " most calls there. || On the growth side, sales rose.") == .implied)
  }

  @Test("A closing line of hashtags labels the whole post")
  func hashtagLine() {
    #expect(
      reason(
        "Today we said goodbye to 40 colleagues in Finance. || Thank you all. || It was an"
          + " honour. || Onward to next year. || #GenAI #Leadership") == .implied)
    // The same AI in a sentence of its own, far from the cut, is out of reach.
    #expect(
      reason(
        "Today we said goodbye to 40 colleagues in Finance. || Thank you all. || It was an"
          + " honour. || Onward to next year. || We love GenAI here.") == .framing)
  }

  @Test("A cut whose cause is performance is not read beside AI nearby")
  func performanceCause() {
    #expect(
      reason(
        "Every team now uses our AI agents daily. || This week we part ways with 5% of staff,"
          + " all rated below expectations twice. That decision is about performance.")
        == .framing)
    #expect(
      reason(
        "Every team now uses our AI agents daily. || This week we part ways with 5% of staff"
          + " across the company.") == .implied)
  }

  @Test("A cut that is its own causal verb takes AI as cause only on its subject side or as agent")
  func selfCausingCut() {
    #expect(reason("Our AI has now made 40 roles redundant in billing.") == .explicit)
    #expect(reason("In billing, 40 roles were made redundant by our new AI.") == .explicit)
    // AI only in the title of the memo that announced the cut.
    #expect(
      reason(
        "The bank will make 40 roles redundant, its chief told staff in a memo headed 'AI at"
          + " our heart'.") == .implied)
  }

  @Test("A cut as a key result of an objective that names AI is explicit")
  func objectivesAndKeyResults() {
    #expect(
      reason(
        "Objective: Become an agent-first claims team. || KR1: 60% of claims closed by our AI"
          + " agents. || KR2: Reduce claims headcount to 90.") == .explicit)
    // AI only in a sibling key result: side by side, not served.
    #expect(
      reason(
        "Objective: Run a leaner back office. || KR1: Roll out our AI invoice reader to every"
          + " team. || KR2: Reduce finance headcount to 140.") == .implied)
    #expect(
      reason("Objective: Run a leaner back office. || KR1: Reduce finance headcount to 140.")
        == .absent)
  }

  @Test("A purpose with AI in the cut's sentence or the subject line is its reason")
  func statedPurpose() {
    #expect(reason("We are eliminating 900 roles to fund our AI investment.") == .explicit)
    #expect(
      reason(
        "We are eliminating 900 roles to fund the new Leeds plant. || Our AI pilot continues.")
        == .implied)
    #expect(
      reason(
        "Subject: Reallocating for the agent era || Team, || We are eliminating 900 roles in"
          + " sales operations.") == .explicit)
    // A subject line that names AI with no purpose or cause stays beside the cut.
    #expect(
      reason(
        "Subject: Our AI roadmap and a change in Sales || Team, || We are eliminating 90 roles"
          + " in sales operations.") == .implied)
  }
}
