import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// General causes of probe batch L's misses (lexicon 2.11.0), each checked on invented
/// sentences, for and against: one sense of bare "agents" per memo, a reason anchored over the
/// whole memo, a consequence adverb and a fall in need pointing back, a short denial taken
/// back, and cuts told as shares and falling counts.
@Suite("Agent sense, anchored reasons, denials taken back")
struct AgentSenseAndAnchorTests {
  func card(_ text: String) -> ScoreCard { ShippedScorer.card(text) }
  func reason(_ text: String) -> AIReason { card(text).aiReason }
  /// Whether a bare "agents" (the word alone) counts as an AI reference.
  func bareAgentsAreAI(_ text: String) -> Bool {
    card(text).hits.contains { entry in
      entry.role == "ai_reference" && entry.matches.contains { $0.text.lowercased() == "agents" }
    }
  }

  @Test("Bare agents are AI agents when the memo names AI anywhere")
  func senseFromAINamed() {
    #expect(
      bareAgentsAreAI(
        "Every engineer now has an AI coding assistant. || The agents write most of the release"
          + " notes."))
    // The same sentence alone: nothing says what the agents are.
    #expect(!bareAgentsAreAI("The agents write most of the release notes."))
  }

  @Test("Bare agents stay people when the memo names their trade anywhere")
  func senseFromTrade() {
    #expect(
      !bareAgentsAreAI(
        "Every engineer now has an AI coding assistant. || Our insurance agents visit clients on"
          + " Fridays, and the agents file their notes by hand."))
    #expect(
      !bareAgentsAreAI(
        "We use an AI model to flag fraud. || The agents on the night shift moved to the new call"
          + " centre in Derby."))
    // A trade word after an AI word is an AI agent's ("AI support agents").
    #expect(
      bareAgentsAreAI(
        "Our AI support agents went live in May. || Since then the agents draft every refund"
          + " note."))
  }

  @Test("Agents set against the people whose work they took are AI agents, with the evidence")
  func senseFromContrast() {
    let text =
      "Three years ago the month-end close took twelve people a week. || Now the agents reconcile"
      + " the ledgers overnight, and the finance team shrinks from 30 people to 18."
    #expect(reason(text) == .implied)
    let link = card(text).index.attribution.contributions.first?.reason ?? ""
    #expect(link.contains("read as AI agents: agents set against 'people'"))
    // No people and no change over time beside them: the agents keep no sense.
    #expect(
      reason(
        "The month-end close takes a week. || The agents reconcile the ledgers overnight, and the"
          + " finance team shrinks from 30 people to 18.") == .absent)
  }

  @Test("An inferred sense opens no denial: a hiring rule about agents is no denial of AI")
  func inferredSenseDeniesNothing() {
    #expect(
      reason(
        "We launched an AI assistant for the support team. || We are cutting 40 roles in support."
          + " || New hires need a case showing why agents cannot do the work.") == .implied)
  }

  @Test("A reason anchored over the whole memo links to a cut paragraphs later")
  func anchoredReason() {
    let opening =
      "Our AI models now write the first draft of every claims letter. This single change drives"
      + " everything below. || First, pay. Salaries rise 3% in April. || Second, offices. We keep"
      + " Leeds and Cork. || "
    #expect(
      reason(opening + "Finally, the Claims Writing team will shrink by 45 roles.") == .explicit)
    // The sentence after the AI sets it over nothing: the cut is too far to be implied.
    #expect(
      reason(
        "Our AI models now write the first draft of every claims letter. This was a good year for"
          + " all of us. || First, pay. Salaries rise 3% in April. || Second, offices. We keep"
          + " Leeds and Cork. || Finally, the Claims Writing team will shrink by 45 roles.")
        == .framing)
    // The cut gives its own cause: the anchor does not reach it.
    #expect(
      reason(
        opening
          + "Finally, because the Denver contract ended, the Claims Writing team will shrink by 45"
          + " roles.") != .explicit)
  }

  @Test("An adverb of consequence in the cut's sentence points back at the AI before it")
  func consequencePointsBack() {
    #expect(
      reason(
        "Since spring our AI assistant has answered most payroll queries. The board has therefore"
          + " decided to cut 14 roles in payroll.") == .explicit)
    #expect(
      reason(
        "Since spring our AI assistant has answered most payroll queries. The board has decided to"
          + " cut 14 roles in payroll.") == .implied)
    // Another cause named in the cut's sentence takes the "therefore".
    #expect(
      reason(
        "Since spring our AI assistant has answered most payroll queries. After we lost the Hallam"
          + " contract, the board has therefore decided to cut 14 roles in payroll.") == .implied)
  }

  @Test("A fall in need naming again what the AI handles, before a cut, is the cut's reason")
  func needFalls() {
    #expect(
      reason(
        "This year we gave the scheduling to an AI planner, and it now does the rota checks. ||"
          + " The rota checks no longer need four coordinators. Three coordinator roles will close"
          + " in June.") == .explicit)
    // "That change means we need fewer…" points at a change, not at the work: implied.
    #expect(
      reason(
        "This year we gave the scheduling to an AI planner, and it now does the rota checks. ||"
          + " That change means we need fewer coordinators. Three coordinator roles will close in"
          + " June.") == .implied)
  }

  @Test("A short denial taken back in the same answer leaves the question's claim standing")
  func denialTakenBack() {
    let question = "Q: Were the 30 cuts in Billing because of the chatbot? || A: No. "
    #expect(
      reason(
        question
          + "Let me correct that. Not every one, but most: the chatbot now answers the billing"
          + " questions.") == .explicit)
    #expect(
      reason(question + "Yes, in part: the chatbot now answers the billing questions.")
        == .explicit)
    // An admission after a new question is of something else; a plain answer keeps the denial.
    #expect(reason(question + "Were they because of the lost contract? Mostly, yes.") == .denied)
    #expect(reason(question + "The chatbot answers password questions only.") == .denied)
  }

  @Test("Cuts told as a share said goodbye to, a falling count of people, cuts in a unit")
  func cutForms() {
    #expect(card("Next week we say goodbye to nearly one in ten colleagues.").announcesCuts)
    #expect(card("Customer Care shrinks from 120 people to 75 by June.").announcesCuts)
    #expect(!card("Customer Care grows from 75 people to 120 by June.").announcesCuts)
    #expect(!card("Two cuts in the interest rate came in spring.").announcesCuts)
    // A negation between a count and its jobs word: no jobs are cut.
    #expect(
      !card("Managers will lead squads of six, and no roles are going.").announcesCuts)
  }

  @Test("AI named with a tool word in German or French inside English text")
  func toolWordsAbroad() {
    #expect(
      reason("Since our KI-Agenten took over order entry, the department will cut 12 jobs.")
        == .explicit)
    #expect(
      reason("Since our Agenten took over order entry, the department will cut 12 jobs.") == .absent
    )
    #expect(
      reason("From May each squad gets its own agents IA. No post is eliminated.") == .framing)
  }

  @Test("'AI 1:' opening a paragraph is an action item; 'AI 2.0' is AI")
  func actionItems() {
    #expect(
      reason(
        "Follow-ups || AI 1: Legal to send the redundancy letters to the 14 people in Billing. ||"
          + " AI 2: Finance to close the Derby office.") == .absent)
    #expect(reason("AI 2.0 ships in May. || We will cut 14 jobs in Billing.") == .implied)
  }

  @Test("'Was this AI? No.' denies AI as the cause; 'Is AI useful? No.' does not")
  func pointingQuestion() {
    #expect(reason("Q: Is it AI? || A: No. Demand fell, and we are cutting 14 jobs.") == .denied)
    #expect(
      reason("Q: Is AI useful? || A: No. Demand fell, and we are cutting 14 jobs.") == .implied)
  }

  @Test("A role identified as redundant is a cut")
  func identifiedAsRedundant() {
    #expect(card("Your role as Payroll Officer has been identified as redundant.").announcesCuts)
    #expect(!card("The second server was identified as redundant backup capacity.").announcesCuts)
  }

  @Test("An AI that removes the need for what the cut before names is its reason")
  func needRemovedAfterCut() {
    let cut = "Dear Sam, || Your role as Payroll Officer has been identified as redundant. "
    #expect(
      reason(
        cut
          + "Timesheet checks are now run by our AI assistant, so there is no longer any need for"
          + " the role. || Regards, Jo") == .explicit)
    // A need for something else, or no need named: implied.
    #expect(
      reason(cut + "Our AI assistant is popular, and there is no need for panic. || Regards, Jo")
        == .implied)
    #expect(
      reason(cut + "Timesheet checks are now run by our AI assistant. || Regards, Jo") == .implied)
  }
}
