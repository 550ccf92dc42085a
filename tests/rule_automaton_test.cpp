// RuleAutomaton: which rules may match at a place. Hand-written patterns with the places where
// they can and cannot match, worked out from the patterns; then soundness on the built-in rules:
// wherever RE2 itself says a rule matches, the automaton names that rule (checked on the rules'
// example lines and on the TimeBank corpus when it is present).
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <re2/set.h>

#include "temporal/matcher.hpp"
#include "temporal/rule_automaton.hpp"
#include "temporal/rules.hpp"
#include "rule_program_util.hpp"
#include "test_util.hpp"
#include "timeline/text.hpp"

using timeline::temporal_detail::RuleAutomaton;
using timeline::test::builtin_rules;

namespace {

// The rules (by number) the automaton of `patterns` names at the start of `text`.
std::vector<int> named(const std::vector<std::string>& patterns, const std::string& text) {
  RuleAutomaton a;
  for (const auto& p : patterns) a.add(p);
  a.finish();
  RuleAutomaton::Walker w(a);
  std::vector<int> ids;
  w.candidates(text, 0, text.size(), &ids);
  return ids;
}

bool starts(const std::string& pattern, const std::string& text) {
  return !named({pattern}, text).empty();
}

}  // namespace

TEST_CASE("rule automaton: hand-written patterns", "[temporal]") {
  using Row = std::tuple<std::string, std::string, bool>;
  auto [pattern, text, expected] = GENERATE(table<std::string, std::string, bool>({
      Row{"(?:the\\s+)?year", "year", true},
      Row{"(?:the\\s+)?year", "the year", true},
      Row{"(?:the\\s+)?year", "the years", true},  // a match may end before the text does
      Row{"(?:the\\s+)?year", "then", false},      // the whole pattern is followed, not 3 bytes
      Row{"(?:the\\s+)?year", "the yard", false},
      Row{"(?:the\\s+)?year", "yak", false},
      Row{"(?:the\\s+)?year", "YEAR", true},       // matched case-insensitively
      Row{"(?:the\\s+)?year", "ThE\tYeAr", true},
      Row{"[0-9]+\\s+days", "5 days", true},
      Row{"[0-9]+\\s+days", "2024 days", true},   // digits repeat
      Row{"[0-9]+\\s+days", "555", false},        // not a whole match
      Row{"[0-9]+\\s+days", "5 dais", false},
      Row{"[0-9]+\\s+days", "a55 days", false},
      Row{"(?-i:May)", "May", true},
      Row{"(?-i:May)", "may", false},             // (?-i:...) is matched case-sensitively
      Row{"(?-i:[A-Z]{2})\\s+Today", "US today", true},
      Row{"(?-i:[A-Z]{2})\\s+Today", "us today", false},
      Row{"x(?-i)Y|z", "xY", true},               // (?-i) alone: the rest of the group
      Row{"x(?-i)Y|z", "xy", false},
      Row{"x(?-i)Y|z", "Z", false},               // ... and the later alternatives, as in RE2
      Row{"(?:(?-i)Y)|z", "Z", true},             // but not past the group
      Row{"sunday", "\xC5\xBFunday", true},       // s folds to LONG S (U+017F) in RE2
      Row{"kelvin", "\xE2\x84\xAA" "elvin", true},  // k to KELVIN SIGN (U+212A)
      Row{"[^a]x", "bx", true},
      Row{"[^a]x", "ax", false},                  // an ASCII negated class is exact
      Row{"[^a]x", "\xC3\xA9x", true},            // and takes a character of several bytes
      Row{"a[^.;]*z", "a b c z", true},
      Row{"a[^.;]*z", "a b. z", false},
      Row{"a?", "zzz", true},                     // can match "": a candidate everywhere
      Row{"(?<x", "zzz", true},                   // unreadable: a candidate everywhere
      Row{"[[:digit:]]+ days", "zzz", true},      // POSIX classes are not read: the same
      Row{"\\pL+ly", "quickly", true},            // \pL is read as any character
      Row{"\\pL+ly", "quick", false},             // but "ly" must still come
      Row{"\\pL+ly", "12ly", false},              // digits are not letters
      Row{"\\pL+\\s+ago", "\xC3\xA9t\xC3\xA9 ago", true},  // letters outside ASCII
      Row{"(?-i:\\w+x)", "\xC3\xA9x", false},    // \w is ASCII only in RE2
      Row{"\\w+x", "\xE2\x84\xAA" "x", true},     // but folded it takes KELVIN SIGN too
      Row{"\\S+x", "\xC3\xA9x", true},
      Row{"\\S+x", " x", false},
      Row{"\\p{Greek}x", "!x", true},             // another class: any character
      Row{"[\\pL-]+\\s+ago", "long-ago ago", true},  // \pL inside a class
      Row{"[\\pL-]+\\s+ago", "x ag", false},
      Row{"\xE2\x82\xAC[0-9]", "\xE2\x82\xAC" "5", true},  // a multi-byte sign
      Row{"\xE2\x82\xAC[0-9]", "5", false},
      Row{"[$\xE2\x82\xAC]5", "\xE2\x82\xAC" "5", true},   // one in a class
      Row{"[$\xE2\x82\xAC]5", "$5", true},
      Row{"[$\xE2\x82\xAC]5", "$6", false},
      Row{"(?P<n>one|two)\\s+days?", "one day", true},
      Row{"(?P<n>one|two)\\s+days?", "two days", true},
      Row{"(?P<n>one|two)\\s+days?", "two", false},
      Row{"[01]?[0-9]:[0-5][0-9]", "9:30", true},  // optional first digit
      Row{"[01]?[0-9]:[0-5][0-9]", "19:30", true},
      Row{"[01]?[0-9]:[0-5][0-9]", "9:70", false},
      Row{"x{0,3}y", "y", true},
      Row{"x{0,3}y", "xxxy", true},
      Row{"x{0,3}y", "xxxxy", false},             // counts are kept
      Row{"x{2}y", "xxy", true},
      Row{"x{2}y", "xy", false},
      Row{"x{2,}y", "xxxxxxy", true},
      Row{"x{40}", std::string(20, 'x'), true},   // counts above 16: a superset
      Row{"\\bnow\\b", "nowhere", true},          // \b is not modelled: a superset
      Row{"I|me", "i", true},
      Row{"I|me", "m", false},
  }));
  INFO(pattern << " at " << text);
  CHECK(starts(pattern, text) == expected);
}

