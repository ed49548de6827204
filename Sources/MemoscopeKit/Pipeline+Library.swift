import CSV
import Foundation
import MemoClustering
import MemoCore
import MemoExtraction
import MemoLexicon
import MemoLibrary
import MemoReporting
import MemoScoring

/// What `memoscope library add` did.
public struct LibraryAddOutcome: Sendable, Equatable {
  /// Memos stored by this run.
  public var added = 0
  /// Inputs whose content was stored already.
  public var present = 0
  /// Inputs that could not be read.
  public var failed = 0
  /// Stored memos scored again because the lexicon changed.
  public var rescored = 0

  /// One line for the terminal, e.g. `3 added, 1 already present, 0 failed.`
  public var summary: String {
    "\(added) added, \(present) already present, \(failed) failed."
  }
}

extension Pipeline {
  /// The library file when none is given: `$MEMOSCOPE_LIBRARY`, else
  /// `memoscope-library.sqlite` in the current folder.
  public static func defaultLibraryPath(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let path = environment["MEMOSCOPE_LIBRARY"], !path.isEmpty { return path }
    return "memoscope-library.sqlite"
  }

  /// The stamp the scorer writes for `lexicon`.
  static func stamp(_ lexicon: Lexicon) -> LexiconStamp {
    LexiconStamp(name: lexicon.name, version: lexicon.version, hash: lexicon.hash)
  }

  /// Adds every input under `paths` to the library: extracts, scores and fingerprints each
  /// new memo once (on all cores) and stores each window of inputs in one transaction.
  ///
  /// Inputs are keyed by the hash of their bytes (a JSONL line by its memo's content), so
  /// inputs stored already are counted and skipped before extraction. When the library was
  /// scored with another lexicon, its memos are scored again first.
  ///
  /// - Parameters:
  ///   - progress: Called after each window with (inputs done, inputs in all).
  ///   - failure: Called for each input that cannot be read; the others are still added.
  /// - Throws: `LibraryError` when the library cannot be written (the batches committed
  ///   before stay).
  public static func libraryAdd(
    _ paths: [String], to library: Library, lexicon: Lexicon,
    options: ExtractionOptions = ExtractionOptions(), now: Date = Date(),
    progress: ((Int, Int) -> Void)? = nil, failure: (ExtractionError) -> Void
  ) throws(LibraryError) -> LibraryAddOutcome {
    var outcome = LibraryAddOutcome()
    let scorer = Scorer(lexicon: lexicon)
    let stamp = stamp(lexicon)
    if let stored = try library.lexicon(), stored.hash != stamp.hash {
      outcome.rescored = try libraryRescore(library, lexicon: lexicon)
    }
    let addedAt = ISO8601DateFormatter().string(from: now)
    // The one input stream's walk (each file once, by device and inode); the library keys and
    // skips stored content itself, before extracting.
    let corpus = Corpus(paths: paths, options: options)
    let inputs = corpus.units
    let extractor = MemoExtractor(options: options)
    let window = max(1, ProcessInfo.processInfo.activeProcessorCount) * 32
    // Each window is written on its own thread while the next one is extracted and scored.
    let writer = BatchWriter(library: library, lexicon: stamp, addedAt: addedAt)
    var start = 0
    while start < inputs.count {
      let end = min(start + window, inputs.count)
      // Read and key each input, look the keys up at once, then extract, score and
      // fingerprint the inputs not stored yet.
      let keyed = ParallelMap.map(Array(inputs[start..<end])) {
        KeyedInput($0, limit: options.maxFileSize)
      }
      let present = try library.storedHashes(keyed.compactMap(\.hash))
      let prepared = ParallelMap.map(keyed) { keyed -> Result<LibraryRecord, ExtractionError>? in
        if let hash = keyed.hash, present.contains(hash) { return nil }
        return keyed.record(extractor: extractor, scorer: scorer)
      }
      var records: [LibraryRecord] = []
      for result in prepared {
        switch result {
        case nil: outcome.present += 1
        case .failure(let error)?:
          outcome.failed += 1
          failure(error)
        case .success(let record)?: records.append(record)
        }
      }
      // 3. One transaction for the window, once the previous one is committed.
      let written = try writer.finish()
      outcome.added += written.added
      outcome.present += written.present
      if written.count > 0 { progress?(written.end, inputs.count) }
      writer.start(records, end: end)
      start = end
    }
    let written = try writer.finish()
    outcome.added += written.added
    outcome.present += written.present
    if inputs.count > 0 { progress?(inputs.count, inputs.count) }
    return outcome
  }

