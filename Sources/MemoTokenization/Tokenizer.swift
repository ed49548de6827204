import CICU
import Foundation
import MemoCore

/// Splits text into normalized word and number tokens with ICU, so spelling variants meet.
///
/// Normalization, in order:
/// 1. Before segmentation: soft hyphens (U+00AD) and zero-width characters (U+200B, U+200C,
///    U+200D, U+2060, U+FEFF) are removed; no-break and other Unicode spaces become spaces; every
///    dash (U+2010–U+2015, U+2212, …) becomes a hyphen-minus, every slash a `/`, curly
///    apostrophes and quotes straight ones. Offsets still point into the original text.
/// 2. ICU word segmentation (root locale); only letter, number, kana and ideograph segments
///    become tokens, so punctuation, hyphens and slashes are boundaries and line breaks are
///    whitespace. Paragraphs of ASCII, Latin-1 letters, basic Russian letters and common
///    symbols (`…`, `©`, `€`) after step 1 are split by a built-in segmenter that applies the same rules (tested against ICU) without ICU's
///    per-boundary cost.
/// 3. Each token is NFKC-casefolded; dotted initialisms lose their dots (`A.I.`, `a.i`,
///    `A. I.` all become `ai`).
///
/// Sentences: each paragraph starts a new one. Within a paragraph, the default
/// `SentenceSegmentation.rules` applies ICU's sentence-break rules for the common terminators to
/// the gaps between words that the word iterator already returns (a sentence ends after `!`, `?`
/// or their CJK forms unless a comma, colon or semicolon follows; after `.` when white space and
/// then a word that does not start with a lower-case letter follow); `.icu` runs ICU's sentence
/// iterator over the paragraph instead, exact but about a third slower. Line breaks inside a
/// paragraph are white space for both (a hard-wrapped text file is not one sentence per line).
///
/// `Tokenizer` is cheap to copy and safe to use from many threads at once: each call borrows
/// ICU iterators and buffers from a shared pool.
public struct Tokenizer: Sendable {
  /// How sentences are found within a paragraph.
  public enum SentenceSegmentation: Sendable {
    /// ICU's sentence rules for the common terminators, applied to the gaps between words.
    case rules
    /// ICU's sentence break iterator over the whole paragraph (a second pass over the text).
    case icu
  }

  /// How this tokenizer finds sentences.
  public var sentences: SentenceSegmentation

  /// Whether paragraphs of ASCII, Latin-1 and basic Russian letters (after cleaning) are
  /// segmented by the built-in segmenter, which splits them exactly as ICU does at a fraction of the cost, and
  /// Russian letters are case-folded without ICU (on by default; off runs ICU on everything, to
  /// check that the two agree).
  package var asciiSegmentation = true

  /// Whether the vocabulary keeps each distinct form (the default). When false, every token gets
  /// a new id in a vocabulary that keeps only hashes: the same `hash(of:)` token by token,
  /// without the hash-table and copying work, for callers that read nothing else of the
  /// vocabulary (clustering); `normalizedText(of:)` is then empty.
  package var keepsForms = true

  /// Creates a tokenizer.
  public init(sentences: SentenceSegmentation = .rules) {
    self.sentences = sentences
  }

  /// Tokenizes a document given as paragraphs.
  ///
  /// - Complexity: O(n) in the text's length.
  public func tokenize(paragraphs: [String]) -> TokenizedText {
    let workspace = Workspace.borrow()
    defer { Workspace.giveBack(workspace) }
    let size = paragraphs.reduce(0) { $0 + $1.utf8.count }
    var state = TokenizerState(
      workspace: workspace, sentences: sentences, textSize: size,
      useBuiltInSegmenter: asciiSegmentation, keepsForms: keepsForms)
    for (index, paragraph) in paragraphs.enumerated() {
      state.tokenize(paragraph: paragraph, index: Int32(index))
    }
    let result = state.finish()
    return TokenizedText(
      paragraphs: paragraphs, tokens: result.tokens, vocabulary: result.vocabulary,
      sentenceCount: result.sentenceCount)
  }

  /// Tokenizes one piece of text as a single paragraph.
  public func tokenize(_ text: String) -> TokenizedText {
    tokenize(paragraphs: [text])
  }

  /// The version of the ICU library doing the segmentation, e.g. `72.1`.
  public static var icuVersion: String { String(cString: memoscope_icu_version()) }
}

/// What the tokenizer does with one Unicode scalar before segmentation.
enum Cleaning {
  /// Drop the scalar.
  static let remove: UInt32 = 0xFFFF_FFFF

  /// The scalar to put in the segmentation buffer for `scalar`, or `remove`.
  @inline(__always)
  static func map(_ scalar: UInt32) -> UInt32 {
    if scalar < 0x80 { return scalar >= 0x09 && scalar <= 0x0D ? 0x20 : scalar }
    switch scalar {
    case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
      return remove
    case 0x0085, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return 0x20
    case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D:
      return 0x2D
    case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032, 0xFF07:
      return 0x27
    case 0x201C...0x201F, 0x00AB, 0x00BB, 0x2033, 0xFF02:
      return 0x22
    case 0x2044, 0x2215, 0xFF0F:
      return 0x2F
    default:
      return scalar
    }
  }
}

