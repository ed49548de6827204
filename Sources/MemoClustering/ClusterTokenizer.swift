import MemoCore
import MemoTokenization

/// Turns a memo into clustering tokens with the shared `Tokenizer`, then masks them.
///
/// Tokens are the tokenizer's normalized words and numbers (NFKC case-folded, hyphens and
/// slashes as boundaries, so "AI-native" and "AI native" shingle alike), keyed by their
/// `StableHash`.
///
/// Masking (on by default) replaces every number with one placeholder, and every company name
/// with another, since templated memos swap exactly these. A word counts as a company name when
/// it is one of the words of the memo's `company` metadata, or when it is capitalized (an
/// upper-case letter followed by a lower-case one) and not the first word of its sentence.
/// All-caps words such as "AI" or "CEO" are kept. Consecutive names collapse into one
/// placeholder, so "Acme" and "Vantage Robotics" mask alike.
enum ClusterTokenizer {
  /// - Parameter keepingForms: Tokenize with the shared tokenizer's full vocabulary rather than
  ///   its hashes-only one (the same tokens; for tests).
  static func tokens(of memo: Memo, masking: Bool, keepingForms: Bool = false) -> [ClusterToken] {
    var tokenizer = Tokenizer()
    // Only each token's hash is read, so no form needs keeping.
    tokenizer.keepsForms = keepingForms
    return tokens(of: memo, text: tokenizer.tokenize(paragraphs: memo.paragraphs), masking: masking)
  }

  /// The clustering tokens of `memo` from its body already tokenized by the shared `Tokenizer`
  /// (`text` must be `memo.paragraphs` tokenized), so a caller that tokenizes anyway does not
  /// tokenize twice.
  static func tokens(of memo: Memo, text: TokenizedText, masking: Bool) -> [ClusterToken] {
    let tokenizer = Tokenizer()
    guard masking else {
      return text.tokens.map {
        ClusterToken(
          key: text.hash(of: $0), paragraph: $0.paragraph, start: $0.start, end: $0.end)
      }
    }
    // A company name has a handful of words: a linear search beats hashing.
    var companyKeys: [UInt64] = []
    if let company = memo.company {
      let words = tokenizer.tokenize(company)
      for token in words.tokens where token.kind == .word {
        companyKeys.append(words.hash(of: token))
      }
    }
    var previousSentence: Int32 = -1
    var previousWasName = false
    let tokens = text.tokens
    let hashes = text.vocabulary.hashes
    // Written in place: as many tokens at most, fewer when names collapse.
    return [ClusterToken](unsafeUninitializedCapacity: tokens.count) { output, initialized in
      var count = 0
      func emit(_ token: ClusterToken) {
        (output.baseAddress! + count).initialize(to: token)
        count += 1
      }
      tokens.withUnsafeBufferPointer { tokens in
        hashes.withUnsafeBufferPointer { hashes in
          var first = 0
          // One paragraph at a time, reading its UTF-8 in place for the capitalization checks.
          while first < tokens.count {
            let paragraph = tokens[first].paragraph
            var end = first + 1
            while end < tokens.count && tokens[end].paragraph == paragraph { end += 1 }
            var paragraphText = memo.paragraphs[Int(paragraph)]
            paragraphText.withUTF8 { bytes in
              var cursor = ScalarCursor(bytes)
              for index in first..<end {
                let token = tokens[index]
                let sentenceInitial = token.sentence != previousSentence
                previousSentence = token.sentence
                if token.kind == .number {
                  emit(
                    ClusterToken(
                      key: MaskKey.number, paragraph: paragraph, start: token.start,
                      end: token.end))
                  previousWasName = false
                  continue
                }
                let key = hashes[Int(token.id)]
                var isName = companyKeys.contains(key)
                if !isName && !sentenceInitial {
                  isName = cursor.isCapitalized(token)
                }
                if isName {
                  if previousWasName, count > 0, output[count - 1].paragraph == paragraph {
                    output[count - 1].end = token.end
                  } else {
                    emit(
                      ClusterToken(
                        key: MaskKey.name, paragraph: paragraph, start: token.start,
                        end: token.end))
                  }
                  previousWasName = true
                  continue
                }
                previousWasName = false
                emit(
                  ClusterToken(key: key, paragraph: paragraph, start: token.start, end: token.end))
              }
            }
            first = end
          }
        }
      }
      initialized = count
    }
  }

  /// The tokens of one paragraph of `memo`: the same tokens, with the same paragraph index, as
  /// `tokens(of:masking:)` gives for that paragraph, since tokenizing, sentences and masking
  /// never look across a paragraph break (each paragraph starts a sentence, and names only
  /// collapse within a paragraph).
  static func tokens(of memo: Memo, paragraph: Int, masking: Bool) -> [ClusterToken] {
    let alone = Memo(
      source: memo.source, company: memo.company, paragraphs: [memo.paragraphs[paragraph]])
    return tokens(of: alone, masking: masking).map {
      ClusterToken(key: $0.key, paragraph: Int32(paragraph), start: $0.start, end: $0.end)
    }
  }

  /// Walks a paragraph's UTF-8 forward to tokens given in reading order.
  struct ScalarCursor {
    /// The paragraph's UTF-8.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// True when the paragraph is all ASCII: scalar offsets are byte offsets.
    private let ascii: Bool
    private var byteIndex = 0
    private var offset: Int32 = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      ascii = Self.isASCII(bytes)
    }

    /// True when the token (of this paragraph, tokens given in reading order) starts with an
    /// upper-case letter followed by a lower-case one.
    mutating func isCapitalized(_ token: Token) -> Bool {
      guard token.start >= offset, token.end - token.start >= 2 else { return false }
      let target = token.start
      if ascii {
        // Same position as the walk below finds, without the walk.
        byteIndex = min(Int(target), bytes.count)
        offset = target
      } else {
        // Advance to the token's first scalar: count scalar starts (non-continuation bytes).
        var index = byteIndex
        var scalar = offset
        while scalar < target && index < bytes.count {
          index += 1
          while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
          scalar += 1
        }
        byteIndex = index
        offset = scalar
      }
      guard byteIndex < bytes.count else { return false }
      let first = bytes[byteIndex]
      if first < 0x80 {
        guard first >= 0x41 && first <= 0x5A, byteIndex + 1 < bytes.count else { return false }
        let second = bytes[byteIndex + 1]
        if second < 0x80 { return second >= 0x61 && second <= 0x7A }
      }
      // Non-ASCII: decode the two scalars.
      var iterator = bytes[byteIndex...].makeIterator()
      var decoder = UTF8()
      var scalars: [Unicode.Scalar] = []
      while scalars.count < 2, case .scalarValue(let scalar) = decoder.decode(&iterator) {
        scalars.append(scalar)
      }
      guard scalars.count == 2 else { return false }
      return scalars[0].properties.isUppercase && scalars[1].properties.isLowercase
    }

    /// True when no byte has its high bit set (eight bytes at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var index = 0
      var high: UInt64 = 0
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
          high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          index += 8
        }
      }
      while index < bytes.count {
        high |= UInt64(bytes[index])
        index += 1
      }
      return high & 0x8080_8080_8080_8080 == 0
    }
  }
}
