// After matching: the signal word before each timex ("since January") and the two ends of
// ranges ("from July 18 to July 23", "between Monday and Tuesday").
#pragma once

#include <string_view>
#include <vector>

#include <timeline/timex.hpp>

namespace timeline::temporal_detail {

// Fills Timex::signal/signal_begin/signal_end and Timex::range_partner. `timexes` are sorted by
// begin and index `text`.
void link_signals_and_ranges(std::string_view text, std::vector<Timex>* timexes);

}  // namespace timeline::temporal_detail
