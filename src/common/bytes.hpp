// Byte tests for the text scanners: std::isalpha and std::tolower with ASCII answered inline (the
// same in every locale); other bytes still go to the C library, so the current locale keeps its
// say.
#pragma once

#include <cctype>

namespace timeline {

inline bool alpha_byte(unsigned char c) {
  return c < 0x80 ? static_cast<unsigned>((c | 0x20) - 'a') < 26u : std::isalpha(c) != 0;
}

inline char lower_byte(unsigned char c) {
  if (c >= 0x80) return static_cast<char>(std::tolower(c));
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
}

}  // namespace timeline
