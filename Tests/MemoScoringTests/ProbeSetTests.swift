import Foundation
import MemoCore
import MemoLexicon
import MemoScoring
import TestSupport
import Testing

/// The probe set: short texts in reporters' styles, written and labelled before they were run
/// (`Tests/Fixtures/Scoring/probes/README.md`). Unlike the labelled set, the layers were not
/// tuned on these texts when they were written; each miss was traced to a general cause.
@Suite("Probe set")
struct ProbeSetTests {
  /// The floor for every label's precision and recall.
  static let floor = 0.9
  /// The floor for the rank correlation between intended intensity and the index over the
  /// AI-framed probes (explicit, implied, framing). Calibration: the issue's held-out probe
  /// memos gave 0.87; the floor sits below the figure measured here so wording changes to the
  /// lexicon can move it a little without failing.
  static let rankFloor = 0.7

  struct Probe {
    var label: AIReason
    var intensity: Int
    var style: String
    var text: String
    var file: String
    var line: Int
  }

  /// Every probe of every `.tsv` file in `Tests/Fixtures/Scoring/<folder>/`, in file-name order.
  static func probes(in folderName: String = "probes") throws -> [Probe] {
    let folder = Fixtures.url("Scoring/" + folderName)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".tsv") }.sorted()
    var result: [Probe] = []
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      where !line.isEmpty && !line.hasPrefix("#") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
          .map(String.init)
        guard fields.count == 5, let label = AIReason(rawValue: fields[0]),
          let intensity = Int(fields[1])
        else {
          Issue.record("\(file):\(number + 1): expected label, intensity, style, text, reason")
          continue
        }
        result.append(
          Probe(
            label: label, intensity: intensity, style: fields[2], text: fields[3], file: file,
            line: number + 1))
      }
    }
    return result
  }

  /// Per label: precision and recall of the predicted reasons.
  static func figures(_ pairs: [(expected: AIReason, got: AIReason)]) -> [(
    label: AIReason, precision: Double, recall: Double, count: Int
  )] {
    [AIReason.explicit, .implied, .framing, .denied, .absent].map { label in
      let truePositives = pairs.count { $0.expected == label && $0.got == label }
      let predicted = pairs.count { $0.got == label }
      let actual = pairs.count { $0.expected == label }
      return (
        label, predicted == 0 ? 0 : Double(truePositives) / Double(predicted),
        actual == 0 ? 0 : Double(truePositives) / Double(actual), actual
      )
    }
  }

  /// Spearman's rank correlation (average ranks for ties).
  static func spearman(_ xs: [Double], _ ys: [Double]) -> Double {
    func ranks(_ values: [Double]) -> [Double] {
      let order = values.indices.sorted { values[$0] < values[$1] }
      var result = [Double](repeating: 0, count: values.count)
      var start = 0
      while start < order.count {
        var end = start
        while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
        let rank = Double(start + end) / 2 + 1
        for position in start...end { result[order[position]] = rank }
        start = end + 1
      }
      return result
    }
    let rx = ranks(xs)
    let ry = ranks(ys)
    let mx = rx.reduce(0, +) / Double(rx.count)
    let my = ry.reduce(0, +) / Double(ry.count)
    var covariance = 0.0
    var vx = 0.0
    var vy = 0.0
    for (x, y) in zip(rx, ry) {
      covariance += (x - mx) * (y - my)
      vx += (x - mx) * (x - mx)
      vy += (y - my) * (y - my)
    }
    return vx == 0 || vy == 0 ? 0 : covariance / (vx * vy).squareRoot()
  }

  @Test("Spearman's rank correlation on known values")
  func spearmanKnownValues() {
    #expect(abs(Self.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-9)
    #expect(abs(Self.spearman([1, 2, 3, 4], [4, 3, 2, 1]) + 1) < 1e-9)
    #expect(abs(Self.spearman([1, 2, 3], [1, 1, 1])) < 1e-9)
  }

  @Test("Per-label precision and recall are at least 0.9; plain texts score 0; intensity ranks")
  func probeSet() throws {
    let lexicon = try Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path)
    let scorer = Scorer(lexicon: lexicon)
    let probes = try Self.probes()
    #expect(probes.count >= 40)
    var cards: [ScoreCard] = []
    var misses: [String] = []
    for probe in probes {
      let card = scorer.score(
        Memo(source: probe.file, paragraphs: probe.text.components(separatedBy: " || ")))
      cards.append(card)
      if card.aiReason != probe.label {
        misses.append(
          "\(probe.file):\(probe.line): expected \(probe.label.rawValue), got "
            + "\(card.aiReason.rawValue) (\(card.score)): \(probe.text)")
      }
      if probe.label == .absent || probe.label == .denied {
        #expect(card.score == 0, "\(probe.file):\(probe.line) scores \(card.score)")
      }
    }
    var lines: [String] = []
    let files = Array(Set(probes.map(\.file))).sorted()
    for scope in files + ["all"] {
      let chosen = zip(probes, cards).filter { scope == "all" || $0.0.file == scope }
      let pairs = chosen.map { (expected: $0.0.label, got: $0.1.aiReason) }
      lines.append("\(scope) (\(pairs.count) probes):")
      for figure in Self.figures(pairs) {
        lines.append(
          "  \(figure.label.rawValue): precision \(String(format: "%.3f", figure.precision)),"
            + " recall \(String(format: "%.3f", figure.recall)) (\(figure.count) probes)")
        if scope == "all" {
          #expect(figure.precision >= Self.floor, "\(figure.label.rawValue) precision")
          #expect(figure.recall >= Self.floor, "\(figure.label.rawValue) recall")
        }
      }
      let framed = chosen.filter { [.explicit, .implied, .framing].contains($0.0.label) }
      let rho = Self.spearman(framed.map { Double($0.0.intensity) }, framed.map { $0.1.score })
      lines.append(
        "  rank correlation (intensity vs index, \(framed.count) AI-framed probes): "
          + String(format: "%.3f", rho))
      if scope == "all" { #expect(rho >= Self.rankFloor, "rank correlation \(rho)") }
    }
    print("Probe set:\n" + lines.joined(separator: "\n"))
    if !misses.isEmpty { print("Misread probes:\n" + misses.joined(separator: "\n")) }
  }

  /// Batch F (`Tests/Fixtures/Scoring/probes-unseen/`): written by someone who saw neither the
  /// batch-E fixes nor their probes. Its first run (lexicon 2.4.0: explicit 0.571/0.400,
  /// implied 0.364/0.500, framing 0.462/1.000, denied 1.000/0.143, absent 0.875/0.778, rank
  /// 0.416) was the honest measure; its misses were then fixed (lexicon 2.5.0, README), so it
  /// is no longer unseen and these floors, the figures after the fixes rounded down (lexicon
  /// 2.6.0, which also fixed its last two misses), guard the fixes rather than measure quality
  /// on new text.
  static let unseenFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 1.000), .implied: (1.000, 1.000), .framing: (1.000, 1.000),
    .denied: (1.000, 1.000), .absent: (1.000, 1.000),
  ]
  /// Batch F's rank-correlation floor: its figure after the fixes (0.813), rounded down.
  static let unseenRankFloor = 0.8

  @Test("Batch F (seen since its fixes): figures printed, never below those after the fixes")
  func unseenBatch() throws {
    try Self.checkBatch(
      folder: "probes-unseen", title: "Batch F", floors: Self.unseenFloors,
      rankFloor: Self.unseenRankFloor)
  }

  /// Batch G (`Tests/Fixtures/Scoring/probes-unseen-g/`): written by someone who saw no code,
  /// no lexicon and neither batch F nor its fixes. Its first run (main at 5e29882, lexicon
  /// 2.5.0: explicit 1.000/0.000, implied 0.417/0.625, framing 0.286/0.667, denied
  /// 0.667/0.286, absent 0.818/1.000, rank -0.144) is the honest measure. Some of its misses
  /// were then fixed by general causes (lexicon 2.6.0, README), so it is seen now: these
  /// floors, the figures after those fixes rounded down, guard the fixes and do not measure
  /// quality on new text. Raised after the second round of its fixes (enumerated reasons,
  /// AI for the people leaving, denial by chronology and by a minimising fact; lexicon 2.6.1
  /// reads a launched "assistant" as AI).
  static let batchGFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 1.000), .implied: (1.000, 1.000), .framing: (1.000, 1.000),
    .denied: (1.000, 1.000), .absent: (1.000, 1.000),
  ]
  /// Batch G's rank-correlation floor: its figure after the second fixes (0.896), rounded down.
  static let batchGRankFloor = 0.89

  @Test("Batch G (seen since its fixes): figures printed, never below those after the fixes")
  func batchG() throws {
    try Self.checkBatch(
      folder: "probes-unseen-g", title: "Batch G", floors: Self.batchGFloors,
      rankFloor: Self.batchGRankFloor)
  }

  /// Batch H (`Tests/Fixtures/Scoring/probes-unseen-h/`, 35 probes): written by someone who saw
  /// no code, no fix and no earlier run, and run once before anyone looked at its misses
  /// (commit 2d69568, lexicon 2.6.0: explicit 1.000/0.200, implied 0.600/0.429, framing
  /// 0.385/1.000, denied 1.000/0.500, absent 0.583/1.000, rank 0.036; README). Its misses were
  /// then traced to general causes and fixed (lexicon 2.7.0: reasons in tables, footnotes,
  /// labels and rhetorical questions, a yes to a reported question, a tool named again, a
  /// denial by counter-example, cut vocabulary of other registers; `ReasonLayoutTests`), so it
  /// is seen now: these floors, the
  /// figures after those fixes rounded down, guard the fixes and do not measure quality on new
  /// text. Its first run is the honest figure.
  static let batchHFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 0.900), .implied: (1.000, 1.000), .framing: (0.830, 1.000),
    .denied: (1.000, 0.830), .absent: (0.870, 1.000),
  ]
  /// Batch H's rank-correlation floor: its figure after the fixes (0.347), rounded down.
  static let batchHRankFloor = 0.34

  @Test("Batch H (seen since its fixes): figures printed, never below those after the fixes")
  func batchH() throws {
    try Self.checkBatch(
      folder: "probes-unseen-h", title: "Batch H", floors: Self.batchHFloors,
      rankFloor: Self.batchHRankFloor)
  }

  /// Batch I (`Tests/Fixtures/Scoring/probes-unseen-i/`, 36 probes): written by someone who saw
  /// no code, no fix and no earlier run, in constructions batches A–H do not use. Run once on
  /// lexicon 2.6.1 before batch H's fixes (19 of 36, rank 0.117) and once after them on lexicon
  /// 2.7.0 (20 of 36, explicit recall 0.333, rank 0.293; README). **Seen since lexicon 2.8.0:**
  /// its misses were then traced to general causes and fixed (denials by rejection, dispute,
  /// contrast and in other languages; guarantees; hedged admissions; AI as insemination), so
  /// these floors are fitted figures (27 of 36) rounded down. The rank floor fell from 0.29 to
  /// 0.20: a hedged admission (intensity 2) that read as denied (0) now reads explicit.
  static let batchIFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 0.440), .implied: (0.540, 0.750), .framing: (0.500, 0.660),
    .denied: (1.000, 1.000), .absent: (1.000, 1.000),
  ]
  /// Batch I's rank-correlation floor: its run on lexicon 2.8.0 (0.204), rounded down.
  static let batchIRankFloor = 0.20

  @Test("Batch I (seen since its fixes): figures printed, never below those after the fixes")
  func batchI() throws {
    try Self.checkBatch(
      folder: "probes-unseen-i", title: "Batch I", floors: Self.batchIFloors,
      rankFloor: Self.batchIRankFloor)
  }

  /// Batch J (`Tests/Fixtures/Scoring/probes-unseen-j/`, 30 probes): written by someone who saw
  /// no code, no fix and no earlier run (court filings, parliamentary answers, support macros,
  /// slides, podcasts; AI named by product only, understatement, denials by numbers). Run once,
  /// after batch I's fixes (lexicon 2.8.0): 14 of 30, explicit 0.750/0.429, implied
  /// 0.333/0.333, framing 0.273/0.600, denied 1.000/0.333, absent 0.571/0.667, rank 0.062
  /// (README). **Seen since lexicon 2.9.0:** its misses were traced to general causes and
  /// fixed (`NumbersAndProductsTests`), so these floors are the figures after the fixes (29 of
  /// 30, explicit 1.000/0.857, implied 1.000/1.000, framing 1.000/1.000, denied 1.000/1.000,
  /// absent 0.857/1.000, rank 0.364), rounded down; they overstate quality on new text, and
  /// the first run stays the honest figure.
  static let batchJFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 0.850), .implied: (1.000, 1.000), .framing: (1.000, 1.000),
    .denied: (1.000, 1.000), .absent: (0.850, 1.000),
  ]
  /// Batch J's rank-correlation floor: its run on lexicon 2.9.0 (0.364), rounded down.
  static let batchJRankFloor = 0.36

  @Test("Batch J (seen since its fixes): figures printed, never below those after the fixes")
  func batchJ() throws {
    try Self.checkBatch(
      folder: "probes-unseen-j", title: "Batch J", floors: Self.batchJFloors,
      rankFloor: Self.batchJRankFloor)
  }

  /// Batch K (`Tests/Fixtures/Scoring/probes-unseen-k/`, 32 probes): written by someone who saw
  /// no code, no fix and no earlier run (AI-first memos in the writer's own words, earnings calls,
  /// union bulletins, board minutes, Slack, WARN-style notices; cut euphemisms, proportions,
  /// hedges, irony, partial denials). Run once on lexicon 2.8.0: 16 of 32, explicit
  /// 0.500/0.143, implied 0.500/0.429, framing 0.333/0.667, denied 0.750/0.500, absent
  /// 0.625/0.833, rank 0.459 (README); the same after batch J's fixes. **Seen since lexicon
  /// 2.10.0:** its misses were traced to general causes and fixed
  /// (`EuphemismsAndReasonFieldsTests`), so these floors are the figures after the fixes (27 of
  /// 32, explicit 1.000/0.857, implied 0.833/0.714, framing 0.833/0.833, denied 1.000/0.833,
  /// absent 0.667/1.000, rank 0.642), rounded down; they overstate quality on new text, and
  /// the first run stays the honest figure.
  static let batchKFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 0.850), .implied: (0.830, 0.710), .framing: (0.830, 0.830),
    .denied: (1.000, 0.830), .absent: (0.660, 1.000),
  ]
  /// Batch K's rank-correlation floor: its run on lexicon 2.10.0 (0.642), rounded down. Lowered
  /// to 0.63 on lexicon 2.11.0 (0.636): "our code-generation agents" now read as AI agents
  /// (`AgentSense`), a heavier AI hit, so that intensity-3 probe ties the intensity-4 ones.
  static let batchKRankFloor = 0.63

  @Test("Batch K (seen since its fixes): figures printed, never below those after the fixes")
  func batchK() throws {
    try Self.checkBatch(
      folder: "probes-unseen-k", title: "Batch K", floors: Self.batchKFloors,
      rankFloor: Self.batchKRankFloor)
  }

  /// Batch L (`Tests/Fixtures/Scoring/probes-unseen-l/`, 32 probes): written by someone who saw
  /// no code, no fix and no earlier run, mostly in the 2025–2026 CEO-memo genre (flattening,
  /// AI-native squads, agents) with every label inside it, plus HR letters, town halls, analyst
  /// notes, filings and translated memos. Run once after batch J's fixes (lexicon 2.9.0): 15 of
  /// 32, explicit 1.000/0.000, implied 0.750/0.429, framing 0.308/0.667, denied 0.750/0.500,
  /// absent 0.455/0.833, rank 0.116 (README; nothing read explicit, which the probe script
  /// prints as precision 1.000 and this test counts as 0); 16 of 32 after batch K's. **Seen
  /// since lexicon 2.11.0:** its misses were traced to general causes and fixed
  /// (`AgentSenseAndAnchorTests`), so these floors are the figures after the fixes (26 of 32,
  /// explicit 1.000/0.857, implied 1.000/0.429, framing 0.500/1.000, denied 1.000/0.833,
  /// absent 1.000/1.000, rank 0.733), rounded down; they overstate quality on new text, and the first run
  /// stays the honest figure.
  static let batchLFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 0.850), .implied: (1.000, 0.420), .framing: (0.500, 1.000),
    .denied: (1.000, 0.830), .absent: (1.000, 1.000),
  ]
  /// Batch L's rank-correlation floor: its run on lexicon 2.11.0 (0.733), rounded down.
  static let batchLRankFloor = 0.73

  @Test("Batch L (seen since its fixes): figures printed, never below those after the fixes")
  func batchL() throws {
    try Self.checkBatch(
      folder: "probes-unseen-l", title: "Batch L", floors: Self.batchLFloors,
      rankFloor: Self.batchLRankFloor)
  }

  /// Batch M (`Tests/Fixtures/Scoring/probes-unseen-m/`, 32 probes): written by someone who saw
  /// no code, no fix and no earlier run, in shapes no earlier batch used (manager talking points,
  /// speaker notes, OKRs, arrow chains, Indian and non-native English, vendor-only AI). Run once
  /// on lexicon 2.10.0 before anything was fixed against it: 19 of 32, explicit 0.000/0.000,
  /// implied 0.500/0.571, framing 0.800/0.667, denied 0.714/0.833, absent 0.600/1.000, rank
  /// -0.215 (README); 20 of 32 after batch L's fixes. **Seen since lexicon 2.12.0:** its misses
  /// were traced to general causes and fixed (`ChainsAndCircularsTests`), so these floors are
  /// the figures after the fixes (32 of 32, every label 1.000/1.000, rank 0.755), rounded
  /// down; they overstate quality on new text, and the first run stays the honest figure.
  static let batchMFloors: [AIReason: (precision: Double, recall: Double)] = [
    .explicit: (1.000, 1.000), .implied: (1.000, 1.000), .framing: (1.000, 1.000),
    .denied: (1.000, 1.000), .absent: (1.000, 1.000),
  ]
  /// Batch M's rank-correlation floor: its run on lexicon 2.12.0 (0.755), rounded down.
  static let batchMRankFloor = 0.75

  @Test("Batch M (seen since its fixes): figures printed, never below those after the fixes")
  func batchM() throws {
    try Self.checkBatch(
      folder: "probes-unseen-m", title: "Batch M", floors: Self.batchMFloors,
      rankFloor: Self.batchMRankFloor)
  }

  /// Scores every probe of `folder`, prints per-label figures, rank correlation and misses,
  /// and checks them against the floors.
  static func checkBatch(
    folder: String, title: String, floors: [AIReason: (precision: Double, recall: Double)],
    rankFloor: Double, status: String = "seen since its fixes"
  ) throws {
    let lexicon = try Lexicon.load(
      Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").path)
    let scorer = Scorer(lexicon: lexicon)
    let probes = try Self.probes(in: folder)
    #expect(probes.count >= 30)
    let cards = probes.map {
      scorer.score(Memo(source: $0.file, paragraphs: $0.text.components(separatedBy: " || ")))
    }
    var lines = ["\(title), \(folder)/ (\(probes.count) probes, \(status)):"]
    for figure in Self.figures(zip(probes, cards).map { ($0.0.label, $0.1.aiReason) }) {
      lines.append(
        "  \(figure.label.rawValue): precision \(String(format: "%.3f", figure.precision)),"
          + " recall \(String(format: "%.3f", figure.recall)) (\(figure.count) probes)")
      if let floor = floors[figure.label] {
        #expect(figure.precision >= floor.precision, "\(figure.label.rawValue) precision")
        #expect(figure.recall >= floor.recall, "\(figure.label.rawValue) recall")
      }
    }
    let framed = zip(probes, cards).filter {
      [.explicit, .implied, .framing].contains($0.0.label)
    }
    let rho = Self.spearman(framed.map { Double($0.0.intensity) }, framed.map { $0.1.score })
    lines.append("  rank correlation: " + String(format: "%.3f", rho))
    #expect(rho >= rankFloor, "rank correlation \(rho)")
    for (probe, card) in zip(probes, cards) where card.aiReason != probe.label {
      lines.append(
        "  miss \(probe.file):\(probe.line): expected \(probe.label.rawValue), got "
          + "\(card.aiReason.rawValue) (\(card.score)): \(probe.text)")
    }
    print(lines.joined(separator: "\n"))
  }
}
