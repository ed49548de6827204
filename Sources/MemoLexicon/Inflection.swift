/// Regular English inflections for `word~` patterns, generated when a lexicon is compiled.
public enum Inflection {
  /// The word and its regular inflections: -s/-es, -ed, -ing, -er, -est and possessive -'s,
  /// with e-drop (`reduce` → `reducing`), y → i (`simplify` → `simplifies`) and, after a final
  /// consonant-vowel-consonant, consonant doubling (`cut` → `cutting`, `flat` → `flatter`). The
  /// undoubled forms are kept as well (`flatten` → `flattened`): an over-generated form that no
  /// one writes costs nothing.
  ///
  /// - Parameter word: A normalized (lower-case) word; other tokens come back unchanged.
  /// - Returns: The forms, `word` first, without duplicates.
  public static func forms(of word: String) -> [String] {
    let letters = Array(word)
    guard letters.count >= 2, letters.allSatisfy({ $0.isLetter }) else { return [word] }
    var forms = [word]
    func add(_ form: String) { if !forms.contains(form) { forms.append(form) } }
    let last = letters[letters.count - 1]
    let beforeLast = letters[letters.count - 2]
    let stem = String(letters.dropLast())
    add(word + "'s")
    if last == "e" {
      add(word + "s")
      add(word + "d")
      add(word + "r")
      add(word + "st")
      add(beforeLast == "e" ? word + "ing" : stem + "ing")
      return forms
    }
    if last == "y" && !isVowel(beforeLast) {
      add(stem + "ies")
      add(stem + "ied")
      add(stem + "ier")
      add(stem + "iest")
      add(word + "ing")
      return forms
    }
    if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
      || word.hasSuffix("sh") || word.hasSuffix("o")
    {
      add(word + "es")
    }
    if !word.hasSuffix("s") { add(word + "s") }
    for suffix in ["ed", "ing", "er", "est"] { add(word + suffix) }
    if letters.count >= 3, !isVowel(last), !"wxy".contains(last), isVowel(beforeLast),
      !isVowel(letters[letters.count - 3])
    {
      for suffix in ["ed", "ing", "er", "est"] { add(word + String(last) + suffix) }
    }
    return forms
  }

  private static func isVowel(_ letter: Character) -> Bool { "aeiou".contains(letter) }
}
