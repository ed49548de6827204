import MemoCore
import MemoLexicon
import MemoTokenization

/// One lexicon hit placed in the memo, with its negation state.
struct Located {
  /// The entry index in `Lexicon.entries`.
  var entry: Int
  /// The entry's category role (its layer).
  var role: CategoryRole
  /// The matched tokens.
  var tokens: Range<Int>
  /// Some token lies inside a negation cue's scope.
  var negated: Bool
  /// Every token is the subject of a negated clause ("AI is not the reason").
  var subjectNegated: Bool
  /// The match as printed.
  var match: HitMatch
  /// Why the hit counts when no pattern gave it its sense ("agents" read as AI agents, and
  /// where that sense came from), printed with the hit in link reasons.
  var note: String? = nil
}

/// Reads the layers of a memo's hits: which AI references are affirmed, which sentences deny
/// AI as the cause, and where AI is attached to cut language (explicitly in a sentence, or
/// implied by the same or an adjacent paragraph, or a sentence or two away).
struct Attribution {
  /// Per hit: counted at all (distancing hits that hedge nothing about AI are dropped).
  var keep: [Bool]
  /// Per hit: affirmed (not negated, not denied, not in a question for cuts and causes).
  var affirmed: [Bool]
  /// Per hit: a negated AI hit in a denial, listed with distancing.
  var distancing: [Bool]
  /// One link per sentence where AI is a reason for cuts: its heaviest AI hit and why.
  var links: [(ai: Int, explicit: Bool, reason: String)] = []
  /// The memo's AI reason.
  var reason: AIReason = .absent
  /// Affirmed cut language is present.
  var announcesCuts = false

  /// Words that, negated with AI, deny AI as the cause ("not about AI", "AI is not the reason",
  /// "nothing to do with AI", "AI isn't replacing anyone").
  static let denialPredicates: Set<String> = [
    "about", "reason", "reasons", "cause", "caused", "causes", "because", "due", "driven",
    "driver", "drivers", "drive", "drove", "driving", "behind", "replace", "replaces",
    "replaced", "replacing", "responsible", "related", "do", "result", "motivated", "story",
    "factor", "blame", "this", "these", "decision", "cuts", "layoffs", "part", "role",
    "consideration", "connection", "link", "linked", "connected", "tied", "attributable",
    "influence", "taking", "take", "takes",
    "jobs", "job", "roles", "positions", "people", "workers", "staff", "anyone", "employees",
    "colleagues", "anybody",
    // "to do with" in French, Spanish, German and Dutch ("rien à voir avec", "nada que ver
    // con", "nichts mit … zu tun", "niets te maken met").
    "voir", "ver", "tun", "maken",
  ]

  /// Words that make a denial one of AI as a cause ("not about AI", "AI is not the reason",
  /// "played no part"; "to do with" is read as a pair). Without cuts announced, a modal denial
  /// needs one of them: "AI won't replace our designers" reassures and denies no cause.
  static let causePredicates: Set<String> = [
    "about", "reason", "reasons", "cause", "caused", "causes", "because", "due", "driven",
    "driver", "drivers", "drive", "drove", "driving", "behind", "responsible", "related",
    "result", "motivated", "story", "factor", "factors", "blame", "part", "role", "played",
    "connection", "connected", "tied", "attributable",
    "link", "linked", "influence", "consideration", "unrelated",
  ]

  /// Causal words that, after a contrast, give another cause for a negated cut ("not cutting
  /// jobs for AI but because demand fell", "…, pointing instead to costs"): the cut stands.
  static let contrastCauseForms: Set<String> = [
    "because", "due", "driven", "caused", "pointing", "pointed", "citing", "cited", "blaming",
    "blamed", "reflects", "reflecting", "reflect", "result", "owing", "thanks",
  ]

  /// Negation cues that are modals: a prediction or a capability ("won't", "cannot").
  static let modalCueForms: Set<String> = [
    "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "won’t", "can’t",
  ]
  /// Modals that make a following "not" or "never" a prediction or a capability.
  static let modalForms: Set<String> = ["will", "would", "can", "could", "should", "may", "might"]

  /// Two-word phrases that refer back to an announced cut ("this decision", "doing it").
  static let anaphors: Set<[String]> = [
    ["this", "decision"], ["the", "decision"], ["doing", "this"], ["doing", "it"],
    ["these", "changes"], ["this", "change"], ["these", "cuts"], ["the", "cuts"],
    ["this", "reduction"], ["these", "reductions"], ["the", "reductions"], ["these", "decisions"],
    ["the", "layoffs"], ["these", "layoffs"], ["today's", "changes"], ["today's", "decision"],
    ["this", "restructuring"], ["did", "so"], ["do", "so"], ["doing", "so"],
    ["the", "reduction"], ["the", "plan"], ["this", "plan"], ["the", "measures"],
    ["these", "measures"], ["the", "redundancies"], ["these", "redundancies"],
    ["the", "closure"], ["this", "closure"],
  ]
  /// Tokens after a cut that is its own causal verb within which AI is its agent ("…redundant
  /// by our AI"). Calibrated on invented sentences: "by", a determiner and an adjective.
  static let selfCauseReach = 3
  /// Answers right after a scripted question that deny it ("If asked '…?': No.").
  static let scriptedNoForms: Set<String> = ["no", "nope", "never", "not"]
  /// Marks that write "leads to" in a causal chain ("agents → fewer handoffs → 9% smaller").
  static let arrowMarks = ["→", "->", "=>", "⇒", "⟶", "➔", "➜"]
  /// A fronted "reason" is read as an anaphor only among a sentence's first tokens ("The main
  /// reason is", "Reason of reduction is"): three words of article and adjective before it.
  static let frontedReasonReach = 4
  /// Words that may stand before a fronted "reason" ("The main reason is…").
  static let frontedReasonModifiers: Set<String> = [
    "the", "our", "main", "only", "real", "whole", "one", "first", "key", "simple", "principal",
  ]
  /// Words after a fronted "reason" that make it the statement of a cause.
  static let frontedReasonLinks: Set<String> = ["is", "was", "of", "for", "behind"]
  /// Tokens before a cut within which a cue negates the cut itself ("not making layoffs",
  /// "no one's role is eliminated"); a cue further away denies something else about it.
  static let directNegationReach = 2

  /// Auxiliaries that close an elliptical clause naming another agent of a negated cut ("AI
  /// didn't cut these jobs; the tariff did").
  static let ellipticalAuxiliaries: Set<String> = ["did", "does", "do", "has", "have", "had"]
  /// Words before such an auxiliary that name no other agent ("…, and we never did").
  static let ellipticalNonAgents: Set<String> = [
    "we", "i", "you", "they", "it", "never", "ever", "ai", "so", "not", "us",
  ]

  /// Whether a sentence closes with an elliptical clause naming another agent ("…; a tariff
  /// did"): an auxiliary last, after a word that is no cue, pronoun or adverb of time.
  static func closesWithOtherAgent(_ forms: [String]) -> Bool {
    guard forms.count >= 4, let last = forms.last, ellipticalAuxiliaries.contains(last) else {
      return false
    }
    let agent = forms[forms.count - 2]
    return !NegationScope.isCue(agent) && !ellipticalNonAgents.contains(agent)
      && forms.dropLast(2).contains(where: NegationScope.isCue)
  }

  /// Words that hedge an explicit reason as partial ("partly because of AI").
  static let hedgeForms: Set<String> = ["partly", "partially", "somewhat"]
  /// Words that, right after a negation, admit a lesser reason ("not primarily driven by AI").
  static let lesserForms: Set<String> = [
    "primarily", "mainly", "mostly", "largely", "chiefly", "principally", "predominantly",
  ]

  /// Words that make a sentence with a directly negated cut a guarantee against cuts ("no
  /// redundancies … until 2028", "we guarantee no job losses"), not a denial of their cause.
  static let guaranteeForms: Set<String> = [
    "guarantee", "guarantees", "guaranteed", "guaranteeing", "pledge", "pledges", "pledged",
    "promise", "promises", "promised", "assure", "assures", "assured",
  ]
  /// Words that bound a guarantee in time when a number (a year, a date) follows within
  /// `timeLimitReach` tokens ("until the end of 2028", "before 2030").
  static let timeLimitForms: Set<String> = ["until", "before", "through", "till"]
  /// Calibrated on invented guarantees: "until the end of 2028" puts the year 4 tokens on.
  static let timeLimitReach = 4

  /// Words shortly before a negated cut that make it a plan denied, not a cut presupposed
  /// ("not a plan to reduce our team", "no intention to cut jobs").
  static let planForms: Set<String> = [
    "plan", "plans", "planning", "intention", "intend", "intends", "going", "expect", "expects",
  ]
  /// Most tokens in an interjection a short denial looks past for its claim ("Honestly?").
  static let interjectionLength = 2
  /// Tokens between a negated cut and a cause that makes the cause what is denied ("not laying
  /// people off today because of AI"); further on, the cause belongs to another clause.
  static let causeAfterReach = 3
  /// Plan words that, right after a cue, deny cuts on their own ("we have no plans to").
  static let planNouns: Set<String> = ["plan", "plans", "intention", "intentions"]
  /// Tokens before a cut searched for a plan word.
  static let planReach = 3

  /// Words that make a cause the only one ("on the basis of the site closures alone").
  static let exclusiveForms: Set<String> = ["alone", "solely", "exclusively", "purely", "entirely"]

  /// Words that open an answer affirming the question before it ("Yes.", "Around half.").
  static let affirmingOpeners: Set<String> = [
    "yes", "yeah", "yep", "correct", "indeed", "absolutely", "certainly", "around", "about",
    "roughly", "approximately", "nearly", "almost", "half", "most", "all", "partly", "some",
    "many", "mostly", "largely",
  ]
  /// Nouns by which a sentence speaks of the memo itself after "this" ("This message was
  /// translated with our AI tool"): its AI is not tied to the cuts the memo announces. Not
  /// "announcement" or "the …": "The announcement came a week after…" is the cut's.
  static let documentNouns: Set<String> = [
    "message", "memo", "letter", "email", "e", "note", "translation",
  ]
  /// Most words in a speaker label before a colon that opens a paragraph ("A:", "CHIEF
  /// EXECUTIVE:").
  static let speakerLabelLength = 3

  /// Tokens after "but not" / "but never" searched for a cause word ("but never as a reason").
  static let ellipticalReach = 4

  /// Past forms of a decision about a cut that a chronology can place before the AI ("The cuts
  /// were planned in 2024, before a single AI tool was deployed"). "Announced" is not one: an
  /// announcement before an AI launch says nothing about what the cut was planned for.
  static let decisionForms: Set<String> = [
    "planned", "decided", "agreed", "approved", "made", "taken", "drafted", "finalised",
    "finalized", "settled", "signed",
  ]
  /// Tokens searched from a decision word to "before" ("planned in 2024, before"; "made
  /// months before"), and from "before" to the AI ("before a single AI tool"). Calibrated on
  /// invented sentences: a date or a span of time fits in four tokens, a determiner and two
  /// modifiers in five.
  static let chronologyReach = 5
  /// Words that put the clause after "before" in the present or future ("before our AI agents
  /// go live", "before the AI tool is ready"): then the cut prepares for the AI, no denial.
  static let nonPastForms: Set<String> = [
    "will", "is", "are", "am", "can", "shall", "go", "goes", "'ll", "arrives", "launches",
  ]
  /// Sentences before a chronology denial whose claim tying AI to the cut it contradicts
  /// ("Analysts have linked the cuts to your AI rollout. That reading gets the order of events
  /// wrong. The cuts were planned…").
  static let chronologyClaimReach = 2
  /// Nouns that name a cut stated before ("The cuts were planned…", "The decision was made…").
  static let cutNouns: Set<String> = [
    "cuts", "layoffs", "lay-offs", "redundancies", "reductions", "eliminations", "decision",
  ]

  /// Words before an AI reference that make it a benefit or an instrument ("access to an AI
  /// career coach", "using an AI scheduling assistant", "with our AI tool"), searched within
  /// `benefitReach` tokens before it.
  static let instrumentForms: Set<String> = ["using", "with", "via", "through"]
  /// Words naming the people leaving or their way out ("colleagues leaving us", "your exit
  /// interview", "outplacement"): AI given to them or used for them is not the cut's cause.
  static let leaverForms: Set<String> = [
    "leaving", "departing", "outgoing", "exit", "exits", "outplacement", "departure",
    "departures", "alumni",
  ]
  /// Words that make AI with the leavers' names do their work instead ("the departing team's
  /// work will be done with our AI agents"): then the AI is no benefit.
  static let takeoverForms: Set<String> = [
    "work", "tasks", "duties", "done", "handled", "replace", "replaced", "replacing", "covered",
    "automated", "instead",
  ]
  /// Tokens between a benefit cue and the AI it governs: a determiner and two modifiers.
  static let benefitReach = 4

