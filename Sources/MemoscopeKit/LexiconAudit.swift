import CSV
import Foundation
import MemoCore
import MemoExtraction
import MemoLexicon
import MemoScoring

/// `memoscope lexicon audit`: a keyword-in-context sample of each entry's hits for a person to
/// mark right or wrong, and the per-entry precision read back from the marked file (the
/// workflow of the LIWC dictionary workbench and sense checks).
public enum LexiconAudit {
  /// One sampled hit.
  public struct Line: Sendable, Equatable {
    /// The entry id.
    public var entry: String
    /// The entry's category and its role (layer).
    public var category: String
    public var role: String
    /// The memo's source and the 1-based paragraph.
    public var source: String
    public var paragraph: Int
    /// Context before, the matched words, context after.
    public var before: String
    public var match: String
    public var after: String
    /// How many hits the entry has in all the memos sampled from (the sample's population).
    public var entryHits: Int = 0
  }

  /// The CSV header; `correct` is the column a person fills with y or n.
  public static let header = [
    "line", "entry", "category", "role", "source", "paragraph", "before", "match", "after",
    "entry_hits", "correct",
  ]

  /// Samples up to `perEntry` hits of every entry (distancing included) from the memos under
  /// `paths`, spread over the memos by a stable hash of (source, paragraph, position), so the
  /// same inputs give the same sample. Entries come in lexicon order.
  ///
  /// - Returns: The sample and the extraction errors (one bad file never stops the batch).
  public static func sample(
    _ paths: [String], scorer: Scorer, perEntry: Int,
    options: ExtractionOptions = ExtractionOptions()
  ) -> (lines: [Line], errors: [ExtractionError]) {
    var byEntry: [String: [(key: UInt64, line: Line)]] = [:]
    var errors: [ExtractionError] = []
    ScoringBatch.forEach(Corpus(paths: paths, options: options), scorer: scorer) { result in
      switch result {
      case .failure(let error):
        errors.append(error)
      case .success(let card):
        for entry in card.hits + card.distancing {
          for match in entry.matches {
            let key = StableHash.of("\(card.source)\u{1F}\(match.paragraph)\u{1F}\(match.start)")
            byEntry[entry.id, default: []].append(
              (
                key,
                Line(
                  entry: entry.id, category: entry.category, role: entry.role,
                  source: card.source, paragraph: match.paragraph, before: match.before,
                  match: match.text, after: match.after)
              ))
          }
        }
      }
    }
    var lines: [Line] = []
    for entry in scorer.lexicon.entries {
      guard let hits = byEntry[entry.id] else { continue }
      let chosen = hits.sorted { ($0.key, $0.line.source) < ($1.key, $1.line.source) }
        .prefix(perEntry).map { sampled in
          var line = sampled.line
          line.entryHits = hits.count
          return line
        }
      lines.append(contentsOf: chosen)
    }
    return (lines, errors)
  }

  /// The sample as Markdown: one section per category, one table per entry, an empty mark
  /// column.
  public static func markdown(_ lines: [Line], lexicon: Lexicon, perEntry: Int) -> String {
    var text = "# Lexicon audit: \(lexicon.name) \(lexicon.version) (hash \(lexicon.hash))\n\n"
    text +=
      "Up to \(perEntry) hits per entry. Mark each line right or wrong in the CSV's `correct`"
      + " column (y or n), then run `memoscope lexicon audit --import FILE.csv`.\n"
    var category = ""
    var entry = ""
    for (index, line) in lines.enumerated() {
      if line.category != category {
        category = line.category
        text += "\n## \(escape(category)) (\(line.role))\n"
      }
      if line.entry != entry {
        entry = line.entry
        text += "\n### \(escape(entry))\n\n| # | Source | ¶ | In context | Right? |\n"
        text += "| ---: | --- | ---: | --- | --- |\n"
      }
      text +=
        "| \(index + 1) | \(escape(line.source)) | \(line.paragraph) | \(escape(line.before))"
        + "**\(escape(line.match))**\(escape(line.after)) |  |\n"
    }
    if lines.isEmpty { text += "\nNo entry matched.\n" }
    return text
  }

