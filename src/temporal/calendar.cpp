// Calendar helpers (see calendar.hpp).
#include "temporal/calendar.hpp"

#include <cctype>
#include <cstdio>

namespace timeline::temporal_detail {

std::string iso_date(const bg::date& d) {
  // Boost.Date_Time's years are 1400..9999: always four digits.
  // One conversion from the day number (year(), month() and day() would each make one).
  const bg::date::ymd_type ymd = d.year_month_day();
  const int y = ymd.year, m = ymd.month, day = ymd.day;
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

bg::date iso_week_monday(int year, int week) {
  // ISO week 1 is the week that holds January 4.
  const bg::date jan4(year, 1, 4);
  const int back = (jan4.day_of_week().as_number() + 6) % 7;  // days since Monday
  return jan4 - bg::days(back) + bg::weeks(week - 1);
}

int iso_weeks_in_year(int year) {
  return bg::date(year, 12, 28).week_number();
}

std::string iso_week_of(const bg::date& d) {
  const int week = d.week_number();
  int year = d.year();
  if (week >= 52 && d.month() == 1) --year;
  if (week == 1 && d.month() == 12) ++year;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

std::optional<bg::date> parse_iso_date(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (std::size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
  }
  try {
    return bg::date(v[0], v[1], v[2]);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string previous_day(std::string_view iso) {
  const auto d = parse_iso_date(iso);
  return d ? iso_date(*d - bg::days(1)) : std::string();
}

}  // namespace timeline::temporal_detail
