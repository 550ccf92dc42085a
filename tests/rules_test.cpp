// Runs every `example:` line of every built-in rule file through the whole tagger: the text is
// tagged against the example's anchor, and the timex over the bracketed span must carry the
// expected type, value and mod ("none": the text yields no timex at all).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <vector>

#include <timeline/tagger.hpp>

#include "temporal/rules.hpp"

namespace {

using timeline::temporal_detail::Example;

std::vector<Example> all_examples() {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules;
  REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &rules,
                                                &err));
  std::vector<Example> out;
  for (const auto& r : rules.rules)
    for (const auto& e : r.examples) out.push_back(e);
  return out;
}

}  // namespace

TEST_CASE("every example line of the rule files holds", "[rules]") {
  timeline::Error err;
  auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
  REQUIRE(tagger);
  const std::vector<Example> examples = all_examples();
  CHECK(examples.size() > 50);
  for (const Example& ex : examples) {
    INFO(ex.file << ":" << ex.line << ": " << ex.text << " @" << ex.anchor << " => "
                 << ex.expected);
    timeline::Document doc;
    doc.text = ex.text;
    doc.published = ex.anchor;
    const auto timexes = tagger->tag(doc);
    if (ex.expected == "none") {
      for (const auto& t : timexes) INFO("found: " << t.text << " " << t.value);
      CHECK(timexes.empty());
      continue;
    }
    const timeline::Timex* hit = nullptr;
    for (const auto& t : timexes)
      if (t.begin == ex.span_begin && t.end == ex.span_end) hit = &t;
    std::ostringstream found;
    for (const auto& t : timexes) found << "[" << t.text << "] " << t.type << " " << t.value << "; ";
    INFO("found: " << found.str());
    CHECK(hit != nullptr);
    if (!hit) continue;
    std::string got = hit->type + " " + hit->value;
    if (!hit->mod.empty()) got += " " + hit->mod;
    CHECK(got == ex.expected);
  }
}

// A sentence of ASCII only runs the rules' Latin-1 programs, any other the UTF-8 ones: each
// example gives the same timexes when a non-ASCII sign (an em dash) stands in its sentence.
TEST_CASE("rule examples tag the same in a sentence that is not ASCII", "[rules]") {
  timeline::Error err;
  auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
  REQUIRE(tagger);
  const auto describe = [](const std::vector<timeline::Timex>& timexes) {
    std::ostringstream out;
    for (const auto& t : timexes)
      out << t.begin << "-" << t.end << " " << t.type << " " << t.value << " " << t.mod << "; ";
    return out.str();
  };
  std::size_t compared = 0;
  for (const Example& ex : all_examples()) {
    timeline::Document ascii;
    ascii.text = ex.text;
    ascii.published = ex.anchor;
    timeline::Document other = ascii;
    // Before the closing full stop, so that the dash stays in the last sentence; offsets of the
    // timexes before it do not move.
    const bool stop = !other.text.empty() && other.text.back() == '.';
    other.text.insert(other.text.size() - (stop ? 1 : 0), " \xE2\x80\x94");
    INFO(ex.file << ":" << ex.line << ": " << other.text);
    const auto a = tagger->tag(ascii), b = tagger->tag(other);
    // Timexes after the dash (none in the examples) would move; compare those before it.
    CHECK(describe(a) == describe(b));
    ++compared;
  }
  CHECK(compared > 50);
}

// The tagger does not parse the built-in patterns again at start-up (RuleSet marks them
// builtin): this is where their syntax is checked.
TEST_CASE("every built-in rule pattern compiles", "[rules]") {
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules;
  REQUIRE(timeline::temporal_detail::load_rules(timeline::DataFiles::builtin(), "en", &rules,
                                                &err));
  REQUIRE(rules.rules.size() > 50);
  for (const auto& r : rules.rules) {
    INFO(r.file << ":" << r.line << ": rule " << r.name);
    CHECK(r.builtin);
    CHECK(r.regex().ok());
    CHECK(r.ascii_regex().ok());
  }
  // A file laid over the built-in one is not: its patterns are checked at start-up.
  timeline::DataFiles data = timeline::DataFiles::builtin();
  data.put("rules/en/dates.rules", *data.find("rules/en/dates.rules") + "\n");
  CHECK_FALSE(data.is_builtin("rules/en/dates.rules"));
  CHECK(data.is_builtin("rules/en/times.rules"));
  CHECK_FALSE(data.is_builtin("rules/en/nosuch.rules"));
}

TEST_CASE("rule file errors name the file and line", "[rules]") {
  struct Case {
    std::string content, message;
  };
  const Case cases[] = {
      {"rule a\n  pattern: (\\d+)\n  type: DATE\n  value: x\n",
       "rules/en/zz.rules:1: numbered group in pattern; use (?P<name>...) or (?:...)"},
      {"rule a\n  pattern: (?P<y>\\d+)\n  type: DATE\n  value: {z}\n",
       "rules/en/zz.rules:1: unknown group 'z'"},
      {"rule a\n  pattern: (?P<y>\\d+)\n  type: DATE\n  value: {y:nosuch}\n",
       "rules/en/zz.rules:1: unknown table 'nosuch'"},
      {"\n\nrule a\n  colour: red\n", "rules/en/zz.rules:4: unknown key 'colour'"},
      {"rule a\n  pattern: {NOSUCH}\n  type: DATE\n  value: x\n",
       "rules/en/zz.rules:1: unknown macro 'NOSUCH'"},
      {"rule a\n  pattern: (?P<y>\\d+)-(?P<y>\\d+)\n  type: DATE\n  value: {y}\n",
       "rules/en/zz.rules:1: group 'y' named twice in the pattern"},
      {"rule a\n  pattern: (?P<y>\n  type: DATE\n  value: x\n",
       "rules/en/zz.rules:1: bad pattern: missing ): (?P<y>"},
      {"rule a\n  pattern: a\n  type: DATE\n  value: x\n  example: no brackets => DATE x\n",
       "rules/en/zz.rules:5: example needs the expected span in [brackets]"},
  };
  for (const Case& c : cases) {
    timeline::DataFiles data = timeline::DataFiles::builtin();
    data.put("rules/en/zz.rules", c.content);
    timeline::Error err;
    CHECK(timeline::Tagger::create(data, "en", &err) == nullptr);
    CHECK(err.str() == c.message);
  }
}

TEST_CASE("macros expand in place; quantifiers and lone braces stay as written", "[rules]") {
  // A rule file of our own laid over the built-in ones: a macro used twice and inside another,
  // a quantifier, a brace that closes nothing, and text before, between and after.
  timeline::DataFiles data = timeline::DataFiles::builtin();
  data.put("rules/en/zz.rules",
           "define ZZ_DAY = \\d{1,2}\n"
           "define ZZ_PAIR = {ZZ_DAY}/{ZZ_DAY}\n"
           "rule zz_pair\n"
           "  pattern: on (?P<d>{ZZ_PAIR}) x{2} {ZZ_DAY}{ a{3,}\n"
           "  type: DATE\n"
           "  value: XXXX\n");
  timeline::Error err;
  timeline::temporal_detail::RuleSet rules;
  REQUIRE(timeline::temporal_detail::load_rules(data, "en", &rules, &err));
  const auto zz = std::find_if(rules.rules.begin(), rules.rules.end(),
                               [](const auto& r) { return r.name == "zz_pair"; });
  REQUIRE(zz != rules.rules.end());
  CHECK(zz->pattern ==
        "on (?P<d>(?:(?:\\d{1,2})/(?:\\d{1,2}))) x{2} (?:\\d{1,2}){ a{3,}");
}
