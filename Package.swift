// swift-tools-version:6.0
import PackageDescription

/// Memoscope: one module per pipeline stage, a library facade and a thin CLI.
/// Imports point down the pipeline: Core ← Extraction, Tokenization ← Lexicon ← Scoring,
/// Clustering ← Reporting ← MemoscopeKit ← memoscope.
let package = Package(
  name: "Memoscope",
  // Tested on Linux only (see README "Platforms"); macOS 15 for `Mutex` (Synchronization).
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "MemoscopeKit", targets: ["MemoscopeKit"]),
    .executable(name: "memoscope", targets: ["memoscope"]),
  ],
  dependencies: [
    // Command-line parsing: subcommands, help, validation.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // YAML for the human-editable lexicon files, with line and column on errors.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // RFC 4180 CSV writing for `score --format csv`.
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    // SQLite (FTS5, WAL, migrations) for the memo library.
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .target(
      name: "CICU",
      linkerSettings: [
        // Foundation's private ICU first, so its symbols bind to its own copy (see README).
        .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
      ]),
    .target(name: "MemoCore"),
    // MinHash signatures with AVX-512 or AVX2 when the processor has them.
    .target(name: "CMinHash"),
    // libxml2's HTML parser writing a compact tree from its SAX callbacks (no libxml2 DOM).
    .target(name: "CHTMLTree", dependencies: ["CLibXML2"]),
    // CICU: ICU's converters (ucnv) decode every WHATWG encoding.
    .target(
      name: "MemoExtraction", dependencies: ["MemoCore", "CLibXML2", "CHTMLTree", "CICU"]),
    .target(name: "MemoTokenization", dependencies: ["MemoCore", "CICU"]),
    .target(
      name: "MemoLexicon",
      dependencies: ["MemoCore", "MemoTokenization", .product(name: "Yams", package: "Yams")]),
    .target(name: "MemoScoring", dependencies: ["MemoCore", "MemoTokenization", "MemoLexicon"]),
    .target(name: "MemoClustering", dependencies: ["MemoCore", "MemoTokenization", "CMinHash"]),
    .target(
      name: "MemoReporting",
      dependencies: ["MemoCore", "MemoScoring", "MemoClustering", "MemoLexicon"]),
    // zlib (deflate) for the memo text the library stores.
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    // The memo library: memos, hits and fingerprints kept in one SQLite file.
    .target(
      name: "MemoLibrary",
      dependencies: [
        "MemoCore", "CZlib", "MemoTokenization", "MemoLexicon", "MemoScoring", "MemoClustering",
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API, for the FTS5 function that reports where a phrase matched.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    .target(
      name: "MemoscopeKit",
      dependencies: [
        "MemoCore", "MemoExtraction", "MemoTokenization", "MemoLexicon", "MemoScoring",
        "MemoClustering", "MemoReporting", .product(name: "CSV", package: "CSV.swift"),
        "MemoLibrary",
      ]),
    .executableTarget(
      name: "memoscope",
      dependencies: [
        "MemoscopeKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "memoscope-bench",
      dependencies: [
        "MemoscopeKit", "CICU", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(name: "TestSupport", dependencies: ["MemoCore"], path: "Tests/TestSupport"),
    .testTarget(name: "MemoCoreTests", dependencies: ["MemoCore", "TestSupport"]),
    .testTarget(
      name: "MemoExtractionTests", dependencies: ["MemoExtraction", "CHTMLTree", "TestSupport"]),
    .testTarget(name: "MemoTokenizationTests", dependencies: ["MemoTokenization", "TestSupport"]),
    .testTarget(name: "MemoLexiconTests", dependencies: ["MemoLexicon", "TestSupport"]),
    .testTarget(name: "MemoScoringTests", dependencies: ["MemoScoring", "TestSupport"]),
    .testTarget(name: "MemoClusteringTests", dependencies: ["MemoClustering", "TestSupport"]),
    .testTarget(
      name: "MemoReportingTests",
      dependencies: ["MemoReporting", "MemoClustering", "MemoScoring", "TestSupport"]),
    .testTarget(name: "MemoscopeKitTests", dependencies: ["MemoscopeKit", "TestSupport"]),
    .testTarget(
      name: "MemoLibraryTests",
      dependencies: [
        "MemoLibrary", "MemoLexicon", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(
      name: "MemoscopeCLITests",
      dependencies: [
        "MemoscopeKit", "memoscope", "TestSupport",
      ]),
  ]
)
