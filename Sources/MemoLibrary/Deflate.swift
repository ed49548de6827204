import CZlib

/// zlib's deflate for the memo text the library keeps (about half the size of the JSON).
enum Deflate {
  /// The compression level: 6 is zlib's default balance of speed and size.
  static let level: Int32 = 6

  /// `bytes` compressed.
  static func compress(_ bytes: [UInt8]) -> [UInt8] {
    var capacity = compressBound(uLong(bytes.count))
    var output = [UInt8](repeating: 0, count: Int(capacity))
    let status = output.withUnsafeMutableBufferPointer { out in
      bytes.withUnsafeBufferPointer { input in
        compress2(out.baseAddress, &capacity, input.baseAddress, uLong(input.count), level)
      }
    }
    // compress2 fails only without memory or with a bound too small, neither of which happens.
    precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
    output.removeLast(output.count - Int(capacity))
    return output
  }

  /// The original bytes of `compressed`, which were `size` bytes long; nil when damaged.
  static func decompress(_ compressed: [UInt8], size: Int) -> [UInt8]? {
    guard size >= 0 else { return nil }
    var length = uLong(size)
    var output = [UInt8](repeating: 0, count: max(1, size))
    let status = output.withUnsafeMutableBufferPointer { out in
      compressed.withUnsafeBufferPointer { input in
        uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
      }
    }
    guard status == Z_OK, Int(length) == size else { return nil }
    output.removeLast(output.count - size)
    return output
  }
}
