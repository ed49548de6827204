import Foundation
import TestSupport
import Testing

@Suite("memoscope lexicon check")
struct LexiconCommandTests {
  func run(_ arguments: [String]) -> (exitCode: Int32, stdout: String, stderr: String) {
    CLIRunner.run(
      arguments: ["lexicon", "check"] + arguments, currentDirectory: Fixtures.repositoryRoot)
  }

  @Test("A sound lexicon prints its summary line and exits 0")
  func sound() {
    let result = run(["Tests/Fixtures/Lexicons/mini"])
    #expect(result.exitCode == 0)
    #expect(
      result.stdout
        == "mini 0.3.1 (hash b03020e32f9450ee): 9 entries in 5 categories, 25 examples passed\n")
  }

  @Test("Problems are listed as file:line:column: message before the summary, exit 1")
  func problems() {
    let dir = "Tests/Fixtures/Lexicons/broken-examples"
    let result = run([dir])
    #expect(result.exitCode == 1)
    #expect(
      result.stdout == """
        \(dir)/cuts.yaml:10:11: example of 'fewer_layers' does not match: 'We want less hierarchy.' (matched instead: less_hierarchy); fix the patterns or the example.
        \(dir)/cuts.yaml:12:11: no_match example of 'fewer_layers' matches ('Fewer layers'): 'Fewer layers of paint.'; narrow the patterns or add an exception.
        broken-examples 2.1.0 (hash 15064c0077673e73): 2 entries in 1 category, 2 examples passed, 2 failed; 2 problems

        """)
  }

  @Test("A folder that holds no lexicon is a usage error, exit 2")
  func notALexicon() {
    let result = run(["Tests/Fixtures/Lexicons"])
    #expect(result.exitCode == 2)
    #expect(
      result.stderr
        == "error: Tests/Fixtures/Lexicons: no lexicon.yaml here; pass a lexicon folder such as Lexicons/ai-washing.\n"
    )
  }

  @Test(
    "The shipped lexicon passes its own examples",
    .enabled(
      if: FileManager.default.fileExists(
        atPath: Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing/lexicon.yaml")
          .path)))
  func shipped() {
    let result = run([])
    #expect(result.exitCode == 0)
    #expect(result.stdout.hasPrefix("ai-washing "))
  }
}
