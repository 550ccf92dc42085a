// Calendar helpers shared by the interval code and the resolver. All arithmetic is
// Boost.Date_Time; nothing here counts days by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace timeline::temporal_detail {

namespace bg = boost::gregorian;

// "YYYY-MM-DD" of a date.
std::string iso_date(const bg::date& d);

// The Monday that starts ISO week `week` of ISO year `year`.
bg::date iso_week_monday(int year, int week);

// 52 or 53.
int iso_weeks_in_year(int year);

// "YYYY-Www" of the ISO week holding `d`.
std::string iso_week_of(const bg::date& d);

// Parses "YYYY-MM-DD" (anything after the day, such as a time, is ignored); nullopt when invalid.
std::optional<bg::date> parse_iso_date(std::string_view s);

// "YYYY-MM-DD" of the day before an ISO date; "" when the input is not a date.
std::string previous_day(std::string_view iso);

}  // namespace timeline::temporal_detail

namespace timeline {
using temporal_detail::iso_date;
using temporal_detail::iso_week_monday;
using temporal_detail::iso_weeks_in_year;
using temporal_detail::previous_day;
}  // namespace timeline
