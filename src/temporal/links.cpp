// Signals and ranges (see links.hpp).
#include "temporal/links.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.hpp"

namespace timeline::temporal_detail {
namespace {

const char* const kSignals[] = {"as of", "since", "from", "until", "till", "to", "between",
                                "and", "before", "after", "by", "in", "on", "at", "during",
                                "for", "through", "within", "throughout", "starting",
                                "beginning", "around", "about", "ending", "over", "of", "into",
                                "past", "than", "prior to", "following", "earlier than",
                                "later than", "no later than", "as early as", "as late as",
                                "as soon as"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The signals by their last byte, longest first: the first one of a bucket that ends at a
// place and starts a word there is the longest that does.
const std::array<std::vector<std::string_view>, 256>& signals_by_last_byte() {
  static const std::array<std::vector<std::string_view>, 256> table = [] {
    std::array<std::vector<std::string_view>, 256> t;
    for (const char* sig : kSignals) {
      const std::string_view s(sig);
      t[static_cast<unsigned char>(s.back())].push_back(s);
    }
    for (auto& bucket : t)
      std::stable_sort(bucket.begin(), bucket.end(),
                       [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    return t;
  }();
  return table;
}

constexpr std::size_t kWindow = 16;  // no signal is longer
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The eight ASCII bytes of w with 'A'..'Z' lowered (bit 5 set), the others as they are.
std::uint64_t lower8(std::uint64_t w) {
  const std::uint64_t at_least_a = w + kOnes * (0x80 - 'A');
  const std::uint64_t past_z = w + kOnes * (0x80 - 'Z' - 1);
  return w | ((at_least_a & ~past_z & kHigh) >> 2);
}

// A signal as the last bytes of a window of kWindow: its bytes where the window's last bytes
// are, and a mask of them, in two numbers of eight bytes (memory order).
struct Pattern {
  std::uint64_t head = 0, head_mask = 0, tail = 0, tail_mask = 0;
  std::string_view sig;
};

// The signals by their last byte as Patterns, longest first (as signals_by_last_byte()).
const std::array<std::vector<Pattern>, 256>& patterns_by_last_byte() {
  static const std::array<std::vector<Pattern>, 256> table = [] {
    std::array<std::vector<Pattern>, 256> t;
    const auto& by_last = signals_by_last_byte();
    for (std::size_t c = 0; c < 256; ++c) {
      for (std::string_view sig : by_last[c]) {
        char bytes[kWindow] = {}, mask[kWindow] = {};
        std::memcpy(bytes + kWindow - sig.size(), sig.data(), sig.size());
        std::memset(mask + kWindow - sig.size(), 0xFF, sig.size());
        t[c].push_back(Pattern{load8(bytes), load8(mask), load8(bytes + 8), load8(mask + 8), sig});
      }
    }
    return t;
  }();
  return table;
}

// Sets t's signal to `sig`, found at [b, e).
void set_signal(std::size_t b, std::size_t e, std::string_view sig, Timex* t) {
  t->signal.assign(sig.data(), sig.size());
  t->signal_begin = static_cast<std::uint32_t>(b);
  t->signal_end = static_cast<std::uint32_t>(e);
}

}  // namespace

void find_signal_bytewise(std::string_view text, Timex* t) {
  std::size_t e = t->begin;
  while (e > 0 && is_space(text[e - 1])) --e;
  if (e == t->begin) return;  // no space before: not a separate word
  if (e == 0) return;          // only white space before: no word at all
  // The longest signal that ends at e and starts a word, compared without copying.
  const auto& bucket = signals_by_last_byte()[static_cast<unsigned char>(
      lower_byte(static_cast<unsigned char>(text[e - 1])))];
  for (std::string_view sig : bucket) {
    const std::size_t n = sig.size();
    if (n > e) continue;
    const std::size_t b = e - n;
    bool same = true;
    for (std::size_t i = n - 1; i-- > 0 && same;)  // the last byte chose the bucket
      same = lower_byte(static_cast<unsigned char>(text[b + i])) == sig[i];
    if (!same) continue;
    if (b > 0 && std::isalnum(static_cast<unsigned char>(text[b - 1]))) continue;
    // The text, lowered, is the signal itself.
    return set_signal(b, e, sig, t);
  }
}

void find_signal(std::string_view text, Timex* t) {
  std::size_t e = t->begin;
  while (e > 0 && is_space(text[e - 1])) --e;
  if (e == t->begin) return;  // no space before: not a separate word
  if (e == 0) return;          // only white space before: no word at all
  // The kWindow bytes that end at e (zeros before the text's start, which no signal holds),
  // lowered eight at a time; a byte of 0x80 or above (lowered as the locale says) leaves the
  // comparing to find_signal_bytewise().
  char window[kWindow] = {};
  const char* w = window;
  if (e >= kWindow) w = text.data() + e - kWindow;
  else std::memcpy(window + kWindow - e, text.data(), e);
  const std::uint64_t head = load8(w), tail = load8(w + 8);
  if ((head | tail) & kHigh) return find_signal_bytewise(text, t);
  const std::uint64_t lhead = lower8(head), ltail = lower8(tail);
  for (const Pattern& p : patterns_by_last_byte()[static_cast<unsigned char>(
           lower_byte(static_cast<unsigned char>(text[e - 1])))]) {
    if ((ltail & p.tail_mask) != p.tail || (lhead & p.head_mask) != p.head) continue;
    const std::size_t n = p.sig.size();
    if (n > e) continue;
    const std::size_t b = e - n;
    if (b > 0 && std::isalnum(static_cast<unsigned char>(text[b - 1]))) continue;
    return set_signal(b, e, p.sig, t);
  }
}

void link_ranges(std::string_view text, std::vector<Timex>* timexes) {
  auto& ts = *timexes;
  for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
    Timex& a = ts[i];
    Timex& b = ts[i + 1];
    const std::string_view type = a.type;
    if (type != b.type || (type != "DATE" && type != "TIME")) continue;
    if (b.begin < a.end || b.begin - a.end > 12) continue;
    // The gap in lower case without white space (at most 12 bytes).
    char buffer[12];
    std::size_t n = 0;
    for (char c : text.substr(a.end, b.begin - a.end))
      if (!is_space(c)) buffer[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view g(buffer, n), sig = a.signal;
    const bool dash = g == "-" || g == "\xE2\x80\x93" || g == "\xE2\x80\x94";
    const bool open = sig == "from" || sig == "between";
    const bool joined = ((g == "to" || g == "until" || g == "till" || g == "through") &&
                         (open || sig.empty())) ||
                        (g == "and" && sig == "between") || dash;
    if (!joined) continue;
    a.range_partner = static_cast<int>(i + 1);
    b.range_partner = static_cast<int>(i);
  }
}

void share_range_years(const std::vector<std::string>& partials, std::vector<Timex>* timexes) {
  auto& ts = *timexes;
  for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
    if (ts[i].range_partner != static_cast<int>(i + 1)) continue;
    const std::string& pa = partials[i];
    const std::string& pb = partials[i + 1];
    if (pa.compare(0, 6, "UNDEF-") != 0 || pb.compare(0, 6, "UNDEF-") == 0) continue;
    if (pa.find("-month-") == std::string::npos && pa.find("-weekday-") == std::string::npos &&
        pa.find("-season-") == std::string::npos)
      continue;
    Timex& a = ts[i];
    const Timex& b = ts[i + 1];
    if (a.value.size() < 7 || b.value.size() < 4 || a.value.compare(0, 4, b.value, 0, 4) == 0)
      continue;
    // Same year as the end, or the year before when the start's month comes later.
    std::string year = b.value.substr(0, 4);
    if (b.value.size() >= 7 && a.value.compare(5, 2, b.value, 5, 2) > 0)
      year = std::to_string(std::stoi(year) - 1);
    a.value = year + a.value.substr(4);
  }
}

}  // namespace timeline::temporal_detail
