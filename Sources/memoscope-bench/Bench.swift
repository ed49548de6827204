import ArgumentParser

/// Benchmarks and corpus generators; each subcommand lives in its own file.
@main
struct MemoscopeBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memoscope-bench",
    abstract: "Benchmarks and generators for Memoscope (see Benchmarks/README.md).",
    subcommands: [
      // Each benchmark adds its subcommand type here.
      TokenizeBench.self,
      PhrasesExport.self,
      ExtractionPredictions.self,
      GenerateCorpus.self, ClusterARI.self,
    ])
}
