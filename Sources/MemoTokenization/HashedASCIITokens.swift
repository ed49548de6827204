import CICU

/// One token of a paragraph as `Tokenizer` gives it, with its normalized form's `StableHash`
/// in place of a vocabulary id, and whether it starts a sentence in place of a sentence number.
package struct HashedToken: Sendable, Equatable {
  /// The normalized form's hash (`TokenizedText.hash(of:)`).
  package var hash: UInt64
  /// First Unicode scalar of the token in its paragraph.
  package var start: Int32
  /// One past its last scalar.
  package var end: Int32
  /// Word or number.
  package var kind: TokenKind
  /// True for the paragraph's first token and each token whose sentence number is one more
  /// than the token's before it.
  package var startsSentence: Bool

  /// Creates a token.
  package init(hash: UInt64, start: Int32, end: Int32, kind: TokenKind, startsSentence: Bool) {
    self.hash = hash
    self.start = start
    self.end = end
    self.kind = kind
    self.startsSentence = startsSentence
  }
}

/// Buffers reused from paragraph to paragraph by `Tokenizer.hashedASCIITokens(of:into:)`.
package struct HashedTokenScratch {
  var units: [UInt16] = []
  var segments: [Int32] = []
  /// The paragraph's tokens, after a call that returned true.
  package var tokens: [HashedToken] = []

  /// Creates empty buffers.
  package init() {}
}

extension Tokenizer {
  /// The tokens of one ASCII paragraph straight from its bytes, as `tokenize(paragraphs:)` with
  /// the default settings gives them (built-in segmenter, `.rules` sentences), without the
  /// `Token` array and vocabulary: the hashes `TokenizedText.hash(of:)` gives, the same offsets
  /// and kinds, initials joined the same way, and sentence starts where the sentence number
  /// goes up.
  ///
  /// Returns false, with `scratch.tokens` unspecified, when the paragraph has a byte from 0x80
  /// up, an `_` or an `@` (what the built-in segmenter leaves to ICU): tokenize it with
  /// `tokenize(paragraphs:)` then. `HashedASCIITokenTests` compares the two on generated text.
  package static func hashedASCIITokens(
    of bytes: UnsafeBufferPointer<UInt8>, into scratch: inout HashedTokenScratch
  ) -> Bool {
    scratch.tokens.removeAll(keepingCapacity: true)
    let count = bytes.count
    guard count > 0 else { return true }
    guard TokenizerState.asciiPrefixLength(bytes) == count else { return false }
    if scratch.units.count < count {
      scratch.units = [UInt16](repeating: 0, count: count + 64)
      scratch.segments = [Int32](repeating: 0, count: 3 * count + 192)
    }
    return scratch.units.withUnsafeMutableBufferPointer { unitBuffer in
      scratch.segments.withUnsafeMutableBufferPointer { segmentBuffer in
        // The cleaning `tokenize` does on ASCII: U+0009–U+000D become spaces.
        TokenizerState.widenASCII(bytes.baseAddress!, count: count, into: unitBuffer.baseAddress!)
        let units = UnsafeBufferPointer(rebasing: unitBuffer[0..<count])
        let segmentCount = TokenizerState.asciiSegments(units, into: segmentBuffer.baseAddress!)
        guard segmentCount >= 0 else { return false }
        Self.hashSegments(
          units: units, segments: UnsafeBufferPointer(segmentBuffer), count: segmentCount,
          into: &scratch.tokens)
        return true
      }
    }
  }

  /// Whether `units[from..<to]` holds a `.`, `!` or `?`: in ASCII text `endsSentence` finds no
  /// sentence end in a gap without one (it looks only at those terminators), so it need not be
  /// called for the usual space or comma between two words.
  @inline(__always)
  private static func hasTerminator(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int)
    -> Bool
  {
    for index in from..<to {
      let unit = units[index]
      if unit == 0x2E || unit == 0x21 || unit == 0x3F { return true }
    }
    return false
  }

  /// `TokenizerState.segmentWords` and `internToken` for ASCII segments with identity offsets
  /// and a hashes-only vocabulary: each segment lower-cased and hashed (FNV-1a, dotted
  /// initialisms without their dots), an initial joined to the one before across `. `, sentence
  /// ends found by `endsSentence` between tokens.
  private static func hashSegments(
    units: UnsafeBufferPointer<UInt16>, segments: UnsafeBufferPointer<Int32>, count: Int,
    into tokens: inout [HashedToken]
  ) {
    // Room for one token per segment, written in place below (an `append` per token checked
    // the array's uniqueness with a call each time), then cut to the tokens written.
    tokens.removeAll(keepingCapacity: true)
    tokens.append(
      contentsOf: repeatElement(
        HashedToken(hash: 0, start: 0, end: 0, kind: .word, startsSentence: false), count: count))
    var written = 0
    tokens.withUnsafeMutableBufferPointer { tokens in
      let prime: UInt64 = 0x0000_0100_0000_01b3
      var lastInitialEnd = -1
      var lastEnd = -1
      var endedInsideLast = false
      for segment in 0..<count {
        let start = Int(segments[3 * segment])
        let end = Int(segments[3 * segment + 1])
        let kind: TokenKind = segments[3 * segment + 2] < MEMOSCOPE_WORD_LETTER ? .number : .word
        let length = end - start
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end {
          let unit = units[index]
          let byte = UInt64(truncatingIfNeeded: unit &- 0x41 < 26 ? unit | 0x20 : unit)
          hash = (hash ^ byte) &* prime
        }
        // One letter, or letters joined by dots (`A.I`): `internToken`'s `isInitialism` on the
        // lower-cased form, whose dots are then dropped from the form.
        var initial = false
        if kind == .word && length % 2 == 1 && length < 32 {
          initial = true
          for offset in 0..<length {
            let unit = units[start + offset]
            if offset % 2 == 0 ? (unit | 0x20) &- 0x61 >= 26 : unit != 0x2E {
              initial = false
              break
            }
          }
        }
        /// The form's hash continued from `seed` over the initial's letters (lower-cased).
        func lettersHash(from seed: UInt64) -> UInt64 {
          var hash = seed
          for index in stride(from: start, to: end, by: 2) {
            hash = (hash ^ UInt64(truncatingIfNeeded: units[index] | 0x20)) &* prime
          }
          return hash
        }
        if initial && length > 1 { hash = lettersHash(from: 0xcbf2_9ce4_8422_2325) }
        let followedByDot = end < units.count && units[end] == 0x2E
        if initial && followedByDot && lastInitialEnd >= 0
          && TokenizerState.isDotThenSpaces(units, from: lastInitialEnd, to: start)
        {
          if TokenizerState.endsSentence(units, from: lastEnd, to: start) {
            endedInsideLast = true
          }
          // FNV-1a has no finish step: the joined form's hash continues the last one's.
          tokens[written - 1].hash = lettersHash(from: tokens[written - 1].hash)
          tokens[written - 1].end = Int32(end)
        } else {
          let startsSentence =
            written == 0 || endedInsideLast
            || (lastEnd >= 0 && Self.hasTerminator(units, from: lastEnd, to: start)
              && TokenizerState.endsSentence(units, from: lastEnd, to: start))
          endedInsideLast = false
          tokens[written] = HashedToken(
            hash: hash, start: Int32(start), end: Int32(end), kind: kind,
            startsSentence: startsSentence)
          written += 1
        }
        lastInitialEnd = initial && followedByDot ? end : -1
        lastEnd = end
      }
    }
    tokens.removeLast(count - written)
  }
}
