// Entity patterns of the claim extractor (src/events/patterns.hpp): the same matches whether a
// sentence takes the Latin-1 side (all ASCII) or the UTF-8 side, and a sound prefilter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <re2/set.h>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/text.hpp>

#include "events/patterns.hpp"
#include "test_util.hpp"

namespace {

using timeline::events::EntityPatterns;

// Each pattern of `ps` run on `sentence` like the extractor runs it: "index:group=value" for
// every match, left to right.
std::string matches(const EntityPatterns& ps, const std::string& sentence) {
  std::string out;
  for (const EntityPatterns::Run& r : ps.candidates(sentence)) {
    const int n = r.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
    std::size_t pos = r.begin;  // the part of the sentence the pattern is searched in
    while (pos < r.end && r.re->Match(sentence, pos, r.end, RE2::UNANCHORED, g.data(), n)) {
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
      // Marks and a letter beyond ASCII: the letter decides (UTF-8 side).
      {"\xE2\x80\x9C" "A \xC5\x81\xC3\xB3\x64\xC5\xBA court,\xE2\x80\x9D she said",
       "0:name=\xC5\x81\xC3\xB3\x64\xC5\xBA"},
      // Marks only (’ — and a no-break space, which \s does not take): the side of marks.
      {"Russia\xE2\x80\x99s telecom regulator \xE2\x80\x94 and a Tver court\xC2\xA0ruled",
       "0:name=Tver 1:country=Russia"},
      {"a\xC2\xA0Tver court", ""},
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

TEST_CASE("entity pattern prefilter: what a set of words admits is remembered per pattern set",
          "[events]") {
  // Two sets of the same patterns in opposite orders, read in turns by one thread: each
  // sentence admits the same patterns in each, under each set's own indices, however often it
  // comes back (the second time from the thread's memory of that set).
  EntityPatterns a, b;
  std::string why;
  const std::string court = "(?i:an?\\s+|the\\s+)(?P<name>\\p{Lu}\\pL+)\\s+court";
  const std::string regulator = "(?P<country>\\p{Lu}\\pL+)'s\\s+telecom\\s+regulator";
  REQUIRE(a.add(court, &why) == 0);
  REQUIRE(a.add(regulator, &why) == 1);
  REQUIRE(b.add(regulator, &why) == 0);
  REQUIRE(b.add(court, &why) == 1);
  a.compile();
  b.compile();
  auto indices = [](const EntityPatterns& ps, const std::string& sentence) {
    std::vector<int> out;
    for (const EntityPatterns::Run& r : ps.candidates(sentence)) out.push_back(r.index);
    return out;
  };
  const std::vector<std::string> sentences = {"a court met", "the telecom regulator spoke",
                                              "a court and a telecom regulator", "nothing"};
  const std::vector<std::vector<int>> in_a = {{0}, {1}, {0, 1}, {}};
  const std::vector<std::vector<int>> in_b = {{1}, {0}, {0, 1}, {}};
  for (int round = 0; round < 3; ++round) {
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      INFO("round " << round << ": " << sentences[k]);
      CHECK(indices(a, sentences[k]) == in_a[k]);
      CHECK(indices(b, sentences[k]) == in_b[k]);
    }
  }
  // A set made after another was dropped (perhaps at its address) starts with no memory.
  for (int round = 0; round < 2; ++round) {
    auto c = std::make_unique<EntityPatterns>();
    REQUIRE(c->add(round == 0 ? court : regulator, &why) == 0);
    c->compile();
    CHECK(indices(*c, "a court met") == (round == 0 ? std::vector<int>{0} : std::vector<int>{}));
    CHECK(indices(*c, "the telecom regulator spoke") ==
          (round == 0 ? std::vector<int>{} : std::vector<int>{0}));
  }
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

namespace {

// Calls fn(sentence text) for every sentence of every TimeML file under `dir`.
template <typename Fn>
void each_sentence(const std::string& dir, Fn&& fn) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".tml") continue;
    timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                        [&](timeline::LoadItem&& item) {
                          if (!item.document) return;
                          const std::string& text = item.document->text;
                          for (const timeline::Sentence& s : timeline::segment(text))
                            fn(text.substr(s.begin, s.end - s.begin));
                        });
  }
}

// The reference the atom finder stands for: an unanchored RE2::Set of the quoted atoms over the
// ASCII lower case of the sentence.
std::vector<int> atoms_by_set(const std::vector<std::string>& atoms, const std::string& sentence) {
  RE2::Set set(RE2::Options(RE2::Quiet), RE2::UNANCHORED);
  for (const std::string& a : atoms) REQUIRE(set.Add(RE2::QuoteMeta(a), nullptr) >= 0);
  REQUIRE(set.Compile());
  std::string low = sentence;
  for (char& c : low) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::vector<int> out;
  set.Match(low, &out);
  std::sort(out.begin(), out.end());
  return out;
}

// The atoms the finder finds; it must find each at every place a plain search of the lower case
// finds it, and nowhere else (the places are checked here, the atoms by the callers).
std::vector<int> atoms_by_finder(const EntityPatterns::AtomFinder& f,
                                 const std::vector<std::string>& atoms, const std::string& s) {
  std::vector<int> out;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> at;
  f.find(s, &out, &at);
  std::string low = s;
  for (char& c : low) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> want;
  for (const std::string& a : atoms)
    for (std::size_t p = low.find(a); p != std::string::npos; p = low.find(a, p + 1))
      want.emplace_back(static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(p + a.size()));
  for (std::size_t i = 1; i < at.size(); ++i) CHECK(at[i - 1].first <= at[i].first);  // by begin
  std::sort(want.begin(), want.end());
  std::sort(at.begin(), at.end());
  CHECK(at == want);
  std::vector<int> plain;
  f.find(s, &plain);  // without places: the same atoms
  CHECK(plain == out);
  std::sort(out.begin(), out.end());
  return out;
}

// Atoms in the style FilteredRE2 gives for the censorship pack's patterns: a space, an
// apostrophe, shared first bytes ("ministry", "minister"; "home", "ho") and one atom inside
// another ("elecom" in "telecom").
const std::vector<std::string> kAtoms = {"court",    "ministry", "minister", "chief minister",
                                         "magistrate's", "elecom", "telecom", "home", "ho",
                                         "high",     "city",     "authority"};

// The finder looks atoms up by their first bytes, as many as the shortest atom has (at most
// four): lists whose shortest atom has two, three and four bytes, and the censorship pack's
// atoms as FilteredRE2 gives them (four bytes or more).
const std::vector<std::vector<std::string>> kAtomLists = {
    kAtoms,
    {"court", "ict", "ministry", "minister", "home", "homeland", "ice", "chief minister"},
    {"elecom", "regulator", "council", "commission", "authority", "agency", "spokeswoman",
     "spokesman", "president", "minister", "governor", "chief minister", "watchdog", "media",
     "internet", "communications", "telecom", "supreme", "regional", "magistrate's", "high",
     "district", "constitutional", "city", "appeals", "administrative", "interior", "home",
     "court", "department", "ministry"},
};

}  // namespace

