#include "cminhash.h"

#if defined(__x86_64__)
#include <immintrin.h>

/// One function at a time, for the last `k % 8` functions.
static void minhash_scalar(const uint32_t *xs, long n, const uint64_t *a, const uint64_t *b,
                           long from, long k, uint32_t *out) {
  for (long i = from; i < k; i++) {
    uint32_t low = UINT32_MAX;
    for (long j = 0; j < n; j++) {
      uint32_t value = (uint32_t)((a[i] * (uint64_t)xs[j] + b[i]) >> 32);
      if (value < low) low = value;
    }
    out[i] = low;
  }
}

/// Eight functions per 512-bit vector, two vectors per pass over the shingles: a 64-bit
/// multiply-add, the high halves narrowed to 32 bits, an unsigned minimum.
__attribute__((target("avx512f,avx512dq,avx512vl,avx2")))
static void minhash_avx512(const uint32_t *xs, long n, const uint64_t *a, const uint64_t *b,
                           long k, uint32_t *out) {
  long i = 0;
  for (; i + 16 <= k; i += 16) {
    __m512i a0 = _mm512_loadu_si512((const void *)(a + i));
    __m512i a1 = _mm512_loadu_si512((const void *)(a + i + 8));
    __m512i b0 = _mm512_loadu_si512((const void *)(b + i));
    __m512i b1 = _mm512_loadu_si512((const void *)(b + i + 8));
    __m256i low0 = _mm256_set1_epi32(-1);
    __m256i low1 = _mm256_set1_epi32(-1);
    for (long j = 0; j < n; j++) {
      __m512i x = _mm512_set1_epi64((long long)xs[j]);
      __m512i h0 = _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a0, x), b0), 32);
      __m512i h1 = _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a1, x), b1), 32);
      low0 = _mm256_min_epu32(low0, _mm512_cvtepi64_epi32(h0));
      low1 = _mm256_min_epu32(low1, _mm512_cvtepi64_epi32(h1));
    }
    _mm256_storeu_si256((__m256i *)(out + i), low0);
    _mm256_storeu_si256((__m256i *)(out + i + 8), low1);
  }
  for (; i + 8 <= k; i += 8) {
    __m512i a0 = _mm512_loadu_si512((const void *)(a + i));
    __m512i b0 = _mm512_loadu_si512((const void *)(b + i));
    __m256i low0 = _mm256_set1_epi32(-1);
    for (long j = 0; j < n; j++) {
      __m512i x = _mm512_set1_epi64((long long)xs[j]);
      __m512i h0 = _mm512_srli_epi64(_mm512_add_epi64(_mm512_mullo_epi64(a0, x), b0), 32);
      low0 = _mm256_min_epu32(low0, _mm512_cvtepi64_epi32(h0));
    }
    _mm256_storeu_si256((__m256i *)(out + i), low0);
  }
  minhash_scalar(xs, n, a, b, i, k, out);
}

/// Four functions per 256-bit vector, two vectors per pass. Without a 64-bit multiply, `a * x`
/// is `lo(a) * x + (hi(a) * x << 32)` (x has 32 bits); after the shift each 64-bit lane holds
/// its value in the low half and zero in the high half, so a 32-bit unsigned minimum is exact.
__attribute__((target("avx2")))
static void minhash_avx2(const uint32_t *xs, long n, const uint64_t *a, const uint64_t *b,
                         long k, uint32_t *out) {
  const __m256i pick = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
  long i = 0;
  for (; i + 8 <= k; i += 8) {
    __m256i a0 = _mm256_loadu_si256((const __m256i *)(a + i));
    __m256i a1 = _mm256_loadu_si256((const __m256i *)(a + i + 4));
    __m256i ah0 = _mm256_srli_epi64(a0, 32);
    __m256i ah1 = _mm256_srli_epi64(a1, 32);
    __m256i b0 = _mm256_loadu_si256((const __m256i *)(b + i));
    __m256i b1 = _mm256_loadu_si256((const __m256i *)(b + i + 4));
    __m256i low0 = _mm256_set1_epi64x(0xFFFFFFFFLL);
    __m256i low1 = _mm256_set1_epi64x(0xFFFFFFFFLL);
    for (long j = 0; j < n; j++) {
      __m256i x = _mm256_set1_epi64x((long long)xs[j]);
      __m256i p0 = _mm256_add_epi64(_mm256_mul_epu32(a0, x),
                                    _mm256_slli_epi64(_mm256_mul_epu32(ah0, x), 32));
      __m256i p1 = _mm256_add_epi64(_mm256_mul_epu32(a1, x),
                                    _mm256_slli_epi64(_mm256_mul_epu32(ah1, x), 32));
      low0 = _mm256_min_epu32(low0, _mm256_srli_epi64(_mm256_add_epi64(p0, b0), 32));
      low1 = _mm256_min_epu32(low1, _mm256_srli_epi64(_mm256_add_epi64(p1, b1), 32));
    }
    __m128i first = _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(low0, pick));
    __m128i second = _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(low1, pick));
    _mm_storeu_si128((__m128i *)(out + i), first);
    _mm_storeu_si128((__m128i *)(out + i + 4), second);
  }
  minhash_scalar(xs, n, a, b, i, k, out);
}

int memoscope_minhash_level(void) {
  // Cheap after the first call (a read of what the runtime found), and free of shared state.
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl"))
    return 2;
  if (__builtin_cpu_supports("avx2")) return 1;
  return 0;
}

int memoscope_minhash_at(int level, const uint32_t *shingles, long count, const uint64_t *a,
                         const uint64_t *b, long k, uint32_t *out) {
  if (level > memoscope_minhash_level()) return 0;
  if (level == 2) {
    minhash_avx512(shingles, count, a, b, k, out);
    return 1;
  }
  if (level == 1) {
    minhash_avx2(shingles, count, a, b, k, out);
    return 1;
  }
  return 0;
}

int memoscope_minhash(const uint32_t *shingles, long count, const uint64_t *a, const uint64_t *b,
                      long k, uint32_t *out) {
  return memoscope_minhash_at(memoscope_minhash_level(), shingles, count, a, b, k, out);
}

#else

int memoscope_minhash_level(void) { return 0; }

int memoscope_minhash_at(int level, const uint32_t *shingles, long count, const uint64_t *a,
                         const uint64_t *b, long k, uint32_t *out) {
  (void)level, (void)shingles, (void)count, (void)a, (void)b, (void)k, (void)out;
  return 0;
}

int memoscope_minhash(const uint32_t *shingles, long count, const uint64_t *a, const uint64_t *b,
                      long k, uint32_t *out) {
  return memoscope_minhash_at(0, shingles, count, a, b, k, out);
}

#endif