  /// Words that open an item of an enumeration ("First, …", "Third, our AI models…").
  static let ordinalForms: Set<String> = [
    "first", "firstly", "second", "secondly", "third", "thirdly", "fourth", "fifth", "finally",
    "lastly",
  ]
  /// Words that open an enumeration ("First", "Firstly").
  static let firstOrdinals: Set<String> = ["first", "firstly"]
  /// Words by which the sentence before an enumeration introduces its items as reasons
  /// ("Three things led us here", "There are two reasons").
  static let reasonIntroForms: Set<String> = [
    "reasons", "reason", "factors", "causes", "led", "drove", "behind", "why",
  ]
  /// Words by which the sentence after an enumeration sums its items up as the cause of the cut
  /// it states ("Together they mean we will reduce…").
  static let summingForms: Set<String> = ["together", "combined", "mean", "means", "meant"]
  /// Sentences searched back from an item to the enumeration's first item, and on from it to
  /// the sentence that closes the enumeration.
  static let enumerationReach = 6
  /// Tokens after the ordinal within which the item's AI must start to be its subject, the AI
  /// doing the work ("Third, our AI models now process…").
  static let itemSubjectReach = 3

  /// Words that introduce a small share ("It handles fewer than 3% of our calls").
  static let minimiserForms: Set<String> = ["fewer", "less", "under", "below", "only"]
  /// Words after a number that make it a share ("four percent of tickets").
  static let percentForms: Set<String> = ["percent", "per", "pc", "pct"]
  /// Sentences after a small AI share within which a cut with another named cause rebuts AI.
  /// Calibrated on invented answers: the share, a one-word echo ("Four."), then the cause.
  static let shareDenialReach = 3
  /// Pronouns that, two or three words after "to", point a purpose back at what came before
  /// ("to fund it", "to pay for this").
  static let purposePronouns: Set<String> = ["it", "this", "that", "them", "these"]
  /// Negative quantifiers that place a cut outside where AI is used ("none are in the teams
  /// where the AI pilot runs").
  static let scopeQuantifiers: Set<String> = ["none", "nobody", "neither"]
  /// Place words after such a quantifier.
  static let scopePlaceForms: Set<String> = ["in", "among", "within", "inside"]
  /// Tokens after the quantifier searched for the place word ("none of them are in").
  static let scopeReach = 4
  /// The largest number read as a small share after a minimiser word; calibrated on invented
  /// sentences ("fewer than 3%", "under 2% of tickets"), a tenth or less.
  static let smallShareLimit = 10.0
  /// Words that put a claim in question ("asked whether our chatbot is behind the cuts").
  static let askedForms: Set<String> = ["whether", "if"]

  /// Words that belittle what the AI can do ("can barely reset a password"); with a cut given
  /// another named cause just after, a denial like a small share of the work.
  static let belittlingForms: Set<String> = ["barely"]
  /// Negated modals before "even" that belittle too ("can't even route a call").
  static let belittlingCues: Set<String> = ["can't", "can’t", "cannot", "couldn't", "couldn’t"]

  /// Words by which a question about a cause points back at the cut ("Why these teams?").
  static let demonstratives: Set<String> = ["this", "these", "those", "that"]

  /// Adverbs of consequence by which a sentence stating a cut points back at the sentence
  /// before as its reason ("The board has therefore decided to reduce…", "As a result, 40
  /// roles close"), like "that is why".
  static let consequenceForms: Set<String> = [
    "therefore", "consequently", "hence", "thus", "accordingly",
  ]
  /// Two-word phrases of consequence ("as a result" is read as "a result").
  static let consequencePairs: Set<[String]> = [
    ["a", "result"], ["a", "consequence"], ["that", "reason"], ["this", "reason"],
    ["which", "is"],
  ]
  /// Verbs by which a sentence right after a reason makes it the frame of the whole document
  /// ("That one fact shapes everything in this note", "This change drives all that follows").
  static let anchorVerbs: Set<String> = [
    "shape", "shapes", "shaped", "drive", "drives", "drove", "explain", "explains", "underlie",
    "underlies", "inform", "informs", "govern", "governs", "frame", "frames", "behind",
  ]
  /// Words of such a sentence that reach over the rest of the document.
  static let anchorScopeForms: Set<String> = [
    "everything", "all", "rest", "below", "follows", "following", "note", "memo", "letter",
    "message",
  ]
  /// Verbs of need, which a sentence says have fallen ("the rest no longer needs as many
  /// hands", "we need fewer people").
  static let needForms: Set<String> = ["need", "needs", "needed", "require", "requires"]
  /// Tokens after "need" searched for the word naming the cut again ("no continuing need for
  /// the position"). Calibrated on invented sentences: a preposition, a determiner and a
  /// modifier fit in four.
  static let needObjectReach = 4
  /// Words too common to show that a sentence names again what the AI handles.
  static let echoStopForms: Set<String> = [
    "that", "this", "these", "those", "with", "from", "will", "have", "they", "their", "there",
    "which", "what", "more", "most", "much", "many", "every", "each", "than", "into", "about",
  ]
  /// Words of an answer that take back a short denial before it ("No. Well, … Not all of them,
  /// but most."), after "but" or opening a sentence.
  static let admissionForms: Set<String> = [
    "most", "many", "some", "half", "partly", "largely", "mostly", "yes",
  ]

  /// Question words of a rhetorical question about keeping people ("Why would we keep thirty
  /// people re-keying invoices when the model reads them in seconds?").
  static let rhetoricalModals: Set<String> = ["would", "should", "do", "does", "did", "must"]
  /// Verbs of keeping or paying people in such a question.
  static let retentionForms: Set<String> = [
    "keep", "need", "pay", "employ", "retain", "have", "hire", "staff", "maintain", "fund",
  ]
  /// Tokens after the modal within which the verb of keeping follows ("why would we keep",
  /// "why should a bank still pay").
  static let retentionReach = 4
  /// Words by which a sentence reports a question ("Several of you asked whether…").
  static let askingForms: Set<String> = [
    "asked", "ask", "asking", "wondered", "wondering", "wonder", "know",
  ]
  /// Words that open an answer saying yes to a yes/no question ("Yes, in part:").
  static let yesForms: Set<String> = [
    "yes", "yeah", "yep", "correct", "indeed", "partly", "largely", "mostly", "absolutely",
    "certainly",
  ]

  /// Words that open a yes/no question ("Did AI cost anyone their job?").
  static let yesNoOpeners: Set<String> = [
    "did", "does", "do", "is", "are", "was", "were", "has", "have", "had",
  ]
  /// Words by which a question asks whether people lost their jobs.
  static let jobLossForms: Set<String> = [
    "job", "jobs", "cost", "costs", "take", "took", "replace", "replaced", "anyone", "anybody",
    "role", "roles", "positions", "layoffs", "cuts",
  ]
  /// Words by which an answer tells of people moved to other work instead of cut ("the 14
  /// people we moved from data entry into model review").
  static let redeploymentForms: Set<String> = [
    "moved", "redeployed", "retrained", "reassigned", "transferred", "upskilled", "reskilled",
    "promoted",
  ]

  /// Sentences back in which an anaphor finds its cut.
  static let anaphorReach = 6

  /// Question words whose question presupposes the cut it names ("Why are we cutting 400
  /// jobs?", "How many roles are affected?", "Can you say what's behind the role
  /// eliminations?"); a yes/no question does not ("Will there be layoffs?").
  static let whForms: Set<String> = [
    "why", "what", "what's", "how", "when", "where", "who", "which", "whom",
  ]
  /// Words right after the question word that make the question hypothetical ("what if we
  /// cut…", "how would we…", "why should we…"): nothing is presupposed.
  static let hypotheticalForms: Set<String> = [
    "if", "would", "could", "should", "might", "can", "can't", "may",
  ]
  /// Words that make a question ask how cuts are avoided, not about cuts made ("How do we avoid
  /// layoffs?").
  static let avoidanceForms: Set<String> = [
    "avoid", "avoiding", "prevent", "preventing", "minimise", "minimize", "minimising",
    "minimizing", "without",
  ]
  /// Factive words whose "that" clause a yes/no question presupposes ("Is it a coincidence that
  /// the company cut 500 jobs…?").
  static let factiveForms: Set<String> = [
    "coincidence", "surprising", "surprise", "odd", "strange", "ironic", "accident",
  ]
  /// Words that open a condition or an open question: a cut after them in a question is not
  /// presupposed ("What happens to my role if my team is cut?").
  static let conditionForms: Set<String> = ["if", "whether", "unless"]
  /// Tokens before a cause searched for "whether": a cause in an open question is not asserted
  /// ("Executives would not say whether AI was behind the cuts").
  static let conditionReach = 6

  /// Short sentences between a question and its answer ("Yes.", "Honestly?", "Simple.").
  static let answerOpeners: Set<String> = [
    "yes", "yeah", "yep", "honestly", "simple", "simply", "well", "look", "sure", "absolutely",
    "correct", "frankly", "indeed", "partly",
  ]

  /// Whether the question `forms` (one sentence's normalized forms) presupposes the cut that
  /// starts at offset `cut`: a question word before it, not hypothetical, not about avoiding
  /// cuts; or a factive word with "that" before it.
  static func presupposesCut(_ forms: [String], cut: Int) -> Bool {
    if forms.contains(where: avoidanceForms.contains) { return false }
    // "What happens to my role if my team is cut?": a condition presupposes nothing.
    if forms[..<min(cut, forms.count)].contains(where: conditionForms.contains) { return false }
    for index in 0..<min(cut, forms.count) {
      let next = index + 1 < forms.count ? forms[index + 1] : ""
      if whForms.contains(forms[index]) && !hypotheticalForms.contains(next) { return true }
      if factiveForms.contains(forms[index]) && next == "that" { return true }
    }
    return false
  }

  /// Determiners that make a cut a definite description ("the 300 job cuts", "these layoffs"),
  /// which presupposes the cut even in a yes/no question ("Will the AI lab be affected by the
  /// 300 job cuts?"); "Will there be layoffs?" has none.
  static let definiteForms: Set<String> = [
    "the", "these", "those", "this", "our", "your", "its", "their", "today's", "yesterday's",
  ]

  /// Whether the cut at offset `cut` of `forms` opens with, or follows right after, a definite
  /// determiner, with at most a number between ("the 300 job cuts", "these layoffs").
  static func isDefinite(_ forms: [String], cut: Int) -> Bool {
    for position in [cut, cut - 1, cut - 2] where position >= 0 && position < forms.count {
      if definiteForms.contains(forms[position]) {
        return position == cut || position == cut - 1
          || forms[cut - 1].first.map(\.isNumber) == true
      }
    }
    return false
  }

  /// Words that make a sentence a claim about the cause of cuts, for a short denial after it.
  static let claimWords: Set<String> = [
    "reason", "reasons", "cause", "because", "due", "driven", "driver", "behind", "replace",
    "replacing", "replaced", "responsible", "jobs", "job", "roles", "layoffs", "cuts", "people",
    "workers", "staff", "employees", "why", "driving", "drive", "drove", "drives", "about",
  ]

  /// Reporting words that, before "that", frame the claim after them as hearsay ("I keep
  /// reading that", "reports that", "rumours that"). A speaker's own "said that" is not here:
  /// it is the claim made, not one reported and answered.
  static let hearsayVerbForms: Set<String> = [
    "reading", "read", "hearing", "heard", "reports", "rumours", "rumors", "rumour", "rumor",
    "speculation", "headlines", "suggestions",
  ]

  /// Sentences either side searched for cut language whatever the paragraph breaks (the whole
  /// paragraph, and the one before and after, count in any case). Two: an adjacent sentence
  /// and one more, so a one-line paragraph between AI and the cut ("Thank you all.") does not
  /// break the link, while a closing line of strategy three one-line paragraphs after the
  /// announcement is not tied to it.
  static let impliedReach = 2

  /// Marks that open a bullet or list item ("- 85 roles…", "• Headcount…", "1. We will…").
  static let bulletMarks: Set<Character> = ["-", "•", "*", "–", "—", "·", "▪", "◦", "‣", "○"]

