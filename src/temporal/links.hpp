// After matching: the signal word before each timex ("since January") and the two ends of
// ranges ("from July 18 to July 23", "between Monday and Tuesday").
#pragma once

#include <string_view>
#include <vector>

#include <timeline/timex.hpp>

namespace timeline::temporal_detail {

// Fills Timex::signal, signal_begin and signal_end of one timex: the longest signal word that
// ends just before it, on a word edge.
// The sixteen bytes before the signal's end are lowered and compared eight at a time; when one
// of them is not ASCII, find_signal_bytewise() answers.
void find_signal(std::string_view text, Timex* t);

// find_signal(), a byte at a time (each byte lowered by lower_byte(), as the locale says for
// bytes of 0x80 and above): the answer find_signal() must give.
void find_signal_bytewise(std::string_view text, Timex* t);

// Fills Timex::range_partner (signals must be found first). `timexes` are sorted by begin and
// index `text`.
void link_ranges(std::string_view text, std::vector<Timex>* timexes);

// For a range whose first end names no year ("from January through March 2024"), gives the
// first end the year of the second. `partials` are the rules' values before resolution.
void share_range_years(const std::vector<std::string>& partials, std::vector<Timex>* timexes);

}  // namespace timeline::temporal_detail
