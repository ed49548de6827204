import Foundation
import MemoscopeKit

/// The JSONL file the fuzz input is written to, in a per-process place under /dev/shm.
let path: String = {
  let base =
    FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  let path = "\(base)/memoscope-fuzz-\(getpid()).jsonl"
  atexit { unlink(path) }
  return path
}()

/// One libFuzzer input: a JSONL file of memos read through the corpus stream.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
  _ = Corpus(paths: [path]).memos()
  return 0
}
