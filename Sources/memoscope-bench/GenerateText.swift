import MemoCore

/// A small deterministic random generator (splitmix64 through `StableHash.mix`).
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    return StableHash.mix(state)
  }

  /// A value in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

  /// A value in `range`.
  mutating func within(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
  }
}

/// Sentence frames in the register of layoff memos that credit AI, written for this generator.
///
/// `{a|b|c}` picks one alternative; `{C}` company, `{P}` person, `{N}` head count, `{PCT}`
/// percent, `{M}` a small count, `{D}` dollars in millions, `{Y}` year, `{Q}` quarter, `{T}`
/// team, `{H}` hour.
enum MemoFrames {
  /// Paragraph kinds in reading order, each with its frames.
  static let kinds: [[String]] = [
    [
      "{Today|This morning|Earlier today} I {am sharing|want to share|have to share} {a difficult|a painful|a hard|an important} {decision|update|change} {about|regarding|concerning} {our team|the shape of {C}|our company|how we work}.",
      "I am writing to {tell you|let you know|explain} {directly|personally|first-hand} {about|what we decided about} {the future of {C}|our organization|our plans for {Y}}.",
      "{Over the past|In the last|During the past} {M} {weeks|months} {the leadership team|our executive group|the board and I} {has|have} {reviewed|examined|studied|debated} {every|each} {part|corner|function} of {the business|{C}|our operations}.",
      "It is {with a heavy heart|with real sadness|never easy} that I {share|announce|confirm} {this news|these changes|today's decision} {with you|with all of you|with the whole company}.",
      "{Some|Much} of what {follows|I share below|comes next} will be {hard|difficult|painful} to {read|hear|absorb}, and I {want|wanted|chose} to {be clear|be direct|be transparent} {about it|from the start|with you}.",
    ],
    [
      "{Artificial intelligence|AI|Generative AI|Machine learning} is {changing|reshaping|transforming|redefining} {how|the way} {we build products|our customers buy|work gets done|software gets written|our industry operates}.",
      "{The pace|The speed|The scale} of {AI adoption|change in AI|progress in automation} {has|over the last year has} {surprised|outpaced|overtaken} {all of us|every forecast we made|our own plans}.",
      "{Our|The} {competitors|peers|rivals} are {already|quickly|aggressively} {deploying|rolling out|betting on} {AI agents|intelligent automation|AI-native tools|large language models} {across|throughout|in} {their|every} {workflows|teams|product lines}.",
      "{To remain|To stay|If we want to remain} {competitive|relevant|ahead}, {C} must {become|turn into|evolve into} an {AI-first|AI-native|AI-driven|automation-first} {company|organization|business} {faster|sooner|more quickly} than {we planned|we expected|anyone anticipated}.",
      "{Tasks|Work|Processes} that {once|used to|previously} {took|required|needed} {whole teams|entire departments|many people} can now be {handled|done|completed|automated} by {a few|a handful of|small groups of} {people|engineers|specialists} {working with|supported by|using} {AI|AI agents|new models}.",
    ],
    [
      "{As a result|Because of this|For these reasons|With that in mind}, we {are|will be|have decided to be} {streamlining|flattening|consolidating|restructuring|rightsizing} {our|the} {{T} organization|management layers|teams in {T} and {T}|operating model}.",
      "{We will|We are going to|We plan to} {reduce|cut|remove} {layers|management layers|duplicated roles|overlapping functions} {so that|so|in order that} {decisions|work|our teams} {move|can move|happen} {faster|with less friction|closer to customers}.",
      "{This|The new} {structure|model|organization} {puts|places|keeps} {AI|automation|our platform} at the {center|heart|core} of {every|each} {team|function|workflow}, {with|and relies on} {fewer|smaller|leaner} {handoffs|groups|teams}.",
      "{We|Our leaders} {have|will have} {mapped|reviewed|assessed} {every|each} {role|position|workflow} {against|in light of|with an eye to} {what|the work that} {AI|automation|our new tools} {can now do|now handles|already does}.",
    ],
    [
      "{Today|Effective today|This week|Starting now}, we {are reducing|will reduce|are cutting|are shrinking} {our workforce|our team|our global headcount|the company} by {about|roughly|approximately|nearly} {PCT} percent, {or|which is|meaning} {N} {people|colleagues|roles|positions}.",
      "{Most|Many|The majority} of the {affected|impacted|eliminated} {roles|positions|jobs} are in {T}, {T} and {T}, {though|but|while} {some|a few|several} {are|sit|fall} in {T}.",
      "{This|The reduction|These cuts} {affects|touches|reaches} {every|each|nearly every} {region|office|level}, {including|even|and includes} {senior|some senior|a number of} {leaders|managers|executives}.",
      "{We expect|We plan|We intend} {to complete|to finish|to wrap up} {these|the} {changes|notifications|transitions} {within|over|in} the {next|coming} {M} {days|weeks}.",
    ],
    [
      "{Everyone|Each person|Every colleague} {affected|leaving|who is leaving} will {receive|get|be offered} {M} weeks of {base pay|salary|severance}, {plus|and|along with} {one|an extra|an additional} week {for each|per} year of {service|tenure}.",
      "{We will|We are going to|We'll} {continue|keep|extend} {health coverage|medical benefits|insurance} for {M} months and {accelerate|advance|honor} {equity vesting|stock vesting|vesting} {through|until|into} {Q} {Y}.",
      "{Departing|Leaving|Impacted} {colleagues|team members|employees} {will|can} {keep|take home|retain} their {laptops|equipment|devices} and {get|receive|have access to} {career coaching|outplacement support|job placement help} for {M} months.",
      "{We are also|We're also|We will also be} {paying|providing|giving} {a bonus|a prorated bonus|an annual bonus} for {Y} {to|for} {everyone|each person|every employee} {affected|leaving|who departs}.",
    ],
    [
      "{If you are affected|If your role is affected|If this decision affects you}, you will {receive|get} {an email|a message|a note} from {People Operations|HR|our people team} {within|in} the {next|coming} {M} {minutes|hours}.",
      "{Your manager|A member of the {T} team|Someone from HR} will {reach out|contact you|schedule time} {today|later today|by {H}} to {walk you through|explain|go over} {next steps|the details|your package}.",
      "{Access to|Your access to} {internal systems|company tools|our systems} will {end|be removed|close} {tonight|at {H}|later today}, {so please|please} {save|download|keep} {any personal|your personal} {files|information|documents}.",
      "{For those|For everyone|For colleagues} {staying|remaining|who stay}, {your|each} {manager|leader|director} will {set up|hold|schedule} {a team meeting|time with you|a discussion} {tomorrow|this week|on {H}} about {what|how} {changes|this means|comes next}.",
    ],
    [
      "I {want|wish|need} to {thank|recognize|honor} {everyone|every person|each colleague} {leaving|who is leaving|affected} for {their|the} {work|contributions|care|dedication} {to|at|for} {C}.",
      "{You|Those of you leaving} {helped|made it possible for} {C} to {reach|serve|support} {N} {customers|clients|partners} and {build|ship|launch} {products|tools|services} {people|millions|so many} {rely on|use|love}.",
      "I am {sorry|deeply sorry|truly sorry} {for the pain|for the disruption|for the uncertainty} {this|today's news|this decision} {causes|brings|creates} {you|your families|all of you}.",
      "I {take|accept|own} {full|complete|personal} responsibility for {this decision|these choices|the path that led here}, and I {know|understand|recognize} {how hard|how painful|what} this {is|will be|feels}.",
    ],
    [
      "{Looking ahead|Going forward|From here|In the coming year}, {C} will {invest|double down|focus} {heavily|deeply|first} {in|on} {AI|our AI platform|automation|AI-native products} to {serve|support|delight} {customers|clients|our users} {better|faster|at scale}.",
      "{The savings|These savings|The money we save}, {about|roughly|nearly} ${D} million {a year|annually|per year}, will {fund|go to|pay for} {new|our next|the next generation of} {AI|automation|data} {products|capabilities|infrastructure}.",
      "{A smaller|A leaner|A more focused} {team|company|organization} {empowered|supported|amplified} by {AI|automation|better tools} {can|will} {move|act|deliver} {faster|with more focus|with more impact} than {we|our old structure|a larger one} {could|ever did|can today}.",
      "I {believe|am confident|am certain} {that|} {the|our} {next|coming} {chapter|era|phase} {for|at} {C} will be {our best|our strongest|the most exciting}, {even if|even though|though} {today|this moment|this week} is {hard|painful|difficult}.",
    ],
    [
      "I will {host|hold|lead} {an all-hands|a company meeting|a town hall|an open Q&A} at {H} {today|tomorrow|this afternoon} {to answer|for|to take} {your questions|questions|every question}.",
      "{Please|I ask that you} {be kind|take care of one another|look out for each other|be generous with each other} {this week|in the coming days|as we go through this}.",
      "{Thank you|Thanks} {for everything|for all you do|for your trust|for reading}, and {for|} {standing|working} {with|alongside} {me|us|each other} {through this|in this moment|as we change}.",
    ],
  ]