TEST_CASE("rule automaton: names each rule that may match, in order", "[temporal]") {
  const std::vector<std::string> patterns = {"the\\s+year", "year", "(?:the\\s+)?year",
                                             "the", "[0-9]+"};
  CHECK(named(patterns, "the year") == std::vector<int>{0, 2, 3});
  CHECK(named(patterns, "year 2") == std::vector<int>{1, 2});
  CHECK(named(patterns, "1999") == std::vector<int>{4});
  CHECK(named(patterns, "their") == std::vector<int>{3});  // "the" itself matches
  CHECK(named(patterns, "rain").empty());
}

TEST_CASE("rule automaton: a long walk stops with every rule still under way", "[temporal]") {
  // Past kMaxDepth bytes the walk stops; a rule whose match could still end later is named.
  const std::string long_gap(RuleAutomaton::kMaxDepth + 10, 'b');
  CHECK(named({"a[^.]*z"}, "a" + long_gap + "z") == std::vector<int>{0});
  CHECK(named({"a[^.]*z"}, "a" + long_gap) == std::vector<int>{0});  // a superset
  CHECK(named({"a[^.]*z"}, "a" + long_gap.substr(0, 5) + ".").empty());
}

namespace {

// Every rule RE2 matches at a place must be named there by the automaton, with a limit at or
// past the end of RE2's longest match (`regexes`: each rule's RE2, longest match).
void check_sound(const RuleAutomaton& a, const RE2::Set& set,
                 const std::vector<std::unique_ptr<RE2>>& regexes, const std::string& text,
                 const std::string& where) {
  RuleAutomaton::Walker walker(a);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t matched = 0, wrong = 0, short_limits = 0, skipped = 0, below_end = 0;
  std::vector<int> truth, ids, again;
  std::vector<std::uint32_t> limits;
  for (std::size_t p = 0; p < text.size(); ++p) {
    truth.clear();
    ids.clear();
    limits.clear();
    std::int16_t s;
    std::size_t q;
    if (walker.start(bytes, p, text.size(), &s, &q))
      walker.candidates_from(text, p, q, s, text.size(), &ids, &limits);
    walker.candidates(text, p, text.size(), &again);  // the same rules without limits
    if (again != ids) ++wrong;
    if (!set.Match(re2::StringPiece(text.data() + p, text.size() - p), &truth)) {
      if (ids.empty()) ++skipped;
      continue;
    }
    ++matched;
    for (int id : truth) {
      const auto at = std::find(ids.begin(), ids.end(), id);
      if (at == ids.end()) {
        ++wrong;
        UNSCOPED_INFO(where << ": rule " << id << " matches at byte " << p
                            << " and is not named: " << text.substr(p, 40));
        continue;
      }
      re2::StringPiece m;
      REQUIRE(regexes[static_cast<std::size_t>(id)]->Match(text, p, text.size(),
                                                           RE2::ANCHOR_START, &m, 1));
      const std::size_t match_end = static_cast<std::size_t>(m.data() - text.data()) + m.size();
      const std::uint32_t limit = limits[static_cast<std::size_t>(at - ids.begin())];
      below_end += limit < text.size();
      if (limit >= match_end) continue;
      ++short_limits;
      UNSCOPED_INFO(where << ": rule " << id << " matches " << m.size() << " bytes at byte "
                          << p << " but its limit is " << limit << ": " << text.substr(p, 40));
    }
  }
  CHECK(wrong == 0);
  CHECK(short_limits == 0);
  CHECK(matched > 0);
  CHECK(below_end > matched / 2);  // the limits are mostly real bounds, not the text's end
  CHECK(skipped > text.size() / 2);  // most places name no rule
}

}  // namespace