/// Scratch buffers reused from call to call.
struct Buffers {
  /// The cleaned paragraph in UTF-16 (only the first `unitCount` are valid).
  var units: [UInt16] = []
  var unitCount = 0
  /// True when the paragraph was all ASCII: unit offsets are scalar offsets and `origins` is
  /// not filled in.
  var identity = true
  /// For each unit, the Unicode scalar offset in the original paragraph it came from; one more
  /// entry holds the paragraph's scalar count.
  var origins: [Int32] = []
  /// Sentence boundaries of the current paragraph, in `units` offsets.
  var sentenceEnds: [Int32] = []
  /// The current paragraph's word and number segments: (start, end, rule status) triples.
  var segments: [Int32] = []
  /// NFKC-casefold output for non-ASCII tokens (allocated on first use: a tokenizing call
  /// leaves an empty `Buffers` in its workspace for every document).
  var folded: [UInt16] = []
  /// The normalized form of the current token in UTF-8 (slow path).
  var form: [UInt8] = []

}

/// Reusable ICU iterators and scratch buffers, owned by one tokenizing call at a time.
final class Workspace: @unchecked Sendable {
  let wordIterator: OpaquePointer
  let sentenceIterator: OpaquePointer
  var buffers = Buffers()
  /// The lower-cased current token (fast path); `scratchCapacity` bytes.
  var scratch: UnsafeMutablePointer<UInt8>
  var scratchCapacity = 256

  /// Makes `scratch` hold at least `count` bytes.
  func reserveScratch(_ count: Int) {
    guard count > scratchCapacity else { return }
    scratch.deallocate()
    scratchCapacity = count * 2
    scratch = .allocate(capacity: scratchCapacity)
  }

  private init() {
    guard let word = memoscope_break_open(0), let sentence = memoscope_break_open(1) else {
      preconditionFailure(
        "ICU could not open a break iterator for the root locale; is the ICU data library installed?"
      )
    }
    wordIterator = word
    sentenceIterator = sentence
    scratch = .allocate(capacity: scratchCapacity)
  }

  deinit {
    scratch.deallocate()
    memoscope_break_close(wordIterator)
    memoscope_break_close(sentenceIterator)
  }

  /// Idle workspaces; at most one per thread that tokenized at the same time.
  private static let pool = WorkspacePool()

  static func borrow() -> Workspace {
    pool.take() ?? Workspace()
  }

  static func giveBack(_ workspace: Workspace) {
    if workspace.buffers.units.count > 1 << 22 { workspace.buffers = Buffers() }
    pool.put(workspace)
  }
}

/// A locked stack of idle workspaces (`NSLock`, so the package keeps its macOS 14 floor).
private final class WorkspacePool: @unchecked Sendable {
  private let lock = NSLock()
  private var idle: [Workspace] = []

  func take() -> Workspace? {
    lock.lock()
    defer { lock.unlock() }
    return idle.popLast()
  }

  func put(_ workspace: Workspace) {
    lock.lock()
    idle.append(workspace)
    lock.unlock()
  }
}

/// The running state of one `tokenize(paragraphs:)` call.
struct TokenizerState: ~Copyable {
  let workspace: Workspace
  /// The workspace's buffers, moved here for the call (struct access is cheaper than a class's).
  var buffers: Buffers
  var tokens: [Token] = []
  var vocabulary: Vocabulary
  /// The document-wide index of the sentence of the last token.
  var sentence: Int32 = -1
  /// The (paragraph, ICU sentence) of the last token, to know when a new sentence starts.
  var lastParagraph: Int32 = -1
  var lastSentenceIndex = -1

  let sentences: Tokenizer.SentenceSegmentation
  /// Whether ASCII and Russian paragraphs go through `asciiSegments` instead of ICU, and Russian
  /// letters are case-folded without ICU.
  let useBuiltInSegmenter: Bool
  /// Whether the vocabulary keeps forms; when not, the form of the last one-letter or dotted
  /// token stays in `buffers.form` so that an initial can still be joined to it.
  let keepsForms: Bool

  /// The workspace's scratch buffer, cached here.
  var scratch: UnsafeMutablePointer<UInt8>
  var scratchCapacity: Int

  /// - Parameter textSize: The text's UTF-8 size, to reserve room for tokens and forms (about
  ///   one token per 6 bytes, one new form per 2 tokens in a memo-sized text).
  init(
    workspace: Workspace, sentences: Tokenizer.SentenceSegmentation, textSize: Int,
    useBuiltInSegmenter: Bool, keepsForms: Bool
  ) {
    self.workspace = workspace
    self.useBuiltInSegmenter = useBuiltInSegmenter
    scratch = workspace.scratch
    scratchCapacity = workspace.scratchCapacity
    self.sentences = sentences
    buffers = workspace.buffers
    workspace.buffers = Buffers()
    tokens.reserveCapacity(textSize / 5 + 16)
    self.keepsForms = keepsForms
    if keepsForms {
      let forms = min(textSize / 10, 50_000) + 16
      vocabulary = Vocabulary(reservingForms: forms, bytes: forms * 7)
    } else {
      vocabulary = Vocabulary(hashesOnlyReserving: textSize / 5 + 16)
    }
  }

