/// Why a memo library could not be opened, read or written.
public enum LibraryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No library file at the path.
  case missing(path: String)
  /// The file was written by a newer Memoscope (a later schema version).
  case newerSchema(path: String, found: Int, supported: Int)
  /// The file is an SQLite database of another program.
  case notALibrary(path: String)
  /// The file is damaged or not an SQLite database at all.
  case corrupt(path: String, reason: String)
  /// Another process holds a lock on the file for longer than the wait allows.
  case locked(path: String)
  /// Any other SQLite failure (disk full, permissions, …).
  case database(path: String, reason: String)
  /// The library was scored with another lexicon than the one given.
  case lexiconMismatch(path: String, stored: String, given: String)
  /// A search query has no words.
  case emptyQuery(String)
  /// A date filter is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  case badDate(String)

  public var description: String {
    switch self {
    case .missing(let path):
      "\(path): no memo library here; create one with 'memoscope library add --library \(path) PATH...'."
    case .newerSchema(let path, let found, let supported):
      "\(path): this library has schema version \(found), written by a newer memoscope; this "
        + "one reads up to version \(supported). Update memoscope to open it."
    case .notALibrary(let path):
      "\(path): an SQLite database, but not a memoscope library; choose another --library file."
    case .corrupt(let path, let reason):
      "\(path): not a readable memo library (\(reason)); restore it from a copy or add the "
        + "memos to a new library."
    case .locked(let path):
      "\(path): the library is locked by another process; wait for it to finish and try again."
    case .database(let path, let reason):
      "\(path): \(reason)"
    case .lexiconMismatch(let path, let stored, let given):
      "\(path): the library was scored with lexicon \(stored), not \(given); run "
        + "'memoscope library rescore' first."
    case .emptyQuery(let query):
      "the query '\(query)' has no words to search for."
    case .badDate(let text):
      "'\(text)' is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)."
    }
  }
}
