import MemoscopeKit

/// One libFuzzer input: arbitrary bytes read as an email (`.eml`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? MemoExtractor().extract(bytes: bytes, source: "fuzz.eml")
  return 0
}
