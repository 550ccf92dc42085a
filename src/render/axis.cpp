// Time axis layout: event positions, lanes and ticks.
#include "render/axis.hpp"

#include <algorithm>
#include <map>

#include "render/dates.hpp"

namespace timeline::render {
namespace {

namespace bg = boost::gregorian;

const char* const kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr double kPointRoom = 1.6;  // percent of the width a point needs beside it
constexpr double kMinBand = 0.6;    // narrowest band drawn, percent
constexpr std::size_t kMaxLanes = 40;
constexpr std::size_t kMaxCloseUps = 12;  // month close-ups offered at most  // beyond this, marks share lanes (the list has them all)

struct Placed {
  std::size_t event;
  Date first, last;  // inclusive days
  std::string kind;
  bool cut_start = false, cut_end = false;
};

std::vector<Placed> placed_events(const Timeline& t) {
  std::vector<Placed> placed;
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const Event& e = t.events[i];
    const DayRange r = day_range(e.claim.when, e.open_until);
    if (!r.first && !r.last) continue;
    Placed p{i, r.first.value_or(*r.last), r.last.value_or(*r.first), "band"};
    if (r.open_start) p.kind = "before";
    else if (r.open_end) p.kind = "open";
    else if (p.first == p.last) p.kind = "point";
    placed.push_back(p);
  }
  return placed;
}

}  // namespace

