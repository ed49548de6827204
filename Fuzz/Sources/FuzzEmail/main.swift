import FuzzDriver
import MemoscopeKit

/// The entry point SwiftPM links as `main`: libFuzzer's driver with `fuzz` as the target.
@_cdecl("FuzzEmail_main")
public func entryPoint(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

/// One libFuzzer input: arbitrary bytes read as an email (`.eml`).
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? MemoExtractor().extract(bytes: bytes, source: "fuzz.eml")
  return 0
}
