import Foundation
import MemoCore
import MemoScoring

/// A rendered report: the Markdown and the chart files to write beside it.
public struct RenderedReport: Sendable, Equatable {
  /// The report's Markdown.
  public var markdown: String
  /// Chart files: a name inside the charts folder, and the SVG text.
  public var charts: [(name: String, svg: String)]

  public static func == (lhs: RenderedReport, rhs: RenderedReport) -> Bool {
    lhs.markdown == rhs.markdown && lhs.charts.map(\.name) == rhs.charts.map(\.name)
      && lhs.charts.map(\.svg) == rhs.charts.map(\.svg)
  }
}

/// Writes the Markdown report a journalist can publish from: summary, ranking, charts, a card
/// per memo with cited quotes, clusters, method and a reproducibility stamp.
///
/// Memo text is untrusted and always escaped (see ``MarkdownText``). Nothing depends on the
/// clock, the locale or hash seeds: the same input gives the same bytes.
public enum MarkdownReport {
  /// How many phrases the adoption chart follows.
  public static let timelinePhrases = 6
  /// How many quotes a memo card shows at most.
  public static let quotesPerMemo = 5
  /// How many shared passages a cluster shows at most.
  public static let passagesPerCluster = 3

  /// The chart file names inside the charts folder.
  public static let categoryChart = "categories.svg"
  public static let timelineChart = "phrase-timeline.svg"

  /// The adoption chart's file name.
  public static let adoptionChart = "adoption.svg"

  /// Renders the report.
  public static func render(_ input: ReportInput) -> RenderedReport {
    // Cards: the ranked memos, then those announcing no cuts (each group by index).
    let all = rank(input.memos)
    let ranking =
      all.filter { $0.card.announcesCuts }
      + all.filter { !$0.card.announcesCuts }
    var anchors: [String: Int] = [:]
    for (index, memo) in ranking.enumerated() { anchors[memo.memo.source] = index + 1 }
    let context = Context(
      input: input, ranking: ranking, anchors: anchors, phrases: PhraseUse.collect(ranking))

    var document = MarkdownDocument()
    document.heading(1, .text(input.title))
    context.summary(&document)
    context.rankingTable(&document)
    context.noCuts(&document)
    let charts = context.charts(&document)
    context.cards(&document)
    context.clusters(&document)
    context.method(&document)
    context.exclusions(&document)
    context.stamp(&document)
    return RenderedReport(markdown: document.markdown, charts: charts)
  }

  /// Memos by index (highest first), then date (earliest first, undated last), then source.
  public static func rank(_ memos: [ScoredMemo]) -> [ScoredMemo] {
    memos.sorted { a, b in
      if a.card.score != b.card.score { return a.card.score > b.card.score }
      let dateA = a.memo.date ?? "9999"
      let dateB = b.memo.date ?? "9999"
      if dateA != dateB { return dateA < dateB }
      return a.memo.source < b.memo.source
    }
  }

  /// The band an index falls in; an index of 0 or less is "none".
  public static func band(of index: Double, bands: [IndexBand]) -> String {
    guard index > 0 else { return "none" }
    return bands.sorted { $0.minimum > $1.minimum }.first { index >= $0.minimum }?.name ?? "none"
  }

  /// The anchor id of the memo card at a 1-based rank.
  static func anchor(_ rank: Int) -> String { "memo-\(rank)" }

  /// How the report names each AI reason, in the summary's order.
  public static let reasonLabels: [(reason: String, label: String)] = [
    ("explicit", "give AI as an explicit reason for the cuts"),
    ("implied", "imply AI as a reason (AI language beside the cut language, not joined to it)"),
    ("framing", "frame the company around AI without tying it to the cuts"),
    ("absent", "do not mention AI"),
    ("denied", "deny that AI is the reason"),
  ]
}

