import Foundation
import MemoscopeKit

/// A lexicon folder whose one category file is the fuzz input, in a per-process folder under
/// /dev/shm (or the temporary folder).
let folder: String = {
  let base =
    FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  let path = "\(base)/memoscope-fuzz-lexicon-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  let manifest = """
    name: fuzz
    version: 1.0.0
    description: The fuzz target's lexicon.
    categories:
      - id: ai_framing
        title: AI framing
        role: ai_framing
        description: The fuzzed category.

    """
  try? Data(manifest.utf8).write(to: URL(fileURLWithPath: path + "/lexicon.yaml"))
  atexit { try? FileManager.default.removeItem(atPath: folder) }
  return path
}()

/// One libFuzzer input: the category file `ai_framing.yaml`; the lexicon is loaded and checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  guard (try? bytes.write(to: URL(fileURLWithPath: folder + "/ai_framing.yaml"))) != nil else {
    return 0
  }
  if let lexicon = try? Lexicon.load(folder) {
    // Match the compiled patterns against a fixed memo, as scoring does.
    let memo = Memo(
      source: "fuzz.txt",
      paragraphs: ["We are becoming an AI-first company and cutting 10% of roles."])
    _ = Scorer(lexicon: lexicon).score(memo)
  }
  return 0
}
