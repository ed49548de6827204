import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope-bench generate`: a deterministic corpus of templated memos with known families.
struct GenerateCorpus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a templated memo corpus with known families (and families.tsv).",
    discussion: """
      Each family is a template of AI-themed layoff-memo paragraphs; its members swap the \
      company, people and numbers, drop, add and reorder paragraphs and rewrite some \
      sentences. The rest are unrelated singletons. About a fifth of the memos carry one of \
      four legal footers (boilerplate). Same flags, same bytes.
      """)

  @Option(help: "How many memos.") var count: Int = 1000
  @Option(help: "How many template families.") var families: Int = 80
  @Option(help: "Share of memos that are unrelated singletons.") var singletons: Double = 0.2
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Output folder (created).") var out: String
  @Option(help: "jsonl (one memos.jsonl) or txt (memos/memo-NNNNNN.txt).") var format: String =
    "jsonl"

  func validate() throws {
    guard count >= 1, families >= 0, singletons >= 0, singletons <= 1 else {
      throw ValidationError("--count must be >= 1 and --singletons in 0…1.")
    }
    guard families * 2 <= count - Int(Double(count) * singletons) || families == 0 else {
      throw ValidationError("--families is too large: each family needs two members.")
    }
    guard format == "jsonl" || format == "txt" else {
      throw ValidationError("--format must be jsonl or txt, got '\(format)'.")
    }
  }

  func run() throws {
    let corpus = CorpusGenerator(
      count: count, families: families, singletonShare: singletons, seed: seed)
    let folder = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var truth = "memo\tfamily\n"
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var jsonl = Data()
    if format == "txt" {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("memos"), withIntermediateDirectories: true)
    }
    for index in 0..<count {
      let (memo, family) = corpus.memo(index)
      truth += "\(memo.source)\t\(family)\n"
      if format == "jsonl" {
        jsonl.append(try encoder.encode(memo))
        jsonl.append(0x0A)
      } else {
        var text = ""
        if let title = memo.title { text += title + "\n\n" }
        text += memo.paragraphs.joined(separator: "\n\n") + "\n"
        try AtomicFile.write(text, to: folder.appendingPathComponent("memos/\(memo.source).txt"))
      }
    }
    if format == "jsonl" {
      try AtomicFile.write(jsonl, to: folder.appendingPathComponent("memos.jsonl"))
    }
    try AtomicFile.write(truth, to: folder.appendingPathComponent("families.tsv"))
    print(
      "wrote \(count) memos (\(families) families, \(corpus.singletonCount) singletons) to \(out)")
  }
}

/// Builds family templates up front, then any memo on demand from its own seed.
struct CorpusGenerator {
  struct Sentence {
    var kind: Int
    var text: String
  }
  struct Template {
    var paragraphs: [[Sentence]]
    var title: String
    var footer: Int?
    var day: Int
  }

  let templates: [Template]
  /// For each memo id: (family index or -1 for a singleton, member number, singleton number).
  let slots: [(family: Int, member: Int)]
  let singletonCount: Int
  let seed: UInt64

  init(count: Int, families: Int, singletonShare: Double, seed: UInt64) {
    self.seed = seed
    var random = SeededRandom(seed: StableHash.mix(seed, seed: 0x7465_6d70))
    let singles = families == 0 ? count : Int((Double(count) * singletonShare).rounded())
    singletonCount = singles
    var sizes = [Int](repeating: 2, count: families)
    var remaining = count - singles - 2 * families
    while remaining > 0 {
      // Skewed: a few large families, many small ones.
      // Skewed toward low indices, and no family above 60 members.
      let u = Double(random.next() >> 11) / Double(1 << 53)
      var family = min(families - 1, Int(Double(families) * u * u))
      if sizes[family] >= 60 { family = random.below(families) }
      sizes[family] += 1
      remaining -= 1
    }
    var slots: [(Int, Int)] = []
    for (family, size) in sizes.enumerated() {
      for member in 0..<size { slots.append((family, member)) }
    }
    for single in 0..<singles { slots.append((-1 - single, 0)) }
    random.shuffle(&slots)
    self.slots = slots
    templates = (0..<(families + singles)).map { index in
      var random = SeededRandom(seed: StableHash.mix(UInt64(index), seed: seed))
      return Self.template(&random)
    }
  }

  static func template(_ random: inout SeededRandom) -> Template {
    var paragraphs: [[Sentence]] = []
    for kind in MemoFrames.kinds.indices {
      let required = [0, 1, 3, 8].contains(kind)
      guard required || random.chance(0.85) else { continue }
      paragraphs.append(paragraph(kind: kind, &random))
      if kind == 1 || kind == 7, random.chance(0.4) {
        paragraphs.append(paragraph(kind: kind, &random))
      }
    }
    let titles = [
      "A message from {P}", "An update on our team", "Changes at {C}", "Our next chapter",
      "Today's news", "Building an AI-first {C}", "A difficult day",
    ]
    return Template(
      paragraphs: paragraphs, title: random.pick(titles),
      footer: random.chance(0.2) ? random.below(MemoFrames.footers.count) : nil,
      day: random.below(4 * 365))
  }

  static func paragraph(kind: Int, _ random: inout SeededRandom) -> [Sentence] {
    let frames = MemoFrames.kinds[kind]
    var order = Array(frames.indices)
    random.shuffle(&order)
    let length = min(frames.count, kind == 8 ? random.within(1...2) : random.within(2...4))
    return order.prefix(length).map {
      Sentence(kind: kind, text: expandAlternatives(frames[$0], random: &random))
    }
  }

  /// The memo with id `index` and its family label.
  func memo(_ index: Int) -> (Memo, String) {
    let slot = slots[index]
    let source = String(format: "memo-%06d", index + 1)
    var random = SeededRandom(seed: StableHash.mix(UInt64(index), seed: seed ^ 0x6d65_6d62))
    let isSingle = slot.family < 0
    let templateIndex = isSingle ? templates.count - 1 - (-1 - slot.family) : slot.family
    let template = templates[templateIndex]
    let (company, person, _) = SlotValues.random(&random)
    var paragraphs = template.paragraphs
    if !isSingle {
      // Edits: drop and rewrite sentences and paragraphs, add new ones, reorder.
      paragraphs = paragraphs.compactMap { paragraph in
        if paragraphs.count > 4, random.chance(0.1) { return nil }
        let kept = paragraph.compactMap { sentence -> Sentence? in
          if random.chance(0.06) { return nil }
          if random.chance(0.15) {
            return Sentence(
              kind: sentence.kind,
              text: expandAlternatives(
                random.pick(MemoFrames.kinds[sentence.kind]), random: &random))
          }
          return sentence
        }
        return kept.isEmpty ? nil : kept
      }
      for chance in [0.6, 0.3] where random.chance(chance) {
        let kind = random.below(MemoFrames.kinds.count)
        paragraphs.insert(
          Self.paragraph(kind: kind, &random), at: random.below(paragraphs.count + 1))
      }
      if paragraphs.count > 2, random.chance(0.3) {
        paragraphs.swapAt(random.below(paragraphs.count), random.below(paragraphs.count))
      }
    }
    var texts = paragraphs.map { paragraph in
      fillSlots(
        paragraph.map(\.text).joined(separator: " "), company: company, person: person,
        random: &random)
    }
    texts.append("\(person), Chief Executive Officer, \(company)")
    if let footer = template.footer, isSingle || random.chance(0.9) {
      texts.append(MemoFrames.footers[footer])
    } else if random.chance(0.05) {
      texts.append(random.pick(MemoFrames.footers))
    }
    let day = template.day + (isSingle ? 0 : random.below(200))
    let date = random.chance(0.08) ? nil : Self.isoDate(day)
    let title = fillSlots(template.title, company: company, person: person, random: &random)
    let memo = Memo(
      source: source, title: title, author: person, date: date, company: company,
      paragraphs: texts)
    let family = isSingle ? "s\(-slot.family)" : "f\(slot.family + 1)"
    return (memo, family)
  }

  /// `2022-01-01` plus `day` days, as `YYYY-MM-DD`.
  static func isoDate(_ day: Int) -> String {
    let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    var year = 2022
    var rest = day
    while true {
      let length = year % 4 == 0 ? 366 : 365
      if rest < length { break }
      rest -= length
      year += 1
    }
    var month = 0
    while true {
      let length = monthDays[month] + (month == 1 && year % 4 == 0 ? 1 : 0)
      if rest < length { break }
      rest -= length
      month += 1
    }
    return String(format: "%04d-%02d-%02d", year, month + 1, rest + 1)
  }
}