TEST_CASE("atom finder: the atoms an RE2::Set finds in the lower-cased sentence", "[events]") {
  const std::vector<std::string>& atoms = GENERATE(from_range(kAtomLists));
  EntityPatterns::AtomFinder f;
  REQUIRE(f.build(atoms));
  auto sentence = GENERATE(as<std::string>{},
                           "The Supreme COURT upheld the ban.",
                           "the chief  minister said",           // two spaces: no "chief minister"
                           "Chief Minister N. Biren Singh",
                           "the Magistrate\xE2\x80\x99s court",  // typographic apostrophe
                           "the Magistrate's Court",
                           "Hometown telecoms",                  // "home", "ho", "elecom", "telecom"
                           "ministryministerial",
                           "h", "", "Cit\xC3\xA9 authorit", "COURTCOURT",
                           "ict", "ic", "Homeland ICE", "the Home Office", "homelan",
                           "a DISTRICT court, a city council", "Telecommunications",
                           "co\xE2\x80\x99urt", "court\xC3\xA9 homE");
  CHECK(atoms_by_finder(f, atoms, sentence) == atoms_by_set(atoms, sentence));
}

TEST_CASE("atom finder: atoms it cannot take", "[events]") {
  EntityPatterns::AtomFinder f;
  CHECK_FALSE(f.build({"court", "x"}));
  CHECK_FALSE(f.build({"court", "caf\xC3\xA9"}));
  CHECK_FALSE(f.build({"court", std::string("a\0b", 3)}));
  CHECK(f.build({"court", "xy"}));
}

