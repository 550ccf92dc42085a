// RuleProgram: a rule's match and groups without RE2. Hand-written patterns whose longest match
// and groups are worked out by hand (and must also be RE2's), the constructs it refuses, the
// budget, and every built-in rule against RE2 on the rule examples and on TimeBank.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <re2/re2.h>

#include <timeline/tagger.hpp>

#include "temporal/matcher.hpp"
#include "temporal/rule_automaton.hpp"
#include "temporal/rule_program.hpp"
#include "temporal/rule_syntax.hpp"
#include "temporal/rules.hpp"
#include "rule_program_util.hpp"
#include "test_util.hpp"

namespace {

using timeline::temporal_detail::RuleProgram;
using timeline::temporal_detail::Syntax;
using Spans = std::vector<std::int32_t>;

std::unique_ptr<RuleProgram> program_of(const std::string& pattern) {
  Syntax s;
  if (!timeline::temporal_detail::read_syntax(pattern, &s)) return nullptr;
  return RuleProgram::compile(s);
}

using timeline::test::re2_match;

RE2::Options latin1_options() {
  RE2::Options opt = timeline::temporal_detail::rule_options();
  opt.set_encoding(RE2::Options::EncodingLatin1);
  return opt;
}

}  // namespace

TEST_CASE("rule program: longest match and RE2's groups, by hand", "[temporal]") {
  struct Row {
    const char* pattern;
    const char* text;
    std::size_t p;
    Spans expected;  // empty: no match
  };
  // Spans: match begin, end, then each group's begin, end (-1 -1: took no part).
  const std::vector<Row> rows = {
      // Longest wins over the first alternative; among ways of the same length, the preferred.
      {"(a|ab)(c|bcd)", "abcd", 0, {0, 4, 0, 1, 1, 4}},
      {"(?:(ab)c|a(bc))", "abc", 0, {0, 3, 0, 2, -1, -1}},
      {"(?:(ab)c|a(bc))", "abcx", 0, {0, 3, 0, 2, -1, -1}},  // the text goes on: both are tried
      {"(?:a|ab)", "abx", 0, {0, 2}},
      // Many alternatives (looked up by their first character): the same preference.
      {"(?:jan|feb|(ja)|mar|)(n?)", "janx", 0, {0, 3, -1, -1, 3, 3}},
      {"(?:jan|feb|(ja)|mar|)(n?)", "jax", 0, {0, 2, 0, 2, 2, 2}},
      {"(?:jan|feb|(ja)|mar|)(n?)", "x", 0, {0, 0, -1, -1, 0, 0}},
      {"(?:jan|feb|mar|apr)", "", 0, {}},
      // Greedy takes as much as leaves a match; lazy as little.
      {"(\\s*)(\\s+)x", "   x", 0, {0, 4, 0, 2, 2, 3}},
      {"(a+?)(a*)", "aaa", 0, {0, 3, 0, 1, 1, 3}},
      {"(a*)(a*)", "aaa", 0, {0, 3, 0, 3, 3, 3}},
      // Counted repetition.
      {"x{2,3}", "xxxx", 0, {0, 3}},
      {"x{2}", "x", 0, {}},
      {"(?:ab){0,2}c", "ababc", 0, {0, 5}},
      // Case: folded by default, exact in (?-i:...).
      {"(?-i:May) ([0-9]+)", "may 5", 0, {}},
      {"(?-i:May) ([0-9]+)", "May 15", 0, {0, 6, 4, 6}},
      {"jan(?:uary)?\\.?", "JANUARY 5", 0, {0, 7}},
      {"jan(?:uary)?\\.?", "Jan. 5", 0, {0, 4}},
      {"(?-i:\\p{Lu})\\pL+", "Moscow", 0, {0, 6}},
      {"(?-i:\\p{Lu})\\pL+", "moscow", 0, {}},
      {"\\p{Lu}\\pL+", "moscow", 0, {0, 6}},  // \p{Lu} folds too, as in RE2
      // Classes and the dot.
      {"[^.;]+", "ab;c", 0, {0, 2}},
      {"a.c", "a\nc", 0, {}},
      {"a.c", "a-c", 0, {0, 3}},
      {"\\d+(?:,\\d{3})*", "1,250,000 people", 0, {0, 9}},
      {"[$]\\s?[0-9]", "$ 5", 0, {0, 3}},
      // Assertions look around the place, in the whole text.
      {"\\bfoo", "afoo", 1, {}},
      {"\\bfoo", "a foo", 2, {2, 5}},
      {"foo\\b", "foox", 0, {}},
      {"^x", "xx", 1, {}},
      {"^x", "xx", 0, {0, 1}},
      {"ab$", "ab", 0, {0, 2}},
      {"ab$", "abc", 0, {}},
      // An empty match is a match.
      {"(x?)", "y", 0, {0, 0, 0, 0}},
  };
  for (const Row& r : rows) {
    INFO(r.pattern << " on \"" << r.text << "\" at " << r.p);
    const auto program = program_of(r.pattern);
    REQUIRE(program);
    const std::string text = r.text;
    RuleProgram::Scratch scratch;
    Spans got;
    const auto result = program->match(text, r.p, text.size(), &scratch, &got);
    REQUIRE(result != RuleProgram::kGaveUp);
    if (r.expected.empty()) {
      CHECK(result == RuleProgram::kNoMatch);
    } else {
      CHECK(result == RuleProgram::kMatch);
      CHECK(got == r.expected);
    }
    // RE2, as the rules use it, agrees with the worked-out answer.
    const RE2 re(r.pattern, latin1_options());
    REQUIRE(re.ok());
    Spans truth;
    CHECK(re2_match(re, text, r.p, text.size(), &truth) == !r.expected.empty());
    if (!r.expected.empty()) CHECK(truth == r.expected);
  }
}

