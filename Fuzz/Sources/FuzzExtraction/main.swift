import FuzzDriver
import MemoscopeKit

/// The entry point SwiftPM links as `main`: libFuzzer's driver with `fuzz` as the target.
@_cdecl("FuzzExtraction_main")
public func entryPoint(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

/// One libFuzzer input: its first byte picks the format the rest is read as (modulo 4: 0
/// HTML, 1 plain text, 2 Markdown, 3 email; `<`, the first byte of most pages, is 0), and the
/// rest is extracted through `MemoExtractor` under a name with that extension, so decoding,
/// sniffing and each reader run as for a file of that kind. Errors are fine; crashes, hangs
/// and sanitizer reports are findings.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let names = ["fuzz.html", "fuzz.txt", "fuzz.md", "fuzz.eml"]
  let source = names[Int(data[0] % 4)]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  _ = try? MemoExtractor().extract(bytes: bytes, source: source)
  return 0
}