extension MarkdownReport {
  fileprivate struct Context {
    let input: ReportInput
    let ranking: [ScoredMemo]
    let anchors: [String: Int]
    /// Every entry's uses in the memos' words.
    let phrases: [PhraseUse]

    var categoryTitles: [String: String] {
      var titles: [String: String] = [:]
      for category in input.lexicon.categories { titles[category.id] = category.title }
      for memo in input.memos {
        for category in memo.card.categories where titles[category.id] == nil {
          titles[category.id] = category.title
        }
      }
      return titles
    }

    var categoryRoles: [String: String] {
      var roles: [String: String] = [:]
      for category in input.lexicon.categories { roles[category.id] = category.role }
      for memo in input.memos {
        for category in memo.card.categories where roles[category.id] == nil {
          roles[category.id] = category.role
        }
      }
      return roles
    }

    /// Memos known to announce no cuts; they are listed apart from the ranking.
    var noCutMemos: [ScoredMemo] { ranking.filter { !$0.card.announcesCuts } }
    /// Memos announcing cuts, or not known not to.
    var rankedMemos: [ScoredMemo] { ranking.filter { $0.card.announcesCuts } }

    func band(of index: Double) -> String { MarkdownReport.band(of: index, bands: input.bands) }

    /// The bands from the highest down, with "none" last, and how each is described.
    var bandRows: [(name: String, range: String)] {
      let bands = input.bands.sorted { $0.minimum > $1.minimum }
      var rows: [(name: String, range: String)] = []
      for (index, band) in bands.enumerated() {
        let lower = band.minimum > 0 ? "\(SVG.number(band.minimum)) or more" : "above 0"
        let upper = index == 0 ? "" : ", below \(SVG.number(bands[index - 1].minimum))"
        rows.append((band.name, lower + upper))
      }
      rows.append(("none", "0"))
      return rows
    }

    /// The memo's name for a reader: its company, else its file name.
    func company(_ memo: Memo) -> String {
      let name = MarkdownText.flatten(memo.company ?? "")
      return name.isEmpty ? Self.fileName(memo.source) : name
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
      String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(path))
    }

    func memoLink(source: String, label: String) -> Inline {
      guard let rank = anchors[source] else { return .text(label) }
      return .link(.text(label), anchor: MarkdownReport.anchor(rank))
    }

