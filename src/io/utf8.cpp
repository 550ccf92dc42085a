// UTF-8 validation and the input gate every parser shares (see io_util.hpp).
#include <cstdint>
#include <cstdio>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <timeline/document.hpp>

#include "io/io_util.hpp"

namespace timeline {

bool valid_utf8(std::string_view bytes, std::size_t* bad_offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < n && s[k] >= lo && s[k] <= hi;
  };
  while (i < n) {
#ifdef __SSE2__
    if (i + 16 <= n) {  // sixteen ASCII bytes, none of them NUL, in one step
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()))) == 0) {
        i += 16;
        continue;
      }
    }
#endif
    if (i + 8 <= n) {  // eight ASCII bytes, none of them NUL, in one step
      std::uint64_t w;
      std::memcpy(&w, s + i, sizeof w);
      constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
      if (((w | (w - kOnes)) & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = s[i];
    std::size_t len = 0;
    if (c >= 0x01 && c <= 0x7F) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = cont(i + 1) ? 2 : 0;
    else if (c == 0xE0) len = cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;           // no overlong
    else if (c == 0xED) len = cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;     // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (c == 0xF0) len = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c >= 0xF1 && c <= 0xF3) len = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c == 0xF4) len = cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

namespace io {

Place place_of(std::string_view bytes, std::size_t offset, int first_line) {
  Place p;
  p.line = first_line;
  std::size_t line_start = 0;
  if (offset > bytes.size()) offset = bytes.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.column = static_cast<int>(offset - line_start) + 1;
  return p;
}

bool check_input(std::string_view bytes, const std::string& name, int first_line,
                 std::string_view* body, Error* error) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::string_view rest = bytes;
  if (rest.substr(0, kBom.size()) == kBom) rest.remove_prefix(kBom.size());
  std::size_t bad = 0;
  if (!valid_utf8(rest, &bad)) {
    const std::size_t at = bad + (bytes.size() - rest.size());
    const Place p = place_of(bytes, at, first_line);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[at]));
    std::string message = bytes[at] == '\0'
                              ? std::string("NUL byte: this is not a text file")
                              : "invalid UTF-8 (byte " + std::string(hex) +
                                    "); convert the file to UTF-8";
    *error = Error{name, p.line, p.column, std::move(message)};
    return false;
  }
  if (is_blank(rest)) {
    *error = Error{name, first_line == 1 ? 0 : first_line, 0, "empty document"};
    return false;
  }
  *body = rest;
  return true;
}

}  // namespace io
}  // namespace timeline
