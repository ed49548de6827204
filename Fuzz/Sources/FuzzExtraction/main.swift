import MemoscopeKit

/// One libFuzzer input: arbitrary bytes extracted as an HTML page. Errors are fine; crashes,
/// hangs and sanitizer reports are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? MemoExtractor().extract(bytes: bytes, source: "fuzz.html")
  return 0
}
