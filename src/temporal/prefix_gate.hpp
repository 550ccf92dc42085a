// A cheap test of where a set of patterns can start matching, from their first two bytes.
//
// The matcher asks its RE2::Set at every place where a word or a sign starts; each such call
// costs a fixed few hundred nanoseconds, and most places ("government", "of", ",") start no
// timex. PrefixGate reads the patterns' syntax once and records every byte pair a match can
// begin with (and every byte a one-byte match can be), in lower case; a place whose first two
// bytes are not among them is skipped without asking RE2.
//
// The analysis is conservative: it may let through places where nothing matches (the set then
// says no), never the reverse. Constructs it does not model (negated classes, \p{..}, any
// syntax it cannot read) count as "any byte"; a pattern it cannot read at all, or one that can
// match the empty string, opens the gate everywhere.
#pragma once

#include <array>
#include <bitset>
#include <string_view>
#include <vector>

namespace timeline::temporal_detail {

class PrefixGate {
 public:
  // Adds one pattern (RE2 syntax, matched case-insensitively).
  void add(std::string_view pattern);

  // True when a match of some added pattern may start at text[p] (text ends at `end`).
  bool may_start(std::string_view text, std::size_t p, std::size_t end) const {
    if (open_) return true;
    const unsigned char c1 = fold(static_cast<unsigned char>(text[p]));
    if (ones_[c1]) return true;
    if (p + 1 >= end) return false;
    return pairs_[c1][fold(static_cast<unsigned char>(text[p + 1]))];
  }

  static unsigned char fold(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
  }

 private:
  bool open_ = false;                       // some pattern can start anywhere
  std::bitset<256> ones_;                   // bytes a match can consist of alone
  std::array<std::bitset<256>, 256> pairs_;  // [first][second] bytes a match can begin with
};

}  // namespace timeline::temporal_detail