TEST_CASE("rule program: refuses what it cannot run exactly", "[temporal]") {
  CHECK_FALSE(program_of("(?:a?)*b"));      // a loop whose turn can be empty
  CHECK_FALSE(program_of("(?:a|)+b"));
  CHECK_FALSE(program_of("\\x41"));          // ASCII members not modelled: inexact
  CHECK_FALSE(program_of("\\p{Greek}a"));
  CHECK_FALSE(program_of("(?s:.)"));         // a flag other than i
  CHECK_FALSE(program_of("[[:alpha:]]"));    // not read at all
  CHECK(program_of("(?:a?)+?b") == nullptr);
  CHECK(program_of("(?:a?){3}b"));           // bounded: fine
  Syntax s;
  REQUIRE(timeline::temporal_detail::read_syntax("caf\xc3\xa9?", &s));
  CHECK_FALSE(s.latin1_same);  // Latin-1 reads "é?" as two characters, the second optional
  REQUIRE(timeline::temporal_detail::read_syntax("[\xe2\x80\x99']s", &s));
  CHECK(s.latin1_same);
}

TEST_CASE("rule program: gives up past its budget, and the tagger then asks RE2", "[temporal]") {
  // Every way of splitting 40 a's into ones and twos is tried before the longest is known:
  // more than 10^8 ways.
  const std::string pattern = "(?:a|aa)+z?";
  const std::string text = std::string(40, 'a') + " y";
  const auto program = program_of(pattern);
  REQUIRE(program);
  RuleProgram::Scratch scratch;
  Spans got;
  CHECK(program->match(text, 0, text.size(), &scratch, &got) == RuleProgram::kGaveUp);

  // Through the tagger: a rule with that pattern still finds its match (through RE2).
  timeline::DataFiles data = timeline::DataFiles::builtin();
  data.put("rules/en/zz_slow.rules",
           "rule slow_as\n  pattern: " + pattern + "\n  type: DATE\n  value: 2020\n");
  timeline::Error err;
  const auto tagger = timeline::Tagger::create(data, "en", &err);
  REQUIRE(tagger);
  timeline::Document doc;
  doc.text = "They said " + text + ".";
  doc.published = "2026-02-12";
  const auto timexes = tagger->tag(doc);
  REQUIRE(timexes.size() == 1);
  CHECK(timexes[0].text == std::string(40, 'a'));
  CHECK(timexes[0].value == "2020");
}