  static let teams = [
    "Customer Success", "Recruiting", "Marketing", "Sales Operations", "Support", "Finance",
    "Content", "Quality Assurance", "Design", "Localization", "Data Labeling", "Partnerships",
  ]
  static let syllables = [
    "vor", "ta", "lix", "nex", "qua", "ro", "mi", "zen", "bel", "tri", "ka", "so", "dra", "fen",
    "lum", "pa", "cor", "vi", "xa", "gen", "ul", "mar", "tes", "io", "bro", "kel", "sy", "nar",
    "ost", "wyn",
  ]
  static let suffixes = [
    "Labs", "Systems", "Robotics", "Analytics", "Health", "Logistics", "Networks", "Software",
    "Cloud", "Dynamics", "Media", "Financial", "Works", "AI", "Group", "Technologies",
  ]
  static let firstNames = [
    "Dana", "Priya", "Marcus", "Elena", "Tomas", "Aiko", "Jordan", "Fatima", "Oliver", "Grace",
    "Samir", "Lena", "Victor", "Noor", "Hugo", "Mei", "Carlos", "Ingrid", "Kwame", "Rosa",
  ]
  static let lastNames = [
    "Okafor", "Lindqvist", "Ramirez", "Chen", "Novak", "Haddad", "Brennan", "Tanaka", "Moreau",
    "Singh", "Kowalski", "Abara", "Feld", "Ortega", "Nakamura", "Quinn", "Varga", "Idowu",
  ]
  static let footers = [
    "This message is intended only for employees of the company and may contain confidential information. If you received it in error, please delete it and notify the sender. Nothing in this message changes the terms of your employment agreement or any applicable plan documents.",
    "Forward-looking statements in this note involve risks and uncertainties, and actual results may differ materially from those expressed or implied. We undertake no obligation to update any forward-looking statement after the date of this communication.",
    "Employees in jurisdictions with consultation requirements will be contacted separately, and any changes will follow local law and the applicable works council or union processes before they take effect.",
    "Please do not share this email outside the company. Media inquiries should be directed to the communications team, and investor questions to investor relations, through the usual channels.",
  ]
}

