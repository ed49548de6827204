import MemoLexicon
import Testing

@Suite("PatternParser and Inflection")
struct PatternParserTests {
  @Test(
    "The plain form drops optional parts and keeps first alternatives",
    arguments: [
      ("[far] fewer [management] layers", "fewer layers"),
      ("(remove~|reduce~) layers of [middle] management", "remove layers of management"),
      ("# percent of (our|the) code", "# percent of our code"),
      ("managing * agents", "managing * agents"),
      ("(ai first|ai native) [company|organization~]", "ai first"),
      ("C# developers", "C# developers"),
    ])
  func plainForm(pattern: String, plain: String) {
    #expect(PatternParser.plainForm(pattern) == plain)
  }

  @Test(
    "Inflections cover -s, -ed, -ing, -er, -est with e-drop, y→i and doubling",
    arguments: [
      (
        "flatten",
        [
          "flatten", "flatten's", "flattens", "flattened", "flattening", "flattener", "flattenest",
          "flattenned", "flattenning", "flattenner", "flattennest",
        ]
      ),
      ("reduce", ["reduce", "reduce's", "reduces", "reduced", "reducer", "reducest", "reducing"]),
      (
        "simplify",
        [
          "simplify", "simplify's", "simplifies", "simplified", "simplifier", "simplifiest",
          "simplifying",
        ]
      ),
      (
        "cut",
        [
          "cut", "cut's", "cuts", "cuted", "cuting", "cuter", "cutest", "cutted", "cutting",
          "cutter", "cuttest",
        ]
      ),
      (
        "flat",
        [
          "flat", "flat's", "flats", "flated", "flating", "flater", "flatest", "flatted",
          "flatting", "flatter", "flattest",
        ]
      ),
      ("push", ["push", "push's", "pushes", "pushs", "pushed", "pushing", "pusher", "pushest"]),
      ("agree", ["agree", "agree's", "agrees", "agreed", "agreer", "agreest", "agreeing"]),
      ("play", ["play", "play's", "plays", "played", "playing", "player", "playest"]),
      ("2025", ["2025"]),
    ])
  func inflections(word: String, forms: [String]) {
    #expect(Inflection.forms(of: word) == forms)
  }
}
