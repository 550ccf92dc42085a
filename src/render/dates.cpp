// Calendar helpers and the human form of a claim's time.
#include "render/dates.hpp"

#include <cstdio>

#include <timeline/render.hpp>

namespace timeline::render {
namespace {

namespace bg = boost::gregorian;

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (s.size() < pos + n) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::string ordinal(int n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

// "morning" for a TIMEX3 part-of-day value "2026-02-12TMO", else "".
std::string part_of_day(std::string_view timex3) {
  const auto t = timex3.find('T');
  if (t == std::string_view::npos) return "";
  const std::string_view p = timex3.substr(t + 1);
  if (p == "MO") return "morning";
  if (p == "AF") return "afternoon";
  if (p == "EV") return "evening";
  if (p == "NI") return "night";
  if (p == "DT") return "daytime";
  return "";
}

}  // namespace

std::optional<Date> parse_day(std::string_view iso) {
  const int y = digits(iso, 0, 4), m = digits(iso, 5, 2), d = digits(iso, 8, 2);
  if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 || iso[4] != '-' || iso[7] != '-')
    return std::nullopt;
  if (iso.size() > 10 && iso[10] != 'T') return std::nullopt;
  if (d > bg::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

std::string iso_day(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month()), static_cast<int>(d.day()));
  return buf;
}

std::string time_of_day(std::string_view iso) {
  if (iso.size() >= 16 && iso[10] == 'T' && digits(iso, 11, 2) >= 0 && digits(iso, 14, 2) >= 0)
    return std::string(iso.substr(11, 5));
  return "";
}

std::optional<Date> unit_end(const Date& start, Precision p) {
  switch (p) {
    case Precision::kMillennium: return start + bg::years(1000);
    case Precision::kCentury: return start + bg::years(100);
    case Precision::kDecade: return start + bg::years(10);
    case Precision::kYear: return start + bg::years(1);
    case Precision::kHalfYear: return start + bg::months(6);
    case Precision::kSeason:
    case Precision::kQuarter: return start + bg::months(3);
    case Precision::kMonth: return start + bg::months(1);
    case Precision::kWeek: return start + bg::days(7);
    case Precision::kUnknown: return std::nullopt;
    default: return start + bg::days(1);
  }
}

DayRange day_range(const When& w, std::string_view open_until) {
  // Days in the first and last year Boost.Date_Time holds (1400, 9999) are not placed: the axis,
  // its ticks and close-ups and the chart items step up to a year past a day, and a step past
  // the calendar's ends throws.
  static const Date kFirst(1401, 1, 1), kLast(9998, 12, 31);
  auto parse_day = [](std::string_view iso) {
    std::optional<Date> d = render::parse_day(iso);
    return d && *d >= kFirst && *d <= kLast ? d : std::nullopt;
  };
  DayRange r;
  if (!w.start.empty()) r.first = parse_day(w.start);
  if (!w.end.empty()) {
    if (auto e = parse_day(w.end)) {
      const std::string t = time_of_day(w.end);
      r.last = (t.empty() || t == "00:00") ? *e - bg::days(1) : *e;
    }
  }
  r.open_start = w.start.empty() && r.last.has_value();
  r.open_end = w.end.empty() && r.first.has_value();
  if (r.open_end && !open_until.empty()) {
    auto u = parse_day(open_until);
    if (u && *u >= *r.first) r.last = u;
  }
  if (r.first && r.last && *r.last < *r.first) r.last = r.first;
  return r;
}

std::string long_day(const Date& d) {
  return std::to_string(d.day()) + " " + kMonths[d.month() - 1] + " " + std::to_string(d.year());
}

std::string unit_label(const Date& d, Precision p) {
  const int y = d.year(), m = d.month();
  const std::string year = std::to_string(y);
  switch (p) {
    case Precision::kMillennium: return "the " + ordinal(y / 1000 + 1) + " millennium";
    case Precision::kCentury: return "the " + ordinal(y / 100 + 1) + " century";
    case Precision::kDecade: return "the " + std::to_string(y - y % 10) + "s";
    case Precision::kYear: return year;
    case Precision::kHalfYear: return (m <= 6 ? "first half of " : "second half of ") + year;
    case Precision::kQuarter: return "Q" + std::to_string((m - 1) / 3 + 1) + " " + year;
    case Precision::kSeason: {
      const char* s = (m >= 3 && m <= 5) ? "spring" : (m >= 6 && m <= 8) ? "summer"
                      : (m >= 9 && m <= 11) ? "autumn" : "winter";
      return std::string(s) + " " + year;
    }
    case Precision::kMonth: return std::string(kMonths[m - 1]) + " " + year;
    case Precision::kWeek: return "week of " + long_day(d);
    default: return long_day(d);
  }
}

}  // namespace timeline::render

namespace timeline {

std::string display_date(const When& w) {
  using namespace render;
  const DayRange r = day_range(w);
  const Precision p = w.precision;
  if (r.open_end) return "since " + unit_label(*r.first, p);
  if (r.open_start) return "before " + long_day(*r.last + boost::gregorian::days(1));
  if (!r.first || !r.last) return "";
  if (p >= Precision::kPartOfDay) {
    std::string extra = part_of_day(w.timex3);
    if (extra.empty()) extra = time_of_day(w.start);
    return long_day(*r.first) + (extra.empty() ? "" : ", " + extra);
  }
  const auto unit = unit_end(*r.first, p);
  if (unit && *unit - boost::gregorian::days(1) == *r.last) return unit_label(*r.first, p);
  // A span that is not one unit: name both ends.
  const Date& a = *r.first;
  const Date& b = *r.last;
  if (p == Precision::kMonth || p == Precision::kYear) {
    const Date b_unit = p == Precision::kMonth ? Date(b.year(), b.month(), 1) : Date(b.year(), 1, 1);
    if (p == Precision::kMonth && a.year() == b.year())
      return std::string(kMonths[a.month() - 1]) + "–" + unit_label(b_unit, p);
    return unit_label(a, p) + "–" + unit_label(b_unit, p);
  }
  if (a.year() == b.year() && a.month() == b.month())
    return std::to_string(a.day()) + "–" + long_day(b);
  return long_day(a) + " – " + long_day(b);
}

}  // namespace timeline
