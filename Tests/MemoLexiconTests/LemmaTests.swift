import Foundation
import MemoLexicon
import MemoTokenization
import TestSupport
import Testing

@Suite("Lemma: inflection by default")
struct LemmaTests {
  @Test(
    "Inflected forms share the base's key",
    arguments: [
      ["cut", "cuts", "cutting", "cut's"],
      ["layer", "layers", "layered", "layering"],
      ["reduce", "reduces", "reduced", "reducing"],
      ["staff", "staffed", "staffing", "staffs"],
      ["hire", "hires", "hired", "hiring"],
      ["simplify", "simplifies", "simplified", "simplifying"],
      ["employ", "employs", "employed", "employing"],
      ["make", "makes", "made", "making"],
      ["focus", "focuses", "focused", "focusing"],
      ["process", "processes", "processed"],
      ["company", "companies", "company's"],
      ["job", "jobs"], ["role", "roles"], ["employee", "employees"], ["people", "people's"],
    ])
  func sharedKey(forms: [String]) {
    let key = Lemma.key(forms[0])
    for form in forms { #expect(Lemma.key(form) == key, "\(form)") }
  }

  @Test("A pattern word matches its inflections, and only words of its own key")
  func forms() {
    let cut = Lemma.forms(of: "cut")
    #expect(["cut", "cuts", "cutting", "cut's"].allSatisfy(cut.contains))
    #expect(!cut.contains("cutter") && !cut.contains("cute"))
    let jobs = Lemma.forms(of: "jobs")
    #expect(jobs.first == "jobs" && jobs.contains("job") && jobs.contains("job's"))
    let replaced = Lemma.forms(of: "replaced")
    #expect(["replace", "replaces", "replacing"].allSatisfy(replaced.contains))
    #expect(Lemma.forms(of: "shrink").contains("shrunk"))
    #expect(Lemma.forms(of: "laid").contains("lay"))
    #expect(!Lemma.forms(of: "flat").contains("flatter"))
  }

  @Test("Closed class words, numbers and contractions match only as written")
  func exactWords() {
    for word in ["us", "as", "its", "the", "not", "our", "2025", "don't", "10x"] {
      #expect(Lemma.forms(of: word) == [word], "\(word)")
      #expect(!Lemma.inflects(word))
    }
  }

  @Test("Pattern words inflect by default; =word is exact; word~ still loads")
  func lexiconWords() throws {
    let lexicon = try LexiconFixture.oneCategory(
      name: "words", description: "Inflection test.",
      entries: """
          - id: cut_jobs
            weight: 1.0
            patterns:
              - "cut jobs"
              - "=new era"
              - "do~ the work"
            rationale: Test.
            examples:
              match:
                - Management is cutting jobs.
              no_match:
                - The news era.
        """)
    let tokenizer = Tokenizer()
    func hit(_ text: String) -> Bool { !lexicon.hits(in: tokenizer.tokenize(text)).isEmpty }
    #expect(hit("Management is cutting jobs."))
    #expect(hit("A cut job."))
    #expect(hit("A new era."))
    #expect(hit("A new eras."))
    #expect(!hit("The news era."))
    #expect(hit("AI did the work."))
    #expect(!hit("We cut the jobs."))
  }
}
