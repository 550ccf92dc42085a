// Publication dates at and beyond the ends of the calendar the program uses (Boost.Date_Time:
// 1400-01-01 to 9999-12-31): a header date the calendar cannot hold is refused with a message
// that says why, and the last days of the range load.
#include <catch2/catch.hpp>

#include <timeline/document.hpp>

namespace timeline::test {
namespace {
const std::string kBefore = "-01-01, the first date the calendar (Boost.Date_Time) supports";
}  // namespace

TEST_CASE("a publication date outside the calendar's range says so", "[robust]") {
  // Expected error text; "" = the article loads with that date.
  const auto [published, expected] = GENERATE(table<const char*, std::string>({
      {"1066-10-14", "x.txt:2:12: '1066-10-14' is before 1400" + kBefore},
      {"October 14, 1066", "x.txt:2:12: 'October 14, 1066' is before 1400" + kBefore},
      {"1399-12-31", "x.txt:2:12: '1399-12-31' is before 1400" + kBefore},
      {"0000-01-01", "x.txt:2:12: '0000-01-01' is before 1400" + kBefore},
      {"1200-02-29", "x.txt:2:12: '1200-02-29' is before 1400" + kBefore},  // 1200: leap year
      {"1300-02-29", "x.txt:2:12: '1300-02-29' is not a calendar date such as 2026-02-12"},
      {"1066-13-01", "x.txt:2:12: '1066-13-01' is not a calendar date such as 2026-02-12"},
      {"1400-01-01", ""},
      {"9999-12-31", ""},
  }));
  const std::string bytes = std::string("Title: T\nPublished: ") + published +
                            "\n\nThe site was blocked on Monday.\n";
  Document doc;
  Error error;
  const bool ok = parse_text(bytes, "x.txt", &doc, &error);
  INFO(published << " -> " << (ok ? doc.published : error.str()));
  CHECK(ok == expected.empty());
  if (ok) CHECK(doc.published == published);
  else CHECK(error.str() == expected);
}

}  // namespace timeline::test

#include <timeline/tagger.hpp>

namespace timeline::test {

TEST_CASE("a shift past the four-digit years stays unresolved", "[robust]") {
  // From the last day of the calendar, "next year" would be 10000: the value stays the rule's
  // partial one (not a date) instead; years below 1400 are fine as year values. Worked out by
  // hand from the publication dates.
  const auto [published, phrase, expected] =
      GENERATE(table<const char*, const char*, std::string>({
          {"9999-12-31", "next year", "UNDEF-year+1"},
          {"9999-12-31", "last year", "9998"},
          {"9999-11-15", "next quarter", "UNDEF-quarter+1"},
          {"9999-05-15", "next quarter", "9999-Q3"},
          {"1400-06-01", "last year", "1399"},  // a year value needs no calendar day
          {"1400-06-01", "next year", "1401"},
      }));
  Error err;
  auto tagger = Tagger::create(DataFiles::builtin(), "en", &err);
  REQUIRE(tagger);
  Document doc;
  doc.published = published;
  doc.text = std::string("The rule takes effect ") + phrase + ".";
  const std::vector<Timex> timexes = tagger->tag(doc);
  INFO(published << " " << phrase);
  REQUIRE(timexes.size() == 1);
  CHECK(timexes[0].text == phrase);
  CHECK(timexes[0].value == expected);
}

}  // namespace timeline::test
