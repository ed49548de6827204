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
  /// The clustering tokens of `memo`: those of `plainTokens(of:masking:)`, with each ASCII
  /// paragraph tokenized straight from its bytes (`Tokenizer.hashedASCIITokens(of:into:)`, no
  /// `Token` array or vocabulary) and masked as it is, and each run of other paragraphs
  /// tokenized by the shared `Tokenizer` in one call (paragraphs tokenized apart give the
  /// tokens they have in the whole memo: see `tokens(of:paragraph:masking:)`).
  static func tokens(of memo: Memo, masking: Bool) -> [ClusterToken] {
    let paragraphs = memo.paragraphs
    let companyKeys = masking ? Self.companyKeys(of: memo) : []
    var scratch = HashedTokenScratch()
    var output: [ClusterToken] = []
    output.reserveCapacity(paragraphs.reduce(0) { $0 + $1.utf8.count } / 5 + 16)
    /// Appends the plain path's tokens of `paragraphs[range]`.
    func appendPlain(_ range: Range<Int>) {
      var tokenizer = Tokenizer()
      tokenizer.keepsForms = false
      let run = Array(paragraphs[range])
      let tokens = Self.tokens(
        paragraphs: run, text: tokenizer.tokenize(paragraphs: run), masking: masking,
        companyKeys: companyKeys)
      for token in tokens {
        output.append(
          ClusterToken(
            key: token.key, paragraph: token.paragraph + Int32(range.lowerBound),
            start: token.start, end: token.end))
      }
    }
    /// The first paragraph of the run the bytes path refused so far, or nil.
    var refusedFrom: Int?
    for index in paragraphs.indices {
      var text = paragraphs[index]
      let paragraph = Int32(index)
      guard text.withUTF8({ Tokenizer.hashedASCIITokens(of: $0, into: &scratch) }) else {
        if refusedFrom == nil { refusedFrom = index }
        continue
      }
      if let first = refusedFrom {
        appendPlain(first..<index)
        refusedFrom = nil
      }
      text.withUTF8 { bytes in
        if masking {
          Self.mask(
            scratch.tokens, bytes: bytes, paragraph: paragraph, companyKeys: companyKeys,
            into: &output)
        } else {
          for token in scratch.tokens {
            output.append(
              ClusterToken(
                key: token.hash, paragraph: paragraph, start: token.start, end: token.end))
          }
        }
      }
    }
    if let first = refusedFrom { appendPlain(first..<paragraphs.count) }
    return output
  }

  /// Masks one ASCII paragraph's tokens as `tokens(paragraphs:text:masking:companyKeys:)` does
  /// (numbers; company words; capitalized words not starting a sentence, runs of them joined).
  private static func mask(
    _ tokens: [HashedToken], bytes: UnsafeBufferPointer<UInt8>, paragraph: Int32,
    companyKeys: [UInt64], into output: inout [ClusterToken]
  ) {
    // Room for every token, written in place (an `append` per token checked the array's
    // uniqueness with a call each time), then cut to the tokens written.
    let base = output.count
    output.append(
      contentsOf: repeatElement(
        ClusterToken(key: 0, paragraph: 0, start: 0, end: 0), count: tokens.count))
    var count = base
    output.withUnsafeMutableBufferPointer { output in
      var previousWasName = false
      for token in tokens {
        if token.kind == .number {
          output[count] = ClusterToken(
            key: MaskKey.number, paragraph: paragraph, start: token.start, end: token.end)
          count += 1
          previousWasName = false
          continue
        }
        var isName = companyKeys.contains(token.hash)
        if !isName && !token.startsSentence && token.end - token.start >= 2 {
          // `ScalarCursor.isCapitalized` on ASCII: an upper-case letter, then a lower-case one.
          let start = Int(token.start)
          isName = bytes[start] &- 0x41 < 26 && bytes[start + 1] &- 0x61 < 26
        }
        if isName {
          if previousWasName {
            output[count - 1].end = token.end
          } else {
            output[count] = ClusterToken(
              key: MaskKey.name, paragraph: paragraph, start: token.start, end: token.end)
            count += 1
          }
          previousWasName = true
          continue
        }
        previousWasName = false
        output[count] = ClusterToken(
          key: token.hash, paragraph: paragraph, start: token.start, end: token.end)
        count += 1
      }
    }
    output.removeLast(output.count - count)
  }

  /// The hashes of the words of `memo.company`, which masking treats as names.
  private static func companyKeys(of memo: Memo) -> [UInt64] {
    // A company name has a handful of words: a linear search beats hashing.
    var companyKeys: [UInt64] = []
    guard var company = memo.company else { return companyKeys }
    var scratch = HashedTokenScratch()
    if company.withUTF8({ Tokenizer.hashedASCIITokens(of: $0, into: &scratch) }) {
      for token in scratch.tokens where token.kind == .word { companyKeys.append(token.hash) }
      return companyKeys
    }
    let words = Tokenizer().tokenize(company)
    for token in words.tokens where token.kind == .word {
      companyKeys.append(words.hash(of: token))
    }
    return companyKeys
  }

  /// The clustering tokens of `memo` with every paragraph through the shared `Tokenizer` (what
  /// `tokens(of:masking:)` gives, the plain way; for tests).
  ///
  /// - Parameter keepingForms: Tokenize with the shared tokenizer's full vocabulary rather than
  ///   its hashes-only one (the same tokens; for tests).
  static func plainTokens(of memo: Memo, masking: Bool, keepingForms: Bool = false)
    -> [ClusterToken]
  {
    var tokenizer = Tokenizer()
    // Only each token's hash is read, so no form needs keeping.
    tokenizer.keepsForms = keepingForms
    return tokens(of: memo, text: tokenizer.tokenize(paragraphs: memo.paragraphs), masking: masking)
  }

  /// The clustering tokens of `memo` from its body already tokenized by the shared `Tokenizer`
  /// (`text` must be `memo.paragraphs` tokenized), so a caller that tokenizes anyway does not
  /// tokenize twice.
  static func tokens(of memo: Memo, text: TokenizedText, masking: Bool) -> [ClusterToken] {
    tokens(
      paragraphs: memo.paragraphs, text: text, masking: masking,
      companyKeys: masking ? companyKeys(of: memo) : [])
  }

  /// `tokens(of:text:masking:)` with the company's word hashes given.
  private static func tokens(
    paragraphs: [String], text: TokenizedText, masking: Bool, companyKeys: [UInt64]
  ) -> [ClusterToken] {
    guard masking else {
      return text.tokens.map {
        ClusterToken(
          key: text.hash(of: $0), paragraph: $0.paragraph, start: $0.start, end: $0.end)
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
            var paragraphText = paragraphs[Int(paragraph)]
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
