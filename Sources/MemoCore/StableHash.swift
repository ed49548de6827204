/// A fixed, unseeded 64-bit hash (FNV-1a) for signatures that must be the same in every run.
///
/// Swift's `Hasher` is seeded per process, so it must never feed an output or a signature.
public struct StableHash: Sendable {
  /// The running hash value.
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Creates a hash in its initial state.
  public init() {}

  /// Mixes `bytes` into the hash.
  public mutating func combine<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= 0x0000_0100_0000_01b3
    }
  }

  /// The FNV-1a hash of a string's UTF-8 bytes.
  public static func of(_ text: String) -> UInt64 {
    var hash = StableHash()
    hash.combine(text.utf8)
    return hash.value
  }

  /// A well-mixed 64-bit value derived from `x` and `seed` (splitmix64 finalizer).
  public static func mix(_ x: UInt64, seed: UInt64 = 0) -> UInt64 {
    var z = x &+ seed &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