  /// Scores again every stored memo not scored with `lexicon`.
  ///
  /// - Returns: How many memos were scored again.
  @discardableResult
  public static func libraryRescore(
    _ library: Library, lexicon: Lexicon, progress: ((Int, Int) -> Void)? = nil
  ) throws(LibraryError) -> Int {
    let scorer = Scorer(lexicon: lexicon)
    return try library.rescore(
      stamp: stamp(lexicon), score: { memos in ParallelMap.map(memos) { scorer.score($0) } },
      progress: progress)
  }

  /// The memo of one file to compare with the library (`library similar`).
  public static func libraryMemo(_ path: String, options: ExtractionOptions = ExtractionOptions())
    throws(ExtractionError) -> Memo
  {
    let memos = Corpus(paths: [path], options: options).memos()
    guard memos.count == 1, let memo = memos.first else {
      throw .unparsable(path: path, reason: "give one memo file (or a JSONL file of one memo)")
    }
    return try memo.get()
  }
}

/// Writes one batch at a time on a thread of its own.
private final class BatchWriter: @unchecked Sendable {
  private let library: Library
  private let lexicon: LexiconStamp
  private let addedAt: String
  private let queue = DispatchQueue(label: "memoscope.library.writer")
  // Guarded by `queue`: the last batch's result.
  private var result: Result<(added: Int, present: Int, count: Int, end: Int), LibraryError> =
    .success((0, 0, 0, 0))

  init(library: Library, lexicon: LexiconStamp, addedAt: String) {
    self.library = library
    self.lexicon = lexicon
    self.addedAt = addedAt
  }

  /// Starts writing `records` (the inputs up to `end`) in one transaction.
  func start(_ records: [LibraryRecord], end: Int) {
    queue.async { [self] in
      do throws(LibraryError) {
        let added = try library.add(records, lexicon: lexicon, addedAt: addedAt)
        result = .success((added, records.count - added, records.count, end))
      } catch {
        result = .failure(error)
      }
    }
  }

  /// Waits for the batch being written; its counts (stored, already present), or its error.
  func finish() throws(LibraryError) -> (added: Int, present: Int, count: Int, end: Int) {
    let finished = queue.sync { result }
    queue.sync { result = .success((0, 0, 0, 0)) }
    return try finished.get()
  }
}

/// One input with its content key, read before deciding whether to extract it.
private struct KeyedInput: Sendable {
  var input: MemoInput
  var hash: String?
  var bytes: [UInt8]?
  var memo: Memo?
  /// The size limit for reading a document.
  var limit: Int

  init(_ input: MemoInput, limit: Int) {
    self.input = input
    self.limit = limit
    switch input {
    case .failure: break
    case .document(let collected):
      // Read once within the size limit; the extractor's reader reports anything else (pipes,
      // devices, too large) with its own message when the record is made.
      guard let contents = try? InputReader.read(collected, limit: limit) else { return }
      bytes = contents.bytes
      hash = LibraryRecord.contentHash(of: contents.bytes)
    case .line(let file, let line):
      guard case .success(let memo) = file.memo(at: line) else { return }
      self.memo = memo
      var key = [memo.source, memo.title ?? "", memo.author ?? "", memo.date ?? ""]
      key += [memo.company ?? "", memo.encoding, memo.format.rawValue, String(memo.quoted)]
      key += memo.paragraphs + ["\u{1}"] + memo.commentary
      hash = LibraryRecord.contentHash(of: Array(key.joined(separator: "\u{0}").utf8))
    }
  }