/// Expands `{a|b}` alternatives in a frame; slots without `|` are kept as `{X}` for later.
func expandAlternatives(_ frame: String, random: inout SeededRandom) -> String {
  var output = ""
  var stack: [[String]] = []
  for character in frame {
    switch character {
    case "{":
      stack.append([""])
    case "|" where !stack.isEmpty:
      stack[stack.count - 1].append("")
    case "}" where !stack.isEmpty:
      let options = stack.removeLast()
      let chosen = options.count == 1 ? "{\(options[0])}" : random.pick(options)
      if stack.isEmpty {
        output += chosen
      } else {
        stack[stack.count - 1][stack[stack.count - 1].count - 1] += chosen
      }
    default:
      if stack.isEmpty {
        output.append(character)
      } else {
        stack[stack.count - 1][stack[stack.count - 1].count - 1].append(character)
      }
    }
  }
  return output
}

/// Values a memo fills its slots with.
struct SlotValues {
  var company: String
  var person: String
  var numbers: [String: () -> String]

  static func random(_ random: inout SeededRandom) -> (
    company: String, person: String, seed: UInt64
  ) {
    var name = ""
    for _ in 0..<random.within(2...3) { name += random.pick(MemoFrames.syllables) }
    let company =
      name.prefix(1).uppercased() + name.dropFirst() + " " + random.pick(MemoFrames.suffixes)
    let person = random.pick(MemoFrames.firstNames) + " " + random.pick(MemoFrames.lastNames)
    return (company, person, random.next())
  }
}

/// Fills `{C}`, `{P}`, `{N}`, … slots with one memo's values.
func fillSlots(_ text: String, company: String, person: String, random: inout SeededRandom)
  -> String
{
  var output = ""
  var index = text.startIndex
  while index < text.endIndex {
    let character = text[index]
    if character == "{", let close = text[index...].firstIndex(of: "}") {
      let slot = text[text.index(after: index)..<close]
      switch slot {
      case "C": output += company
      case "P": output += person
      case "N": output += String(random.within(40...4000))
      case "PCT": output += String(random.within(3...30))
      case "M": output += String(random.within(2...16))
      case "D": output += String(random.within(5...400))
      case "Y": output += String(random.within(2023...2026))
      case "Q": output += "Q\(random.within(1...4))"
      case "T": output += random.pick(MemoFrames.teams)
      case "H": output += "\(random.within(1...5)) p.m."
      default: output += "{\(slot)}"
      }
      index = text.index(after: close)
    } else {
      output.append(character)
      index = text.index(after: index)
    }
  }
  return output
}
