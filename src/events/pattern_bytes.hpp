// The ASCII bytes a match of a regular expression can hold: a superset worked out from the
// pattern's text, for the entity patterns' search windows (patterns.hpp).
//
// A match of a pattern lies in one run of the bytes it can hold; a match of a pattern that the
// atom prefilter admits holds an atom (FilteredRE2: every string the pattern matches holds, in
// lower case, atoms that satisfy its condition, and a condition that an empty set of atoms
// fails needs at least one). So such a pattern need only be searched in the runs of its bytes
// that hold a place where an atom occurs: on news text, a half of the bytes or less, as a comma,
// a digit or a quotation mark ends most runs.
//
// The set is a superset: anything the reading below does not know (\p classes, \x escapes,
// POSIX classes, \Q...\E, \C) gives up and returns false, and a caller then searches the whole
// sentence. Case-insensitive flags anywhere in the pattern put both cases of every letter in the
// set. Only ASCII bytes are told: the windows are used on sentences that are all ASCII.
//
// Example:
//   ByteSet set;
//   if (match_bytes("(?i:the\\s+)?[A-Z][a-z]+ court", &set)) ... set.has(',') is false
//
// Thread safety: pure function.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace timeline::events {

// A set of ASCII bytes: a flag for every byte value, so that a byte is looked up in one load
// (runs of a set's bytes are walked byte by byte).
struct ByteSet {
  std::array<std::uint8_t, 256> in{};
  void add(unsigned c) {
    if (c < 128) in[c] = 1;
  }
  void add_range(unsigned lo, unsigned hi) {
    for (unsigned c = lo; c <= hi && c < 128; ++c) add(c);
  }
  // False for every byte of 0x80 and above.
  bool has(unsigned char c) const { return in[c] != 0; }
};

// Sets *out to a superset of the ASCII bytes a match of `regex` (RE2 syntax) can hold and
// returns true; returns false when the pattern holds syntax it does not read (see above).
bool match_bytes(std::string_view regex, ByteSet* out);

// Calls fn(begin, end) for each longest run text[begin, end) of bytes of `set` that holds one of
// the places `at` ([begin, end) pairs sorted by begin), in order, each run once. A place with a
// byte not in `set` is in no run.
template <typename Fn>
void each_run_holding(const ByteSet& set, std::string_view text,
                      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& at, Fn&& fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint8_t* const in = set.in.data();
  const std::size_t n = text.size();
  std::size_t done = 0;  // the end of the last run
  for (const auto& [b, e] : at) {
    if (b < done) continue;  // in the last run, or holding a byte that ended it
    std::size_t x = b;
    while (x < e && in[p[x]]) ++x;
    if (x < e) continue;  // a byte of the place is not in the set
    std::size_t y = e;
    while (y < n && in[p[y]]) ++y;
    x = b;
    while (x > done && in[p[x - 1]]) --x;
    fn(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
    done = y;
  }
}

}  // namespace timeline::events