  /// Whether a paragraph is a list item: it opens with a bullet mark, or with a number or
  /// letter and "." or ")" ("1.", "b)") followed by a space.
  static func isBullet(_ paragraph: String) -> Bool {
    let trimmed = paragraph.drop { $0.isWhitespace }
    guard let first = trimmed.first else { return false }
    if bulletMarks.contains(first) {
      return trimmed.dropFirst().first.map { $0.isWhitespace } ?? false
    }
    let label = trimmed.prefix { $0.isNumber || $0.isLetter }
    guard !label.isEmpty, label.count <= 2,
      label.allSatisfy(\.isNumber) || (label.count == 1 && label.first!.isLowercase)
    else { return false }
    let rest = trimmed.dropFirst(label.count)
    return [".", ")"].contains(rest.first) && (rest.dropFirst().first?.isWhitespace ?? false)
  }

  /// Words after "more than" / "rather than" / "instead of" that introduce the lesser cause.
  static let demotionLinks: Set<String> = ["by", "because", "of", "due", "to", "from", "about"]
  /// Words that stand for AI named just before ("more than by any tool").
  static let technologyNouns: Set<String> = [
    "tool", "tools", "technology", "technologies", "automation", "software", "model", "models",
  ]
  /// Tokens searched after a demotion cue, and between "less" and "than".
  static let demotionReach = 4

  /// Whether the tokens (normalized forms of one sentence) rank AI below another cause:
  /// "more than by any tool", "rather than AI", "instead of automation", "less about AI than".
  /// `aiTokens` are the offsets of AI references in the sentence.
  static func demotesAI(_ forms: [String], aiTokens: Set<Int>) -> Bool {
    for index in forms.indices where index > 0 {
      let cue =
        (forms[index] == "than" && ["more", "rather"].contains(forms[index - 1]))
        || (forms[index] == "of" && forms[index - 1] == "instead")
      if cue {
        let rather = forms[index - 1] != "more"
        var linked = rather
        for next in (index + 1)..<min(forms.count, index + 1 + demotionReach) {
          if demotionLinks.contains(forms[next]) {
            linked = true
            continue
          }
          if aiTokens.contains(next) && linked { return true }
          if technologyNouns.contains(forms[next]) && linked { return true }
        }
      }
      if forms[index - 1] == "less" {
        let window = index..<min(forms.count, index + demotionReach)
        if let ai = window.first(where: { aiTokens.contains($0) }),
          forms[(ai + 1)..<min(forms.count, ai + 1 + demotionReach)].contains("than")
        {
          return true
        }
      }
    }
    return false
  }