TEST_CASE("rule automaton: names every built-in rule RE2 matches", "[temporal]") {
  timeline::temporal_detail::RuleSet rules = builtin_rules();
  RE2::Options opt = timeline::temporal_detail::rule_options();
  opt.set_max_mem(64 << 20);
  RE2::Set set(opt, RE2::ANCHOR_START);
  RuleAutomaton automaton;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::string examples;
  for (const auto& r : rules.rules) {
    REQUIRE(set.Add(r.pattern, nullptr) >= 0);
    automaton.add(r.pattern);
    regexes.push_back(std::make_unique<RE2>(r.pattern, opt));
    for (const auto& e : r.examples) examples += e.text + "\n";
  }
  REQUIRE(set.Compile());
  automaton.finish();
  check_sound(automaton, set, regexes, examples, "rule examples");

  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  const std::string corpus = timeline::test::read_files(dir, ".tml");
  REQUIRE(corpus.size() > 100000);
  check_sound(automaton, set, regexes, corpus, "TimeBank");
}

TEST_CASE("rule automaton: threads that share its states name what one thread names",
          "[temporal]") {
  timeline::temporal_detail::RuleSet rules = builtin_rules();
  std::string text;
  for (const auto& r : rules.rules)
    for (const auto& e : r.examples) text += e.text + "\n";
  // Every place's candidates, as one list, from a fresh automaton walked by `threads` threads
  // at once (each walks all of the text, making states as it goes).
  const auto named = [&](int threads) {
    RuleAutomaton a(RuleAutomaton::Prebuilt::kNever);  // states made as the threads walk
    for (const auto& r : rules.rules) a.add(r.pattern);
    a.finish();
    std::vector<std::vector<int>> out(static_cast<std::size_t>(threads));
    const auto walk = [&](std::vector<int>* all) {
      RuleAutomaton::Walker w(a);
      std::vector<int> ids;
      for (std::size_t p = 0; p < text.size(); ++p) {
        const std::size_t end = text.find('\n', p);
        if (end == p) continue;
        w.candidates(text, p, end, &ids);
        all->push_back(-1);
        all->insert(all->end(), ids.begin(), ids.end());
      }
    };
    std::vector<std::thread> pool;
    for (auto& o : out) pool.emplace_back(walk, &o);
    for (auto& t : pool) t.join();
    return out;
  };
  const std::vector<int> alone = named(1)[0];
  REQUIRE(alone.size() > text.size());
  for (const auto& one : named(4)) CHECK(one == alone);
}

