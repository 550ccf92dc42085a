// Signals and ranges (see links.hpp).
#include "temporal/links.hpp"

#include <algorithm>
#include <array>
#include <cctype>
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

}  // namespace

void find_signal(std::string_view text, Timex* t) {
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
    t->signal.assign(sig.data(), sig.size());
    t->signal_begin = static_cast<std::uint32_t>(b);
    t->signal_end = static_cast<std::uint32_t>(e);
    return;
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