    static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
      "\(count) \(count == 1 ? singular : plural)"
    }

    /// An entry's label: its wordings as the memos wrote them, with sentence counts, grouped
    /// under the entry's canonical phrase.
    func label(_ use: PhraseUse, wordings limit: Int = 3) -> Inline {
      let shown = use.wordings.prefix(limit).map { wording in
        Inline.text("“\(wording.text)”") + .markup(" ×\(wording.sentences)")
      }
      let more = use.wordings.count - shown.count
      var wordings = Inline.joined(shown, separator: ", ")
      if more > 0 { wordings = wordings + .markup(", \(more) more") }
      return wordings + " (entry " + .emphasis(.text(use.phrase)) + "; "
        + .markup(
          "\(Self.count(use.sentences, "sentence", "sentences")) in "
            + "\(Self.count(use.memos.count, "memo", "memos")))")
    }

    // MARK: Summary

    func summary(_ document: inout MarkdownDocument) {
      document.heading(2, "Summary")
      let memos = input.memos
      let companies = Set(
        memos.compactMap { $0.memo.company.map(MarkdownText.flatten) }.filter { !$0.isEmpty })
      let dates = memos.compactMap { $0.memo.date }.sorted()
      var items: [Inline] = []
      var read =
        "\(Self.count(memos.count, "memo", "memos")) read from "
        + Self.count(companies.count, "company", "companies")
      if let first = dates.first, let last = dates.last { read += ", dated \(first) to \(last)" }
      var missing: [String] = []
      let undated = memos.count - dates.count
      let unnamed = memos.filter { MarkdownText.flatten($0.memo.company ?? "").isEmpty }.count
      if undated > 0 { missing.append("\(undated) without a date") }
      if unnamed > 0 { missing.append("\(unnamed) without a company name") }
      if !missing.isEmpty { read += " (" + missing.joined(separator: ", ") + ")" }
      items.append(.text(read + "."))
      let leftOut = input.failures.count + input.exclusions.count
      if leftOut > 0 {
        items.append(
          .link(
            .text(Self.count(leftOut, "input was", "inputs were") + " not read or left out"),
            anchor: "inputs-not-read") + ".")
      }
      if !memos.isEmpty {
        let cuts = memos.filter { $0.card.announcesCuts }
        items.append(
          .strong(.markup("\(cuts.count) of \(memos.count)"))
            + .markup(" memos announce job cuts") + "; "
            + .link(
              .markup(
                "\(memos.count - cuts.count) \(memos.count - cuts.count == 1 ? "announces" : "announce") none"
              ), anchor: "no-cuts")
            + " (listed apart).")
        if !cuts.isEmpty {
          var reasons: [Inline] = []
          for (reason, label) in MarkdownReport.reasonLabels {
            let count = cuts.filter { $0.card.aiReason.rawValue == reason }.count
            reasons.append(.markup("\(count) \(label)"))
          }
          let unknown = cuts.filter { memo in
            !MarkdownReport.reasonLabels.contains { $0.reason == memo.card.aiReason.rawValue }
          }.count
          if unknown > 0 { reasons.append(.markup("\(unknown) not classified")) }
          items.append(
            .markup("Of the \(cuts.count) memos announcing cuts: ")
              + .joined(reasons, separator: "; ") + ". "
              + .emphasis(
                "Framing-only memos are counted on their own line, not as implied.")
          )
        }
      }
      if !input.bands.isEmpty {
        let ranked = rankedMemos
        let counts = bandRows.map { row in
          (row, ranked.filter { self.band(of: $0.card.score) == row.name }.count)
        }
        items.append(
          .text(
            "By AI-washing index, of the \(ranked.count) ranked memos: "
              + counts.map { "\($0.1) \($0.0.name) (\($0.0.range))" }.joined(separator: ", ")
              + "."))
      }
      if !input.clusters.isEmpty {
        let largest = input.clusters.map(\.members.count).max() ?? 0
        items.append(
          .link(
            .text(
              Self.count(input.clusters.count, "template group", "template groups")
                + " of memos sharing long passages"), anchor: "clusters")
            + .text(" (the largest has \(largest) memos)."))
      } else {
        items.append("No two memos share a template.")
      }
      let framing = Set(
        input.lexicon.categories.filter { $0.role == "ai_framing" }.map(\.id))
      let framingUses = phrases.filter { framing.contains($0.category) }.prefix(5)
      if !framingUses.isEmpty {
        items.append(
          "Most used AI-framing language, in the memos' words: "
            + .joined(framingUses.map { label($0) }, separator: "; ") + ".")
      }
      document.bullets(items)
      document.paragraph(
        .emphasis(
          "Counts and quotes, not verdicts: a high index means a memo uses much of the lexicon's "
            + "language, not that AI caused the cuts or that anyone meant to mislead. A phrase "
            + "count is the number of sentences using it: one sentence counts once per entry. See "
            + .link("Method", anchor: "method") + "."))
    }

    // MARK: Ranking

    func rankingTable(_ document: inout MarkdownDocument) {
      document.anchor("ranking")
      document.heading(2, "Ranking")
      let ranked = rankedMemos
      guard !ranked.isEmpty else {
        document.paragraph(input.memos.isEmpty ? "No memo was read." : "No memo announces cuts.")
        return
      }
      if ranked.count < ranking.count {
        document.paragraph(
          .text(
            "Memos announcing job cuts, by index. "
              + Self.count(ranking.count - ranked.count, "memo", "memos")
              + " announcing none \(ranking.count - ranked.count == 1 ? "is" : "are") ")
            + .link("listed apart", anchor: "no-cuts") + ".")
      }
      document.table(
        ["Rank", "Company", "Date", "Index", "AI as reason", "What drives the index", "Source"],
        alignments: [.right, .left, .left, .right, .left, .left, .left],
        rows: ranked.map { scored in
          let rank = anchors[scored.memo.source] ?? 0
          return [
            .link("\(rank)", anchor: MarkdownReport.anchor(rank)),
            .text(scored.memo.company ?? ""), .text(scored.memo.date ?? ""),
            .markup(Self.number(scored.card.score)), .text(scored.card.aiReason.rawValue),
            drivers(scored.card), .text(scored.memo.source),
          ]
        })
    }

    /// The categories that drive a memo's index, with hits; "—" when nothing does.
    func drivers(_ card: ScoreCard) -> Inline {
      let driving = card.drivingCategories.prefix(3)
      guard !driving.isEmpty else { return "—" }
      let titles = categoryTitles
      return .joined(
        driving.map { .text("\(titles[$0.id] ?? $0.title) (\($0.count))") }, separator: "; ")
    }

    func noCuts(_ document: inout MarkdownDocument) {
      let memos = noCutMemos
      guard !memos.isEmpty else { return }
      document.anchor("no-cuts")
      document.heading(2, "Memos announcing no cuts")
      document.paragraph(
        .text(
          "These memos use the lexicon's language without announcing job cuts (adoption notes, "
            + "or memos saying there will be no layoffs). They are not ranked as layoff memos."))
      document.table(
        ["Card", "Company", "Date", "Index", "AI as reason", "Source"],
        alignments: [.right, .left, .left, .right, .left, .left],
        rows: memos.map { scored in
          let rank = anchors[scored.memo.source] ?? 0
          return [
            .link("\(rank)", anchor: MarkdownReport.anchor(rank)),
            .text(scored.memo.company ?? ""), .text(scored.memo.date ?? ""),
            .markup(Self.number(scored.card.score)), .text(scored.card.aiReason.rawValue),
            .text(scored.memo.source),
          ]
        })
    }

    // MARK: Charts

    func charts(_ document: inout MarkdownDocument) -> [(name: String, svg: String)] {
      document.heading(2, "Charts")
      var files: [(name: String, svg: String)] = []

      // Category frequency: most hits first, coloured by role.
      let titles = categoryTitles
      let roles = categoryRoles
      let order = input.lexicon.categories.map(\.id)
      let totals = order.enumerated().map { position, id in
        (
          id: id, position: position,
          hits: input.memos.reduce(0) { sum, memo in
            sum + (memo.card.categories.first { $0.id == id }?.count ?? 0)
          },
          memos: input.memos.filter { memo in
            memo.card.categories.contains { $0.id == id && $0.count > 0 }
          }.count
        )
      }.sorted { ($1.hits, $0.position) < ($0.hits, $1.position) }
      let categoryTitle = "Lexicon hits by category, all memos (colour: role)"
      let bar = BarChart(
        title: categoryTitle,
        bars: totals.map {
          BarChart.Bar(
            label: titles[$0.id] ?? $0.id, value: Double($0.hits),
            color: SVG.color(forRole: roles[$0.id] ?? ""))
        },
        unit: "hits")
      files.append((MarkdownReport.categoryChart, bar.svg))
      document.heading(3, "Category frequency")
      document.image(
        alt: .text(categoryTitle), path: input.chartsFolder + "/" + MarkdownReport.categoryChart)
      document.table(
        ["Category", "Role", "Hits", "Memos with a hit"],
        alignments: [.left, .left, .right, .right],
        rows: totals.map {
          [.text(titles[$0.id] ?? $0.id), .code(roles[$0.id] ?? ""), "\($0.hits)", "\($0.memos)"]
        })

      // Adoption of the leading entries over time, on an axis spanning the whole corpus.
      let framing = Set(input.lexicon.categories.filter { $0.role == "ai_framing" }.map(\.id))
      let framingUses = phrases.filter { framing.contains($0.category) }
      let leading = Array(
        (framingUses.isEmpty ? phrases : framingUses).prefix(MarkdownReport.timelinePhrases))
      let subject = framingUses.isEmpty ? "phrases" : "AI-framing phrases"
      let bySource = Dictionary(
        input.memos.map { ($0.memo.source, $0) }, uniquingKeysWith: { first, _ in first })
      let corpusDates = input.memos.compactMap { $0.memo.date.flatMap(CalendarDate.init(iso:)) }
      let span = corpusDates.min().flatMap { first in corpusDates.max().map { (first, $0) } }
      let rows = leading.map { use in
        TimelineChart.Row(
          label: use.phrase,
          points: use.memos.compactMap { bySource[$0] }.compactMap { memo in
            memo.memo.date.flatMap(CalendarDate.init(iso:)).map {
              TimelineChart.Point(date: $0, label: company(memo.memo))
            }
          })
      }
      let timelineTitle = "When the most used \(subject) appeared (first use filled)"
      files.append(
        (
          MarkdownReport.timelineChart,
          TimelineChart(title: timelineTitle, rows: rows, span: span).svg
        ))
      document.heading(3, .text("First use of the most used \(subject)"))
      if let span {
        document.paragraph(
          .text(
            "The axis spans every dated memo read, \(span.0) to \(span.1), so the time before "
              + "a phrase's first use shows as empty."))
      }
      document.image(
        alt: .text(timelineTitle), path: input.chartsFolder + "/" + MarkdownReport.timelineChart)
      document.table(
        ["Entry", "As written", "First dated use", "By", "Memos"],
        alignments: [.left, .left, .left, .left, .right],
        rows: zip(leading, rows).map { use, row in
          let first = row.sortedPoints.first
          let firstMemo = first.flatMap { point in
            use.memos.compactMap { bySource[$0] }.filter {
              $0.memo.date.flatMap(CalendarDate.init(iso:)) == point.date
                && company($0.memo) == point.label
            }.map(\.memo.source).sorted().first
          }
          let undated = use.memos.count - row.points.count
          return [
            .emphasis(.text(use.phrase)),
            .joined(use.wordings.prefix(3).map { .text("“\($0.text)”") }),
            .text(first.map { "\($0.date)" } ?? ""),
            firstMemo.map { memoLink(source: $0, label: first!.label) } ?? "—",
            .markup("\(use.memos.count)" + (undated > 0 ? " (\(undated) undated)" : "")),
          ]
        })

      // Companies using each entry, by quarter.
      let quarters = span.map { AdoptionChart.quarters(from: $0.0, to: $0.1) } ?? []
      let adoption = leading.map { use in
        var companies = [Set<String>](repeating: [], count: quarters.count)
        for memo in use.memos.compactMap({ bySource[$0] }) {
          guard let date = memo.memo.date.flatMap(CalendarDate.init(iso:)),
            let column = quarters.firstIndex(of: date.quarter)
          else { continue }
          companies[column].insert(company(memo.memo))
        }
        return AdoptionChart.Row(label: use.phrase, counts: companies.map(\.count))
      }
      let adoptionTitle = "Companies using each of the most used \(subject), by quarter"
      files.append(
        (
          MarkdownReport.adoptionChart,
          AdoptionChart(title: adoptionTitle, quarters: quarters, rows: adoption).svg
        ))
      document.heading(3, .text("Adoption by quarter"))
      document.image(
        alt: .text(adoptionTitle), path: input.chartsFolder + "/" + MarkdownReport.adoptionChart)
      document.table(
        ["Entry", "Companies per quarter (quarters with none left out)"],
        rows: adoption.map { row in
          let used = zip(quarters, row.counts).filter { $0.1 > 0 }
          return [
            .emphasis(.text(row.label)),
            used.isEmpty ? "—" : .markup(used.map { "\($0.0): \($0.1)" }.joined(separator: ", ")),
          ]
        })
      return files
    }

    // MARK: Cards

    func cards(_ document: inout MarkdownDocument) {
      document.heading(2, "Memos")
      let titles = categoryTitles
      let duplicates = identicalInputs
      for (index, scored) in ranking.enumerated() {
        let memo = scored.memo
        let card = scored.card
        document.anchor(MarkdownReport.anchor(index + 1))
        var heading: Inline = "\(index + 1). \(company(memo))"
        if let title = memo.title.map(MarkdownText.flatten), !title.isEmpty {
          heading = heading + " — " + .text("“\(title)”")
        }
        document.heading(3, heading)
        var facts: [Inline] = [
          "Source: \(memo.source)"
            + .text(memo.quoted ? " (a memo quoted inside a news story)" : "")
        ]
        if let url = memo.url, let link = Inline.link("original page", url: url) {
          facts.append("Link: " + link)
        }
        if let same = duplicates[memo.source], !same.isEmpty {
          facts.append(
            .strong("Identical file")
              + .text(" to " + same.joined(separator: ", ") + " (same bytes)."))
        }
        var line: [Inline] = []
        line.append("Date: \(memo.date ?? "unknown")")
        line.append("Author: \(memo.author ?? "unknown")")
        line.append(
          .markup(
            "\(card.tokens) words, "
              + Self.count(memo.paragraphs.count, "paragraph", "paragraphs")))
        facts.append(.joined(line, separator: " · "))
        do {
          let cuts = card.announcesCuts
          let ai = card.aiReason.rawValue
          var reason: Inline = cuts ? "Announces job cuts" : .strong("Announces no job cuts")
          if let label = MarkdownReport.reasonLabels.first(where: { $0.reason == ai })?.label {
            reason = reason + .text("; AI: \(ai) (the memo's words \(label))")
          }
          facts.append(reason + ".")
        }
        var indexLine: Inline =
          "AI-washing index: " + .strong(.markup(Self.number(card.score)))
          + " (\(band(of: card.score)))"
        do {
          indexLine =
            indexLine + "; components: "
            + .joined(card.indexParts.map { .text("\($0.name) \(Self.number($0.value))") })
        }
        facts.append(indexLine)
        let leading = card.leadingCategories
        facts.append(
          "Hits by category: "
            + (leading.isEmpty
              ? "none"
              : .joined(
                leading.map {
                  .text(
                    "\(titles[$0.id] ?? $0.title) \($0.count) (\(Self.number($0.perThousandTokens)) per 1,000 words)"
                  )
                })))
        document.bullets(facts)
        let quotes = keyQuotes(card)
        if quotes.isEmpty {
          document.paragraph("No lexicon phrase found.")
        } else {
          document.paragraph(
            .markup(
              "Key quotes (\(quotes.count) of \(Self.count(card.readingHits.count, "hit", "hits")), "
                + "one per sentence):"))
          for quote in quotes {
            let hit = quote.hit
            var line =
              .text(hit.match.before) + .strong(.text(hit.match.text)) + .text(hit.match.after)
            line = line + " — " + .text(memo.source) + ", ¶ \(hit.match.paragraph) ("
            line = line + .joined(quote.entries.map { .code($0) }) + ")"
            document.quote(line)
          }
        }
        document.paragraph(.link("Back to the ranking", anchor: "ranking"))
      }
    }

    /// One quote per sentence, so a sentence is never repeated with another word in bold: the
    /// sentence's heaviest hit is shown, with every entry the sentence matched. Sentences with
    /// the heaviest hits first (ties: reading order), at most `quotesPerMemo`, shown in reading
    /// order.
    func keyQuotes(_ card: ScoreCard) -> [(hit: CardHit, entries: [String])] {
      var groups: [(key: Int, hits: [(offset: Int, hit: CardHit)])] = []
      var position: [Int: Int] = [:]
      for (offset, hit) in card.readingHits.enumerated() {
        let key = hit.match.sentence
        if let index = position[key] {
          groups[index].hits.append((offset, hit))
        } else {
          position[key] = groups.count
          groups.append((key, [(offset, hit)]))
        }
      }
      let chosen = groups.map { group -> (offset: Int, hit: CardHit, entries: [String]) in
        let best = group.hits.max {
          ($0.hit.entry.weight, $1.offset) < ($1.hit.entry.weight, $0.offset)
        }!
        var seen: Set<String> = []
        let entries = ([best.hit.entry.id] + group.hits.map(\.hit.entry.id)).filter {
          seen.insert($0).inserted
        }
        return (group.hits[0].offset, best.hit, entries)
      }
      .sorted { ($1.hit.entry.weight, $0.offset) < ($0.hit.entry.weight, $1.offset) }
      .prefix(MarkdownReport.quotesPerMemo)
      return chosen.sorted { $0.offset < $1.offset }.map { ($0.hit, $0.entries) }
    }

    /// For each input whose bytes equal another's, the other paths (from the SHA-256 stamps).
    var identicalInputs: [String: [String]] {
      var byHash: [String: [String]] = [:]
      for stamp in input.inputs { byHash[stamp.printedHash, default: []].append(stamp.path) }
      var out: [String: [String]] = [:]
      for paths in byHash.values where paths.count > 1 {
        for path in paths { out[path] = paths.filter { $0 != path }.sorted() }
      }
      return out
    }

    // MARK: Clusters

    func clusters(_ document: inout MarkdownDocument) {
      document.anchor("clusters")
      document.heading(2, "Shared templates")
      var rule =
        "word shingles overlap: Jaccard similarity at least "
        + Self.number(input.clusterThreshold, decimals: 2)
      if let containment = input.clusterContainmentThreshold {
        rule +=
          ", or at least \(Self.percent(containment)) of the smaller memo's shingles found in "
          + "the other"
      }
      guard !input.clusters.isEmpty else {
        document.paragraph(.text("No two memos share enough text to be grouped (\(rule))."))
        return
      }
      document.paragraph(
        .text(
          "Memos are grouped when their \(rule). Members are listed by date; the earliest dated "
            + "member is the likely origin of the shared text, as far as the dates on the pages "
            + "tell."))
      for (index, cluster) in input.clusters.enumerated() {
        document.heading(3, "Group \(index + 1): \(cluster.members.count) memos")
        document.table(
          ["Date", "Company", "Source", "Words in shared passages"],
          alignments: [.left, .left, .left, .right],
          rows: cluster.members.map { member in
            [
              .text(member.date ?? ""),
              memoLink(
                source: member.source, label: member.company ?? Self.fileName(member.source)),
              .text(member.source), .markup(Self.percent(member.coverage)),
            ]
          })
        if let origin = cluster.members.first(where: { $0.date != nil }) {
          document.paragraph(
            "Likely origin (earliest dated): "
              + memoLink(
                source: origin.source, label: origin.company ?? Self.fileName(origin.source))
              + .text(", \(origin.date ?? "").")
              + .text(
                " Highest pairwise similarity: "
                  + "\(Self.number(cluster.pairs.map(\.jaccard).max() ?? 0, decimals: 2))."))
        }
        let passages = cluster.passages.filter { !$0.boilerplate }
          .prefix(MarkdownReport.passagesPerCluster)
        for passage in passages {
          document.quote(
            .text("“\(passage.text)”")
              + .text(
                " — in \(passage.members.count) of \(cluster.members.count) memos, "
                  + "\(passage.tokens) words"
              ))
        }
        let boilerplate = cluster.passages.filter(\.boilerplate).count
        if boilerplate > 0 {
          document.paragraph(
            .text(
              "\(boilerplate) further shared \(boilerplate == 1 ? "passage is" : "passages are") "
                + "common boilerplate found in many other documents and not quoted."))
        }
      }
    }

    // MARK: Method

    /// What each input kind's reader takes as memo text and what it leaves out.
    static let inputKinds: [(format: String, name: String, memoText: String, notScored: String)] =
      [
        (
          "html", "HTML page",
          "the page's main content: the article or memo body's paragraphs and list items; when "
            + "the page is a news story quoting a memo, only the quoted memo",
          "navigation, headers, footers, comments, ads, the title and byline; a news story's "
            + "own paragraphs (kept as commentary)"
        ),
        (
          "text", "Plain text",
          "every paragraph of the file (split on blank lines), including any headline, "
            + "subheading or reporter's prose: a text file does not mark them",
          "nothing but page furniture; a news story in a .txt file is scored as if the company "
            + "wrote all of it"
        ),
        (
          "markdown", "Markdown",
          "every paragraph with the markup removed, later headings included; the first "
            + "heading before any text is the title",
          "the title only; as for plain text, a reporter's prose is scored if the file holds it"
        ),
        (
          "email", "E-mail (.eml)",
          "the message body (its HTML part read as a page, else its text part)",
          "the headers, which give sender, date and subject"
        ),
        (
          "jsonl", "Extracted JSON Lines",
          "each line's `paragraphs`, as an earlier `memoscope extract` wrote them",
          "each line's `commentary`, title and metadata"
        ),
      ]

    func method(_ document: inout MarkdownDocument) {
      document.anchor("method")
      document.heading(2, "Method")
      let lexicon = input.lexicon
      document.paragraph(
        "Lexicon: " + .strong(.text(lexicon.name)) + .text(" version \(lexicon.version)")
          + ", content hash " + .code(lexicon.hash)
          + .text(
            ", \(lexicon.entryCount) entries in \(lexicon.categories.count) categories. Every "
              + "entry lists its patterns, a rationale and public sources; the lexicon is a "
              + "folder of YAML files anyone can read and change. ")
          + .text(
            lexicon.precision.map { "Vetted precision: \($0)." }
              ?? "Its hits have not been vetted by a person for this report: no precision "
              + "figure is claimed."))
      document.table(
        ["Category", "Role", "What it captures"],
        rows: lexicon.categories.map {
          [.text($0.title), .code($0.role), .text($0.description)]
        })

      document.heading(3, "What was read as memo text")
      let formats = Dictionary(grouping: input.memos, by: { $0.memo.format.rawValue })
      let quoted = input.memos.filter(\.memo.quoted).count
      document.table(
        ["Input kind", "Memos", "Scored as memo text", "Not scored"],
        alignments: [.left, .right, .left, .left],
        rows: Self.inputKinds.filter { formats[$0.format] != nil }.map { kind in
          [
            .text(kind.name), "\(formats[kind.format]?.count ?? 0)", .text(kind.memoText),
            .text(kind.notScored),
          ]
        })
      var reading: [Inline] = []
      if quoted > 0 {
        reading.append(
          .text(
            "\(Self.count(quoted, "memo was", "memos were")) found quoted inside a news story; "
              + "only the quoted memo was scored, and its card says so."))
      }
      if formats["text"] != nil || formats["markdown"] != nil {
        reading.append(
          .text(
            "Quotes from plain-text and Markdown inputs are the words of the whole file: if a "
              + "file is a news story, some quoted words may be the reporter's, not the company's."
          ))
      }
      if let quality = input.extractionQuality {
        reading.append(.text("Extraction quality: \(quality)"))
      }
      document.bullets(reading)

      document.heading(3, "The AI-washing index")
      document.paragraph(.text(input.indexFormula))
      if !input.bands.isEmpty {
        document.table(
          ["Band", "Index"], alignments: [.left, .left],
          rows: bandRows.map { [.text($0.name), .text($0.range)] })
      }
      document.heading(3, "What is counted")
      var counted: [Inline] = [
        "A hit is a run of words in a memo's paragraphs that matches one of an entry's patterns, "
          + "after both are tokenized the same way (case, hyphens, curly quotes and line breaks do "
          + "not matter). Overlapping matches count once, for the longest.",
        "Phrase counts in this report are sentences: a sentence matching an entry twice counts "
          + "once for it. Each phrase is shown as the memos wrote it, grouped under its entry.",
        "Rates are per 1,000 words, so long and short memos can be compared.",
        "Every quote is cited by source file and paragraph number; paragraphs are numbered from 1 "
          + "(¶ 1 is the first paragraph of the memo body as extracted), in every output.",
      ]
      if !input.negationRule.isEmpty { counted.append("Negation: " + .text(input.negationRule)) }
      document.bullets(counted)

      document.heading(3, "Clustering")
      var rule =
        "Memos are grouped as sharing a template when their word shingles overlap: Jaccard "
        + "similarity at least " + Self.number(input.clusterThreshold, decimals: 2)
      if let containment = input.clusterContainmentThreshold {
        rule +=
          ", or at least \(Self.percent(containment)) of the smaller memo's shingles found in "
          + "the other"
      }
      document.paragraph(.text(rule + "."))

      if let folder = input.dataFolder {
        document.anchor("data")
        document.heading(3, "Data files")
        document.paragraph(
          .text(
            "The numbers behind this report are in \(folder)/ as CSV (RFC 4180, UTF-8, one row "
              + "per observation): memos.csv, hits.csv and categories.csv. Their columns:"))
        document.table(
          ["File", "Column", "Meaning"],
          rows: ReportData.dictionary.map { [.text($0.file), .code($0.name), .text($0.meaning)] })
      }

      document.heading(3, "Caveats")
      document.bullets([
        "A high index is not proof of intent. It measures how much of the lexicon's language a "
          + "memo uses, not why the cuts happened.",
        "Quoting is not endorsing: the quotes are the words of the texts read, shown so readers "
          + "can judge them (see above for what was read as memo text).",
        "Memoscope cannot know who wrote a memo (a named author may not be the writer, and a "
          + "template may have been shared by a consultant), whether AI caused any job cuts, or "
          + "dates that a page does not state. Undated memos are left out of the charts over time.",
        "The lexicon is a choice of phrases by people; phrases it does not list are not counted, "
          + "and a phrase can be used innocently.",
      ])
    }

    // MARK: Exclusions and stamp

    func exclusions(_ document: inout MarkdownDocument) {
      document.anchor("inputs-not-read")
      document.heading(2, "Inputs not read or left out")
      let rows =
        input.failures.map { (source: $0.source, reason: "could not be read", detail: $0.message) }
        + input.exclusions.map { (source: $0.source, reason: $0.reason, detail: $0.detail) }
      guard !rows.isEmpty else {
        let count = input.inputs.count
        document.paragraph(
          count == 1 ? "The one input was read." : "All \(count) inputs were read.")
        return
      }
      var counts: [String: Int] = [:]
      for row in rows { counts[row.reason, default: 0] += 1 }
      document.table(
        ["Reason", "Inputs"], alignments: [.left, .right],
        rows: counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
          [.text($0.key), "\($0.value)"]
        })
      document.table(
        ["Input", "Reason", "Detail"],
        rows: rows.sorted { ($0.source, $0.reason, $0.detail) < ($1.source, $1.reason, $1.detail) }
          .map { [.text($0.source), .text($0.reason), .text($0.detail)] })
    }

    func stamp(_ document: inout MarkdownDocument) {
      document.anchor("reproducibility")
      document.heading(2, "Reproducibility")
      let environment = input.environment
      var items: [Inline] = [
        "Memoscope version: " + .code(environment.toolVersion)
          + (environment.gitRevision.map { ", git revision " + .code($0) } ?? ""),
        "Lexicon: " + .text("\(input.lexicon.name) \(input.lexicon.version)") + ", hash "
          + .code(input.lexicon.hash),
      ]
      if let icu = environment.icuVersion { items.append("ICU: " + .code(icu)) }
      if let libxml2 = environment.libxml2Version { items.append("libxml2: " + .code(libxml2)) }
      if let generatedOn = input.generatedOn { items.append("Generated on: \(generatedOn)") }
      items.append("Command:")
      document.bullets(items)
      document.code(MarkdownText.flatten(input.commandLine), language: "sh")
      let allSHA = input.inputs.allSatisfy { $0.sha256 != nil }
      document.paragraph(
        (allSHA
          ? "Input files and their SHA-256 (check one with " + .code("sha256sum FILE")
          : "Input files and the hash of their bytes (SHA-256, or FNV-1a 64 where marked "
            + .code("fnv1a64:") + "; check a SHA-256 with " + .code("sha256sum FILE"))
          + "; rerun everything with " + .code("memoscope report --check REPORT") + "):")
      document.table(
        ["Input", "Bytes", allSHA ? "SHA-256" : "Hash"], alignments: [.left, .right, .left],
        rows: input.inputs.sorted { $0.path < $1.path }.map {
          [.text($0.path), "\($0.bytes)", .code($0.printedHash)]
        })
    }

    static func number(_ value: Double, decimals: Int = 1) -> String {
      NumberText.fixed(value, decimals: decimals)
    }

    static func percent(_ share: Double) -> String { NumberText.percent(share) }
  }
}