TEST_CASE("atom finder: every sentence of TempEval-3 silver", "[events]") {
  TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
  const std::vector<std::string>& atoms = GENERATE(from_range(kAtomLists));
  EntityPatterns::AtomFinder f;
  REQUIRE(f.build(atoms));
  RE2::Set set(RE2::Options(RE2::Quiet), RE2::UNANCHORED);
  for (const std::string& a : atoms) REQUIRE(set.Add(RE2::QuoteMeta(a), nullptr) >= 0);
  REQUIRE(set.Compile());
  std::size_t sentences = 0, with_atoms = 0;
  each_sentence(timeline::test::shared_dir() + "/data/te3-silver", [&](const std::string& sentence) {
    std::string low = sentence;
    for (char& c : low) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    std::vector<int> want;
    set.Match(low, &want);
    std::sort(want.begin(), want.end());
    const std::vector<int> got = atoms_by_finder(f, atoms, sentence);
    if (got != want) {
      INFO(sentence);
      REQUIRE(got == want);
    }
    ++sentences;
    with_atoms += want.empty() ? 0 : 1;
  });
  CHECK(sentences > 10000);
  CHECK(with_atoms > 100);
}

TEST_CASE("ascii classes: Unicode letter and digit classes by their ASCII members", "[events]") {
  auto [regex, expected] = GENERATE(table<std::string, std::string>({
      {"\\p{Lu}\\pL+", "[A-Z][A-Za-z]+"},
      {"(?P<n>\\p{Lu}[\\pL-]*)\\s+court", "(?P<n>[A-Z][A-Za-z-]*)\\s+court"},
      {"[\\pL.-]+ \\p{Ll}\\pN\\p{Nd}\\p{N}\\p{L}", "[A-Za-z.-]+ [a-z][0-9][0-9][0-9][A-Za-z]"},
      {"\\P{Lu}[^\\pL]", "[^A-Z][^A-Za-z]"},
      {"[]\\pL][[:digit:]\\p{Lu}]", "[]A-Za-z][[:digit:]A-Z]"},
      {"(?i:\\p{Lu})x", "(?i:[A-Z])x"},
      {"a\\\\pL", "a\\\\pL"},        // an escaped backslash, then "pL"
      {"[\\]\\pL]", "[\\]A-Za-z]"},  // an escaped "]" does not end the class
      // Left alone: other class names, an end of a range, \P in brackets, \Q...\E.
      {"\\p{Greek}\\pL", "\\p{Greek}\\pL"},
      {"[\\pL-z]", "[\\pL-z]"},
      {"[a-\\pL]", "[a-\\pL]"},
      {"[\\PL]", "[\\PL]"},
      {"\\Q\\pL\\E\\pL", "\\Q\\pL\\E\\pL"},
      {"\\p{^Lu}", "\\p{^Lu}"},
      {"\\p{Lu", "\\p{Lu"},
      {"plain (?:text)", "plain (?:text)"},
  }));
  INFO(regex);
  CHECK(timeline::events::ascii_classes(regex) == expected);
}

