import MemoCore

/// Turns a memo into clustering tokens: words and numbers, case-folded, with masking.
///
/// Masking (on by default) replaces every number with one placeholder, and every company name
/// with another, since templated memos swap exactly these. A token counts as a company name when
/// it is one of the words of the memo's `company` metadata, or when it is capitalized (an
/// upper-case letter followed by lower-case ones) and not the first word of a sentence. All-caps
/// words such as "AI" or "CEO" are kept. Consecutive names collapse into one placeholder, so
/// "Acme" and "Vantage Robotics" mask alike.
enum ClusterTokenizer {
  /// The raw words of one paragraph before masking.
  struct Word {
    var start: Int32
    var end: Int32
    var folded: String
    var isNumber: Bool
    var isCapitalized: Bool
    var sentenceInitial: Bool
  }

  static func tokens(of memo: Memo, masking: Bool) -> [ClusterToken] {
    var companyKeys: Set<UInt64> = []
    if masking, let company = memo.company {
      for word in words(in: company) where !word.isNumber {
        companyKeys.insert(StableHash.of(word.folded))
      }
    }
    var result: [ClusterToken] = []
    result.reserveCapacity(memo.paragraphs.reduce(0) { $0 + $1.utf8.count / 5 })
    for (index, paragraph) in memo.paragraphs.enumerated() {
      var previousWasName = false
      for word in words(in: paragraph) {
        let key = StableHash.of(word.folded)
        if masking && word.isNumber {
          result.append(
            ClusterToken(key: MaskKey.number, paragraph: Int32(index), start: word.start, end: word.end))
          previousWasName = false
          continue
        }
        let isName =
          masking
          && (companyKeys.contains(key) || (word.isCapitalized && !word.sentenceInitial))
        if isName {
          if previousWasName, !result.isEmpty {
            result[result.count - 1].end = word.end
          } else {
            result.append(
              ClusterToken(key: MaskKey.name, paragraph: Int32(index), start: word.start, end: word.end))
          }
          previousWasName = true
          continue
        }
        previousWasName = false
        result.append(ClusterToken(key: key, paragraph: Int32(index), start: word.start, end: word.end))
      }
    }
    return result
  }

  /// Splits text into words: runs of letters, digits and marks; digits joined by `.` or `,` stay
  /// one number; an apostrophe between letters stays inside the word. Hyphens split words, so
  /// "AI-native" and "AI native" give the same words.
  static func words(in text: String) -> [Word] {
    var words: [Word] = []
    var current = String.UnicodeScalarView()
    var start: Int32 = 0
    var position: Int32 = 0
    var hasLetter = false
    var firstUpper = false
    var hasLowerAfterFirst = false
    var sentenceStart = true
    let scalars = Array(text.unicodeScalars)

    func flush(_ end: Int32) {
      guard !current.isEmpty else { return }
      let folded = String(String.UnicodeScalarView(current)).lowercased()
      words.append(
        Word(
          start: start, end: end, folded: folded, isNumber: !hasLetter,
          isCapitalized: firstUpper && hasLowerAfterFirst, sentenceInitial: sentenceStart))
      sentenceStart = false
      current.removeAll(keepingCapacity: true)
      hasLetter = false
      firstUpper = false
      hasLowerAfterFirst = false
    }

    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let properties = scalar.properties
      if properties.isAlphabetic || properties.numericType != nil
        || properties.generalCategory == .nonspacingMark
      {
        if current.isEmpty {
          start = position
          firstUpper = properties.isUppercase
        } else if properties.isLowercase {
          hasLowerAfterFirst = true
        }
        if properties.isAlphabetic { hasLetter = true }
        current.append(scalar)
      } else if !current.isEmpty, index + 1 < scalars.count,
        isJoiner(scalar, before: scalars[index + 1], hasLetter: hasLetter)
      {
        current.append(scalar)
      } else {
        flush(position)
        if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" {
          sentenceStart = true
        }
      }
      index += 1
      position += 1
    }
    flush(position)
    return words
  }

  private static func isJoiner(_ scalar: Unicode.Scalar, before next: Unicode.Scalar, hasLetter: Bool)
    -> Bool
  {
    switch scalar {
    case ".", ",":
      return !hasLetter && next.properties.numericType != nil
    case "'", "\u{2019}":
      return hasLetter && next.properties.isAlphabetic
    default:
      return false
    }
  }
}
