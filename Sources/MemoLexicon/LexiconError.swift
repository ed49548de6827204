/// A problem with a lexicon: its files, an entry, a pattern or an example.
///
/// Every description starts with the location (`file:line:column:`, or the path when there is
/// no line), then says what is wrong and how to fix it.
public enum LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path has no `lexicon.yaml` (and no single sub-folder with one).
  case notALexicon(path: String)
  /// A file could not be read.
  case unreadable(path: String, reason: String)
  /// The YAML itself is malformed.
  case yamlSyntax(SourceLocation, problem: String)
  /// A key that the format does not define.
  case unknownKey(SourceLocation, key: String, allowed: [String])
  /// A required key is absent.
  case missingField(SourceLocation, field: String, owner: String)
  /// A value of the wrong shape (e.g. a mapping where a list is expected).
  case wrongType(SourceLocation, field: String, expected: String)
  /// `version` is not `major.minor.patch`.
  case badVersion(SourceLocation, value: String)
  /// An id that is not snake_case.
  case badIdentifier(SourceLocation, id: String)
  /// A weight that is not a number from 0.5 to 3.0.
  case badWeight(SourceLocation, value: String)
  /// A category role outside the five defined roles.
  case unknownRole(SourceLocation, role: String)
  /// A category file or entry names a category that `lexicon.yaml` does not declare.
  case unknownCategory(SourceLocation, category: String)
  /// A category declared in `lexicon.yaml` has no `<id>.yaml` file.
  case missingCategoryFile(SourceLocation, category: String)
  /// A category file whose `category:` differs from its file name.
  case categoryFileMismatch(SourceLocation, category: String, fileName: String)
  /// Two categories or two entries share an id.
  case duplicateID(SourceLocation, id: String, first: SourceLocation)
  /// Two entries have a pattern that matches the same token sequence.
  case duplicatePattern(
    SourceLocation, pattern: String, tokens: String, otherEntry: String, other: SourceLocation)
  /// Brackets or parentheses that do not pair up.
  case unbalanced(SourceLocation, pattern: String, problem: String)
  /// Other pattern syntax errors.
  case badPattern(SourceLocation, pattern: String, problem: String)
  /// A pattern that can never match, or would match without any word.
  case neverMatches(SourceLocation, pattern: String, reason: String)
  /// An exception's `action` is neither `suppress` nor `redirect`.
  case badAction(SourceLocation, action: String)
  /// A `redirect` exception names an entry that does not exist (or has no `to`).
  case unknownRedirect(SourceLocation, target: String)
  /// A `match` example that produced no hit of its entry.
  case exampleNotMatched(SourceLocation, entry: String, example: String, found: [String])
  /// A `no_match` example that produced a hit of its entry.
  case exampleMatched(SourceLocation, entry: String, example: String, surface: String)
  /// An `ai_framing` entry whose `match` example names no AI (no `ai_reference` hit).
  case framingWithoutAI(SourceLocation, entry: String, example: String)

  /// Where the problem is, when it has a place in a file.
  public var location: SourceLocation? {
    switch self {
    case .notALexicon, .unreadable: nil
    case .yamlSyntax(let at, _), .unknownKey(let at, _, _), .missingField(let at, _, _),
      .wrongType(let at, _, _), .badVersion(let at, _), .badIdentifier(let at, _),
      .badWeight(let at, _), .unknownRole(let at, _), .unknownCategory(let at, _),
      .missingCategoryFile(let at, _), .categoryFileMismatch(let at, _, _),
      .duplicateID(let at, _, _), .duplicatePattern(let at, _, _, _, _),
      .unbalanced(let at, _, _), .badPattern(let at, _, _), .neverMatches(let at, _, _),
      .badAction(let at, _), .unknownRedirect(let at, _),
      .exampleNotMatched(let at, _, _, _), .exampleMatched(let at, _, _, _),
      .framingWithoutAI(let at, _, _):
      at
    }
  }

  public var description: String {
    switch self {
    case .notALexicon(let path):
      "\(path): no lexicon.yaml here; pass a lexicon folder such as Lexicons/ai-washing."
    case .unreadable(let path, let reason):
      "\(path): cannot read: \(reason). Check that the file exists and is readable UTF-8."
    case .yamlSyntax(let at, let problem):
      "\(at): YAML syntax error: \(problem). Fix the indentation or quoting here."
    case .unknownKey(let at, let key, let allowed):
      "\(at): unknown key '\(key)'; expected one of: \(allowed.joined(separator: ", "))."
    case .missingField(let at, let field, let owner):
      "\(at): \(owner) has no '\(field)'; add it (see Lexicons/README.md)."
    case .wrongType(let at, let field, let expected):
      "\(at): '\(field)' must be \(expected)."
    case .badVersion(let at, let value):
      "\(at): version '\(value)' is not a semantic version; write it as major.minor.patch, e.g. 1.0.0."
    case .badIdentifier(let at, let id):
      "\(at): id '\(id)' is not snake_case; use lower-case letters, digits and underscores."
    case .badWeight(let at, let value):
      "\(at): weight '\(value)' must be a number from 0.5 (faint) to 3.0 (signature phrase)."
    case .unknownRole(let at, let role):
      "\(at): role '\(role)' is not one of: \(CategoryRole.allCases.map(\.rawValue).joined(separator: ", "))."
    case .unknownCategory(let at, let category):
      "\(at): category '\(category)' is not declared in lexicon.yaml; add it under 'categories' or fix the name."
    case .missingCategoryFile(let at, let category):
      "\(at): category '\(category)' has no file \(category).yaml; create it or remove the category."
    case .categoryFileMismatch(let at, let category, let fileName):
      "\(at): category '\(category)' is in \(fileName); rename the file to \(category).yaml or fix 'category'."
    case .duplicateID(let at, let id, let first):
      "\(at): id '\(id)' is already used at \(first); ids must be unique across the lexicon."
    case .duplicatePattern(let at, let pattern, let tokens, let otherEntry, let other):
      "\(at): pattern '\(pattern)' matches the same words ('\(tokens)') as entry '\(otherEntry)' at \(other); keep it in one entry."
    case .unbalanced(let at, let pattern, let problem):
      "\(at): pattern '\(pattern)' has \(problem); close every '(' with ')' and every '[' with ']'."
    case .badPattern(let at, let pattern, let problem):
      "\(at): pattern '\(pattern)': \(problem)."
    case .neverMatches(let at, let pattern, let reason):
      "\(at): pattern '\(pattern)' \(reason); give it at least one word or number."
    case .badAction(let at, let action):
      "\(at): action '\(action)' must be 'suppress' or 'redirect' (with 'to: entry_id')."
    case .unknownRedirect(let at, let target):
      target.isEmpty
        ? "\(at): a redirect exception needs 'to: entry_id'; add the entry it should count as."
        : "\(at): exception redirects to '\(target)', which is not an entry id; fix the id or use 'suppress'."
    case .exampleNotMatched(let at, let entry, let example, let found):
      "\(at): example of '\(entry)' does not match: '\(example)'"
        + (found.isEmpty
          ? " (no entry matched)" : " (matched instead: \(found.joined(separator: ", ")))")
        + "; fix the patterns or the example."
    case .exampleMatched(let at, let entry, let example, let surface):
      "\(at): no_match example of '\(entry)' matches ('\(surface)'): '\(example)'; narrow the patterns or add an exception."
    case .framingWithoutAI(let at, let entry, let example):
      "\(at): example of ai_framing entry '\(entry)' names no AI: '\(example)'; move the entry to a role that needs no AI (restructuring) or reword the example."
    }
  }
}

/// A place in a lexicon file: path, 1-based line and column (in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file's path as the lexicon folder was given plus the file name.
  public var file: String
  /// The line, from 1; 0 when unknown.
  public var line: Int
  /// The column, from 1; 0 when unknown.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, or just `file` when the line is unknown.
  public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

extension LexiconError {
  /// Problems ordered by file, line and column; those without a place first, order kept.
  static func sortedByLocation(_ errors: [LexiconError]) -> [LexiconError] {
    errors.enumerated().sorted { left, right in
      let a = left.element.location
      let b = right.element.location
      let keyA = (a?.file ?? "", a?.line ?? 0, a?.column ?? 0, left.offset)
      let keyB = (b?.file ?? "", b?.line ?? 0, b?.column ?? 0, right.offset)
      return keyA < keyB
    }.map(\.element)
  }
}
