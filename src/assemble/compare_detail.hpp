// Private to the comparison (src/assemble/compare*.cpp): claim times as day intervals, stated
// durations as day ranges, alignment keys and actor compatibility, and the judge that gives an
// aligned event its verdict. See timeline/compare.hpp for the rules these implement.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/compare.hpp>

namespace timeline::compare_detail {

// Day numbers (Boost.Gregorian's day_number()); an open side is one of these sentinels.
constexpr std::int64_t kOpenStart = std::numeric_limits<std::int64_t>::min() / 4;
constexpr std::int64_t kOpenEnd = std::numeric_limits<std::int64_t>::max() / 4;

// A claim's time as days [start, end). `dated` is false when the claim has no usable time;
// `stated` is true when the time comes from the text (not from the statement's date).
struct DayInterval {
  std::int64_t start = kOpenStart, end = kOpenEnd;
  bool dated = false;
  bool stated = false;
  // Statement dates only: the earliest day the claim may refer to (the statement_lookback_days
  // before publication). A statement date joins the one event it can reach, if only one.
  std::int64_t reach = kOpenStart;
  bool operator==(const DayInterval& o) const { return start == o.start && end == o.end; }
  bool overlaps(const DayInterval& o) const { return start < o.end && o.start < end; }
  // True when this interval covers `o` and is larger.
  bool strictly_contains(const DayInterval& o) const {
    return start <= o.start && o.end <= end && !(*this == o);
  }
};

// "YYYY-MM-DD" or "YYYY-MM-DDThh:mm..." to a day number. Returns false when not a valid date.
bool day_number(std::string_view iso, std::int64_t* day);

// Where compare() places a claim in time (see timeline/compare.hpp, "Times").
DayInterval claim_interval(const Claim& claim, const DocumentClaims& doc,
                           const CompareOptions& options);

// A TIMEX3 duration ("P11D", "P2W", "P3M", "P1Y", "PT36H") as the range of days it can mean:
// a month is 28 to 31 days, a year 365 to 366. Returns false for other forms.
struct DayRange {
  double lo = 0, hi = 0;
};
bool duration_days(std::string_view timex3, DayRange* out);

// Lower case (ASCII letters only; other bytes pass through), inner spaces collapsed, trimmed.
std::string fold(std::string_view s);

// The alignment key of a target: folded name (mention when no name) and region.
std::string target_key(const Entity& target);

// True for an actor that stands for a whole state ("government", "country" kinds).
bool is_government(const Entity& actor);

// Fills the verdict, conflicts, documents, actor, time and most precise member of `event`, whose
// `members` are filled; `intervals[i]` is the placement of members[i]. Returns the index of the
// member whose time stands for the event (the event's `when` is that member's).
std::size_t judge(const std::vector<DocumentClaims>& docs, const std::vector<DayInterval>& intervals,
           AlignedEvent* event);

}  // namespace timeline::compare_detail
