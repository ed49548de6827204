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

/// Inflates one memo after another with one zlib stream (reset, not set up again, for each:
/// setting a stream up costs more than inflating a memo of a few kilobytes). One per thread.
final class Inflater {
  private var stream = z_stream()
  private let ready: Bool

  init() {
    ready =
      inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
  }

  deinit { if ready { inflateEnd(&stream) } }

  /// The original bytes of `compressed`, which were `size` bytes long; nil when damaged.
  func decompress(_ compressed: [UInt8], size: Int) -> [UInt8]? {
    guard ready else { return Deflate.decompress(compressed, size: size) }
    guard size >= 0, inflateReset(&stream) == Z_OK else { return nil }
    var status = Z_OK
    let output = [UInt8](unsafeUninitializedCapacity: max(1, size)) { buffer, count in
      compressed.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = buffer.baseAddress
        stream.avail_out = uInt(max(1, size))
        status = inflate(&stream, Z_FINISH)
      }
      count = status == Z_STREAM_END ? Int(stream.total_out) : 0
    }
    guard status == Z_STREAM_END, output.count == size else { return nil }
    return output
  }

  /// The first bytes of `compressed` (of `size` bytes in all), inflated only as far as
  /// `needed` asks: it is given the output and how many bytes are out, and says how many
  /// leading bytes it needs (nil: more than are out, to know). The result holds at least
  /// those bytes (fewer only when the memo is shorter); nil when damaged.
  func decompress(
    _ compressed: [UInt8], size: Int, prefix needed: ([UInt8], Int) -> Int?
  ) -> [UInt8]? {
    guard ready, size >= 0, !compressed.isEmpty, inflateReset(&stream) == Z_OK else {
      return Deflate.decompress(compressed, size: size)
    }
    var output = [UInt8](repeating: 0, count: max(1, size))
    var target = min(size, Self.firstStep)
    var known = false
    while true {
      // Inflate until `target` bytes are out or the stream ends.
      var status = Z_OK
      while Int(stream.total_out) < target && status == Z_OK {
        let done = Int(stream.total_out)
        let read = Int(stream.total_in)
        guard read <= compressed.count else { return nil }
        output.withUnsafeMutableBufferPointer { out in
          compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + read)
            stream.avail_in = uInt(input.count - read)
            stream.next_out = out.baseAddress! + done
            stream.avail_out = uInt(target - done)
            status = inflate(&stream, Z_NO_FLUSH)
          }
        }
      }
      let out = Int(stream.total_out)
      if status != Z_OK && status != Z_STREAM_END { return nil }
      if status == Z_STREAM_END && out != size { return nil }
      if out >= size || known {
        output.removeLast(output.count - out)
        return output
      }
      if let count = needed(output, out) {
        known = true
        target = min(size, max(out, count))
      } else {
        target = min(size, target * 2)
      }
    }
  }

  /// Bytes inflated before a prefix is first asked whether it is enough (the fields and
  /// block lengths of a memo take a few hundred).
  static let firstStep = 512
}
