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

/// How many of the `count` documents `others[0..<count]` agree with document `a` on at least
/// `minimum` of their `hashes` signature bytes (`bytes[d * hashes ..< (d + 1) * hashes]` for
/// document `d`): writes their positions in `others`, ascending, to `passing` (room for
/// `count`) and returns how many; returns -1 without writing when the processor has neither
/// AVX-512 (BW) nor AVX2, and the caller screens the pairs itself.
long memoscope_screen_row(const uint8_t *bytes, long hashes, uint32_t a, const uint32_t *others,
                          long count, long minimum, uint32_t *passing);

/// |A ∩ B| for two sorted arrays of distinct values, or -1 without AVX2 (the caller counts
/// itself): blocks of eight from each side compared all against all (eight rotations), the block
/// with the smaller last value moving on (both when equal), then a plain merge of the tails.
long memoscope_intersection_count(const uint32_t *a, long na, const uint32_t *b, long nb);

/// The best kernel this processor can run: 2 for AVX-512, 1 for AVX2, 0 for none.
int memoscope_minhash_level(void);

/// `memoscope_minhash` with the kernel of the given level (for tests); returns 0 when the
/// processor lacks it or `level` is 0.
int memoscope_minhash_at(int level, const uint32_t *shingles, long count, const uint64_t *a,
                         const uint64_t *b, long k, uint32_t *out);

#endif
