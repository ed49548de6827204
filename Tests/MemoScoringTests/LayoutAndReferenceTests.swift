import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// The causes of the misses left after probe batch F, each checked on invented sentences, for
/// and against: a pronoun standing for the cut jobs, "models" near AI, question-and-answer
/// units, adjacent list items, and "AI" defined as something else.
@Suite("Layout and reference cues")
struct LayoutAndReferenceTests {
  func reason(_ text: String) -> AIReason { ShippedScorer.card(text).aiReason }

  func announces(_ text: String) -> Bool { ShippedScorer.card(text).announcesCuts }

  @Test("A cut of 'them' counts when people or jobs were named just before")
  func pronounCut() {
    #expect(
      reason(
        "We hired 300 contractors in 2023. This spring we let them go because our AI agents"
          + " took over their tickets.") == .explicit)
    #expect(
      reason(
        "The firm did not shed 400 workers over costs; it shed them because its chatbots"
          + " improved.") == .explicit)
    #expect(!announces("Prices rose all year, and AI helped us see it, so in March we cut them."))
    #expect(
      reason("The company didn't cut 200 roles because of AI, it cut them because demand fell.")
        == .denied)
  }

  @Test("Of two same causal words in a sentence, the affirmed one links AI to the cut")
  func affirmedCauseAfterNegatedOne() {
    #expect(reason("We are cutting 40 jobs, not because of demand but because of AI.") == .explicit)
    #expect(
      reason("AI did not cause these layoffs; the layoffs were caused by weak demand.") == .denied)
  }

  @Test("'Models' is AI near an AI word, or when the models got good; not business models")
  func models() {
    #expect(
      reason(
        "We rolled out AI across legal this year. Our models now draft the first pass of every"
          + " contract, so we are cutting 12 paralegal roles.") == .explicit)
    #expect(
      reason(
        "Our models now draft the first pass of every contract, so we are cutting 12 paralegal"
          + " roles.") == .absent)
    #expect(
      reason("The agency will cut 12 jobs because its models now walk for rival houses.") == .absent
    )
    #expect(
      reason(
        "We cut 40 jobs in May. The models had become so good that the rest now"
          + " ship more.") == .implied)
    #expect(
      reason("We cut 40 jobs in May. Our pricing models had become better.") == .absent)
  }

  @Test("In a Q&A, a question and its answer are one unit for the implied window")
  func questionAnswerUnits() {
    #expect(
      reason(
        "Q: How many jobs will be affected? || A: Roughly 300 across two sites. || Q: What is the"
          + " plan for next year? || A: AI tools will roll out to every team.") == .implied)
    // The same distance without questions: out of reach.
    #expect(
      reason(
        "We are cutting 300 jobs. || The canteen reopens in May. || Parking rules change in June."
          + " || AI tools will roll out to every team.") == .framing)
  }

  @Test("A list item giving AI and a causal link after the item with the cut is explicit")
  func adjacentBullets() {
    #expect(
      reason(
        "Changes: || - 40 roles in billing will be eliminated || - The work those roles did will"
          + " shift to our AI agents") == .explicit)
    #expect(
      reason(
        "Changes: || • 40 roles in billing will be eliminated || • Every team will use AI tools"
          + " by June") == .implied)
    // Not a list: two paragraphs stay implied.
    #expect(
      reason(
        "40 roles in billing will be eliminated. || The work those roles did will shift to our AI"
          + " agents.") == .implied)
  }

  @Test("An 'AI' defined as something else is not AI in that text")
  func redefinedAcronym() {
    #expect(
      reason(
        "Amnesty International (AI) will cut 40 jobs at its London office. AI said donations fell.")
        == .absent)
    #expect(
      reason(
        "Send the logo in Adobe Illustrator (AI) format. The studio let go of 12 designers after"
          + " AI work dried up.") == .absent)
    #expect(
      reason(
        "Artificial insemination, or AI, is the centre's main service. The centre will cut 30"
          + " jobs as AI demand falls.") == .absent)
    #expect(
      reason(
        "Artificial Intelligence (AI) now drafts our replies. We will cut 30 jobs because AI"
          + " handles the volume.") == .explicit)
    #expect(
      reason(
        "The AI Institute (AI) report came out. We will cut 30 jobs because AI handles the volume.")
        == .explicit)
  }

  @Test("'We did so because' and 'Why these teams? Because…' point back at the cut")
  func causalAnaphora() {
    #expect(
      reason(
        "The board approved cutting 40 jobs. We did so because our AI agents now handle the"
          + " claims.") == .explicit)
    #expect(
      reason("We are cutting 40 jobs. We did so reluctantly, and our AI plans continue.")
        == .implied)
    #expect(
      reason(
        "We are cutting 60 roles in billing. || Your manager will call you today. || Why these"
          + " teams? Because our AI platform now runs their work.") == .explicit)
    #expect(
      reason(
        "We are cutting 60 roles in billing. || Why now? We wanted to tell you before the"
          + " holidays. || Our AI rollout continues.") != .explicit)
  }

  @Test("A denial under 'wrong to say that' affirms; 'but never as a reason' denies")
  func rejectedDenialsAndEllipsis() {
    #expect(
      reason("It would be wrong to say that AI had nothing to do with the 30 job cuts.")
        == .explicit)
    #expect(reason("AI had nothing to do with the 30 job cuts.") == .denied)
    #expect(
      reason("It would be wrong to blame AI; it had nothing to do with the 30 job cuts.")
        == .denied)
    #expect(
      reason("AI came up often this year, but never as a reason for the 40 job cuts.") == .denied)
    #expect(
      reason("AI came up often this year, but not in the meeting where we cut 40 jobs.")
        != .denied)
  }

  @Test("A question tying AI to a cut, answered by 'Yes' or a quantity, is explicit")
  func affirmingAnswers() {
    #expect(
      reason("Q: Is AI behind the 300 job cuts? || A: Yes. The agents took over the claims work.")
        == .explicit)
    #expect(
      reason(
        "MODERATOR: How many of the 900 roles you are cutting are tied to automation? ||"
          + " CFO: About a third.") == .explicit)
    #expect(
      reason("Q: Is AI behind the 300 job cuts? || A: No. Demand fell in Europe.") == .denied)
    #expect(
      reason(
        "Q: Is AI behind the 300 job cuts? || A: The plants closed because demand fell.")
        != .explicit)
  }

  @Test("A counterfactual 'were' about AI as a cause denies it")
  func counterfactualDenial() {
    #expect(
      reason(
        "If these cuts were about AI, the service desk would go first. We are cutting 40 roles"
          + " in the plant because orders fell.") == .denied)
    #expect(
      reason("If we were to cut 40 jobs because of AI, we would tell you first.") != .denied)
    #expect(
      reason("We are cutting 40 roles because our AI agents now do the work.") == .explicit)
  }

  @Test("A sentence about the memo itself ties its AI to no cut")
  func documentSentences() {
    #expect(
      reason(
        "This letter was drafted with help from our AI assistant. || We are closing the Leeds"
          + " office, and 60 roles will end in June.") == .framing)
    #expect(
      reason(
        "Our AI assistant now drafts most replies. || We are closing the Leeds office, and 60"
          + " roles will end in June.") == .implied)
    #expect(
      reason(
        "It said it would cut 300 jobs. The announcement came days after it launched an AI"
          + " assistant.") == .implied)
  }

  @Test("A definite cut in a yes/no question is presupposed; 'had a lot to do with' is causal")
  func definiteCutsAndToDoWith() {
    #expect(announces("Q: Will the support desk be affected by the 300 job cuts?"))
    #expect(announces("Will these layoffs reach the Leeds office?"))
    #expect(!announces("Will there be layoffs this year?"))
    #expect(!announces("Are job cuts on the table?"))
    #expect(reason("AI had a lot to do with the 40 job cuts.") == .explicit)
    #expect(reason("AI had nothing to do with the 40 job cuts.") == .denied)
    #expect(
      reason("We have much to do with the new partners, and AI will help; we cut 40 jobs.")
        != .denied)
  }

  @Test("A question whether AI is the cause, answered with another cause 'alone', is denied")
  func exclusiveAnswer() {
    #expect(
      reason(
        "Q: Are the 200 job cuts driven by AI? || A: The roles were chosen on the basis of the"
          + " plant closures alone.") == .denied)
    #expect(
      reason(
        "Q: Are the 200 job cuts driven by AI? || A: The roles were chosen on the basis of the"
          + " plant closures and of our AI rollout.") != .denied)
    #expect(
      reason(
        "Q: Are the 200 job cuts driven by AI? || A: The roles were chosen on the basis of the"
          + " plant closures.") != .denied)
  }

  @Test("A cut decided before the AI existed denies AI as its cause, and the claim before it")
  func chronologyDenial() {
    #expect(
      reason("The 120 job cuts were planned in 2023, before a single AI tool was deployed here.")
        == .denied)
    #expect(
      reason(
        "The decision to cut 60 roles was made in March, months before we bought our first AI"
          + " tool.") == .denied)
    #expect(
      reason(
        "Q: Reporters say the 500 layoffs are due to your AI assistant. || A: They have the dates"
          + " wrong. The layoffs were agreed in January, long before any AI system went live.")
        == .denied)
    #expect(
      reason(
        "Some say our AI rollout caused the 80 job cuts. In fact the cuts were agreed in May,"
          + " before any AI tool was bought.") == .denied)
    #expect(
      reason(
        "We will cut 80 jobs. Our AI tools now do much of the work. The plans were drawn up"
          + " before the tools arrived.") == .implied)
    #expect(
      reason("The 40 job cuts were planned to take effect before our AI agents went live.")
        != .denied)
    #expect(reason("We are cutting 40 roles before our AI agents go live.") == .implied)
    #expect(reason("The 40 job cuts were announced before the AI rollout.") != .denied)
    #expect(reason("The 40 job cuts were planned before the AI tool is ready.") != .denied)
    #expect(
      reason(
        "We decided to cut 40 roles before the AI tool was deployed, because it does their work.")
        != .denied)
  }

  @Test("AI given to or used for the people leaving is framing, not a cause")
  func benefitForLeavers() {
    #expect(
      reason(
        "The 30 staff leaving after the job cuts will get six months of access to an AI"
          + " interview coach.") == .framing)
    #expect(
      reason(
        "Everyone leaving will receive outplacement support and a year of access to our AI"
          + " writing tools.") == .framing)
    #expect(
      reason(
        "We are cutting 50 roles. You can book your exit meeting using our AI calendar assistant.")
        == .framing)
    #expect(
      reason(
        "Colleagues leaving us after the 25 job cuts can search openings with our AI job matcher.")
        == .framing)
    #expect(
      reason("The departing team's work will be done with our AI agents after the 25 job cuts.")
        != .framing)
    #expect(
      reason("We are cutting 50 roles, and the rest of the desk will use AI agents.") == .implied)
    #expect(
      reason("We are cutting 50 roles and giving every engineer access to AI coding tools.")
        == .implied)
    #expect(
      reason("We are cutting 50 roles. From June, the support desk runs using our AI assistant.")
        == .implied)
  }

  @Test("An item naming AI at work, in an enumeration of reasons for a cut, is explicit")
  func enumeratedReasons() {
    #expect(
      reason(
        "Two factors drove this. First, freight volumes fell by a fifth. Second, our AI routing"
          + " system now plans the loads a team of ten used to plan. Together they mean we will"
          + " cut 30 dispatch roles.") == .explicit)
    #expect(
      reason(
        "There are three reasons we are cutting 45 jobs. First, sales fell. Second, rents rose."
          + " Finally, AI agents now answer most customer emails.") == .explicit)
    #expect(
      reason(
        "We have three goals this year. First, grow sales. Second, AI agents will answer"
          + " customer emails. Third, open two stores. We are also cutting 20 roles.")
        == .implied)
    #expect(
      reason(
        "Two factors drove this. First, freight volumes fell. Second, our rents rose. We also"
          + " bought an AI routing tool. Together they mean we will cut 30 roles.") != .explicit)
  }

  @Test(
    "A claim put in question, answered by a small share for the AI and another cause, is denied")
  func minimisingFact() {
    let asked = "Some of you asked whether our chatbot is behind the 90 job cuts."
    #expect(
      reason(
        asked + " It handles fewer than 3% of our calls. The reductions come from the loss of"
          + " the Brightwell contract.") == .denied)
    #expect(
      reason(
        "Is our AI assistant the reason for the 40 layoffs? It drafts under 2% of our letters."
          + " The layoffs are due to the closure of our Leeds plant.") == .denied)
    #expect(
      reason(
        asked + " It handles fewer than 3% of our calls today, but it will take over most of"
          + " them next year.") != .denied)
    #expect(
      reason(asked + " It now handles 60% of our calls. The reductions come from that shift.")
        != .denied)
    #expect(
      reason(
        "Our chatbot is behind the 90 job cuts. It handles only 5 of our 12 queues. The"
          + " reductions come from that.") == .explicit)
    #expect(reason(asked + " It handles fewer than 3% of our calls.") != .denied)
  }
}
