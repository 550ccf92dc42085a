// normalize_published: the publication dates that users and pages write, to "YYYY-MM-DD".
//
// Accepted (case-insensitive, surrounding white space ignored):
//   2026-02-12, 2026/02/12, 2026-2-12       ISO order, optionally followed by a time:
//   2026-02-12T09:30:00Z, 2026-02-12 09:30  the date is kept as written (no time-zone shift:
//                                            the publisher's own calendar day is the anchor)
//   20260212, 20260212T093000Z              compact ISO
//   February 12, 2026 / Feb. 12 2026 / Thursday, February 12, 2026 [, 9:30 AM EST]
//   12 February 2026 / 12 Feb 2026 / Thu, 12 Feb 2026 09:30:00 +0000 (RFC 822)
// Numeric day/month orders such as 02/12/2026 are refused: they are ambiguous.
// Every candidate is checked against the calendar with Boost.Date_Time, so 2025-02-30 is "", and so
// is a date before 1400-01-01, the first day Boost.Date_Time holds (published_date_problem() says
// which of the two it is, for error messages).
#include <cstdio>
#include <memory>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <re2/re2.h>

#include <timeline/document.hpp>

#include "io/io_util.hpp"

namespace timeline {
namespace {

// An optional weekday before the date, and an optional time of day after it (ignored).
constexpr const char kWeekday[] =
    R"re((?:(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+)?)re";
constexpr const char kTime[] =
    R"re((?:(?:\s*,\s*|\s+|\s+at\s+)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{1,5}|[+-]\d{2}:?\d{2})?)?)re";

struct Patterns {
  std::unique_ptr<RE2> iso, compact, month_first, day_first;
};

std::unique_ptr<RE2> compile(const std::string& pattern) {
  RE2::Options o(RE2::Quiet);
  o.set_case_sensitive(false);
  auto re = std::make_unique<RE2>(pattern, o);
  return re->ok() ? std::move(re) : nullptr;
}

const Patterns& patterns() {
  static const Patterns p = [] {
    Patterns out;
    out.iso = compile(
        R"(^(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?|utc|gmt)?)?$)");
    out.compact = compile(R"(^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:t\d{4}(?:\d{2})?z?)?$)");
    out.month_first = compile(std::string("^") + kWeekday +
                              R"((?P<mon>\pL+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4}))" +
                              kTime + "$");
    out.day_first = compile(std::string("^") + kWeekday +
                            R"((?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>\pL+)\.?,?\s+(?P<y>\d{4}))" +
                            kTime + "$");
    return out;
  }();
  return p;
}

// 1..12 for an English month name or abbreviation, 0 otherwise.
int month_number(const std::string& name) {
  static const char* const kNames[] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
  const std::string n = io::lower(name);
  for (int i = 0; i < 12; ++i) {
    const std::string full = kNames[i];
    if (n == full || (n.size() >= 3 && full.compare(0, n.size(), n) == 0 && n.size() <= 4))
      return i + 1;
  }
  return 0;
}

std::string format_date(int y, int m, int d) {
  try {
    const boost::gregorian::date date(static_cast<unsigned short>(y),
                                      static_cast<unsigned short>(m),
                                      static_cast<unsigned short>(d));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(date.year()),
                  static_cast<int>(date.month()), static_cast<int>(date.day()));
    return buf;
  } catch (const std::exception&) {
    return "";
  }
}

// The year, month and day `raw` writes in one of the accepted forms, unchecked against the
// calendar (2025-02-30 passes). False when it has none of the forms.
bool parse_date(std::string_view raw, int* y, int* m, int* d) {
  const Patterns& p = patterns();
  if (!p.iso || !p.compact || !p.month_first || !p.day_first) return false;
  const re2::StringPiece in(io::trim(raw).data(), io::trim(raw).size());
  if (in.size() > 80) return false;
  std::string mon;
  if (RE2::FullMatch(in, *p.iso, y, m, d) || RE2::FullMatch(in, *p.compact, y, m, d)) return true;
  if (RE2::FullMatch(in, *p.month_first, &mon, d, y) ||
      RE2::FullMatch(in, *p.day_first, d, &mon, y)) {
    *m = month_number(mon);
    return *m != 0;
  }
  return false;
}

constexpr int kFirstYear = 1400;  // boost::gregorian::date's first year

// `s` when it is already a date of the calendar written YYYY-MM-DD (the form nearly every
// record gives), else "" and the caller takes the general way. Digits are ASCII, as RE2's \d.
std::string already_normal(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t k = from; k < from + count; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return "";
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  using Calendar = boost::gregorian::gregorian_calendar;
  if (y < kFirstYear || m < 1 || m > 12 || d < 1 ||
      d > Calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m)))
    return "";
  return std::string(s);
}

}  // namespace

std::string normalize_published(std::string_view raw) {
  if (std::string fast = already_normal(io::trim(raw)); !fast.empty()) return fast;
  int y = 0, m = 0, d = 0;
  return parse_date(raw, &y, &m, &d) ? format_date(y, m, d) : "";
}

namespace io {

std::string published_date_problem(std::string_view raw) {
  const std::string quoted = io::quoted(raw);
  int y = 0, m = 0, d = 0;
  // The Gregorian calendar repeats every 400 years: the same day 400*k years on is a date.
  if (parse_date(raw, &y, &m, &d) && y < kFirstYear &&
      !format_date(y + 400 * ((kFirstYear - y + 399) / 400), m, d).empty())
    return quoted + " is before " + std::to_string(kFirstYear) +
           "-01-01, the first date the calendar (Boost.Date_Time) supports";
  return quoted + " is not a calendar date such as 2026-02-12";
}

}  // namespace io
}  // namespace timeline