  func record(extractor: MemoExtractor, scorer: Scorer) -> Result<LibraryRecord, ExtractionError> {
    let memo: Memo
    var url: String?
    if let known = self.memo {
      memo = known
    } else if case .document(let collected) = input, let bytes, let hash {
      do {
        memo = try extractor.extract(bytes: bytes, source: collected.path)
      } catch {
        return .failure(error)
      }
      url = memo.url
      return .success(LibraryRecord(memo: memo, contentHash: hash, url: url, scorer: scorer))
    } else {
      switch input {
      case .failure(let error): return .failure(error)
      case .line(let file, let line):
        switch file.memo(at: line) {
        case .failure(let error): return .failure(error)
        case .success(let read): memo = read
        }
      case .document(let collected):
        do {
          let contents = try InputReader.read(collected, limit: limit)
          memo = try extractor.extract(bytes: contents.bytes, source: collected.path)
        } catch {
          return .failure(error)
        }
      }
    }
    return .success(
      LibraryRecord(
        memo: memo, contentHash: hash ?? LibraryRecord.contentHash(of: Array(memo.body.utf8)),
        url: url, scorer: scorer))
  }
}

/// How the `library` commands print what the library returns.
public enum LibraryOutput {
  /// Keyword-in-context lines for people: where, then the match in brackets with its context.
  public static func table(_ lines: [ContextLine]) -> String {
    guard !lines.isEmpty else { return "" }
    let width = 40
    func cut(_ text: String, keepEnd: Bool) -> String {
      let scalars = Array(text.unicodeScalars)
      guard scalars.count > width else { return text }
      var view = String.UnicodeScalarView()
      if keepEnd {
        view.append(contentsOf: scalars.suffix(width - 1))
        return "…" + String(view)
      }
      view.append(contentsOf: scalars.prefix(width - 1))
      return String(view) + "…"
    }
    // Every field from an input goes through `TerminalText.clean`.
    let clean = TerminalText.clean
    let places = lines.map { line in
      [
        clean(line.date ?? "-"), clean(line.company ?? "-"),
        "\(clean(line.source)):\(line.paragraph)",
      ]
        + (line.entry.map { [clean($0 + (line.verdict.map { " (\($0))" } ?? ""))] } ?? [])
    }
    let columns = places.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      places.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    var output = ""
    for (line, place) in zip(lines, places) {
      var cells: [String] = []
      for (column, cell) in place.enumerated() {
        cells.append(cell + String(repeating: " ", count: widths[column] - cell.count))
      }
      let before = cut(clean(line.before), keepEnd: true)
      cells.append(
        String(repeating: " ", count: max(0, width - before.unicodeScalars.count)) + before
          + "[" + clean(line.text) + "]" + cut(clean(line.after), keepEnd: false))
      output += cells.joined(separator: "  ") + "\n"
    }
    return output
  }

  /// One JSON object per line: source, company, date, paragraph, text, before, after (and
  /// entry, category, verdict for lexicon hits).
  ///
  /// Keys in sorted order, as `JSONEncoder` with `.sortedKeys` writes them; written directly
  /// (a search can print tens of thousands of lines).
  public static func jsonLines(_ lines: [ContextLine]) -> String {
    var writer = JSONWriter()
    writer.bytes.reserveCapacity(lines.count * 256)
    for line in lines {
      let isHit = line.entry != nil
      writer.raw("{\"after\":")
      writer.string(line.after)
      writer.raw(",\"before\":")
      writer.string(line.before)
      if isHit {
        writer.raw(",\"category\":")
        writer.optional(line.category)
      }
      writer.raw(",\"company\":")
      writer.optional(line.company)
      writer.raw(",\"date\":")
      writer.optional(line.date)
      if isHit {
        writer.raw(",\"entry\":")
        writer.optional(line.entry)
      }
      writer.raw(",\"paragraph\":")
      writer.integer(line.paragraph)
      writer.raw(",\"source\":")
      writer.string(line.source)
      writer.raw(",\"text\":")
      writer.string(line.text)
      if isHit {
        writer.raw(",\"verdict\":")
        writer.optional(line.verdict)
      }
      writer.raw("}\n")
    }
    return writer.text
  }

  /// The columns of `csv(_:)` for search results.
  static let contextHeader = ["source", "company", "date", "paragraph", "text", "before", "after"]

  /// CSV (RFC 4180) with the JSON keys as header.
  public static func csv(_ lines: [ContextLine]) -> String {
    let hits = lines.contains { $0.entry != nil }
    let header = contextHeader + (hits ? ["entry", "category", "verdict"] : [])
    return csv(
      TidyTable(
        header: header,
        rows: lines.map { line in
          [
            line.source, line.company ?? "", line.date ?? "", String(line.paragraph), line.text,
            line.before, line.after,
          ] + (hits ? [line.entry ?? "", line.category ?? "", line.verdict ?? ""] : [])
        }))
  }

