/// Hand-written SVG for the report's charts. Every piece of text is escaped for XML, so a
/// company name or phrase cannot add elements, attributes or scripts.
public enum SVG {
  /// Escapes text for XML character data and attribute values, collapsing whitespace and
  /// dropping characters XML 1.0 does not allow.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in MarkdownText.flatten(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        let allowed = character.unicodeScalars.allSatisfy { scalar in
          scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
        }
        if allowed { out.append(character) }
      }
    }
    return out
  }

  /// Shortens text to at most `limit` characters, ending in "…" when cut.
  static func truncate(_ text: String, to limit: Int) -> String {
    let flat = MarkdownText.flatten(text)
    return flat.count <= limit ? flat : String(flat.prefix(max(1, limit - 1))) + "…"
  }

  /// A number with at most one decimal, no trailing zero, '.' as separator.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let whole = tenths / 10
    let fraction = abs(tenths % 10)
    return fraction == 0
      ? String(whole) : "\(tenths < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)"
  }

  static let font = "font-family=\"Helvetica, Arial, sans-serif\""

  /// The colour of a bar without a role.
  public static let defaultColor = "#3b6ea5"

  /// One colour per category role, the same in every chart: AI framing red, restructuring
  /// blue, signals amber, distancing green, alternative explanations grey.
  public static func color(forRole role: String) -> String {
    switch role {
    case "ai_framing": "#c0392b"
    case "restructuring": "#3b6ea5"
    case "signal": "#d68910"
    case "distancing": "#1e8449"
    case "alternative": "#7f8c8d"
    default: defaultColor
    }
  }

  static func header(width: Int, height: Int, title: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
    viewBox="0 0 \(width) \(height)" role="img" aria-label="\(escape(title))">
    <title>\(escape(title))</title>
    <rect width="\(width)" height="\(height)" fill="#ffffff"/>
    <text x="12" y="22" \(font) font-size="15" font-weight="bold" fill="#111111">\
    \(escape(title))</text>

    """
  }
}

/// A horizontal bar chart: one labelled bar per item, longest bar for the largest value.
public struct BarChart: Sendable, Equatable {
  /// One bar.
  public struct Bar: Sendable, Equatable {
    /// The label left of the bar.
    public var label: String
    /// The bar's value (0 or more).
    public var value: Double
    /// The bar's fill colour (`#rrggbb`, Memoscope-made).
    public var color: String

    /// Creates a bar.
    public init(label: String, value: Double, color: String = SVG.defaultColor) {
      self.label = label
      self.value = value
      self.color = color
    }
  }

  /// The chart's title.
  public var title: String
  /// The bars, top to bottom.
  public var bars: [Bar]
  /// The unit printed after each value, e.g. "hits".
  public var unit: String

  /// Creates a chart.
  public init(title: String, bars: [Bar], unit: String) {
    self.title = title
    self.bars = bars
    self.unit = unit
  }

  /// The chart as a standalone SVG document.
  public var svg: String {
    let labelWidth = min(
      280, max(80, (bars.map { SVG.truncate($0.label, to: 40).count }.max() ?? 0) * 7 + 16))
    let barArea = 360
    let width = labelWidth + barArea + 90
    let rowHeight = 24
    let top = 40
    let height = top + max(1, bars.count) * rowHeight + 16
    let maximum = max(bars.map(\.value).max() ?? 0, 1e-9)
    var out = SVG.header(width: width, height: height, title: title)
    if bars.isEmpty {
      out += "<text x=\"12\" y=\"\(top + 16)\" \(SVG.font) font-size=\"12\" fill=\"#555555\">"
      out += "No data.</text>\n"
    }
    for (index, bar) in bars.enumerated() {
      let y = top + index * rowHeight
      let length =
        bar.value <= 0 ? 0 : max(1, Int((Double(barArea) * bar.value / maximum).rounded()))
      out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" \(SVG.font) font-size=\"12\" "
      out +=
        "text-anchor=\"end\" fill=\"#222222\">\(SVG.escape(SVG.truncate(bar.label, to: 40)))</text>\n"
      out +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" "
      out += "fill=\"\(SVG.escape(bar.color))\"/>\n"
      out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\" \(SVG.font) font-size=\"12\" "
      out += "fill=\"#222222\">\(SVG.number(bar.value)) \(SVG.escape(unit))</text>\n"
    }
    out += "</svg>\n"
    return out
  }
}

/// A dot chart of when each phrase was used: one row per phrase, one dot per dated memo, the
/// earliest dot filled and labelled.
public struct TimelineChart: Sendable, Equatable {
  /// One dated use of a phrase.
  public struct Point: Sendable, Equatable {
    /// The memo's date.
    public var date: CalendarDate
    /// Who used the phrase (the company), shown for the earliest point.
    public var label: String

    /// Creates a point.
    public init(date: CalendarDate, label: String) {
      self.date = date
      self.label = label
    }
  }

  /// One phrase and its uses.
  public struct Row: Sendable, Equatable {
    /// The phrase.
    public var label: String
    /// Its dated uses, in any order (drawn sorted by date, then label).
    public var points: [Point]

    /// Creates a row.
    public init(label: String, points: [Point]) {
      self.label = label
      self.points = points
    }

    /// The points sorted by date, then label.
    public var sortedPoints: [Point] {
      points.sorted { ($0.date, $0.label) < ($1.date, $1.label) }
    }
  }

  /// The chart's title.
  public var title: String
  /// The rows, top to bottom.
  public var rows: [Row]
  /// The dates the axis must cover whatever the rows hold (the whole corpus's first and last
  /// memo), so that a phrase's absence before its first use shows; nil for the rows' own span.
  public var span: (first: CalendarDate, last: CalendarDate)?

  /// Creates a chart.
  public init(
    title: String, rows: [Row], span: (first: CalendarDate, last: CalendarDate)? = nil
  ) {
    self.title = title
    self.rows = rows
    self.span = span
  }

  public static func == (lhs: TimelineChart, rhs: TimelineChart) -> Bool {
    lhs.title == rhs.title && lhs.rows == rhs.rows && lhs.span?.first == rhs.span?.first
      && lhs.span?.last == rhs.span?.last
  }

  /// The chart as a standalone SVG document.
  public var svg: String {
    let labelWidth = min(
      260, max(80, (rows.map { SVG.truncate($0.label, to: 36).count }.max() ?? 0) * 7 + 16))
    let plotWidth = 520
    let width = labelWidth + plotWidth + 40
    let rowHeight = 34
    let top = 44
    let axisY = top + max(1, rows.count) * rowHeight + 4
    let height = axisY + 36
    let dates = rows.flatMap { $0.points.map(\.date) } + (span.map { [$0.first, $0.last] } ?? [])
    var out = SVG.header(width: width, height: height, title: title)
    guard rows.contains(where: { !$0.points.isEmpty }), let first = dates.min(),
      let last = dates.max()
    else {
      out += "<text x=\"12\" y=\"\(top + 16)\" \(SVG.font) font-size=\"12\" fill=\"#555555\">"
      out += "No dated uses.</text>\n</svg>\n"
      return out
    }
    // A first and last month padded by one month on each side.
    let start = CalendarDate(iso: "\(first.year)-\(first.month < 10 ? "0" : "")\(first.month)")!
    let endMonth = last.month == 12 ? 1 : last.month + 1
    let endYear = last.month == 12 ? last.year + 1 : last.year
    let end = CalendarDate(iso: "\(endYear)-\(endMonth < 10 ? "0" : "")\(endMonth)")!
    let span = max(1, end.dayNumber - start.dayNumber)
    func x(_ date: CalendarDate) -> Int {
      labelWidth + 10 + (plotWidth - 20) * (date.dayNumber - start.dayNumber) / span
    }
    // Axis with a tick at each month start (labelled every few months when the span is long).
    out += "<line x1=\"\(labelWidth)\" y1=\"\(axisY)\" x2=\"\(labelWidth + plotWidth)\" "
    out += "y2=\"\(axisY)\" stroke=\"#888888\"/>\n"
    let monthCount = (end.year - start.year) * 12 + end.month - start.month
    let labelEvery = max(1, (monthCount + 7) / 8)
    for step in 0...monthCount {
      let monthIndex = start.month - 1 + step
      let year = start.year + monthIndex / 12
      let month = monthIndex % 12 + 1
      let tick = CalendarDate(iso: "\(year)-\(month < 10 ? "0" : "")\(month)")!
      let tx = x(tick)
      out +=
        "<line x1=\"\(tx)\" y1=\"\(axisY)\" x2=\"\(tx)\" y2=\"\(axisY + 4)\" stroke=\"#888888\"/>\n"
      if step % labelEvery == 0 {
        out += "<text x=\"\(tx)\" y=\"\(axisY + 18)\" \(SVG.font) font-size=\"10\" "
        out +=
          "text-anchor=\"middle\" fill=\"#444444\">\(year)-\(month < 10 ? "0" : "")\(month)</text>\n"
      }
    }
    for (index, row) in rows.enumerated() {
      let y = top + index * rowHeight + rowHeight / 2
      out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 4)\" \(SVG.font) font-size=\"12\" "
      out +=
        "text-anchor=\"end\" fill=\"#222222\">\(SVG.escape(SVG.truncate(row.label, to: 36)))</text>\n"
      out += "<line x1=\"\(labelWidth)\" y1=\"\(y)\" x2=\"\(labelWidth + plotWidth)\" y2=\"\(y)\" "
      out += "stroke=\"#e4e4e4\"/>\n"
      let points = row.sortedPoints
      for (pointIndex, point) in points.enumerated().reversed() {
        let earliest = pointIndex == 0
        out += "<circle cx=\"\(x(point.date))\" cy=\"\(y)\" r=\"\(earliest ? 6 : 4)\" "
        out +=
          earliest ? "fill=\"#c0392b\"" : "fill=\"none\" stroke=\"#3b6ea5\" stroke-width=\"1.5\""
        out += "><title>\(SVG.escape(point.label)), \(point.date)</title></circle>\n"
      }
      if let earliest = points.first {
        // Labels right of the dot, or left of it when the dot is in the right part of the plot.
        let dotX = x(earliest.date)
        let leftSide = dotX > labelWidth + plotWidth * 3 / 5
        out += "<text x=\"\(leftSide ? dotX - 9 : dotX + 9)\" y=\"\(y - 7)\" \(SVG.font) "
        out += "font-size=\"10\"\(leftSide ? " text-anchor=\"end\"" : "") fill=\"#c0392b\">"
        out += "\(SVG.escape(SVG.truncate(earliest.label, to: 30))) (\(earliest.date))</text>\n"
      }
    }
    out += "</svg>\n"
    return out
  }
}

/// A grid of how many companies used each phrase in each calendar quarter: one row per
/// phrase, one column per quarter of the whole corpus, darker cells for more companies, the
/// number written in each cell.
public struct AdoptionChart: Sendable, Equatable {
  /// One phrase and its companies per quarter.
  public struct Row: Sendable, Equatable {
    /// The phrase (entry) shown.
    public var label: String
    /// Companies using it, one count per quarter of ``AdoptionChart/quarters``.
    public var counts: [Int]

    /// Creates a row.
    public init(label: String, counts: [Int]) {
      self.label = label
      self.counts = counts
    }
  }

  /// The chart's title.
  public var title: String
  /// The quarters, e.g. `2025-Q1`, left to right.
  public var quarters: [String]
  /// The rows, top to bottom.
  public var rows: [Row]

  /// Creates a chart.
  public init(title: String, quarters: [String], rows: [Row]) {
    self.title = title
    self.quarters = quarters
    self.rows = rows
  }

  /// The quarters from `first` to `last`, both included.
  public static func quarters(from first: CalendarDate, to last: CalendarDate) -> [String] {
    var out: [String] = []
    var current = first.quarterStart
    while current <= last {
      out.append(current.quarter)
      current = current.nextQuarter
    }
    return out
  }

  /// The chart as a standalone SVG document.
  public var svg: String {
    let labelWidth = min(
      260, max(80, (rows.map { SVG.truncate($0.label, to: 36).count }.max() ?? 0) * 7 + 16))
    let cell = max(18, min(44, 560 / max(1, quarters.count)))
    let top = 44
    let rowHeight = 26
    let width = labelWidth + cell * max(1, quarters.count) + 20
    let height = top + max(1, rows.count) * rowHeight + 40
    var out = SVG.header(width: width, height: height, title: title)
    guard !rows.isEmpty, !quarters.isEmpty else {
      out += "<text x=\"12\" y=\"\(top + 16)\" \(SVG.font) font-size=\"12\" fill=\"#555555\">"
      out += "No dated uses.</text>\n</svg>\n"
      return out
    }
    let maximum = max(1, rows.flatMap(\.counts).max() ?? 1)
    for (index, row) in rows.enumerated() {
      let y = top + index * rowHeight
      out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" \(SVG.font) font-size=\"12\" "
      out +=
        "text-anchor=\"end\" fill=\"#222222\">\(SVG.escape(SVG.truncate(row.label, to: 36)))</text>\n"
      for (column, count) in row.counts.enumerated() {
        let x = labelWidth + column * cell
        // White for none, then lighter to darker red by share of the largest count.
        let shade = count == 0 ? 255 : 230 - 170 * count / maximum
        let fill = count == 0 ? "#f4f4f4" : "#c0\(hex(shade))\(hex(shade))"
        out +=
          "<rect x=\"\(x + 1)\" y=\"\(y + 2)\" width=\"\(cell - 2)\" height=\"\(rowHeight - 4)\" "
        out +=
          "fill=\"\(fill)\"><title>\(SVG.escape(row.label)), \(quarters[column]): \(count)</title></rect>\n"
        if count > 0 {
          out += "<text x=\"\(x + cell / 2)\" y=\"\(y + 17)\" \(SVG.font) font-size=\"11\" "
          out +=
            "text-anchor=\"middle\" fill=\"\(shade < 150 ? "#ffffff" : "#222222")\">\(count)</text>\n"
        }
      }
    }
    let axisY = top + rows.count * rowHeight + 14
    let labelEvery = max(1, (quarters.count + 9) / 10)
    for (column, quarter) in quarters.enumerated() where column % labelEvery == 0 {
      out += "<text x=\"\(labelWidth + column * cell + cell / 2)\" y=\"\(axisY)\" \(SVG.font) "
      out +=
        "font-size=\"10\" text-anchor=\"middle\" fill=\"#444444\">\(SVG.escape(quarter))</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  private func hex(_ value: Int) -> String {
    let digits = Array("0123456789abcdef")
    let clamped = max(0, min(255, value))
    return String([digits[clamped >> 4], digits[clamped & 15]])
  }
}
