// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for Memoscope's input readers, built apart from the main package so that
/// `swift test` stays plain. Build and run them with `Fuzz/run.sh [seconds]`.
let package = Package(
  name: "MemoscopeFuzz",
  dependencies: [.package(name: "Memoscope", path: "..")],
  targets: [
    // HTML bytes through extraction (decoding, the compact tree, content selection).
    .executableTarget(
      name: "FuzzExtraction", dependencies: [.product(name: "MemoscopeKit", package: "Memoscope")]),
    // Email bytes through the email reader (headers, MIME parts, encodings).
    .executableTarget(
      name: "FuzzEmail", dependencies: [.product(name: "MemoscopeKit", package: "Memoscope")]),
    // A lexicon category file (YAML) through the lexicon loader and pattern compiler.
    .executableTarget(
      name: "FuzzLexicon", dependencies: [.product(name: "MemoscopeKit", package: "Memoscope")]),
    // A JSONL file of memos through the corpus stream (line index, memo decoding).
    .executableTarget(
      name: "FuzzJSONL", dependencies: [.product(name: "MemoscopeKit", package: "Memoscope")]),
  ]
)
