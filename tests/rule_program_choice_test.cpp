// The matcher's choice among the rules' matches in a sentence: longest first, then higher
// priority, then leftmost, without overlap. A few candidates are put in order by an insertion
// sort, many by std::stable_sort; where a rule's next match may start is kept per rule in a table
// of the thread's that no call clears (an entry counts only in the call that wrote it). A
// sentence of many pieces (many candidates) must give what each piece gives alone (a few), and
// calls of two matchers taking turns in one thread what each gives alone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "temporal/matcher.hpp"
#include "temporal/rules.hpp"
#include "test_util.hpp"

namespace {

namespace td = timeline::temporal_detail;

std::unique_ptr<td::Matcher> matcher_with(const std::string& extra_rules) {
  timeline::DataFiles data = timeline::DataFiles::builtin();
  if (!extra_rules.empty()) data.put("rules/en/zz_extra.rules", extra_rules);
  timeline::Error err;
  td::RuleSet rules;
  REQUIRE(td::load_rules(data, "en", &rules, &err));
  auto matcher = td::Matcher::create(std::move(rules), &err);
  REQUIRE(matcher);
  return matcher;
}

// Every field the tagger reads of a match.
std::string describe(const std::vector<td::Match>& matches) {
  std::string out;
  for (const td::Match& m : matches)
    out += std::to_string(m.begin) + "-" + std::to_string(m.end) + " " + m.rule->name + " " +
           m.type + " " + m.value + " " + m.mod + " " + m.quant + " " + m.freq + " " +
           m.value_after_quarter + "\n";
  return out;
}

// Pieces of my own, each with matches that overlap (a date inside a longer date, a number inside
// a blocked amount, a weekday inside a time).
const std::vector<std::string> kPieces = {
    "on Friday, Oct. 23, 1998",     "for two weeks last March",
    "by 5 p.m. Monday",             "about 100 million users in 2025",
    "in the 1990s and early 2001",  "every Tuesday morning",
    "three years ago this spring",  "from June 1 to June 30, 2024",
};

}  // namespace

TEST_CASE("matcher choice: a sentence of many pieces gives what each piece gives alone",
          "[temporal]") {
  const auto matcher = matcher_with("");
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
  for (int round = 0; round < 3; ++round)
    for (const std::string& piece : kPieces) {
      if (!text.empty()) text += "; ";
      ranges.emplace_back(static_cast<std::uint32_t>(text.size()),
                          static_cast<std::uint32_t>(text.size() + piece.size()));
      text += piece;
    }
  const std::vector<td::Match> whole =
      matcher->find(text, 0, static_cast<std::uint32_t>(text.size()));
  std::vector<td::Match> pieces;
  std::size_t most = 0;
  for (const auto& [b, e] : ranges) {
    std::vector<td::Match> one = matcher->find(text, b, e);
    most = std::max(most, one.size());
    for (td::Match& m : one) pieces.push_back(std::move(m));
  }
  CHECK(describe(whole) == describe(pieces));
  CHECK(whole.size() > 16);  // more chosen than the insertion sort takes, so more candidates
  CHECK(most >= 2);
  // The first piece worked out by hand: the whole date is one match, not the day inside it.
  const std::vector<td::Match> first = matcher->find(kPieces[0], 0,
                                                     static_cast<std::uint32_t>(kPieces[0].size()));
  REQUIRE(first.size() == 1);
  CHECK(first[0].begin == 3);
  CHECK(first[0].end == 24);
  CHECK(first[0].value == "1998-10-23");
}

TEST_CASE("matcher choice: two matchers taking turns in a thread each find what they find alone",
          "[temporal]") {
  // The second matcher has one rule more (its table of where rules may start next is longer),
  // a rule that matches a piece of my own as many times as it appears.
  const auto builtin = matcher_with("");
  const auto more = matcher_with(
      "rule zz_code_week\n  pattern: wk(?P<w>[0-9]{2})\n  type: DATE\n  value: 2020-W{w}\n");
  const std::string text = "Plan wk05 and wk06 from March 3, 2025 until wk09, then Monday.";
  const auto end = static_cast<std::uint32_t>(text.size());
  const std::string alone_builtin = describe(builtin->find(text, 0, end));
  const std::string alone_more = describe(more->find(text, 0, end));
  CHECK(alone_more != alone_builtin);
  CHECK(alone_more.find("zz_code_week") != std::string::npos);
  for (int k = 0; k < 4; ++k) {
    CHECK(describe(more->find(text, 0, end)) == alone_more);
    CHECK(describe(builtin->find(text, 0, end)) == alone_builtin);
  }
}
