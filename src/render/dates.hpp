// Calendar helpers of the render stage: ISO dates to Boost dates and back, the inclusive last day
// of a half-open interval, and the human form of a When. All arithmetic is Boost.Date_Time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <timeline/claim.hpp>

namespace timeline::render {

using Date = boost::gregorian::date;

// The date part of "YYYY-MM-DD" or "YYYY-MM-DDThh:mm..."; nullopt when it is not a valid date.
std::optional<Date> parse_day(std::string_view iso);

// "YYYY-MM-DD".
std::string iso_day(const Date& d);

// The time part "hh:mm" of a date-time, or "".
std::string time_of_day(std::string_view iso);

// The day after the unit of precision `p` that begins at `start` (a month -> the first of the
// next month). nullopt for precisions without a fixed unit (unknown, part of day and finer
// return start + 1 day).
std::optional<Date> unit_end(const Date& start, Precision p);

// The days a When covers on the calendar, inclusive: first and last. An open start has no first;
// an open end has no last, unless `open_until` (a publication date) is given, which then is the
// last day. Both nullopt when the time is not on the calendar, or lies in 1400 or 9999, the first
// and last years of Boost.Date_Time (arithmetic near them would step past the calendar).
struct DayRange {
  std::optional<Date> first, last;
  bool open_start = false, open_end = false;
};
DayRange day_range(const When& w, std::string_view open_until = {});

// "12 February 2026", "August 2025", "2025", "week of 9 February 2026", "Q3 2025",
// "summer 2025", "the 2020s", at the given precision, for the unit beginning at `d`.
std::string unit_label(const Date& d, Precision p);

// "12 February 2026".
std::string long_day(const Date& d);

}  // namespace timeline::render
