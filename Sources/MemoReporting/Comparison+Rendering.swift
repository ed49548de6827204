import Foundation
import MemoCore

extension Comparison {
  /// Short names for the two sides: the company when known, else the file name; "A" and "B"
  /// when the two names are the same.
  var sideNames: (left: String, right: String) {
    func name(_ side: Side) -> String {
      let company = MarkdownText.flatten(side.company ?? "")
      if !company.isEmpty { return company }
      return String(side.source.split(separator: "/").last ?? Substring(side.source))
    }
    let l = name(left)
    let r = name(right)
    return l == r || l.isEmpty || r.isEmpty ? ("A", "B") : (l, r)
  }

  /// The comparison as a Markdown document a reporter can paste.
  public var markdown: String {
    let names = sideNames
    let a = Inline.text(names.left)
    let b = Inline.text(names.right)
    var document = MarkdownDocument()
    document.heading(1, "Comparison: \(a) and \(b)")
    let overview = paragraphCounts
    document.paragraph(
      """
      \(overview.matched) paragraphs correspond (\(overview.identical) word for word); \
      \(overview.moved) moved; \(overview.leftOnly) only in \(a); \(overview.rightOnly) only \
      in \(b). Passages \
      found in both make up \(.markup(Self.percent(left.sharedCoverage))) of \(a)'s words and \
      \(.markup(Self.percent(right.sharedCoverage))) of \(b)'s. \(sharedBuzzwords.count) \
      lexicon \(.markup(sharedBuzzwords.count == 1 ? "entry is" : "entries are")) used by \
      both.
      """)
    document.table(
      ["", a, b],
      rows: [
        ["Source", .text(left.source), .text(right.source)],
        ["Company", .text(left.company ?? ""), .text(right.company ?? "")],
        ["Author", .text(left.author ?? ""), .text(right.author ?? "")],
        ["Date", .text(left.date ?? ""), .text(right.date ?? "")],
        ["Title", .text(left.title ?? ""), .text(right.title ?? "")],
        ["Words", "\(left.words)", "\(right.words)"],
        ["Paragraphs", "\(left.paragraphs)", "\(right.paragraphs)"],
        ["AI-washing index", .markup(Self.format(left.index)), .markup(Self.format(right.index))],
        [
          "Words in shared passages", .markup(Self.percent(left.sharedCoverage)),
          .markup(Self.percent(right.sharedCoverage)),
        ],
      ])
    document.paragraph(.text("Lexicon: \(lexicon)."))

    document.heading(2, "Scores by category")
    document.table(
      ["Category", "\(a) hits", "\(b) hits", "\(a) phrases", "\(b) phrases"],
      alignments: [.left, .right, .right, .left, .left],
      rows: categories.map { row in
        [
          .text(row.title), "\(row.leftHits)", "\(row.rightHits)",
          .joined(row.leftPhrases.map { "“\($0)”" }), .joined(row.rightPhrases.map { "“\($0)”" }),
        ]
      })

    let counts = paragraphCounts
    document.heading(2, "Paragraphs")
    document.paragraph(
      """
      \(counts.matched) paragraphs correspond (\(counts.identical) word for word); \
      \(counts.moved) moved; \(counts.leftOnly) only in \(a); \(counts.rightOnly) only in \
      \(b). Inside corresponding paragraphs, ~~struck~~ words are only in \(a) and **bold** \
      words only in \(b). Paragraphs are numbered from 1 (¶ 1 is the first).
      """)
    if coarseParagraphs > 0 {
      document.paragraph(
        """
        \(coarseParagraphs) paragraphs lie in stretches too long to align by similarity; \
        there, only paragraphs with the same words were matched.
        """)
    }
    for row in paragraphs {
      switch row.kind {
      case "matched":
        let similarity = Self.format(row.similarity ?? 0, decimals: 2)
        let identical = row.changes.isEmpty ? ", identical" : ""
        document.heading(
          3,
          "\(a) ¶ \(row.left ?? 0) ↔ \(b) ¶ \(row.right ?? 0) (similarity \(.markup(similarity))\(.markup(identical)))"
        )
        var quoted: Inline = ""
        for (index, segment) in row.segments.enumerated() {
          var piece: Inline
          var glued: Bool
          if let same = segment.same {
            piece = .text(same)
            glued = segment.leftGlued
          } else {
            var parts: [Inline] = []
            if let removed = segment.removed, !removed.isEmpty {
              parts.append(.markup("~~") + .text(removed) + .markup("~~"))
            }
            if let added = segment.added, !added.isEmpty {
              parts.append(.strong(.text(added)))
            }
            piece = .joined(parts, separator: " ")
            glued =
              segment.removed?.isEmpty == false ? segment.leftGlued : segment.rightGlued
          }
          quoted = index == 0 ? piece : quoted + (glued ? "" : " ") + piece
        }
        document.quote(quoted)
      case "moved":
        document.heading(3, "Moved: \(a) ¶ \(row.left ?? 0) → \(b) ¶ \(row.right ?? 0)")
        document.quote(.text(row.leftText ?? ""))
      case "left_only":
        document.heading(3, "Only in \(a): ¶ \(row.left ?? 0)")
        document.quote(.text(row.leftText ?? ""))
      default:
        document.heading(3, "Only in \(b): ¶ \(row.right ?? 0)")
        document.quote(.text(row.rightText ?? ""))
      }
    }

    document.heading(2, "Shared passages")
    if passages.isEmpty {
      document.paragraph("No passage of several words appears in both memos.")
    } else {
      document.paragraph(
        """
        \(passages.count) \(passages.count == 1 ? "passage appears" : "passages appear") in \
        both memos. They make up \
        \(.markup(Self.percent(left.sharedCoverage))) of \(a)'s words and \
        \(.markup(Self.percent(right.sharedCoverage))) of \(b)'s.
        """)
      document.table(
        ["#", "Words", "Passage (as in \(a))"], alignments: [.right, .right, .left],
        rows: passages.enumerated().map { index, passage in
          ["\(index + 1)", "\(passage.words)", "“\(passage.text)”"]
        })
    }

    document.heading(2, "Buzzwords")
    func buzzwordTable(_ title: Inline, _ words: [Buzzword]) {
      document.heading(3, title)
      if words.isEmpty {
        document.paragraph("None.")
        return
      }
      document.table(
        ["Phrase", "Entry", "\(a) hits", "\(b) hits"], alignments: [.left, .left, .right, .right],
        rows: words.map {
          ["“\($0.surface)”", .code($0.entryID), "\($0.leftCount)", "\($0.rightCount)"]
        })
    }
    buzzwordTable("Used by both", sharedBuzzwords)
    buzzwordTable("Only in \(a)", leftOnlyBuzzwords)
    buzzwordTable("Only in \(b)", rightOnlyBuzzwords)
    return document.markdown
  }

