// Value templates: references, functions, lexicon tables, conditions, and the failures that drop
// a match. Each row's expected expansion is worked out by hand from the rules/en lexicon.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "temporal/rules.hpp"
#include "temporal/template.hpp"

namespace {

using timeline::temporal_detail::Template;

const timeline::temporal_detail::Lexicon& english() {
  static const timeline::temporal_detail::Lexicon lexicon = [] {
    timeline::Error err;
    timeline::temporal_detail::RuleSet rules;
    REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &rules,
                                                  &err));
    return rules.lexicon;
  }();
  return lexicon;
}

}  // namespace

TEST_CASE("templates expand against a match's groups", "[temporal]") {
  // The match: "Monday, Sept. 5th, '98" with groups wd, month, day, year; `n` takes no part.
  const std::string text = "Monday, Sept. 5th, '98";
  const std::vector<std::string> groups = {"wd", "month", "day", "year", "n"};
  const std::vector<std::int32_t> spans = {0, 22,  0, 6,  8, 13,  14, 17,  19, 22,  -1, -1};
  struct Row {
    const char* tmpl;
    const char* expected;  // nullptr: the expansion fails
  };
  const std::vector<Row> rows = {
      {"DATE", "DATE"},
      {"{year:year4}-{month:month}-{day:day2}", "1998-09-05"},
      {"{month}", "Sept."},                         // the group's own text
      {"w{wd:weekday}", "w1"},                      // a lexicon table
      {"{?wd:has|none}", "has"},
      {"{?n:has {n}|none}", "none"},                // a group that took no part
      {"x{n:num}y", "xy"},                          // ... expands to nothing
      {"{?nosuch:a|b}", "b"},                       // a name the pattern lacks: never present
      {"{wd:number}", nullptr},                     // a word missing from its table fails
      {"[{wd:number?}]", "[]"},                     // unless the table is optional
      {"{day:num}", nullptr},                       // "5th" is not a number
      {"{?year:{year:year4}|{n}}", "1998"},
  };
  for (const Row& r : rows) {
    INFO(r.tmpl);
    const Template t(r.tmpl, groups, english());
    std::string out = "left over";
    const bool ok = t.expand(text, spans.data(), &out);
    CHECK(ok == (r.expected != nullptr));
    if (r.expected) CHECK(out == r.expected);
  }
}

TEST_CASE("template numbers: digits, words, decades, vague amounts", "[temporal]") {
  const std::vector<std::string> groups = {"q"};
  struct Row {
    const char* word;
    const char* tmpl;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {"twenty-five", "{q:num}", "25"},
      {"1,500", "{q:num}", "1500"},
      {"three", "{q:num10}", "30"},
      {"two", "{q:num100}", "200"},
      {"several", "P{q:num}D", "PXD"},
      {"fifth", "{q:day2}", "05"},
      {"31st", "{q:day2}", "31"},
      {"05", "{q:year4}", "2005"},
      {"'45", "{q:year4}", "1945"},
      {"123", "{q:year4}", nullptr},
  };
  for (const Row& r : rows) {
    INFO(r.word << " " << r.tmpl);
    const std::string text = r.word;
    const std::vector<std::int32_t> spans = {0, static_cast<std::int32_t>(text.size()), 0,
                                             static_cast<std::int32_t>(text.size())};
    const Template t(r.tmpl, groups, english());
    std::string out;
    const bool ok = t.expand(text, spans.data(), &out);
    CHECK(ok == (r.expected != nullptr));
    if (r.expected) CHECK(out == r.expected);
  }
}
