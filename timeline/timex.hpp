// timeline/timex.hpp: temporal expressions and their normalized values.
//
// A Timex is a span of the document's text ("in August last year") with its TIMEX3 annotation:
// type DATE/TIME/DURATION/SET, value ("2025-08", "P2W", "XXXX-WXX-1", "PRESENT_REF"), an optional
// mod (START, MID, END, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN,
// EQUAL_OR_LESS, EQUAL_OR_MORE, APPROX), and a precision. The tagger (timeline/tagger.hpp) finds
// them; this header also holds the calendar helpers that turn a value into an interval.
//
// Intervals are half-open [start, end) over calendar days, written as ISO dates "YYYY-MM-DD" (or
// "YYYY-MM-DDThh:mm" for times). An empty start or end means open on that side.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace timeline {

enum class Precision {
  kUnknown,
  kMillennium,
  kCentury,
  kDecade,
  kYear,
  kHalfYear,
  kSeason,
  kQuarter,
  kMonth,
  kWeek,
  kDay,
  kPartOfDay,  // morning, afternoon, evening, night
  kHour,
  kMinute,
  kSecond,
};

// "day", "month", ...; parse_precision() is its inverse (kUnknown for unknown names).
const char* precision_name(Precision p);
Precision parse_precision(std::string_view name);

struct Timex {
  std::uint32_t begin = 0, end = 0;  // UTF-8 byte offsets into Document::text, [begin, end)
  std::string text;                  // the covered text, == text.substr(begin, end - begin)
  std::string type;                  // "DATE", "TIME", "DURATION" or "SET"
  std::string value;                 // TIMEX3 value; "UNDEF-..." when it could not be anchored
  std::string mod;                   // TIMEX3 mod or ""
  std::string anchor;                // the date the value was resolved against ("2026-02-12"), or ""
  Precision precision = Precision::kUnknown;
  bool resolved = true;              // false when relative and no anchor was available

  // The temporal preposition or adverb that governs the expression, lower case, when one stands
  // just before it: "since", "from", "until", "to", "between", "and", "before", "after", "by",
  // "in", "on", "at", "during", "for", "as of", "through"; "" when none. Outside the span, as
  // TimeBank annotates it. The claim stage reads it ("since January" → ongoing from January).
  std::string signal;
  std::uint32_t signal_begin = 0, signal_end = 0;

  // For the two ends of a range ("from July 18 to July 23", "between Monday and Tuesday"): the
  // index, in the tagger's output vector, of the other end; -1 otherwise.
  int range_partner = -1;

  std::string quant, freq;  // SET only: TIMEX3 quant ("EVERY") and freq ("2X")
  std::string rule;         // the rule that matched, for debugging and `tag --explain`
};

struct Interval {
  std::string start;  // ISO date (or date-time), inclusive; "" = open
  std::string end;    // ISO date (or date-time), exclusive; "" = open
  Precision precision = Precision::kUnknown;
};

// The calendar interval a DATE/TIME value covers: "2025-08" → [2025-08-01, 2025-09-01) month;
// "2026-W07" → [2026-02-09, 2026-02-16) week; "199X" → decade; "2025-SU" → season; "2025-Q3".
// Returns nullopt for values that are not points or periods on the calendar (durations, sets,
// PRESENT_REF, "XXXX-08", "UNDEF-...").
std::optional<Interval> interval_of(std::string_view value);

// EDTF (ISO 8601-2) form of a value with its mod: "2025-08" → "2025-08"; mod APPROX → "2025-08~";
// mod AFTER or a "since" signal → "2025-08/.." (open end); BEFORE → "../2025-08". Returns "" when
// the value has no calendar form.
std::string edtf_of(std::string_view value, std::string_view mod, bool open_end = false);

}  // namespace timeline
