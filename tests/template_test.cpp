// Value templates: references, functions, lexicon tables, conditions, and the failures that drop
// a match. Each row's expected expansion is worked out by hand from the rules/en lexicon.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "temporal/rules.hpp"
#include "temporal/template.hpp"
#include "test_util.hpp"

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

TEST_CASE("lexicon tables find every key of the lexicon file, and nothing else", "[temporal]") {
  // The file read here line by line, into ordered maps: the last line of a key wins.
  std::istringstream in(timeline::test::read_file(timeline::test::source_dir() +
                                                  "/rules/en/lexicon.tsv"));
  std::map<std::string, std::map<std::string, std::string>> expected;
  std::string line;
  const auto trim = [](std::string s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  while (std::getline(in, line)) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    REQUIRE(t2 != std::string::npos);
    expected[line.substr(0, t1)]
            [timeline::temporal_detail::lexicon_key(trim(line.substr(t1 + 1, t2 - t1 - 1)))] =
        trim(line.substr(t2 + 1));
  }
  const auto& lexicon = english();
  REQUIRE(expected.size() > 5);
  CHECK(lexicon.size() == expected.size());
  std::size_t keys = 0;
  for (const auto& [name, table] : expected) {
    const auto it = lexicon.find(name);
    REQUIRE(it != lexicon.end());
    CHECK(it->second.size() == table.size());
    for (const auto& [key, value] : table) {
      const std::string* found = it->second.find(key);
      REQUIRE(found != nullptr);
      CHECK(*found == value);
      ++keys;
      // Near misses are not there: the key with a letter more, or its last letter dropped.
      if (table.count(key + "q") == 0) CHECK(it->second.find(key + "q") == nullptr);
      const std::string shorter = key.substr(0, key.size() - 1);
      if (table.count(shorter) == 0) CHECK(it->second.find(shorter) == nullptr);
    }
  }
  CHECK(keys > 300);
}