  /// Hands the buffers back to the workspace and returns the results.
  consuming func finish() -> (tokens: [Token], vocabulary: Vocabulary, sentenceCount: Int) {
    workspace.buffers = buffers
    return (tokens, vocabulary, Int(sentence + 1))
  }

  mutating func tokenize(paragraph: String, index: Int32) {
    clean(paragraph)
    let count = buffers.unitCount
    guard count > 0 else { return }
    if sentences == .icu { findSentences(count: count) }
    let units = buffers.units
    let origins = buffers.origins
    units.withUnsafeBufferPointer { units in
      origins.withUnsafeBufferPointer { origins in
        segmentWords(
          units: UnsafeBufferPointer(rebasing: units[0..<count]), origins: origins,
          paragraph: index)
      }
    }
  }

  /// Decodes the paragraph's UTF-8 into `buffers.units`, cleaning as `Cleaning.map` says.
  private mutating func clean(_ paragraph: String) {
    var text = paragraph
    text.withUTF8 { bytes in
      // A paragraph never has more UTF-16 units than UTF-8 bytes.
      if buffers.units.count < bytes.count + 1 {
        buffers.units = Array(repeating: 0, count: bytes.count + 64)
        buffers.origins = Array(repeating: 0, count: bytes.count + 65)
      }
      var count = 0
      var identity = true
      buffers.units.withUnsafeMutableBufferPointer { units in
        buffers.origins.withUnsafeMutableBufferPointer { origins in
          let end = bytes.count
          // An ASCII prefix maps unit for unit: origins are written only if something else
          // follows (most paragraphs are all ASCII, and then origins are the identity).
          var position = Self.asciiPrefixLength(bytes)
          Self.widenASCII(bytes.baseAddress!, count: position, into: units.baseAddress!)
          count = position
          var scalarIndex = Int32(position)
          identity = position == end
          if !identity {
            Self.fillOrigins(origins.baseAddress!, count: position, from: 0)
          }
          while position < end {
            let lead = UInt32(bytes[position])
            var scalar: UInt32
            if lead < 0x80 {
              // A run of ASCII between other characters: widened in bulk as the prefix is,
              // each unit's origin the next scalar offset.
              let run = Self.asciiPrefixLength(UnsafeBufferPointer(rebasing: bytes[position...]))
              Self.widenASCII(
                bytes.baseAddress! + position, count: run, into: units.baseAddress! + count)
              Self.fillOrigins(origins.baseAddress! + count, count: run, from: scalarIndex)
              count += run
              scalarIndex += Int32(run)
              position += run
              continue
            } else if lead < 0xE0 {
              scalar = (lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)
              position += 2
            } else if lead < 0xF0 {
              scalar =
                (lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6
                | UInt32(bytes[position + 2] & 0x3F)
              position += 3
            } else {
              scalar =
                (lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
                | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
              position += 4
            }
            scalar = Cleaning.map(scalar)
            if scalar == Cleaning.remove {
              scalarIndex += 1
              continue
            }
            if scalar < 0x1_0000 {
              units[count] = UInt16(scalar)
              origins[count] = scalarIndex
              count += 1
            } else {
              let value = scalar - 0x1_0000
              units[count] = UInt16(0xD800 + (value >> 10))
              units[count + 1] = UInt16(0xDC00 + (value & 0x3FF))
              origins[count] = scalarIndex
              origins[count + 1] = scalarIndex
              count += 2
            }
            scalarIndex += 1
          }
          if !identity { origins[count] = scalarIndex }
        }
      }
      buffers.unitCount = count
      buffers.identity = identity
    }
  }

  /// The length of the longest all-ASCII prefix of `bytes`.
  ///
  /// A fast path for the byte-by-byte test `bytes[i] < 0x80` in `clean`: it tests eight bytes
  /// at a time (no high bit in the word), then finishes byte by byte, so it returns the same
  /// index.
  static func asciiPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var position = 0
    while position + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      if word & 0x8080_8080_8080_8080 != 0 { break }
      position += 8
    }
    while position < count && base[position] < 0x80 { position += 1 }
    return position
  }

  /// Writes `count` ASCII bytes as UTF-16 units, control characters U+0009–U+000D as spaces
  /// (`Cleaning.map` on ASCII), in a branch-free loop the compiler vectorizes (16 bytes a step).
  /// Not inlined: inside `clean`'s closures the compiler cannot rule out that the buffers alias
  /// its captured counters, and there it compiled this loop one byte at a time.
  @inline(never)
  static func widenASCII(
    _ bytes: UnsafePointer<UInt8>, count: Int, into units: UnsafeMutablePointer<UInt16>
  ) {
    for index in 0..<count {
      let byte = bytes[index]
      units[index] = byte &- 0x09 < 5 ? 0x20 : UInt16(byte)
    }
  }

