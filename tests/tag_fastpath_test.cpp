// The short ways of the tag path checked against the long ones they stand for:
// plain_date_span() against span_of() (the tagger's precision and reference day, and edtf_of()),
// write_timex()'s stack buffer against nlohmann's dump(), and the JSON Lines reader's decoding of
// escaped strings (in a buffer of the thread's, or in place past 1 MB) against nlohmann's parse.
// Values and strings of our own, every day of a few years, then every timex the tagger finds in
// the TempEval-3 silver articles and their texts (../shared, skipped when absent).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/document.hpp>
#include <timeline/json.hpp>
#include <timeline/tagger.hpp>

#include "common/json_text.hpp"
#include "temporal/calendar.hpp"
#include "test_util.hpp"

namespace {

namespace td = timeline::temporal_detail;
using timeline::Precision;

// Checks that plain_date_span() agrees with span_of() on `value`: when it answers, span_of()
// gives the same precision and first day; a year, month or day span_of() takes is answered.
// Then that edtf_of() gives, for each mod, the start of interval_of() cut to the precision.
void check_value(const std::string& value) {
  CAPTURE(value);
  Precision precision = Precision::kUnknown;
  boost::gregorian::date first;
  const bool plain = td::plain_date_span(value, &precision, &first);
  const auto span = td::span_of(value);
  const bool day_month_year =
      span && !span->timed &&
      (span->precision == Precision::kYear || span->precision == Precision::kMonth ||
       (span->precision == Precision::kDay && value.size() == 10 && value[4] == '-' &&
        value[7] == '-'));
  CHECK(plain == day_month_year);
  if (!plain) return;
  REQUIRE(span);
  CHECK(precision == span->precision);
  CHECK(first == span->first_day());
  Precision again = Precision::kUnknown;
  CHECK(td::plain_date_span(value, &again, nullptr));
  CHECK(again == precision);
  const auto iv = timeline::interval_of(value);
  REQUIRE(iv);
  const std::size_t length = precision == Precision::kYear ? 4 : precision == Precision::kMonth ? 7 : 10;
  const std::string base = iv->start.substr(0, length);
  CHECK(base == value);
  CHECK(timeline::edtf_of(value, "") == base);
  CHECK(timeline::edtf_of(value, "APPROX") == base + "~");
  CHECK(timeline::edtf_of(value, "BEFORE") == "../" + base);
  CHECK(timeline::edtf_of(value, "ON_OR_BEFORE") == "../" + base);
  CHECK(timeline::edtf_of(value, "AFTER") == base + "/..");
  CHECK(timeline::edtf_of(value, "ON_OR_AFTER") == base + "/..");
  CHECK(timeline::edtf_of(value, "", true) == base + "/..");
  CHECK(timeline::edtf_of(value, "START") == base);
}

// parse_jsonl_record() on {"id": ..., "text": text, "pad": pad}, against the text nlohmann reads
// back from the same line.
void check_record(const std::string& text, const std::string& pad = "") {
  const std::string line = nlohmann::json{{"id", "r1"}, {"text", text}, {"pad", pad}}.dump();
  timeline::Document doc;
  timeline::Error err;
  CAPTURE(text.size(), pad.size());
  REQUIRE(timeline::parse_jsonl_record(line, "t.jsonl", 1, &doc, &err));
  CHECK(doc.text == nlohmann::json::parse(line)["text"].get<std::string>());
}

// The timexes the built-in tagger finds in the first `count` silver articles (by file name).
std::vector<timeline::Timex> silver_timexes(std::size_t count) {
  const std::string dir = timeline::test::shared_dir() + "/data/te3-silver";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  files.resize(std::min(files.size(), count));
  timeline::Error err;
  const auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
  REQUIRE(tagger);
  std::vector<timeline::Timex> all;
  for (const std::string& f : files) {
    timeline::Document doc;
    REQUIRE(timeline::parse_timeml(timeline::test::read_file(f), f, &doc, &err));
    for (timeline::Timex& t : tagger->tag(doc)) all.push_back(std::move(t));
  }
  return all;
}

// write_timex() with "edtf" and "rule", and the bytes nlohmann writes for the same.
void check_written(const timeline::Timex& t) {
  const std::string edtf = timeline::edtf_of(t.value, t.mod, t.signal == "since");
  std::string out = "x";  // written after what is there
  timeline::json_text::write_timex(&out, t, &edtf, &t.rule);
  nlohmann::json j = t;
  j["edtf"] = edtf;
  j["rule"] = t.rule;
  CHECK(out == "x" + j.dump());
}

}  // namespace

