import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// General causes of probe batch I's misses (lexicon 2.8.0), each checked on invented
/// sentences, for and against: a claim rejected by "wrong to say", a reported dispute, a
/// guarantee against cuts, and "AI" as artificial insemination.
@Suite("Denials by rejection and dispute, guarantees, AI as insemination")
struct DenialAndSenseTests {
  func reason(_ text: String) -> AIReason { ShippedScorer.card(text).aiReason }

  @Test("A predicate that rejects saying a claim denies it")
  func rejectedClaim() {
    #expect(
      reason(
        "It would be misleading to claim that our chatbot caused the 60 job cuts in billing; the"
          + " contract with our largest client ended.") == .denied)
    #expect(
      reason(
        "We are cutting 30 roles in Leeds. It would be unfair to suggest AI is behind this"
          + " decision, which follows the loss of the rail contract.") == .denied)
    // The rejected claim is itself a denial: the rejection affirms it.
    #expect(
      reason(
        "It would be dishonest to tell you that AI had nothing to do with the 45 job cuts.")
        == .explicit)
    // Not a rejecting predicate: the claim stands.
    #expect(
      reason("It is fair to say AI drove these cuts: 50 support roles will go by May.")
        == .explicit)
    // The rejection itself negated: "not wrong to say" affirms.
    #expect(
      reason("It would not be wrong to say that AI drove the 50 job cuts in support.")
        == .explicit)
  }

  @Test("A denial as a contrast naming another agent of the cut")
  func contrastDenial() {
    #expect(reason("Automation didn't cut these 25 roles; the lost contract did.") == .denied)
    #expect(
      reason("Our chatbot did not eliminate the 60 jobs in billing, the merger did.") == .denied)
    // No other agent: "and we never did" denies the cut itself in a memo with no cuts.
    #expect(
      reason("We did not cut jobs because of AI, and we never did. Our AI pilot continues.")
        != .explicit)
  }

  @Test("Nothing to do with AI, in French, German, Spanish and Dutch")
  func foreignDenials() {
    #expect(
      reason(
        "Chers collègues, la fermeture du site n'a rien à voir avec l'IA. 30 colleagues will be"
          + " made redundant when the depot closes.") == .denied)
    #expect(
      reason(
        "Liebe Kolleginnen und Kollegen, der Abbau von 50 Stellen hat nichts mit KI zu tun; we"
          + " are cutting 50 roles because the plant loses its contract.") == .denied)
    #expect(
      reason(
        "Hola equipo: la reducción de 20 puestos no tiene nada que ver con la IA. We are"
          + " cutting 20 roles because the Madrid client left.") == .denied)
    #expect(
      reason(
        "Beste collega's, het verlies van 15 banen heeft niets te maken met AI. We are cutting"
          + " 15 roles because the Rotterdam contract ended.") == .denied)
    // An English "IA" (Iowa) is no AI.
    #expect(
      reason("Our depot in Des Moines, IA, will close and 40 jobs will be cut.") == .absent)
    // A foreign clause that affirms the link stays explicit.
    #expect(
      reason(
        "Wegen der KI brauchen wir weniger Leute: we are cutting 30 roles because our AI"
          + " assistant now answers most calls.") == .explicit)
  }

  @Test("A reported dispute of an AI link is a denial; a dispute as a noun is not")
  func reportedDispute() {
    #expect(
      reason(
        "Union officials dispute claims tying the 120 job cuts to the bank's chatbot, saying the"
          + " branch closures were agreed two years ago.") == .denied)
    #expect(
      reason(
        "Executives at the carrier refute reports that the 80 layoffs were caused by its new"
          + " routing AI.") == .denied)
    // "Dispute" as a noun rejects nothing.
    #expect(
      reason(
        "After a long pay dispute, the studio cut 40 jobs because its AI tools now do the"
          + " storyboards.") == .explicit)
    #expect(
      reason("The dispute over AI ended when the company cut 40 roles because of AI.")
        == .explicit)
  }

  @Test("A guarantee against cuts announces none and denies no cause")
  func guaranteeAgainstCuts() {
    // The guarantee is no denial and announces no cut; without AI framing elsewhere the memo
    // reads absent, with it framing.
    for text in [
      "Management has agreed that there will be no job losses because of AI before 2030, and"
        + " every clerk will be trained on the new tools.",
      "We pledge no layoffs due to automation in the claims team; the new AI assistant will"
        + " take on the repetitive checks.",
    ] {
      #expect([.framing, .absent].contains(reason(text)))
    }
    #expect(
      reason(
        "Our AI-first plan has one promise: there will be no redundancies for reasons of AI"
          + " until the end of 2029.") == .framing)
    // A plain denial of the cause beside an announced cut stays a denial.
    #expect(
      reason(
        "We are cutting 40 roles because the tariff doubled our costs. We are not laying anyone"
          + " off because of AI, and we promise to say so if that changes.") == .denied)
  }

  @Test("AI as artificial insemination is no AI")
  func artificialInsemination() {
    #expect(
      reason(
        "The breeding co-op will close its AI service for beef herds in March and 9 AI"
          + " technicians will lose their jobs.") == .absent)
    #expect(
      reason(
        "Demand for sexed semen and AI fell by a third, so we are cutting 12 field roles.")
        == .absent)
    #expect(
      reason(
        "We will stop offering artificial insemination next year; 6 AI staff will be made"
          + " redundant.") == .absent)
    // Livestock and AI in the sense of intelligence.
    #expect(
      reason(
        "Our AI cameras now watch the whole herd at night, so we are cutting 8 night-shift"
          + " stockman roles.") == .explicit)
    #expect(
      reason(
        "A bull market for AI start-ups lets us hire, but 30 support jobs will go because our"
          + " AI assistant answers most tickets.") == .explicit)
    #expect(
      reason(
        "Artificial intelligence now plans our artificial insemination rounds, so 10 planning"
          + " roles will be cut.") == .explicit)
  }
}
