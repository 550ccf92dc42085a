// Byte tests for the text scanners: std::isalpha and std::tolower with ASCII answered inline (the
// same in every locale; other bytes still go to the C library, so the current locale keeps its
// say), and whether a text is ASCII only.
#pragma once

#include <cctype>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace timeline {

inline bool alpha_byte(unsigned char c) {
  return c < 0x80 ? static_cast<unsigned>((c | 0x20) - 'a') < 26u : std::isalpha(c) != 0;
}

inline char lower_byte(unsigned char c) {
  if (c >= 0x80) return static_cast<char>(std::tolower(c));
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
}

// True when every byte of `t` is below 0x80 (eight at a time).
inline bool all_ascii(std::string_view t) {
  std::size_t i = 0;
  for (; i + 8 <= t.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, t.data() + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < t.size(); ++i)
    if (static_cast<unsigned char>(t[i]) >= 0x80) return false;
  return true;
}

}  // namespace timeline
