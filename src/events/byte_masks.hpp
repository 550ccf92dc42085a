// Classes of 64 bytes at once, as bit masks (bit k: byte k), for the scans of the claim
// extractor that look at every byte of a sentence: the tokenizer (tokens.cpp) and the trigger
// prefilter (prefilter.cpp).
//
// ByteMasks::of(p, n) reads p[0, n) (n <= 64; the bits of bytes past n are clear) and tells
// which bytes are ASCII letters, ASCII digits and ASCII capitals. With SSE2, 64 bytes come in
// four loads; otherwise (or for fewer than 64 bytes) byte by byte, with the same result.
//
// Example:
//   const ByteMasks m = ByteMasks::of(text.data() + i, std::min<std::size_t>(64, text.size() - i));
//   const std::uint64_t words = m.letter | m.digit;
//
// Thread safety: values only.
#pragma once

#include <cstddef>
#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace timeline::events {

struct ByteMasks {
  std::uint64_t letter = 0;  // 'A'-'Z', 'a'-'z'
  std::uint64_t digit = 0;   // '0'-'9'
  std::uint64_t upper = 0;   // 'A'-'Z'

  static ByteMasks of(const char* p, std::size_t n) {
    ByteMasks m;
#ifdef __SSE2__
    if (n == 64) {
      const __m128i below_a = _mm_set1_epi8('a' - 1), above_z = _mm_set1_epi8('z' + 1);
      const __m128i below_ua = _mm_set1_epi8('A' - 1), above_uz = _mm_set1_epi8('Z' + 1);
      const __m128i below_0 = _mm_set1_epi8('0' - 1), above_9 = _mm_set1_epi8('9' + 1);
      const __m128i case_bit = _mm_set1_epi8(0x20);
      for (unsigned k = 0; k < 64; k += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
        const __m128i lower = _mm_or_si128(v, case_bit);
        // Signed compares: a byte beyond ASCII is negative, so neither a letter nor a digit.
        const __m128i alpha =
            _mm_and_si128(_mm_cmpgt_epi8(lower, below_a), _mm_cmplt_epi8(lower, above_z));
        const __m128i digit =
            _mm_and_si128(_mm_cmpgt_epi8(v, below_0), _mm_cmplt_epi8(v, above_9));
        const __m128i capital =
            _mm_and_si128(_mm_cmpgt_epi8(v, below_ua), _mm_cmplt_epi8(v, above_uz));
        m.letter |= bits(alpha) << k;
        m.digit |= bits(digit) << k;
        m.upper |= bits(capital) << k;
      }
      return m;
    }
#endif
    for (std::size_t k = 0; k < n; ++k) {
      const unsigned char c = static_cast<unsigned char>(p[k]);
      const std::uint64_t bit = std::uint64_t{1} << k;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) m.letter |= bit;
      if (c >= '0' && c <= '9') m.digit |= bit;
      if (c >= 'A' && c <= 'Z') m.upper |= bit;
    }
    return m;
  }

 private:
#ifdef __SSE2__
  static std::uint64_t bits(__m128i v) {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(v)));
  }
#endif
};

}  // namespace timeline::events
