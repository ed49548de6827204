import MemoCore

/// Small hand-written families of templated memos with known answers.
enum TestMemos {
  static let harborTemplate = [
    "Today I am sharing a hard decision about the future of {C}. After a long review of every team, the leadership group agreed that our company must change how it works in the age of artificial intelligence.",
    "We are reducing our workforce by {N} percent, which means {M} colleagues will leave us this quarter. Most of the affected roles sit in customer support, content review and recruiting, where automation now handles much of the daily work.",
    "Everyone affected will receive sixteen weeks of base pay, continued health coverage through the end of the year and help from an outside career coaching firm. Your manager will reach out within the hour to talk through the details.",
    "I know this news is painful. I am grateful for everything the departing team built here, and I take full responsibility for the choices that brought us to this point.",
  ]

  static let atlasTemplate = [
    "Over the past year our competitors have rushed to put machine learning into every product they sell, and our board asked us to move faster than we planned.",
    "Starting next Monday the operations, finance and partnerships groups will merge into a single platform organization led by the chief technology officer, with fewer layers between engineers and customers.",
    "Some positions in middle management will be eliminated as part of this consolidation, and the people in those jobs will hear from human resources before the end of the week with a transition package.",
    "We will reinvest the savings into model training, data infrastructure and a new automation lab in the spring, so that the smaller company can ship more with less overhead.",
  ]

  static let unrelated = [
    [
      "The cafeteria on the third floor will close for renovation from the first of June until the middle of July while contractors replace the ovens and the ventilation system.",
      "Please use the coffee bar in the lobby during that time, and remember that the parking garage entrance on Elm Street remains open for deliveries only.",
    ],
    [
      "Our annual volunteering day is coming up next month, and this year every office can choose between a river cleanup, a food bank shift or tutoring at a local school.",
      "Sign-up sheets are pinned in the break rooms, and teams that register before Friday get matching shirts and a small budget for lunch on the day.",
    ],
    [
      "The quarterly security training is now available in the learning portal and must be finished by everyone before the end of the month.",
      "It covers phishing, password managers and how to report a lost laptop, and it takes about twenty minutes if you skip the optional videos.",
    ],
  ]

  /// A long paragraph that only the chained pair shares.
  static let bridgeParagraph =
    "During the spring offsite in Lisbon the two of us sketched a shared plan for the customer council, the pricing review, the quarterly roadmap briefing, the partner certification program, the regional sales kickoff, the developer conference call for papers, the annual analyst day, the accessibility audit of the mobile application, the migration of the billing system to the new ledger, the refresh of the onboarding handbook for new managers, the translation of the help center into four more languages, the renewal of the data center contract, the hiring plan for the security team, the cleanup of unused cloud accounts and the review of every vendor contract above fifty thousand dollars, and we agreed to report on each of these items at the next leadership meeting before the summer break."

  /// Fills `{C}`, `{N}`, `{M}` in a template.
  static func fill(_ paragraphs: [String], company: String, n: Int, m: Int) -> [String] {
    paragraphs.map {
      $0.replacingOccurrences(of: "{C}", with: company)
        .replacingOccurrences(of: "{N}", with: String(n))
        .replacingOccurrences(of: "{M}", with: String(m))
    }
  }

  static func memo(
    _ source: String, _ paragraphs: [String], company: String? = nil, date: String? = nil
  ) -> Memo {
    Memo(
      source: source, title: "Memo \(source)", date: date, company: company, paragraphs: paragraphs)
  }

  /// Family A: four edited copies of the Harbor template.
  static var familyA: [Memo] {
    let t = harborTemplate
    return [
      memo(
        "a1.txt", fill(t, company: "Harbor Freight Labs", n: 12, m: 340),
        company: "Harbor Freight Labs", date: "2024-03-01"),
      memo(
        "a2.txt",
        fill(
          [t[0], t[1], t[2].replacingOccurrences(of: "sixteen", with: "twelve"), t[3]],
          company: "Quillon", n: 8, m: 95), company: "Quillon", date: "2024-05-10"),
      memo(
        "a3.txt", fill([t[0], t[1], t[3]], company: "Marrow Systems", n: 20, m: 1200),
        company: "Marrow Systems", date: "2024-04-02"),
      memo(
        "a4.txt", fill([t[1], t[0], t[2], t[3]], company: "Pell Networks", n: 5, m: 60),
        company: "Pell Networks"),
    ]
  }

  /// Family B: four edited copies of the Atlas template.
  static var familyB: [Memo] {
    let t = atlasTemplate
    return [
      memo("b1.txt", t, date: "2023-11-20"),
      memo("b2.txt", [t[0], t[1], t[2]], date: "2023-12-01"),
      memo(
        "b3.txt", [t[0], t[2], t[3]] + ["Questions can go to your manager or to the people team."],
        date: "2024-01-15"),
      memo("b4.txt", [t[3], t[1], t[0], t[2]], date: "2024-02-01"),
    ]
  }

  static var singletons: [Memo] {
    unrelated.enumerated().map {
      memo("u\($0.offset + 1).txt", $0.element, date: "2024-06-0\($0.offset + 1)")
    }
  }
}