  init(
    located: [Located], text: TokenizedText, negation: NegationScope, lexicon: Lexicon,
    sentenceCount: Int
  ) {
    let count = located.count
    let hasReferenceLayer = lexicon.categories.contains { $0.role == .aiReference }
    keep = [Bool](repeating: true, count: count)
    affirmed = [Bool](repeating: false, count: count)
    distancing = [Bool](repeating: false, count: count)

    // Sentence geometry: paragraph, token range, question or not.
    var paragraphOf = [Int](repeating: -1, count: sentenceCount)
    var firstToken = [Int](repeating: 0, count: sentenceCount)
    var lastToken = [Int](repeating: -1, count: sentenceCount)
    for (index, token) in text.tokens.enumerated() {
      let sentence = Int(token.sentence)
      if paragraphOf[sentence] < 0 {
        paragraphOf[sentence] = Int(token.paragraph)
        firstToken[sentence] = index
      }
      lastToken[sentence] = index
    }
    var question = [Bool](repeating: false, count: sentenceCount)
    var scalarCache: [Int: [Unicode.Scalar]] = [:]
    func isQuestion(_ sentence: Int) -> Bool {
      guard lastToken[sentence] >= 0 else { return false }
      let token = text.tokens[lastToken[sentence]]
      let paragraph = Int(token.paragraph)
      let scalars =
        scalarCache[paragraph]
        ?? {
          let result = Array(text.paragraphs[paragraph].unicodeScalars)
          scalarCache[paragraph] = result
          return result
        }()
      var position = Int(token.end)
      while position < scalars.count {
        let scalar = scalars[position]
        if scalar == "?" { return true }
        if scalar == "." || scalar == "!" || scalar == ";" { return false }
        if lastToken[sentence] + 1 < text.tokens.count
          && position >= Int(text.tokens[lastToken[sentence] + 1].start)
          && text.tokens[lastToken[sentence] + 1].paragraph == token.paragraph
        {
          return false
        }
        position += 1
      }
      return false
    }

    // Hits per sentence and layer.
    var ai = [[Int]](repeating: [], count: sentenceCount)
    var cuts = [[Int]](repeating: [], count: sentenceCount)
    var causes = [[Int]](repeating: [], count: sentenceCount)
    var alternatives = [[Int]](repeating: [], count: sentenceCount)
    for (index, hit) in located.enumerated() {
      let sentence = hit.match.sentence
      switch hit.role {
      case .aiReference, .aiFraming: ai[sentence].append(index)
      case .cut: cuts[sentence].append(index)
      case .cause: causes[sentence].append(index)
      case .alternative: alternatives[sentence].append(index)
      default: break
      }
    }
    for sentence in 0..<sentenceCount where !cuts[sentence].isEmpty || !causes[sentence].isEmpty {
      question[sentence] = isQuestion(sentence)
    }

    // Question-and-answer units: a paragraph that answers a question paragraph (its last
    // sentence a question, "Q: How many roles are affected?") belongs to the question's unit,
    // so in an FAQ or interview the implied window counts question-and-answer pairs, not
    // paragraphs ("About 1.5k roles…" two answers from the AI answer is in reach).
    let paragraphCount = text.paragraphs.count
    var lastSentenceOf = [Int](repeating: -1, count: paragraphCount)
    for sentence in 0..<sentenceCount where paragraphOf[sentence] >= 0 {
      lastSentenceOf[paragraphOf[sentence]] = sentence
    }
    var questionParagraph = [Bool](repeating: false, count: paragraphCount)
    for paragraph in 0..<paragraphCount where lastSentenceOf[paragraph] >= 0 {
      questionParagraph[paragraph] = isQuestion(lastSentenceOf[paragraph])
    }
    var unitOf = [Int](repeating: 0, count: paragraphCount)
    for paragraph in 0..<paragraphCount where paragraph > 0 {
      let answers = questionParagraph[paragraph - 1] && !questionParagraph[paragraph]
      unitOf[paragraph] = unitOf[paragraph - 1] + (answers ? 0 : 1)
    }
    func unit(_ sentence: Int) -> Int {
      paragraphOf[sentence] >= 0 ? unitOf[paragraphOf[sentence]] : -1
    }
    let bullet = text.paragraphs.map(Self.isBullet)
    /// The sentence's first token after a speaker label that opens its paragraph ("A:",
    /// "CHIEF EXECUTIVE:").
    func contentStart(_ sentence: Int) -> Int {
      let first = firstToken[sentence]
      let paragraph = paragraphOf[sentence]
      guard paragraph >= 0, lastToken[sentence] >= first,
        sentence == 0 || paragraphOf[sentence - 1] != paragraph
      else { return first }
      let scalars = Array(text.paragraphs[paragraph].unicodeScalars)
      var index = first
      while index <= lastToken[sentence] && index - first < Self.speakerLabelLength {
        let end = Int(text.tokens[index].end)
        if end < scalars.count && scalars[end] == ":" { return index + 1 }
        index += 1
      }
      return first
    }

    func tokenForms(_ sentence: Int, where include: (Int) -> Bool) -> [String] {
      guard lastToken[sentence] >= firstToken[sentence] else { return [] }
      return (firstToken[sentence]...lastToken[sentence]).filter(include).map {
        text.normalizedText(of: text.tokens[$0])
      }
    }
    /// A rhetorical question about keeping people ("Why would we keep thirty people re-keying
    /// invoices when the model reads them in seconds?"): "why", a modal, then a verb of
    /// keeping or paying. Its answer "We won't." agrees with it and denies nothing.
    func isRetentionQuestion(_ sentence: Int) -> Bool {
      guard sentence >= 0, sentence < sentenceCount, isQuestion(sentence) else { return false }
      let forms = tokenForms(sentence, where: { $0 >= contentStart(sentence) })
      for index in forms.indices.dropLast() where forms[index] == "why" {
        guard Self.rhetoricalModals.contains(forms[index + 1]) else { continue }
        let window = (index + 2)..<min(forms.count, index + 2 + Self.retentionReach)
        if forms[window].contains(where: Self.retentionForms.contains) { return true }
      }
      return false
    }
    /// A reported yes/no question ("Several of you asked whether this is about the agents").
    func isReportedQuestion(_ sentence: Int) -> Bool {
      let forms = tokenForms(sentence, where: { _ in true })
      return forms.indices.contains { index in
        Self.askingForms.contains(forms[index])
          && forms[(index + 1)..<min(forms.count, index + 3)].contains(
            where: Self.askedForms.contains)
      }
    }

    // Footnotes: a note paragraph ("* For the avoidance of doubt…", "¹ The reduction
    // reflects…") reads as part of the sentence its mark follows ("…by 22 roles.*").
    var noteAnchor = [Int: Int]()
    let notes = Layout.footnotes(text.paragraphs)
    if !notes.isEmpty {
      for sentence in 0..<sentenceCount where paragraphOf[sentence] >= 0 {
        guard let note = notes[paragraphOf[sentence]] else { continue }
        var anchor: Int?
        for index in text.tokens.indices
        where Int(text.tokens[index].paragraph) == note.paragraph
          && Int(text.tokens[index].start) < note.offset
        {
          anchor = Int(text.tokens[index].sentence)
        }
        if let anchor { noteAnchor[sentence] = anchor }
      }
    }

    // Denials.
    var denial = [Bool](repeating: false, count: sentenceCount)
    var denied = [Bool](repeating: false, count: sentenceCount)  // every claim in it negated
    var shortDenied = Set<Int>()  // sentences denied by a short denial after them
    var retractedClaims: [Int: Int] = [:]  // claims whose short denial is taken back, and where
    for sentence in 0..<sentenceCount where negation.hasCue[sentence] && !ai[sentence].isEmpty {
      let negatedAI = ai[sentence].contains { located[$0].negated }
      let subjectAI = ai[sentence].contains { located[$0].subjectNegated && !located[$0].negated }
      if negatedAI {
        // The claim denied: a cut or cause, or a denial word, in the negated clause.
        let inClause: (Int) -> Bool = { negation.negated[$0] || negation.subjectNegated[$0] }
        let hasLink = (cuts[sentence] + causes[sentence]).contains {
          located[$0].tokens.contains(where: inClause)
        }
        if hasLink
          || tokenForms(sentence, where: inClause).contains(where: {
            Self.denialPredicates.contains($0)
          })
        {
          denial[sentence] = true
        }
      }
      if subjectAI && !denial[sentence] {
        let negatedLink = (cuts[sentence] + causes[sentence]).contains { located[$0].negated }
        if negatedLink
          || tokenForms(sentence, where: { negation.negated[$0] }).contains(where: {
            Self.denialPredicates.contains($0)
          })
        {
          denial[sentence] = true
        }
      }
    }
    // "If this were about AI, the support team would be first in line": a counterfactual
    // "were" about AI as a cause denies it.
    for sentence in 0..<sentenceCount where !denial[sentence] && !ai[sentence].isEmpty {
      let start = firstToken[sentence]
      let forms = tokenForms(sentence, where: { _ in true })
      for index in forms.indices where forms[index] == "if" {
        let window = (index + 1)..<min(forms.count, index + 4)
        guard let were = window.first(where: { forms[$0] == "were" }) else { continue }
        let claim = (were + 1)..<min(forms.count, were + 4)
        if forms[claim].contains(where: Self.causePredicates.contains)
          && ai[sentence].contains(where: {
            located[$0].tokens.lowerBound > start + index
              && located[$0].tokens.lowerBound <= start + were + 4
          })
        {
          denial[sentence] = true
        }
      }
    }
    // Chronology: "The cuts were planned in 2024, before a single AI tool was deployed here."
    // A cut, then a past decision word, then "before" and the AI within reach, with no cut
    // between and no present or future tense after "before", puts the decision before the AI
    // existed: a denial of AI as its cause, and of a claim tying AI to the cut just before.
    // The cut may be named again by a bare noun ("The cuts were planned…") after a cut stated
    // in the `anaphorReach` sentences before.
    for sentence in 0..<sentenceCount where !ai[sentence].isEmpty {
      let start = firstToken[sentence]
      let forms = tokenForms(sentence, where: { _ in true })
      let cutEarlier = (max(0, sentence - Self.anaphorReach)..<sentence).contains {
        !cuts[$0].isEmpty
      }
      guard !cuts[sentence].isEmpty || cutEarlier else { continue }
      var chronology = false
      for index in forms.indices where Self.decisionForms.contains(forms[index]) {
        let cutBefore =
          cuts[sentence].contains { located[$0].tokens.upperBound <= start + index }
          || (cutEarlier && forms[..<index].contains(where: Self.cutNouns.contains))
        guard cutBefore,
          let before = ((index + 1)..<min(forms.count, index + 1 + Self.chronologyReach)).first(
            where: { forms[$0] == "before" }),
          !forms[(index + 1)..<before].contains("to"),
          !cuts[sentence].contains(where: {
            located[$0].tokens.lowerBound > start + index
              && located[$0].tokens.lowerBound < start + before
          }),
          ai[sentence].contains(where: {
            located[$0].tokens.lowerBound > start + before
              && located[$0].tokens.lowerBound <= start + before + Self.chronologyReach
          }),
          !forms[before...].contains(where: Self.nonPastForms.contains)
        else { continue }
        chronology = true
      }
      guard chronology else { continue }
      denial[sentence] = true
      for earlier in (max(0, sentence - Self.chronologyClaimReach)..<sentence).reversed()
      where paragraphOf[earlier] >= paragraphOf[sentence] - 1 && !ai[earlier].isEmpty
        && !(cuts[earlier].isEmpty && causes[earlier].isEmpty)
      {
        denial[earlier] = true
      }
    }
    // Denial by a minimising fact: a claim tying AI to the cut put in question ("Some of you
    // asked whether our chatbot is behind the 90 job cuts."), answered by a small share of the
    // work for the AI ("It handles fewer than 3% of our calls.") and another cause without AI
    // in the sentence after or the one after that ("The reductions come from the loss of…").
    for sentence in 0..<max(0, sentenceCount - 2)
    where !ai[sentence].isEmpty && !(cuts[sentence].isEmpty && causes[sentence].isEmpty) {
      let claim = tokenForms(sentence, where: { _ in true })
      guard
        question[sentence] || isQuestion(sentence)
          || claim.contains(where: Self.askedForms.contains)
      else { continue }
      let fact = sentence + 1
      guard lastToken[fact] >= firstToken[fact] else { continue }
      let factTokens = Array(firstToken[fact]...lastToken[fact])
      let small = factTokens.indices.contains { position in
        guard
          Self.minimiserForms.contains(text.normalizedText(of: text.tokens[factTokens[position]]))
        else { return false }
        return factTokens[(position + 1)..<min(factTokens.count, position + 3)].contains {
          let token = text.tokens[$0]
          guard token.kind == .number else { return false }
          let digits = text.normalizedText(of: token).filter { $0.isNumber || $0 == "." }
          return Double(digits).map { $0 <= Self.smallShareLimit } ?? false
        }
      }
      guard small, !negation.hasCue[fact] else { continue }
      let other = (fact...min(sentenceCount - 1, fact + 1)).contains {
        ai[$0].isEmpty && !(causes[$0].isEmpty && alternatives[$0].isEmpty)
      }
      guard other else { continue }
      denial[sentence] = true
      if !ai[fact].isEmpty { denial[fact] = true }
    }
    // "AI was discussed at the Board, but never as a reason for reducing headcount": an
    // elliptical clause after a contrast denies AI, named before it, as a cause.
    for sentence in 0..<sentenceCount
    where negation.hasCue[sentence] && !denial[sentence] && !ai[sentence].isEmpty {
      let start = firstToken[sentence]
      let forms = tokenForms(sentence, where: { _ in true })
      for index in forms.indices.dropLast()
      where ["but", "yet"].contains(forms[index])
        && ["not", "never"].contains(forms[index + 1])
        && ai[sentence].contains(where: { located[$0].tokens.upperBound <= start + index })
        && forms[(index + 2)..<min(forms.count, index + 2 + Self.ellipticalReach)].contains(
          where: Self.causePredicates.contains)
      {
        denial[sentence] = true
      }
    }
    // "While we use AI in many places, it was not a factor": a pronoun subject standing for AI
    // named earlier in the sentence or in the sentence before.
    for sentence in 0..<sentenceCount
    where negation.pronounSubject[sentence] && !denial[sentence] {
      let earlier =
        ai[sentence].contains { !located[$0].negated }
        || (sentence > 0 && !ai[sentence - 1].isEmpty)
      guard earlier else { continue }
      if tokenForms(sentence, where: { negation.negated[$0] }).contains(where: {
        Self.denialPredicates.contains($0)
      }) {
        denial[sentence] = true
      }
    }
    // Demotion: a sentence about causes that ranks AI below another cause, "driven by our
    // budget more than by any tool", "because of costs rather than AI", "less about AI than
    // about demand". A tool or technology word stands for AI named in the sentence or the two
    // before it in the same paragraph.
    for sentence in 0..<sentenceCount where !denial[sentence] {
      guard lastToken[sentence] >= firstToken[sentence] else { continue }
      let range = firstToken[sentence]...lastToken[sentence]
      let forms = range.map { text.normalizedText(of: text.tokens[$0]) }
      let aiTokens = Set(
        ai[sentence].flatMap { Array(located[$0].tokens) }.map { $0 - range.lowerBound })
      let aiNearby =
        !aiTokens.isEmpty
        || (max(0, sentence - 2)..<sentence).contains {
          paragraphOf[$0] == paragraphOf[sentence] && !ai[$0].isEmpty
        }
      guard aiNearby else { continue }
      let aboutCauses =
        !causes[sentence].isEmpty || forms.contains(where: { Self.claimWords.contains($0) })
        || forms.indices.dropLast().contains { Self.anaphors.contains([forms[$0], forms[$0 + 1]]) }
      guard aboutCauses else { continue }
      if Self.demotesAI(forms, aiTokens: aiTokens) { denial[sentence] = true }
    }
    for sentence in negation.shortDenials.union(negation.leadingDenials).sorted()
    where sentence > 0 {
      // A whole short sentence holds nothing else; a denying opening clause ("No, we
      // overhired and are cutting 120 roles") is followed by a clause of its own.
      guard
        (ai[sentence].isEmpty && cuts[sentence].isEmpty)
          || negation.leadingDenials.contains(sentence)
      else { continue }
      // "Why would we keep thirty people doing this by hand? We won't.": the answer agrees.
      if isRetentionQuestion(sentence - 1) { continue }
      // The claim is the sentence before, over an interjection ("Is AI behind this? Honestly?
      // No."): a sentence of at most `interjectionLength` tokens with no hit.
      var previous = sentence - 1
      if previous > 0 && lastToken[previous] - firstToken[previous] < Self.interjectionLength
        && ai[previous].isEmpty && cuts[previous].isEmpty && causes[previous].isEmpty
        && paragraphOf[previous - 1] == paragraphOf[previous]
      {
        previous -= 1
      }
      // Only a claim can be denied: the sentence before holds cut or causal language or a
      // claim word ("Is AI behind this? It is not."), not just AI ("AI-native can sound cold.").
      // A bare AI fragment is a claim when the denial names a cause ("AI? Not a factor.").
      let claim =
        !cuts[previous].isEmpty || !causes[previous].isEmpty
        || tokenForms(previous, where: { _ in true }).contains(where: {
          Self.claimWords.contains($0)
        })
        || (!ai[previous].isEmpty
          && tokenForms(sentence, where: { _ in true }).contains(where: {
            Self.causePredicates.contains($0)
          }))
        // "Was this AI? No.": a question whose subject points back at what happened ("was
        // this", "is it") and whose predicate is the AI asks whether AI was the cause.
        || (!ai[previous].isEmpty && isQuestion(previous)
          && {
            let forms = tokenForms(previous, where: { $0 >= contentStart(previous) })
            return forms.count >= 3 && ["was", "is", "were", "are"].contains(forms[0])
              && ["this", "it", "that", "these", "those"].contains(forms[1])
          }())
      guard claim else { continue }
      // "No. Well, let me be straight with you. Not all of them, but most.": a later sentence
      // of the same answer, before any new question, admits what the denial refused ("but
      // most", "Yes, in part"); the denial is taken back. "No. Was it me? Partly, yes." admits
      // something else: the new question bounds the answer.
      var retracted = false
      var later = sentence + 1
      while later < sentenceCount && paragraphOf[later] == paragraphOf[sentence]
        && !isQuestion(later)
      {
        let forms = tokenForms(later, where: { $0 >= contentStart(later) })
        if forms.first == "yes"
          || forms.indices.dropLast().contains(where: {
            forms[$0] == "but" && Self.admissionForms.contains(forms[$0 + 1])
          })
        {
          retracted = true
          break
        }
        later += 1
      }
      if retracted {
        retractedClaims[previous] = later
        continue
      }
      denied[previous] = true
      shortDenied.insert(previous)
      if !ai[previous].isEmpty { denial[previous] = true }
      // "…whether our AI assistant replaced the billing team. It didn't: the assistant only
      // handles password resets, and the 30 roles we closed…": what follows a denying opening
      // clause explains the denial, so its AI is no reason for its cut.
      if negation.leadingDenials.contains(sentence) && !ai[previous].isEmpty
        && !ai[sentence].isEmpty
      {
        denial[sentence] = true
      }
    }

    // Denial by a small share: a sentence giving the AI a small share of the work ("Our bots
    // answer maybe four percent of tickets.") followed within `shareDenialReach` sentences by
    // a cut given another, named cause without AI ("The 70 roles went because of the
    // merger"): the numbers rebut AI as the cause.
    for sentence in 0..<sentenceCount
    where !denial[sentence] && !ai[sentence].isEmpty && cuts[sentence].isEmpty
      && lastToken[sentence] >= firstToken[sentence]
    {
      let span = firstToken[sentence]...lastToken[sentence]
      let small = span.contains { position in
        guard let value = Layout.value(text.normalizedText(of: text.tokens[position])),
          value <= Self.smallShareLimit
        else { return false }
        if position + 1 <= lastToken[sentence],
          Self.percentForms.contains(text.normalizedText(of: text.tokens[position + 1]))
        {
          return true
        }
        let token = text.tokens[position]
        let scalars = text.paragraphs[Int(token.paragraph)].unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: Int(token.end))
        return end < scalars.endIndex && scalars[end] == "%"
      }
      // "The chatbot can barely reset a password", "can't even route a call": belittling what
      // the AI can do rebuts it like a small share.
      let forms = tokenForms(sentence, where: { _ in true })
      let belittled = forms.indices.contains { index in
        Self.belittlingForms.contains(forms[index])
          || (forms[index] == "even" && index > 0
            && Self.belittlingCues.contains(forms[index - 1]))
      }
      guard small || belittled else { continue }
      let later = (sentence + 1)..<min(sentenceCount, sentence + 1 + Self.shareDenialReach)
      if later.contains(where: { other in
        ai[other].isEmpty && cuts[other].contains { !located[$0].negated }
          && alternatives[other].contains { !located[$0].negated }
      }) {
        denial[sentence] = true
      }
    }
    // Denial by scope: "Of the 430 posts being removed, none are in the teams where the AI
    // triage pilot is running", "Nobody in the teams using Copilot is affected": a negative
    // quantifier, a place word right after it, then the AI, with the cut named in the sentence
    // or the ones before.
    for sentence in 0..<sentenceCount
    where !denial[sentence] && !ai[sentence].isEmpty && negation.hasCue[sentence] {
      let start = firstToken[sentence]
      let forms = tokenForms(sentence, where: { _ in true })
      let cutNear = (max(0, sentence - Self.anaphorReach)...sentence).contains {
        !cuts[$0].isEmpty
      }
      guard cutNear else { continue }
      for index in forms.indices where Self.scopeQuantifiers.contains(forms[index]) {
        let window = (index + 1)..<min(forms.count, index + 1 + Self.scopeReach)
        guard let place = window.first(where: { Self.scopePlaceForms.contains(forms[$0]) }),
          ai[sentence].contains(where: { located[$0].tokens.lowerBound > start + place })
        else { continue }
        denial[sentence] = true
      }
    }