TEST_CASE("rule automaton: past its room for states, walks still name every match",
          "[temporal]") {
  // "An a, then exactly fifteen letters": telling apart the last sixteen letters takes 2^16
  // deterministic states, more than there is room for.
  const std::string pattern = "(?:a|b)*a(?:a|b){15}c";
  RuleAutomaton automaton;
  automaton.add(pattern);
  automaton.finish();
  RE2::Options opt = timeline::temporal_detail::rule_options();
  RE2::Set set(opt, RE2::ANCHOR_START);
  REQUIRE(set.Add(pattern, nullptr) == 0);
  REQUIRE(set.Compile());
  std::mt19937 rng(7);
  std::string text;
  for (int i = 0; i < 60000; ++i) text += (rng() % 40 == 0) ? 'c' : (rng() % 2 ? 'a' : 'b');
  RuleAutomaton::Walker walker(automaton);
  std::vector<int> ids, truth;
  std::size_t matched = 0, missed = 0, named = 0;
  for (std::size_t p = 0; p < text.size(); ++p) {
    walker.candidates(text, p, text.size(), &ids);
    named += !ids.empty();
    truth.clear();
    if (!set.Match(re2::StringPiece(text.data() + p, text.size() - p), &truth)) continue;
    ++matched;
    missed += ids.empty();
  }
  CHECK(matched > 1000);
  CHECK(missed == 0);
  CHECK(named < text.size());  // still a filter, not "everything everywhere"
}

namespace {

// Every place's candidates and limits in `text` (lines are sentences), as one list.
std::vector<std::uint32_t> walk_all(const RuleAutomaton& a, const std::string& text) {
  RuleAutomaton::Walker w(a);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::vector<std::uint32_t> all;
  std::vector<int> ids;
  std::vector<std::uint32_t> limits;
  for (std::size_t p = 0; p < text.size(); ++p) {
    const std::size_t end = std::min(text.find('\n', p), text.size());
    if (end == p) continue;
    std::int16_t s;
    std::size_t q;
    ids.clear();
    limits.clear();
    if (w.start(bytes, p, end, &s, &q)) w.candidates_from(text, p, q, s, end, &ids, &limits);
    all.push_back(~std::uint32_t{0});
    for (std::size_t k = 0; k < ids.size(); ++k) {
      all.push_back(static_cast<std::uint32_t>(ids[k]));
      all.push_back(limits[k]);
    }
  }
  return all;
}

// Where two lists first differ, or -1 (a failure names a place, not millions of numbers).
// The rules' patterns added to both automata, which are then finished.
void add_all(const timeline::temporal_detail::RuleSet& rules, RuleAutomaton* a, RuleAutomaton* b) {
  for (const auto& r : rules.rules) {
    a->add(r.pattern);
    b->add(r.pattern);
  }
  a->finish();
  b->finish();
}

long first_difference(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  const auto [x, y] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (x == a.end() && y == b.end()) return -1;
  return static_cast<long>(x - a.begin());
}

}  // namespace

TEST_CASE("rule automaton: the built-in rules take the table made ahead of time", "[temporal]") {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules = builtin_rules();
  // The build links the table into the tests as into the program.
  REQUIRE(!RuleAutomaton::linked_table().empty());
  RuleAutomaton prebuilt, made(RuleAutomaton::Prebuilt::kNever);
  add_all(rules, &prebuilt, &made);
  CHECK(prebuilt.prebuilt());
  CHECK(!made.prebuilt());
  // So does the tagger's matcher (which reads each pattern once, for its programs too).
  timeline::temporal_detail::RuleSet again = builtin_rules();
  const auto matcher = timeline::temporal_detail::Matcher::create(std::move(again), &err);
  REQUIRE(matcher);
  CHECK(matcher->automaton().prebuilt());

  // The same candidates and limits at every place as states made on the way, on the rules'
  // examples and on TimeBank.
  std::string text;
  for (const auto& r : rules.rules)
    for (const auto& e : r.examples) text += e.text + "\n";
  CHECK(first_difference(walk_all(prebuilt, text), walk_all(made, text)) == -1);
  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  const std::string corpus = timeline::test::read_files(dir, ".tml");
  const std::vector<std::uint32_t> from_table = walk_all(prebuilt, corpus);
  CHECK(from_table.size() > corpus.size() / 4);
  CHECK(first_difference(from_table, walk_all(made, corpus)) == -1);
}

