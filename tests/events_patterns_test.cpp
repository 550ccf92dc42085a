// Entity patterns of the claim extractor (src/events/patterns.hpp): the same matches whether a
// sentence takes the Latin-1 side (all ASCII) or the UTF-8 side, and a sound prefilter.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "events/patterns.hpp"

namespace {

using timeline::events::EntityPatterns;

// Each pattern of `ps` run on `sentence` like the extractor runs it: "index:group=value" for
// every match, left to right.
std::string matches(const EntityPatterns& ps, const std::string& sentence) {
  std::string out;
  for (const EntityPatterns::Run& r : ps.candidates(sentence)) {
    const int n = r.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
    std::size_t pos = 0;
    while (pos < sentence.size() &&
           r.re->Match(sentence, pos, sentence.size(), RE2::UNANCHORED, g.data(), n)) {
      for (const auto& [name, idx] : ps.groups(r.index))
        out += (out.empty() ? "" : " ") + std::to_string(r.index) + ":" + name + "=" +
               std::string(g[static_cast<std::size_t>(idx)]);
      const std::size_t end = static_cast<std::size_t>(g[0].data() - sentence.data()) + g[0].size();
      pos = end > pos ? end : pos + 1;
    }
  }
  return out;
}

// The patterns the censorship pack uses, in its style (Unicode classes, named groups).
void add_court_patterns(EntityPatterns* ps) {
  std::string why;
  REQUIRE(ps->add("(?i:an?\\s+|the\\s+)(?P<name>\\p{Lu}\\pL+)\\s+court", &why) == 0);
  REQUIRE(ps->add("(?P<country>\\p{Lu}\\pL+)(?:'s|\xE2\x80\x99s)\\s+(?:telecom)\\s+regulator",
                  &why) == 1);
  ps->compile();
}

}  // namespace

TEST_CASE("entity patterns match the same in ASCII and non-ASCII sentences", "[events]") {
  auto [sentence, expected] = GENERATE(table<std::string, std::string>({
      // ASCII: the Latin-1 side.
      {"A Moscow court fined the app.", "0:name=Moscow"},
      {"the Tagansky court and a Moscow court agreed", "0:name=Tagansky 0:name=Moscow"},
      {"Russia's telecom regulator said so", "1:country=Russia"},
      {"a moscow court", ""},  // \p{Lu}: a capital is required
      {"The weather was fine.", ""},
      // Non-ASCII: the UTF-8 side; letters beyond ASCII are letters.
      {"A \xC5\x81\xC3\xB3\x64\xC5\xBA court fined it.", "0:name=\xC5\x81\xC3\xB3\x64\xC5\xBA"},
      {"Russia\xE2\x80\x99s telecom regulator said so", "1:country=Russia"},
      {"\xE2\x80\x9C" "A Moscow court,\xE2\x80\x9D she said", "0:name=Moscow"},
      // An accented capital glued to ASCII letters: one name in UTF-8, never split.
      {"the \xC3\x89vry court ruled", "0:name=\xC3\x89vry"},
  }));
  EntityPatterns ps;
  add_court_patterns(&ps);
  CHECK(matches(ps, sentence) == expected);
}

TEST_CASE("entity pattern prefilter: only patterns whose words the sentence holds run",
          "[events]") {
  EntityPatterns ps;
  add_court_patterns(&ps);
  auto [sentence, runs] = GENERATE(table<std::string, std::size_t>({
      {"The weather was fine.", 0},
      {"The COURT met.", 1},  // atoms are compared in lower case
      {"a court and a telecom regulator", 2},
      {"the court\xE2\x80\x99s regulator for telecom", 2},
  }));
  CHECK(ps.candidates(sentence).size() == runs);
}

TEST_CASE("entity patterns: load errors and patterns only UTF-8 compiles", "[events]") {
  EntityPatterns ps;
  std::string why;
  CHECK(ps.add("(?P<name>[A-Z", &why) == -1);
  CHECK(why == "bad regular expression: missing ]: [A-Z");
  CHECK(ps.add("(?P<name>\xC3(", &why) == -1);
  CHECK(why == "bad regular expression: invalid UTF-8");
  // \x{2019} is beyond Latin-1: every sentence runs the UTF-8 compilation.
  REQUIRE(ps.add("(?P<name>\\p{Lu}\\pL+)\\x{2019}s court", &why) == 0);
  REQUIRE(ps.add("(?P<name>\\p{Lu}\\pL+) court", &why) == 1);
  ps.compile();
  CHECK(matches(ps, "Moscow\xE2\x80\x99s court and a Kyiv court") ==
        "0:name=Moscow 1:name=Kyiv");
  CHECK(matches(ps, "the Kyiv court") == "1:name=Kyiv");
}