    // A reported claim corrected: "I keep reading that our layoffs were about AI. … we simply
    // ran out of runway", "Reports say the cuts were driven by AI. In fact demand fell." A
    // sentence tying AI to cuts inside a hearsay frame (a reporting word, then "that" or the
    // claim) is denied when the next sentence gives another cause.
    for sentence in 0..<(sentenceCount - 1)
    where !denial[sentence] && !ai[sentence].isEmpty
      && !(cuts[sentence].isEmpty && causes[sentence].isEmpty)
    {
      let forms = tokenForms(sentence, where: { _ in true })
      let reported = forms.indices.contains {
        Self.hearsayVerbForms.contains(forms[$0]) && $0 + 1 < forms.count
          && forms[$0 + 1] == "that"
      }
      guard reported,
        alternatives[sentence + 1].contains(where: { !located[$0].negated })
      else { continue }
      denial[sentence] = true
      denied[sentence] = true
    }

    // A question whether AI is the cause, answered with another cause named as the only one
    // ("Are we being replaced by AI? The roles affected were chosen on the basis of the site
    // closures alone."): the answer denies the question's claim.
    for sentence in 0..<(sentenceCount - 1)
    where question[sentence] && !ai[sentence].isEmpty && !causes[sentence].isEmpty
      && ai[sentence + 1].isEmpty && !question[sentence + 1]
      && !(causes[sentence + 1].isEmpty && alternatives[sentence + 1].isEmpty)
    {
      let answer = tokenForms(sentence + 1, where: { _ in true })
      if answer.contains(where: Self.exclusiveForms.contains) {
        denial[sentence] = true
        denied[sentence] = true
      }
    }

    // Denial by counter-example: a past yes/no question whether AI cost jobs ("Did AI cost
    // anyone their job here?") answered by people moved to other work ("Ask the 14 people we
    // moved from data entry into model review"), with no cut, no negation and no yes in the
    // answer.
    for sentence in 0..<max(0, sentenceCount - 1)
    where !denial[sentence] && !ai[sentence].isEmpty && cuts[sentence].isEmpty
      && isQuestion(sentence)
    {
      let opener = contentStart(sentence)
      let answer = sentence + 1
      let answerStart = contentStart(answer)
      guard opener <= lastToken[sentence], answerStart <= lastToken[answer],
        Self.yesNoOpeners.contains(text.normalizedText(of: text.tokens[opener])),
        tokenForms(sentence, where: { _ in true }).contains(where: Self.jobLossForms.contains),
        cuts[answer].isEmpty, !negation.hasCue[answer], !isQuestion(answer),
        !Self.yesForms.contains(text.normalizedText(of: text.tokens[answerStart])),
        tokenForms(answer, where: { _ in true }).contains(where: Self.redeploymentForms.contains)
      else { continue }
      denial[sentence] = true
      denied[sentence] = true
    }

    // Talking points: scripted answers and wording lists. "If asked 'Is AI replacing these
    // roles?': No." quotes a question and answers it in one sentence: the question's hits assert
    // nothing, and a "No" right after it denies the claim the question holds. "Avoid: 'you
    // were replaced by AI'" lists wording managers must not use: its hits are about words,
    // neither the company's claim nor its denial. Only sentences that name AI are read.
    var quotedQuestionHits = Set<Int>()
    var wordingList = [Bool](repeating: false, count: sentenceCount)
    for sentence in 0..<sentenceCount where !ai[sentence].isEmpty {
      let first = firstToken[sentence]
      let last = lastToken[sentence]
      guard last > first, paragraphOf[sentence] >= 0 else { continue }
      let paragraph = paragraphOf[sentence]
      let span = text.text(
        paragraph: paragraph,
        range: Int(text.tokens[first].start)..<Int(text.tokens[last].start))
      if span.contains(":") {
        let scalars = Array(text.paragraphs[paragraph].unicodeScalars)
        // A label before a colon that tells what not to say ("Avoid:", "Don't say:").
        var forms: [String] = []
        var wording = false
        for index in first..<min(last, first + Layout.reasonLabelLength) {
          forms.append(text.normalizedText(of: text.tokens[index]))
          let end = Int(text.tokens[index].end)
          if end < scalars.count && scalars[end] == ":" {
            wording = Layout.isWordingLabel(forms)
            break
          }
        }
        if wording {
          denial[sentence] = false
          wordingList[sentence] = true
          continue
        }
      }
      guard span.contains("?"), !isQuestion(sentence) else { continue }
      // The question ends at the first "?" with tokens after it in the sentence.
      let scalars = Array(text.paragraphs[paragraph].unicodeScalars)
      var questionEnd: Int?
      for index in first..<last {
        let from = Int(text.tokens[index].end)
        let to = Int(text.tokens[index + 1].start)
        if from < to, to <= scalars.count, scalars[from..<to].contains("?") {
          questionEnd = index
          break
        }
      }
      guard let questionEnd else { continue }
      let inQuestion = (ai[sentence] + causes[sentence]).filter {
        located[$0].tokens.upperBound - 1 <= questionEnd
      }
      quotedQuestionHits.formUnion(inQuestion)
      let answer = text.normalizedText(of: text.tokens[questionEnd + 1])
      if Self.scriptedNoForms.contains(answer),
        ai[sentence].contains(where: { located[$0].tokens.upperBound - 1 <= questionEnd }),
        !(cuts[sentence] + causes[sentence]).filter({
          located[$0].tokens.upperBound - 1 <= questionEnd
        }).isEmpty
          || tokenForms(sentence, where: { $0 <= questionEnd }).contains(
            where: Self.denialPredicates.contains)
      {
        denial[sentence] = true
      }
    }

    // Cuts, affirmed or not. A cut the negation does not reach directly is presupposed: "AI is
    // not the reason for today's job cuts" still announces cuts; "we are not making layoffs"
    // and "this is not a plan to reduce our team" do not. A cut negated directly is still
    // presupposed when a contrast gives another cause after it ("not cutting jobs to make room
    // for AI, pointing instead to higher costs"; "not because of AI but because…"), and when a
    // cause follows it ("we are not laying people off because of AI": the cause is what is
    // denied) unless the memo denies cuts plainly elsewhere ("we are not making layoffs", "we
    // have no plans to"), which makes the cut the thing denied.
    var cutAffirmed = [Bool](repeating: false, count: count)
    var cutsDenied = false
    var reading: [(index: Int, presupposed: Bool, ambiguous: Bool, denies: Bool)] = []
    var plainCutDenial = false
    for (index, hit) in located.enumerated() where hit.role == .cut {
      let sentence = hit.match.sentence
      let start = hit.tokens.lowerBound
      // "No one is losing their job", "nobody will be laid off": a negative subject negates
      // the cut however far its verb.
      let sentenceStart = firstToken[sentence]
      let direct =
        (max(0, start - Self.directNegationReach)..<start).contains {
          negation.isCueToken[$0] && text.tokens[$0].sentence == text.tokens[start].sentence
        }
        || (hit.negated
          && (sentenceStart..<start).contains { position in
            let form = text.normalizedText(of: text.tokens[position])
            return form == "nobody"
              || (form == "no" && position + 1 < start
                && ["one", "one's"].contains(text.normalizedText(of: text.tokens[position + 1])))
          })
      let planned = (max(0, start - Self.planReach)..<start).contains {
        text.tokens[$0].sentence == text.tokens[start].sentence
          && Self.planForms.contains(text.normalizedText(of: text.tokens[$0]))
      }
      var otherCause = false
      if hit.negated, hit.tokens.upperBound <= lastToken[sentence] {
        let after = hit.tokens.upperBound...lastToken[sentence]
        if let contrast = after.first(where: {
          NegationScope.contrastForms.contains(text.normalizedText(of: text.tokens[$0]))
        }) {
          otherCause =
            (max(after.lowerBound, contrast - 1)...lastToken[sentence]).contains {
              Self.contrastCauseForms.contains(text.normalizedText(of: text.tokens[$0]))
            }
            || alternatives[sentence].contains {
              !located[$0].negated && located[$0].tokens.lowerBound >= contrast - 1
            }
        }
      }
      // "AI didn't take these 40 jobs; a tariff did": an elliptical clause closing the sentence
      // gives the cut another agent, so the cut stands and only AI is denied.
      if hit.negated, hit.tokens.upperBound + 1 < lastToken[sentence],
        Self.closesWithOtherAgent(tokenForms(sentence, where: { _ in true }))
      {
        otherCause = true
      }
      // A cause that starts within reach after the cut, or that holds the cut and goes on past
      // it ("not replacing our team with chatbots").
      let causeAfter = causes[sentence].contains {
        let gap = located[$0].tokens.lowerBound - hit.tokens.upperBound
        return gap <= Self.causeAfterReach
          && located[$0].tokens.upperBound > hit.tokens.upperBound
      }
      let negatedHere = hit.negated && !denied[sentence] && !question[sentence]
      let presupposed = negatedHere && (!direct || otherCause) && !planned
      let ambiguous = negatedHere && !presupposed && causeAfter && !planned
      if negatedHere && !presupposed && !ambiguous { plainCutDenial = true }
      // "There will be no redundancies for reasons of AI until 2028": a guarantee against
      // cuts, bounded in time or given as a pledge, announces none and denies cuts plainly.
      if negatedHere && direct && !planned
        && (firstToken[sentence]...lastToken[sentence]).contains(where: { position in
          let form = text.normalizedText(of: text.tokens[position])
          if Self.guaranteeForms.contains(form) { return true }
          // "… before 2030", "… until the end of 2028": a time limit with a year or date.
          guard Self.timeLimitForms.contains(form) else { return false }
          let reach = min(lastToken[sentence], position + Self.timeLimitReach)
          return position < reach
            && ((position + 1)...reach).contains { text.tokens[$0].kind == .number }
        })
      {
        plainCutDenial = true
      }
      reading.append((index, presupposed, ambiguous, negatedHere))
    }
    // "…, and we have no plans to": a cue before a plan word denies cuts plainly.
    if !plainCutDenial {
      for sentence in 0..<sentenceCount where negation.hasCue[sentence] {
        guard lastToken[sentence] > firstToken[sentence] else { continue }
        for position in firstToken[sentence]..<lastToken[sentence]
        where negation.isCueToken[position]
          && Self.planNouns.contains(text.normalizedText(of: text.tokens[position + 1]))
        {
          plainCutDenial = true
        }
      }
    }
    for entry in reading {
      let hit = located[entry.index]
      let sentence = hit.match.sentence
      var isAffirmed = !hit.negated && !denied[sentence]
      if entry.presupposed || (entry.ambiguous && !plainCutDenial) { isAffirmed = true }
      if entry.denies && !isAffirmed { cutsDenied = true }
      if question[sentence] {
        let offset = hit.tokens.lowerBound - firstToken[sentence]
        let forms = tokenForms(sentence, where: { _ in true })
        isAffirmed =
          isAffirmed
          && (Self.presupposesCut(forms, cut: offset) || Self.isDefinite(forms, cut: offset))
      }
      cutAffirmed[entry.index] = isAffirmed
    }
    // A prediction or a capability is not a denial of a cause: in a memo that announces no
    // cuts, "AI won't replace our designers" reassures and "why an agent cannot do the job"
    // describes, and AI stays affirmed. Such a sentence negates with a modal (won't, cannot,
    // will never) and names no cause ("not about AI", "played no part").
    var capability = [Bool](repeating: false, count: sentenceCount)
    if !cutAffirmed.contains(true) {
      for sentence in 0..<sentenceCount where denial[sentence] {
        let forms = tokenForms(sentence, where: { _ in true })
        // A short denial of a modal question ("Will AI replace my job? No.") answers a
        // prediction; the question's own modal ("will", "can") marks it.
        let shortModal =
          shortDenied.contains(sentence) && forms.contains(where: Self.modalForms.contains)
        if shortDenied.contains(sentence) && !shortModal { continue }
        let aboutCause = forms.indices.contains {
          Self.causePredicates.contains(forms[$0])
            || (forms[$0] == "do" && $0 + 1 < forms.count && forms[$0 + 1] == "with")
        }
        let modal =
          shortModal
          || forms.indices.contains {
            Self.modalCueForms.contains(forms[$0])
              || (["not", "never"].contains(forms[$0]) && $0 > 0
                && Self.modalForms.contains(forms[$0 - 1]))
          }
        // Without cuts, a denial that names no cause and leaves AI itself affirmed reassures
        // whether or not it is modal ("We are using AI to remove drudgery, not people").
        let aiAffirmed =
          !shortDenied.contains(sentence) && !ai[sentence].contains { located[$0].negated }
        if (modal || aiAffirmed) && !aboutCause && !Self.closesWithOtherAgent(forms) {
          denial[sentence] = false
          denied[sentence] = false
          capability[sentence] = true
        }
      }
    }