namespace {

// Every match of `re` in `sentence` as "begin-end:group=value ...", as the extractor runs it.
std::string all_matches(const RE2& re, const std::string& sentence) {
  std::string out;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
  std::size_t pos = 0;
  while (pos < sentence.size() &&
         re.Match(sentence, pos, sentence.size(), RE2::UNANCHORED, g.data(), n)) {
    const std::size_t b = static_cast<std::size_t>(g[0].data() - sentence.data());
    const std::size_t e = b + g[0].size();
    out += std::to_string(b) + "-" + std::to_string(e);
    for (int k = 1; k < n; ++k)
      out += ":" + (g[static_cast<std::size_t>(k)].data() ? std::string(g[static_cast<std::size_t>(k)]) : "-");
    out += " ";
    pos = e > pos ? e : pos + 1;
  }
  return out;
}

// What each pattern matches in `sentence` through candidates() (whichever side the sentence
// takes) against the pattern as written, compiled in UTF-8. Returns the patterns that match.
std::size_t same_as_utf8(const EntityPatterns& ps, const std::vector<std::string>& regexes,
                         const std::vector<std::unique_ptr<RE2>>& utf8,
                         const std::string& sentence) {
  std::vector<std::string> got(regexes.size());
  for (const EntityPatterns::Run& r : ps.candidates(sentence))
    got[static_cast<std::size_t>(r.index)] = all_matches(*r.re, sentence);
  std::size_t matched = 0;
  for (std::size_t k = 0; k < regexes.size(); ++k) {
    const std::string want = all_matches(*utf8[k], sentence);
    INFO("pattern " << regexes[k] << " on: " << sentence);
    REQUIRE(got[k] == want);
    matched += want.empty() ? 0 : 1;
  }
  return matched;
}

// `sentence` as typeset: apostrophes as ’, double quotes as “ and ”, "--" as —, " - " as " – ",
// "..." as …, and a no-break space after "Mr." and "Dr.".
std::string with_marks(const std::string& sentence) {
  std::string out;
  bool open = true;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    const char c = sentence[i];
    if (c == '\'') {
      out += "\xE2\x80\x99";
    } else if (c == '"') {
      out += open ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
      open = !open;
    } else if (sentence.compare(i, 2, "--") == 0) {
      out += "\xE2\x80\x94";
      ++i;
    } else if (sentence.compare(i, 3, " - ") == 0) {
      out += " \xE2\x80\x93 ";
      i += 2;
    } else if (sentence.compare(i, 3, "...") == 0) {
      out += "\xE2\x80\xA6";
      i += 2;
    } else if ((sentence.compare(i, 4, "Mr. ") == 0 || sentence.compare(i, 4, "Dr. ") == 0)) {
      out += sentence.substr(i, 3) + "\xC2\xA0";
      i += 3;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("ascii classes: the Latin-1 side and the side of typographic marks match what each "
          "pattern matches in UTF-8: every sentence of TempEval-3 silver and TBAQ, as written "
          "and typeset, the seed article and the examples",
          "[events]") {
  const std::string data = timeline::test::shared_dir() + "/data";
  TIMELINE_REQUIRE_DATA(data + "/te3-silver");
  TIMELINE_REQUIRE_DATA(data + "/tbaq");
  TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/seed/000_bf60ad6337aa9cfd.txt");
  // The censorship pack's patterns, and some of my own with the other classes.
  std::vector<std::string> regexes = {
      "(?P<a>\\pN+)\\s+(?P<b>\\p{Ll}+)", "(?i:\\p{Lu}\\pL+) (?P<w>[^\\pL\\s]+)",
      "(?P<name>\\p{Lu}\\P{Ll}+)", "\\b(?P<x>[\\pL-]{2,3}\\p{Nd})\\b"};
  const timeline::DataFiles files = timeline::DataFiles::builtin();
  const std::string* tsv = files.find("rules/domains/censorship/patterns.tsv");
  REQUIRE(tsv != nullptr);
  std::size_t from_pack = 0;
  for (std::size_t a = 0; a < tsv->size();) {
    std::size_t b = tsv->find('\n', a);
    if (b == std::string::npos) b = tsv->size();
    const std::string line = tsv->substr(a, b - a);
    a = b + 1;
    if (line.empty() || line[0] == '#') continue;
    regexes.push_back(line.substr(line.rfind('\t') + 1));
    ++from_pack;
  }
  REQUIRE(from_pack >= 8);
  EntityPatterns ps;
  std::vector<std::unique_ptr<RE2>> utf8;
  std::string why;
  for (const std::string& r : regexes) {
    const int id = ps.add(r, &why);
    INFO(r << ": " << why);
    REQUIRE(id >= 0);
    utf8.push_back(std::make_unique<RE2>(r, RE2::Quiet));
    REQUIRE(utf8.back()->ok());
  }
  ps.compile();
  std::size_t sentences = 0, matched = 0, with_marks_sentences = 0;
  for (const char* corpus : {"/te3-silver", "/tbaq"}) {
    each_sentence(data + corpus, [&](const std::string& sentence) {
      bool ascii = true;
      for (const char c : sentence) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      if (!ascii) return;
      ++sentences;
      matched += same_as_utf8(ps, regexes, utf8, sentence);
      // The same words in typographic marks: the side of sentences with marks beyond ASCII.
      const std::string marked = with_marks(sentence);
      if (marked != sentence) {
        ++with_marks_sentences;
        same_as_utf8(ps, regexes, utf8, marked);
      }
    });
  }
  // Real text with marks and letters beyond ASCII: the seed article and the examples.
  std::vector<std::string> texts = {
      timeline::test::read_file(timeline::test::shared_dir() + "/seed/000_bf60ad6337aa9cfd.txt")};
  for (const auto& entry :
       std::filesystem::directory_iterator(timeline::test::source_dir() + "/examples"))
    if (entry.path().extension() == ".txt") texts.push_back(timeline::test::read_file(entry.path()));
  for (const std::string& text : texts)
    for (const timeline::Sentence& s : timeline::segment(text))
      matched += same_as_utf8(ps, regexes, utf8, text.substr(s.begin, s.end - s.begin));
  CHECK(with_marks_sentences > 5000);
  CHECK(sentences > 20000);
  CHECK(matched > 1000);
}