std::vector<AxisWindow> axis_windows(const Timeline& t, int busy_month) {
  std::vector<AxisWindow> out;
  const std::vector<Placed> placed = placed_events(t);
  if (placed.empty()) return out;
  Date lo = placed.front().first, hi = placed.front().last;
  std::map<int, int> years;  // year -> events
  std::map<int, int> months;  // year * 12 + month - 1 -> events
  for (const Placed& p : placed) {
    lo = std::min(lo, p.first);
    hi = std::max(hi, p.last);
    // An event counts in every year and month it touches (open bars: only where they start).
    const Date last = p.kind == "open" ? p.first : p.last;
    for (Date d(p.first.year(), p.first.month(), 1); d <= last; d += bg::months(1)) {
      ++months[d.year() * 12 + d.month() - 1];
      if (d.month() == 1 || d == Date(p.first.year(), p.first.month(), 1)) ++years[d.year()];
    }
  }
  const std::string span = lo.year() == hi.year() ? std::to_string(lo.year())
                                                  : std::to_string(lo.year()) + "–" +
                                                        std::to_string(hi.year());
  out.push_back({"All dates (" + span + ")", "", ""});
  if (years.size() > 1) {
    for (const auto& [y, n] : years) {
      const Date from(y, 1, 1);
      out.push_back({std::to_string(y) + " (" + std::to_string(n) + ")", iso_day(from),
                     iso_day(from + bg::years(1))});
    }
  }
  if (months.size() > 1) {
    // The busiest months, at most kMaxCloseUps of them, in calendar order.
    std::vector<std::pair<int, int>> busy;  // (events, year * 12 + month - 1)
    for (const auto& [ym, n] : months)
      if (n >= busy_month) busy.emplace_back(n, ym);
    std::stable_sort(busy.begin(), busy.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (busy.size() > kMaxCloseUps) busy.resize(kMaxCloseUps);
    std::sort(busy.begin(), busy.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [n, ym] : busy) {
      const Date from(ym / 12, ym % 12 + 1, 1);
      out.push_back({unit_label(from, Precision::kMonth) + " (" + std::to_string(n) + ")",
                     iso_day(from), iso_day(from + bg::months(1))});
    }
  }
  return out;
}

Axis layout_axis(const Timeline& t, const AxisWindow& window) {
  Axis axis;
  std::vector<Placed> placed = placed_events(t);
  Date from(bg::not_a_date_time), to(bg::not_a_date_time);
  if (!window.from.empty() && !window.to.empty()) {
    const auto f = parse_day(window.from), x = parse_day(window.to);
    if (!f || !x || *x <= *f) return axis;
    from = *f;
    to = *x;
    // Keep what overlaps the window, clipped to it.
    std::vector<Placed> inside;
    for (Placed p : placed) {
      if (p.last < from || p.first >= to) continue;
      p.cut_start = p.first < from;
      p.cut_end = p.last >= to;
      p.first = std::max(p.first, from);
      p.last = std::min(p.last, to - bg::days(1));
      inside.push_back(p);
    }
    placed = std::move(inside);
  }
  if (placed.empty()) return axis;
  if (from.is_not_a_date()) {
    Date lo = placed.front().first, hi = placed.front().last;
    for (const Placed& p : placed) {
      lo = std::min(lo, p.first);
      hi = std::max(hi, p.last);
    }
    const long span = (hi - lo).days() + 1;
    const long pad = std::max(1L, span * 3 / 100);
    // Placed days lie in 1401..9998 (day_range); the padding and the ticks, which step up to a
    // year past `to`, stay inside the calendar Boost.Date_Time holds (1400..9999).
    static const Date kFrom(1400, 1, 1), kTo(9999, 1, 1);
    from = (lo - kFrom).days() > pad ? lo - bg::days(pad) : kFrom;
    to = (kTo - hi).days() > pad + 1 ? hi + bg::days(pad + 1) : kTo;
  }
  const double total = static_cast<double>((to - from).days());
  auto pos = [&](const Date& d, double offset = 0) {
    return ((d - from).days() + offset) * 100.0 / total;
  };
  axis.from = iso_day(from);
  axis.to = iso_day(to);

  // Lanes: first fit, in timeline order (already sorted by start).
  std::vector<double> lane_end;
  for (const Placed& p : placed) {
    AxisMark m;
    m.event = p.event;
    m.kind = p.kind;
    m.cut_start = p.cut_start;
    m.cut_end = p.cut_end;
    if (p.kind == "point" || p.kind == "before") {
      m.left = pos(p.kind == "before" ? p.last : p.first, 0.5);
      m.width = 0;
    } else {
      m.left = pos(p.first);
      m.width = std::max(kMinBand, pos(p.last, 1) - m.left);
    }
    const double begin = m.width > 0 ? m.left : m.left - kPointRoom / 2;
    const double end = m.width > 0 ? m.left + m.width : m.left + kPointRoom / 2;
    std::size_t lane = 0;
    while (lane < lane_end.size() && lane_end[lane] > begin) ++lane;
    if (lane == lane_end.size() && lane_end.size() < kMaxLanes) lane_end.push_back(0);
    if (lane == lane_end.size()) {
      // Full: overlap in the lane that frees up first rather than grow without bound.
      lane = static_cast<std::size_t>(std::min_element(lane_end.begin(), lane_end.end()) -
                                      lane_end.begin());
    }
    lane_end[lane] = std::max(end, begin + kPointRoom) + 0.2;
    m.lane = static_cast<int>(lane);
    axis.marks.push_back(m);
  }
  axis.lanes = static_cast<int>(lane_end.size());

  // Ticks: weeks for short spans, months up to about two years, years beyond.
  const long days = (to - from).days();
  if (days <= 70) {
    Date d = from;
    while (d.day_of_week() != bg::Monday) d += bg::days(1);
    bool first = true;
    for (; d < to; d += bg::days(7)) {
      std::string label = std::to_string(d.day()) + " " + kShortMonths[d.month() - 1];
      if (first) label += " " + std::to_string(d.year());
      axis.ticks.push_back({pos(d), label, first});
      first = false;
    }
  } else if (days <= 800) {
    const int step = days > 400 ? 3 : 1;
    Date d(from.year(), from.month(), 1);
    if (d < from) d += bg::months(1);
    bool first = true;
    for (; d < to; d += bg::months(1)) {
      const int m = d.month();
      const bool major = first || m == 1;
      if ((m - 1) % step != 0 && !major) continue;
      std::string label = kShortMonths[m - 1];
      if (major) label += " " + std::to_string(d.year());
      axis.ticks.push_back({pos(d), label, major});
      first = false;
    }
  } else {
    const int step = days > 365 * 15 ? 5 : 1;
    Date d(from.year(), 1, 1);
    if (d < from) d += bg::years(1);
    for (; d < to; d += bg::years(1)) {
      if (d.year() % step != 0) continue;
      axis.ticks.push_back({pos(d), std::to_string(d.year()), true});
    }
  }
  return axis;
}

}  // namespace timeline::render
