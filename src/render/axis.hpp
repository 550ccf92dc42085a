// The page's time axis: where each placed event sits, as percentages of the axis width, packed
// into lanes so that marks do not overlap, with ticks at weeks, months or years depending on the
// span. Precision stays visible: a day is a point, a longer unit a band as wide as the unit, an
// open interval a bar that runs to the publication date and fades out.
#pragma once

#include <string>
#include <vector>

#include <timeline/timeline.hpp>

namespace timeline::render {

struct AxisMark {
  std::size_t event = 0;  // index into Timeline::events
  double left = 0;        // percent of the axis width
  double width = 0;       // percent; 0 for a point
  int lane = 0;           // row, from 0 at the top
  std::string kind;       // "point", "band", "open" (open end) or "before" (open start)
  bool cut_start = false, cut_end = false;  // a close-up cut the band off at its edge
};

struct AxisTick {
  double left = 0;     // percent
  std::string label;   // "Aug", "2025", "9 Feb"
  bool major = false;  // first of a year (or of the axis)
};

struct Axis {
  std::vector<AxisMark> marks;
  std::vector<AxisTick> ticks;
  int lanes = 0;
  std::string from, to;  // ISO days at the axis' ends (to exclusive)
};

// A stretch of the calendar to draw: the whole span of the timeline, or a close-up.
struct AxisWindow {
  std::string label;   // "All dates (2019–2026)", "2024", "July 2024"
  std::string from, to;  // ISO days, to exclusive; both "" for the whole span (padded)
};

// The whole span first, then each year with events, then the months that hold at least
// `busy_month` events (the 12 busiest at most), when the span covers more than one year or month. Empty when no
// event is placed.
std::vector<AxisWindow> axis_windows(const Timeline& t, int busy_month = 4);

// The layout of `window`: the events that overlap it, clipped to it. Empty axis (no marks, no
// ticks) when no event is placed there.
Axis layout_axis(const Timeline& t, const AxisWindow& window = {});

}  // namespace timeline::render
