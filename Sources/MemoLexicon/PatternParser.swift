/// A parsed pattern, before its words go through the tokenizer.
indirect enum PatternNode: Equatable, Sendable {
  /// Literal text. Its words match their inflections (see `Lemma`) unless `exact`: a word
  /// written `=word`; `inflect` for a word written `word~`, which inflects even a closed-class
  /// word (`do~`).
  case text(String, exact: Bool, inflect: Bool = false)
  /// `*`: exactly one token.
  case any
  /// `#`: one number token.
  case number
  /// `(a|b c)`: one of the alternatives.
  case choice([[PatternNode]])
  /// `[a b]`: the words or nothing.
  case optional([PatternNode])
}

/// What is wrong with a pattern's syntax.
enum PatternProblem: Error, Equatable {
  /// Parentheses or brackets do not pair up.
  case unbalanced(String)
  /// Any other syntax error.
  case syntax(String)
}

/// Parses the pattern syntax of Lexicons/README.md.
public enum PatternParser {
  /// The pattern's plain form: optional parts dropped, the first alternative of each choice,
  /// `~` removed, white space collapsed. `[far] fewer [management] layers` → `fewer layers`.
  public static func plainForm(_ pattern: String) -> String {
    guard let nodes = try? parse(pattern) else { return pattern }
    return render(nodes).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func render(_ nodes: [PatternNode]) -> String {
    nodes.map { node -> String in
      switch node {
      case .text(let text, _, _): text
      case .any: " * "
      case .number: " # "
      case .choice(let alternatives): " " + render(alternatives.first ?? []) + " "
      case .optional: " "
      }
    }.joined()
  }

  static func parse(_ pattern: String) throws(PatternProblem) -> [PatternNode] {
    var parser = Parser(scalars: Array(pattern.unicodeScalars))
    let nodes = try parser.sequence(closer: nil)
    return nodes
  }

  private struct Parser {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
      "()[]|".unicodeScalars.contains(scalar)
    }

    /// Whether `*` or `#` at `index` stands alone (white space or syntax on both sides).
    func standsAlone(_ index: Int) -> Bool {
      let before =
        index == 0 || scalars[index - 1].properties.isWhitespace
        || Self.isSyntax(scalars[index - 1])
      let after =
        index + 1 == scalars.count || scalars[index + 1].properties.isWhitespace
        || Self.isSyntax(scalars[index + 1])
      return before && after
    }

    /// Parses until `closer` (`)`, `]`) or the end; inside either also stops at `|`.
    mutating func sequence(closer: Unicode.Scalar?) throws(PatternProblem) -> [PatternNode] {
      var nodes: [PatternNode] = []
      var text = ""
      func flush() {
        if !text.trimmingWhitespace.isEmpty { nodes.append(.text(text, exact: false)) }
        text = ""
      }
      while position < scalars.count {
        let scalar = scalars[position]
        switch scalar {
        case "(":
          flush()
          position += 1
          var alternatives: [[PatternNode]] = []
          while true {
            let alternative = try sequence(closer: ")")
            guard position < scalars.count else { throw .unbalanced("an unclosed '('") }
            if alternative.isEmpty {
              throw .syntax("empty alternative in '( )'; use [word] for an optional word")
            }
            alternatives.append(alternative)
            let separator = scalars[position]
            position += 1
            if separator == ")" { break }
          }
          nodes.append(.choice(alternatives))
        case "[":
          flush()
          position += 1
          var alternatives: [[PatternNode]] = []
          while true {
            let alternative = try sequence(closer: "]")
            guard position < scalars.count else { throw .unbalanced("an unclosed '['") }
            if alternative.isEmpty {
              throw .syntax("empty '[ ]' or '[a|]'; put a word in each part")
            }
            alternatives.append(alternative)
            let separator = scalars[position]
            position += 1
            if separator == "]" { break }
          }
          nodes.append(
            .optional(alternatives.count == 1 ? alternatives[0] : [.choice(alternatives)]))
        case ")", "]":
          if scalar == closer {
            flush()
            return nodes
          }
          throw .unbalanced(
            closer == nil
              ? "a '\(scalar)' without its opening '\(scalar == ")" ? "(" : "[")'"
              : "a '\(scalar)' where '\(closer!)' was expected")
        case "|":
          guard closer != nil else {
            throw .syntax("'|' outside parentheses; write alternatives as (a|b)")
          }
          flush()
          return nodes
        case "~":
          // Every word inflects by default; `~` is kept so that older lexicons load.
          guard let last = text.unicodeScalars.last, !last.properties.isWhitespace else {
            throw .syntax("'~' must follow a word, as in flatten~")
          }
          let scalars = text.unicodeScalars
          let wordStart =
            scalars.lastIndex(where: { $0.properties.isWhitespace }).map(scalars.index(after:))
            ?? scalars.startIndex
          let word = String(scalars[wordStart...])
          text = String(scalars[..<wordStart])
          flush()
          nodes.append(.text(word, exact: false, inflect: true))
        case "=" where text.unicodeScalars.last.map({ $0.properties.isWhitespace }) ?? true:
          flush()
          position += 1
          var word = ""
          while position < scalars.count, !scalars[position].properties.isWhitespace,
            !Self.isSyntax(scalars[position]), scalars[position] != "~"
          {
            word.unicodeScalars.append(scalars[position])
            position += 1
          }
          if word.isEmpty { throw .syntax("'=' must come before a word, as in =new") }
          if position < scalars.count, scalars[position] == "~" {
            throw .syntax("'=\(word)~': a word is either exact (=) or inflected, not both")
          }
          nodes.append(.text(word, exact: true))
          continue
        case "*", "#":
          if standsAlone(position) {
            flush()
            nodes.append(scalar == "*" ? .any : .number)
          } else {
            text.unicodeScalars.append(scalar)
          }
        default:
          text.unicodeScalars.append(scalar)
        }
        position += 1
      }
      flush()
      return nodes
    }
  }
}

extension String {
  var trimmingWhitespace: Substring {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return Substring(scalars[first...last])
  }
}