  /// Writes `start`, `start + 1`, … to `count` origins (a vectorized loop; not inlined for the
  /// reason `widenASCII` gives).
  @inline(never)
  static func fillOrigins(_ origins: UnsafeMutablePointer<Int32>, count: Int, from start: Int32) {
    for offset in 0..<count { origins[offset] = start &+ Int32(truncatingIfNeeded: offset) }
  }

  /// Fills `buffers.sentenceEnds` with ICU's sentence boundaries for the current paragraph.
  private mutating func findSentences(count: Int) {
    buffers.sentenceEnds.removeAll(keepingCapacity: true)
    let iterator = workspace.sentenceIterator
    let status = buffers.units.withUnsafeBufferPointer { units in
      memoscope_break_set_text(iterator, units.baseAddress, Int32(count))
    }
    if status == 0 {
      _ = memoscope_break_first(iterator)
      while true {
        let boundary = memoscope_break_next(iterator)
        if boundary < 0 { break }
        buffers.sentenceEnds.append(boundary)
      }
    }
    if buffers.sentenceEnds.last != Int32(count) { buffers.sentenceEnds.append(Int32(count)) }
  }

  /// Fills `buffers.segments` with the paragraph's word and number segments as (start, end,
  /// rule status) triples and returns how many there are: from `asciiSegments` when it can
  /// decide the paragraph, else from ICU's word iterator (one C call for the paragraph).
  private mutating func findSegments(units: UnsafeBufferPointer<UInt16>) -> Int {
    if buffers.segments.count < 3 * units.count {
      buffers.segments = Array(repeating: 0, count: 3 * units.count + 48)
    }
    let iterator = workspace.wordIterator
    let builtIn = useBuiltInSegmenter
    return buffers.segments.withUnsafeMutableBufferPointer { segments in
      if builtIn {
        let count = Self.asciiSegments(units, into: segments.baseAddress!)
        if count >= 0 { return count }
      }
      return Int(
        memoscope_break_words(
          iterator, units.baseAddress, Int32(units.count), segments.baseAddress))
    }
  }

  /// True for the basic Russian letters А–я, Ё and ё (all plain letters to ICU's word rules,
  /// NFKC-stable, case-folded by one offset).
  @inline(__always)
  static func isBasicCyrillic(_ unit: UInt16) -> Bool {
    unit &- 0x0410 < 0x40 || unit == 0x0401 || unit == 0x0451
  }

  /// How `asciiSegments` treats each UTF-16 unit, as read from `unitClasses`.
  enum UnitClass {
    /// Stands alone (space, punctuation other than `_` and `@`).
    static let other: UInt8 = 0
    /// An ASCII letter or digit or a basic Russian letter: joins its neighbours of this class.
    static let wordCharacter: UInt8 = 1
    /// Any other unit (non-ASCII, `_`, `@`): the paragraph goes to ICU.
    static let leftToICU: UInt8 = 2
  }

  /// The `UnitClass` of every UTF-16 unit, one table lookup in `asciiSegments`' inner loop in
  /// place of the letter, Russian-letter and digit comparisons it stands for. It must agree with
  /// `asciiSegments`' `isLetter` and `isDigit` and with ICU: the "Built-in ASCII segmenter"
  /// tests compare the two segmenters on every ASCII character and the Russian letters' edges.
  static let unitClasses: [UInt8] = (0...0xFFFF).map { value in
    let unit = UInt16(value)
    if (unit | 0x20) &- 0x61 < 26 || unit &- 0x30 < 10 || isBasicCyrillic(unit)
      || isLatin1Letter(unit)
    {
      return UnitClass.wordCharacter
    }
    if isStandAloneSymbol(unit) { return UnitClass.other }
    return unit >= 0x80 || unit == 0x5F || unit == 0x40 ? UnitClass.leftToICU : UnitClass.other
  }

  /// True for the Latin-1 letters À–ÿ other than × and ÷: plain letters (ALetter) to ICU's word
  /// rules, so the built-in segmenter splits them as it does ASCII letters. Tokens holding them
  /// are case-folded by ICU (`foldToForm`), as every token with a character outside ASCII and
  /// basic Russian is. ª, µ and º (letters too) are left to ICU.
  @inline(__always)
  static func isLatin1Letter(_ unit: UInt16) -> Bool {
    unit &- 0xC0 < 0x40 && unit != 0xD7 && unit != 0xF7
  }

  /// Non-ASCII symbols and punctuation common in English text that ICU's word rules leave
  /// standing alone, as they do ASCII punctuation (word break property Other): the Latin-1 signs
  /// U+00A1–U+00BF except ª, the soft hyphen, µ, the middle dot (which joins letters) and º; ×
  /// and ÷; the bullet, the ellipsis, the euro and the trade mark sign. Before this a paragraph
  /// with one `…` or `©` went through ICU's iterator whole.
  static func isStandAloneSymbol(_ unit: UInt16) -> Bool {
    switch unit {
    case 0xAA, 0xAD, 0xB5, 0xB7, 0xBA: return false
    case 0xA1...0xBF, 0xD7, 0xF7, 0x2022, 0x2026, 0x20AC, 0x2122: return true
    default: return false
    }
  }

