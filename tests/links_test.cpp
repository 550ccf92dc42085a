// find_signal() and link_ranges() (src/temporal/links.hpp) on hand-made sentences: the longest
// signal word that ends before an expression, on a word edge, and the gaps that join two
// expressions into a range.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "temporal/links.hpp"

namespace {

// A DATE timex over the first occurrence of `words` in `text`.
timeline::Timex timex_at(const std::string& text, const std::string& words,
                         const std::string& type = "DATE") {
  timeline::Timex t;
  const std::size_t at = text.find(words);
  REQUIRE(at != std::string::npos);
  t.begin = static_cast<std::uint32_t>(at);
  t.end = static_cast<std::uint32_t>(at + words.size());
  t.text = words;
  t.type = type;
  return t;
}

}  // namespace

TEST_CASE("find_signal: the longest signal before the expression, on a word edge", "[temporal]") {
  std::string text, words, signal, covered;
  std::tie(text, words, signal, covered) =
      GENERATE(table<std::string, std::string, std::string, std::string>({
          {"The ban has held since January.", "January", "since", "since"},
          // "no later than" holds "later than" and "than": the longest wins.
          {"Access returns no later than Friday.", "Friday", "no later than", "no later than"},
          {"It was lifted later than March.", "March", "later than", "later than"},
          {"The rules apply prior to June.", "June", "prior to", "prior to"},
          {"Service may return as soon as Tuesday.", "Tuesday", "as soon as", "as soon as"},
          {"The plan runs into 2026.", "2026", "into", "into"},
          // Written in capitals, given in lower case.
          {"AS OF Monday, the site was down.", "Monday", "as of", "AS OF"},
          // Spaces and a line break between the signal and the expression.
          {"Blocked in  \n 2024.", "2024", "in", "in"},
          // "on" ends "Boston" and "to" ends "onto": not words of their own.
          {"The Boston 2024 rally.", "2024", "", ""},
          {"It moved onto 2026 plans.", "2026", "", ""},
          // No space before the expression: no separate word.
          {"Blocked in2024.", "2024", "", ""},
          {"2024 opened the year.", "2024", "", ""},
          // Only white space before the expression (the text's start): nothing to read.
          {"\n 2024 opened the year.", "2024", "", ""},
      }));
  CAPTURE(text, words);
  timeline::Timex t = timex_at(text, words);
  timeline::temporal_detail::find_signal(text, &t);
  CHECK(t.signal == signal);
  if (signal.empty()) {
    CHECK(t.signal_begin == 0);
    CHECK(t.signal_end == 0);
  } else {
    CHECK(text.substr(t.signal_begin, t.signal_end - t.signal_begin) == covered);
  }
}

TEST_CASE("link_ranges: the gaps that join two expressions into a range", "[temporal]") {
  std::string text, first, second, type2;
  bool joined;
  std::tie(text, first, second, type2, joined) =
      GENERATE(table<std::string, std::string, std::string, std::string, bool>({
          {"Blocked from July 18 to July 23.", "July 18", "July 23", "DATE", true},
          {"Blocked between Monday and Tuesday.", "Monday", "Tuesday", "DATE", true},
          // "and" joins only after "between".
          {"Blocked on Monday and Tuesday.", "Monday", "Tuesday", "DATE", false},
          // "to" after another signal than from/between is not a range.
          {"Moved on Monday to Friday.", "Monday", "Friday", "DATE", false},
          // Without a signal, a "to" (in any case) or a dash joins.
          {"Monday TO Friday.", "Monday", "Friday", "DATE", true},
          {"July 18 \xE2\x80\x93 July 23.", "July 18", "July 23", "DATE", true},
          {"July 18-July 23.", "July 18", "July 23", "DATE", true},
          // Different types, or a gap of more than twelve bytes, are not a range.
          {"From Monday to 3 p.m.", "Monday", "3 p.m.", "TIME", false},
          {"From Monday to, at the latest, Friday.", "Monday", "Friday", "DATE", false},
      }));
  CAPTURE(text);
  std::vector<timeline::Timex> ts = {timex_at(text, first), timex_at(text, second, type2)};
  for (timeline::Timex& t : ts) timeline::temporal_detail::find_signal(text, &t);
  timeline::temporal_detail::link_ranges(text, &ts);
  CHECK(ts[0].range_partner == (joined ? 1 : -1));
  CHECK(ts[1].range_partner == (joined ? 0 : -1));
}