namespace {

// Asks every candidate rule (or every rule, `all`) at every place of each ASCII line of `text`
// of both engines; they must agree on the match and every group.
void check_against_re2(const std::vector<std::unique_ptr<RuleProgram>>& programs,
                       const std::vector<std::unique_ptr<RE2>>& regexes,
                       const timeline::temporal_detail::RuleAutomaton* automaton,
                       const std::string& text, const std::string& where) {
  RuleProgram::Scratch scratch;
  Spans got, truth;
  std::vector<int> ids;
  std::size_t asked = 0, matched = 0, wrong = 0;
  std::size_t line = 0;
  while (line < text.size()) {
    std::size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    bool ascii = true;
    for (std::size_t i = line; i < end; ++i) ascii = ascii && static_cast<unsigned char>(text[i]) < 0x80;
    for (std::size_t p = line; ascii && p < end; ++p) {
      if (automaton) {
        timeline::temporal_detail::RuleAutomaton::Walker walker(*automaton);
        walker.candidates(text, p, end, &ids);
      } else {
        ids.clear();
        for (std::size_t id = 0; id < programs.size(); ++id) ids.push_back(static_cast<int>(id));
      }
      for (int id : ids) {
        if (!programs[id]) continue;
        ++asked;
        const auto result = programs[id]->match(text, p, end, &scratch, &got);
        const bool re2 = re2_match(*regexes[id], text, p, end, &truth);
        if (result == RuleProgram::kGaveUp) continue;
        matched += re2;
        if ((result == RuleProgram::kMatch) == re2 && (!re2 || got == truth)) continue;
        ++wrong;
        UNSCOPED_INFO(where << ": rule " << id << " at byte " << p << ": "
                            << text.substr(p, std::min<std::size_t>(50, end - p)));
      }
    }
    line = end + 1;
  }
  CHECK(wrong == 0);
  CHECK(matched > 0);
  CHECK(asked > matched);
}

}  // namespace

TEST_CASE("rule program: every built-in rule agrees with RE2", "[temporal]") {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules;
  REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &rules,
                                                &err));
  std::vector<std::unique_ptr<RuleProgram>> programs;
  std::vector<std::unique_ptr<RE2>> regexes;
  timeline::temporal_detail::RuleAutomaton automaton;
  std::string examples;
  for (const auto& r : rules.rules) {
    Syntax s;
    REQUIRE(timeline::temporal_detail::read_syntax(r.pattern, &s));
    programs.push_back(RuleProgram::compile(s));
    CHECK(programs.back());  // every built-in rule runs without RE2
    regexes.push_back(std::make_unique<RE2>(r.pattern, latin1_options()));
    REQUIRE(regexes.back()->ok());
    automaton.add(r.pattern);
    for (const auto& e : r.examples) examples += e.text + "\n";
  }
  automaton.finish();
  // The examples: every rule at every place.
  check_against_re2(programs, regexes, nullptr, examples, "rule examples");

  // The programs as the build writes them into its table and the matcher reads them back: the
  // same bytes again, and the same answers.
  std::vector<std::unique_ptr<RuleProgram>> read_back;
  for (const auto& p : programs) {
    std::string bytes, again;
    p->write(&bytes);
    read_back.push_back(RuleProgram::read(bytes));
    REQUIRE(read_back.back());
    read_back.back()->write(&again);
    CHECK(again == bytes);
  }
  check_against_re2(read_back, regexes, nullptr, examples, "rule examples, programs read back");

  // TimeBank: the rules the automaton names at each place, as the matcher asks them.
  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  const std::string corpus = timeline::test::read_files(dir, ".tml");
  REQUIRE(corpus.size() > 100000);
  check_against_re2(programs, regexes, &automaton, corpus, "TimeBank");
  check_against_re2(read_back, regexes, &automaton, corpus, "TimeBank, programs read back");
}

TEST_CASE("rule program: bytes that are not a program are refused", "[temporal]") {
  Syntax s;
  REQUIRE(timeline::temporal_detail::read_syntax(
      "(?P<m>jan|feb|mar|apr|may)\\.? (?P<d>\\d{1,2})(?:st|nd|rd|th)?", &s));
  const auto program = RuleProgram::compile(s);
  REQUIRE(program);
  std::string bytes;
  program->write(&bytes);
  REQUIRE(RuleProgram::read(bytes));
  // Cut anywhere, or with a byte more: refused.
  for (std::size_t n = 0; n < bytes.size(); ++n)
    CHECK_FALSE(RuleProgram::read(std::string_view(bytes).substr(0, n)));
  CHECK_FALSE(RuleProgram::read(bytes + '\0'));
  // The first instruction's index (bytes 12..15: after the group count, the instruction count
  // and the instruction's op, assertion and n) pointed far outside every table: refused.
  std::string wrong = bytes;
  for (std::size_t k = 12; k < 16; ++k) wrong[k] = '\x7f';
  CHECK_FALSE(RuleProgram::read(wrong));
}

