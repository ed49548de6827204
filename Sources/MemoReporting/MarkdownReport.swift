import Foundation
import MemoCore

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

  /// Renders the report.
  public static func render(_ input: ReportInput) -> RenderedReport {
    let ranking = rank(input.memos)
    var anchors: [String: Int] = [:]
    for (index, memo) in ranking.enumerated() { anchors[memo.memo.source] = index + 1 }
    let context = Context(input: input, ranking: ranking, anchors: anchors)

    var document = MarkdownDocument()
    document.heading(1, .text(input.title))
    context.summary(&document)
    context.rankingTable(&document)
    let charts = context.charts(&document)
    context.cards(&document)
    context.clusters(&document)
    context.method(&document)
    context.failures(&document)
    context.stamp(&document)
    return RenderedReport(markdown: document.markdown, charts: charts)
  }

  /// Memos by index (highest first), then date (earliest first, undated last), then source.
  public static func rank(_ memos: [ScoredMemo]) -> [ScoredMemo] {
    memos.sorted { a, b in
      if a.score.index != b.score.index { return a.score.index > b.score.index }
      let dateA = a.memo.date ?? "9999"
      let dateB = b.memo.date ?? "9999"
      if dateA != dateB { return dateA < dateB }
      return a.memo.source < b.memo.source
    }
  }

  /// The anchor id of the memo card at a 1-based rank.
  static func anchor(_ rank: Int) -> String { "memo-\(rank)" }
}

/// How often a lexicon entry was used across the corpus.
struct CorpusEntry {
  var entryID: String
  var phrase: String
  var category: String
  var memos: [ScoredMemo]
  var hits: Int
  /// Surface forms across all memos, with counts.
  var surfaces: [String: Int] = [:]

  /// The most frequent surface form, else the canonical phrase.
  var displayPhrase: String { EntryUse.mostFrequent(surfaces) ?? phrase }
}

