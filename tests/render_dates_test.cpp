// How a claim's time reads on the page and in chart labels (display_date), and the marked-up
// evidence sentence. Expected strings are worked out from a calendar.
#include <catch2/catch.hpp>

#include <timeline/render.hpp>

#include "render/describe.hpp"

namespace {

timeline::When when_of(const std::string& timex3, const std::string& start, const std::string& end,
                       const std::string& precision) {
  timeline::When w;
  w.timex3 = timex3;
  w.start = start;
  w.end = end;
  w.precision = timeline::parse_precision(precision);
  w.basis = start.empty() && end.empty() ? "none" : "text";
  return w;
}

}  // namespace

TEST_CASE("display_date names a time at its own precision", "[render]") {
  auto [timex3, start, end, precision, expected] =
      GENERATE(table<std::string, std::string, std::string, std::string, std::string>({
          {"2026-02-12", "2026-02-12", "2026-02-13", "day", "12 February 2026"},
          {"2024-02-29", "2024-02-29", "2024-03-01", "day", "29 February 2024"},
          {"2025-08", "2025-08-01", "2025-09-01", "month", "August 2025"},
          {"2026-01", "2026-01-01", "", "month", "since January 2026"},
          {"2024-07-18", "2024-07-18", "2024-07-24", "day", "18–23 July 2024"},
          {"2024-07-30", "2024-07-30", "2024-08-03", "day", "30 July 2024 – 2 August 2024"},
          {"2024-W30", "2024-07-22", "2024-07-29", "week", "week of 22 July 2024"},
          {"2025", "2025-01-01", "2026-01-01", "year", "2025"},
          {"2025-Q3", "2025-07-01", "2025-10-01", "quarter", "Q3 2025"},
          {"2025-H2", "2025-07-01", "2026-01-01", "half-year", "second half of 2025"},
          {"2025-SU", "2025-06-01", "2025-09-01", "season", "summer 2025"},
          {"202", "2020-01-01", "2030-01-01", "decade", "the 2020s"},
          {"2025-08", "2025-08-01", "2025-11-01", "month", "August–October 2025"},
          {"2024-12", "2024-12-01", "2025-03-01", "month", "December 2024–February 2025"},
          {"2025-08", "", "2025-08-01", "month", "before 1 August 2025"},
          {"2026-02-12TMO", "2026-02-12", "2026-02-13", "part-of-day", "12 February 2026, morning"},
          {"2026-02-12T09:30", "2026-02-12T09:30", "2026-02-12T09:31", "minute",
           "12 February 2026, 09:30"},
          {"UNDEF-last-week", "", "", "unknown", ""},
          {"", "", "", "unknown", ""},
          {"2025-13", "2025-13-01", "2026-01-01", "month", ""},
      }));
  CAPTURE(timex3, start, end, precision);
  CHECK(timeline::display_date(when_of(timex3, start, end, precision)) == expected);
}

TEST_CASE("evidence_html marks the highlighted words and escapes the rest", "[render]") {
  using timeline::Evidence;
  using timeline::Span;
  // The sentence starts at byte 100 of its document; highlights are document offsets.
  const std::string s = "Access to <WhatsApp> was cut off on Thursday, \"TASS\" said.";
  auto at = [&](const std::string& word) {
    const auto b = static_cast<std::uint32_t>(100 + s.find(word));
    return Span{b, static_cast<std::uint32_t>(b + word.size())};
  };
  Evidence e;
  e.sentence = s;
  e.span = {100, static_cast<std::uint32_t>(100 + s.size())};
  SECTION("plain marks, in any order") {
    e.highlights = {at("on Thursday"), at("WhatsApp"), at("cut off")};
    CHECK(timeline::render::evidence_html(e) ==
          "Access to &lt;<mark>WhatsApp</mark>&gt; was <mark>cut off</mark> "
          "<mark>on Thursday</mark>, &quot;TASS&quot; said.");
  }
  SECTION("overlapping marks merge; marks past the sentence are clipped or dropped") {
    e.highlights = {at("cut off on"), at("off on Thursday"), Span{90, 102}, Span{500, 510}};
    CHECK(timeline::render::evidence_html(e) ==
          "<mark>Ac</mark>cess to &lt;WhatsApp&gt; was <mark>cut off on Thursday</mark>, "
          "&quot;TASS&quot; said.");
  }
}

TEST_CASE("evidence_html never splits a UTF-8 character", "[render]") {
  timeline::Evidence e;
  e.sentence = "Запрет WhatsApp";  // Cyrillic: two bytes per letter
  e.span = {0, static_cast<std::uint32_t>(e.sentence.size())};
  e.highlights = {{1, 3}};  // starts inside "З" (bytes 0-1), ends inside "а" (bytes 2-3)
  // Both ends move back to a character start: bytes [0, 2) = "З".
  CHECK(timeline::render::evidence_html(e) == "<mark>З</mark>апрет WhatsApp");
}

TEST_CASE("script_safe_json leaves no '</' for the HTML parser", "[render]") {
  CHECK(timeline::render::script_safe_json(R"({"s":"</script><!--"})") ==
        R"({"s":"\u003c/script>\u003c!--"})");
}
