// Phase two of the tagger: turns a partial value from the rules into a TIMEX3 value.
//
// Partial values (the grammar is in rules/en/GRAMMAR.md):
//   an absolute value ("2025-08", "P2W", "PRESENT_REF")          kept as it is
//   UNDEF-[ref-]UNIT(+|-)N[REST]   the anchor's UNIT shifted by N, then REST appended
//        UNIT: day week weekend month year quarter half decade century
//        "UNDEF-day-1" yesterday, "UNDEF-year-1-08" August last year, "UNDEF-day+0TEV" tonight
//        REST "@YYYY" moves the result to year YYYY: "UNDEF-ref-quarter+0@1988" the narrative's
//        quarter of 1988
//   UNDEF-[ref-]DIR-KIND-X[REST]   the KIND (weekday month season quarter) named X, looked for
//        DIR = past (on or before the anchor), before (strictly before), future (on or after),
//        after (strictly after), tense (by the sentence's tense)
//        "UNDEF-tense-weekday-4" Thursday, "UNDEF-before-month-05" last May,
//        "UNDEF-tense-month-01-05" January 5
//   UNDEF-[ref-]DIR-feast-NAME     a movable feast (easter, goodfriday, eastermonday,
//        thanksgiving, laborday, memorialday, mlkday, electionday) in the year DIR chooses
//   FEAST-YYYY-NAME                that feast in year YYYY
// `loose_tense` marks a tense that is a weak cue: a named month or day up to about three months
// on the other side of the anchor then keeps the anchor's year.
// "ref-" resolves against the narrative's reference date ("the next day") instead of the
// publication date. N may be X (vague: "a few days ago"), which gives PAST_REF or FUTURE_REF.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <timeline/text.hpp>

namespace timeline::temporal_detail {

struct Resolved {
  std::string value;
  bool resolved = true;
  bool used_ref = false;  // resolved against the narrative's reference date
};

Resolved resolve_value(std::string_view partial,
                       const std::optional<boost::gregorian::date>& anchor,
                       const std::optional<boost::gregorian::date>& ref, Tense tense,
                       bool loose_tense = false);

}  // namespace timeline::temporal_detail
