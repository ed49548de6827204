import MemoCore
import Testing

@Suite("StableHash")
struct StableHashTests {
  @Test("FNV-1a matches the published test vectors")
  func fnvVectors() {
    #expect(StableHash.of("") == 0xcbf2_9ce4_8422_2325)
    #expect(StableHash.of("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(StableHash.of("foobar") == 0x8594_4171_f739_67e8)
  }

  @Test("Mixing depends on the seed")
  func seededMix() {
    #expect(StableHash.mix(42, seed: 1) != StableHash.mix(42, seed: 2))
    #expect(StableHash.mix(42, seed: 1) == StableHash.mix(42, seed: 1))
  }
}