TEST_CASE("plain_date_span and edtf_of agree with span_of and interval_of", "[temporal]") {
  SECTION("values of our own") {
    for (const char* v :
         {"2025", "1400", "9989", "1399", "9990", "0999", "2025-08", "2025-12", "2025-01",
          "2025-00", "2025-13", "2025-8", "2025-08-14", "2024-02-29", "2023-02-29", "2025-04-31",
          "2025-04-30", "2025-12-31", "2025-01-00", "2025-01-32", "2025-08-1", "2025x08", "2025-08x14",
          "20a5", "2025-0a", "2025-08-1a", "2025-W07", "2025-W07-3", "2025-Q3", "2025-H1",
          "2025-SU", "199", "199X", "19", "19XX", "2025-08-14T10:30", "2025-08-14TMO", "PRESENT_REF",
          "P2W", "XXXX-08", "UNDEF-year-1", "", "2", "20250814", "+2025", "-2025", " 2025"})
      check_value(v);
  }
  SECTION("every day, month and year of a few years, and impossible ones around them") {
    for (int y : {1400, 1900, 2000, 2023, 2024, 9989}) {
      check_value(std::to_string(y));
      for (int m = 0; m <= 13; ++m) {
        char month[16];
        std::snprintf(month, sizeof month, "%04d-%02d", y, m);
        check_value(month);
        for (int d = 0; d <= 32; ++d) {
          char day[16];
          std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
          check_value(day);
        }
      }
    }
  }
  SECTION("the values of the timexes found in real articles") {
    TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
    const auto timexes = silver_timexes(400);
    REQUIRE(timexes.size() > 1000);
    for (const timeline::Timex& t : timexes) check_value(t.value);
  }
}

TEST_CASE("write_timex writes the bytes nlohmann writes, whatever a string's length", "[io]") {
  SECTION("each length up to 40, with a byte to escape or check at each place") {
    timeline::Timex t;
    t.begin = 7;
    t.end = 19;
    t.type = "DATE";
    t.value = "2026-02-12";
    t.anchor = "2026-02-12";
    t.precision = Precision::kDay;
    t.rule = "weekday_name";
    for (std::size_t n = 0; n <= 40; ++n) {
      std::string plain;
      for (std::size_t k = 0; k < n; ++k) plain += static_cast<char>('a' + k % 26);
      for (auto* field : {&t.text, &t.signal, &t.mod}) {
        *field = plain;
        CAPTURE(n, *field);
        check_written(t);
        for (std::size_t k = 0; k < n; ++k) {
          for (const char* odd : {"\"", "\\", "\n", "\x01", "\x7F", "\xC3\xA9"}) {
            *field = plain.substr(0, k) + odd + plain.substr(k + 1);
            CAPTURE(k, *field);
            check_written(t);
          }
        }
        *field = "";
      }
    }
  }
  SECTION("texts around the size the stack buffer takes, plain and with an escape at the end") {
    timeline::Timex t;
    t.type = "DATE";
    t.value = "2026";
    t.precision = Precision::kYear;
    t.rule = "year_digits";
    t.range_partner = 1234567;
    t.begin = 4000000000u;
    t.end = 4000000100u;
    for (std::size_t n = 180; n <= 300; ++n) {
      t.text = std::string(n, 'y');
      CAPTURE(n);
      check_written(t);
      t.text.back() = '"';
      check_written(t);
    }
  }
  SECTION("every timex found in real articles") {
    TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
    const auto timexes = silver_timexes(400);
    REQUIRE(timexes.size() > 1000);
    for (const timeline::Timex& t : timexes) check_written(t);
  }
}

TEST_CASE("JSON Lines strings with escapes read as nlohmann reads them, short and past 1 MB",
          "[io]") {
  const std::vector<std::string> texts = {
      "Two lines\nand a \"quote\"", "tab\there, back\\slash", "caf\xC3\xA9 and \xE2\x80\x9Cquotes\xE2\x80\x9D",
      "an emoji \xF0\x9F\x93\xB0 written as a surrogate pair", "control \x01 and DEL \x7F",
      std::string(5000, 'a') + "\n" + std::string(70, 'b'), "\n\n\nleading breaks"};
  for (const std::string& text : texts) {
    check_record(text);                                // the thread's buffer
    check_record(text, std::string(1100000, 'p'));    // more than 1 MB after the text: in place
    check_record(text + std::string(1100000, 'q') + "\n");  // the text itself past 1 MB
  }
  SECTION("the texts of real articles") {
    TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
    const std::string dir = timeline::test::shared_dir() + "/data/te3-silver";
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".tml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    files.resize(std::min<std::size_t>(files.size(), 300));
    for (const std::string& f : files) {
      timeline::Document doc;
      timeline::Error err;
      REQUIRE(timeline::parse_timeml(timeline::test::read_file(f), f, &doc, &err));
      check_record(doc.text);
    }
  }
}