  /// The word and number segments of text made only of ASCII letters, digits, spaces and
  /// punctuation, and basic Russian letters, exactly as ICU's root word rules (UAX #29) split
  /// them, written as (start, end, rule status) triples; or -1 when the text holds something it
  /// leaves to ICU.
  ///
  /// On such text the rules reduce to: letters and digits join each other, and also across one
  /// `.` or `'` between two letters or two digits, or one `,` or `;` between two digits; every
  /// other character stands alone. ICU reports a segment as a number when its last character is
  /// a digit (`a1`), else as a word (`1a`). Latin-1 letters are letters here and the symbols of
  /// `isStandAloneSymbol` punctuation. The text is left to ICU when it holds any other
  /// non-ASCII unit, an underscore (which joins words) or an `@` (ICU 72 gives it rules of its
  /// own).
  static func asciiSegments(
    _ units: UnsafeBufferPointer<UInt16>, into segments: UnsafeMutablePointer<Int32>
  ) -> Int {
    unitClasses.withUnsafeBufferPointer { classes in
      Self.segments(units, classes: classes, into: segments)
    }
  }

  /// `asciiSegments` with the class table at hand (an unchecked buffer: every unit is in range).
  private static func segments(
    _ units: UnsafeBufferPointer<UInt16>, classes: UnsafeBufferPointer<UInt8>,
    into segments: UnsafeMutablePointer<Int32>
  ) -> Int {
    @inline(__always) func isLetter(_ unit: UInt16) -> Bool {
      (unit | 0x20) &- 0x61 < 26 || Self.isBasicCyrillic(unit) || Self.isLatin1Letter(unit)
    }
    @inline(__always) func isDigit(_ unit: UInt16) -> Bool { unit &- 0x30 < 10 }
    // Wrapping arithmetic: every index is below `units.count`, so overflow checks cannot fire.
    let length = units.count
    var index = 0
    var count = 0
    while index < length {
      let unit = units[index]
      let unitClass = classes[Int(unit)]
      if unitClass == UnitClass.wordCharacter {
        var end = index &+ 1
        while true {
          end = wordRunEnd(units, from: end, classes: classes)
          guard end < length else { break }
          let next = units[end]
          if classes[Int(next)] == UnitClass.leftToICU { return -1 }
          if end &+ 1 < length {
            let before = units[end &- 1]
            let after = units[end &+ 1]
            if next == 0x2E || next == 0x27 {
              if isLetter(before) && isLetter(after) || isDigit(before) && isDigit(after) {
                end &+= 2
                continue
              }
            } else if next == 0x2C || next == 0x3B {
              if isDigit(before) && isDigit(after) {
                end &+= 2
                continue
              }
            }
          }
          break
        }
        segments[3 &* count] = Int32(index)
        segments[3 &* count + 1] = Int32(end)
        // ICU's rule status follows the segment's last character.
        segments[3 &* count + 2] = Int32(
          isDigit(units[end &- 1]) ? MEMOSCOPE_WORD_NUMBER : MEMOSCOPE_WORD_LETTER)
        count &+= 1
        index = end
      } else {
        if unitClass == UnitClass.leftToICU { return -1 }
        index &+= 1
      }
    }
    return count
  }

  /// The end of the run of word characters (`UnitClass.wordCharacter`) that starts at `start`.
  ///
  /// Four units at a time while they are ASCII (one 64-bit load, each 16-bit lane tested for a
  /// letter or digit without a branch: most words end within one or two loads), then unit by
  /// unit through the class table for the rest of a run holding other letters. Returns what the
  /// unit-by-unit loop alone returns.
  @inline(__always)
  private static func wordRunEnd(
    _ units: UnsafeBufferPointer<UInt16>, from start: Int, classes: UnsafeBufferPointer<UInt8>
  ) -> Int {
    let length = units.count
    var end = start
    if let base = units.baseAddress {
      let raw = UnsafeRawPointer(base)
      while end &+ 4 <= length {
        let lanes = UInt64(
          littleEndian: raw.loadUnaligned(fromByteOffset: end &* 2, as: UInt64.self))
        // Any unit from U+0080 up: leave the run to the table.
        if lanes & 0xFF80_FF80_FF80_FF80 != 0 { break }
        // Each lane is below 0x80, so adding up to 0x7FFF to it never carries into the next:
        // bit 15 of `lane + 0x8000 - k` says `lane >= k`.
        let folded = lanes | 0x0020_0020_0020_0020
        let letter = (folded &+ 0x7F9F_7F9F_7F9F_7F9F) & ~(folded &+ 0x7F85_7F85_7F85_7F85)
        let digit = (lanes &+ 0x7FD0_7FD0_7FD0_7FD0) & ~(lanes &+ 0x7FC6_7FC6_7FC6_7FC6)
        let stops = ~(letter | digit) & 0x8000_8000_8000_8000
        if stops != 0 { return end &+ stops.trailingZeroBitCount >> 4 }
        end &+= 4
      }
    }
    while end < length && classes[Int(units[end])] == UnitClass.wordCharacter { end &+= 1 }
    return end
  }

