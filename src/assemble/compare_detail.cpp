// Claim times as day intervals, durations as day ranges, keys and actor compatibility for the
// comparison. All calendar arithmetic is Boost.Gregorian.
#include "assemble/compare_detail.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cctype>
#include <cstdlib>

namespace timeline::compare_detail {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// True when an ISO date-time ("2026-02-12T09:30") carries a time of day after midnight, so that
// an exclusive end on that day still covers part of it.
bool has_time_after_midnight(std::string_view iso) {
  if (iso.size() <= 10 || iso[10] != 'T') return false;
  for (std::size_t i = 11; i < iso.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(iso[i])) && iso[i] != '0') return true;
    if (iso[i] == 'Z' || iso[i] == '+' || iso[i] == '-') break;
  }
  return false;
}

}  // namespace

bool day_number(std::string_view iso, std::int64_t* day) {
  int y = 0, m = 0, d = 0;
  if (!digits(iso, 0, 4, &y) || iso.size() < 10 || iso[4] != '-' || iso[7] != '-' ||
      !digits(iso, 5, 2, &m) || !digits(iso, 8, 2, &d)) {
    return false;
  }
  if (iso.size() > 10 && iso[10] != 'T') return false;
  try {
    const boost::gregorian::date date(static_cast<unsigned short>(y),
                                      static_cast<unsigned short>(m),
                                      static_cast<unsigned short>(d));
    *day = date.day_number();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

DayInterval claim_interval(const Claim& claim, const DocumentClaims& doc,
                           const CompareOptions& options) {
  DayInterval out;
  const When& w = claim.when;
  if (w.basis == "statement") {
    std::int64_t day = 0;
    if (!day_number(w.start, &day) && !day_number(w.timex3, &day) &&
        !day_number(doc.published, &day)) {
      return out;
    }
    out.start = day - options.statement_window_days;
    out.reach = day - options.statement_lookback_days;
    out.end = day + 1;
    out.dated = true;
    return out;
  }
  if (w.basis == "none" || (w.start.empty() && w.end.empty())) return out;
  std::int64_t start = kOpenStart, end = kOpenEnd;
  if (!w.start.empty() && !day_number(w.start, &start)) return out;
  if (!w.end.empty()) {
    if (!day_number(w.end, &end)) return out;
    if (has_time_after_midnight(w.end)) ++end;
  }
  // A time within a day ("on Tuesday night", "at 3 pm") belongs to the day it names, even when
  // the night runs past midnight: "Tuesday night" and "Wednesday" are different days.
  if (w.precision >= Precision::kPartOfDay && start != kOpenStart) end = start + 1;
  if (end <= start) end = start + 1;
  out.start = start;
  out.end = end;
  out.dated = true;
  out.stated = true;
  return out;
}

bool duration_days(std::string_view v, DayRange* out) {
  if (v.size() < 3 || v[0] != 'P') return false;
  bool time_part = false;
  double lo = 0, hi = 0;
  std::size_t i = 1;
  bool any = false;
  while (i < v.size()) {
    if (v[i] == 'T') {
      time_part = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < v.size() && (std::isdigit(static_cast<unsigned char>(v[j])) || v[j] == '.')) ++j;
    if (j == i || j >= v.size()) return false;
    const double n = std::strtod(std::string(v.substr(i, j - i)).c_str(), nullptr);
    const char unit = v[j];
    if (time_part) {
      const double per_day = unit == 'H' ? 24.0 : unit == 'M' ? 1440.0 : unit == 'S' ? 86400.0
                                                                                     : 0.0;
      if (per_day == 0.0) return false;
      lo += n / per_day;
      hi += n / per_day;
    } else if (unit == 'D') {
      lo += n, hi += n;
    } else if (unit == 'W') {
      lo += 7 * n, hi += 7 * n;
    } else if (unit == 'M') {
      lo += 28 * n, hi += 31 * n;
    } else if (unit == 'Y') {
      lo += 365 * n, hi += 366 * n;
    } else {
      return false;
    }
    any = true;
    i = j + 1;
  }
  if (!any) return false;
  out->lo = lo;
  out->hi = hi;
  return true;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string target_key(const Entity& target) {
  std::string key = fold(target.name.empty() ? target.mention : target.name);
  if (!target.region.empty()) key += "@" + fold(target.region);
  return key;
}

bool is_government(const Entity& actor) {
  return actor.kind == "government" || actor.kind == "country";
}

}  // namespace timeline::compare_detail
