import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// The general causes of probe batch H's misses (lexicon 2.7.0), each checked on invented
/// sentences, for and against: a reason given as a rhetorical question, in a table row, in a
/// footnote or after a reason label; a yes to a reported question; a tool named again by its
/// name or a definite noun; and the cut and AI vocabulary of other registers.
@Suite("Reasons in layout, questions and coreference")
struct ReasonLayoutTests {
  func card(_ text: String) -> ScoreCard { ShippedScorer.card(text) }

  func reason(_ text: String) -> AIReason { card(text).aiReason }

  @Test("A rhetorical question about keeping people while AI does the work, beside a cut")
  func rhetoricalRetention() {
    #expect(
      reason(
        "Why should we keep twelve analysts compiling weekly reports when our AI assistant builds"
          + " them overnight? We shouldn't. The reporting desk of twelve will be cut to three in"
          + " April, so nine roles will close.") == .explicit)
    #expect(
      reason(
        "We are closing 25 roles in document control. Why would anyone pay a team to re-type"
          + " scanned forms when a language model reads them instantly?") == .explicit)
    // Not about keeping people: the question stays beside the cut.
    #expect(
      reason(
        "We are closing 25 roles in document control. Why do customers like our new AI assistant"
          + " so much? It answers at night.") == .implied)
    // The answer "We won't." agrees with the question and denies nothing; without AI, no AI.
    #expect(
      reason(
        "Why would we keep paying for three warehouses when two are half empty? We won't. The"
          + " Slough site will close and 40 roles will close with it.") == .absent)
  }

  @Test("A table row reads as one statement under its header's columns")
  func tableRows() {
    #expect(
      reason(
        "Function | Jobs cut | Reason || Claims intake | 40 | chatbot now triages first notice of"
          + " loss || Legal | 3 | retirements") == .explicit)
    // AI in the row but not in a reason column: implied.
    #expect(
      reason(
        "Team | Roles reduced | Notes || Billing | 30 | moving to the AI-enabled billing platform"
          + " next year") == .implied)
    // A column that counts hires is no cut.
    #expect(
      reason("Team | New hires | Driver || Data science | 12 | demand for AI features")
        == .framing)
    let plain = card(
      "Region | Roles affected | Reason || North | 30 | lease ended || South | 12 | merged with"
        + " North")
    #expect(plain.aiReason == .absent)
    #expect(plain.announcesCuts)
    #expect(!card("Region | Offices | Reason || North | 3 | growth").announcesCuts)
    // A "Cut" column with no people or jobs in the header counts money.
    #expect(
      reason("Budget line | Cut | Reason || Travel | 40 | AI tools replace agency fees")
        == .framing)
  }

  @Test("A footnote reads as part of the sentence its mark follows")
  func footnotes() {
    #expect(
      reason(
        "We will reduce the underwriting team by 35 roles.† || Consultation starts on Monday. ||"
          + " We thank everyone for their work. || † The reduction follows from our AI pricing"
          + " assistant now writing most standard quotes.") == .explicit)
    #expect(
      reason(
        "We will reduce the archive team by 9 roles.* || Consultation starts on Monday. || * To"
          + " be clear, the reduction is not linked to artificial intelligence; the archive moves"
          + " to a partner.") == .denied)
    // Paired asterisks are emphasis, so the last line is a bullet, not a note to the cut.
    #expect(
      reason(
        "We are *really* proud of this year. || We will reduce the archive team by 9 roles, as"
          + " the lease ends. || The office moves in May. || Thank you. || * Our AI course opens"
          + " in June.") == .framing)
  }

  @Test("A labelled reason after a cut points back at it")
  func reasonLabels() {
    #expect(
      reason(
        "We reduced the service desk by 20 roles last month. The main driver: our AI agents now"
          + " resolve password resets end to end.") == .explicit)
    // A label that names no reason ("Next up:") leaves AI beside the cut.
    #expect(
      reason(
        "This spring we parted ways with 14 colleagues in translation. Next up: machine"
          + " translation for every manual we publish.") == .implied)
  }

  @Test("A name or a definite noun refers back to an AI tool introduced earlier")
  func coreference() {
    #expect(
      reason(
        "Meet Juno, our AI claims assistant, who now answers most policy questions. Because Juno"
          + " handles those calls, we have cut 30 roles in the contact centre.") == .explicit)
    #expect(
      reason(
        "Our new AI intake assistant, Pip, now answers most first calls. Because Pip takes those"
          + " calls, we are reducing the front desk by 6 roles.") == .explicit)
    #expect(
      reason(
        "Last year we introduced an AI drafting tool for the legal team. This quarter we are"
          + " eliminating 18 paralegal roles because the tool now drafts most standard"
          + " contracts.") == .explicit)
    // Without AI named first, "the tool" is just a tool.
    #expect(
      reason(
        "We bought a new drafting tool for the design office. We are eliminating 18 roles because"
          + " the tool cut rework.") == .absent)
    // A weekday after the apposition is no name.
    let weekday = card(
      "Our AI assistant, Monday to Friday, answers billing questions. On Monday the new price"
        + " list goes live.")
    #expect(weekday.hits.flatMap(\.matches).allSatisfy { $0.text != "Monday" })
  }

  @Test("A yes to a reported or direct question about the cause of a cut is explicit")
  func reportedQuestions() {
    #expect(
      reason(
        "Some of you asked whether the job cuts are connected to the copilot rollout. Yes: the"
          + " copilots now write most of the test scripts the QA contractors wrote.")
        == .explicit)
    #expect(
      reason(
        "Some of you asked whether the job cuts are connected to the copilot rollout. No: the"
          + " contractors' project ended in March.") == .denied)
    // A question that is not about a cause.
    #expect(
      reason(
        "We cut 40 jobs in the call centre this spring. Some of you asked whether our new chatbot"
          + " works on weekends. Yes, it does.") == .implied)
  }

  @Test("A question whether AI cost jobs, answered by people moved to other work, is denied")
  func counterExample() {
    #expect(
      reason(
        "Has automation cost anyone here their job? We retrained all nine schedulers as planners"
          + " last spring. The 20 roles we are closing are in the Derby depot, whose lease ends.")
        == .denied)
    // An answer that cuts, or says yes, denies nothing.
    #expect(
      reason(
        "Has automation cost anyone here their job? We moved nine schedulers into planning and"
          + " cut 20 roles in the depot.") == .implied)
    #expect(
      reason(
        "Has automation cost anyone here their job? Yes, and we retrained nine of them. The 20"
          + " roles we are closing are in the depot.") == .implied)
  }

  @Test("Cut and AI vocabulary of other registers")
  func registers() {
    #expect(
      reason(
        "The design team will go from 20 people to 8 over the summer. Our AI image tools are"
          + " rolling out to everyone.") == .implied)
    #expect(
      reason(
        "The design team will go from 8 people to 20 over the summer. Our AI image tools are"
          + " rolling out to everyone.") == .framing)
    #expect(
      reason(
        "The union says management justified the 60 job cuts with the rollout of AI scheduling"
          + " software.") == .explicit)
    #expect(
      reason("The 30 roles we are cutting are in Leeds. Our AI platform launches next week.")
        == .implied)
    #expect(
      reason("The 12 ops cuts were confirmed on Monday. The agent pilot began on Tuesday.")
        == .implied)
    #expect(
      reason("Our contact centre in Hull will close in June, and our new AI assistant is live.")
        == .implied)
    #expect(
      reason("The office will close early on Friday, and our new AI assistant is live.")
        == .framing)
    #expect(reason("Our travel agent platform lists 40 hotels; we cut 3 roles.") == .absent)
  }
}
