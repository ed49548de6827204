#ifndef MEMOSCOPE_CMINHASH_H
#define MEMOSCOPE_CMINHASH_H

#include <stdint.h>

/// MinHash signature of `count` 32-bit shingle hashes under `k` multiply-add-shift functions:
/// `out[i]` = the least `(a[i] * x + b[i]) mod 2^64 >> 32` over the shingles `x` (all ones when
/// `count` is 0), the same values as `MinHasher.portableSignature(of:into:)` in Swift.
///
/// Runs with AVX-512 (F, DQ, VL) or AVX2 when the processor has them and returns 1; returns 0
/// without writing anything otherwise, and the caller computes the signature itself.
int memoscope_minhash(const uint32_t *shingles, long count, const uint64_t *a, const uint64_t *b,
                      long k, uint32_t *out);

/// The best kernel this processor can run: 2 for AVX-512, 1 for AVX2, 0 for none.
int memoscope_minhash_level(void);

/// `memoscope_minhash` with the kernel of the given level (for tests); returns 0 when the
/// processor lacks it or `level` is 0.
int memoscope_minhash_at(int level, const uint32_t *shingles, long count, const uint64_t *a,
                         const uint64_t *b, long k, uint32_t *out);

#endif
