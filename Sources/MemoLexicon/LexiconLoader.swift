import Foundation
import MemoCore
import MemoTokenization
import Yams

/// Reads a lexicon folder, collecting every problem rather than stopping at the first.
enum LexiconLoader {
  /// The lexicon (when its files could be read into a model) and every problem found.
  struct Outcome {
    var lexicon: Lexicon?
    var errors: [LexiconError]
  }

  /// Finds the lexicon folder: `path` itself when it holds `lexicon.yaml`, else its only
  /// sub-folder that does.
  static func resolveFolder(_ path: String) throws(LexiconError) -> String {
    let manager = FileManager.default
    let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    if manager.fileExists(atPath: trimmed + "/lexicon.yaml") { return trimmed }
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: trimmed, isDirectory: &isFolder), isFolder.boolValue else {
      throw .unreadable(path: trimmed, reason: "no such folder")
    }
    let children = ((try? manager.contentsOfDirectory(atPath: trimmed)) ?? []).sorted()
    let lexicons = children.filter { manager.fileExists(atPath: "\(trimmed)/\($0)/lexicon.yaml") }
    guard lexicons.count == 1 else { throw .notALexicon(path: trimmed) }
    return "\(trimmed)/\(lexicons[0])"
  }

  static func load(_ path: String, tokenizer: Tokenizer) -> Outcome {
    let folder: String
    do {
      folder = try resolveFolder(path)
    } catch {
      return Outcome(lexicon: nil, errors: [error])
    }
    var reader = Reader(folder: folder)
    return reader.read(tokenizer: tokenizer)
  }

  /// Reads files and YAML nodes, recording problems in `errors`.
  private struct Reader {
    let folder: String
    var errors: [LexiconError] = []
    var hash = StableHash()

    init(folder: String) { self.folder = folder }

    func location(_ node: Node?, _ file: String) -> SourceLocation {
      SourceLocation(
        file: "\(folder)/\(file)", line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    mutating func parse(_ file: String) -> Node? {
      let path = "\(folder)/\(file)"
      guard let data = FileManager.default.contents(atPath: path) else {
        errors.append(.unreadable(path: path, reason: "the file cannot be opened"))
        return nil
      }
      guard let text = String(data: data, encoding: .utf8) else {
        errors.append(.unreadable(path: path, reason: "the file is not UTF-8"))
        return nil
      }
      do {
        guard let node = try Yams.compose(yaml: text) else {
          errors.append(.missingField(location(nil, file), field: "content", owner: "the file"))
          return nil
        }
        return node
      } catch let error as YamlError {
        errors.append(Self.describe(error, at: path))
        return nil
      } catch {
        errors.append(.yamlSyntax(location(nil, file), problem: "\(error)"))
        return nil
      }
    }

    static func describe(_ error: YamlError, at path: String) -> LexiconError {
      func at(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: path, line: mark.line, column: mark.column)
      }
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        return .yamlSyntax(at(mark), problem: problem)
      case .duplicatedKeysInMapping(let duplicates, let context):
        return .yamlSyntax(
          at(context.mark),
          problem: "key '\(duplicates.first ?? "")' appears twice in the same mapping")
      case .reader(let problem, _, _, _):
        return .yamlSyntax(SourceLocation(file: path, line: 0, column: 0), problem: problem)
      default:
        return .yamlSyntax(SourceLocation(file: path, line: 0, column: 0), problem: "\(error)")
      }
    }

    /// The mapping's values by key, after checking its keys against `allowed`.
    mutating func fields(
      _ node: Node, _ file: String, allowed: [String], name: String
    ) -> [String: Node]? {
      guard let mapping = node.mapping else {
        errors.append(.wrongType(location(node, file), field: name, expected: "a mapping of keys"))
        return nil
      }
      var result: [String: Node] = [:]
      for (key, value) in mapping {
        let keyText = key.string ?? ""
        if allowed.contains(keyText) {
          result[keyText] = value
        } else {
          errors.append(.unknownKey(location(key, file), key: keyText, allowed: allowed))
        }
      }
      return result
    }

    mutating func string(
      _ fields: [String: Node], _ key: String, _ file: String, owner: String, at node: Node,
      required: Bool = true
    ) -> String? {
      guard let value = fields[key] else {
        if required { errors.append(.missingField(location(node, file), field: key, owner: owner)) }
        return nil
      }
      guard let scalar = value.scalar else {
        errors.append(
          .wrongType(location(value, file), field: key, expected: "a single line of text"))
        return nil
      }
      return scalar.string
    }

    mutating func list(
      _ fields: [String: Node], _ key: String, _ file: String, owner: String, at node: Node,
      required: Bool
    ) -> [Node]? {
      guard let value = fields[key] else {
        if required { errors.append(.missingField(location(node, file), field: key, owner: owner)) }
        return nil
      }
      guard let sequence = value.sequence else {
        errors.append(.wrongType(location(value, file), field: key, expected: "a list"))
        return nil
      }
      return Array(sequence)
    }

    mutating func stringList(
      _ fields: [String: Node], _ key: String, _ file: String, owner: String, at node: Node,
      required: Bool
    ) -> [(String, SourceLocation)] {
      guard let nodes = list(fields, key, file, owner: owner, at: node, required: required) else {
        return []
      }
      var result: [(String, SourceLocation)] = []
      for item in nodes {
        guard let scalar = item.scalar else {
          errors.append(.wrongType(location(item, file), field: key, expected: "a list of strings"))
          continue
        }
        result.append((scalar.string, location(item, file)))
      }
      return result
    }

    func isSnakeCase(_ id: String) -> Bool {
      guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
      return id.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
      }
    }

    func isSemanticVersion(_ text: String) -> Bool {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      return parts.count == 3
        && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    mutating func read(tokenizer: Tokenizer) -> Outcome {
      let manifestFile = "lexicon.yaml"
      let allFiles =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
      for file in allFiles {
        if let data = FileManager.default.contents(atPath: "\(folder)/\(file)") {
          hash.combine(data)
        }
      }
      guard let manifest = parse(manifestFile) else { return Outcome(lexicon: nil, errors: errors) }
      let manifestKeys = ["name", "version", "description", "categories"]
      guard
        let top = fields(manifest, manifestFile, allowed: manifestKeys, name: "lexicon.yaml")
      else { return Outcome(lexicon: nil, errors: errors) }
      let owner = "lexicon.yaml"
      let name = string(top, "name", manifestFile, owner: owner, at: manifest) ?? ""
      let version = string(top, "version", manifestFile, owner: owner, at: manifest) ?? ""
      if top["version"] != nil, !version.isEmpty, !isSemanticVersion(version) {
        errors.append(.badVersion(location(top["version"], manifestFile), value: version))
      }
      let description =
        string(top, "description", manifestFile, owner: owner, at: manifest, required: false) ?? ""

      var categories: [LexiconCategory] = []
      var categoryLocations: [String: SourceLocation] = [:]
      let categoryNodes =
        list(top, "categories", manifestFile, owner: owner, at: manifest, required: true) ?? []
      for node in categoryNodes {
        guard
          let item = fields(
            node, manifestFile, allowed: ["id", "title", "role", "description"], name: "categories")
        else { continue }
        let owner = "a category"
        guard let id = string(item, "id", manifestFile, owner: owner, at: node) else { continue }
        let categoryOwner = "category '\(id)'"
        let title = string(item, "title", manifestFile, owner: categoryOwner, at: node) ?? id
        let roleText = string(item, "role", manifestFile, owner: categoryOwner, at: node)
        let text =
          string(item, "description", manifestFile, owner: categoryOwner, at: node, required: false)
          ?? ""
        let here = location(item["id"], manifestFile)
        if !isSnakeCase(id) { errors.append(.badIdentifier(here, id: id)) }
        if let first = categoryLocations[id] {
          errors.append(.duplicateID(here, id: id, first: first))
          continue
        }
        categoryLocations[id] = here
        guard let roleText else { continue }
        guard let role = CategoryRole(rawValue: roleText) else {
          errors.append(.unknownRole(location(item["role"], manifestFile), role: roleText))
          continue
        }
        categories.append(LexiconCategory(id: id, title: title, role: role, description: text))
      }

      var entries: [LexiconEntry] = []
      var seenFiles = Set<String>()
      for file in allFiles where file != manifestFile {
        let stem = String(file.prefix(upTo: file.lastIndex(of: ".")!))
        guard let root = parse(file) else {
          seenFiles.insert(stem)
          continue
        }
        guard let top = fields(root, file, allowed: ["category", "entries"], name: file) else {
          continue
        }
        let fileOwner = file
        let category = string(top, "category", file, owner: fileOwner, at: root) ?? stem
        let categoryHere = location(top["category"] ?? root, file)
        if categoryLocations[category] == nil {
          errors.append(.unknownCategory(categoryHere, category: category))
        } else if category != stem {
          errors.append(.categoryFileMismatch(categoryHere, category: category, fileName: file))
        }
        seenFiles.insert(category)
        for node in list(top, "entries", file, owner: fileOwner, at: root, required: true) ?? [] {
          if let entry = readEntry(node, file: file, category: category) { entries.append(entry) }
        }
      }
      for category in categories where !seenFiles.contains(category.id) {
        errors.append(
          .missingCategoryFile(categoryLocations[category.id]!, category: category.id))
      }

      var firstEntry: [String: SourceLocation] = [:]
      for entry in entries {
        if let first = firstEntry[entry.id] {
          errors.append(.duplicateID(entry.location, id: entry.id, first: first))
        } else {
          firstEntry[entry.id] = entry.location
        }
      }

      let hashText = String(hash.value, radix: 16)
      let lexicon = Lexicon(
        name: name, version: version, description: description, folder: folder,
        hash: String(repeating: "0", count: 16 - hashText.count) + hashText,
        categories: categories, entries: entries, tokenizer: tokenizer, errors: &errors)
      return Outcome(lexicon: lexicon, errors: LexiconError.sortedByLocation(errors))
    }

    mutating func readEntry(_ node: Node, file: String, category: String) -> LexiconEntry? {
      let keys = [
        "id", "weight", "since", "changed", "patterns", "rationale", "sources", "examples",
        "exceptions", "context",
      ]
      guard let item = fields(node, file, allowed: keys, name: "entries") else { return nil }
      guard let id = string(item, "id", file, owner: "an entry", at: node) else { return nil }
      let here = location(item["id"], file)
      if !isSnakeCase(id) { errors.append(.badIdentifier(here, id: id)) }
      let owner = "entry '\(id)'"
      var weight = 1.0
      if let weightText = string(item, "weight", file, owner: owner, at: node) {
        if let value = Double(weightText), value >= 0.5, value <= 3.0 {
          weight = value
        } else {
          errors.append(.badWeight(location(item["weight"], file), value: weightText))
        }
      }
      let patterns = stringList(item, "patterns", file, owner: owner, at: node, required: true)
      if item["patterns"] != nil && patterns.isEmpty && item["patterns"]?.sequence != nil {
        errors.append(
          .wrongType(
            location(item["patterns"], file), field: "patterns", expected: "a non-empty list"))
      }
      let rationale = string(item, "rationale", file, owner: owner, at: node) ?? ""
      let since = string(item, "since", file, owner: owner, at: node, required: false)
      let changed = string(item, "changed", file, owner: owner, at: node, required: false)
      for (key, value) in [("since", since), ("changed", changed)] {
        if let value, !Self.isVersion(value) {
          errors.append(
            .wrongType(
              location(item[key], file), field: key, expected: "a version such as 2.0.0"))
        }
      }

      var sources: [EntrySource] = []
      for source in list(item, "sources", file, owner: owner, at: node, required: false) ?? [] {
        guard
          let parts = fields(
            source, file, allowed: ["company", "date", "memo", "url"], name: "sources")
        else { continue }
        sources.append(
          EntrySource(
            company: parts["company"]?.string, date: parts["date"]?.string,
            memo: parts["memo"]?.string, url: parts["url"]?.string))
      }

      var matchExamples: [LexiconExample] = []
      var noMatchExamples: [LexiconExample] = []
      if let examplesNode = item["examples"] {
        if let examples = fields(
          examplesNode, file, allowed: ["match", "no_match"], name: "examples")
        {
          matchExamples = stringList(
            examples, "match", file, owner: "the examples of '\(id)'", at: examplesNode,
            required: true
          ).map { LexiconExample(text: $0.0, location: $0.1) }
          noMatchExamples = stringList(
            examples, "no_match", file, owner: "the examples of '\(id)'", at: examplesNode,
            required: false
          ).map { LexiconExample(text: $0.0, location: $0.1) }
        }
      } else {
        errors.append(.missingField(location(node, file), field: "examples", owner: owner))
      }

      var exceptions: [LexiconException] = []
      for exception in list(item, "exceptions", file, owner: owner, at: node, required: false)
        ?? []
      {
        guard
          let parts = fields(
            exception, file, allowed: ["pattern", "action", "to"], name: "exceptions")
        else { continue }
        let exceptionOwner = "an exception of '\(id)'"
        guard let pattern = string(parts, "pattern", file, owner: exceptionOwner, at: exception)
        else { continue }
        let actionText =
          string(parts, "action", file, owner: exceptionOwner, at: exception) ?? "suppress"
        let action: ExceptionAction
        switch actionText {
        case "suppress":
          action = .suppress
        case "redirect":
          action = .redirect(to: parts["to"]?.string ?? "")
        default:
          errors.append(.badAction(location(parts["action"], file), action: actionText))
          continue
        }
        exceptions.append(
          LexiconException(
            pattern: pattern, action: action, location: location(parts["pattern"], file),
            actionLocation: location(parts["to"] ?? parts["pattern"], file)))
      }

      var contexts: [LexiconContext] = []
      for context in list(item, "context", file, owner: owner, at: node, required: false) ?? [] {
        guard
          let parts = fields(context, file, allowed: ["pattern", "reach"], name: "context"),
          let pattern = string(parts, "pattern", file, owner: "a context of '\(id)'", at: context)
        else { continue }
        var reach = 0
        if let reachText = string(
          parts, "reach", file, owner: "a context of '\(id)'", at: context, required: false)
        {
          if let value = Int(reachText), value >= 0, value <= Self.maxContextReach {
            reach = value
          } else {
            errors.append(
              .wrongType(
                location(parts["reach"], file), field: "reach",
                expected: "a number of sentences from 0 to \(Self.maxContextReach)"))
          }
        }
        contexts.append(
          LexiconContext(pattern: pattern, reach: reach, location: location(parts["pattern"], file))
        )
      }

      return LexiconEntry(
        id: id, category: category, weight: weight, patterns: patterns.map(\.0),
        patternLocations: patterns.map(\.1), rationale: rationale, sources: sources,
        matchExamples: matchExamples, noMatchExamples: noMatchExamples, exceptions: exceptions,
        location: here, since: since, changed: changed, contexts: contexts)
    }

    /// The widest `reach` a context may ask for: a context is local, not the whole memo.
    static let maxContextReach = 5

    /// True for a semantic version `MAJOR.MINOR.PATCH`.
    static func isVersion(_ text: String) -> Bool {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
  }
}
