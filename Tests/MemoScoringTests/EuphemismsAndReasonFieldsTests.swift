import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// General causes of probe batch K's misses (lexicon 2.10.0), each checked on invented
/// sentences, for and against: cuts named by euphemisms, causes in idioms and reported reasons,
/// a labelled reason field in a dismissal notice, a denial reported after a question, and the
/// sloth called "ai".
@Suite("Euphemistic cuts, reason fields, reported denials, the sloth")
struct EuphemismsAndReasonFieldsTests {
  func reason(_ text: String) -> AIReason { ShippedScorer.card(text).aiReason }
  func announces(_ text: String) -> Bool { ShippedScorer.card(text).announcesCuts }

  @Test("Roles, seats or a team sunset or transitioned out are cuts; a product or a move is not")
  func sunsetAndTransition() {
    #expect(announces("The analytics desk is being sunset at the end of the quarter."))
    #expect(announces("Of the 300 roles we are sunsetting, most sit in operations."))
    #expect(announces("We will sunset about 80 contractor seats in testing."))
    #expect(announces("Twelve analysts in the Leeds office are being transitioned out."))
    #expect(announces("The roles we took out last year were mostly in sales."))
    // A product sunset, a move to a tool or out of a building: no cut.
    #expect(!announces("We will sunset the legacy reporting app in June."))
    #expect(!announces("The whole team will transition to the new ticketing tool in March."))
    #expect(!announces("Staff will transition out of the old building in June."))
  }

  @Test("Freed up altogether, at-risk letters and dismissal notices are cuts")
  func otherEuphemisms() {
    #expect(announces("Fifteen of us were freed up altogether last week."))
    #expect(announces("The at-risk letters arrived on Monday."))
    #expect(announces("Number of employees to be dismissed: 41"))
    #expect(announces("By lunchtime I no longer had a job."))
    // Freed up for other work is no cut.
    #expect(!announces("The new rota freed up the nurses for the afternoon."))
  }

  @Test("A euphemistic cut with an AI reason in its sentence is explicit")
  func euphemismWithReason() {
    #expect(
      reason(
        "About 35 analysts will be transitioned out by September, their monthly reporting"
          + " having been taken over by our AI agents.") == .explicit)
    #expect(
      reason(
        "The at-risk letters arrived on Monday; the reason the company gives, in writing, is"
          + " the rollout of its AI claims assistant.") == .explicit)
    // The same euphemism with AI only as a tool the staff move to: no cut, framing.
    #expect(
      reason("The whole team will transition to the new AI ticketing tool in March.") == .framing)
  }

  @Test("Attributable mainly to, at the door of: causal links")
  func idiomaticCauses() {
    #expect(
      reason(
        "The reduction of 60 posts in payroll is attributable mainly to the automation of"
          + " timesheets with machine learning.") == .explicit)
    #expect(
      reason(
        "Of the 500 jobs going this year, the CFO laid about 300 at the door of generative AI"
          + " and the rest at the plant closure.") == .explicit)
    // A literal door is no cause.
    #expect(reason("She waited at the door of the AI lab while 20 jobs were cut.") != .explicit)
  }

  @Test("A labelled reason field in a dismissal notice gives the cut its reason")
  func reasonField() {
    #expect(
      reason(
        "Redundancy notice || Number of employees to be dismissed: 41 || Reason for proposed"
          + " dismissals: introduction of an AI-based scheduling system that performs the"
          + " rostering work of the affected posts.") == .explicit)
    #expect(
      reason(
        "Redundancy notice || Number of employees to be dismissed: 41 || Reason for proposed"
          + " dismissals: closure of the Leeds depot after the loss of the parcel contract.")
        == .absent)
  }

  @Test("A denial reported after a question denies AI; a reported admission does not")
  func reportedDenial() {
    #expect(
      reason(
        "A member asked whether the 40 job cuts in billing reflected the new AI invoicing tool."
          + " The CFO confirmed that it did not; the tool is still in testing.") == .denied)
    #expect(
      reason(
        "A member asked whether the 40 job cuts in billing reflected the new AI invoicing tool."
          + " The CFO said it was not; the cuts follow the loss of the Harrow contract.")
        == .denied)
    // "It was not easy" is no denial of the cause.
    #expect(
      reason(
        "The 40 job cuts in billing reflect the new AI invoicing tool. The CFO said that it was"
          + " not easy; the team had been with us for years.") == .explicit)
  }

  @Test("Belittling the AI before a cut with another named cause denies it")
  func belittlingDenial() {
    #expect(
      reason(
        "Q: Did the new AI assistant cost Omar his job? || A: The assistant can barely book a"
          + " meeting room. Omar's team was cut when the Halden contract expired.") == .denied)
    #expect(
      reason(
        "Our AI router can't even tell a refund from a complaint. The 20 billing roles went"
          + " because we lost the Orwell account.") == .denied)
    // Praise of the tool before the same cut is no denial.
    #expect(
      reason(
        "Our AI router now sorts every refund and complaint. The 20 billing roles went because"
          + " we lost the Orwell account.") != .denied)
  }

  @Test("A negated stop affirms: talk about AI that won't stop is no denial")
  func negatedStop() {
    #expect(reason("Leadership won't stop talking about AI agents in every meeting.") == .framing)
    #expect(reason("Leadership won't talk about AI agents in meetings.") != .framing)
  }

  @Test("Lower-case ai beside zoology words is the sloth, not artificial intelligence")
  func sloth() {
    #expect(
      reason(
        "The wildlife park will cut six keeper jobs; its two ai, a three-toed sloth species,"
          + " will move to Bristol.") == .absent)
    // The acronym at a zoo, or lower-case ai with no zoology word, stays AI.
    #expect(
      reason("The zoo will cut six keeper jobs after its AI cameras took over night watch.")
        == .explicit)
    #expect(reason("we cut six jobs because of ai tools, sadly") == .explicit)
  }
}
