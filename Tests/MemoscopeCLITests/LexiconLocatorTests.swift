import Foundation
import MemoscopeKit
import TestSupport
import Testing

@Suite("LexiconLocator")
struct LexiconLocatorTests {
  @Test("An explicit --lexicon wins over the environment")
  func explicitWins() {
    let path = LexiconLocator.resolve(
      explicit: "mine", environment: ["MEMOSCOPE_LEXICON": "env"], executablePath: "/x/memoscope")
    #expect(path == "mine")
  }

  @Test("MEMOSCOPE_LEXICON is used when no flag is given")
  func environmentNext() {
    let path = LexiconLocator.resolve(
      explicit: nil, environment: ["MEMOSCOPE_LEXICON": "env"], executablePath: "/x/memoscope")
    #expect(path == "env")
  }

  @Test("The bundled lexicon is found by walking up from the executable")
  func walksUpFromExecutable() throws {
    let executable = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/memoscope").path
    let elsewhere = try Fixtures.temporaryFolder().path
    let path = LexiconLocator.resolve(
      explicit: nil, environment: [:], executablePath: executable, currentDirectory: elsewhere)
    #expect(
      path
        == Fixtures.repositoryRoot.appendingPathComponent("Lexicons/ai-washing").standardized.path)
  }
}

@Suite("LexiconLocator in the current folder")
struct LexiconLocatorCurrentFolderTests {
  @Test("./Lexicons/ai-washing is used when the current folder has one")
  func currentFolder() {
    let path = LexiconLocator.resolve(
      explicit: nil, environment: [:], executablePath: "/nowhere/memoscope",
      currentDirectory: Fixtures.repositoryRoot.path)
    #expect(path == "Lexicons/ai-washing")
  }
}
