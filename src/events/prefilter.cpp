// The byte-level trigger prefilter (see prefilter.hpp).
#include "events/prefilter.hpp"

#include <algorithm>
#include <cstdint>
#include "events/byte_masks.hpp"
#include "events/pack.hpp"

namespace timeline::events {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// Per byte: an ASCII letter (1), an ASCII letter or digit (2); the lower case; a letter's index.
struct Classes {
  unsigned char bits[256] = {};
  char lower[256] = {};
  unsigned char index[256] = {};  // 0..25 for a letter, 26 otherwise
  constexpr Classes() {
    for (int c = 0; c < 256; ++c) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bits[c] = static_cast<unsigned char>((letter ? 1 : 0) |
                                           (letter || (c >= '0' && c <= '9') ? 2 : 0));
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      index[c] = static_cast<unsigned char>(letter ? (lower[c] - 'a') : 26);
    }
  }
};
constexpr Classes kClasses;

bool letter(char c) { return (kClasses.bits[static_cast<unsigned char>(c)] & 1) != 0; }
bool alnum(char c) { return (kClasses.bits[static_cast<unsigned char>(c)] & 2) != 0; }
char lower(char c) { return kClasses.lower[static_cast<unsigned char>(c)]; }

// The hash of the lower case of text[b, e), never 0 (0 marks a free slot).
std::uint64_t run_hash(std::string_view text, std::size_t b, std::size_t e) {
  std::uint64_t h = kFnvOffset;
  for (std::size_t i = b; i < e; ++i) h = (h ^ static_cast<unsigned char>(lower(text[i]))) * kFnvPrime;
  return h == 0 ? 1 : h;
}

// The end of the run of ASCII letters from b (bounded by stop).
std::size_t run_end(std::string_view text, std::size_t b, std::size_t stop) {
  while (b < stop && letter(text[b])) ++b;
  return b;
}

// The slot of the first two letters of a run in TriggerPrefilter::pairs_ (the second is 26 for
// a run of one letter).
std::size_t pair_of(std::string_view text, std::size_t b, std::size_t e) {
  const std::size_t l0 = kClasses.index[static_cast<unsigned char>(text[b])];
  const std::size_t l1 = e - b > 1 ? kClasses.index[static_cast<unsigned char>(text[b + 1])] : 26;
  return l0 * 27 + l1;
}

// Whether a word ending in text[b, e) may have had "n't" split off: its run ends with "n" and an
// apostrophe (' or the first byte of ’) follows.
bool maybe_nt(std::string_view text, std::size_t b, std::size_t e) {
  // The apostrophe first: most words are followed by a space.
  return e < text.size() && (text[e] == '\'' || static_cast<unsigned char>(text[e]) == 0xE2) &&
         e - b >= 2 && lower(text[e - 1]) == 'n';
}

// The leading ASCII letters of a word, lower case ("state" for "state-backed"); empty when it
// does not begin with one.
std::string key_of(const std::string& word) {
  std::string k;
  for (const char c : word) {
    if (!letter(c)) break;
    k += lower(c);
  }
  return k;
}

}  // namespace

inline const TriggerPrefilter::Key* TriggerPrefilter::find(std::string_view text, std::size_t b,
                                                           std::size_t e) const {
  // Most runs are told apart by their first two letters and length, before any hashing.
  if (e - b > 63 || (pairs_[pair_of(text, b, e)] >> (e - b) & 1u) == 0) return nullptr;
  // Then by the last letter and length (a quarter of the runs pass the first test).
  if ((lasts_[kClasses.index[static_cast<unsigned char>(text[e - 1])]] >> (e - b) & 1u) == 0)
    return nullptr;
  return find(run_hash(text, b, e));
}

const TriggerPrefilter::Key* TriggerPrefilter::find(std::uint64_t hash) const {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    if (keys_[i].hash == hash) return &keys_[i];
    if (keys_[i].hash == 0) return nullptr;
  }
}

TriggerPrefilter::Key* TriggerPrefilter::add(std::uint64_t hash) {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    if (keys_[i].hash == hash) return &keys_[i];
    if (keys_[i].hash == 0) {
      keys_[i].hash = hash;
      return &keys_[i];
    }
  }
}

void TriggerPrefilter::build(const std::vector<TriggerRule>& rules) {
  active_ = true;
  std::size_t words = 0;
  for (const TriggerRule& r : rules) words += r.stop ? 0 : r.phrase.first().size();
  std::size_t size = 16;
  while (size < words * 2) size *= 2;
  keys_.assign(size, Key{});
  pairs_.assign(27 * 27, 0);
  lasts_.assign(27, 0);
  for (const TriggerRule& r : rules) {
    if (r.stop) continue;
    const Phrase& p = r.phrase;
    if (p.first().empty()) active_ = false;  // begins with a gap (compile forbids it)
    for (const std::string& w : p.first()) {
      const std::string k = key_of(w);
      if (k.empty()) {
        active_ = false;
        continue;
      }
      Key* key = add(run_hash(k, 0, k.size()));
      if (k.size() > 63) {
        active_ = false;  // longer than the lengths pairs_ can mark
        continue;
      }
      pairs_[pair_of(k, 0, k.size())] |= std::uint64_t{1} << k.size();
      lasts_[kClasses.index[static_cast<unsigned char>(k.back())]] |= std::uint64_t{1} << k.size();
      // The next token is known only after a first word of letters alone (its end is the end
      // of the run) and a second slot that is a word.
      bool any = k.size() != w.size() || p.slot_count() < 2 || p.alts(1).empty();
      std::vector<std::uint64_t> next;
      for (std::size_t a = 0; !any && a < p.alts(1).size(); ++a) {
        const std::string k2 = key_of(p.alts(1)[a]);
        if (k2.empty()) any = true;
        next.push_back(run_hash(k2, 0, k2.size()));
      }
      // A later word: the last slot, when each of its words is ASCII letters alone (a token
      // equal to it begins at a word start, and its run is the whole word).
      std::vector<std::uint64_t> later;
      if (p.slot_count() >= 3) {
        for (const std::string& alt : p.alts(p.slot_count() - 1)) {
          const std::string k3 = key_of(alt);
          if (k3.empty() || k3.size() != alt.size()) {
            later.clear();
            break;
          }
          later.push_back(run_hash(k3, 0, k3.size()));
        }
      }
      if (!later.empty()) {
        key->with_later.push_back(Later{any, any ? std::vector<std::uint64_t>{} : next, later});
      } else if (any) {
        key->any_next = true;
      } else {
        key->next.insert(key->next.end(), next.begin(), next.end());
      }
    }
  }
  if (!active_) keys_.clear();
}

