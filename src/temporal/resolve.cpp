// Resolution of partial values against an anchor date (see resolve.hpp). All arithmetic is
// Boost.Date_Time.
#include "temporal/resolve.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "temporal/calendar.hpp"

namespace timeline::temporal_detail {
namespace {

std::string fmt(const char* f, int a, int b = 0) {
  char buf[32];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}

// Appends `v` in decimal, zero-padded to `width` digits, as "%0*d" writes it.
void put_padded(std::string* out, int v, int width) {
  if (v < 0) {  // the sign takes a place of the width
    *out += fmt("%0*d", width, v);
    return;
  }
  char buf[12];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(buf[--n]);
}

// "%0*d" of `v`.
std::string padded(int v, int width) {
  std::string out;
  put_padded(&out, v, width);
  return out;
}

// True when `s` begins with `p`; the first bytes are compared inline, which settles most calls.
inline bool starts(std::string_view s, std::string_view p) {
  if (p.empty()) return true;
  return !s.empty() && s[0] == p[0] && s.substr(0, p.size()) == p;
}

// std::atoi of `s` (at most a few bytes, so no overflow), without making a C string: white
// space, a sign, then the digits up to the first other byte.
int leading_int(std::string_view s) {
  std::size_t i = 0;
  // std::isspace, with ASCII answered inline (the same in every locale).
  const auto space = [](unsigned char c) {
    return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') : std::isspace(c) != 0;
  };
  while (i < s.size() && space(static_cast<unsigned char>(s[i]))) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  int v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  return negative ? -v : v;
}

// "UNIT(+|-)N" at the start of s; returns the rest after N.
bool unit_shift(std::string_view s, std::string_view unit, long* n, bool* vague,
                std::string_view* rest) {
  if (!starts(s, unit) || s.size() < unit.size() + 2) return false;
  const char sign = s[unit.size()];
  if (sign != '+' && sign != '-') return false;
  std::size_t i = unit.size() + 1;
  if (s[i] == 'X') {
    *vague = true;
    *n = sign == '-' ? -1 : 1;
    *rest = s.substr(i + 1);
    return true;
  }
  long v = 0;
  std::size_t j = i;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
  if (j == i) return false;
  *vague = false;
  *n = sign == '-' ? -v : v;
  *rest = s.substr(j);
  return true;
}

// A year, decade or century number shifted by n, refused (as Boost.Date_Time refuses a day) when
// it passes the four-digit years: "next year" from 9999-12-31 is not "10000". Going back stays
// allowed down to as many years before year 0 ("4,000 years ago" is -1995, as before).
long shifted(long base, long n, long limit) {
  if (n > limit || n < -2 * limit || base + n < -limit || base + n > limit)
    throw std::out_of_range("shifted past the four-digit years");
  return base + n;
}

std::string shift_unit(std::string_view unit, const bg::date& a, long n) {
  const int y = a.year(), m = a.month();
  if (unit == "day") return iso_date(a + bg::days(n));
  if (unit == "week") return iso_week_of(a + bg::weeks(n));
  if (unit == "weekend") return iso_week_of(a + bg::weeks(n)) + "-WE";
  if (unit == "month") {
    const bg::date::ymd_type d = (bg::date(y, m, 1) + bg::months(n)).year_month_day();
    std::string out = padded(d.year, 4);
    out.push_back('-');
    put_padded(&out, d.month, 2);
    return out;
  }
  if (unit == "year") return padded(static_cast<int>(shifted(y, n, 9999)), 4);
  if (unit == "quarter" || unit == "half") {
    const int per = unit == "quarter" ? 4 : 2, len = 12 / per;
    const long idx = shifted(static_cast<long>(y) * per + (m - 1) / len, n, 9999L * per + per - 1);
    return fmt(unit == "quarter" ? "%04d-Q%d" : "%04d-H%d", static_cast<int>(idx / per),
               static_cast<int>(idx % per) + 1);
  }
  if (unit == "decade") return padded(static_cast<int>(shifted(y / 10, n, 999)), 3);
  if (unit == "century") return padded(static_cast<int>(shifted(y / 100, n, 99)), 2);
  return "";
}

// Number of the period KIND x within its year, and the months it starts in.
int start_month(std::string_view kind, std::string_view x) {
  if (kind == "month") return leading_int(x.substr(0, 2));
  if (kind == "quarter") return 3 * (x[1] - '0') - 2;
  if (kind == "season") {
    if (x == "SP") return 3;
    if (x == "SU") return 6;
    if (x == "FA") return 9;
    if (x == "WI") return 12;
  }
  return 0;
}

// Movable feasts and holidays defined by a weekday of a month, in year y.
std::optional<bg::date> feast_date(int y, std::string_view name) {
  using nth = bg::nth_day_of_the_week_in_month;
  if (name == "easter" || name == "goodfriday" || name == "eastermonday") {
    // Anonymous Gregorian computus (Meeus/Jones/Butcher): the month and day of Easter Sunday.
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    const bg::date sunday(y, month, day);
    if (name == "goodfriday") return sunday - bg::days(2);
    if (name == "eastermonday") return sunday + bg::days(1);
    return sunday;
  }
  if (name == "thanksgiving") return nth(nth::fourth, bg::Thursday, bg::Nov).get_date(y);
  if (name == "laborday") return nth(nth::first, bg::Monday, bg::Sep).get_date(y);
  if (name == "mlkday") return nth(nth::third, bg::Monday, bg::Jan).get_date(y);
  // The US general election: the Tuesday after the first Monday of November.
  if (name == "electionday")
    return nth(nth::first, bg::Monday, bg::Nov).get_date(y) + bg::days(1);
  if (name == "memorialday")
    return bg::last_day_of_the_week_in_month(bg::Monday, bg::May).get_date(y);
  return std::nullopt;
}

std::optional<std::string> directed_feast(std::string_view dir, std::string_view name,
                                          const bg::date& a, Tense tense) {
  if (dir == "tense") dir = tense == Tense::kFuture ? "future" : tense == Tense::kPast ? "past" : "near";
  const int y = a.year();
  const auto d = feast_date(y, name);
  if (!d) return std::nullopt;
  int year = y;
  if ((dir == "past" && *d > a) || (dir == "before" && *d >= a)) year = y - 1;
  if ((dir == "future" && *d < a) || (dir == "after" && *d <= a)) year = y + 1;
  return iso_date(*feast_date(year, name));
}

// One occurrence of a named period (month, month-day, season, quarter) in a given year.
struct Occurrence {
  int year;
  bg::date start, end;  // [start, end)
};

// A named period read once: its occurrence in any year, without reading the name again for
// each year the callers try.
class NamedPeriod {
 public:
  NamedPeriod(std::string_view kind, std::string_view x) : start_month_(start_month(kind, x)) {
    if (kind == "month" && x.size() >= 5 && x[2] == '-') day_ = leading_int(x.substr(3, 2));
    else months_ = kind == "month" ? 1 : 3;
  }