  private mutating func segmentWords(
    units: UnsafeBufferPointer<UInt16>, origins: UnsafeBufferPointer<Int32>, paragraph: Int32
  ) {
    let segmentCount = findSegments(units: units)
    guard segmentCount > 0 else { return }
    let segments = buffers.segments
    let sentenceEnds = buffers.sentenceEnds
    let identity = buffers.identity
    /// The scalar offset in the original paragraph of unit `index`.
    func origin(_ index: Int) -> Int32 { identity ? Int32(index) : origins[index] }
    var sentenceIndex = 0
    /// The end (in units) of the previous token when it was an initial followed by a dot.
    var lastInitialEnd = -1
    /// The end (in units) of the previous token in this paragraph.
    var lastEnd = -1
    /// Whether a sentence ended inside the previous token (two initials joined across a
    /// sentence end, `U.S. I.`): the next token starts a new sentence.
    var endedInsideLast = false
    segments.withUnsafeBufferPointer { segments in
      for segment in 0..<segmentCount {
        let start = Int(segments[3 * segment])
        let end = Int(segments[3 * segment + 1])
        let status = segments[3 * segment + 2]
        let kind: TokenKind = status < MEMOSCOPE_WORD_LETTER ? .number : .word
        let (id, initial) = internToken(units: units, start: start, end: end, kind: kind)
        let followedByDot = end < units.count && units[end] == 0x2E
        if initial && followedByDot && lastInitialEnd >= 0
          && Self.isDotThenSpaces(units, from: lastInitialEnd, to: start)
        {
          if sentences == .rules && Self.endsSentence(units, from: lastEnd, to: start) {
            endedInsideLast = true
          }
          mergeIntoLastToken(id: id, end: origin(end - 1) + 1)
        } else {
          if sentences == .icu {
            while sentenceIndex < sentenceEnds.count - 1
              && Int(sentenceEnds[sentenceIndex]) <= start
            {
              sentenceIndex += 1
            }
          } else if endedInsideLast
            || (lastEnd >= 0 && Self.endsSentence(units, from: lastEnd, to: start))
          {
            sentenceIndex += 1
          }
          endedInsideLast = false
          if lastParagraph != paragraph || lastSentenceIndex != sentenceIndex {
            lastParagraph = paragraph
            lastSentenceIndex = sentenceIndex
            sentence += 1
          }
          tokens.append(
            Token(
              id: id, paragraph: paragraph, sentence: sentence, start: origin(start),
              end: origin(end - 1) + 1, kind: kind))
        }
        lastInitialEnd = initial && followedByDot ? end : -1
        lastEnd = end
      }
    }
  }

  /// True when the gap `units[from..<to]` between two words ends a sentence (see `Tokenizer`).
  ///
  /// Applies the sentence-break rules of UAX #29 as ICU does (SB6–SB11) to each terminator in
  /// the gap: a run of `.`, `!`, `?` with closing punctuation and spaces after it ends a
  /// sentence unless a continuation (`,` `-` `:`) or another terminator follows (SB8a), a digit
  /// follows a dot directly (SB6), a capital follows a dot between letters (SB7, `U.S.A`), or
  /// the first letter after a dot (past digits and symbols) is lower-case (SB8). `;` is not a
  /// continuation for ICU. `SentenceFuzzTests` compares this with ICU's iterator.
  static func endsSentence(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int) -> Bool {
    if to - from == 1 && units[from] == 0x20 { return false }
    var index = from
    while index < to {
      let terminator = sentenceClass(units[index])
      guard terminator == .aTerm || terminator == .sTerm else {
        index += 1
        continue
      }
      // The run `SATerm Extend* Close* Sp*` after this terminator; `after` is where it ends.
      var after = index + 1
      while after < units.count && sentenceClass(units[after]) == .extend { after += 1 }
      let direct = after
      while after < units.count, sentenceClass(units[after]).isCloseOrExtend { after += 1 }
      while after < units.count, sentenceClass(units[after]).isSpaceOrExtend { after += 1 }
      let next: SentenceClass = after < units.count ? sentenceClass(units[after]) : .other
      // SB8a: a continuation or another terminator keeps the sentence going.
      if next == .sContinue || next == .aTerm || next == .sTerm {
        index = after
        continue
      }
      if terminator == .aTerm {
        // SB6: `3.5`-like; SB7: `U.S.A`-like (a letter, the dot, a capital).
        if after == direct && next == .numeric {
          index = after
          continue
        }
        if after == direct && next == .upper && Self.letterBefore(units, index) {
          index = after
          continue
        }
        // SB8: the first letter (or terminator) after it is lower-case.
        var probe = after
        var stop: SentenceClass = .other
        while probe < units.count {
          let kind = sentenceClass(units[probe])
          if kind == .lower || kind == .upper || kind == .oLetter || kind == .aTerm
            || kind == .sTerm
          {
            stop = kind
            break
          }
          probe += 1
        }
        if stop == .lower {
          index = after
          continue
        }
      }
      // SB11: the sentence ends after the run.
      return after <= to
    }
    return false
  }

