// interval_of() and edtf_of(): the calendar form of a TIMEX3 value (timeline/timex.hpp).
//
// Every value form the tagger emits maps to a half-open interval [start, end):
//   YYYY            year            YYYY-MM        month        YYYY-MM-DD   day
//   YYYY-Www        ISO week        YYYY-Www-WE    weekend      YYYY-Www-d   day of an ISO week
//   YYYY-Qn         quarter         YYYY-Hn        half-year    YYYY-SP|SU|FA|WI  season
//   YYY / YYYX      decade          YY / YYXX      century
//   YYYY-MM-DDThh[:mm[:ss]]                         hour / minute / second
//   YYYY-MM-DDTMO|MI|AF|EV|NI|DT                    part of day
// Seasons are meteorological (northern hemisphere): spring = March to May, winter = December to
// February of the next year. Parts of day: morning 06-12, midday 11-14, afternoon 12-18,
// evening 18-24, night 21-06 (next day), daytime 06-18.
// All arithmetic is Boost.Date_Time. span_of() (calendar.hpp) gives the span as dates; interval_of()
// and edtf_of() write it out.
#include <timeline/timex.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <cctype>

#include "temporal/calendar.hpp"

namespace timeline {
namespace {

namespace bg = boost::gregorian;
namespace bp = boost::posix_time;

using temporal_detail::iso_time;
using temporal_detail::Span;

Span days(const bg::date& a, const bg::date& b, Precision p) {
  Span s;
  s.precision = p;
  s.start = a;
  s.end = b;
  return s;
}

Span moments(const bp::ptime& a, const bp::ptime& b, Precision p) {
  Span s;
  s.precision = p;
  s.timed = true;
  s.start_time = a;
  s.end_time = b;
  return s;
}

// The first day of the month `len` months after month m of year y (bg::months would find it
// from the day number, at some cost; the years here stop at 9989, so no range is passed).
bg::date months_after(int y, int m, int len) {
  const int next = m - 1 + len;
  return bg::date(y + next / 12, next % 12 + 1, 1);
}

// Digits of `s` starting at `pos`, exactly `n` of them; -1 when not digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;  // std::isdigit, which no locale changes
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<Span> part_of_day(const bg::date& d, std::string_view code) {
  struct Part { const char* code; int from, to; };  // hours; `to` may pass 24
  static const Part kParts[] = {{"MO", 6, 12}, {"MI", 11, 14}, {"AF", 12, 18},
                                {"EV", 18, 24}, {"NI", 21, 30}, {"DT", 6, 18}};
  for (const Part& p : kParts) {
    if (code == p.code) {
      const bp::ptime start(d, bp::hours(p.from)), end(d, bp::hours(p.to));
      return moments(start, end, Precision::kPartOfDay);
    }
  }
  return std::nullopt;
}

std::optional<Span> time_span(const bg::date& d, std::string_view t) {
  // t is what follows 'T'.
  if (t.size() == 2 && std::isalpha(static_cast<unsigned char>(t[0]))) return part_of_day(d, t);
  const int hh = digits(t, 0, 2);
  if (hh < 0 || hh > 24) return std::nullopt;
  if (t.size() == 2) {
    const bp::ptime s(d, bp::hours(hh));
    return moments(s, s + bp::hours(1), Precision::kHour);
  }
  if (t.size() < 5 || t[2] != ':') return std::nullopt;
  const int mm = digits(t, 3, 2);
  if (mm < 0 || mm > 59) return std::nullopt;
  const bp::ptime s(d, bp::hours(hh) + bp::minutes(mm));
  if (t.size() == 5) return moments(s, s + bp::minutes(1), Precision::kMinute);
  if (t.size() < 8 || t[5] != ':') return std::nullopt;
  const int ss = digits(t, 6, 2);
  if (ss < 0 || ss > 60) return std::nullopt;
  const bp::ptime s2 = s + bp::seconds(ss);
  return moments(s2, s2 + bp::seconds(1), Precision::kSecond);
}

std::optional<Span> span_checked(std::string_view v) {
  // Decade "199" / "199X" and century "19" / "19XX".
  if (v.size() == 2 || (v.size() == 4 && v.substr(2) == "XX")) {
    const int c = digits(v, 0, 2);
    if (c < 0) return std::nullopt;
    return days(bg::date(c == 0 ? 1400 : c * 100, 1, 1), bg::date(c * 100 + 100, 1, 1),
                Precision::kCentury);
  }
  if (v.size() == 3 || (v.size() == 4 && v[3] == 'X')) {
    const int dec = digits(v, 0, 3);
    if (dec < 140) return std::nullopt;
    return days(bg::date(dec * 10, 1, 1), bg::date(dec * 10 + 10, 1, 1), Precision::kDecade);
  }
  const int y = digits(v, 0, 4);
  if (y < 1400 || y > 9989) return std::nullopt;
  if (v.size() == 4) return days(bg::date(y, 1, 1), bg::date(y + 1, 1, 1), Precision::kYear);
  if (v[4] != '-' || v.size() < 7) return std::nullopt;
  const std::string_view rest = v.substr(5);
  if (rest[0] == 'W' && std::isdigit(static_cast<unsigned char>(rest[1]))) {
    const int w = digits(rest, 1, 2);
    if (w < 1 || w > iso_weeks_in_year(y)) return std::nullopt;
    const bg::date monday = iso_week_monday(y, w);
    if (rest.size() == 3) return days(monday, monday + bg::days(7), Precision::kWeek);
    if (rest.size() == 6 && rest.substr(3) == "-WE") {
      const bg::date sat = monday + bg::days(5);
      return days(sat, sat + bg::days(2), Precision::kDay);
    }
    const int dow = rest.size() == 5 && rest[3] == '-' ? digits(rest, 4, 1) : -1;
    if (dow < 1 || dow > 7) return std::nullopt;
    const bg::date d = monday + bg::days(dow - 1);
    return days(d, d + bg::days(1), Precision::kDay);
  }
  if (rest.size() == 2) {
    if (rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
      const int q = rest[1] - '0';
      const bg::date s(y, 3 * q - 2, 1);
      return days(s, months_after(y, 3 * q - 2, 3), Precision::kQuarter);
    }
    if (rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
      const bg::date s(y, rest[1] == '1' ? 1 : 7, 1);
      return days(s, months_after(y, rest[1] == '1' ? 1 : 7, 6), Precision::kHalfYear);
    }
    static const char* const kSeasons[] = {"SP", "SU", "FA", "WI"};
    for (int i = 0; i < 4; ++i) {
      if (rest == kSeasons[i]) {
        const bg::date s(y, 3 + 3 * i, 1);
        return days(s, months_after(y, 3 + 3 * i, 3), Precision::kSeason);
      }
    }
    const int m = digits(rest, 0, 2);
    if (m < 1 || m > 12) return std::nullopt;
    const bg::date s(y, m, 1);
    return days(s, months_after(y, m, 1), Precision::kMonth);
  }
  const int m = digits(rest, 0, 2);
  if (m < 1 || m > 12 || rest.size() < 5 || rest[2] != '-') return std::nullopt;
  const int d = digits(rest, 3, 2);
  if (d < 1 || d > bg::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  const bg::date day(y, m, d);
  if (rest.size() == 5) return days(day, day + bg::days(1), Precision::kDay);
  if (rest[5] != 'T') return std::nullopt;
  return time_span(day, rest.substr(6));
}

}  // namespace

namespace temporal_detail {

std::string iso_time(const bp::ptime& t) {
  // "%04d-%02d-%02dT%02d:%02d", then ":%02d" for seconds other than 0: a time of day's hours,
  // minutes and seconds are two digits each.
  std::string out = iso_date(t.date());
  const bp::time_duration td = t.time_of_day();
  const int h = static_cast<int>(td.hours()), m = static_cast<int>(td.minutes());
  const int sec = static_cast<int>(td.seconds());
  const char hm[] = {'T', static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                     static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10),
                     ':', static_cast<char>('0' + sec / 10), static_cast<char>('0' + sec % 10)};
  out.append(hm, sec != 0 ? 9 : 6);
  return out;
}

bool plain_date_span(std::string_view v, Precision* precision, bg::date* first_day) {
  // The same tests as span_checked() on these forms: a year of 1400..9989, a month of 1..12, a
  // day of the month's.
  if (v.size() != 4 && v.size() != 7 && v.size() != 10) return false;
  const int y = digits(v, 0, 4);
  if (y < 1400 || y > 9989) return false;
  if (v.size() == 4) {
    *precision = Precision::kYear;
    if (first_day) *first_day = bg::date(y, 1, 1);
    return true;
  }
  const int m = v[4] == '-' ? digits(v, 5, 2) : -1;
  if (m < 1 || m > 12) return false;
  if (v.size() == 7) {
    *precision = Precision::kMonth;
    if (first_day) *first_day = bg::date(y, m, 1);
    return true;
  }
  const int d = v[7] == '-' ? digits(v, 8, 2) : -1;
  if (d < 1 || d > bg::gregorian_calendar::end_of_month_day(y, m)) return false;
  *precision = Precision::kDay;
  if (first_day) *first_day = bg::date(y, m, d);
  return true;
}

std::optional<Span> span_of(std::string_view value) {
  try {
    return span_checked(value);
  } catch (const std::exception&) {  // Boost refuses an out-of-range date
    return std::nullopt;
  }
}

}  // namespace temporal_detail

std::optional<Interval> interval_of(std::string_view value) {
  const std::optional<Span> s = temporal_detail::span_of(value);
  if (!s) return std::nullopt;
  if (s->timed) return Interval{iso_time(s->start_time), iso_time(s->end_time), s->precision};
  return Interval{iso_date(s->start), iso_date(s->end), s->precision};
}

namespace {

// The EDTF form of `base` (a calendar value in EDTF) with the mod.
std::string with_mod(std::string_view base, std::string_view mod, bool open_end) {
  if (mod.empty() && !open_end) return std::string(base);  // most values have no mod
  const bool before = mod == "BEFORE" || mod == "ON_OR_BEFORE";
  const bool after = open_end || mod == "AFTER" || mod == "ON_OR_AFTER";
  std::string out;
  if (before) out = "../";
  out.append(base.data(), base.size());
  if (before) return out;
  if (after) out += "/..";
  else if (mod == "APPROX") out += '~';
  return out;
}

}  // namespace

std::string edtf_of(std::string_view value, std::string_view mod, bool open_end) {
  // A year, month or day is its own EDTF form (the "default" case below).
  Precision plain = Precision::kUnknown;
  if (temporal_detail::plain_date_span(value, &plain, nullptr)) return with_mod(value, mod, open_end);
  const std::optional<Span> iv = temporal_detail::span_of(value);
  if (!iv) return "";
  std::string base;
  std::string first, last;  // for forms EDTF has no single string for
  switch (iv->precision) {
    case Precision::kCentury:
      base = std::string(value.substr(0, 2)) + "XX";
      break;
    case Precision::kDecade:
      base = std::string(value.substr(0, 3)) + "X";
      break;
    case Precision::kSeason: {  // ISO 8601-2 sub-year groupings 21..24
      static const char* const kSeasons[] = {"SP", "SU", "FA", "WI"};
      for (int i = 0; i < 4; ++i)
        if (value.substr(5) == kSeasons[i]) base = std::string(value.substr(0, 5)) + std::to_string(21 + i);
      break;
    }
    case Precision::kQuarter:  // 33..36
      base = std::string(value.substr(0, 5)) + std::to_string(32 + (value[6] - '0'));
      break;
    case Precision::kHalfYear:  // 40..41
      base = std::string(value.substr(0, 5)) + std::to_string(39 + (value[6] - '0'));
      break;
    case Precision::kPartOfDay:
      base = iso_date(iv->first_day());  // EDTF has no part of day: the day
      break;
    case Precision::kWeek:
      break;  // written as an interval of days below
    case Precision::kHour:
    case Precision::kMinute:
    case Precision::kSecond:
      base = iso_time(iv->start_time);
      if (base.size() == 16) base += ":00";
      break;
    default:
      base = std::string(value);
      if (value.find("-W") != std::string_view::npos) base.clear();  // weekend, week day
      break;
  }
  if (base.empty()) {  // a span of whole days (weeks, weekends, days of a week)
    first = iso_date(iv->start);
    last = iso_date(iv->end - bg::days(1));
    if (first == last) base = first;
  }
  if (!base.empty()) return with_mod(base, mod, open_end);
  const bool before = mod == "BEFORE" || mod == "ON_OR_BEFORE";
  const bool after = open_end || mod == "AFTER" || mod == "ON_OR_AFTER";
  if (before) return "../" + last;
  if (after) return first + "/..";
  if (mod == "APPROX") return first + "~/" + last + "~";
  return first + "/" + last;
}

}  // namespace timeline
