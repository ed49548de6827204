/// An input the corpus stream found but left out on purpose, and why.
///
/// Every command prints one `note:` line per exclusion on stderr; `report` lists them in its
/// exclusions table. Exclusions are not errors: the exit status stays 0 for them.
public struct InputExclusion: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// Why an input was left out.
  public enum Reason: Sendable, Equatable, Hashable {
    /// The same file (device and inode) was already read under `path`: the same path given
    /// twice, overlapping folders, or a symbolic link to a file already read.
    case sameFile(as: String)
    /// A folder already walked under `path`: a symbolic link loop or overlapping folders.
    case folderAlreadyRead(as: String)
    /// The bytes are identical to those of `path`, read earlier: counted once.
    case duplicateContent(of: String)
    /// A JSONL memo whose source file `path` is read in the same run.
    case sourceAlsoRead(path: String)
    /// One of Memoscope's own outputs (`kind`, e.g. "report", "score JSONL"), recognised by
    /// its content.
    case memoscopeOutput(kind: String)
    /// A folder's documentation (README, LICENSE, CHANGELOG), skipped in folder walks.
    case documentation
    /// A data or code file type that is never a memo (`.json`, `.csv`, …), skipped in walks.
    case notAMemoType(extension: String)
    /// A symbolic link whose target does not exist.
    case brokenLink
    /// Standard input named a second time.
    case standardInputAgain
  }

  /// The input, as given or found (invalid UTF-8 bytes in names shown as `\xNN`).
  public var path: String
  /// Why it was left out.
  public var reason: Reason

  /// Creates an exclusion.
  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  /// The reason in a few words, e.g. `same content as memos/a.txt (counted once)`.
  public var reasonText: String {
    switch reason {
    case .sameFile(let first): "the same file as \(first), already read"
    case .folderAlreadyRead(let first):
      "the same folder as \(first), already read (a symbolic link loop or overlapping folders)"
    case .duplicateContent(let first): "the same content as \(first) (counted once)"
    case .sourceAlsoRead(let source): "its source \(source) is read in this run (counted once)"
    case .memoscopeOutput(let kind): "Memoscope's own output (\(kind)), not a memo"
    case .documentation: "folder documentation; name the file to read it"
    case .notAMemoType(let fileExtension):
      "a .\(fileExtension) file is not read in folder walks; name the file to read it"
    case .brokenLink: "a symbolic link to nothing"
    case .standardInputAgain: "standard input is read once"
    }
  }

  /// `path: skipped: reason`.
  public var description: String { "\(path): skipped: \(reasonText)" }
}
