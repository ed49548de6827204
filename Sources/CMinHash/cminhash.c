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

/// One 64-byte compare per 64 bytes of signature, the equal bytes counted from the mask.
__attribute__((target("avx512f,avx512bw,avx512vl,popcnt")))
static long screen_avx512(const uint8_t *bytes, long hashes, uint32_t a, const uint32_t *others,
                          long count, long minimum, uint32_t *passing) {
  const uint8_t *x = bytes + (long)a * hashes;
  long found = 0;
  for (long t = 0; t < count; t++) {
    const uint8_t *y = bytes + (long)others[t] * hashes;
    long same = 0;
    long offset = 0;
    for (; offset + 64 <= hashes; offset += 64) {
      __m512i left = _mm512_loadu_si512((const void *)(x + offset));
      __m512i right = _mm512_loadu_si512((const void *)(y + offset));
      same += __builtin_popcountll(_mm512_cmpeq_epi8_mask(left, right));
    }
    if (offset < hashes) {
      __mmask64 tail = (__mmask64)-1 >> (64 - (hashes - offset));
      __m512i left = _mm512_maskz_loadu_epi8(tail, (const void *)(x + offset));
      __m512i right = _mm512_maskz_loadu_epi8(tail, (const void *)(y + offset));
      same += __builtin_popcountll(_mm512_mask_cmpeq_epi8_mask(tail, left, right));
    }
    if (same >= minimum) passing[found++] = (uint32_t)t;
  }
  return found;
}

/// One 32-byte compare per 32 bytes of signature, the rest byte by byte.
__attribute__((target("avx2,popcnt")))
static long screen_avx2(const uint8_t *bytes, long hashes, uint32_t a, const uint32_t *others,
                        long count, long minimum, uint32_t *passing) {
  const uint8_t *x = bytes + (long)a * hashes;
  long found = 0;
  for (long t = 0; t < count; t++) {
    const uint8_t *y = bytes + (long)others[t] * hashes;
    long same = 0;
    long offset = 0;
    for (; offset + 32 <= hashes; offset += 32) {
      __m256i left = _mm256_loadu_si256((const __m256i *)(x + offset));
      __m256i right = _mm256_loadu_si256((const __m256i *)(y + offset));
      same += __builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(left, right)));
    }
    for (; offset < hashes; offset++) same += x[offset] == y[offset];
    if (same >= minimum) passing[found++] = (uint32_t)t;
  }
  return found;
}

__attribute__((target("avx2,popcnt")))
static long intersection_avx2(const uint32_t *a, long na, const uint32_t *b, long nb) {
  const __m256i rotate = _mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 0);
  long i = 0, j = 0, shared = 0;
  while (i + 8 <= na && j + 8 <= nb) {
    __m256i left = _mm256_loadu_si256((const __m256i *)(a + i));
    __m256i right = _mm256_loadu_si256((const __m256i *)(b + j));
    __m256i hits = _mm256_cmpeq_epi32(left, right);
    for (int turn = 1; turn < 8; turn++) {
      right = _mm256_permutevar8x32_epi32(right, rotate);
      hits = _mm256_or_si256(hits, _mm256_cmpeq_epi32(left, right));
    }
    shared += __builtin_popcount((unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(hits)));
    uint32_t lastA = a[i + 7], lastB = b[j + 7];
    i += lastA <= lastB ? 8 : 0;
    j += lastB <= lastA ? 8 : 0;
  }
  while (i < na && j < nb) {
    uint32_t x = a[i], y = b[j];
    shared += x == y;
    i += x <= y;
    j += y <= x;
  }
  return shared;
}

long memoscope_intersection_count(const uint32_t *a, long na, const uint32_t *b, long nb) {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"))
    return intersection_avx2(a, na, b, nb);
  return -1;
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

long memoscope_screen_row(const uint8_t *bytes, long hashes, uint32_t a, const uint32_t *others,
                          long count, long minimum, uint32_t *passing) {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("popcnt"))
    return screen_avx512(bytes, hashes, a, others, count, minimum, passing);
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"))
    return screen_avx2(bytes, hashes, a, others, count, minimum, passing);
  return -1;
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

long memoscope_intersection_count(const uint32_t *a, long na, const uint32_t *b, long nb) {
  (void)a, (void)na, (void)b, (void)nb;
  return -1;
}

long memoscope_screen_row(const uint8_t *bytes, long hashes, uint32_t a, const uint32_t *others,
                          long count, long minimum, uint32_t *passing) {
  (void)bytes, (void)hashes, (void)a, (void)others, (void)count, (void)minimum, (void)passing;
  return -1;
}

#endif