  /// The sentence-break classes of UAX #29 that `endsSentence` tells apart (paragraph
  /// separators are spaces inside a paragraph).
  enum SentenceClass {
    case space, lower, upper, oLetter, numeric, aTerm, sTerm, close, sContinue, extend, other

    var isCloseOrExtend: Bool { self == .close || self == .extend }
    var isSpaceOrExtend: Bool { self == .space || self == .extend }
  }

  /// The sentence-break class of a UTF-16 unit (a surrogate counts as a letter without case).
  static func sentenceClass(_ unit: UInt16) -> SentenceClass {
    switch unit {
    case 0x61...0x7A: return .lower
    case 0x41...0x5A: return .upper
    case 0x30...0x39: return .numeric
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return .space
    case 0x2E, 0x2024, 0xFE52, 0xFF0E: return .aTerm
    case 0x21, 0x3F, 0x203C, 0x203D, 0x2047...0x2049, 0x3002, 0xFF01, 0xFF1F, 0xFF61, 0x061F,
      0x0589, 0x06D4, 0x0964, 0x0965:
      return .sTerm
    case 0x2C, 0x2D, 0x3A, 0x055D, 0x060C, 0x060D, 0x07F8, 0x1802, 0x1808, 0x2013, 0x2014, 0x3001,
      0xFE10, 0xFE11, 0xFE13, 0xFE31, 0xFE32, 0xFE50, 0xFE51, 0xFE55, 0xFE58, 0xFE63, 0xFF0C,
      0xFF0D, 0xFF1A, 0xFF64:
      return .sContinue
    case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D: return .close
    case 0x00...0x7F: return .other
    case 0xD800...0xDFFF: return .oLetter
    default: break
    }
    guard let scalar = Unicode.Scalar(unit) else { return .other }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation:
      return .close
    case .nonspacingMark, .enclosingMark, .spacingMark, .format: return .extend
    case .decimalNumber: return .numeric
    default: break
    }
    if properties.isQuotationMark { return .close }
    if properties.isLowercase { return .lower }
    if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return .upper }
    if properties.isAlphabetic { return .oLetter }
    return .other
  }

  /// True when the character before `units[index]` (past combining marks) is a letter with case.
  private static func letterBefore(_ units: UnsafeBufferPointer<UInt16>, _ index: Int) -> Bool {
    var probe = index - 1
    while probe >= 0 && sentenceClass(units[probe]) == .extend { probe -= 1 }
    guard probe >= 0 else { return false }
    let kind = sentenceClass(units[probe])
    return kind == .lower || kind == .upper
  }

  /// True when `units[from..<to]` is a dot followed by at least one whitespace character.
  static func isDotThenSpaces(_ units: UnsafeBufferPointer<UInt16>, from: Int, to: Int)
    -> Bool
  {
    guard to - from >= 2, units[from] == 0x2E else { return false }
    for index in (from + 1)..<to {
      let unit = units[index]
      if unit != 0x20 && unit != 0x0A && unit != 0x0D && unit != 0x09 { return false }
    }
    return true
  }

  /// Interns `buffers.form` and returns its id.
  private mutating func internForm() -> UInt32 {
    buffers.form.withUnsafeBufferPointer { form in
      var hash = StableHash()
      hash.combine(form)
      return vocabulary.intern(form, hash: hash.value)
    }
  }

  /// Joins the current token's form to the last token's (an initial merged across `. `).
  private mutating func mergeIntoLastToken(id: UInt32, end: Int32) {
    var last = tokens.removeLast()
    if keepsForms {
      last.id = vocabulary.intern(vocabulary.form(last.id) + vocabulary.form(id))
    } else {
      // FNV-1a has no finish step: the joined form's hash continues the last one's over the
      // current form's bytes (kept in `buffers.form` for initials).
      var hash = vocabulary.hash(last.id)
      for byte in buffers.form { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
      last.id = buffers.form.withUnsafeBufferPointer { vocabulary.intern($0, hash: hash) }
    }
    last.end = end
    tokens.append(last)
  }

  /// Normalizes `units[start..<end]` and interns the form.
  ///
  /// - Returns: The form's id, and whether the token is one letter or a dotted initialism
  ///   (`A`, `A.I`), which may be joined to a neighbouring initial.
  private mutating func internToken(
    units: UnsafeBufferPointer<UInt16>, start: Int, end: Int, kind: TokenKind
  ) -> (id: UInt32, initial: Bool) {
    let length = end - start
    if 2 * length > scratchCapacity {
      workspace.reserveScratch(2 * length)
      scratch = workspace.scratch
      scratchCapacity = workspace.scratchCapacity
    }
    // Fast path: ASCII and basic Russian letters, case-folded to UTF-8 and hashed (FNV-1a 64,
    // as `StableHash`) in one pass; for these NFKC casefolding is a fixed offset.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var ascii = true
    var byteCount = 0
    let scratch = self.scratch
    // Wrapping arithmetic below: indices are bounded by the paragraph's length, so the
    // overflow checks the plain operators add to this per-character loop cannot fire.
    let source = units.baseAddress! + start
    var index = 0
    while index < length {
      let unit = source[index]
      index &+= 1
      if unit >= 0x80 {
        guard useBuiltInSegmenter && Self.isBasicCyrillic(unit) else {
          ascii = false
          break
        }
        let folded = unit >= 0x0430 ? unit : unit == 0x0401 ? 0x0451 : unit + 0x20
        let lead = UInt8(truncatingIfNeeded: 0xC0 | folded >> 6)
        let trail = UInt8(truncatingIfNeeded: 0x80 | folded & 0x3F)
        scratch[byteCount] = lead
        scratch[byteCount &+ 1] = trail
        byteCount &+= 2
        hash = (hash ^ UInt64(lead)) &* 0x0000_0100_0000_01b3
        hash = (hash ^ UInt64(trail)) &* 0x0000_0100_0000_01b3
        continue
      }
      let byte = UInt8(truncatingIfNeeded: unit &- 0x41 < 26 ? unit | 0x20 : unit)
      scratch[byteCount] = byte
      byteCount &+= 1
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    if ascii {
      let form = UnsafeBufferPointer(start: scratch, count: byteCount)
      // `byteCount == 1 || scratch[1] == "."` only skips the call for words that cannot be
      // initialisms (their second byte would be a dot).
      let initial =
        kind == .word && byteCount % 2 == 1 && byteCount < 32
        && (byteCount == 1 || scratch[1] == 0x2E) && Self.isInitialism(form)
      // An initialism longer than one letter has dots to remove (slow path below).
      if !(initial && byteCount > 1) {
        if initial && !keepsForms {
          buffers.form.removeAll(keepingCapacity: true)
          buffers.form.append(contentsOf: form)
        }
        return (vocabulary.intern(form, hash: hash), initial)
      }
      buffers.form.removeAll(keepingCapacity: true)
      buffers.form.append(contentsOf: form)
    } else {
      buffers.form.removeAll(keepingCapacity: true)
      foldToForm(units: units, start: start, end: end)
    }
    var initial = false
    if kind == .word && buffers.form.count % 2 == 1 && buffers.form.count < 32 {
      initial = buffers.form.withUnsafeBufferPointer { Self.isInitialism($0) }
      if initial { buffers.form.removeAll { $0 == 0x2E } }
    }
    return (internForm(), initial)
  }

  /// True for one ASCII lower-case letter, or such letters joined by dots (`a.i`, `u.s.a`).
  private static func isInitialism(_ form: UnsafeBufferPointer<UInt8>) -> Bool {
    guard form.count % 2 == 1 else { return false }
    for index in 0..<form.count {
      let byte = form[index]
      if index % 2 == 0 {
        guard byte &- 0x61 < 26 else { return false }
      } else {
        guard byte == 0x2E else { return false }
      }
    }
    return true
  }

  /// NFKC-casefolds `units[start..<end]` with ICU and writes the result as UTF-8 to `form`.
  private mutating func foldToForm(units: UnsafeBufferPointer<UInt16>, start: Int, end: Int) {
    let source = units.baseAddress! + start
    let length = Int32(end - start)
    if buffers.folded.isEmpty { buffers.folded = Array(repeating: 0, count: 256) }
    var needed = buffers.folded.withUnsafeMutableBufferPointer {
      memoscope_nfkc_casefold(source, length, $0.baseAddress, Int32($0.count))
    }
    if needed > buffers.folded.count {
      buffers.folded = Array(repeating: 0, count: Int(needed) * 2)
      needed = buffers.folded.withUnsafeMutableBufferPointer {
        memoscope_nfkc_casefold(source, length, $0.baseAddress, Int32($0.count))
      }
    }
    if needed < 0 {
      // ICU failed: keep the text as written rather than lose the token.
      Self.appendUTF8(UnsafeBufferPointer(rebasing: units[start..<end]), to: &buffers.form)
      return
    }
    let folded = buffers.folded
    folded.withUnsafeBufferPointer {
      Self.appendUTF8(UnsafeBufferPointer(rebasing: $0[0..<Int(needed)]), to: &buffers.form)
    }
  }

  /// Appends UTF-16 code units as UTF-8 (lone surrogates become U+FFFD).
  private static func appendUTF8(_ units: UnsafeBufferPointer<UInt16>, to bytes: inout [UInt8]) {
    var index = 0
    while index < units.count {
      var scalar = UInt32(units[index])
      index += 1
      if scalar & 0xFC00 == 0xD800, index < units.count, units[index] & 0xFC00 == 0xDC00 {
        scalar = 0x1_0000 + ((scalar - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
        index += 1
      } else if scalar & 0xF800 == 0xD800 {
        scalar = 0xFFFD
      }
      switch scalar {
      case 0..<0x80:
        bytes.append(UInt8(scalar))
      case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | scalar >> 6))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
      case 0x800..<0x1_0000:
        bytes.append(UInt8(0xE0 | scalar >> 12))
        bytes.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
      default:
        bytes.append(UInt8(0xF0 | scalar >> 18))
        bytes.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
        bytes.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
        bytes.append(UInt8(0x80 | scalar & 0x3F))
      }
    }
  }
}
