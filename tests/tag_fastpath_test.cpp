// The short ways of the tag path checked against the long ones they stand for:
// plain_date_span() against span_of() (the tagger's precision and reference day, and edtf_of()),
// write_timex()'s stack buffer against nlohmann's dump(), the JSON Lines reader's decoding of
// escaped strings (in a buffer of the thread's, or in place past 1 MB) against nlohmann's parse,
// TenseCues' words looked up only when a question reads them against all of them looked up
// before the first question, find_signal()'s eight-byte comparisons against its byte loop, and
// iso_week_of() and iso_time()'s digits against snprintf's.
// Values and strings of our own, every day of a few years, then every timex the tagger finds in
// the TempEval-3 silver articles and their texts (../shared, skipped when absent).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/document.hpp>
#include <timeline/json.hpp>
#include <timeline/tagger.hpp>

#include "common/json_text.hpp"
#include "temporal/calendar.hpp"
#include "temporal/links.hpp"
#include "test_util.hpp"
#include "text/tense.hpp"

namespace {

namespace td = timeline::temporal_detail;
using timeline::Precision;
using timeline::Tense;

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

// The first `count` silver articles (by file name).
std::vector<timeline::Document> silver_documents(std::size_t count) {
  const std::string dir = timeline::test::shared_dir() + "/data/te3-silver";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  files.resize(std::min(files.size(), count));
  std::vector<timeline::Document> docs(files.size());
  for (std::size_t k = 0; k < files.size(); ++k) {
    timeline::Error err;
    REQUIRE(timeline::parse_timeml(timeline::test::read_file(files[k]), files[k], &docs[k], &err));
  }
  return docs;
}

// The timexes the built-in tagger finds in the first `count` silver articles (by file name).
std::vector<timeline::Timex> silver_timexes(std::size_t count) {
  timeline::Error err;
  const auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
  REQUIRE(tagger);
  std::vector<timeline::Timex> all;
  for (const timeline::Document& doc : silver_documents(count))
    for (timeline::Timex& t : tagger->tag(doc)) all.push_back(std::move(t));
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

// Asks the questions the tagger asks of each stretch of `sentence` that runs from the start of
// a word to the end of the same or a later word (up to four words), on a TenseCues that looks
// words up as the questions read them (a fresh reset() for each stretch, a second one reused
// across the stretches) and on one whose words were all read before (sentence_tense() asked
// first): the answers must agree. Returns the number of stretches asked about.
std::size_t check_tenses(std::string_view sentence) {
  std::vector<std::pair<std::size_t, std::size_t>> words;  // letters and apostrophes
  for (std::size_t i = 0; i < sentence.size();) {
    const auto c = static_cast<unsigned char>(sentence[i]);
    if (!(std::isalpha(c) || c == '\'' || std::isdigit(c) || c >= 0x80)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < sentence.size() && !std::isspace(static_cast<unsigned char>(sentence[j]))) ++j;
    words.emplace_back(i, j);
    i = j;
  }
  timeline::TenseCues all_read(sentence), reused(sentence);
  const Tense whole = all_read.sentence_tense();
  std::size_t asked = 0;
  for (std::size_t a = 0; a < words.size(); ++a) {
    for (std::size_t b = a; b < words.size() && b < a + 4; ++b) {
      const std::size_t pos = words[a].first, end = words[b].second;
      timeline::TenseCues fresh(sentence);
      for (const int window : {5, 10, 1}) {
        for (const bool weak : {true, false}) {
          const Tense want = all_read.local_tense(pos, end, window, weak);
          const Tense got = fresh.local_tense(pos, end, window, weak);
          const Tense again = reused.local_tense(pos, end, window, weak);
          if (got != want || again != want) {  // the sentence is written out only then
            CAPTURE(sentence, pos, end, window, weak);
            CHECK(got == want);
            CHECK(again == want);
          }
        }
      }
      // The tagger's two questions asked at once: within five words, and within ten.
      for (const bool weak : {true, false}) {
        Tense wide = Tense::kUnknown, wide_again = Tense::kUnknown;
        const Tense near = timeline::TenseCues(sentence).local_tense(pos, end, 5, 10, weak, &wide);
        const Tense near_again = reused.local_tense(pos, end, 5, 10, weak, &wide_again);
        const Tense want_near = all_read.local_tense(pos, end, 5, weak);
        const Tense want_wide = all_read.local_tense(pos, end, 10, weak);
        if (near != want_near || wide != want_wide || near_again != want_near ||
            wide_again != want_wide) {
          CAPTURE(sentence, pos, end, weak);
          CHECK(near == want_near);
          CHECK(wide == want_wide);
          CHECK(near_again == want_near);
          CHECK(wide_again == want_wide);
        }
      }
      if (fresh.sentence_tense() != whole) {
        CAPTURE(sentence, pos, end);
        CHECK(fresh.sentence_tense() == whole);
      }
      ++asked;
    }
  }
  CHECK(reused.sentence_tense() == whole);
  return asked;
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
    for (const timeline::Document& doc : silver_documents(300)) check_record(doc.text);
  }
}

TEST_CASE("tense cues read word by word answer as when every word is read first", "[text]") {
  SECTION("sentences of our own") {
    for (const char* sentence :
         {"Officials said on Friday that the ban will stay.",
          "On Friday, the government planned to pay the claims.",
          "The offer had been due to expire Friday evening, the company said.",
          "The shares are to resume trading Tuesday after a halt.",
          "It is going to rain on Sunday, forecasters warned yesterday.",
          "Until Thursday, they had not called back.",
          "BLOCKED ON MONDAY: THE SITE WAS RESTORED BY WEDNESDAY",
          "Le site a \xC3\xA9t\xC3\xA9 bloqu\xC3\xA9 lundi, said the regulator on Tuesday.",
          "Ended", "a", "", "   ", "x's announced'", "The ban was lifted in May; it will return."}) {
      check_tenses(sentence);
    }
  }
  SECTION("the sentences of real articles") {
    TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
    std::size_t asked = 0;
    for (const timeline::Document& doc : silver_documents(120))
      for (const timeline::Sentence& s : timeline::segment(doc.text))
        asked += check_tenses(std::string_view(doc.text).substr(s.begin, s.end - s.begin));
    CHECK(asked > 10000);
  }
}

namespace {

// find_signal() against find_signal_bytewise() for a timex at every byte of `text`; returns how
// many places had a signal.
std::size_t check_signals(std::string_view text) {
  std::size_t found = 0;
  for (std::size_t at = 0; at <= text.size(); ++at) {
    timeline::Timex fast, slow;
    fast.begin = slow.begin = static_cast<std::uint32_t>(at);
    td::find_signal(text, &fast);
    td::find_signal_bytewise(text, &slow);
    if (fast.signal != slow.signal || fast.signal_begin != slow.signal_begin ||
        fast.signal_end != slow.signal_end) {
      CAPTURE(text, at, fast.signal, slow.signal, fast.signal_begin, slow.signal_begin);
      FAIL_CHECK("find_signal differs from its byte loop");
    }
    found += slow.signal.empty() ? 0 : 1;
  }
  return found;
}

}  // namespace

TEST_CASE("find_signal compared eight bytes at a time finds what its byte loop finds", "[temporal]") {
  SECTION("texts of our own") {
    // Signals at the text's start (fewer than sixteen bytes before), in capitals, longest first
    // ("no later than" over "later than" over "than"), inside longer words, after letters that
    // are not ASCII (lowered as the locale says: the byte loop answers), and across line breaks.
    std::size_t found = 0;
    for (const char* text :
         {"in May", "By Friday the site was back.", "NO LATER THAN June 3 and As Soon As Monday",
          "It reopened later than Tuesday, earlier than planned, prior to  the vote.",
          "within\tthree days; throughout\n2024; Beginning March; starting Monday",
          "Satin May, bonfire Sunday, cotton June, zinto 2020",  // signals ending other words
          "caf\xC3\xA9 in May, \xC3\xA9t\xC3\xA9 from June, na\xC3\xAFve until July",
          "as of", "of", " of ", "x", "", "  ", "\xE2\x80\x94to 5 \xE2\x80\x94 to 6"})
      found += check_signals(text);
    CHECK(found > 15);
  }
  SECTION("the texts of real articles") {
    TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
    std::size_t found = 0;
    for (const timeline::Document& doc : silver_documents(150)) found += check_signals(doc.text);
    CHECK(found > 5000);
  }
}

TEST_CASE("iso_week_of and iso_time write the digits snprintf writes", "[temporal]") {
  namespace bg = boost::gregorian;
  namespace bp = boost::posix_time;
  char buf[32];
  // Every day of the first and last years Boost.Date_Time has and of a few between: weeks
  // that belong to the year before or after, week 53, and the five-digit year after 9999.
  for (const int year : {1400, 1401, 1999, 2004, 2015, 2020, 2026, 9998, 9999}) {
    for (bg::date d(year, 1, 1); d <= bg::date(year, 12, 31); d += bg::days(1)) {
      const int week = d.week_number();
      int y = d.year();
      if (week >= 52 && d.month() == 1) --y;
      if (week == 1 && d.month() == 12) ++y;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
      CAPTURE(bg::to_iso_extended_string(d));
      CHECK(td::iso_week_of(d) == buf);
    }
  }
  // Every minute of a day, with and without seconds, on days of both ends of the calendar.
  for (const bg::date& day : {bg::date(1400, 1, 1), bg::date(2026, 2, 12), bg::date(9999, 12, 31)}) {
    for (int minute = 0; minute < 24 * 60; ++minute) {
      for (const int second : {0, 1, 9, 10, 59}) {
        const bp::ptime t(day, bp::minutes(minute) + bp::seconds(second));
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", static_cast<int>(day.year()),
                      static_cast<int>(day.month()), static_cast<int>(day.day()), minute / 60,
                      minute % 60);
        std::string want = buf;
        if (second != 0) {
          std::snprintf(buf, sizeof buf, ":%02d", second);
          want += buf;
        }
        if (td::iso_time(t) != want) FAIL_CHECK(td::iso_time(t) << " != " << want);
      }
    }
  }
}
