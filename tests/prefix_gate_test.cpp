// PrefixGate: the three-byte test the matcher runs before asking its RE2::Set. Hand-written
// patterns with the places they can and cannot start at, worked out from the patterns; then
// soundness on the built-in rules: wherever the gate says no, no rule matches (checked with RE2
// itself on the rules' example lines and on the TimeBank corpus when it is present).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <re2/set.h>

#include "temporal/prefix_gate.hpp"
#include "temporal/rules.hpp"
#include "test_util.hpp"

using timeline::temporal_detail::PrefixGate;

namespace {

bool starts(const std::string& pattern, const std::string& text) {
  PrefixGate gate;
  gate.add(pattern);
  return gate.may_start(text, 0, text.size());
}

}  // namespace

TEST_CASE("prefix gate: first bytes of hand-written patterns", "[temporal]") {
  using Row = std::tuple<std::string, std::string, bool>;
  auto [pattern, text, expected] = GENERATE(table<std::string, std::string, bool>({
      Row{"(?:the\\s+)?year", "year", true},
      Row{"(?:the\\s+)?year", "the year", true},
      Row{"(?:the\\s+)?year", "then", true},    // "the" can start "the year"
      Row{"(?:the\\s+)?year", "thx", false},    // the third byte decides
      Row{"(?:the\\s+)?year", "yak", false},    // "ya" starts nothing
      Row{"(?:the\\s+)?year", "xyz", false},
      Row{"(?:the\\s+)?year", "YEAR", true},    // matched case-insensitively
      Row{"[0-9]+\\s+days", "5 days", true},
      Row{"[0-9]+\\s+days", "555", true},       // digits repeat
      Row{"[0-9]+\\s+days", "55", false},       // two bytes cannot be a whole match
      Row{"[0-9]+\\s+days", "5", false},
      Row{"[0-9]+\\s+days", "a55", false},
      Row{"(?-i:May)", "May", true},
      Row{"(?-i:May)", "may", false},           // (?-i:...) is matched case-sensitively
      Row{"(?-i:[A-Z]{2})\\s+Today", "USA", true},
      Row{"(?-i:[A-Z]{2})\\s+Today", "usa", false},
      Row{"x(?-i)Y|z", "xY", true},             // (?-i) alone: the rest of the group
      Row{"x(?-i)Y|z", "Z", false},             // ... and the later alternatives, as in RE2
      Row{"(?:(?-i)Y)|z", "Z", true},           // but not past the group
      Row{"sunday", "\xC5\xBFunday", true},     // s folds to LONG S (U+017F) in RE2
      Row{"kelvin", "\xE2\x84\xAA" "elvin", true},  // k to KELVIN SIGN (U+212A)
      Row{"[^a]x", "bx", true},
      Row{"[^a]x", "zz", false},                // a negated class is any byte, then 'x'
      Row{"a?", "zzz", true},                   // can match "": open everywhere
      Row{"(?<x", "zzz", true},                 // unreadable: open everywhere
      Row{"\\pL+ly", "qqq", true},              // \pL is not modelled: any byte
      Row{"\\pL+ly", "qq", false},              // but a match is three bytes at least
      Row{"\xE2\x82\xAC[0-9]", "\xE2\x82\xAC" "5", true},  // a multi-byte sign
      Row{"\xE2\x82\xAC[0-9]", "5", false},
      Row{"[$\xE2\x82\xAC]5", "\xE2\x82\xAC" "5", true},   // one in a class
      Row{"[$\xE2\x82\xAC]5", "$5", true},
      Row{"[$\xE2\x82\xAC]5", "$6", false},
      Row{"(?P<n>one|two)\\s+days?", "one day", true},
      Row{"(?P<n>one|two)\\s+days?", "two", true},
      Row{"(?P<n>one|two)\\s+days?", "twx", false},
      Row{"(?P<n>one|two)\\s+days?", "ox", false},
      Row{"[01]?[0-9]:[0-5][0-9]", "9:3", true},  // optional first digit
      Row{"[01]?[0-9]:[0-5][0-9]", "9:x", false},
      Row{"[01]?[0-9]:[0-5][0-9]", ":5", false},
      Row{"x{0,3}y", "y", true},                // x{0,3} can be empty: y alone is a match
      Row{"x{0,3}y", "xxy", true},
      Row{"x{2}y", "xxy", true},
      Row{"x{2}y", "xy", true},                 // counts are not kept: a superset
      Row{"x{2}y", "xx", false},                // two bytes, and no whole match of two
      Row{"I|me", "i", true},                   // a one-byte match at the end of the text
      Row{"I|me", "me", true},
      Row{"I|me", "m", false},
  }));
  INFO(pattern << " at " << text);
  CHECK(starts(pattern, text) == expected);
}

namespace {

// Every place in `text` where the gate says no must be one where no rule matches.
void check_sound(const PrefixGate& gate, const RE2::Set& set, const std::string& text,
                 const std::string& where) {
  std::size_t refused = 0, wrong = 0;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (gate.may_start(text, p, text.size())) continue;
    ++refused;
    if (set.Match(re2::StringPiece(text.data() + p, text.size() - p), nullptr)) {
      ++wrong;
      UNSCOPED_INFO(where << ": a rule matches at byte " << p << ": "
                          << text.substr(p, 40));
    }
  }
  CHECK(wrong == 0);
  CHECK(refused > 0);
}

}  // namespace

TEST_CASE("prefix gate: never refuses a place where a built-in rule matches", "[temporal]") {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules;
  REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &rules,
                                                &err));
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_case_sensitive(false);
  opt.set_longest_match(true);
  opt.set_max_mem(64 << 20);
  RE2::Set set(opt, RE2::ANCHOR_START);
  PrefixGate gate;
  std::string examples;
  for (const auto& r : rules.rules) {
    REQUIRE(set.Add(r.pattern, nullptr) >= 0);
    gate.add(r.pattern);
    for (const auto& e : r.examples) examples += e.text + "\n";
  }
  REQUIRE(set.Compile());
  check_sound(gate, set, examples, "rule examples");

  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  std::string corpus;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".tml")
      corpus += timeline::test::read_file(entry.path().string());
  REQUIRE(corpus.size() > 100000);
  check_sound(gate, set, corpus, "TimeBank");
}