bool TriggerPrefilter::next_fits(const std::vector<std::uint64_t>& next, std::string_view text,
                                 std::size_t q, std::size_t stop) const {
  // The tokenizer skips ASCII spaces and no-break spaces between tokens.
  std::size_t r = q;
  while (r < stop) {
    const unsigned char c = static_cast<unsigned char>(text[r]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++r;
    } else if (c == 0xC2 && r + 1 < text.size() && static_cast<unsigned char>(text[r + 1]) == 0xA0) {
      r += 2;
    } else {
      break;
    }
  }
  if (r >= stop || !letter(text[r])) return false;
  const std::size_t e = run_end(text, r, stop);
  auto has = [&](std::uint64_t h) { return std::find(next.begin(), next.end(), h) != next.end(); };
  return has(run_hash(text, r, e)) || (maybe_nt(text, r, e) && has(run_hash(text, r, e - 1)));
}

bool TriggerPrefilter::later_fits(const std::vector<std::uint64_t>& later, std::string_view text,
                                  std::size_t q, std::size_t stop) const {
  // q is past the first word's first letter, so text[i - 1] is in the span.
  for (std::size_t i = q; i < stop;) {
    if (!letter(text[i])) {
      ++i;
      continue;
    }
    const std::size_t e = run_end(text, i, stop);
    if (!alnum(text[i - 1]) &&
        std::find(later.begin(), later.end(), run_hash(text, i, e)) != later.end())
      return true;
    i = e;
  }
  return false;
}

bool TriggerPrefilter::key_fits(const Key& k, std::string_view text, std::size_t q,
                                std::size_t stop, bool after_nt, LaterMisses* misses) const {
  static const std::uint64_t kN = run_hash("n", 0, 1);  // the key of "n't"
  auto next_ok = [&](bool any, const std::vector<std::uint64_t>& next) {
    if (any) return true;
    if (after_nt) return std::find(next.begin(), next.end(), kN) != next.end();
    return next_fits(next, text, q, stop);
  };
  if (next_ok(k.any_next, k.next)) return true;
  for (const Later& l : k.with_later) {
    if (!next_ok(l.any_next, l.next)) continue;
    bool missed = false;
    for (unsigned m = 0; m < misses->size && !missed; ++m)
      missed = misses->list[m] == &l.later && misses->from[m] <= q;
    if (missed) continue;
    if (later_fits(l.later, text, q, stop)) return true;
    if (misses->size < 4) {
      misses->list[misses->size] = &l.later;
      misses->from[misses->size++] = q;
    }
  }
  return false;
}

bool TriggerPrefilter::may_match(std::string_view text, std::uint32_t begin,
                                 std::uint32_t end) const {
  if (!active_) return true;
  const std::size_t stop = std::min<std::size_t>(end, text.size());
  // Whether a phrase can begin at the word start i (a letter, at `begin` or after a byte that
  // is not a letter or digit) whose run of letters ends at q.
  LaterMisses misses;
  auto at_start = [&](std::size_t i, std::size_t q) {
    if (const Key* k = find(text, i, q))
      if (key_fits(*k, text, q, stop, false, &misses)) return true;
    // "mustn't": the word is the run without its "n", and "n't" follows it.
    if (maybe_nt(text, i, q)) {
      if (const Key* k = find(text, i, q - 1))
        if (key_fits(*k, text, q, stop, true, &misses)) return true;
    }
    return false;
  };
  // Sixty-four bytes a step (ByteMasks): the word starts of the window as bits (a letter whose
  // byte before is not a letter or digit; `begin` is one whatever comes before it). The bits
  // of the bytes at or past stop are cleared.
  std::uint64_t carry = 0;  // the byte before the window is a letter or digit
  for (std::size_t i = begin; i < stop; i += 64) {
    ByteMasks m = ByteMasks::of(text.data() + i, std::min<std::size_t>(64, text.size() - i));
    if (stop - i < 64) {
      const std::uint64_t valid = (std::uint64_t{1} << (stop - i)) - 1;
      m.letter &= valid;
      m.digit &= valid;
    }
    const std::uint64_t words = m.letter | m.digit;
    std::uint64_t starts = m.letter & ~((words << 1) | carry);
    carry = words >> 63;
    const std::uint64_t others = ~m.letter;  // where runs end within the window
    for (; starts != 0; starts &= starts - 1) {
      const auto b = static_cast<unsigned>(__builtin_ctzll(starts));
      const std::uint64_t after = others >> b;
      // A run that fills the window to its end goes on in the bytes after it.
      const std::size_t run = after != 0 ? i + b + static_cast<unsigned>(__builtin_ctzll(after))
                                         : run_end(text, i + 64, stop);
      if (at_start(i + b, run)) return true;
    }
  }
  return false;
}

}  // namespace timeline::events
