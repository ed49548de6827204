import MemoScoring

/// How one lexicon entry was used across memos, in the memos' own words: each wording (surface
/// form) with how many sentences used it, grouped under the entry.
///
/// The unit counted is a sentence: a sentence that matches an entry twice counts once for the
/// entry, and once for each distinct wording in it. Wordings that differ only in case,
/// whitespace or curly quotes are one wording, shown as most often written.
public struct PhraseUse: Sendable, Equatable {
  /// One wording of the entry.
  public struct Wording: Sendable, Equatable {
    /// The words as a memo wrote them (the most frequent spelling of this wording).
    public var text: String
    /// Sentences using this wording.
    public var sentences: Int
    /// Memos using this wording.
    public var memos: Int
  }

  /// The entry's id, canonical phrase and category id.
  public var entryID: String, phrase: String, category: String
  /// Sentences that match the entry (each counted once).
  public var sentences: Int
  /// Sources of the memos using the entry, sorted.
  public var memos: [String]
  /// The wordings, most sentences first (ties: text in byte order).
  public var wordings: [Wording]

  /// The uses of every entry in `memos`, most memos first, then most sentences, then entry id.
  public static func collect(_ memos: [ScoredMemo]) -> [PhraseUse] {
    struct Builder {
      var phrase: String, category: String
      var units: Set<Unit> = []
      var memos: Set<String> = []
      /// Wording key → spellings with counts, units and memos.
      var spellings: [String: [String: Int]] = [:]
      var wordingUnits: [String: Set<Unit>] = [:]
      var wordingMemos: [String: Set<String>] = [:]
    }
    struct Unit: Hashable {
      var memo: String
      /// The sentence (document-wide).
      var sentence: Int
    }
    var builders: [String: Builder] = [:]
    for scored in memos {
      let source = scored.memo.source
      for (entry, match) in scored.card.readingHits {
        let unit = Unit(memo: source, sentence: match.sentence)
        let spelling = MarkdownText.flatten(match.text)
        let key = wordingKey(spelling)
        var builder =
          builders[entry.id] ?? Builder(phrase: entry.phrase, category: entry.category)
        builder.units.insert(unit)
        builder.memos.insert(source)
        builder.spellings[key, default: [:]][spelling, default: 0] += 1
        builder.wordingUnits[key, default: []].insert(unit)
        builder.wordingMemos[key, default: []].insert(source)
        builders[entry.id] = builder
      }
    }
    return builders.map { id, builder in
      let wordings = builder.spellings.keys.map { key in
        Wording(
          text: Spellings.mostFrequent(builder.spellings[key]!) ?? key,
          sentences: builder.wordingUnits[key]!.count, memos: builder.wordingMemos[key]!.count)
      }.sorted { a, b in
        a.sentences != b.sentences
          ? a.sentences > b.sentences : a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
      }
      return PhraseUse(
        entryID: id, phrase: builder.phrase, category: builder.category,
        sentences: builder.units.count, memos: builder.memos.sorted(), wordings: wordings)
    }.sorted {
      ($1.memos.count, $1.sentences, $0.entryID) < ($0.memos.count, $0.sentences, $1.entryID)
    }
  }

  /// The key under which spellings are one wording: lower case, curly quotes straightened.
  static func wordingKey(_ text: String) -> String {
    String(
      text.lowercased().map { character -> Character in
        switch character {
        case "\u{2018}", "\u{2019}": "'"
        case "\u{201C}", "\u{201D}": "\""
        case "\u{2010}", "\u{2011}": "-"
        default: character
        }
      })
  }
}
