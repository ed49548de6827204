import MemoCore
import MemoTokenization

/// Negation and denial scope over a tokenized memo.
///
/// - A negation cue (`not`, `n't`, `no`, `never`, `nothing`, `neither`, `nor`, `without`, `none`)
///   covers the rest of its clause: up to `;`, `:`, a dash, a bracket, a contrast word (`but`,
///   `however`, `instead`, `rather`, `yet`, `while`, `whereas`, `although`) or the sentence end.
///   A comma ends the clause only when a new subject follows it (`, we …`); otherwise the
///   coordinated items stay covered ("not AI, cost or performance").
/// - The words just before a cue in its clause (the subject of "AI is not the reason") are
///   `subjectNegated`: a claim about them is denied, they are not themselves absent.
/// - A short denial sentence ("They are not.", "The answer is no.", "No.") has a cue, at most
///   `shortDenialLength` tokens and nothing else of substance; it negates the sentence before it.
struct NegationScope {
  /// Per token: inside a cue's scope.
  var negated: [Bool]
  /// Per token: in the clause before a cue (its subject).
  var subjectNegated: [Bool]
  /// Per sentence: holds a negation cue.
  var hasCue: [Bool]
  /// Sentences that are short denials of the sentence before them.
  var shortDenials: Set<Int>

  /// Most tokens in a short denial sentence ("The answer is simply no" is 5).
  static let shortDenialLength = 6

  static let cueForms: Set<String> = [
    "not", "no", "never", "nothing", "neither", "nor", "without", "none", "cannot", "nobody",
  ]
  static let contrastForms: Set<String> = [
    "but", "however", "instead", "rather", "yet", "while", "whereas", "although", "though",
  ]
  /// Words that start a new clause after a comma.
  static let subjectForms: Set<String> = [
    "we", "i", "they", "it", "this", "that", "these", "those", "you", "he", "she", "our", "the",
    "there", "and", "so",
  ]

  private static let cueHashes = Set(cueForms.map { StableHash.of($0) })
  private static let contrastHashes = Set(contrastForms.map { StableHash.of($0) })
  private static let subjectHashes = Set(subjectForms.map { StableHash.of($0) })

  /// True for a cue token: a listed cue or a contraction ending in n't ("isn't", "don't").
  static func isCue(_ form: String) -> Bool {
    cueForms.contains(form) || form.hasSuffix("n't") || form.hasSuffix("n’t")
  }

  init(_ text: TokenizedText) {
    let count = text.tokens.count
    negated = [Bool](repeating: false, count: count)
    subjectNegated = [Bool](repeating: false, count: count)
    hasCue = [Bool](repeating: false, count: max(1, text.sentenceCount))
    shortDenials = []
    guard count > 0 else { return }
    // Per vocabulary id, what the token is.
    let vocabulary = text.vocabulary
    var cueID = [Bool](repeating: false, count: vocabulary.count)
    var contrastID = [Bool](repeating: false, count: vocabulary.count)
    var subjectID = [Bool](repeating: false, count: vocabulary.count)
    for id in 0..<vocabulary.count {
      let hash = vocabulary.hashes[id]
      contrastID[id] = Self.contrastHashes.contains(hash)
      subjectID[id] = Self.subjectHashes.contains(hash)
      cueID[id] = Self.cueHashes.contains(hash)
    }
    // Contractions are rare forms: check them by text only when the id is not already a cue.
    for id in 0..<vocabulary.count where !cueID[id] {
      let form = vocabulary.form(UInt32(id))
      if form.hasSuffix("n't") || form.hasSuffix("n’t") { cueID[id] = true }
    }
    var scalarCache: [Int: [Unicode.Scalar]] = [:]
    func scalars(_ paragraph: Int) -> [Unicode.Scalar] {
      if let cached = scalarCache[paragraph] { return cached }
      let result = Array(text.paragraphs[paragraph].unicodeScalars)
      scalarCache[paragraph] = result
      return result
    }
    /// The punctuation between token i and i + 1 (same paragraph): clause break, comma or none.
    func gap(after index: Int) -> Character? {
      let left = text.tokens[index]
      let right = text.tokens[index + 1]
      guard left.paragraph == right.paragraph else { return ";" }
      let chars = scalars(Int(left.paragraph))
      var result: Character?
      for position in Int(left.end)..<min(Int(right.start), chars.count) {
        let scalar = chars[position]
        switch scalar {
        case ";", ":", "—", "–", "(", ")", "!", "?", ".": return ";"
        case ",": result = ","
        default: break
        }
      }
      return result
    }
    func clauseEnds(after index: Int) -> Bool {
      guard index + 1 < count else { return true }
      let next = text.tokens[index + 1]
      if next.sentence != text.tokens[index].sentence { return true }
      if contrastID[Int(next.id)] { return true }
      switch gap(after: index) {
      case ";": return true
      case ",": return subjectID[Int(next.id)]
      default: return false
      }
    }

    var sentenceStart = 0
    while sentenceStart < count {
      let sentence = text.tokens[sentenceStart].sentence
      var sentenceEnd = sentenceStart
      while sentenceEnd < count && text.tokens[sentenceEnd].sentence == sentence {
        sentenceEnd += 1
      }
      var cues: [Int] = []
      for index in sentenceStart..<sentenceEnd where cueID[Int(text.tokens[index].id)] {
        cues.append(index)
      }
      if !cues.isEmpty {
        hasCue[Int(sentence)] = true
        let length = sentenceEnd - sentenceStart
        if length <= Self.shortDenialLength && sentenceStart > 0
          && text.tokens[sentenceStart - 1].paragraph == text.tokens[sentenceStart].paragraph
        {
          shortDenials.insert(Int(sentence))
        }
        for cue in cues {
          // Forward: to the clause end.
          var index = cue
          while index < sentenceEnd {
            negated[index] = true
            if clauseEnds(after: index) { break }
            index += 1
          }
          // Backward: the clause's subject.
          var back = cue - 1
          while back >= sentenceStart {
            if clauseEnds(after: back) { break }
            subjectNegated[back] = true
            back -= 1
          }
        }
      }
      sentenceStart = sentenceEnd
    }
  }
}
