// The bytes a pattern's match can hold (src/events/pattern_bytes.hpp) and the parts of a
// sentence EntityPatterns::candidates() has a pattern searched in: the sets worked out by hand
// for patterns of my own, and the parts' matches against a search of the whole sentence (every
// pattern, every match, every group) on sentences of my own, on every sentence of the TimeML
// corpora of ../shared/data (skipped when absent) and on random patterns over random text.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/text.hpp>

#include "events/pattern_bytes.hpp"
#include "events/patterns.hpp"
#include "test_util.hpp"

namespace {

namespace ev = timeline::events;

// The printable bytes of a set, in order; control bytes as \t \n \v \f \r or \xNN.
std::string show(const ev::ByteSet& s) {
  std::string out;
  for (unsigned c = 0; c < 128; ++c) {
    if (!s.has(static_cast<unsigned char>(c))) continue;
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else if (c >= '\t' && c <= '\r') {
      out += std::string("\\") + "tnvfr"[c - '\t'];
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

const std::string kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const std::string kSpace = "\\t\\n\\v\\f\\r ";  // \s, as show() writes it (and a space)

// Appends each match of `re` (pattern `index`) in text[begin, end) as "index:begin-end" and each
// group's offsets, left to right, as find_mentions searches.
void append_matches(const RE2& re, int index, const std::string& text, std::size_t begin,
                    std::size_t end, std::string* out) {
  std::vector<re2::StringPiece> g(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1);
  std::size_t pos = begin;
  while (pos < end &&
         re.Match(text, pos, end, RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
    const std::size_t b = static_cast<std::size_t>(g[0].data() - text.data());
    const std::size_t e = b + g[0].size();
    *out += std::to_string(index) + ":" + std::to_string(b) + "-" + std::to_string(e);
    for (std::size_t i = 1; i < g.size(); ++i)
      *out += g[i].data() ? "," + std::to_string(g[i].data() - text.data()) + "+" +
                                std::to_string(g[i].size())
                          : ",-";
    *out += "\n";
    pos = e > b ? e : b + 1;
  }
}

// Every match of every pattern of `res`, searched in the whole of `text`, in order of pattern,
// then of place.
std::string whole(const std::vector<std::unique_ptr<RE2>>& res, const std::string& text) {
  std::string out;
  for (std::size_t k = 0; k < res.size(); ++k)
    append_matches(*res[k], static_cast<int>(k), text, 0, text.size(), &out);
  return out;
}

// The same through candidates(): each run searched in its part only, as find_mentions does.
std::string by_parts(const ev::EntityPatterns& ps, const std::string& text) {
  std::string out;
  for (const ev::EntityPatterns::Run& r : ps.candidates(text)) {
    REQUIRE(r.begin <= r.end);
    REQUIRE(r.end <= text.size());
    append_matches(*r.re, r.index, text, r.begin, r.end, &out);
  }
  return out;
}

// The patterns compiled both ways: an EntityPatterns and one plain UTF-8 RE2 each.
struct Compiled {
  ev::EntityPatterns ps;
  std::vector<std::unique_ptr<RE2>> res;
  explicit Compiled(const std::vector<std::string>& regexes) {
    std::string why;
    for (const std::string& r : regexes) {
      INFO(r);
      REQUIRE(ps.add(r, &why) >= 0);
      res.push_back(std::make_unique<RE2>(r, RE2::Quiet));
      REQUIRE(res.back()->ok());
    }
    ps.compile();
  }
};

std::vector<std::string> pack_patterns() {
  const timeline::DataFiles files = timeline::DataFiles::builtin();
  const std::string* tsv = files.find("rules/domains/censorship/patterns.tsv");
  REQUIRE(tsv != nullptr);
  std::vector<std::string> out;
  for (std::size_t a = 0; a < tsv->size();) {
    std::size_t b = tsv->find('\n', a);
    if (b == std::string::npos) b = tsv->size();
    const std::string line = tsv->substr(a, b - a);
    a = b + 1;
    if (!line.empty() && line[0] != '#') out.push_back(line.substr(line.rfind('\t') + 1));
  }
  return out;
}

// Patterns of my own next to the pack's: a group that may be empty, assertions at the edges of
// a part (\b, ^, $), a class of everything but a comma, a dot, escapes of marks, digits.
const std::vector<std::string> kOwnPatterns = {
    "(?P<n>\\p{Lu}\\pL*)\\s+(?i:tribunal)(?P<x>s?)",
    "\\bthe\\s+(?P<w>[a-z]+)\\s+bureau\\b",
    "^(?P<w>\\pL+) ministry",
    "agency(?P<rest>[^,]*)$",
    "(?P<a>[A-Z]\\.)\\s*[A-Z][a-z]+ court",
    "(?P<n>\\d{1,3}) courts?",
    "court.{0,4}?ruled",
    "(?i:HIGH)\\s+(?P<c>council|commission)\\.",
};

}  // namespace

TEST_CASE("match bytes: the bytes a match can hold, worked out by hand", "[events]") {
  auto [regex, bytes] = GENERATE(table<std::string, std::string>({
      {"court", "cortu"},
      {"[Tt]he\\s+court", kSpace + "Tcehortu"},
      {"(?i:the)", "EHTeht"},
      {"a(?i)b", "ABab"},                            // a flag anywhere folds every letter
      {"[a-c0-2]+", "012abc"},
      {"[^\\x00-\\x1F]", ""},                        // \x: not read (below: unknown)
      {"x{2,3}y{1}", "xy"},                          // repetitions hold no byte
      {"x{,3}", ",3x{}"},                            // not a repetition: the bytes as written
      {"\\.\\-\\(", "(-."},
      {"(?P<name>\\d+)-(?:ab|c)", "-0123456789abc"},
      {"[]a]", "]a"},                                // "]" first in a class is one of it
      {"[a-]", "-a"},
      {"\\bword\\b", "dorw"},                        // assertions hold no byte
      {"^a$", "a"},
      {"(?s:a.)", ""},                                // '.': every ASCII byte (checked below)
  }));
  INFO(regex);
  ev::ByteSet set;
  if (regex == "[^\\x00-\\x1F]") {
    CHECK_FALSE(ev::match_bytes(regex, &set));
    return;
  }
  REQUIRE(ev::match_bytes(regex, &set));
  if (regex == "(?s:a.)") {
    for (unsigned c = 0; c < 128; ++c) CHECK(set.has(static_cast<unsigned char>(c)));
    return;
  }
  CHECK(show(set) == bytes);
}

TEST_CASE("match bytes: classes and their complements", "[events]") {
  ev::ByteSet s;
  REQUIRE(ev::match_bytes("\\w", &s));
  CHECK(show(s) == "0123456789" + kLetters.substr(0, 26) + "_" + kLetters.substr(26));
  REQUIRE(ev::match_bytes("[^a-z]", &s));
  CHECK_FALSE(s.has('q'));
  CHECK(s.has('Q'));
  CHECK(s.has(','));
  REQUIRE(ev::match_bytes("\\S", &s));
  CHECK_FALSE(s.has(' '));
  CHECK_FALSE(s.has('\n'));
  CHECK(s.has('x'));
  CHECK_FALSE(s.has(0xE2));  // never a byte beyond ASCII
  REQUIRE(ev::match_bytes("[\\d.]", &s));
  CHECK(show(s) == ".0123456789");
}

TEST_CASE("match bytes: syntax it does not read", "[events]") {
  auto regex = GENERATE(as<std::string>{}, "\\pL+", "\\p{Lu}", "[\\pL]", "\\x41", "\\Qa.b\\E",
                        "\\C", "[[:alpha:]]", "a\\1", "[z-a]", "[abc", "(?x:a b)", "\\");
  INFO(regex);
  ev::ByteSet s;
  CHECK_FALSE(ev::match_bytes(regex, &s));
}

TEST_CASE("runs holding places: each longest run of the set's bytes around a place, once",
          "[events]") {
  ev::ByteSet set;
  REQUIRE(ev::match_bytes("[A-Za-z ]", &set));
  //                      0         1         2         3         4
  //                      0123456789012345678901234567890123456789012345
  const std::string text = "On Monday, the High Court ruled; 3 high courts";
  auto runs = [&](const std::vector<std::pair<std::uint32_t, std::uint32_t>>& at) {
    std::string out;
    ev::each_run_holding(set, text, at, [&](std::uint32_t b, std::uint32_t e) {
      out += "[" + text.substr(b, e - b) + "]";
    });
    return out;
  };
  CHECK(runs({}) == "");
  CHECK(runs({{15, 19}}) == "[ the High Court ruled]");            // "High"
  CHECK(runs({{15, 19}, {20, 25}}) == "[ the High Court ruled]");  // two places, one run
  CHECK(runs({{3, 9}, {20, 25}}) == "[On Monday][ the High Court ruled]");
  CHECK(runs({{8, 11}}) == "");                                    // "ay," holds a comma
  CHECK(runs({{35, 39}, {40, 46}}) == "[ high courts]");
  CHECK(runs({{0, 2}, {40, 46}}) == "[On Monday][ high courts]");
}

TEST_CASE("pattern parts: the matches of a search of the whole sentence, sentences of my own",
          "[events]") {
  std::vector<std::string> regexes = pack_patterns();
  REQUIRE(regexes.size() >= 8);
  regexes.insert(regexes.end(), kOwnPatterns.begin(), kOwnPatterns.end());
  Compiled c(regexes);
  auto sentence = GENERATE(as<std::string>{},
      "The Supreme Court of India and the Delhi High Court ruled on Monday.",
      "President Joe Biden met Prime Minister Narendra Modi, the Chief Minister said.",
      "Minister J. K. Rowling-Smith spoke; the Minister, Ana, did not.",
      "Russia's telecom regulator and the Federal Communications Commission agreed.",
      "ministry officials said the interior ministry had asked the Home Department.",
      "A Tver court, a Moscow court and 12 courts ruled that the court ruled.",
      "agency staff left, the agency said and the agency",
      "HIGH council. High Commission.",
      "Tribunals: the Paris tribunal and Lyon TRIBUNALs.",
      "the press bureau, the visa bureau",
      "",
      "court",
      "The Magistrate's Court of Lagos, the telecom authority and the National Media Council.");
  INFO(sentence);
  CHECK(by_parts(c.ps, sentence) == whole(c.res, sentence));
}

TEST_CASE("pattern parts: the matches of a search of the whole sentence, every sentence of "
          "TempEval-3 silver and TBAQ",
          "[events]") {
  const std::string data = timeline::test::shared_dir() + "/data";
  TIMELINE_REQUIRE_DATA(data + "/te3-silver");
  TIMELINE_REQUIRE_DATA(data + "/tbaq");
  std::vector<std::string> regexes = pack_patterns();
  regexes.insert(regexes.end(), kOwnPatterns.begin(), kOwnPatterns.end());
  Compiled c(regexes);
  std::size_t sentences = 0, matched = 0;
  for (const char* corpus : {"/te3-silver", "/tbaq"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data + corpus)) {
      if (entry.path().extension() != ".tml") continue;
      timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                          [&](timeline::LoadItem&& item) {
        if (!item.document) return;
        const std::string& text = item.document->text;
        for (const timeline::Sentence& s : timeline::segment(text)) {
          const std::string sentence = text.substr(s.begin, s.end - s.begin);
          const std::string want = whole(c.res, sentence);
          const std::string got = by_parts(c.ps, sentence);
          if (got != want) {
            INFO(sentence);
            REQUIRE(got == want);
          }
          ++sentences;
          matched += want.empty() ? 0 : 1;
        }
      });
    }
  }
  CHECK(sentences > 20000);
  CHECK(matched > 500);
}

TEST_CASE("pattern parts: random patterns over random text match as searched whole",
          "[events]") {
  // Pieces of patterns and of text over a few words and marks, so that atoms occur often and
  // runs of a pattern's bytes end at commas, digits and dots, or run on to the sentence's ends.
  const std::vector<std::string> pieces = {
      "court", "[Cc]ourt", "(?i:council)", "minist(?:ry|er)", "high", "\\s+", "\\s", " ",
      "[A-Z][a-z]+", "[a-z]*", "\\d+", "[^,]", ",", "\\.", "(?:the\\s+)?", "[\\w-]+", "x?",
      "(?P<g>[A-Z]\\w*)", "\\b", "(?:of|for)", ".", "[a-z]{2,4}"};
  const std::vector<std::string> words = {
      "court", "Court", "COURT", "council", "Council", "ministry", "minister", "high", "High",
      "the", "of", "for", "x", "A", "Bb", "12", ",", ".", "-", "  ", " ", "\n", "’", "é"};
  std::mt19937 rng(20261130);
  auto pick = [&](const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  std::size_t compared = 0, matched = 0;
  for (int round = 0; round < 150; ++round) {
    std::vector<std::string> regexes;
    for (int k = 0; k < 4; ++k) {
      std::string r;
      const int n = std::uniform_int_distribution<int>(1, 5)(rng);
      for (int i = 0; i < n; ++i) r += pick(pieces);
      if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) r = "(?:" + r + ")|" + pick(pieces);
      regexes.push_back(r);
    }
    Compiled c(regexes);
    for (int t = 0; t < 40; ++t) {
      std::string text;
      const int n = std::uniform_int_distribution<int>(0, 14)(rng);
      for (int i = 0; i < n; ++i) text += pick(words) + (i % 3 == 0 ? "" : " ");
      const std::string want = whole(c.res, text);
      INFO("patterns: " << regexes[0] << "  " << regexes[1] << "  " << regexes[2] << "  "
                        << regexes[3] << "\ntext: " << text);
      REQUIRE(by_parts(c.ps, text) == want);
      ++compared;
      matched += want.empty() ? 0 : 1;
    }
  }
  CHECK(compared == 6000);
  CHECK(matched > 1000);
}
