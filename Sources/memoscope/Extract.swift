import ArgumentParser
import Foundation
import MemoscopeKit

/// `memoscope extract`: prints the memo found in each input file.
struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract the memo text and metadata from HTML pages, text, Markdown and emails.",
    discussion: """
      PATH is a file or a folder (read recursively, in sorted order). Each input that cannot \
      be read gets one line on stderr and the others carry on.
      Exit status: 0 when every input was extracted, 1 when some failed, 2 for usage errors.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
  }

  @Option(help: "Output format: text (for reading), json (pretty) or jsonl (one memo per line).")
  var format: Format = .text

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp("Skip files larger than this (e.g. 50MB, 512KB).", valueName: "size"))
  var maxSize: String = "50MB"

  @Argument(help: ArgumentHelp("Files or folders to read.", valueName: "path"))
  var paths: [String] = []

  func run() throws {
    guard !paths.isEmpty else {
      throw usageError("memoscope extract: give at least one file or folder to read.")
    }
    guard let limit = ByteSize.parse(maxSize), limit > 0 else {
      throw usageError(
        "memoscope extract: --max-size '\(maxSize)' is not a size; use e.g. 50MB, 512KB or 1GB.")
    }
    var output = StandardOutput()
    var failed = 0
    var memos: [Memo] = []
    var first = true
    let corpus = Corpus(paths: paths, options: ExtractionOptions(maxFileSize: limit))
    corpus.forEach({ $0 }) { result in
      switch result {
      case .failure(let error):
        failed += 1
        StandardError.write("error: \(error.description)")
      case .success(let memo):
        switch format {
        case .jsonl: output.write(ExtractionOutput.jsonLine(memo) + "\n")
        case .json: memos.append(memo)
        case .text:
          output.write((first ? "" : "\n") + ExtractionOutput.text(memo))
          first = false
        }
      }
    }
    if format == .json { output.write(ExtractionOutput.prettyJSON(memos) + "\n") }
    output.flush()
    Diagnostics.notes(corpus.exclusions)
    if failed > 0 { throw ExitCode(1) }
  }
}

/// Prints `message` on stderr and returns exit code 2, the code for usage errors.
private func usageError(_ message: String) -> ExitCode {
  StandardError.write("error: " + message)
  return ExitCode(2)
}

/// Buffered standard output, so large batches are not written a line at a time.
private struct StandardOutput {
  private var buffer: [UInt8] = []

  mutating func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}

/// One line on stderr.
private enum StandardError {
  static func write(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
