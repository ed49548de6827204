import ArgumentParser
import MemoCore

@main
struct Memoscope: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memoscope",
    abstract: "Extract, score and cluster layoff memos for AI-washing language.",
    version: MemoscopeVersion.current,
    subcommands: [
      Extract.self, Score.self, LexiconCommand.self, Cluster.self, Compare.self, Report.self,
    ])
}
