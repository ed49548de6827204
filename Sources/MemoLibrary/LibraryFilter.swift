/// Which stored memos and hits a question is about.
public struct LibraryFilter: Sendable, Equatable {
  /// Memos of this company (case-insensitive), or all.
  public var company: String?
  /// Memos dated on or after this `YYYY[-MM[-DD]]`; undated memos are left out when set.
  public var since: String?
  /// Memos dated on or before this `YYYY[-MM[-DD]]` (a month or year includes all its days).
  public var until: String?
  /// Hits of this lexicon entry.
  public var entry: String?
  /// Hits of entries of this category.
  public var category: String?

  /// Creates a filter; nil everywhere means everything.
  public init(
    company: String? = nil, since: String? = nil, until: String? = nil, entry: String? = nil,
    category: String? = nil
  ) {
    self.company = company
    self.since = since
    self.until = until
    self.entry = entry
    self.category = category
  }

  /// Checks the dates.
  public func validate() throws(LibraryError) {
    for date in [since, until].compactMap({ $0 }) where !Self.isDate(date) {
      throw .badDate(date)
    }
  }

  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let lengths = parts.map(\.count)
    guard [[4], [4, 2], [4, 2, 2]].contains(lengths) else { return false }
    return parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  /// SQL conditions on the memo table aliased `m`, and their arguments.
  func memoConditions() -> (sql: [String], arguments: [String]) {
    var sql: [String] = []
    var arguments: [String] = []
    if let company {
      sql.append("m.company = ? COLLATE NOCASE")
      arguments.append(company)
    }
    if let since {
      sql.append("m.date >= ?")
      arguments.append(since)
    }
    if let until {
      sql.append("substr(m.date, 1, \(until.count)) <= ?")
      arguments.append(until)
    }
    return (sql, arguments)
  }

  /// SQL conditions on the entry table aliased `e` (joined to the hit table `h`).
  func hitConditions() -> (sql: [String], arguments: [String]) {
    var sql: [String] = []
    var arguments: [String] = []
    if let entry {
      sql.append("e.name = ?")
      arguments.append(entry)
    }
    if let category {
      sql.append("e.category = ?")
      arguments.append(category)
    }
    return (sql, arguments)
  }
}