  /// A tidy table as CSV (RFC 4180), header first.
  public static func csv(_ table: TidyTable) -> String {
    let stream = OutputStream(toMemory: ())
    // CSVWriter throws only on stream errors, which an in-memory stream does not have.
    guard let writer = try? CSVWriter(stream: stream) else { return "" }
    try? writer.write(row: table.header)
    for row in table.rows { try? writer.write(row: row) }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  // MARK: Vetting

  /// The columns of a vetting sheet; a person fills in `verdict` (right or wrong) and `note`.
  public static let vettingHeader = [
    "memo_hash", "entry", "paragraph", "start", "source", "company", "date", "category",
    "before", "text", "after", "verdict", "note",
  ]

  /// A vetting sheet for `lines` (hits), verdict and note left blank.
  public static func vettingSheet(_ lines: [ContextLine]) -> String {
    csv(
      TidyTable(
        header: vettingHeader,
        rows: lines.map {
          [
            $0.memoHash, $0.entry ?? "", String($0.paragraph), String($0.start), $0.source,
            $0.company ?? "", $0.date ?? "", $0.category ?? "", $0.before, $0.text, $0.after,
            "", "",
          ]
        }))
  }

  /// Verdict words a person may write, and whether each means wrong.
  static let verdictWords: [String: Bool] = [
    "right": false, "correct": false, "yes": false, "y": false, "ok": false, "true": false,
    "1": false, "wrong": true, "incorrect": true, "no": true, "n": true, "false": true, "0": true,
  ]

  /// The verdicts of a filled-in vetting sheet. Rows with a blank verdict are skipped; a row
  /// that cannot be read is reported (`file: row N: …`) and the others are kept.
  public static func verdicts(inSheet text: String, path: String) -> (
    verdicts: [Verdict], problems: [String]
  ) {
    guard let reader = try? CSVReader(string: text, hasHeaderRow: true),
      let header = reader.headerRow
    else {
      return ([], ["\(path): not a CSV file with a header row"])
    }
    let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    let required = ["memo_hash", "entry", "paragraph", "start", "verdict"]
    let missing = required.filter { !names.contains($0) }
    guard missing.isEmpty else {
      return (
        [],
        [
          "\(path): missing column\(missing.count == 1 ? "" : "s") "
            + missing.joined(separator: ", ")
            + "; export a sheet with 'memoscope library vet --export FILE' and fill in 'verdict'"
        ]
      )
    }
    func column(_ name: String) -> Int { names.firstIndex(of: name)! }
    var verdicts: [Verdict] = []
    var problems: [String] = []
    var row = 1
    while let cells = reader.next() {
      row += 1
      func cell(_ name: String) -> String {
        let index = column(name)
        return index < cells.count ? cells[index].trimmingCharacters(in: .whitespaces) : ""
      }
      let word = cell("verdict").lowercased()
      if word.isEmpty { continue }
      guard let wrong = verdictWords[word] else {
        problems.append(
          "\(path): row \(row): verdict '\(cell("verdict"))' is not 'right' or 'wrong'")
        continue
      }
      guard let paragraph = Int(cell("paragraph")), paragraph >= 1, let start = Int(cell("start")),
        !cell("memo_hash").isEmpty, !cell("entry").isEmpty
      else {
        problems.append(
          "\(path): row \(row): memo_hash, entry, paragraph and start must be as exported")
        continue
      }
      let note = names.contains("note") ? cell("note") : ""
      verdicts.append(
        Verdict(
          memoHash: cell("memo_hash"), entry: cell("entry"), paragraph: paragraph, start: start,
          wrong: wrong, note: note))
    }
    return (verdicts, problems)
  }

  // MARK: Timeline

  /// The timeline as Markdown: a table of first uses, the earliest marked.
  public static func timelineMarkdown(
    _ timeline: Timeline, wording: String, chart: String? = nil
  ) -> String {
    var document = MarkdownDocument()
    document.heading(1, "First use of \(wording)")
    if timeline.uses.isEmpty {
      document.paragraph("No memo in the library uses \(wording).")
    } else {
      var intro = "\(timeline.uses.count) \(timeline.uses.count == 1 ? "company" : "companies")"
      intro += " used \(wording); each row is the company's first memo that did, in date order."
      if let range = timeline.libraryRange {
        intro += " The library's memos run from \(range.first) to \(range.last)."
      }
      document.paragraph(.text(intro))
      if let chart { document.image(alt: .text("First use of \(wording)"), path: chart) }
      let rows = timeline.uses.map { use -> [Inline] in
        let date: Inline =
          use.earliest ? .strong(.text(use.date)) + .text(" (earliest)") : .text(use.date)
        let memo: Inline =
          .text(use.title ?? use.source) + .text(" (") + .code(use.source) + .text(")")
        return [date, .text(use.company), memo, .text(String(use.memos))]
      }
      document.table(["date", "company", "memo", "memos using it"], rows: rows)
    }
    if !timeline.unplaced.isEmpty {
      document.paragraph(
        .text(
          "\(timeline.unplaced.count) memo\(timeline.unplaced.count == 1 ? "" : "s") with no "
            + "date or no company also used it: "
            + timeline.unplaced.joined(separator: ", ") + "."))
    }
    return document.markdown
  }

  /// The timeline as an SVG chart: one row per company, a dot at its first use, on an axis
  /// from the library's first memo to its last, so the time before the first use shows.
  public static func timelineSVG(_ timeline: Timeline, wording: String) -> String {
    let left = 180.0
    let right = 760.0
    let rowHeight = 22.0
    let top = 50.0
    let height = top + rowHeight * Double(max(1, timeline.uses.count)) + 40
    let range =
      timeline.libraryRange
      ?? (timeline.uses.first?.date ?? "", timeline.uses.last?.date ?? "")
    let first = CalendarDate(iso: range.first)?.dayNumber ?? 0
    let lastDay = CalendarDate(iso: range.last)?.dayNumber ?? (first + 1)
    let last = max(first + 1, lastDay)
    func x(_ date: String) -> Double {
      let day = CalendarDate(iso: date)?.dayNumber ?? first
      return left + (right - left) * Double(day - first) / Double(last - first)
    }
    func number(_ value: Double) -> String { NumberText.fixed(value) }
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="800" height="\(Int(height))" \
      viewBox="0 0 800 \(Int(height))" font-family="sans-serif" font-size="12">
      <title>\(SVG.escape("First use of " + wording))</title>
      <text x="10" y="24" font-size="15">\(SVG.escape("First use of " + wording))</text>

      """
    let axis = top + rowHeight * Double(timeline.uses.count) + 6
    svg +=
      "<line x1=\"\(number(left))\" y1=\"\(number(axis))\" x2=\"\(number(right))\" "
      + "y2=\"\(number(axis))\" stroke=\"#444\"/>\n"
    for (date, anchor) in [(range.first, "start"), (range.last, "end")] {
      svg +=
        "<text x=\"\(number(x(date)))\" y=\"\(number(axis + 16))\" text-anchor=\"\(anchor)\">"
        + "\(SVG.escape(date))</text>\n"
    }
    for (index, use) in timeline.uses.enumerated() {
      let y = top + rowHeight * Double(index) + rowHeight / 2
      let color = use.earliest ? "#c0392b" : "#2c6fbb"
      svg +=
        "<text x=\"\(number(left - 8))\" y=\"\(number(y + 4))\" text-anchor=\"end\">"
        + "\(SVG.escape(use.company))</text>\n"
        + "<line x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(right))\" "
        + "y2=\"\(number(y))\" stroke=\"#ddd\"/>\n"
        + "<circle cx=\"\(number(x(use.date)))\" cy=\"\(number(y))\" r=\"5\" fill=\"\(color)\">"
        + "<title>\(SVG.escape(use.company + ", " + use.date + (use.earliest ? " (earliest)" : "")))</title></circle>\n"
    }
    return svg + "</svg>\n"
  }

  // MARK: Similar

  /// Similar memos for people: similarity, containment, date, company, source, and the
  /// longest passage each shares with the new memo.
  public static func similarTable(_ memo: Memo, _ similar: [SimilarMemo]) -> String {
    let clean = TerminalText.clean
    guard !similar.isEmpty else {
      return "No stored memo shares passages with \(clean(memo.source)).\n"
    }
    var output = ""
    let finder = PassageFinder()
    for item in similar {
      output +=
        NumberText.fixed(item.jaccard, decimals: 2) + "  "
        + NumberText.fixed(item.containment, decimals: 2) + "  "
        + "\(clean(item.date ?? "-"))  \(clean(item.company ?? "-"))  \(clean(item.source))\n"
      let passages = finder.sharedPassages(among: [memo, item.memo]).passages
      if let longest = passages.max(by: { ($0.tokens, $1.text) < ($1.tokens, $0.text) }) {
        output += "      shares: \"\(clean(longest.text))\"\n"
      }
    }
    return "jaccard  containment  date  company  source\n" + output
  }
}

extension Pipeline {
  /// What `memoscope library report` was asked to do.
  public struct LibraryReportRequest: Sendable {
    /// The report file.
    public var output: String
    /// Whether it may be replaced.
    public var force: Bool
    /// The memos to report on.
    public var filter: LibraryFilter
    /// The report's title.
    public var title: String
    /// The command line, for the reproducibility stamp.
    public var commandLine: String

    /// Creates a request.
    public init(
      output: String, force: Bool = false, filter: LibraryFilter = LibraryFilter(),
      title: String = ReportRequest.defaultTitle, commandLine: String
    ) {
      self.output = output
      self.force = force
      self.filter = filter
      self.title = title
      self.commandLine = commandLine
    }
  }

  /// Writes today's report over the filtered memos of a library, with hits people marked
  /// wrong left out and the vetting figures in the summary.
  ///
  /// Memos are scored again from their stored text with `lexicon`, which must be the one
  /// the library was scored with (else `LibraryError.lexiconMismatch`: rescore first).
  ///
  /// - Throws: `LibraryError`, `ReportingError` (output exists, cannot write),
  ///   `ClusteringError`.
  public static func libraryReport(
    _ request: LibraryReportRequest, library: Library, lexicon: Lexicon
  ) throws -> ReportOutcome {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: request.output, isDirectory: &isFolder) {
      if isFolder.boolValue { throw ReportingError.outputIsFolder(path: request.output) }
      if !request.force { throw ReportingError.outputExists(path: request.output) }
    }
    if let stored = try library.lexicon(), stored.hash != lexicon.hash {
      throw LibraryError.lexiconMismatch(
        path: library.path, stored: "\(stored.name) \(stored.version) (\(stored.hash))",
        given: "\(lexicon.name) \(lexicon.version) (\(lexicon.hash))")
    }
    let stored = try library.memos(request.filter)
    let wrong = try library.wrongHits()
    let scorer = Scorer(lexicon: lexicon)
    let scored = ParallelMap.map(stored) { item in
      let card = removing(wrong[item.hash] ?? [], from: scorer.score(item.memo), memo: item.memo)
      return ScoredMemo(memo: item.memo, card: card)
    }
    let memos = stored.map(\.memo)
    let clusters = try Clusterer().cluster(memos)
    let vetting = try library.vettingSummary(request.filter)
    let input = ReportInput(
      title: request.title, memos: scored, failures: [],
      clusters: clusters.clusters, lexicon: ReportLexicon(lexicon),
      indexFormula: indexDescription, bands: indexBands,
      inputs: stored.map { item in
        InputStamp(
          path: item.memo.source, bytes: Int(item.hash.split(separator: "-").last ?? "") ?? 0,
          hash: item.hash)
      }, commandLine: request.commandLine,
      chartsFolder: ReportFiles.chartsFolder(forReport: request.output),
      clusterThreshold: clusters.parameters.threshold,
      clusterContainmentThreshold: clusters.parameters.containmentThreshold)
    var rendered = MarkdownReport.render(input)
    rendered.markdown = withVetting(rendered.markdown, vetting)
    let written = try ReportFiles.write(rendered, to: request.output, force: request.force)
    return ReportOutcome(written: written, memos: memos.count, failures: [])
  }

  /// The report with the vetting figures as the summary's last item (or a section at the
  /// end when the report has no summary list).
  static func withVetting(_ markdown: String, _ vetting: VettingSummary) -> String {
    let line =
      "- Vetting: \(vetting.sentence)"
      + (vetting.wrong > 0
        ? "; hits marked wrong are left out of this report, and each memo's index is computed"
          + " again without them." : ".")
    var lines = markdown.components(separatedBy: "\n")
    if let summary = lines.firstIndex(of: "## Summary") {
      var index = summary + 1
      while index < lines.count && lines[index].isEmpty { index += 1 }
      while index < lines.count && lines[index].hasPrefix("- ") { index += 1 }
      if index > summary + 1 && lines[index - 1].hasPrefix("- ") {
        lines.insert(line, at: index)
        return lines.joined(separator: "\n")
      }
    }
    return markdown + "\n## Vetting\n\n" + line + "\n"
  }

  /// A score card without the hits in `wrong`: their counts and category counts lowered and
  /// the index computed again from the contributions that remain.
  ///
  /// Framing, vagueness and signal contributions of a wrong hit go; an attribution goes when
  /// its AI hit is wrong, or when every cut hit of the memo is (no cut language is left to
  /// attribute). Points are then summed as `WashingIndex` sums them (signal multiplier, length
  /// factor) and the index is `WashingIndex.index(points:)`. An attribution whose own cut hit
  /// is wrong while another cut hit stands keeps its points (the card does not say which cut
  /// hit a link used). The AI reason falls to `framing` when no attribution is left and to
  /// `absent` when no AI contribution is.
  static func removing(_ wrong: Set<HitKey>, from card: ScoreCard, memo: Memo) -> ScoreCard {
    guard !wrong.isEmpty else { return card }
    var card = card
    let scored = card
    var removed: [String: Int] = [:]
    func keep(_ groups: [EntryHits]) -> [EntryHits] {
      groups.compactMap { group in
        var group = group
        group.matches = group.matches.filter { match in
          let key = HitKey(
            entry: group.id, paragraph: match.paragraph, start: match.start)
          if wrong.contains(key) {
            removed[group.category, default: 0] += 1
            return false
          }
          return true
        }
        group.count = group.matches.count
        return group.matches.isEmpty ? nil : group
      }
    }
    card.hits = keep(card.hits)
    card.distancing = keep(card.distancing)
    for index in card.categories.indices {
      card.categories[index].count -= removed[card.categories[index].id] ?? 0
    }
    return rescored(card, scored: scored, wrong: wrong)
  }

  /// `card` (hits already filtered) with its index computed again without the contributions
  /// of hits in `wrong` (see `removing(_:from:memo:)`).
  static func rescored(_ card: ScoreCard, scored: ScoreCard, wrong: Set<HitKey>) -> ScoreCard {
    var card = card
    func isWrong(_ part: Contribution) -> Bool {
      wrong.contains(HitKey(entry: part.entry, paragraph: part.paragraph, start: part.start))
    }
    func component(_ parts: [Contribution]) -> IndexComponent {
      IndexComponent(
        points: (parts.reduce(0) { $0 + $1.points } * 1000).rounded() / 1000,
        contributions: parts)
    }
    let cutLeft = card.hits.contains { $0.role == CategoryRole.cut.rawValue }
    let hadCuts = scored.hits.contains { $0.role == CategoryRole.cut.rawValue }
    var index = card.index
    index.framing = component(index.framing.contributions.filter { !isWrong($0) })
    index.vagueness = component(index.vagueness.contributions.filter { !isWrong($0) })
    index.attribution = component(
      index.attribution.contributions.filter { !isWrong($0) && (cutLeft || !hadCuts) })
    index.signals = index.signals.filter { !isWrong($0) }
    index.alternatives = index.alternatives.filter { !isWrong($0) }
    let raw = index.framing.points + index.attribution.points + index.vagueness.points
    let multiplier =
      raw > 0
      ? 1 + WashingIndex.signalStep * Double(min(WashingIndex.maxSignals, index.signals.count))
      : 1
    index.signalMultiplier = (multiplier * 100).rounded() / 100
    let counted = card.aiReason != .absent && card.aiReason != .denied
    index.points =
      counted
      ? (raw * multiplier / WashingIndex.lengthFactor(tokens: card.tokens) * 1000)
        .rounded() / 1000 : 0
    if counted && index.attribution.contributions.isEmpty
      && (card.aiReason == .explicit || card.aiReason == .implied)
    {
      card.aiReason = .framing
    }
    if counted && index.attribution.contributions.isEmpty && index.framing.contributions.isEmpty {
      card.aiReason = .absent
      index.points = 0
    }
    card.index = index
    card.score = WashingIndex.index(points: index.points)
    return card
  }
}
