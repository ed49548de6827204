import Foundation

/// Why one input could not be turned into a memo.
///
/// Every description starts with the path, says what is wrong, then what to do about it, so a
/// batch can print one line per failed input and carry on.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Nothing exists at the path.
  case notFound(path: String)
  /// The file or folder exists but cannot be read (permissions, I/O error).
  case unreadable(path: String, reason: String)
  /// The path is a named pipe, socket or device (named in `kind`), which could block forever.
  case notAFile(path: String, kind: String)
  /// A folder holds no regular, non-hidden files.
  case emptyFolder(path: String)
  /// The file has zero bytes (or only white space).
  case emptyFile(path: String)
  /// The file is larger than the configured limit.
  case tooLarge(path: String, size: Int, limit: Int)
  /// The file is a binary format (PDF, image, archive…), named in `kind`.
  case binary(path: String, kind: String)
  /// The document was read but holds no text that could be a memo.
  case noText(path: String)
  /// libxml2 could not build a document from the bytes.
  case unparsable(path: String, reason: String)
  /// The declared charset is unknown, or the bytes are clearly not in it.
  case undecodable(path: String, charset: String, reason: String)
  /// A line of a JSONL file is not a memo as `memoscope extract --format jsonl` writes them.
  case invalidMemoLine(path: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case .notFound(let path):
      "\(path): no such file or folder. Check the path for typos."
    case .unreadable(let path, let reason):
      "\(path): cannot read (\(reason)). Check the file's permissions."
    case .notAFile(let path, let kind):
      "\(path): is \(kind), not a file. Save what it holds to a file and give that path."
    case .emptyFolder(let path):
      "\(path): folder has no files to extract. Add .html, .txt, .md or .eml files to it."
    case .emptyFile(let path):
      "\(path): file is empty. Save the page again or remove it from the inputs."
    case .tooLarge(let path, let size, let limit):
      "\(path): file is \(ByteSize.format(size)), over the \(ByteSize.format(limit)) limit. "
        + "Raise the limit with --max-size or split the file."
    case .binary(let path, let kind):
      "\(path): is \(kind), not HTML, text or email. Convert it to text or HTML first."
    case .noText(let path):
      "\(path): no memo text found. Check that the file is the page or email holding the memo."
    case .unparsable(let path, let reason):
      "\(path): cannot parse as HTML (\(reason)). Save the page again as HTML."
    case .undecodable(let path, let charset, let reason):
      "\(path): declared charset '\(charset)' \(reason). Fix the charset in the page's <meta> "
        + "or the email's Content-Type, or save the file as UTF-8."
    case .invalidMemoLine(let path, let line, let reason):
      "\(path):\(line): not a memo: \(reason). Each line must be one memo as written by "
        + "'memoscope extract --format jsonl'."
    }
  }

  /// The path the error is about.
  public var path: String {
    switch self {
    case .notFound(let path), .unreadable(let path, _), .notAFile(let path, _),
      .emptyFolder(let path),
      .emptyFile(let path), .tooLarge(let path, _, _), .binary(let path, _), .noText(let path),
      .unparsable(let path, _), .invalidMemoLine(let path, _, _), .undecodable(let path, _, _):
      path
    }
  }
}

/// Byte counts as people write them: `50MB`, `512K`, `1.5GB`, `2000000`.
///
/// Units are binary: `1K` is 1,024 bytes, `1MB` is 1,048,576 bytes.
public enum ByteSize {
  /// Parses `50MB`, `50M`, `50 mb`, `512KB`, `1GB` or a plain number of bytes.
  ///
  /// - Returns: The number of bytes, or nil when the text is not a size.
  public static func parse(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    var number = ""
    var unit = ""
    for character in trimmed {
      if unit.isEmpty, character.isNumber || character == "." {
        number.append(character)
      } else if character != " " {
        unit.append(character)
      }
    }
    guard let value = Double(number), value >= 0 else { return nil }
    let multiplier: Double
    switch unit {
    case "", "b": multiplier = 1
    case "k", "kb", "kib": multiplier = 1024
    case "m", "mb", "mib": multiplier = 1024 * 1024
    case "g", "gb", "gib": multiplier = 1024 * 1024 * 1024
    default: return nil
    }
    let bytes = value * multiplier
    guard bytes < Double(Int.max / 2) else { return nil }
    return Int(bytes.rounded())
  }

  /// Formats a byte count for messages: `50 MB`, `1.5 MB`, `900 KB`, `12 bytes`.
  public static func format(_ bytes: Int) -> String {
    func trim(_ value: Double) -> String {
      let rounded = (value * 10).rounded() / 10
      return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
    if bytes >= 1024 * 1024 * 1024 { return trim(Double(bytes) / 1_073_741_824) + " GB" }
    if bytes >= 1024 * 1024 { return trim(Double(bytes) / 1_048_576) + " MB" }
    if bytes >= 1024 { return trim(Double(bytes) / 1024) + " KB" }
    return "\(bytes) bytes"
  }
}
