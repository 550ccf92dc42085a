// A cheap test of where a set of patterns can start matching, from their first two bytes.
//
// The matcher asks its RE2::Set at every place where a word or a sign starts; each such call
// costs a fixed few hundred nanoseconds, and most places ("government", "of", ",") start no
// timex. PrefixGate reads the patterns' syntax once and records every three bytes a match can
// begin with (and every match of one or two bytes), by byte class; a place whose first bytes are
// not among them is skipped without asking RE2. Case is folded except in (?-i:...) groups.
//
// The analysis is conservative: it may let through places where nothing matches (the set then
// says no), never the reverse. Constructs it does not model (negated classes, \p{..}, any
// syntax it cannot read) count as "any byte"; a pattern it cannot read at all, or one that can
// match the empty string, opens the gate everywhere.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

namespace timeline::temporal_detail {

class PrefixGate {
 public:
  // Byte classes: each ASCII letter, digit and sign; white space, control bytes and the bytes
  // of non-ASCII characters one class each.
  static constexpr unsigned kClasses = 97;
  using Classes = std::bitset<kClasses>;
  static std::uint8_t class_of(unsigned char c) { return kClassOf[c]; }

  // Adds one pattern (RE2 syntax, compiled case-insensitive: (?-i:...) parts are exact).
  void add(std::string_view pattern);

  // True when a match of some added pattern may start at text[p] (text ends at `end`).
  bool may_start(std::string_view text, std::size_t p, std::size_t end) const {
    if (open_) return true;
    const unsigned a = class_of(static_cast<unsigned char>(text[p]));
    if (ones_[a]) return true;
    if (p + 1 >= end) return false;
    const unsigned b = class_of(static_cast<unsigned char>(text[p + 1]));
    if (twos_[a][b]) return true;
    if (p + 2 >= end) return false;
    return triples_[a * kClasses + b][class_of(static_cast<unsigned char>(text[p + 2]))];
  }

 private:
  static const std::array<std::uint8_t, 256> kClassOf;
  bool open_ = false;                     // some pattern can start anywhere
  Classes ones_;                          // a match can be this one byte
  std::array<Classes, kClasses> twos_;    // [first][second]: a match can be these two bytes
  std::vector<Classes> triples_ = std::vector<Classes>(kClasses * kClasses);  // [first*k+second][third]
};

}  // namespace timeline::temporal_detail
