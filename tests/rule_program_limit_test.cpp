// RuleProgram as the matcher runs it: with the limit the automaton's walk gives (the search stops
// at the first match that reaches it, with the groups it holds then), its groups kept in the
// caller's spans while it searches (a copy only when the longest match falls short of the
// limit), and its stack grown past its first room. Every built-in rule is checked against RE2 at
// every place the automaton names it, in TimeBank and te3-silver (skipped when absent); the
// hand-written rows are worked out by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <re2/re2.h>

#include "temporal/rule_automaton.hpp"
#include "temporal/rule_program.hpp"
#include "temporal/rule_syntax.hpp"
#include "temporal/rules.hpp"
#include "rule_program_util.hpp"
#include "test_util.hpp"

namespace {

namespace td = timeline::temporal_detail;
using Spans = std::vector<std::int32_t>;

std::unique_ptr<td::RuleProgram> program_of(const std::string& pattern) {
  td::Syntax s;
  if (!td::read_syntax(pattern, &s)) return nullptr;
  return td::RuleProgram::compile(s);
}

// At every place of each ASCII line of `text`, the rules the automaton names, each run with the
// limit the walk gives, against RE2.
void check_with_limits(const td::RuleSet& rules, const std::string& text,
                       const std::string& where) {
  RE2::Options opt = td::rule_options();
  opt.set_encoding(RE2::Options::EncodingLatin1);
  td::RuleAutomaton automaton;
  std::vector<std::unique_ptr<td::RuleProgram>> programs;
  std::vector<std::unique_ptr<RE2>> regexes;
  for (const td::Rule& r : rules.rules) {
    td::Syntax s;
    REQUIRE(td::read_syntax(r.pattern, &s));
    automaton.add(r.pattern, &s);
    programs.push_back(td::RuleProgram::compile(s));
    REQUIRE(programs.back());
    regexes.push_back(std::make_unique<RE2>(r.pattern, opt));
    REQUIRE(regexes.back()->ok());
  }
  automaton.finish();
  td::RuleAutomaton::Walker walker(automaton);
  td::RuleProgram::Scratch scratch;
  Spans got, truth;
  std::vector<int> ids;
  std::vector<std::uint32_t> limits;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t asked = 0, matched = 0, short_of_limit = 0, wrong = 0;
  for (std::size_t line = 0; line < text.size();) {
    std::size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    bool ascii = true;
    for (std::size_t i = line; i < end; ++i) ascii = ascii && bytes[i] < 0x80;
    for (std::size_t p = line; ascii && p < end; ++p) {
      std::int16_t s;
      std::size_t q;
      if (!walker.start(bytes, p, end, &s, &q)) continue;
      walker.candidates_from(text, p, q, s, end, &ids, &limits);
      for (std::size_t k = 0; k < ids.size(); ++k) {
        const auto id = static_cast<std::size_t>(ids[k]);
        ++asked;
        got.assign(3, 77);  // what the caller's spans held before: overwritten
        const auto result = programs[id]->match(text, p, end, &scratch, &got, limits[k]);
        const bool re2 = timeline::test::re2_match(*regexes[id], text, p, end, &truth);
        if (result == td::RuleProgram::kGaveUp) continue;
        matched += re2;
        if (re2 && truth[1] < static_cast<std::int32_t>(limits[k])) ++short_of_limit;
        if ((result == td::RuleProgram::kMatch) == re2 && (!re2 || got == truth)) continue;
        ++wrong;
        UNSCOPED_INFO(where << ": rule " << rules.rules[id].name << " at byte " << p << ": "
                            << text.substr(p, std::min<std::size_t>(50, end - p)));
      }
    }
    line = end + 1;
  }
  INFO(where << ": " << asked << " runs, " << matched << " matches, " << short_of_limit
             << " short of the limit");
  CHECK(wrong == 0);
  CHECK(matched > 1000);
  CHECK(short_of_limit > 0);  // the copy kept while the search goes on is used too
}

}  // namespace

TEST_CASE("rule program: with a limit, in place, and past its first room", "[temporal]") {
  struct Row {
    const char* pattern;
    std::string text;
    std::size_t limit;
    Spans expected;  // empty: no match
  };
  const std::string spaces(5000, ' ');
  std::string pairs;
  for (int k = 0; k < 2000; ++k) pairs += "ab";
  const std::vector<Row> rows = {
      // The limit is the longest match's end: the first way there is taken, and is RE2's.
      {"(a|ab)(c|bcd)", "abcd", 4, {0, 4, 0, 1, 1, 4}},
      // A limit past the longest match: the shorter match's groups come back from the copy,
      // after the other way changed them and failed.
      {"(?:(ab)c|a(bc))", "abcx", 4, {0, 3, 0, 2, -1, -1}},
      {"(a)|(a)(b)x", "aby", 3, {0, 1, 0, 1, -1, -1, -1, -1}},
      {"(?:a|ab)", "abx", 3, {0, 2}},
      // A greedy loop of 5,000 turns leaves 5,000 ways on its stack (room for 64 at first).
      {"( *)(x)", spaces + "x", SIZE_MAX, {0, 5001, 0, 5000, 5000, 5001}},
      {"( *)(y)", spaces + "x", SIZE_MAX, {}},
      // Many alternatives waiting at each turn.
      {"(?:ab|abc|abd|abe|a)+(c)", pairs + "c", SIZE_MAX, {0, 4001, 4000, 4001}},
  };
  td::RuleProgram::Scratch scratch;
  for (const Row& r : rows) {
    INFO(r.pattern << " on " << r.text.size() << " bytes, limit " << r.limit);
    const auto program = program_of(r.pattern);
    REQUIRE(program);
    Spans got = {9, 9, 9};
    const auto result = program->match(r.text, 0, r.text.size(), &scratch, &got, r.limit);
    REQUIRE(result != td::RuleProgram::kGaveUp);
    CHECK((result == td::RuleProgram::kMatch) == !r.expected.empty());
    if (!r.expected.empty()) CHECK(got == r.expected);
  }
  // Past its budget of branches it gives up: a loop of 20,000 turns leaves 20,000 ways.
  const auto loop = program_of("( *)x");
  Spans got;
  CHECK(loop->match(std::string(20000, ' ') + "x", 0, 20001, &scratch, &got) ==
        td::RuleProgram::kGaveUp);
}

TEST_CASE("rule program: every built-in rule with the automaton's limits agrees with RE2",
          "[temporal]") {
  const td::RuleSet rules = timeline::test::builtin_rules();
  const std::string timebank = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(timebank);
  check_with_limits(rules, timeline::test::read_files(timebank, ".tml"), "TimeBank");
  // te3-silver's articles of 2005 (849 of 2,452).
  TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
  const std::string some = timeline::test::te3_silver_of("2005");
  REQUIRE(some.size() > 1000000);
  check_with_limits(rules, some, "te3-silver");
}
