import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// General causes of probe batch J's misses (lexicon 2.9.0), each checked on invented
/// sentences, for and against: cuts stated by numbers, AI named by product, denials by
/// numbers and scope, a cut with another named cause beside AI strategy, and cuts told as size
/// or absence.
@Suite("Cuts by numbers, AI products, denials by numbers and scope")
struct NumbersAndProductsTests {
  func reason(_ text: String) -> AIReason { ShippedScorer.card(text).aiReason }
  func announces(_ text: String) -> Bool { ShippedScorer.card(text).announcesCuts }

  @Test("A signed count of people is a cut only with a minus sign")
  func signedCount() {
    #expect(announces("Cost levers for 2027 || • Claims back office: -220 FTE, GBP 9m"))
    #expect(announces("Shared services: −75 roles by Q3"))
    // No sign, or a year range: no cut.
    #expect(!announces("Claims back office: 220 FTE, GBP 9m"))
    #expect(!announces("Plan 2026-2028 staff survey: 400 employees replied"))
  }

  @Test("Two counts side by side are a cut only with an arrow and a fall")
  func arrowCounts() {
    #expect(announces("Branch staff: 1,450 -> 1,020"))
    #expect(announces("Warehouse headcount 300 → 210 (2025 vs 2027)"))
    // A rise, or no arrow, is no cut.
    #expect(!announces("Branch staff: 1,020 -> 1,450"))
    #expect(!announces("Branch staff 1,450 1,020"))
    // Digits grouped by a space are one number.
    #expect(announces("Some 3 400 clerical posts will disappear by 2027."))
  }

  @Test("A count beside an earlier one is a cut only when it fell")
  func earlierCount() {
    #expect(announces("Team: Returns desk || Members: 2 (previously 19)"))
    #expect(!announces("Team: Returns desk || Members: 19 (previously 2)"))
  }

  @Test("A line item naming AI with a falling count is explicit; beside it, implied")
  func lineItems() {
    #expect(
      reason(
        "Savings 2027 || • Generative AI in claims handling: -310 FTE, EUR 22m || • Fleet"
          + " renewal: EUR 6m") == .explicit)
    #expect(
      reason(
        "Operations review || Claims handlers: 900 -> 640 || Claims closed by our AI model:"
          + " 5% -> 47%") == .implied)
    // The same list without AI: a cut, no AI.
    #expect(
      reason("Savings 2027 || • Depot closures: -310 FTE, EUR 22m || • Fleet renewal: EUR 6m")
        == .absent)
    // The AI metric rises and no people count falls: no cut.
    #expect(
      reason("Operations review || Claims closed by our AI model: 5% -> 47%") == .framing)
  }

  @Test("AI products count as AI, a team page with a product beside a fallen count is implied")
  func products() {
    #expect(
      reason(
        "Team: Chat support || Status: closed || Members: 0 (previously 14) || Tools: Intercom"
          + " Fin, Zendesk") == .implied)
    #expect(reason("Our designers now brief Midjourney for every storyboard.") == .framing)
    // Common words that are no product alone.
    #expect(reason("Move the cursor to the field and press enter.") == .absent)
    #expect(reason("The shark's fin broke the surface near the pier.") == .absent)
  }

  @Test("A product name where a person's or a code name stands is no AI")
  func namesAndCodenames() {
    #expect(
      reason("Site closures || Owner: Claude Ferrand (Plant Director) || 120 roles affected.")
        == .absent)
    #expect(reason("Claude Ferrand will close the Lyon depot; 40 jobs will be cut.") == .absent)
    #expect(
      reason("Under Operation Gemini, our merger with Norbank, we will close 12 branches.")
        == .absent)
    #expect(reason("Dr Claude Abiodun will cut 30 posts in the lab.") == .absent)
    #expect(reason("Jean-Claude Moreau will cut 30 posts in the lab.") == .absent)
    // The product stays AI: a qualifier, a lower-case verb, a headline's second capital.
    #expect(reason("Claude Code now writes most of our tests, so we cut 20 QA roles.") == .explicit)
    #expect(
      reason("We will cut 15 support roles because Gemini now drafts the replies.") == .explicit)
    #expect(reason("Copilot Gets Smarter || We cut 12 QA roles this spring.") == .implied)
  }

  @Test("A small AI share then another named cause denies AI")
  func shareDenial() {
    #expect(
      reason(
        "Some say the chatbot did this. Our chatbot resolves about three percent of chats. The"
          + " 40 roles went because of the merger with Arlo Bank.") == .denied)
    #expect(
      reason(
        "Our AI assistant answers 6% of calls. We are cutting 25 jobs after the loss of our"
          + " biggest client contract.") == .denied)
    // A large share, or a cut whose cause names no other reason, keeps AI.
    #expect(
      reason(
        "Our AI assistant answers 60% of calls. We are cutting 25 jobs after the loss of our"
          + " biggest client contract.") != .denied)
    #expect(
      reason("Our AI assistant answers 6% of calls. As a result, we are cutting 25 jobs.")
        != .denied)
  }

  @Test("A negative quantifier placing the cut outside the AI's teams denies AI")
  func scopeDenial() {
    #expect(
      reason(
        "Of the 200 roles being cut, none are in the units where the AI pilot runs. The cuts"
          + " follow the loss of the Dover contract.") == .denied)
    #expect(
      reason("We will cut 80 jobs. Nobody in the teams using AI assistants is affected.")
        == .denied)
    // The quantifier places nothing: no denial.
    #expect(reason("None of us in the design team uses the AI tools yet.") != .denied)
    #expect(
      reason(
        "We will cut 80 jobs in the units where our AI assistant answers calls; none in"
          + " finance.") != .denied)
    // A count in words is no signed count.
    #expect(!announces("Our agents ran forty million agent sessions last month."))
    #expect(
      reason("Our AI now reads every invoice, work a team of twenty people did by hand.")
        == .framing)
  }

  @Test("What follows a denying opening clause explains it")
  func explanationAfterDenial() {
    #expect(
      reason(
        "People ask whether our AI agent replaced the claims team. It did not: the agent only"
          + " books appointments, and the 25 roles we closed moved to our Porto office.")
        == .denied)
    // Without a denial the same explanation is a reason.
    #expect(
      reason("We closed 25 scheduling roles because our AI agent now books appointments.")
        == .explicit)
  }

  @Test("A cut with another named cause beside AI strategy is framing")
  func otherCauseFraming() {
    #expect(
      reason(
        "After the loss of its rail maintenance contract, Norbeck will cut 70 jobs in Derby. ||"
          + " Separately, Norbeck restates its plan to put AI at the heart of scheduling.")
        == .framing)
    #expect(
      reason(
        "Q: Why the cuts in March? || A: That was the Nordic furniture market, nothing more. I"
          + " also believe every retailer will run on AI within ten years.") == .framing)
    // A purpose pointing back at the AI keeps it the reason, though costs are named.
    #expect(
      reason(
        "Our AI programme is large. To pay for it, we are cutting operating costs, including a"
          + " reduction of 90 roles in admin.") == .implied)
    // No named cause: AI beside the cut stays implied.
    #expect(
      reason(
        "Norbeck will cut 70 jobs in Derby. || Norbeck restates its plan to put AI at the heart"
          + " of scheduling.") == .implied)
  }

  @Test("Cuts told as size or absence")
  func sizeAndAbsence() {
    #expect(announces("We are a leaner firm now, about forty people smaller than last spring."))
    #expect(announces("Priya is no longer with the company."))
    #expect(
      reason(
        "Sadly Tom is no longer with us: the desk that handled renewals was wound down, as our"
          + " AI assistant now processes renewals.") == .explicit)
    #expect(!announces("The pilot programme was wound down after a month."))
    #expect(!announces("The new office is 40 square metres smaller."))
  }
}

