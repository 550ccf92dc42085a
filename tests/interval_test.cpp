// interval_of() and edtf_of(): every value form, worked out by hand from a calendar.
#include <catch2/catch.hpp>

#include <timeline/timex.hpp>

using timeline::Precision;

TEST_CASE("interval_of gives the calendar span of each value form", "[temporal]") {
  std::string value, start, end;
  Precision precision;
  std::tie(value, start, end, precision) =
      GENERATE(table<std::string, std::string, std::string, Precision>({
          {"2025", "2025-01-01", "2026-01-01", Precision::kYear},
          {"2025-08", "2025-08-01", "2025-09-01", Precision::kMonth},
          {"2024-02", "2024-02-01", "2024-03-01", Precision::kMonth},
          {"2025-12", "2025-12-01", "2026-01-01", Precision::kMonth},
          {"2026-02-12", "2026-02-12", "2026-02-13", Precision::kDay},
          {"2024-02-29", "2024-02-29", "2024-03-01", Precision::kDay},
          // ISO week 7 of 2026: Monday 9 February to Sunday 15 February.
          {"2026-W07", "2026-02-09", "2026-02-16", Precision::kWeek},
          // ISO week 1 of 2026 starts Monday 29 December 2025 (1 January 2026 is a Thursday).
          {"2026-W01", "2025-12-29", "2026-01-05", Precision::kWeek},
          // 2020 has 53 ISO weeks; week 53 is 28 December 2020 to 3 January 2021.
          {"2020-W53", "2020-12-28", "2021-01-04", Precision::kWeek},
          {"2026-W07-WE", "2026-02-14", "2026-02-16", Precision::kDay},
          {"2026-W07-4", "2026-02-12", "2026-02-13", Precision::kDay},
          {"2025-Q3", "2025-07-01", "2025-10-01", Precision::kQuarter},
          {"2025-Q4", "2025-10-01", "2026-01-01", Precision::kQuarter},
          {"2025-H1", "2025-01-01", "2025-07-01", Precision::kHalfYear},
          {"2025-H2", "2025-07-01", "2026-01-01", Precision::kHalfYear},
          {"2025-SP", "2025-03-01", "2025-06-01", Precision::kSeason},
          {"2025-SU", "2025-06-01", "2025-09-01", Precision::kSeason},
          {"2025-FA", "2025-09-01", "2025-12-01", Precision::kSeason},
          {"2025-WI", "2025-12-01", "2026-03-01", Precision::kSeason},
          {"199", "1990-01-01", "2000-01-01", Precision::kDecade},
          {"199X", "1990-01-01", "2000-01-01", Precision::kDecade},
          {"19", "1900-01-01", "2000-01-01", Precision::kCentury},
          {"20XX", "2000-01-01", "2100-01-01", Precision::kCentury},
          {"2026-02-12T14:30", "2026-02-12T14:30", "2026-02-12T14:31", Precision::kMinute},
          {"2026-02-12T23:59", "2026-02-12T23:59", "2026-02-13T00:00", Precision::kMinute},
          {"2026-02-12T09", "2026-02-12T09:00", "2026-02-12T10:00", Precision::kHour},
          {"2026-02-12T14:30:15", "2026-02-12T14:30:15", "2026-02-12T14:30:16",
           Precision::kSecond},
          {"2026-02-12TMO", "2026-02-12T06:00", "2026-02-12T12:00", Precision::kPartOfDay},
          {"2026-02-12TAF", "2026-02-12T12:00", "2026-02-12T18:00", Precision::kPartOfDay},
          {"2026-02-12TEV", "2026-02-12T18:00", "2026-02-13T00:00", Precision::kPartOfDay},
          {"2026-02-12TNI", "2026-02-12T21:00", "2026-02-13T06:00", Precision::kPartOfDay},
      }));
  CAPTURE(value);
  const auto iv = timeline::interval_of(value);
  REQUIRE(iv.has_value());
  CHECK(iv->start == start);
  CHECK(iv->end == end);
  CHECK(iv->precision == precision);
}

TEST_CASE("interval_of refuses values that are not on the calendar", "[temporal]") {
  const std::string value = GENERATE(as<std::string>{}, "P2W", "PRESENT_REF", "PAST_REF",
                                     "XXXX-08", "XXXX-WXX-1", "UNDEF-last-year-08", "",
                                     "2025-13", "2025-02-30", "2025-W54", "2025-Q5", "2025-XX",
                                     "2026-02-12T25:00", "2026-02-12TZZ", "abcd", "2025-08-1");
  CAPTURE(value);
  CHECK_FALSE(timeline::interval_of(value).has_value());
}

TEST_CASE("edtf_of writes ISO 8601-2 with the mod", "[temporal]") {
  std::string value, mod, edtf;
  bool open_end;
  std::tie(value, mod, open_end, edtf) =
      GENERATE(table<std::string, std::string, bool, std::string>({
          {"2025-08", "", false, "2025-08"},
          {"2025-08", "APPROX", false, "2025-08~"},
          {"2025-08", "AFTER", false, "2025-08/.."},
          {"2026-01", "", true, "2026-01/.."},
          {"2025-08", "BEFORE", false, "../2025-08"},
          {"2025", "", false, "2025"},
          {"2026-02-12", "", false, "2026-02-12"},
          {"199", "", false, "199X"},
          {"19", "", false, "19XX"},
          {"2025-SU", "", false, "2025-22"},
          {"2025-WI", "", false, "2025-24"},
          {"2025-Q1", "", false, "2025-33"},
          {"2025-Q4", "", false, "2025-36"},
          {"2025-H2", "", false, "2025-41"},
          {"2026-W07", "", false, "2026-02-09/2026-02-15"},
          {"2026-W07", "AFTER", false, "2026-02-09/.."},
          {"2026-W07-WE", "", false, "2026-02-14/2026-02-15"},
          {"2026-02-12T14:30", "", false, "2026-02-12T14:30:00"},
          {"2026-02-12TMO", "", false, "2026-02-12"},
          // The night of the 12th runs into the 13th: its day is the 12th.
          {"2026-02-12TNI", "", false, "2026-02-12"},
          {"2026-02-12T09", "", false, "2026-02-12T09:00:00"},
          {"2026-02-12T14:30:15", "", false, "2026-02-12T14:30:15"},
          {"2026-02-12T14:30", "BEFORE", false, "../2026-02-12T14:30:00"},
          // A day of an ISO week is that day (Thursday of week 7 of 2026 is 12 February).
          {"2026-W07-4", "", false, "2026-02-12"},
          {"2026-W07", "APPROX", false, "2026-02-09~/2026-02-15~"},
          {"2026-W07", "BEFORE", false, "../2026-02-15"},
          {"2026-W07-WE", "ON_OR_AFTER", false, "2026-02-14/.."},
          {"P2W", "", false, ""},
          {"PRESENT_REF", "", false, ""},
      }));
  CAPTURE(value, mod, open_end);
  CHECK(timeline::edtf_of(value, mod, open_end) == edtf);
}