TEST_CASE("rule automaton: other rules make their own states", "[temporal]") {
  timeline::temporal_detail::RuleSet rules = builtin_rules();
  REQUIRE(rules.rules.size() > 2);
  // One rule fewer, one more, one pattern changed, two rules swapped: none is what the table
  // was made from.
  std::vector<std::vector<std::string>> variants(4);
  for (const auto& r : rules.rules)
    for (auto& v : variants) v.push_back(r.pattern);
  variants[0].pop_back();
  variants[1].push_back("(?:fortnight)");
  variants[2][0] += "|fortnight";
  std::swap(variants[3][0], variants[3][1]);
  for (const auto& v : variants) {
    RuleAutomaton a;
    for (const auto& p : v) a.add(p);
    a.finish();
    CHECK(!a.prebuilt());
  }
  // The changed one names its new word where the first rule starts.
  RuleAutomaton changed;
  for (const auto& p : variants[2]) changed.add(p);
  changed.finish();
  RuleAutomaton::Walker w(changed);
  std::vector<int> ids;
  const std::string text = "fortnight";
  w.candidates(text, 0, text.size(), &ids);
  CHECK(std::find(ids.begin(), ids.end(), 0) != ids.end());
}

namespace {

// Every place of every line of `text` (as a sentence of its own): what start() says, and what
// starts() lists for all the line's places at once (the places where start() returns true, in
// order, with the same q and s).
void compare_starts(const RuleAutomaton& a, const std::string& text, std::size_t* places,
                    std::size_t* open) {
  using Found = RuleAutomaton::Walker::Found;
  RuleAutomaton::Walker w(a);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    // Every byte of the line is a place here (the matcher gives only word and sign starts).
    std::vector<Found> together;
    w.starts(bytes, end,
             [&](const auto& f) {
               for (std::size_t p = begin; p < end; ++p) f(static_cast<std::uint32_t>(p));
             },
             &together);
    std::size_t k = 0;  // the next of `together`
    for (std::size_t p = begin; p < end; ++p) {
      std::int16_t s = 0;
      std::size_t q = 0;
      const bool one = w.start(bytes, p, end, &s, &q);
      const bool listed = k < together.size() && together[k].p == p;
      const bool same = one ? listed && together[k].q == q && together[k].s == s : !listed;
      if (!same) {  // (a message built only then: there are millions of places)
        FAIL_CHECK("place " << p << " of line \"" << text.substr(begin, end - begin)
                            << "\": start() " << one << " " << q << " " << s << ", starts() "
                            << (listed ? "lists it " : "does not list it ")
                            << (listed ? together[k].q : 0) << " " << (listed ? together[k].s : 0));
        return;
      }
      if (one) {
        ++*open;
        ++k;
      }
    }
    CHECK(k == together.size());  // nothing else listed, nothing out of order
    *places += end - begin;
    begin = end + 1;
  }
}

}  // namespace

TEST_CASE("rule automaton: starts() at many places gives what start() gives at each",
          "[temporal]") {
  timeline::temporal_detail::RuleSet rules = builtin_rules();
  RuleAutomaton prebuilt, made(RuleAutomaton::Prebuilt::kNever);
  add_all(rules, &prebuilt, &made);
  REQUIRE(prebuilt.prebuilt());
  // Lines of my own where walks end on every byte of the first four, run past sixteen bytes,
  // meet the end of the line within four bytes, and pass rules' ends early ("5 p.m.").
  std::string text =
      "x\nin\nMay\nJune\nMarch 3\nat 5 p.m. on 12/03/2025\n3\n12\n2024\nlast week\n"
      "from Tuesday, November 18, 2025 through the following Thursday night\n"
      "a   b\n(March)\n\"Mon.\"\nthe 1990s and '80s, 1 2 3 4 5\n";
  for (const auto& r : rules.rules)
    for (const auto& e : r.examples) text += e.text + "\n";
  std::size_t places = 0, open = 0;
  compare_starts(prebuilt, text, &places, &open);
  compare_starts(made, text, &places, &open);
  CHECK(open > 0);
  CHECK(open < places);
  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  const std::string corpus = timeline::test::read_files(dir, ".tml");
  places = open = 0;
  compare_starts(prebuilt, corpus, &places, &open);
  CHECK(places > corpus.size() / 2);
  CHECK(open > 1000);  // TimeBank has some 1,400 time expressions
}

