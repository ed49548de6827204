import Foundation

/// Renders Markdown to HTML with cmark-gfm, GitHub's CommonMark implementation, in two
/// flavours: strict CommonMark (no extensions) and GFM with tables, strikethrough and
/// autolinks on. Raw HTML is passed through (`--unsafe`), so a test sees any tag that memo text
/// managed to inject.
///
/// Tests that check rendering skip with a one-line note when the `cmark-gfm` binary is absent
/// (`apt-get install cmark-gfm`; CI installs it).
public enum CommonMark {
  /// A Markdown flavour.
  public enum Flavor: String, CaseIterable, Sendable {
    /// The CommonMark spec, no extensions.
    case commonMark = "CommonMark"
    /// GitHub-flavoured Markdown with extended autolinks.
    case gfm = "GFM"

    var arguments: [String] {
      switch self {
      case .commonMark: ["--unsafe"]
      case .gfm: ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink"]
      }
    }
  }

  /// The `cmark-gfm` binary on `PATH`, or nil.
  public static let binary: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
      let candidate = URL(fileURLWithPath: folder).appendingPathComponent("cmark-gfm")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }()

  /// Whether rendering checks can run.
  public static var isAvailable: Bool { binary != nil }

  /// The note a skipped check prints.
  public static let skipNote =
    "note: cmark-gfm not found; Markdown rendering checks skipped (apt-get install cmark-gfm)"

  /// The HTML of `markdown` in one flavour, or nil (after printing a note) without cmark-gfm.
  public static func html(_ markdown: String, _ flavor: Flavor) -> String? {
    guard let binary else {
      print(skipNote)
      return nil
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("memoscope-cmark-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let input = folder.appendingPathComponent("in.md")
      let output = folder.appendingPathComponent("out.html")
      try Data(markdown.utf8).write(to: input)
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      let process = Process()
      process.executableURL = binary
      process.arguments = flavor.arguments + [input.path]
      process.standardOutput = try FileHandle(forWritingTo: output)
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { return nil }
      return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    } catch {
      return nil
    }
  }

  /// The HTML in every flavour, with the flavour's name; empty without cmark-gfm.
  public static func renders(_ markdown: String) -> [(flavor: Flavor, html: String)] {
    Flavor.allCases.compactMap { flavor in html(markdown, flavor).map { (flavor, $0) } }
  }

  /// The `href` values of every link in rendered HTML.
  public static func linkTargets(in html: String) -> [String] {
    HTMLTags.all(in: html).compactMap { tag in
      guard tag.hasPrefix("a "), let start = tag.range(of: "href=\"") else { return nil }
      return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
  }

  /// What is wrong with rendered HTML that should hold only what Markdown itself makes: a tag
  /// outside Markdown's own, an attribute other than a cell's alignment or a code block's
  /// language, a live link (only links to `#anchors` are allowed), an escape character.
  ///
  /// - Parameter imagePrefix: When given, `<img>` is allowed with a `src` starting so (the
  ///   report's charts); `<a id=…>` anchors are then allowed too, and so is the link a memo card
  ///   makes to the memo's original page (`<a href="http(s)://…">original page</a>`, the only
  ///   web link Memoscope writes itself).
  public static func problems(in html: String, imagePrefix: String? = nil) -> [String] {
    var html = html
    if imagePrefix != nil {
      html = html.replacingOccurrences(
        of: #"<a href="https?://[^"<>\s]+">original page</a>"#, with: "original page",
        options: .regularExpression)
    }
    let allowed: Set<String> = [
      "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "p",
      "blockquote", "ul", "ol", "li", "code", "strong", "em", "br", "pre", "hr", "del",
    ]
    var problems: [String] = []
    for tag in HTMLTags.all(in: html) {
      let name = String(tag.prefix { $0 != " " && $0 != "/" }).lowercased()
      let attributes = String(tag.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
      switch name {
      case "a":
        let ok =
          attributes.isEmpty || attributes.hasPrefix("href=\"#")
          || (imagePrefix != nil && attributes.hasPrefix("id=\"") && !attributes.contains("href"))
        if !ok { problems.append("live link or foreign anchor <\(tag)>") }
      case "img":
        if let imagePrefix, attributes.hasPrefix("src=\"\(imagePrefix)") { continue }
        problems.append("image <\(tag)>")
      default:
        if !allowed.contains(name) { problems.append("tag <\(tag)>") }
        if !(attributes.isEmpty || attributes.hasPrefix("align=")
          || attributes.hasPrefix("class=\"language-"))
        {
          problems.append("attribute in <\(tag)>")
        }
      }
    }
    if html.contains("\u{1B}") { problems.append("escape character") }
    return problems
  }

  /// The column counts of every row of every table, one set per table; a table whose set has
  /// more than one member is ragged.
  public static func tableWidths(in html: String) -> [Set<Int>] {
    html.components(separatedBy: "<table>").dropFirst().map { table in
      let body = table.components(separatedBy: "</table>")[0]
      return Set(
        body.components(separatedBy: "<tr>").dropFirst().map { row in
          ["<td>", "<td ", "<th>", "<th "].reduce(0) {
            $0 + row.components(separatedBy: $1).count - 1
          }
        })
    }
  }
}