  /// The comparison as pretty-printed JSON with sorted keys, ending in a newline.
  public var json: String {
    // Plain values with finite numbers: encoding cannot fail.
    ((try? JSONWriter.encode(self, style: .pretty)) ?? "{}") + "\n"
  }

  /// The comparison laid out in two columns for a terminal.
  public func terminal(_ layout: TerminalLayout) -> String {
    let names = sideNames
    var lines: [String] = []
    func heading(_ text: String) {
      lines.append("")
      lines += layout.block([StyledSpan(text, .heading)])
      lines.append(layout.rule())
    }
    func pair(_ label: String, _ l: String, _ r: String, style: TerminalStyle = .plain) {
      lines += layout.columns(
        [StyledSpan(label, .dim), StyledSpan(l, style)],
        [StyledSpan(label, .dim), StyledSpan(r, style)])
    }
    lines += layout.columns([StyledSpan(names.left, .bold)], [StyledSpan(names.right, .bold)])
    lines.append(layout.rule())
    pair("Source:", left.source, right.source)
    pair("Company:", left.company ?? "—", right.company ?? "—")
    pair("Author:", left.author ?? "—", right.author ?? "—")
    pair("Date:", left.date ?? "—", right.date ?? "—")
    pair("Title:", left.title ?? "—", right.title ?? "—")
    pair(
      "Length:", "\(left.words) words, \(left.paragraphs) paragraphs",
      "\(right.words) words, \(right.paragraphs) paragraphs")
    pair("Index:", Self.format(left.index), Self.format(right.index), style: .bold)
    pair(
      "Shared:", "\(Self.percent(left.sharedCoverage)) of words in shared passages",
      "\(Self.percent(right.sharedCoverage)) of words in shared passages")

    heading("Scores by category (hits)")
    for row in categories where row.leftHits + row.rightHits > 0 {
      func spans(_ hits: Int, _ phrases: [String]) -> [StyledSpan] {
        [StyledSpan("\(row.title):", .dim), StyledSpan("\(hits)", .bold)]
          + (phrases.isEmpty ? [] : [StyledSpan(phrases.map { "“\($0)”" }.joined(separator: ", "))])
      }
      lines += layout.columns(
        spans(row.leftHits, row.leftPhrases), spans(row.rightHits, row.rightPhrases))
    }
    let quiet = categories.filter { $0.leftHits + $0.rightHits == 0 }.map(\.title)
    if !quiet.isEmpty {
      lines += layout.block([
        StyledSpan("No hits on either side: " + quiet.joined(separator: ", "), .dim)
      ])
    }

    let counts = paragraphCounts
    heading("Paragraphs")
    lines += layout.block([
      StyledSpan(
        """
        \(counts.matched) correspond (\(counts.identical) word for word); \(counts.moved) moved; \
        \(counts.leftOnly) only in \(names.left); \(counts.rightOnly) only in \(names.right).
        """, .dim)
    ])
    if coarseParagraphs > 0 {
      lines += layout.block([
        StyledSpan(
          "\(coarseParagraphs) paragraphs lie in stretches too long to align by similarity; "
            + "there, only paragraphs with the same words were matched.", .dim)
      ])
    }
    for row in paragraphs {
      lines.append("")
      switch row.kind {
      case "matched":
        var leftSpans = [StyledSpan("¶\(row.left ?? 0)", .dim)]
        var rightSpans = [StyledSpan("¶\(row.right ?? 0)", .dim)]
        for segment in row.segments {
          if let same = segment.same {
            leftSpans.append(StyledSpan(same, glued: segment.leftGlued))
            rightSpans.append(StyledSpan(same, glued: segment.rightGlued))
          } else {
            if let removed = segment.removed {
              leftSpans.append(StyledSpan(removed, .removed, glued: segment.leftGlued))
            }
            if let added = segment.added {
              rightSpans.append(StyledSpan(added, .added, glued: segment.rightGlued))
            }
          }
        }
        lines += layout.columns(leftSpans, rightSpans)
      case "moved":
        lines += layout.columns(
          [
            StyledSpan("¶\(row.left ?? 0)", .dim), StyledSpan(row.leftText ?? ""),
            StyledSpan("(moved to ¶\(row.right ?? 0))", .dim),
          ],
          [
            StyledSpan("¶\(row.right ?? 0)", .dim), StyledSpan(row.rightText ?? ""),
            StyledSpan("(moved from ¶\(row.left ?? 0))", .dim),
          ])
      case "left_only":
        lines += layout.columns(
          [StyledSpan("¶\(row.left ?? 0)", .dim), StyledSpan(row.leftText ?? "", .highlight)],
          [StyledSpan("(no corresponding paragraph)", .dim)])
      default:
        lines += layout.columns(
          [StyledSpan("(no corresponding paragraph)", .dim)],
          [StyledSpan("¶\(row.right ?? 0)", .dim), StyledSpan(row.rightText ?? "", .highlight)])
      }
    }

    heading("Shared passages")
    if passages.isEmpty {
      lines += layout.block([StyledSpan("No passage of several words appears in both memos.")])
    }
    for (index, passage) in passages.enumerated() {
      lines += layout.block(
        [
          StyledSpan("\(index + 1).", .dim), StyledSpan("“\(passage.text)”"),
          StyledSpan("(\(passage.words) words)", .dim),
        ], indent: 2)
    }

    heading("Buzzwords")
    func list(_ words: [Buzzword]) -> String {
      words.isEmpty
        ? "none"
        : words.map { "“\($0.surface)” \($0.leftCount)/\($0.rightCount)" }
          .joined(separator: ", ")
    }
    lines += layout.block([
      StyledSpan("Both (hits \(names.left)/\(names.right)):", .bold),
      StyledSpan(list(sharedBuzzwords)),
    ])
    lines += layout.columns(
      [StyledSpan("Only \(names.left):", .bold), StyledSpan(list(leftOnlyBuzzwords))],
      [StyledSpan("Only \(names.right):", .bold), StyledSpan(list(rightOnlyBuzzwords))])
    lines += layout.block([StyledSpan("Lexicon: \(lexicon)", .dim)])
    return lines.joined(separator: "\n") + "\n"
  }

  /// A number with `decimals` decimals, '.' as separator, independent of locale.
  static func format(_ value: Double, decimals: Int = 1) -> String {
    NumberText.fixed(value, decimals: decimals)
  }

  /// A share as a whole percentage, e.g. "62%".
  static func percent(_ share: Double) -> String { NumberText.percent(share) }
}