namespace {

// The matcher of the built-in rules (as the tagger makes it).
std::unique_ptr<timeline::temporal_detail::Matcher> builtin_matcher() {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules = builtin_rules();
  auto matcher = timeline::temporal_detail::Matcher::create(std::move(rules), &err);
  REQUIRE(matcher);
  return matcher;
}

}  // namespace

TEST_CASE("matcher: scanning every sentence first finds what each sentence's find() finds",
          "[temporal]") {
  using timeline::temporal_detail::Match;
  using timeline::temporal_detail::Matcher;
  const std::unique_ptr<Matcher> matcher = builtin_matcher();
  const auto same = [&](const std::string& text) {
    const std::vector<timeline::Sentence> sentences = timeline::segment(text);
    Matcher::Scan scan;
    matcher->scan(text, sentences, &scan);
    REQUIRE(scan.first.size() == sentences.size() + 1);
    std::size_t found = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const auto& s = sentences[i];
      const std::vector<Match> alone = matcher->find(text, s.begin, s.end);
      const std::vector<Match> scanned = matcher->find(text, s.begin, s.end, scan, i);
      REQUIRE(alone.size() == scanned.size());
      for (std::size_t k = 0; k < alone.size(); ++k) {
        CHECK(alone[k].begin == scanned[k].begin);
        CHECK(alone[k].end == scanned[k].end);
        CHECK(alone[k].rule == scanned[k].rule);
        CHECK(alone[k].value == scanned[k].value);
      }
      found += alone.size();
    }
    return found;
  };
  // My own text, with a sentence of non-ASCII text (the rules' own engines serve only ASCII).
  CHECK(same("The regulator blocked the app on Tuesday. Access returned on March 3, 2025, "
             "after “two weeks” of outages. It had been slowed since last summer.") >= 4);
  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  CHECK(same(timeline::test::read_files(dir, ".tml")) > 1000);
}

TEST_CASE("matcher: a sentence of many thousand places finds each piece's matches",
          "[temporal]") {
  // The scan walks a sentence's places a few thousand at a time: a sentence made of one piece
  // written many times over (no sentence end inside) must give that piece's matches in every
  // copy, whatever place falls at the seams. "2021, " has two places, a year at every other;
  // the second piece has six places, one match.
  using timeline::temporal_detail::Match;
  using timeline::temporal_detail::Matcher;
  const std::unique_ptr<Matcher> matcher = builtin_matcher();
  for (const std::string piece : {"2021, ", "on March 3, 2025; "}) {
    const std::vector<Match> one = matcher->find(piece, 0, static_cast<std::uint32_t>(piece.size()));
    REQUIRE(one.size() == 1);
    for (const std::size_t copies : {std::size_t{2047}, std::size_t{2048}, std::size_t{2049},
                                     std::size_t{5000}}) {
      std::string text;
      for (std::size_t k = 0; k < copies; ++k) text += piece;
      const std::vector<Match> all = matcher->find(text, 0, static_cast<std::uint32_t>(text.size()));
      INFO(copies << " copies of \"" << piece << "\"");
      REQUIRE(all.size() == copies);
      std::size_t wrong = 0;
      for (std::size_t k = 0; k < copies; ++k)
        if (all[k].begin != one[0].begin + k * piece.size() ||
            all[k].end != one[0].end + k * piece.size() || all[k].value != one[0].value)
          ++wrong;
      CHECK(wrong == 0);
    }
  }
}
