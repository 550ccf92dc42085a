// normalize_published: the date forms users and pages write, checked against the calendar.
#include <catch2/catch.hpp>

#include <timeline/document.hpp>

TEST_CASE("normalize_published reads the common forms of a publication date", "[io]") {
  auto [raw, expected] = GENERATE(table<std::string, std::string>({
      {"2026-02-12", "2026-02-12"},
      {"  2026-02-12\n", "2026-02-12"},
      {"2026-2-3", "2026-02-03"},
      {"2026/02/12", "2026-02-12"},
      {"2026-02-12T09:30:00Z", "2026-02-12"},
      {"2026-02-12T09:30:00.123+03:00", "2026-02-12"},
      // The publisher's calendar day is kept, not shifted to UTC (it would be the 13th).
      {"2026-02-12T23:30:00-05:00", "2026-02-12"},
      {"2026-02-12 09:30", "2026-02-12"},
      {"20260212", "2026-02-12"},
      {"20260212T093000Z", "2026-02-12"},
      {"February 12, 2026", "2026-02-12"},
      {"february 12 2026", "2026-02-12"},
      {"Feb. 12, 2026", "2026-02-12"},
      {"Sept 3, 2025", "2025-09-03"},
      {"Thursday, February 12, 2026", "2026-02-12"},
      {"February 12, 2026, 9:30 AM EST", "2026-02-12"},
      {"February 12, 2026 at 09:30", "2026-02-12"},
      {"12 Feb 2026", "2026-02-12"},
      {"12 February 2026", "2026-02-12"},
      {"12th of February 2026", "2026-02-12"},
      {"Thu, 12 Feb 2026 09:30:00 +0000", "2026-02-12"},
      // Leap years: 2024 is one, 2023 and 1900 are not, 2000 is.
      {"2024-02-29", "2024-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"2023-02-29", ""},
      {"1900-02-29", ""},
      // Not dates.
      {"2025-02-30", ""},
      {"June 31, 2025", ""},
      {"2026-13-01", ""},
      {"2026-00-10", ""},
      {"2026-02", ""},
      {"May 2026", ""},
      {"02/12/2026", ""},  // month or day first? Refused rather than guessed
      {"Smarch 3, 2026", ""},
      {"yesterday", ""},
      {"", ""},
      {"2026-02-12 and more words", ""},
      // The ends of the calendar's range, and month lengths, in the plain YYYY-MM-DD form.
      {"1400-01-01", "1400-01-01"},
      {"1399-12-31", ""},
      {"9999-12-31", "9999-12-31"},
      {"2026-04-31", ""},
      {"2026-04-30", "2026-04-30"},
      {"2026-02-1x", ""},
      {"2026-02-00", ""},
  }));
  CAPTURE(raw);
  CHECK(timeline::normalize_published(raw) == expected);
}
