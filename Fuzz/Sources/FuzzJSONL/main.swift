import Foundation
import FuzzDriver
import MemoscopeKit

/// The JSONL file the fuzz input is written to, in a per-process place under /dev/shm.
let jsonlPath: String = {
  let base =
    FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  let file = "\(base)/memoscope-fuzz-\(getpid()).jsonl"
  atexit { unlink(jsonlPath) }
  return file
}()

/// The entry point SwiftPM links as `main`: libFuzzer's driver with `fuzz` as the target.
@_cdecl("FuzzJSONL_main")
public func entryPoint(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

/// One libFuzzer input: a JSONL file of memos, each line decoded (and one input in 64 read
/// through the corpus stream from a file).
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  // Every line through the line decoder (fast path, then JSONDecoder), in memory.
  for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    .enumerated()
  {
    _ = JSONLMemoLine.decode(Array(line), path: "fuzz.jsonl", line: number + 1)
  }
  // One input in 64 also goes through the corpus stream as a file (line index, pread).
  if size % 64 == 0, (try? Data(bytes).write(to: URL(fileURLWithPath: jsonlPath))) != nil {
    _ = Corpus(paths: [jsonlPath]).memos()
  }
  return 0
}
