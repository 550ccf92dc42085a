// segment() and the tense cues: sentence spans by byte offset, abbreviations of news text, and
// the tense read from auxiliaries and verb forms.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <timeline/text.hpp>

#include "text/tense.hpp"
#include "test_util.hpp"

namespace {

std::vector<std::string> sentences_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& s : timeline::segment(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

Spans spans_of(const std::string& text) {
  Spans out;
  for (const auto& s : timeline::segment(text)) out.emplace_back(s.begin, s.end);
  return out;
}

}  // namespace

TEST_CASE("segment splits sentences and keeps abbreviations", "[text]") {
  std::string text;
  std::vector<std::string> expected;
  std::tie(text, expected) = GENERATE(table<std::string, std::vector<std::string>>({
      {"The app was blocked. Users moved to VPNs.",
       {"The app was blocked.", "Users moved to VPNs."}},
      {"Mr. Smith met Dr. Jones on Jan. 5 in the city.",
       {"Mr. Smith met Dr. Jones on Jan. 5 in the city."}},
      {"The U.S. embassy said so. Calls stopped.",
       {"The U.S. embassy said so.", "Calls stopped."}},
      {"He said: \"It is over.\" Then he left.", {"He said: \"It is over.\"", "Then he left."}},
      {"Is it blocked? Yes! It is.", {"Is it blocked?", "Yes!", "It is."}},
      {"Headline without a stop\n\nThe body starts here.",
       {"Headline without a stop", "The body starts here."}},
      {"A line that wraps\nin the middle of a sentence.",
       {"A line that wraps\nin the middle of a sentence."}},
      {"It was ranked No. 5 by J. R. Smith last year.",
       {"It was ranked No. 5 by J. R. Smith last year."}},
      {"Prices rose 2.5 percent. Then they fell.", {"Prices rose 2.5 percent.", "Then they fell."}},
      // Abbreviations are compared in lower case; "Approx." is one, "Reports." is not.
      {"SEN. Ortiz spoke. It cost APPROX. Ten users paid.",
       {"SEN. Ortiz spoke.", "It cost APPROX. Ten users paid."}},
      {"See the Reports. Many were late.", {"See the Reports.", "Many were late."}},
      {"Talks ended at 5 p.m. Monday in the city.", {"Talks ended at 5 p.m. Monday in the city."}},
      {"   ", {}},
      {"", {}},
  }));
  CAPTURE(text);
  CHECK(sentences_of(text) == expected);
}

TEST_CASE("segment gives byte spans into the text, trailing space excluded", "[text]") {
  const std::string text = "Один. Two words.  ";
  const auto s = timeline::segment(text);
  REQUIRE(s.size() == 2);
  CHECK(s[0].begin == 0);
  CHECK(s[0].end == 9);  // "Один." is 4 two-byte letters and a full stop
  CHECK(s[1].begin == 10);
  CHECK(s[1].end == 20);
}

TEST_CASE("segment cuts a sentence without an end at the first space past 4096 bytes", "[text]") {
  // 1,000 times "word ": the spaces are at 5k+4; the first one at or past byte 4096 is 4099.
  std::string text;
  for (int k = 0; k < 1000; ++k) text += "word ";
  const auto s = timeline::segment(text);
  REQUIRE(s.size() == 2);
  CHECK(s[0].begin == 0);
  CHECK(s[0].end == 4099);
  CHECK(s[1].begin == 4100);
  CHECK(s[1].end == 4999);  // the last space is trailing space
}

TEST_CASE("segment takes a blank line's breaks at once, as it took them one by one", "[text]") {
  std::string text;
  std::vector<std::string> expected;
  std::tie(text, expected) = GENERATE(table<std::string, std::vector<std::string>>({
      {"One.\n\nTwo.\n \n\t\nThree.", {"One.", "Two.", "Three."}},
      {"One\n\n\nlower case goes on.", {"One", "lower case goes on."}},
      {"End.\n\n", {"End."}},
      {"\n\n\n", {}},
      {"Title\n\r\n\"Quoted\" line.\n\n\n(Bracketed.)", {"Title", "\"Quoted\" line.", "(Bracketed.)"}},
      // A blank run of 4,096 bytes and more is taken one break at a time.
      {"A.\n" + std::string(5000, ' ') + "\nB.", {"A.", "B."}},
  }));
  CAPTURE(text);
  CHECK(sentences_of(text) == expected);
}

TEST_CASE("after a blank line, a long sentence is cut 4096 bytes after the right break", "[text]") {
  // "Head." then a blank line then "ab " 2,000 times: the text after the blank line begins in
  // lower case, so the second break ends no sentence and the count of 4,096 bytes runs from the
  // first (byte 5): the first space at or past byte 4101 is 4101 itself ((4101 - 7) % 3 == 2).
  // Counted from the second break (byte 6), the cut would fall at 4104.
  std::string text = "Head.\n\n";
  for (int k = 0; k < 2000; ++k) text += "ab ";
  CHECK(spans_of(text) == Spans{{0, 5}, {7, 4101}, {4102, 6006}});  // trailing space excluded
  // Before a capital the second break ends an (empty) sentence: the count runs from byte 6.
  std::string capital = "Head.\n\nAb ";
  for (int k = 0; k < 1999; ++k) capital += "ab ";
  CHECK(spans_of(capital) == Spans{{0, 5}, {7, 4104}, {4105, 6006}});
}

TEST_CASE("sentence tense from auxiliaries and verb forms", "[text]") {
  std::string text;
  timeline::Tense tense;
  std::tie(text, tense) = GENERATE(table<std::string, timeline::Tense>({
      {"The regulator said it had restricted calls.", timeline::Tense::kPast},
      {"Officials will meet on Thursday.", timeline::Tense::kFuture},
      {"The court is expected to rule soon.", timeline::Tense::kFuture},
      {"The ministry plans to block the app.", timeline::Tense::kFuture},
      {"The app is blocked.", timeline::Tense::kPresent},
      {"Users complained about slow calls.", timeline::Tense::kPast},
      {"Green and red flags.", timeline::Tense::kUnknown},
  }));
  CAPTURE(text);
  CHECK(timeline::sentence_tense(text) == tense);
}

TEST_CASE("local tense reads the verb next to an expression", "[text]") {
  // "will" governs the whole sentence, but the weekday belongs to "confirmed".
  const std::string text = "The watchdog confirmed Thursday that it will lift the ban.";
  const std::size_t at = text.find("Thursday");
  CHECK(timeline::local_tense(text, at, at + 8, 5) == timeline::Tense::kPast);
  const std::string later = "They will be restored next month, officials said.";
  const std::size_t m = later.find("next month");
  CHECK(timeline::local_tense(later, m, m + 10, 5) == timeline::Tense::kFuture);
}

TEST_CASE("segment handles the seed article", "[text]") {
  const std::string path = timeline::test::shared_dir() + "/seed/000_bf60ad6337aa9cfd.txt";
  TIMELINE_REQUIRE_DATA(path);
  const std::string text = timeline::test::read_file(path);
  const auto s = timeline::segment(text);
  REQUIRE(s.size() > 10);
  std::uint32_t last = 0;
  for (const auto& x : s) {
    CHECK(x.begin >= last);
    CHECK(x.end > x.begin);
    CHECK(x.end <= text.size());
    // No sentence ends right after a title abbreviation.
    const std::string body = text.substr(x.begin, x.end - x.begin);
    CHECK(body.substr(body.size() >= 3 ? body.size() - 3 : 0) != "Mr.");
    last = x.end;
  }
}