  /// The sample as CSV (RFC 4180) with the `correct` column empty.
  public static func csv(_ lines: [Line]) -> String {
    var rows = [header]
    for (index, line) in lines.enumerated() {
      rows.append([
        String(index + 1), line.entry, line.category, line.role, line.source,
        String(line.paragraph), line.before, line.match, line.after, String(line.entryHits), "",
      ])
    }
    return writeCSV(rows)
  }

  /// One entry's precision from a marked file.
  public struct Precision: Sendable, Equatable {
    public var entry: String
    public var category: String
    public var marked: Int
    public var correct: Int
    public var value: Double { marked == 0 ? 0 : Double(correct) / Double(marked) }
  }

  /// A problem with a marked file.
  public enum ImportError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missingColumn(path: String, column: String)
    case badMark(path: String, line: Int, value: String)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason):
        "\(path): cannot read the marked file (\(reason))."
      case .missingColumn(let path, let column):
        "\(path): no '\(column)' column; import the CSV that 'memoscope lexicon audit' wrote."
      case .badMark(let path, let line, let value):
        "\(path):\(line): mark '\(value)' is neither right (y, yes, 1, true) nor wrong (n, no,"
          + " 0, false); leave it empty to skip the line."
      }
    }
  }

  /// Reads a marked CSV and gives each marked entry's precision, in file order of first
  /// appearance. Empty marks are skipped.
  public static func precision(ofMarkedFile path: String) throws(ImportError) -> [Precision] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    let text = String(decoding: data, as: UTF8.self)
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true)
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
    let columns = reader.headerRow ?? []
    func column(_ name: String) throws(ImportError) -> Int {
      guard let index = columns.firstIndex(of: name) else {
        throw .missingColumn(path: path, column: name)
      }
      return index
    }
    let entryColumn = try column("entry")
    let categoryColumn = try column("category")
    let markColumn = try column("correct")
    var order: [String] = []
    var results: [String: Precision] = [:]
    var line = 1
    while let row = reader.next() {
      line += 1
      guard row.count > max(entryColumn, markColumn, categoryColumn) else { continue }
      let mark = row[markColumn].trimmingCharacters(in: .whitespaces).lowercased()
      if mark.isEmpty { continue }
      let right: Bool
      switch mark {
      case "y", "yes", "1", "true", "✓", "x": right = true
      case "n", "no", "0", "false", "✗": right = false
      default: throw .badMark(path: path, line: line, value: row[markColumn])
      }
      let entry = row[entryColumn]
      if results[entry] == nil {
        order.append(entry)
        results[entry] = Precision(
          entry: entry, category: row[categoryColumn], marked: 0, correct: 0)
      }
      results[entry]!.marked += 1
      if right { results[entry]!.correct += 1 }
    }
    return order.map { results[$0]! }
  }

  /// The vetted precision of a lexicon, read from the marked audit file for its own version in
  /// the lexicon folder (`audit/<name>-<version>.csv`), as one sentence for reports: overall
  /// precision, how many sampled hits were checked out of how many, how many were wrong, on
  /// which inputs. Nil when there is no such file or it has no marks; a broken file is nil too
  /// (`lexicon audit --import` names its problem).
  public static func vettedPrecision(of lexicon: Lexicon) -> String? {
    let path = "\(lexicon.folder)/audit/\(lexicon.name)-\(lexicon.version).csv"
    guard FileManager.default.fileExists(atPath: path),
      let summary = try? summary(ofMarkedFile: path), summary.marked > 0
    else { return nil }
    let wrong = summary.marked - summary.correct
    let population =
      summary.population > 0 ? " of \(summary.population) hits" : " hits"
    let inputs = summary.inputs.isEmpty ? "" : " in " + summary.inputs.joined(separator: ", ")
    return NumberText.fixed(Double(summary.correct) / Double(summary.marked), decimals: 3)
      + " (\(summary.marked)\(population)\(inputs) checked by a person against lexicon "
      + "\(lexicon.version), \(wrong) wrong; per category in Lexicons/README.md)"
  }

  /// What a marked file covers: marked and correct lines, the hits of the entries it samples
  /// (from `entry_hits`, 0 when the column is absent) and the top folders of its sources.
  public struct Summary: Sendable, Equatable {
    public var marked: Int
    public var correct: Int
    public var population: Int
    public var inputs: [String]
  }

  /// Reads a marked file's totals (see `Summary`).
  public static func summary(ofMarkedFile path: String) throws(ImportError) -> Summary {
    let rows = try precision(ofMarkedFile: path)
    var summary = Summary(
      marked: rows.reduce(0) { $0 + $1.marked }, correct: rows.reduce(0) { $0 + $1.correct },
      population: 0, inputs: [])
    guard let data = FileManager.default.contents(atPath: path),
      let reader = try? CSVReader(string: String(decoding: data, as: UTF8.self), hasHeaderRow: true)
    else { return summary }
    let columns = reader.headerRow ?? []
    let entryColumn = columns.firstIndex(of: "entry")
    let hitsColumn = columns.firstIndex(of: "entry_hits")
    let sourceColumn = columns.firstIndex(of: "source")
    var counted = Set<String>()
    var inputs = Set<String>()
    while let row = reader.next() {
      if let entryColumn, let hitsColumn, row.count > max(entryColumn, hitsColumn),
        counted.insert(row[entryColumn]).inserted
      {
        summary.population += Int(row[hitsColumn]) ?? 0
      }
      if let sourceColumn, row.count > sourceColumn,
        let top = row[sourceColumn].split(separator: "/").first
      {
        inputs.insert(String(top) + "/")
      }
    }
    summary.inputs = inputs.sorted()
    return summary
  }

  /// Per-category precision from per-entry rows, categories in order of first appearance.
  public static func categoryPrecision(_ rows: [Precision]) -> [Precision] {
    var order: [String] = []
    var totals: [String: Precision] = [:]
    for row in rows {
      if totals[row.category] == nil {
        order.append(row.category)
        totals[row.category] = Precision(
          entry: "", category: row.category, marked: 0, correct: 0)
      }
      totals[row.category]!.marked += row.marked
      totals[row.category]!.correct += row.correct
    }
    return order.map { totals[$0]! }
  }

  /// A table of per-category precision (from per-entry rows).
  public static func categoryTable(_ rows: [Precision]) -> String {
    var text = "category,marked,correct,precision\n"
    for category in categoryPrecision(rows) {
      text +=
        "\(category.category),\(category.marked),\(category.correct),"
        + NumberText.fixed(category.value, decimals: 3) + "\n"
    }
    return text
  }

  /// A table of per-entry precision with the overall figure.
  public static func precisionTable(_ rows: [Precision]) -> String {
    var text = "entry,category,marked,correct,precision\n"
    for row in rows {
      text +=
        "\(row.entry),\(row.category),\(row.marked),\(row.correct),"
        + NumberText.fixed(row.value, decimals: 3) + "\n"
    }
    let marked = rows.reduce(0) { $0 + $1.marked }
    let correct = rows.reduce(0) { $0 + $1.correct }
    text +=
      "all,,\(marked),\(correct),"
      + NumberText.fixed(marked == 0 ? 0 : Double(correct) / Double(marked), decimals: 3) + "\n"
    return text
  }

  private static func writeCSV(_ rows: [[String]]) -> String {
    let stream = OutputStream(toMemory: ())
    guard let writer = try? CSVWriter(stream: stream) else { return "" }
    for row in rows { try? writer.write(row: row) }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  /// Markdown table cell text: pipes, brackets and emphasis characters escaped, line breaks
  /// flattened.
  private static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "|", "*", "_", "`", "[", "]", "<", ">", "\\", "#": result += "\\\(character)"
      case "\n", "\r": result += " "
      default: result.append(character)
      }
    }
    return result
  }
}
