// Fast scans for the tokenizer's hot loops: the first byte equal to any of a few ASCII bytes,
// 16 bytes at a time with SSE2 (baseline on x86-64), byte by byte elsewhere and for the tail.
#pragma once
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pith::html5 {

// First position in [p, end) holding one of Cs, or end.
template <char... Cs>
inline const char* scan_for(const char* p, const char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
    if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p != end && ((*p != Cs) && ...)) ++p;
  return p;
}

// How many bytes in [p, end) equal c. The SSE2 loop subtracts the 0/-1 compare results into
// byte counters and folds them with a sum of absolute differences every 255 blocks (no popcount
// instruction in the x86-64 baseline).
inline size_t count_byte(const char* p, const char* end, char c) {
  size_t n = 0;
#if defined(__SSE2__)
  const __m128i needle = _mm_set1_epi8(c);
  while (end - p >= 16) {
    __m128i acc = _mm_setzero_si128();
    for (int k = 0; k < 255 && end - p >= 16; ++k, p += 16)
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), needle));
    __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
    n += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; p != end; ++p) n += *p == c;
  return n;
}

}  // namespace pith::html5