/// The misses batch J left after the first fixes, by general cause: a reason pointed back at
/// with "that is why", counts that fall from one number to another, and a collective
/// dismissal procedure as a cut.
@Suite("Reasons pointed back at, counts from one number to another")
struct PointedReasonTests {
  func reason(_ text: String) -> AIReason { ShippedScorer.card(text).aiReason }
  func announces(_ text: String) -> Bool { ShippedScorer.card(text).announcesCuts }

  @Test("'That is why' after a sentence naming AI makes it the cut's reason")
  func thatIsWhy() {
    #expect(
      reason(
        "Since the claims team got an AI drafting assistant, output per handler doubled. That is"
          + " why the claims team goes from 40 to 22 in May.") == .explicit)
    #expect(
      reason(
        "Our chatbot now answers most billing questions. That's why we are cutting 15 billing"
          + " roles.") == .explicit)
    // Another cause named beside the AI, or no cut after "that is why": not explicit.
    #expect(
      reason(
        "We overhired in 2022 while we rolled out AI. That is why we are cutting 15 billing roles.")
        != .explicit)
    #expect(
      reason("Our chatbot now answers most billing questions. That is why we are hiring.")
        == .framing)
    // "That is why" far from the AI, in another paragraph: implied at most.
    #expect(
      reason(
        "Our chatbot now answers most billing questions. || Sales fell in spring. That is why we"
          + " are cutting 15 billing roles.") != .explicit)
  }

  @Test("A count from one number to another is a cut only when it falls")
  func fromTo() {
    #expect(announces("The contractor pool goes from 40 to 12 in June."))
    #expect(!announces("The contractor pool goes from 12 to 40 in June."))
    #expect(announces("The branch establishment will reduce from 300 to 180 posts."))
  }

  @Test("A collective dismissal procedure is a cut; beside an AI rollout, implied")
  func collectiveDismissal() {
    #expect(
      reason(
        "The Group completes the rollout of its AI claims platform. || The Group also opens a"
          + " collective dismissal procedure for 60 employees of its claims offices.") == .implied)
    #expect(!announces("The collective agreement was renewed for three years."))
  }
}