TEST_CASE("rule program: the build's table holds the built-in rules' programs", "[temporal]") {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules, again;
  REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &rules,
                                                &err));
  REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &again,
                                                &err));
  const std::string table = timeline::temporal_detail::Matcher::write_programs(rules);
  const auto matcher = timeline::temporal_detail::Matcher::create(std::move(again), &err);
  REQUIRE(matcher);
  // The tests are linked with the table the build made: it is the one these rules and this code
  // make, and the matcher takes it.
  CHECK(matcher->prebuilt_programs() == table);
}

namespace {

// A random pattern of the constructs the rules use (and a few they might), over a small alphabet
// so that patterns and texts meet often.
class PatternMaker {
 public:
  explicit PatternMaker(unsigned seed) : rng_(seed) {}

  std::string pattern() {
    groups_ = 0;
    return sequence(0);
  }

  std::string text() {
    static const std::string alphabet = "abkKsS01 .-\n";
    std::string t(pick(13), ' ');
    for (char& c : t) c = alphabet[pick(alphabet.size())];
    return t;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  std::string sequence(int depth) {
    std::string s;
    for (std::size_t n = 1 + pick(3); n > 0; --n) s += item(depth);
    return s;
  }

  std::string item(int depth) {
    static const std::vector<std::string> atoms = {
        "a", "b", "k", "S", "0", " ", "\\.", "-", ".", "[ab]", "[^a ]", "[a-c]", "[0-9]", "\\s",
        "\\d", "\\w", "\\pL", "\\p{Lu}", "\\S", "\\W", "[\\pL-]", "[^.\\s]", "\\b", "\\B", "^", "$",
        "\xE2\x84\xAA", "\xC5\xBF", "\xC3\xA9", "[k\xC3\xA9]", "ab", "ks", "sa"};
    static const std::vector<std::string> counts = {"",   "",   "",   "?",     "*",    "+",
                                                    "{2}", "{1,3}", "{0,2}", "??", "*?", "+?"};
    std::string a;
    const std::size_t kind = depth < 3 ? pick(8) : 0;
    if (kind <= 3) {
      a = atoms[pick(atoms.size())];
    } else if (kind == 4) {
      a = "(" + sequence(depth + 1) + ")";
      ++groups_;
    } else if (kind == 5) {
      a = "(?P<g" + std::to_string(groups_++) + ">" + sequence(depth + 1) + ")";
    } else if (kind == 6) {
      a = "(?-i:" + sequence(depth + 1) + ")";
    } else {
      a = "(?:" + sequence(depth + 1);
      for (std::size_t n = 1 + pick(5); n > 0; --n) a += "|" + sequence(depth + 1);
      a += ")";
    }
    return a + counts[pick(counts.size())];
  }

  std::mt19937 rng_;
  int groups_ = 0;
};

}  // namespace

TEST_CASE("rule program: random patterns agree with RE2 on ASCII text", "[temporal]") {
  // RE2's UTF-8 program, as the rules compile it, is the reference (a program stands for it on
  // ASCII text, including where the Latin-1 one differs: KELVIN SIGN folds with k).
  PatternMaker maker(20261129);
  RuleProgram::Scratch scratch;
  Spans got, truth;
  std::size_t programs = 0, asked = 0, matched = 0, gave_up = 0;
  for (int i = 0; i < 1500; ++i) {
    const std::string pattern = maker.pattern();
    const RE2 re(pattern, timeline::temporal_detail::rule_options());
    if (!re.ok()) continue;
    const auto program = program_of(pattern);
    if (!program) continue;
    ++programs;
    for (int k = 0; k < 8; ++k) {
      const std::string text = maker.text();
      for (std::size_t p = 0; p <= text.size(); ++p) {
        ++asked;
        const auto result = program->match(text, p, text.size(), &scratch, &got);
        if (result == RuleProgram::kGaveUp) {
          ++gave_up;
          continue;
        }
        const bool re2 = re2_match(re, text, p, text.size(), &truth);
        matched += re2;
        INFO(pattern << " on \"" << text << "\" at " << p);
        REQUIRE((result == RuleProgram::kMatch) == re2);
        if (re2) REQUIRE(got == truth);
      }
    }
  }
  CHECK(programs > 700);  // the others hold a loop that can turn empty, or RE2 refuses them
  CHECK(matched > asked / 10);
  CHECK(gave_up < asked / 100);
}
