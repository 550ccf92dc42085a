// Calendar helpers shared by the interval code and the resolver. All arithmetic is
// Boost.Date_Time; nothing here counts days by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <timeline/timex.hpp>

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

// "YYYY-MM-DDThh:mm", and ":ss" when the seconds are not zero.
std::string iso_time(const boost::posix_time::ptime& t);

// The calendar span of a DATE/TIME value: what interval_of() (timeline/timex.hpp) gives, before
// its ends are written as text (the tagger needs only the first day and the precision; most
// EDTF forms need neither end). Days [start, end), or for a time of day the moments
// [start_time, end_time).
struct Span {
  Precision precision = Precision::kUnknown;
  bg::date start, end;  // when !timed
  bool timed = false;
  boost::posix_time::ptime start_time, end_time;  // when timed
  // The day the span starts on.
  bg::date first_day() const { return timed ? start_time.date() : start; }
};

// nullopt exactly when interval_of(value) is nullopt.
std::optional<Span> span_of(std::string_view value);

// The common values in short: for a year, month or day ("2025", "2025-08", "2025-08-14") that
// span_of() takes, sets *precision (kYear, kMonth, kDay) and, when first_day is not null,
// *first_day as span_of() gives them, and returns true, building at most that one date.
// Returns false for every other value (span_of() then has the answer).
bool plain_date_span(std::string_view value, Precision* precision, bg::date* first_day);

}  // namespace timeline::temporal_detail

namespace timeline {
using temporal_detail::iso_date;
using temporal_detail::iso_week_monday;
using temporal_detail::iso_weeks_in_year;
using temporal_detail::previous_day;
}  // namespace timeline
