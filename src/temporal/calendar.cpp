// Calendar helpers (see calendar.hpp).
#include "temporal/calendar.hpp"

#include <cctype>
#include <cstdio>

namespace timeline::temporal_detail {

namespace {

// "%04d" of a year of 0..9999 and "%02d" of 0..99, written at p.
void four_digits(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 1000);
  p[1] = static_cast<char>('0' + v / 100 % 10);
  p[2] = static_cast<char>('0' + v / 10 % 10);
  p[3] = static_cast<char>('0' + v % 10);
}
void two_digits(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

std::string iso_date(const bg::date& d) {
  // Boost.Date_Time's years are 1400..9999: always four digits.
  // One conversion from the day number (year(), month() and day() would each make one).
  const bg::date::ymd_type ymd = d.year_month_day();
  std::string out = "0000-00-00";
  four_digits(&out[0], ymd.year);
  two_digits(&out[5], ymd.month);
  two_digits(&out[8], ymd.day);
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
  const bg::date::ymd_type ymd = d.year_month_day();
  int year = ymd.year;
  if (week >= 52 && ymd.month == 1) --year;
  if (week == 1 && ymd.month == 12) ++year;
  if (year > 9999) {  // the week of 9999-12-31 is in a year of five digits
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
    return buf;
  }
  // "%04d-W%02d" (a week number is 1..53, a year here 1399..9999)
  std::string out = "0000-W00";
  four_digits(&out[0], year);
  two_digits(&out[6], week);
  return out;
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
