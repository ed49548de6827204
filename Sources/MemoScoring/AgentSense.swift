import MemoCore
import MemoTokenization

/// The sense of a bare "agent" or "agents" in one memo: AI agents or people (travel,
/// insurance, call-centre agents).
///
/// The lexicon reads "agents" as AI only in agentic contexts ("teams of agents", "AI
/// agents", "agents can now…"), sentence by sentence. A memo keeps one sense of a word
/// throughout (Gale, Church and Yarowsky's "one sense per discourse"), so the sense is decided
/// once for the memo, from its strongest evidence, and every bare "agents" follows it:
///
/// - **People**, whenever the memo marks its agents as people anywhere: a word for a human
///   agent's trade before "agents" ("travel agents", "our insurance agents"; not "AI support
///   agents"), "agent commissions", or a call or contact centre. This evidence wins over any
///   AI evidence, so a memo that speaks of both keeps its bare "agents" out.
/// - **AI**, when the memo names AI anywhere (any AI reference hit: "AI", "an LLM", "agentic",
///   "teams of agents"), or when agents are set against the people whose work they took: a
///   word for people, roles or jobs and a word of change over time ("now", "once", "ago",
///   "used to", "no longer") in the agents' sentence or the one before it in the same paragraph,
///   or a verb of taking right after "agents" with such a word ("the agents took their jobs").
/// - Otherwise no sense is decided and bare "agents" stay out.
struct AgentSense {
  /// The bare forms whose sense is decided.
  static let agentForms: Set<String> = ["agent", "agents"]
  /// Words for a human agent's trade before "agent(s)" ("travel agents", "our claims…" is
  /// not one: AI claims agents exist). The lexicon's exceptions list the same trades.
  static let humanTradeForms: Set<String> = [
    "insurance", "travel", "support", "sales", "service", "estate", "booking", "center",
    "centre", "human", "border", "federal", "secret", "free", "leasing", "letting", "ticket",
    "customer", "contact", "field", "patrol", "press", "talent", "sports", "literary", "property",
    "shipping", "freight", "special", "double", "change", "casting", "modelling", "modeling",
  ]
  /// Words that make the trade word an AI agent's ("AI support agents", "virtual sales agents").
  static let machineModifiers: Set<String> = [
    "ai", "digital", "virtual", "autonomous", "software", "voice", "agentic", "llm", "genai",
  ]
  /// Words right after "agent" that name a human agent's terms ("agent commissions").
  static let humanTermsForms: Set<String> = [
    "commission", "commissions", "licence", "licences", "license", "licenses",
  ]
  /// Words that, before "centre"/"center", name a place where people take calls.
  static let callCentreForms: Set<String> = ["call", "contact"]
  /// Words for people, roles and jobs that agents are set against when they took their work.
  static let peopleForms: Set<String> = [
    "people", "person", "staff", "employees", "humans", "hands", "headcount", "jobs", "job",
    "roles", "role", "positions", "manager", "managers", "engineers", "colleagues", "workers",
    "analysts", "coordinators", "fte", "ftes",
  ]
  /// Words of change over time that set agents against the people before them.
  static let changeForms: Set<String> = ["now", "once", "ago", "anymore", "formerly"]
  /// Verbs right after "agents" by which they take work or jobs ("the agents took over").
  static let takingForms: Set<String> = ["take", "takes", "took", "taken", "taking"]
  /// Tokens after "agents" searched for a taking verb ("agents have taken on"). Calibrated on
  /// invented sentences: an auxiliary and an adverb ("the agents have now taken") fit in three.
  static let takingReach = 3

  /// The sense decided, with the words it came from.
  enum Sense: Equatable {
    /// AI agents: where the evidence stands, for the scorecard.
    case ai(evidence: String)
    /// Human agents, or no evidence either way.
    case none
  }

  /// Decides the memo's sense of bare "agents".
  ///
  /// - Parameters:
  ///   - text: The tokenized memo.
  ///   - aiReferences: Token ranges of the memo's AI reference hits (not counting bare agents).
  /// - Returns: The sense, and the tokens of every bare "agent(s)" not inside an AI reference
  ///   (to be read as AI when the sense is AI).
  /// - Complexity: O(n) in tokens.
  static func decide(_ text: TokenizedText, aiReferences: [Range<Int>]) -> (
    sense: Sense, candidates: [Int]
  ) {
    let tokens = text.tokens
    func form(_ index: Int) -> String { text.normalizedText(of: tokens[index]) }
    func sameSentence(_ left: Int, _ right: Int) -> Bool {
      left >= 0 && right < tokens.count && tokens[left].sentence == tokens[right].sentence
    }
    var covered = Set<Int>()
    for range in aiReferences { covered.formUnion(range) }
    var candidates: [Int] = []
    for index in tokens.indices where agentForms.contains(form(index)) {
      // People: a trade word before it (not itself after a machine word), or their terms.
      if sameSentence(index - 1, index), humanTradeForms.contains(form(index - 1)),
        !(sameSentence(index - 2, index) && machineModifiers.contains(form(index - 2)))
      {
        return (.none, [])
      }
      if sameSentence(index, index + 1), humanTermsForms.contains(form(index + 1)) {
        return (.none, [])
      }
      guard !covered.contains(index) else { continue }
      // "an agent of change": no agent at all.
      if sameSentence(index, index + 1), form(index + 1) == "of" { continue }
      // "Claims Agent Supervisor": a capitalised "Agent" inside a sentence is part of a title.
      let surface = text.surface(of: tokens[index])
      if surface.first?.isUppercase == true, sameSentence(index - 1, index) { continue }
      candidates.append(index)
    }
    for index in tokens.indices.dropLast()
    where callCentreForms.contains(form(index))
      && ["centre", "center", "centres", "centers"]
        .contains(form(index + 1))
    {
      return (.none, [])
    }
    guard !candidates.isEmpty else { return (.none, []) }
    // AI named anywhere in the memo.
    if let first = aiReferences.min(by: { $0.lowerBound < $1.lowerBound }) {
      let words = (first.lowerBound..<first.upperBound).map { text.surface(of: tokens[$0]) }
      return (
        .ai(
          evidence: "the memo names AI ('\(words.joined(separator: " "))', paragraph"
            + " \(tokens[first.lowerBound].paragraph + 1))"),
        candidates
      )
    }
    // Agents set against the people whose work they took.
    for index in candidates {
      let sentence = tokens[index].sentence
      var start = index
      while start > 0
        && (tokens[start - 1].sentence == sentence
          || (tokens[start - 1].sentence + 1 == sentence
            && tokens[start - 1].paragraph == tokens[index].paragraph))
      {
        start -= 1
      }
      var end = index
      while end + 1 < tokens.count && tokens[end + 1].sentence == sentence { end += 1 }
      let window = (start...end).map(form)
      guard let people = window.first(where: peopleForms.contains) else { continue }
      var change = window.first(where: changeForms.contains)
      if change == nil {
        for position in window.indices.dropLast() {
          if window[position] == "used" && window[position + 1] == "to" { change = "used to" }
          if window[position] == "no" && window[position + 1] == "longer" { change = "no longer" }
        }
      }
      if change == nil,
        let taking = ((index + 1)..<min(tokens.count, index + 1 + takingReach)).first(where: {
          tokens[$0].sentence == sentence && takingForms.contains(form($0))
        })
      {
        change = form(taking)
      }
      guard let change else { continue }
      return (
        .ai(
          evidence: "agents set against '\(people)' with '\(change)' (paragraph"
            + " \(tokens[index].paragraph + 1))"),
        candidates
      )
    }
    return (.none, [])
  }
}
