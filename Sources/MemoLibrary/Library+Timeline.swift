/// Who used a wording first: the first memo of each company that used it, in date order.
public struct Timeline: Sendable, Equatable {
  /// One company's first use.
  public struct Use: Sendable, Equatable {
    /// The company, as its first using memo names it.
    public var company: String
    /// That memo's date (`YYYY-MM-DD`).
    public var date: String
    /// That memo's source.
    public var source: String
    /// That memo's title, when known.
    public var title: String?
    /// How many of the company's memos used the wording.
    public var memos: Int
    /// True for the earliest user of all (several when they share the first date).
    public var earliest: Bool
  }

  /// First uses, in date order (ties by company).
  public var uses: [Use]
  /// The first and last memo dates of the whole library (the chart's axis).
  public var libraryRange: (first: String, last: String)?
  /// Memos that used the wording but have no date or no company, so cannot be placed.
  public var unplaced: [String]

  public static func == (lhs: Timeline, rhs: Timeline) -> Bool {
    lhs.uses == rhs.uses && lhs.unplaced == rhs.unplaced
      && lhs.libraryRange?.first == rhs.libraryRange?.first
      && lhs.libraryRange?.last == rhs.libraryRange?.last
  }

  /// Builds a timeline from the memos that used a wording (hits marked wrong already left out).
  public init(
    using memos: [(source: String, company: String?, date: String?, title: String?)],
    libraryRange: (first: String, last: String)?
  ) {
    self.libraryRange = libraryRange
    var unplaced: [String] = []
    var firsts: [String: Use] = [:]
    for memo in memos {
      guard let company = memo.company, !company.isEmpty, let date = memo.date else {
        unplaced.append(memo.source)
        continue
      }
      let key = company.lowercased()
      let use = Use(
        company: company, date: date, source: memo.source, title: memo.title, memos: 1,
        earliest: false)
      if var known = firsts[key] {
        known.memos += 1
        if (date, memo.source) < (known.date, known.source) {
          let count = known.memos
          known = use
          known.memos = count
        }
        firsts[key] = known
      } else {
        firsts[key] = use
      }
    }
    var uses = firsts.values.sorted {
      ($0.date, $0.company.lowercased(), $0.source) < ($1.date, $1.company.lowercased(), $1.source)
    }
    if let first = uses.first?.date {
      for index in uses.indices where uses[index].date == first { uses[index].earliest = true }
    }
    self.uses = uses
    self.unplaced = unplaced.sorted()
  }
}

extension Library {
  /// The timeline of a lexicon entry or category (`filter.entry` / `filter.category`), counting
  /// only hits nobody marked wrong, over the memos the filter keeps.
  public func timeline(_ filter: LibraryFilter) throws(LibraryError) -> Timeline {
    let lines = try hits(filter).filter { $0.verdict != "wrong" }
    return try timeline(of: lines)
  }

  /// The timeline of a phrase query over the memos the filter keeps.
  public func timeline(_ query: PhraseQuery, filter: LibraryFilter = LibraryFilter())
    throws(LibraryError) -> Timeline
  {
    try timeline(of: search(query, filter: filter))
  }

  private func timeline(of lines: [ContextLine]) throws(LibraryError) -> Timeline {
    var seen = Set<String>()
    var memos: [(source: String, company: String?, date: String?, title: String?)] = []
    let titles = try titlesByHash(Set(lines.map(\.memoHash)))
    for line in lines where seen.insert(line.memoHash).inserted {
      memos.append((line.source, line.company, line.date, titles[line.memoHash] ?? nil))
    }
    return Timeline(using: memos, libraryRange: try dateRange())
  }

  private func titlesByHash(_ hashes: Set<String>) throws(LibraryError) -> [String: String?] {
    try read { db in
      let statement = try db.cachedStatement(sql: "SELECT title FROM memo WHERE hash = ?")
      var result: [String: String?] = [:]
      for hash in hashes {
        result[hash] = try String.fetchOne(statement, arguments: [hash])
      }
      return result
    }
  }
}
