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

/// One libFuzzer input: a JSONL file of memos read through the corpus stream.
@_cdecl("FuzzJSONL_main")
public func entryPoint(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  guard (try? bytes.write(to: URL(fileURLWithPath: jsonlPath))) != nil else { return 0 }
  _ = Corpus(paths: [jsonlPath]).memos()
  return 0
}