    // Affirmed hits.
    for (index, hit) in located.enumerated() {
      let sentence = hit.match.sentence
      var isAffirmed = !hit.negated && !denied[sentence]
      switch hit.role {
      case .aiReference, .aiFraming:
        if denial[sentence] && hit.subjectNegated { isAffirmed = false }
        if denial[sentence] && quotedQuestionHits.contains(index) { isAffirmed = false }
        if denial[sentence] && !isAffirmed { distancing[index] = true }
        // "why the work cannot be done with AI" names AI as a tool all the same.
        if capability[sentence] && hit.role == .aiReference { isAffirmed = true }
      case .cut:
        isAffirmed = cutAffirmed[index] && !wordingList[sentence]
      case .restructuring, .cause:
        if question[sentence] || quotedQuestionHits.contains(index) || wordingList[sentence] {
          isAffirmed = false
        }
        let start = hit.tokens.lowerBound
        if hit.role == .cause
          && (max(firstToken[sentence], start - Self.conditionReach)..<start).contains(where: {
            text.normalizedText(of: text.tokens[$0]) == "whether"
          })
        {
          isAffirmed = false
        }
      case .distancing:
        // Distancing holds only denials and hedges of AI: near an AI reference (a lexicon
        // without the AI reference layer cannot tell, and keeps them all).
        let near = max(0, sentence - 1)...min(sentenceCount - 1, sentence + 1)
        keep[index] =
          !hasReferenceLayer || denial[sentence] || near.contains { !ai[$0].isEmpty }
      default:
        break
      }
      affirmed[index] = isAffirmed
    }

    // Links.
    func anaphor(in sentence: Int) -> String? {
      let forms = tokenForms(sentence, where: { _ in true })
      // A fronted statement of cause ("Reason is our new assistant…", "The main reason of the
      // reduction is…") names the cause of what was just announced: it points back like "this
      // decision" does.
      let opening = forms.prefix(Self.frontedReasonReach)
      if let reason = opening.firstIndex(where: { $0 == "reason" || $0 == "reasons" }),
        opening[..<reason].allSatisfy(Self.frontedReasonModifiers.contains),
        reason + 1 < forms.count, Self.frontedReasonLinks.contains(forms[reason + 1])
      {
        return forms[reason] + " " + forms[reason + 1]
      }
      for index in forms.indices.dropLast()
      where Self.anaphors.contains([forms[index], forms[index + 1]]) {
        return forms[index] + " " + forms[index + 1]
      }
      return nil
    }
    func describe(_ index: Int) -> String {
      "\(lexicon.entries[located[index].entry].id) '\(located[index].match.text)'"
        + (located[index].note.map { " (\($0))" } ?? "")
    }
    func affirmedHits(_ list: [Int]) -> [Int] { list.filter { affirmed[$0] } }
    /// The question this sentence answers about the cause of an affirmed (presupposed) cut, and
    /// that cut: the sentence before, or the one before a short opener ("Yes.").
    func answeredQuestion(before sentence: Int) -> (Int, Int)? {
      var asked = sentence - 1
      guard asked >= 0 else { return nil }
      if !question[asked] && asked > 0 && lastToken[asked] >= firstToken[asked]
        && lastToken[asked] - firstToken[asked] < Self.interjectionLength
        && ai[asked].isEmpty && cuts[asked].isEmpty && causes[asked].isEmpty
        && Self.answerOpeners.contains(text.normalizedText(of: text.tokens[firstToken[asked]]))
      {
        asked -= 1
      }
      guard question[asked], !causes[asked].isEmpty, !denial[asked] else { return nil }
      if let cut = affirmedHits(cuts[asked]).first { return (asked, cut) }
      // "Why these teams?": a question about the cause that points back with a demonstrative
      // asks about the cut announced in the sentences before.
      guard tokenForms(asked, where: { _ in true }).contains(where: Self.demonstratives.contains)
      else { return nil }
      for earlier in (max(0, asked - Self.anaphorReach)..<asked).reversed() {
        if let cut = affirmedHits(cuts[earlier]).first { return (asked, cut) }
      }
      return nil
    }
    var explicitFound = false
    var impliedFound = false
    var framingFound = false
    /// Where a labelled reason ends: a sentence opening with a short label that names a reason
    /// and ends in a colon ("The honest reason:", "Reasons for the proposals:", "Driver:").
    func reasonLabelEnd(_ sentence: Int) -> Int? {
      let first = firstToken[sentence]
      guard lastToken[sentence] > first else { return nil }
      let scalars = Array(text.paragraphs[paragraphOf[sentence]].unicodeScalars)
      var named = false
      for index in first..<min(lastToken[sentence], first + Layout.reasonLabelLength) {
        named =
          named || Layout.reasonLabelForms.contains(text.normalizedText(of: text.tokens[index]))
        let end = Int(text.tokens[index].end)
        if end < scalars.count && scalars[end] == ":" { return named ? index + 1 : nil }
      }
      return nil
    }