  // The period in `year`: none for a name that is no period, or a day the month lacks.
  std::optional<Occurrence> in(int year) const {
    const int sm = start_month_;
    if (sm < 1 || sm > 12) return std::nullopt;
    if (months_ == 0) {  // a month-day
      if (day_ < 1 || day_ > bg::gregorian_calendar::end_of_month_day(year, sm)) return std::nullopt;
      const bg::date d(year, sm, day_);
      return Occurrence{year, d, d + bg::days(1)};
    }
    // The first day of the month `months_` months on (bg::months would find it from the day
    // number).
    const int next = sm - 1 + months_;
    return Occurrence{year, bg::date(year, sm, 1), bg::date(year + next / 12, next % 12 + 1, 1)};
  }

 private:
  int start_month_;
  int day_ = 0;     // a month-day's day
  int months_ = 0;  // the months the period spans; 0 for a month-day
};

std::optional<std::string> directed(std::string_view dir, std::string_view kind,
                                    std::string_view x, const bg::date& a, Tense tense,
                                    bool loose) {
  const bool by_tense = dir == "tense";
  if (by_tense) {
    if (tense == Tense::kFuture) dir = "future";
    else if (kind == "weekday" || kind == "weekend" || tense == Tense::kPast) dir = "past";
    else dir = "near";
  }
  if (kind == "weekend") {  // the weekend whose Saturday the weekday rules would choose
    const auto sat = directed(dir, "weekday", "6", a, tense, loose);
    return sat ? iso_week_of(*parse_iso_date(*sat)) + "-WE" : sat;
  }
  // The direction as a number, compared once: the loops below ask it again and again.
  enum class Dir { kPast, kBefore, kFuture, kAfter, kNear, kOther };
  const Dir d = dir == "past"     ? Dir::kPast
                : dir == "before" ? Dir::kBefore
                : dir == "future" ? Dir::kFuture
                : dir == "after"  ? Dir::kAfter
                : dir == "near"   ? Dir::kNear
                                  : Dir::kOther;
  if (kind == "weekday") {
    const int want = x[0] - '0';
    if (want < 1 || want > 7) return std::nullopt;
    const int have = (a.day_of_week().as_number() + 6) % 7 + 1;  // Monday = 1
    int back = (have - want + 7) % 7, fwd = (want - have + 7) % 7;
    if (d == Dir::kBefore && back == 0) back = 7;
    if (d == Dir::kAfter && fwd == 0) fwd = 7;
    // The anchor's own weekday in a future sentence is today ("will meet Monday", written on
    // a Monday: news names next week's as "next Monday"); a rule's "future" is next week's.
    if (d == Dir::kFuture && fwd == 0 && !by_tense) fwd = 7;
    const bool forward = d == Dir::kFuture || d == Dir::kAfter || (d == Dir::kNear && fwd < back);
    return iso_date(forward ? a + bg::days(fwd) : a - bg::days(back));
  }
  // A month-day named with its weekday ("Monday, Oct. 26"): the year where they agree.
  const std::size_t w = x.find('w');
  if (kind == "month" && w != std::string_view::npos && w + 1 < x.size()) {
    const int want = x[w + 1] - '0';
    const std::string_view md = x.substr(0, w);
    std::optional<Occurrence> best;
    const NamedPeriod period(kind, md);
    for (int year = a.year() - 1; year <= a.year() + 1; ++year) {
      const auto o = period.in(year);
      if (o && (o->start.day_of_week().as_number() + 6) % 7 + 1 == want) best = o;
      if (best && year == a.year()) break;  // prefer the anchor's year
    }
    if (best) return padded(best->year, 4) + "-" + std::string(md);
    x = md;  // no year agrees: the weekday is wrong, ignore it
  }
  // A named period: choose among its occurrences around the anchor's year.
  const int y = a.year();
  // Quarters are named mostly around their results, reported in the next quarter: a quarter
  // in a future sentence may be the one under way, one in a past sentence is never ahead.
  // A month-day within two weeks of the anchor is this year's whichever way the tense points:
  // "redeemed on Oct. 31" written Oct. 27, "the Jan. 14 deadline" written Jan. 5.
  const bool month = kind == "month";
  const bool month_day = month && x.size() >= 5;
  const bool quarter = kind == "quarter";
  const bool season = kind == "season";
  const bg::days slack(by_tense && ((loose && !quarter) || (quarter && d == Dir::kFuture)) ? 100
                       : by_tense && month_day                                           ? 14
                                                                                         : 0);
  std::optional<Occurrence> pick;
  const NamedPeriod period(kind, x);
  for (int year = y - 2; year <= y + 2; ++year) {
    const auto o = period.in(year);
    if (!o) continue;
    if (d == Dir::kPast && o->start <= a + slack) pick = o;
    // "last February" said on March 1 is the February of the year before ("last December"
    // said on January 5 is the December just past).
    if (d == Dir::kBefore && o->end <= a && (o->year < y || o->end + bg::days(30) <= a)) pick = o;
    if ((d == Dir::kFuture && o->end + slack > a) || (d == Dir::kAfter && o->start > a)) {
      if (!pick) pick = o;
    }
    if (d == Dir::kNear) {
      if (season) {
        const auto distance = [&](const Occurrence& c) {
          return c.start > a ? (c.start - a).days() : c.end <= a ? (a - c.end).days() + 1 : 0;
        };
        if (!pick || distance(*o) < distance(*pick)) pick = o;
      } else if (year == y && !(month && o->start > a + bg::days(100))) {
        pick = o;  // the anchor's year, unless that is long after the anchor
      } else if (year == y - 1 && month && !pick) {
        pick = o;
      }
    }
  }
  if (!pick) return std::nullopt;
  std::string out = padded(pick->year, 4);
  out.push_back('-');
  out.append(x.data(), x.size());
  return out;
}

}  // namespace

namespace {

// resolve_value() but for the value itself when it stays the partial one: returns false then,
// with r->value untouched (most partial values are longer than a short string's room, and
// copying them first cost an allocation each).
bool resolve_into(std::string_view partial, const std::optional<bg::date>& anchor,
                  const std::optional<bg::date>& ref, Tense tense, bool loose_tense,
                  Resolved* out) {
  Resolved& r = *out;
  if (starts(partial, "FEAST-") && partial.size() > 11) {  // FEAST-YYYY-name
    const int y = leading_int(partial.substr(6, 4));
    try {
      if (const auto d = feast_date(y, partial.substr(11))) {
        r.value = iso_date(*d);
        return true;
      }
    } catch (const std::exception&) {
    }
    return false;
  }
  if (!starts(partial, "UNDEF-")) return false;
  std::string_view s = partial.substr(6);
  std::optional<bg::date> base = anchor;
  if (starts(s, "ref-")) {
    s = s.substr(4);
    r.used_ref = true;
    if (ref) base = ref;
  }
  r.resolved = false;
  if (!base) return false;
  try {
    static constexpr std::string_view kUnits[] = {"day",     "weekend", "week",
                                                  "month",   "year",    "quarter",
                                                  "half",    "decade",  "century"};
    // UNIT(+|-)N: the unit is all that comes before the first sign.
    std::size_t sign = 0;
    while (sign < s.size() && s[sign] != '+' && s[sign] != '-') ++sign;
    const std::string_view unit_word = s.substr(0, sign);
    for (std::string_view unit : kUnits) {
      long n = 0;
      bool vague = false;
      std::string_view rest;
      if (unit != unit_word || !unit_shift(s, unit, &n, &vague, &rest)) continue;
      r.value = vague ? (n < 0 ? "PAST_REF" : "FUTURE_REF") : shift_unit(unit, *base, n);
      // "@YYYY": the same period of year YYYY ("the 1988 quarter" beside this year's third).
      if (!vague && rest.size() >= 5 && rest[0] == '@' && r.value.size() >= 4) {
        r.value = std::string(rest.substr(1, 4)) + r.value.substr(4);
        rest = rest.substr(5);
      }
      if (!vague) r.value.append(rest.data(), rest.size());
      r.resolved = true;
      return true;
    }
    static constexpr std::string_view kDirs[] = {"past", "before", "future", "after", "tense"};
    constexpr std::string_view kFeast = "-feast-";
    for (std::string_view dir : kDirs) {
      if (!starts(s, dir) || !starts(s.substr(dir.size()), kFeast)) continue;
      const auto v = directed_feast(dir, s.substr(dir.size() + kFeast.size()), *base, tense);
      if (!v) return false;
      r.value = std::move(*v);
      r.resolved = true;
      return true;
    }
    static constexpr std::string_view kKinds[] = {"weekday", "weekend", "month", "season",
                                                  "quarter"};
    for (std::string_view dir : kDirs) {
      if (!starts(s, dir) || s.size() <= dir.size() + 1) continue;
      const std::string_view k = s.substr(dir.size() + 1);
      for (std::string_view kind : kKinds) {
        if (!starts(k, kind) || k.size() <= kind.size() + 1) continue;
        std::string_view x = k.substr(kind.size() + 1);
        std::string_view rest;
        const std::size_t t = x.find('T');
        if (t != std::string_view::npos) {
          rest = x.substr(t);
          x = x.substr(0, t);
        }
        const auto v = directed(dir, kind, x, *base, tense, loose_tense);
        if (!v) return false;
        r.value = std::move(*v);
        r.value.append(rest.data(), rest.size());
        r.resolved = true;
        return true;
      }
    }
  } catch (const std::exception&) {  // Boost refuses a date out of its range
    r.value.clear();
  }
  return false;
}

}  // namespace

Resolved resolve_value(std::string_view partial, const std::optional<bg::date>& anchor,
                       const std::optional<bg::date>& ref, Tense tense, bool loose_tense) {
  Resolved r;
  if (!resolve_into(partial, anchor, ref, tense, loose_tense, &r)) r.value.assign(partial);
  return r;
}

}  // namespace timeline::temporal_detail