extension MarkdownReport {
  fileprivate struct Context {
    let input: ReportInput
    let ranking: [ScoredMemo]
    let anchors: [String: Int]

    var categoryTitles: [String: String] {
      var titles: [String: String] = [:]
      for category in input.lexicon.categories { titles[category.id] = category.title }
      for memo in input.memos {
        for category in memo.score.categories where titles[category.id] == nil {
          titles[category.id] = category.title
        }
      }
      return titles
    }

    /// Entries by number of memos using them, then hits, then id.
    var corpusEntries: [CorpusEntry] {
      var entries: [String: CorpusEntry] = [:]
      for memo in ranking {
        for use in memo.score.entries {
          entries[
            use.entryID,
            default: CorpusEntry(
              entryID: use.entryID, phrase: use.phrase, category: use.category, memos: [],
              hits: 0)
          ].memos.append(memo)
          entries[use.entryID]!.hits += use.count
          entries[use.entryID]!.surfaces.merge(use.surfaces, uniquingKeysWith: +)
        }
      }
      return entries.values.sorted {
        ($1.memos.count, $1.hits, $0.entryID) < ($0.memos.count, $0.hits, $1.entryID)
      }
    }

    /// The band an index falls in; an index of 0 or less is "none".
    func band(of index: Double) -> String {
      guard index > 0 else { return "none" }
      return input.bands.sorted { $0.minimum > $1.minimum }.first { index >= $0.minimum }?.name
        ?? "none"
    }

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

    // MARK: Summary

    func summary(_ document: inout MarkdownDocument) {
      document.heading(2, "Summary")
      let memos = input.memos
      let companies = Set(
        memos.compactMap { $0.memo.company.map(MarkdownText.flatten) }
          .filter { !$0.isEmpty })
      let dates = memos.compactMap { $0.memo.date }.sorted()
      let undated = memos.count - dates.count
      var items: [Inline] = []
      var read =
        "\(memos.count) \(memos.count == 1 ? "memo" : "memos") read from \(companies.count) "
        + "\(companies.count == 1 ? "company" : "companies")"
      if let first = dates.first, let last = dates.last {
        read += ", dated \(first) to \(last)"
      }
      let unnamed = memos.filter { MarkdownText.flatten($0.memo.company ?? "").isEmpty }.count
      var missing: [String] = []
      if undated > 0 { missing.append("\(undated) without a date") }
      if unnamed > 0 { missing.append("\(unnamed) without a company name") }
      if !missing.isEmpty { read += " (" + missing.joined(separator: ", ") + ")" }
      items.append(.text(read + "."))
      if !input.failures.isEmpty {
        items.append(
          .link(
            .text(
              "\(input.failures.count) \(input.failures.count == 1 ? "input" : "inputs") "
                + "could not be read"), anchor: "inputs-not-read") + ".")
      }
      let framingCategories = Set(
        input.lexicon.categories.filter { $0.role == "ai_framing" }.map(\.id))
      let framing = memos.filter { memo in
        memo.score.categories.contains { framingCategories.contains($0.id) && $0.hits > 0 }
      }
      items.append(
        .text(
          "Memos with at least one AI-framing phrase (AI given as a reason, frame or "
            + "workforce): \(framing.count) of \(memos.count)."))
      let distancingCategories = Set(
        input.lexicon.categories.filter { $0.role == "distancing" }.map(\.id))
      if !distancingCategories.isEmpty {
        let distancing = memos.filter { memo in
          memo.score.categories.contains { distancingCategories.contains($0.id) && $0.hits > 0 }
        }
        items.append(
          .text(
            "Memos with a distancing phrase (denying or hedging AI as the cause): "
              + "\(distancing.count) of \(memos.count)."))
      }
      if !input.bands.isEmpty {
        let counts = bandRows.map { row in
          (row, memos.filter { self.band(of: $0.score.index) == row.name }.count)
        }
        items.append(
          .text(
            "By AI-washing index: "
              + counts.map { "\($0.1) \($0.0.name) (\($0.0.range))" }.joined(separator: ", ")
              + "."))
      }
      func phraseList(_ entries: ArraySlice<CorpusEntry>) -> Inline {
        .joined(
          entries.map { entry in
            .text("“\(entry.displayPhrase)”")
              + .markup(
                " (\(entry.memos.count) \(entry.memos.count == 1 ? "memo" : "memos"), "
                  + "\(entry.hits) \(entry.hits == 1 ? "hit" : "hits"))")
          }, separator: "; ")
      }
      let framingEntries = corpusEntries.filter { framingCategories.contains($0.category) }
      if !framingEntries.isEmpty {
        items.append("Most used AI-framing phrases: " + phraseList(framingEntries.prefix(5)) + ".")
      }
      let top = corpusEntries.prefix(5)
      if !top.isEmpty {
        items.append("Most used phrases of any category: " + phraseList(top) + ".")
      }
      if !input.clusters.isEmpty {
        let largest = input.clusters.map(\.members.count).max() ?? 0
        items.append(
          .link(
            .text(
              "\(input.clusters.count) \(input.clusters.count == 1 ? "group of memos shares" : "groups of memos share") "
                + "long passages"), anchor: "clusters")
            + .text(" (the largest has \(largest) memos)."))
      }
      document.bullets(items)
      document.paragraph(
        .emphasis(
          "Counts and quotes, not verdicts: a high index means a memo uses much of the lexicon's "
            + "language, not that AI caused the cuts or that anyone meant to mislead. See "
            + .link("Method", anchor: "method") + "."))
    }

    // MARK: Ranking

    func rankingTable(_ document: inout MarkdownDocument) {
      document.anchor("ranking")
      document.heading(2, "Ranking")
      guard !ranking.isEmpty else {
        document.paragraph("No memo was read.")
        return
      }
      document.table(
        ["Rank", "Company", "Date", "Author", "Index", "Leading categories", "Source"],
        alignments: [.right, .left, .left, .left, .right, .left, .left],
        rows: ranking.enumerated().map { index, scored in
          let memo = scored.memo
          let leading = scored.score.leadingCategories.prefix(3).map {
            Inline.text("\($0.title) (\($0.hits))")
          }
          return [
            .link("\(index + 1)", anchor: MarkdownReport.anchor(index + 1)),
            .text(memo.company ?? ""),
            .text(memo.date ?? ""), .text(memo.author ?? ""),
            .markup(Self.number(scored.score.index)),
            leading.isEmpty ? "—" : .joined(leading, separator: "; "), .text(memo.source),
          ]
        })
    }

    // MARK: Charts

    func charts(_ document: inout MarkdownDocument) -> [(name: String, svg: String)] {
      document.heading(2, "Charts")
      var files: [(name: String, svg: String)] = []

      // Category frequency.
      let titles = categoryTitles
      let order = input.lexicon.categories.map(\.id)
      let totals = order.map { id in
        (
          id: id,
          hits: input.memos.reduce(0) { sum, memo in
            sum + (memo.score.categories.first { $0.id == id }?.hits ?? 0)
          },
          memos: input.memos.filter { memo in
            memo.score.categories.contains { $0.id == id && $0.hits > 0 }
          }.count
        )
      }
      let categoryTitle = "Lexicon hits by category, all memos"
      let bar = BarChart(
        title: categoryTitle,
        bars: totals.map { BarChart.Bar(label: titles[$0.id] ?? $0.id, value: Double($0.hits)) },
        unit: "hits")
      files.append((MarkdownReport.categoryChart, bar.svg))
      document.heading(3, "Category frequency")
      document.image(
        alt: .text(categoryTitle), path: input.chartsFolder + "/" + MarkdownReport.categoryChart)
      document.table(
        ["Category", "Hits", "Memos with a hit"], alignments: [.left, .right, .right],
        rows: totals.map { [.text(titles[$0.id] ?? $0.id), "\($0.hits)", "\($0.memos)"] })

      // Adoption of leading phrases over time.
      let framing = Set(
        input.lexicon.categories.filter { $0.role == "ai_framing" }.map(\.id))
      // AI-framing phrases when there are any (who said "AI-native" first), else any phrase.
      let framingEntries = corpusEntries.filter { framing.contains($0.category) }
      let leading = Array(
        (framingEntries.isEmpty ? corpusEntries : framingEntries)
          .prefix(MarkdownReport.timelinePhrases))
      let subject = framingEntries.isEmpty ? "phrases" : "AI-framing phrases"
      let rows = leading.map { entry in
        TimelineChart.Row(
          label: entry.displayPhrase,
          points: entry.memos.compactMap { memo in
            memo.memo.date.flatMap(CalendarDate.init(iso:)).map {
              TimelineChart.Point(date: $0, label: company(memo.memo))
            }
          })
      }
      let timelineTitle = "When the most used \(subject) appeared (first use filled)"
      files.append(
        (MarkdownReport.timelineChart, TimelineChart(title: timelineTitle, rows: rows).svg))
      document.heading(3, .text("Adoption of the most used \(subject)"))
      document.image(
        alt: .text(timelineTitle), path: input.chartsFolder + "/" + MarkdownReport.timelineChart)
      document.table(
        ["Phrase", "First dated use", "By", "Memos"],
        alignments: [.left, .left, .left, .right],
        rows: zip(leading, rows).map { entry, row in
          let first = row.sortedPoints.first
          let firstMemo = first.flatMap { point in
            entry.memos.filter {
              $0.memo.date.flatMap(CalendarDate.init(iso:)) == point.date
                && company($0.memo) == point.label
            }.map(\.memo.source).sorted().first
          }
          let undated = entry.memos.count - row.points.count
          return [
            .text("“\(entry.displayPhrase)”"), .text(first.map { "\($0.date)" } ?? ""),
            firstMemo.map { memoLink(source: $0, label: first!.label) } ?? "—",
            .markup("\(entry.memos.count)" + (undated > 0 ? " (\(undated) undated)" : "")),
          ]
        })
      return files
    }

    // MARK: Cards

    func cards(_ document: inout MarkdownDocument) {
      document.heading(2, "Memos")
      let titles = categoryTitles
      for (index, scored) in ranking.enumerated() {
        let memo = scored.memo
        let score = scored.score
        document.anchor(MarkdownReport.anchor(index + 1))
        var heading: Inline = "\(index + 1). \(company(memo))"
        if let title = memo.title.map(MarkdownText.flatten), !title.isEmpty {
          heading = heading + " — " + .text("“\(title)”")
        }
        document.heading(3, heading)
        var facts: [Inline] = [
          "Source: \(memo.source)" + (memo.quoted ? " (quoted inside a news story)" : "")
        ]
        var line: [Inline] = []
        line.append("Date: \(memo.date ?? "unknown")")
        line.append("Author: \(memo.author ?? "unknown")")
        line.append(
          "\(score.tokens) words, \(memo.paragraphs.count) \(memo.paragraphs.count == 1 ? "paragraph" : "paragraphs")"
        )
        facts.append(.joined(line, separator: " · "))
        var indexLine: Inline =
          "AI-washing index: " + .strong(.markup(Self.number(score.index)))
          + " (\(band(of: score.index)))"
        if !score.components.isEmpty {
          indexLine =
            indexLine + "; components: "
            + .joined(score.components.map { .text("\($0.name) \(Self.number($0.value))") })
        }
        facts.append(indexLine)
        let leading = score.leadingCategories
        facts.append(
          "Hits by category: "
            + (leading.isEmpty
              ? "none"
              : .joined(
                leading.map {
                  .text(
                    "\(titles[$0.id] ?? $0.title) \($0.hits) (\(Self.number($0.rate)) per 1,000 words)"
                  )
                })))
        document.bullets(facts)
        let quotes = keyQuotes(score)
        if quotes.isEmpty {
          document.paragraph("No lexicon phrase found.")
        } else {
          document.paragraph(
            "Key quotes (\(quotes.count) of \(score.hits.count) \(score.hits.count == 1 ? "hit" : "hits")):"
          )
          for hit in quotes {
            document.quote(
              .text(hit.before) + .strong(.text(hit.surface)) + .text(hit.after) + " — "
                + .text(memo.source) + ", ¶ \(hit.paragraph + 1) ("
                + .code(hit.entryID) + ")")
          }
        }
        document.paragraph(.link("Back to the ranking", anchor: "ranking"))
      }
    }

    /// One quote per entry, heaviest entries first (ties: reading order), at most
    /// `quotesPerMemo`, shown in reading order.
    func keyQuotes(_ score: ScoreSummary) -> [HitSummary] {
      var seen: Set<String> = []
      let firstPerEntry = score.hits.enumerated().filter {
        seen.insert($0.element.entryID).inserted
      }
      let chosen = firstPerEntry.sorted {
        ($1.element.weight, $0.offset) < ($0.element.weight, $1.offset)
      }
      .prefix(MarkdownReport.quotesPerMemo)
      return chosen.sorted { $0.offset < $1.offset }.map(\.element)
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
                " Highest pairwise similarity: \(Self.number(cluster.maximumJaccard, decimals: 2))."
              ))
        }
        let passages = cluster.passages.filter { !$0.boilerplate }
          .prefix(MarkdownReport.passagesPerCluster)
        for passage in passages {
          document.quote(
            .text("“\(passage.text)”")
              + .text(
                " — in \(passage.members) of \(cluster.members.count) memos, \(passage.words) words"
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
              + "folder of YAML files anyone can read and change."))
      document.table(
        ["Category", "Role", "What it captures"],
        rows: lexicon.categories.map {
          [.text($0.title), .code($0.role), .text($0.description)]
        })
      document.heading(3, "The AI-washing index")
      document.paragraph(.text(input.indexFormula))
      if !input.bands.isEmpty {
        document.table(
          ["Band", "Index"], alignments: [.left, .left],
          rows: bandRows.map { [.text($0.name), .text($0.range)] })
      }
      document.heading(3, "What is counted")
      document.bullets([
        "A hit is a run of words in a memo's paragraphs that matches one of an entry's patterns, "
          + "after both are tokenized the same way (case, hyphens, curly quotes and line breaks do "
          + "not matter). Overlapping matches count once, for the longest.",
        "Titles, author lines and the surrounding text of a news story that quotes a memo are "
          + "not scored; only the memo's own paragraphs are.",
        "Rates are per 1,000 words, so long and short memos can be compared.",
        "Every quote is cited by source file and paragraph number (¶ 1 is the first paragraph of "
          + "the memo body as extracted).",
      ])
      document.heading(3, "Caveats")
      document.bullets([
        "A high index is not proof of intent. It measures how much of the lexicon's language a "
          + "memo uses, not why the cuts happened.",
        "Quoting is not endorsing: the quotes are the companies' words, shown so readers can "
          + "judge them.",
        "Memoscope cannot know who wrote a memo (a named author may not be the writer, and a "
          + "template may have been shared by a consultant), whether AI caused any job cuts, or "
          + "dates that a page does not state. Undated memos are left out of the timeline.",
        "The lexicon is a choice of phrases by people; phrases it does not list are not counted, "
          + "and a phrase can be used innocently.",
      ])
    }

    // MARK: Failures and stamp

    func failures(_ document: inout MarkdownDocument) {
      document.anchor("inputs-not-read")
      document.heading(2, "Inputs not read")
      guard !input.failures.isEmpty else {
        let count = input.inputs.count
        document.paragraph(
          count == 1 ? "The one input was read." : "All \(count) inputs were read.")
        return
      }
      document.table(
        ["Input", "Problem"],
        rows: input.failures.sorted { ($0.source, $0.message) < ($1.source, $1.message) }.map {
          [.text($0.source), .text($0.message)]
        })
    }

    func stamp(_ document: inout MarkdownDocument) {
      document.heading(2, "Reproducibility")
      var items: [Inline] = [
        "Memoscope version: " + .code(MemoscopeVersion.current),
        "Lexicon: " + .text("\(input.lexicon.name) \(input.lexicon.version)") + ", hash "
          + .code(input.lexicon.hash),
      ]
      if let generatedOn = input.generatedOn { items.append("Generated on: \(generatedOn)") }
      items.append("Command:")
      document.bullets(items)
      document.code(MarkdownText.flatten(input.commandLine), language: "sh")
      document.paragraph(
        "Input files and their FNV-1a 64-bit hashes (over the file bytes), by path:")
      document.table(
        ["Input", "Bytes", "FNV-1a 64"], alignments: [.left, .right, .left],
        rows: input.inputs.sorted { $0.path < $1.path }.map {
          [.text($0.path), "\($0.bytes)", .code($0.hash)]
        })
    }

    static func number(_ value: Double, decimals: Int = 1) -> String {
      NumberText.fixed(value, decimals: decimals)
    }

    static func percent(_ share: Double) -> String { NumberText.percent(share) }
  }
}