    // Tables: a row under a header reads as one statement, its cells as the header names them
    // ("Role family | Roles reduced | Driver" over "Tier-1 support | 85 | AI assistant now
    // resolves most chats"). A number in a column headed by cut words states a cut; AI in the
    // row's reason column is its explicit reason, AI elsewhere in the row an implied one.
    var tableLinked = Set<Int>()
    var tableCut = false
    let tableRows = text.paragraphs.map(Layout.isTableRow)
    if tableRows.contains(true) {
      var tokensOf = [[Int]](repeating: [], count: paragraphCount)
      for (index, token) in text.tokens.enumerated() {
        tokensOf[Int(token.paragraph)].append(index)
      }
      var header = 0
      while header < paragraphCount {
        guard tableRows[header] else {
          header += 1
          continue
        }
        var end = header
        while end + 1 < paragraphCount && tableRows[end + 1] { end += 1 }
        let headerScalars = Array(text.paragraphs[header].unicodeScalars)
        func column(_ forms: Set<String>) -> Int? {
          tokensOf[header].first { forms.contains(text.normalizedText(of: text.tokens[$0])) }
            .map { Layout.cell(of: Int(text.tokens[$0].start), in: headerScalars) }
        }
        let countsPeople = tokensOf[header].contains {
          Layout.peopleHeaderForms.contains(text.normalizedText(of: text.tokens[$0]))
        }
        let cutColumn = countsPeople ? column(Layout.cutHeaderForms) : nil
        let reasonColumn = column(Layout.reasonHeaderForms)
        if let cutColumn, end > header {
          for row in (header + 1)...end {
            let scalars = Array(text.paragraphs[row].unicodeScalars)
            func cell(_ token: Int) -> Int {
              Layout.cell(of: Int(text.tokens[token].start), in: scalars)
            }
            let counted = tokensOf[row].contains {
              text.tokens[$0].kind == .number && cell($0) == cutColumn
                && (Layout.value(text.normalizedText(of: text.tokens[$0])) ?? 0) > 0
            }
            guard counted else { continue }
            tableCut = true
            let aiHits =
              tokensOf[row].isEmpty
              ? []
              : Set(tokensOf[row].map { Int(text.tokens[$0].sentence) }).flatMap {
                affirmedHits(ai[$0]).filter { !denial[located[$0].match.sentence] }
              }
            guard
              let hit = aiHits.first(where: { cell(located[$0].tokens.lowerBound) == reasonColumn })
                ?? aiHits.first
            else { continue }
            let explicit = reasonColumn.map { cell(located[hit].tokens.lowerBound) == $0 } ?? false
            framingFound = true
            if explicit { explicitFound = true } else { impliedFound = true }
            tableLinked.formUnion(aiHits.map { located[$0].match.sentence })
            links.append(
              (
                hit, explicit,
                (explicit ? "explicit" : "implied") + ": AI \(describe(hit)) in a table row"
                  + " (paragraph \(row + 1)) that counts a cut under '"
                  + text.paragraphs[header].trimmingCharacters(in: .whitespaces) + "'"
              ))
          }
        }
        header = end + 1
      }
    }
    // Contrasting sections ("On the cost side, … On the growth side, …"): a paragraph opening
    // with such a label starts a section, and AI in one section is not read beside a cut in
    // another.
    var sectionOf = [Int](repeating: 0, count: max(1, paragraphCount))
    do {
      var section = 0
      var previousParagraph = -1
      for sentence in 0..<sentenceCount where paragraphOf[sentence] >= 0 {
        let paragraph = paragraphOf[sentence]
        guard paragraph != previousParagraph else { continue }
        let first = firstToken[sentence]
        let end = min(lastToken[sentence] + 1, first + Layout.sectionLabelLength)
        if end > first + 3, text.normalizedText(of: text.tokens[first]) == "on",
          Layout.isSectionLabel((first..<end).map { text.normalizedText(of: text.tokens[$0]) })
        {
          section += 1
        }
        for filled in max(0, previousParagraph + 1)...paragraph { sectionOf[filled] = section }
        previousParagraph = paragraph
      }
    }
    // Objectives and key results: a key result ("KR2: Support headcount from 180 to 110") serves
    // the objective it sits under ("Objective: Become an agent-first support organisation"). A
    // cut stated as a key result of an objective that names AI is presented as serving the AI:
    // an explicit reason. A key result beside another that names AI stays implied. Only
    // paragraphs whose first token is "objective", "kr…" or "key" are looked at.
    var objectiveAI: Int?
    var previousParagraph = -1
    for sentence in 0..<sentenceCount where paragraphOf[sentence] >= 0 {
      let paragraph = paragraphOf[sentence]
      guard paragraph != previousParagraph else { continue }
      previousParagraph = paragraph
      let first = firstToken[sentence]
      let opener = text.normalizedText(of: text.tokens[first])
      guard Layout.isObjectiveOpener(opener) || Layout.isKeyResultOpener(opener) else {
        continue
      }
      let sentences = (sentence..<sentenceCount).prefix { paragraphOf[$0] == paragraph }
      if Layout.isObjectiveOpener(opener) {
        objectiveAI = nil
        for inObjective in sentences where !denial[inObjective] && objectiveAI == nil {
          objectiveAI = affirmedHits(ai[inObjective]).first
        }
        continue
      }
      guard let objective = objectiveAI,
        !tableLinked.contains(located[objective].match.sentence),
        let cutSentence = sentences.first(where: { !affirmedHits(cuts[$0]).isEmpty }),
        let cut = affirmedHits(cuts[cutSentence]).first
      else { continue }
      // One link per sentence: the objective's sentence is read here, not again below.
      tableLinked.insert(located[objective].match.sentence)
      explicitFound = true
      framingFound = true
      links.append(
        (
          objective, true,
          "explicit: cut \(describe(cut)) is a key result (sentence \(cutSentence)) of an"
            + " objective that names AI \(describe(objective))"
        ))
    }
    for sentence in 0..<sentenceCount where !tableLinked.contains(sentence) {
      let aiHere = affirmedHits(ai[sentence])
      guard !aiHere.isEmpty, !denial[sentence] else { continue }
      framingFound = true
      // Wording to avoid names AI as a phrase: it frames the memo and links to nothing.
      if wordingList[sentence] { continue }
      let heaviest = aiHere.max {
        (lexicon.entries[located[$0].entry].weight, -$0)
          < (lexicon.entries[located[$1].entry].weight, -$1)
      }!
      let cutHere = affirmedHits(cuts[sentence])
      // A causal verb that is the cut itself ("make 340 roles redundant" is both) joins AI to
      // the cut only with the AI on its subject side ("The tools we rolled out made 40 roles
      // redundant") or as its agent right after it ("roles made redundant by AI"): AI later in
      // the sentence (a memo's title quoted in a news story) is beside the cut, not its cause.
      let causeHere = affirmedHits(causes[sentence]).filter { cause in
        let range = located[cause].tokens
        guard cutHere.contains(where: { located[$0].tokens == range }) else { return true }
        return aiHere.contains { hit in
          let ai = located[hit].tokens
          return ai.upperBound <= range.lowerBound
            || (ai.lowerBound >= range.upperBound
              && ai.lowerBound - range.upperBound <= Self.selfCauseReach)
        }
      }
      if let cut = cutHere.first, let cause = causeHere.first {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) and cut \(describe(cut)) joined by"
              + " \(describe(cause)) (sentence \(sentence))"
          ))
        continue
      }
      // A line item that names the AI and counts the cut as its value ("AI agents in customer
      // operations: -900 FTE, EUR 54m"): the list puts the fall on the AI's account.
      if let cut = cutHere.first(where: {
        text.tokens[located[$0].tokens.lowerBound].kind == .number
      }),
        let item = aiHere.first(where: { hit in
          let end = located[hit].tokens.upperBound - 1
          let start = located[cut].tokens.lowerBound
          guard end < start, text.tokens[end].paragraph == text.tokens[start].paragraph else {
            return false
          }
          return text.text(
            paragraph: Int(text.tokens[start].paragraph),
            range: Int(text.tokens[end].end)..<Int(text.tokens[start].start)
          ).contains(":")
        })
      {
        explicitFound = true
        links.append(
          (
            item, true,
            "explicit: AI \(describe(item)) names the line item whose value is cut"
              + " \(describe(cut)) (sentence \(sentence))"
          ))
        continue
      }
      // A causal chain written with arrows ("Copilots in every team → fewer reviews → a firm
      // 9% smaller"): an arrow after the AI and before the cut is the link. Only a sentence
      // holding both AI and a cut is looked at, and only its own text between the two.
      if let cut = cutHere.first,
        let chain = aiHere.first(where: { hit in
          let end = located[hit].tokens.upperBound - 1
          let start = located[cut].tokens.lowerBound
          guard end < start, text.tokens[end].paragraph == text.tokens[start].paragraph else {
            return false
          }
          let between = text.text(
            paragraph: Int(text.tokens[start].paragraph),
            range: Int(text.tokens[end].end)..<Int(text.tokens[start].start))
          return Self.arrowMarks.contains { between.contains($0) }
        })
      {
        explicitFound = true
        links.append(
          (
            chain, true,
            "explicit: AI \(describe(chain)) leads by an arrow to cut \(describe(cut))"
              + " (sentence \(sentence))"
          ))
        continue
      }
      // A reason pointed back at: "Since every engineer got the coding assistant, output is up
      // 80%. That is why the contractor pool goes from 30 to 8." The next sentence opens with
      // "that / this is why" and states an affirmed cut without AI; this sentence names AI and
      // no other cause.
      if cutHere.isEmpty, !isQuestion(sentence), affirmedHits(alternatives[sentence]).isEmpty,
        sentence + 1 < sentenceCount, ai[sentence + 1].isEmpty,
        paragraphOf[sentence + 1] == paragraphOf[sentence],
        let cut = affirmedHits(cuts[sentence + 1]).first
      {
        let next = tokenForms(sentence + 1, where: { $0 >= contentStart(sentence + 1) })
        let whyOpener =
          (next.count >= 2 && next[0] == "that's" && next[1] == "why")
          || (next.count >= 3 && Self.demonstratives.contains(next[0])
            && ["is", "was"].contains(next[1]) && next[2] == "why")
        // "The board has therefore decided to reduce…": an adverb of consequence anywhere in
        // the cut's sentence, which names no other cause.
        let consequence =
          affirmedHits(alternatives[sentence + 1]).isEmpty
          && (next.contains(where: Self.consequenceForms.contains)
            || next.indices.dropLast().contains {
              Self.consequencePairs.contains([next[$0], next[$0 + 1]])
                && ($0 + 2 >= next.count || next[$0] != "which" || next[$0 + 2] == "why")
            })
        if whyOpener || consequence {
          explicitFound = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) (sentence \(sentence)) is the reason the next"
                + " sentence points back at ('that is why') for cut \(describe(cut))"
            ))
          continue
        }
      }
      // A reason anchored over the whole document: "Our agents now do the coordination work
      // that justified a manager per team. That one fact shapes everything in this note." The
      // sentence right after the AI points back at it (a demonstrative opens it), reaches over
      // the document ("everything", "all that follows", "this note") with a verb of shaping,
      // and holds no cut; the memo's first affirmed cut after it, in a sentence without AI or
      // another named cause, however far, is the cut that reason shapes. An analyst reads a
      // stated frame as the reason for what the memo then announces.
      if cutHere.isEmpty, !isQuestion(sentence), affirmedHits(alternatives[sentence]).isEmpty,
        sentence + 1 < sentenceCount, paragraphOf[sentence + 1] == paragraphOf[sentence],
        ai[sentence + 1].isEmpty, cuts[sentence + 1].isEmpty
      {
        let next = tokenForms(sentence + 1, where: { $0 >= contentStart(sentence + 1) })
        let anchored =
          next.first.map(Self.demonstratives.contains) == true
          && next.contains(where: Self.anchorVerbs.contains)
          && next.contains(where: Self.anchorScopeForms.contains)
        if anchored,
          let cut = ((sentence + 2)..<sentenceCount).filter({
            ai[$0].isEmpty && affirmedHits(alternatives[$0]).isEmpty
          }).compactMap({ affirmedHits(cuts[$0]).first }).first
        {
          explicitFound = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) (sentence \(sentence)) is the reason the next"
                + " sentence sets over the whole document, and cut \(describe(cut)) follows"
            ))
          continue
        }
      }
      // A fall in need pointed back at: "…with agents handling the rest. || In practice, the
      // rest no longer needs as many hands. This month we say goodbye to…". The sentence after
      // the AI (in its paragraph or opening the next) says the need has fallen (a verb of need
      // after "no longer" or "not", or before "fewer" or "less"), with no AI and no other named
      // cause, and a cut follows in it or the sentence after: the AI is the cut's reason.
      if cutHere.isEmpty, !isQuestion(sentence), sentence + 1 < sentenceCount,
        paragraphOf[sentence + 1] == paragraphOf[sentence]
          || (paragraphOf[sentence + 1] == paragraphOf[sentence] + 1
            && (sentence + 1 == 0 || paragraphOf[sentence] != paragraphOf[sentence + 1])),
        ai[sentence + 1].isEmpty, affirmedHits(alternatives[sentence + 1]).isEmpty,
        !denial[sentence + 1]
      {
        let next = tokenForms(sentence + 1, where: { _ in true })
        // What the AI handles: the words after its last AI hit in its sentence.
        let aiEnd = aiHere.map { located[$0].tokens.upperBound }.max()!
        let handled = Set(
          tokenForms(sentence, where: { $0 >= aiEnd }).filter {
            $0.count > 3 && !Self.echoStopForms.contains($0)
          })
        let needFalls = next.indices.contains { index in
          guard Self.needForms.contains(next[index]) else { return false }
          let before = next[max(0, index - 2)..<index]
          let after = next[(index + 1)..<min(next.count, index + 3)]
          // The subject whose need fell names again what the AI handles ("agents handling
          // the rest. … the rest no longer needs"); "That change means we need fewer people"
          // points at a change, not at the work, and stays implied.
          return
            (before.contains("longer") || before.contains("not")
            || after.contains("fewer") || after.contains("less"))
            && next[..<index].contains(where: handled.contains)
        }
        let cutSentences = [sentence + 1, sentence + 2].filter {
          $0 < sentenceCount && paragraphOf[$0] == paragraphOf[sentence + 1]
            && affirmedHits(alternatives[$0]).isEmpty
        }
        if needFalls,
          let cut = cutSentences.compactMap({ affirmedHits(cuts[$0]).first }).first
        {
          explicitFound = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) (sentence \(sentence)) is what the next"
                + " sentence says the need fell by, and cut \(describe(cut)) follows"
            ))
          continue
        }
      }
      // A need removed, after the cut it names again: "Your position has been identified as
      // redundant. || The invoice work is now done by our AI agent, and there is therefore no
      // continuing need for the position." The AI sentence says a need is gone ("no need
      // for", "no longer needed") and a word after it names again a word of the affirmed cut in
      // the sentence before (its paragraph or the one before), which names no other cause.
      if cutHere.isEmpty, !isQuestion(sentence), sentence > 0,
        affirmedHits(alternatives[sentence]).isEmpty,
        let cut = affirmedHits(cuts[sentence - 1]).first,
        affirmedHits(alternatives[sentence - 1]).isEmpty,
        paragraphOf[sentence] - paragraphOf[sentence - 1] <= 1
      {
        let forms = tokenForms(sentence, where: { _ in true })
        let cutWords = Set(
          tokenForms(sentence - 1, where: { _ in true }).filter {
            $0.count > 3 && !Self.echoStopForms.contains($0)
          })
        let gone = forms.indices.first { index in
          let word = forms[index]
          guard word == "need" || word == "needed" else { return false }
          let before = forms[max(0, index - 3)..<index]
          return before.contains("no") || before.contains("longer")
        }
        if let gone,
          forms[(gone + 1)..<min(forms.count, gone + 1 + Self.needObjectReach)].contains(
            where: cutWords.contains)
        {
          explicitFound = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) removes the need (sentence \(sentence)) for"
                + " what cut \(describe(cut)) names in the sentence before"
            ))
          continue
        }
      }
      // A short denial taken back in the same answer: "Were the cuts because of the agents? ||
      // No. Well, … Not all of them, but most.": the question's claim stands.
      if question[sentence], let admission = retractedClaims[sentence],
        let cut = cuts[sentence].first, !causes[sentence].isEmpty
      {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) tied to cut \(describe(cut)) by the question"
              + " (sentence \(sentence)), whose denial the answer takes back (sentence"
              + " \(admission))"
          ))
        continue
      }
      // Explicit through an affirming answer: a question tying AI to a cut ("How many of the
      // 1,400 positions you are cutting are linked to AI?", "Is AI behind the cuts?") answered
      // by "Yes." or a quantity ("Around half.") with no negation.
      if question[sentence], let cut = cuts[sentence].first, !causes[sentence].isEmpty,
        sentence + 1 < sentenceCount, !question[sentence + 1], !negation.hasCue[sentence + 1]
      {
        let opener = contentStart(sentence + 1)
        if opener <= lastToken[sentence + 1]
          && (text.tokens[opener].kind == .number
            || Self.affirmingOpeners.contains(text.normalizedText(of: text.tokens[opener])))
        {
          explicitFound = true
          affirmed[cut] = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) tied to cut \(describe(cut)) in a question"
                + " (sentence \(sentence)) that the next sentence affirms"
            ))
          continue
        }
      }
      // Explicit through an anaphor: "I am making this decision because the intelligence tools
      // we use have changed…", after a cut announced in the sentences before.
      var earlierCut: Int?
      for earlier in (max(0, sentence - Self.anaphorReach)..<sentence).reversed() {
        if let cut = affirmedHits(cuts[earlier]).first {
          earlierCut = cut
          break
        }
      }
      // A footnote reads as part of the sentence its mark follows: its cut is the note's.
      let anchorCut = noteAnchor[sentence].flatMap { affirmedHits(cuts[$0]).first }
      if earlierCut == nil { earlierCut = anchorCut }
      if let cause = causeHere.first, cutHere.isEmpty, let cut = anchorCut {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) joined by \(describe(cause)) in a footnote to the"
              + " sentence of cut \(describe(cut)) (sentence \(sentence))"
          ))
        continue
      }
      // A labelled reason after a cut ("Last week I let go of 11 people. … The honest reason:
      // the model now writes first drafts…"): the label points back at the cut.
      if cutHere.isEmpty, let cut = earlierCut, let labelEnd = reasonLabelEnd(sentence),
        aiHere.contains(where: { located[$0].tokens.lowerBound >= labelEnd })
      {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) given after a reason label as the reason for cut"
              + " \(describe(cut)) (sentence \(sentence))"
          ))
        continue
      }
      // A rhetorical question about keeping people, with AI doing their work, next to a cut
      // ("Why would we keep thirty people re-keying invoices when the extraction model reads
      // them in seconds? We won't. Those thirty roles will close."): the question is the reason.
      var nearbyCut: Int?
      if isRetentionQuestion(sentence) {
        for other in max(
          0, sentence - Self.impliedReach)...min(
            sentenceCount - 1, sentence + Self.impliedReach)
        where nearbyCut == nil {
          nearbyCut = affirmedHits(cuts[other]).first
        }
      }
      if let cut = nearbyCut {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) in a rhetorical question about keeping people"
              + " (sentence \(sentence)) beside cut \(describe(cut))"
          ))
        continue
      }
      // Yes to a question about the cause, asked or reported ("Several of you asked whether
      // this is about the agent platform. Yes, in part: the agents now do most of…"): the
      // question names the cut, or points back at it with a demonstrative.
      if sentence > 0, !negation.hasCue[sentence], !denial[sentence - 1],
        case let answerOpener = contentStart(sentence), answerOpener <= lastToken[sentence],
        Self.yesForms.contains(text.normalizedText(of: text.tokens[answerOpener])),
        isQuestion(sentence - 1) || isReportedQuestion(sentence - 1)
      {
        let asked = sentence - 1
        let opener = answerOpener
        let askedForms = tokenForms(asked, where: { _ in true })
        let aboutCause =
          !causes[asked].isEmpty || askedForms.contains(where: Self.causePredicates.contains)
        var cut = affirmedHits(cuts[asked]).first
        if cut == nil && askedForms.contains(where: Self.demonstratives.contains) {
          for earlier in (max(0, asked - Self.anaphorReach)..<asked).reversed() where cut == nil {
            cut = affirmedHits(cuts[earlier]).first
          }
        }
        if aboutCause, let cut, opener <= lastToken[sentence],
          Self.yesForms.contains(text.normalizedText(of: text.tokens[opener]))
        {
          explicitFound = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) in a yes to the question (sentence \(asked))"
                + " about the cause of cut \(describe(cut))"
            ))
          continue
        }
      }
      if let cause = causeHere.first, let anaphor = anaphor(in: sentence), let cut = earlierCut {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) joined by \(describe(cause)) to '\(anaphor)',"
              + " the cut \(describe(cut)) (sentence \(sentence))"
          ))
        continue
      }
      // Explicit through a list: a bullet that gives AI and a causal link, right after the
      // bullet that states the cut ("- 85 roles … will be eliminated || - The work those roles
      // did will move to our new AI platform"). List items are clauses of one list, so the two
      // adjacent items read as one sentence; a bullet that names AI without a link stays
      // implied ("- Every team will adopt our AI platform").
      let paragraph = paragraphOf[sentence]
      if let cause = causeHere.first, cutHere.isEmpty, paragraph > 0, bullet[paragraph],
        bullet[paragraph - 1],
        let cut = (0..<sentence).filter({ paragraphOf[$0] == paragraph - 1 })
          .compactMap({ affirmedHits(cuts[$0]).first }).first
      {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) joined by \(describe(cause)) in a list item to"
              + " the cut \(describe(cut)) in the item before (sentence \(sentence))"
          ))
        continue
      }
      // Explicit through an answer: a question about why cuts are made, whose cut it
      // presupposes ("Why are we cutting 400 jobs?", "what's behind the role eliminations?"),
      // answered by this sentence naming the AI ("Because our copilots…", "It's gen AI."),
      // over a short opener ("Yes.", "Honestly?").
      if !isQuestion(sentence), let (asked, cut) = answeredQuestion(before: sentence) {
        explicitFound = true
        links.append(
          (
            heaviest, true,
            "explicit: AI \(describe(heaviest)) answers the question (sentence \(asked)) about"
              + " the cause of cut \(describe(cut)) (sentence \(sentence))"
          ))
        continue
      }
      // Explicit through an enumeration of reasons: "Three things led us here. First, … Second,
      // … Third, our AI models now process… Together they mean we will cut 85 roles." An item
      // whose subject is the AI, in an enumeration introduced as the reasons for a cut or summed
      // up as its cause, is linked to that cut.
      let itemStart = contentStart(sentence)
      if itemStart < lastToken[sentence],
        Self.ordinalForms.contains(text.normalizedText(of: text.tokens[itemStart])),
        aiHere.contains(where: {
          located[$0].tokens.lowerBound > itemStart
            && located[$0].tokens.lowerBound <= itemStart + Self.itemSubjectReach
        })
      {
        func opener(_ other: Int) -> String? {
          let first = contentStart(other)
          guard first <= lastToken[other] else { return nil }
          return text.normalizedText(of: text.tokens[first])
        }
        var firstItem: Int?
        for earlier in stride(
          from: sentence, through: max(0, sentence - Self.enumerationReach), by: -1)
        {
          if let form = opener(earlier), Self.firstOrdinals.contains(form) {
            firstItem = earlier
            break
          }
        }
        var closing: Int?
        for later in (sentence + 1)..<min(sentenceCount, sentence + 1 + Self.enumerationReach) {
          if let form = opener(later), Self.ordinalForms.contains(form) { continue }
          closing = later
          break
        }
        if let firstItem {
          let intro = firstItem - 1
          let introduced =
            intro >= 0
            && tokenForms(intro, where: { _ in true }).contains(
              where: Self.reasonIntroForms.contains)
          let summed =
            closing.map { other in
              !affirmedHits(causes[other]).isEmpty
                || tokenForms(other, where: { _ in true }).contains(
                  where: Self.summingForms.contains)
            } ?? false
          let cut =
            (intro >= 0 && introduced ? affirmedHits(cuts[intro]).first : nil)
            ?? closing.flatMap { affirmedHits(cuts[$0]).first }
          // The reason is explicit, but AI is one cause among several and no causal
          // construction joins it to the cut in its sentence: its attribution counts at the
          // implied weight (0.4w), as the index formula states.
          if let cut, introduced || summed {
            explicitFound = true
            links.append(
              (
                heaviest, false,
                "explicit, one reason of several: AI \(describe(heaviest)) in an item (sentence"
                  + " \(sentence)) of an enumeration of reasons for cut \(describe(cut)),"
                  + " counted at the implied weight"
              ))
            continue
          }
        }
      }
      // A subject line that states a purpose or cause with AI ("Subject: Reallocating for the
      // agent era", "Subject: Restructuring to fund our AI roadmap") gives the reason for the
      // cut the memo then announces.
      if let cause = causeHere.first, cutHere.isEmpty, !isQuestion(sentence),
        text.normalizedText(of: text.tokens[firstToken[sentence]]) == "subject"
      {
        var bodyCut: Int?
        for later in (sentence + 1)..<sentenceCount where bodyCut == nil {
          bodyCut = affirmedHits(cuts[later]).first
        }
        if let bodyCut {
          explicitFound = true
          links.append(
            (
              heaviest, true,
              "explicit: AI \(describe(heaviest)) joined by \(describe(cause)) in the subject"
                + " line (sentence \(sentence)) of the memo that announces cut"
                + " \(describe(bodyCut))"
            ))
          continue
        }
      }
      // A sentence about the memo itself ("This message was translated with our AI tool")
      // ties its AI to nothing the memo announces.
      let opening = tokenForms(sentence, where: { $0 >= contentStart(sentence) }).prefix(2)
      if opening.count == 2, opening.first! == "this",
        Self.documentNouns.contains(opening.last!)
      {
        continue
      }
      // A benefit or instrument for the people leaving ("The 40 colleagues leaving us get
      // access to an AI career coach", "book your exit interview using our AI assistant"):
      // AI given to them or used for them frames the memo and is no cause of the cut.
      let sentenceForms = tokenForms(sentence, where: { _ in true })
      if sentenceForms.contains(where: Self.leaverForms.contains),
        !sentenceForms.contains(where: Self.takeoverForms.contains),
        aiHere.allSatisfy({ hit in
          let start = located[hit].tokens.lowerBound
          let window = max(firstToken[sentence], start - Self.benefitReach)..<start
          let forms = window.map { text.normalizedText(of: text.tokens[$0]) }
          return forms.contains(where: Self.instrumentForms.contains)
            || forms.indices.dropLast().contains { forms[$0] == "access" && forms[$0 + 1] == "to" }
        })
      {
        continue
      }
      // Implied: cut language in this sentence, the same paragraph or the paragraph before or
      // after, or within `impliedReach` sentences whatever the breaks; nearest first. Counting
      // paragraphs, not sentences, keeps a reasoning paragraph next to its announcement in
      // reach, and keeps a closing line of strategy out of reach of a cut three one-line
      // paragraphs up.
      var partner: (index: Int, sentence: Int)?
      var candidates = [sentence]
      var step = 1
      while true {
        var any = false
        for other in [sentence - step, sentence + step] where other >= 0 && other < sentenceCount {
          if step <= Self.impliedReach || abs(unit(other) - unit(sentence)) <= 1 {
            candidates.append(other)
            any = true
          }
        }
        if !any && step > Self.impliedReach { break }
        step += 1
      }
      // A cut in another sentence whose cause is named there, or in the answer after it,
      // without AI ("Following the loss of its distribution contract, … will reduce its
      // workforce by 60 positions. At the same time, the company reaffirms its AI strategy"):
      // the AI beside it is framing, not an implied reason.
      func otherCauseNamed(_ cutSentence: Int) -> Bool {
        guard cutSentence != sentence, cutHere.isEmpty, causeHere.isEmpty else { return false }
        return (cutSentence...min(sentenceCount - 1, cutSentence + 1)).contains { other in
          guard other != sentence, ai[other].isEmpty, !affirmedHits(alternatives[other]).isEmpty
          else { return false }
          // "To fund it, we are reducing operating costs, including … 600 roles": a purpose
          // pointing back at the AI makes the AI the reason, whatever else the sentence names.
          let forms = tokenForms(other, where: { _ in true })
          return !forms.indices.contains { index in
            forms[index] == "to"
              && forms[min(forms.count, index + 2)..<min(forms.count, index + 4)].contains(
                where: Self.purposePronouns.contains)
          }
        }
      }
      for candidate in candidates where candidate >= 0 && candidate < sentenceCount {
        guard sectionOf[max(0, paragraphOf[candidate])] == sectionOf[max(0, paragraph)] else {
          continue
        }
        if let cut = affirmedHits(cuts[candidate]).first, !otherCauseNamed(candidate) {
          partner = (cut, candidate)
          break
        }
      }
      // A closing line of hashtags ("#AIFirst #Leadership") labels the whole post: its AI
      // stands beside every cut in it, the nearest first.
      if partner == nil, paragraph >= 0, Layout.isHashtagLine(text.paragraphs[paragraph]) {
        for other in (0..<sentenceCount).sorted(by: {
          (abs($0 - sentence), $0) < (abs($1 - sentence), $1)
        }) {
          if let cut = affirmedHits(cuts[other]).first {
            partner = (cut, other)
            break
          }
        }
      }
      if let partner {
        impliedFound = true
        let place =
          partner.sentence == sentence
          ? "in the same sentence, no causal link"
          : paragraphOf[partner.sentence] == paragraphOf[sentence]
            ? "in the same paragraph (sentence \(partner.sentence))"
            : "in a nearby sentence (\(partner.sentence))"
        links.append(
          (
            heaviest, false,
            "implied: AI \(describe(heaviest)) (sentence \(sentence)) with cut"
              + " \(describe(partner.index)) \(place)"
          ))
      }
    }
    // A hedged admission ("only in part about AI", "partly because of our chatbot", "not
    // primarily driven by AI") gives AI as a lesser reason: explicit, at the implied weight.
    // The hedge may open the answer in the sentence before, naming AI there too ("These cuts
    // are not primarily driven by AI. Our AI tool has reduced the need for some roles").
    func hedges(_ sentence: Int) -> Bool {
      let forms = tokenForms(sentence, where: { _ in true })
      return forms.indices.contains { index in
        Self.hedgeForms.contains(forms[index])
          || (forms[index] == "in" && index + 1 < forms.count && forms[index + 1] == "part")
          || (Self.lesserForms.contains(forms[index]) && index > 0
            && NegationScope.isCue(forms[index - 1]))
      }
    }
    for position in links.indices where links[position].explicit {
      let sentence = located[links[position].ai].match.sentence
      let hedged =
        hedges(sentence) || (sentence > 0 && !ai[sentence - 1].isEmpty && hedges(sentence - 1))
      if hedged {
        links[position].explicit = false
        links[position].reason += "; hedged, counted at the implied weight"
      }
    }
    announcesCuts =
      tableCut
      || located.indices.contains {
        located[$0].role == .cut && affirmed[$0]
      }
    // "We are not reducing jobs because of AI" in a memo that announces no cuts: the denial is
    // of cuts, not of AI as their cause; the memo is AI framing (or absent).
    let deniesCutsOnly = !announcesCuts && cutsDenied
    if explicitFound {
      reason = .explicit
    } else if denial.contains(true) && !deniesCutsOnly {
      reason = .denied
    } else if impliedFound {
      reason = .implied
    } else if framingFound {
      reason = .framing
    } else {
      reason = .absent
    }
  }
}
