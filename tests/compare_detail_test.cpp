// The comparison's calendar helpers (src/assemble/compare_detail.hpp): durations as day ranges,
// ISO dates as day numbers, and where a claim is placed in time. Expected values worked out on
// a calendar.
#include <catch2/catch.hpp>

#include "assemble/compare_detail.hpp"
#include "compare_fixtures.hpp"

namespace cd = timeline::compare_detail;

TEST_CASE("compare: durations as the range of days they can mean", "[compare]") {
  auto [value, ok, lo, hi] = GENERATE(table<std::string, bool, double, double>({
      {"P11D", true, 11, 11},
      {"P2W", true, 14, 14},
      {"P1M", true, 28, 31},
      {"P3M", true, 84, 93},
      {"P1Y", true, 365, 366},
      {"P1Y2D", true, 367, 368},
      {"PT36H", true, 1.5, 1.5},
      {"P1DT12H", true, 1.5, 1.5},
      {"P", false, 0, 0},
      {"11D", false, 0, 0},
      {"PXD", false, 0, 0},
      {"P3Q", false, 0, 0},
      {"", false, 0, 0},
  }));
  cd::DayRange r;
  INFO(value);
  REQUIRE(cd::duration_days(value, &r) == ok);
  if (ok) {
    CHECK(r.lo == Approx(lo));
    CHECK(r.hi == Approx(hi));
  }
}

TEST_CASE("compare: ISO dates as day numbers", "[compare]") {
  std::int64_t a = 0, b = 0;
  REQUIRE(cd::day_number("2024-02-28", &a));
  REQUIRE(cd::day_number("2024-03-01", &b));
  CHECK(b - a == 2);  // 2024 is a leap year: Feb 29 lies between
  REQUIRE(cd::day_number("2023-02-28", &a));
  REQUIRE(cd::day_number("2023-03-01T10:00", &b));
  CHECK(b - a == 1);
  std::int64_t x = 0;
  CHECK_FALSE(cd::day_number("2023-02-29", &x));
  CHECK_FALSE(cd::day_number("2023-13-01", &x));
  CHECK_FALSE(cd::day_number("2023-1-01", &x));
  CHECK_FALSE(cd::day_number("2023-01-01x", &x));
  CHECK_FALSE(cd::day_number("", &x));
}

TEST_CASE("compare: where a claim is placed in time", "[compare]") {
  using timeline::test::document;
  // Days counted from 2024-07-01.
  std::int64_t base = 0;
  REQUIRE(cd::day_number("2024-07-01", &base));
  auto [time, dated, stated, start, end, reach] =
      GENERATE(table<std::string, bool, bool, std::int64_t, std::int64_t, std::int64_t>({
          {"2024-07-18", true, true, 17, 18, 0},
          {"2024-07", true, true, 0, 31, 0},
          // Tuesday night, 21:00 to 06:00 on Wednesday: the Tuesday.
          {"2024-07-23TNI", true, true, 22, 23, 0},
          // Published 2024-07-30: a week before it, reaching back 31 days.
          {"statement", true, false, 29 - 7, 30, 29 - 31},
          {"", false, false, 0, 0, 0},
      }));
  const auto doc = document("a", "2024-07-30",
                            {{timeline::Action::kBlock, timeline::Status::kDone, "X", "", time, "", "s"}});
  const cd::DayInterval iv = cd::claim_interval(doc.claims[0], doc, timeline::CompareOptions{});
  INFO(time);
  CHECK(iv.dated == dated);
  CHECK(iv.stated == stated);
  if (!dated) return;
  CHECK(iv.start - base == start);
  CHECK(iv.end - base == end);
  if (!stated) CHECK(iv.reach - base == reach);
}

TEST_CASE("compare: an open end stays open", "[compare]") {
  const auto doc = timeline::test::document(
      "a", "2026-02-12",
      {{timeline::Action::kThrottle, timeline::Status::kOngoing, "Telegram", "", "2026-01/..", "", "s"}});
  const cd::DayInterval iv = cd::claim_interval(doc.claims[0], doc, timeline::CompareOptions{});
  std::int64_t jan1 = 0;
  REQUIRE(cd::day_number("2026-01-01", &jan1));
  CHECK(iv.start == jan1);
  CHECK(iv.end == cd::kOpenEnd);
}
