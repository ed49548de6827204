import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// Negation, denial scope and the layers, on the shipped lexicon.
@Suite("Negation and layers")
struct NegationTests {
  /// Compiled once for the suite (the shipped lexicon expands to many thousand phrases).
  static let shared: Scorer? = try? Scorer(
    lexicon: Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path))
  let scorer: Scorer

  init() throws {
    scorer = try #require(Self.shared, "the shipped lexicon Lexicons/ai-washing must load")
  }

  func card(_ paragraphs: String...) -> ScoreCard {
    scorer.score(Memo(source: "memo.txt", paragraphs: paragraphs))
  }

  @Test("A negated AI phrase is distancing and adds no points")
  func negatedFraming() {
    let memo = card("We're not doing this to become AI-first; we're cutting 10% of staff.")
    #expect(memo.aiReason == .denied)
    #expect(memo.announcesCuts)
    #expect(memo.score == 0)
    #expect(memo.index.framing.contributions.isEmpty)
    #expect(memo.distancing.contains { $0.id == "ai_first" })
    #expect(!memo.hits.contains { $0.id == "ai_first" })
  }

  @Test("A short denial negates the claim before it")
  func shortDenial() {
    for denial in ["They are not.", "The answer is no.", "It isn't."] {
      let memo = card("Some say these layoffs are driven by AI. \(denial) Demand fell.")
      #expect(memo.aiReason == .denied, "\(denial)")
      #expect(memo.score == 0)
    }
    // Not a claim: "They are not meant to." after a sentence that only names AI.
    let memo = card(
      "We cut 140 roles today. Words like AI-native can sound cold. They are not meant to.")
    #expect(memo.aiReason != .denied)
  }

  @Test("A short denial looks past an interjection, and answers a question about causes")
  func shortDenialOverInterjection() {
    #expect(
      card("Did automation cost these people their jobs? Frankly? No. Demand fell.").aiReason
        == .denied)
    #expect(card("Is today's news about AI? No. It is about our costs.").aiReason == .denied)
  }

  @Test("A cause ranked above AI demotes AI: the memo denies it as the reason")
  func demotion() {
    for memo in [
      ["We are letting 90 people go, because of costs rather than AI."],
      [
        "We are cutting 45 roles in the studio. Our artists have begun using AI image tools."
          + " These changes are driven by our budget and a slower market more than by any tool."
      ],
      ["Today we cut 200 jobs. This decision is less about AI than about falling demand."],
    ] {
      let read = scorer.score(Memo(source: "memo.txt", paragraphs: memo))
      #expect(read.aiReason == .denied, "\(memo)")
      #expect(read.score == 0)
    }
    // AI ranked above the other cause stays a reason.
    for sentence in [
      "We are cutting 300 roles, driven by AI more than by the market.",
      "AI agents now do more than our old tools, so we are eliminating 120 positions.",
    ] {
      #expect(card(sentence).aiReason != .denied, "\(sentence)")
    }
  }

  @Test("Contractions and 'nothing to do with' negate AI as the cause")
  func contractions() {
    for sentence in [
      "AI isn't replacing anyone; we are cutting 80 roles because demand fell.",
      "The layoffs weren't about artificial intelligence.",
      "Today's job cuts had nothing to do with automation.",
      "This is not about AI, cost or performance, and 60 roles will be eliminated.",
      "Neither AI nor automation is behind these layoffs.",
    ] {
      #expect(card(sentence).aiReason == .denied, "\(sentence)")
    }
  }

  @Test("Contrast makes the second part the reason; a negated alternative is no alternative")
  func contrastAndAlternatives() {
    let contrast = card(
      "We are cutting 120 jobs, not because of AI but because we overhired during the pandemic.")
    #expect(contrast.aiReason == .denied)
    #expect(!contrast.index.alternatives.isEmpty)
    let negated = card("We are cutting 120 jobs. This has nothing to do with overhiring.")
    #expect(negated.index.alternatives.isEmpty)
  }

  @Test("Distancing holds only denials and hedges of AI")
  func distancingOnlyAboutAI() {
    let memo = card(
      "I want to be honest about where we are. This weighs heavily on me.",
      "We are laying off 200 people because revenue fell.")
    #expect(memo.distancing.isEmpty)
    #expect(memo.aiReason == .absent)
  }

  @Test("Negated cuts do not announce cuts; presupposed ones do")
  func negatedCuts() {
    #expect(!card("We are not making layoffs this year.").announcesCuts)
    #expect(!card("This is not a plan to reduce our team.").announcesCuts)
    #expect(card("AI is not the reason for today's job cuts.").announcesCuts)
  }

  @Test("A cue inside a phrase belongs to it; two cues cancel")
  func cueInsidePhraseAndDoubleNegation() {
    let inside = card("Agents now quote and book 68% of our loads with no human touch.")
    #expect(inside.aiReason == .framing)
    #expect(inside.distancing.isEmpty)
    let double = card("We do not run a single service without AI agents.")
    #expect(double.aiReason == .framing)
  }

  @Test("The stronger entry keeps its words where matches overlap")
  func strongerEntryWins() {
    let memo = card("We are becoming an agentic-AI-first company.")
    #expect(memo.hits.contains { $0.id == "ai_first" })
  }

  @Test("Every number form counts as cut language")
  func numberForms() {
    for sentence in [
      "We will cut 15+ roles in marketing.", "The bank will eliminate fifteen percent of staff.",
      "The firm will cut 1,100 employees.", "We plan to eliminate 20% of our workforce.",
      "Roughly 300 support roles will be eliminated.",
    ] {
      #expect(card(sentence).announcesCuts, "\(sentence)")
    }
  }

  @Test("AI and cuts joined in one sentence are explicit; across sentences implied")
  func explicitAndImplied() {
    #expect(
      card("Efficiency gains from AI mean we will eliminate 200 roles.").aiReason == .explicit)
    #expect(card("The lender blamed AI for 500 job cuts.").aiReason == .explicit)
    let implied = card("We are becoming AI-first. Today we are eliminating 200 roles.")
    #expect(implied.aiReason == .implied)
    let explicit = card("Because AI now handles most tickets, we are eliminating 200 roles.")
    #expect(explicit.score > implied.score)
    #expect(card("We are becoming AI-first.").aiReason == .framing)
    #expect(card("We are eliminating 200 roles.").aiReason == .absent)
  }

  @Test("An abbreviation's full stop does not end the clause a cue covers")
  func abbreviationStop() {
    let memo = card("A.I. played no part in the decision to cut 80 jobs; demand fell.")
    #expect(memo.aiReason == .denied)
    #expect(memo.score == 0)
  }

  @Test("'not the only reason' and 'not solely' hedge: AI stays a reason")
  func partialCause() {
    for text in [
      "AI is not the sole reason, but it is one: we will shed 120 roles as agents take over"
        + " the intake queue.",
      "We are cutting 40 jobs, not solely because of AI tools, which now draft most reports.",
    ] {
      #expect(card(text).aiReason == .explicit, "\(text)")
    }
  }

  @Test("Without cuts, a modal prediction or capability about AI is not a denial")
  func reassurance() {
    for text in [
      "Automation will never replace our nurses; it gives them time back.",
      "Each manager should say why a chatbot can't answer these tickets before hiring.",
    ] {
      let memo = card(text)
      #expect(memo.aiReason == .framing, "\(text)")
    }
    // With a cause named it is still a denial.
    #expect(card("Our layoffs will not be driven by AI.").aiReason != .framing)
    // And with cuts announced, a reassurance about them is a denial.
    #expect(
      card("We are cutting 70 roles today. AI won't replace the people who leave.").aiReason
        == .denied)
  }

  @Test("A negated cut with another cause after a contrast is still announced")
  func contrastPresupposesCut() {
    let memo = card(
      "The firm is not shedding 300 jobs because of automation but because sales slumped.")
    #expect(memo.announcesCuts)
    #expect(memo.aiReason == .denied)
    // A cause after the negated cut is what is denied: the cut stands.
    #expect(card("We are not laying anyone off because of automation.").announcesCuts)
    // Without a cause or a contrast the cue denies the cut itself.
    let plain = card("We are not shedding jobs; automation lets us hire.")
    #expect(!plain.announcesCuts)
    #expect(!card("No one is losing their job, and AI will help every team.").announcesCuts)
    // Alone, "not [cut] because of AI" denies the cause; beside a plain denial of cuts in the
    // memo it denies the cut.
    #expect(card("Nobody is losing their job this week because of AI.").aiReason == .denied)
    let noCuts = card(
      "We are not reducing jobs because of automation, and we have no plans to. Our AI pilot"
        + " starts in May.")
    #expect(!noCuts.announcesCuts)
    #expect(noCuts.aiReason == .framing)
  }

  @Test("Implied reaches the adjacent paragraph, not a line three paragraphs away")
  func impliedParagraphs() {
    let near = card(
      "We asked how we would build this company with today's AI. The answer was smaller. It"
        + " was also flatter. It would be faster.",
      "So we are reducing our workforce by 11%. Managers will meet their teams today.")
    #expect(near.aiReason == .implied)
    let far = card(
      "We are reducing our workforce by 11% because rents have doubled.",
      "Everyone affected will be paid through March.", "Teams meet at noon.",
      "Office hours start on Monday.", "Next year we will try AI in our help center.")
    #expect(far.aiReason == .framing)
  }

  @Test("'hardly', 'scarcely' and 'little if any' negate; 'a little' does not")
  func hedgedCues() {
    for text in [
      "Automation was hardly a factor in the 60 job cuts; demand fell.",
      "Robots had little if any role in closing the plant.",
    ] {
      let memo = card(text)
      #expect(memo.aiReason == .denied, "\(text)")
      #expect(memo.score == 0, "\(text)")
    }
    #expect(
      card("With a little help from AI, we cut 40 roles because of automation.").aiReason
        == .explicit)
    // "hardly surprising", "no coincidence": the cue affirms what follows.
    for opener in ["It is hardly surprising", "It is no coincidence", "It is not surprising"] {
      #expect(card("\(opener) that we cut 200 jobs because of AI.").aiReason == .explicit)
    }
  }

  @Test("A closing pronoun clause that calls the claim false negates it")
  func falsityClause() {
    for text in [
      "Saying automation drove the 70 layoffs would be easy, but it would be untrue.",
      "Pinning the job cuts on AI is tempting; that is simply wrong.",
    ] {
      let memo = card(text)
      #expect(memo.aiReason == .denied, "\(text)")
      #expect(memo.score == 0, "\(text)")
    }
    // The falsity word must close its clause: here it introduces another claim.
    #expect(
      card("AI is why we cut 50 jobs, and it would be wrong to pretend otherwise.").aiReason
        == .explicit)
  }

  @Test("Without cuts, 'No.' to a modal question about AI and people reassures, not denies")
  func reassuranceAnswer() {
    let memo = card(
      "Will automation cost me my job?",
      "No. We are bringing in automation to take on paperwork, not staff.")
    #expect(memo.aiReason == .framing)
    // With cuts announced, the same answer denies AI as their cause.
    let cuts = card(
      "We are cutting 30 roles this month. Will automation take these jobs?",
      "No. The roles are going because a client left.")
    #expect(cuts.aiReason == .denied)
  }

  @Test("A question about why cuts are made presupposes them, and its answer gives the reason")
  func whQuestions() {
    // The answer names the AI: explicit, with or without a causal word of its own.
    for memo in [
      card("Why are we cutting 400 jobs? Because our copilots let each engineer do more."),
      card("Can you say what's behind the 1.5k role eliminations?", "Honestly, it's gen AI."),
      card("Why are we cutting 400 jobs?", "Yes.", "Our AI agents now do that work."),
    ] {
      #expect(memo.aiReason == .explicit)
      #expect(memo.announcesCuts)
    }
    // A question word presupposes the cut; AI nearby without an answer is implied.
    #expect(
      card("How many jobs are being cut? About 1.2k. The AI plan continues.").aiReason == .implied)
    // Hypothetical, conditional, avoidance and yes/no questions presuppose nothing.
    for text in [
      "Why would we cut jobs when our AI tools make us faster?",
      "What happens to my role if my team is cut? AI training is open to all.",
      "How do we avoid layoffs? By teaching everyone to use AI.",
      "Will there be layoffs? Our AI plan is unchanged.",
    ] {
      let memo = card(text)
      #expect(memo.aiReason == .framing, "\(text)")
      #expect(!memo.announcesCuts, "\(text)")
    }
    // An answer that is not about the question's AI: a sentence in between breaks the link.
    // Since 2.9.0 the answer names the cut's cause (over-hiring), so the AI is framing.
    let overhired = card(
      "Why are we cutting 40 roles? We overhired in 2022. Our AI work continues.")
    #expect(overhired.aiReason == .framing)
    #expect(overhired.announcesCuts)
    #expect(
      card("Why are we cutting 40 roles? It has been a hard year. Our AI work continues.")
        .aiReason == .implied)
  }

  @Test("A denying opening clause negates the claim before it; the rest is its own clause")
  func leadingDenial() {
    let memo = card("Did AI take these jobs? No, we overhired and are cutting 120 roles.")
    #expect(memo.aiReason == .denied)
    #expect(memo.announcesCuts)
    #expect(memo.score == 0)
    #expect(
      card(
        "People will assume the 10% cut is about machine learning. It really isn't; our ML team is growing."
      )
      .aiReason == .denied)
    // A clause with more than the denial is a claim of its own.
    #expect(
      card("It isn't easy; we are cutting 200 jobs because AI now handles the work.").aiReason
        == .explicit)
  }

  @Test("Declining to comment is no denial; an open question asserts no cause")
  func decliningToComment() {
    let memo = card(
      "Is it a coincidence that the company cut 500 jobs the month it launched an AI assistant?"
        + " Executives would not say.")
    #expect(memo.aiReason == .implied)
    #expect(
      card("Executives would not say whether AI was behind the 300 job cuts.").aiReason == .implied)
  }

  @Test("A correction retracts what an earlier version reported")
  func corrections() {
    let memo = card(
      "Correction: An earlier version of this story said the 400 job cuts were caused by AI."
        + " The bank says the cuts are due to the closure of its mortgage unit.")
    #expect(memo.aiReason == .denied)
    #expect(memo.score == 0)
    #expect(
      card("Some reports incorrectly said the 200 job cuts were driven by AI.").aiReason == .denied)
    // A reporting verb that opens a sentence has no earlier version before it.
    #expect(card("AI is here. Said the chief executive: we will cut 40 jobs.").aiReason == .implied)
    // The retraction ends with its clause; the earlier version is no pronoun subject.
    #expect(
      card(
        "An earlier version of this memo said we would hire 20 people; we now plan to cut 20 jobs because of AI."
      )
      .aiReason == .explicit)
  }

  @Test("'Far from' and 'zero role' are cues; 'zero' before other nouns is a number")
  func farFromAndZero() {
    for text in [
      "Far from being driven by automation, the 40 job cuts follow a lost tender.",
      "Our chatbots played zero part in the 25 layoffs, the founder said.",
    ] {
      let memo = card(text)
      #expect(memo.aiReason == .denied, "\(text)")
      #expect(memo.score == 0)
    }
    #expect(card("Net zero targets and AI investment led to 50 job cuts.").aiReason != .denied)
    #expect(
      card("The layoffs are far from over, and AI will drive more of them.").aiReason != .denied)
  }

  @Test("A reported claim called false, or a myth, is denied; a myth in another clause is not")
  func hearsayFalsity() {
    for text in [
      "Claims that the 30 redundancies were caused by our AI pilot are untrue, the council said.",
      "The alleged connection between the 70 layoffs and automation is a myth.",
    ] {
      let memo = card(text)
      #expect(memo.aiReason == .denied, "\(text)")
      #expect(memo.score == 0)
    }
    #expect(
      card("Our 40 layoffs are due to AI, and the idea that demand fell is a myth.").aiReason
        == .explicit)
    #expect(
      card("Reports that the company cut 200 jobs because of AI were confirmed on Monday.")
        .aiReason == .explicit)
  }

  @Test("A bare AI fragment answered by a cause denial; hearsay answered by another cause")
  func fragmentAndHearsay() {
    #expect(card("We cut 12 roles. Automation? Not a factor at all.").aiReason == .denied)
    #expect(
      card(
        "I keep hearing that our 20 layoffs were caused by AI. We simply ran out of cash."
      ).aiReason == .denied)
    // Without another cause after it, a reported claim stands.
    #expect(
      card("I keep hearing that our 20 layoffs were caused by AI. It is true.").aiReason
        != .denied)
  }

  @Test("The given name Ai is no AI reference; a sloppy 'Ai tools' still is")
  func personalName() {
    #expect(card("Ai Tanaka, the plant manager, said 45 roles would go.").aiReason == .absent)
    #expect(
      card("Ai tools now write the copy, so 40 writers will be laid off.").aiReason != .absent)
  }

  @Test("A counterfactual's 'had not' and 'would not' cancel; one alone still negates")
  func counterfactual() {
    #expect(
      card(
        "If the chatbot had not taken over the help desk, we would not be laying off 30 agents."
      ).aiReason == .explicit)
    #expect(
      card(
        "If demand had not fallen, we would not be cutting 40 roles; AI had nothing to do with it."
      )
      .aiReason == .denied)
  }
}
