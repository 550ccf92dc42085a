// Tokens and phrase patterns of the claim extractor (src/events/tokens.hpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/text.hpp>

#include "events/pack.hpp"
#include "events/tokens.hpp"
#include "test_util.hpp"

namespace {

std::string joined(const std::vector<timeline::events::Token>& toks) {
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

}  // namespace

TEST_CASE("tokenize keeps names whole and splits possessives and negations", "[events]") {
  auto [text, tokens] = GENERATE(table<std::string, std::string>({
      {"Russia's watchdog", "Russia 's watchdog"},
      {"Russia\xE2\x80\x99s watchdog", "Russia 's watchdog"},
      {"a state-backed app", "a state-backed app"},
      {"according to Sboi.rf.", "according to Sboi.rf ."},
      {"it didn't block", "it did n't block"},
      {"\xE2\x80\x9C" "completely shut down\xE2\x80\x9D its", "\xE2\x80\x9C completely shut down "
                                                            "\xE2\x80\x9D its"},
      {"N. Biren Singh", "N . Biren Singh"},
      {"Роскомнадзор said", "Роскомнадзор said"},
  }));
  CHECK(joined(timeline::events::tokenize(text, 0, static_cast<std::uint32_t>(text.size()))) ==
        tokens);
}

TEST_CASE("token offsets point into the text", "[events]") {
  const std::string text = "Peskov told TASS\xE2\x80\x99s reporter.";
  const auto toks = timeline::events::tokenize(text, 0, static_cast<std::uint32_t>(text.size()));
  REQUIRE(toks.size() == 6);
  CHECK(text.substr(toks[2].begin, toks[2].end - toks[2].begin) == "TASS");
  CHECK(text.substr(toks[3].begin, toks[3].end - toks[3].begin) == "\xE2\x80\x99s");
  CHECK(toks[3].text == "'s");
}

TEST_CASE("phrases: alternatives, gaps and case", "[events]") {
  auto [pattern, case_sensitive, text, matched] =
      GENERATE(table<std::string, bool, std::string, std::size_t>({
          {"slow|slows|slowed down", false, "Slowed down YouTube", 2},
          {"cut|cuts * off", false, "cut it off", 3},
          {"cut|cuts * off", false, "cut more than 100 million people off", 0},
          {"cut|cuts * off", false, "cut off", 2},
          {"Max", true, "max speed", 0},
          {"Max", true, "Max messenger", 1},
          {"the Kremlin", true, "The Kremlin said", 2},
          {"Russia's internet regulator", true, "Russia\xE2\x80\x99s internet regulator", 4},
      }));
  timeline::events::Phrase p;
  std::string why;
  REQUIRE(p.compile(pattern, case_sensitive, &why));
  const auto toks = timeline::events::tokenize(text, 0, static_cast<std::uint32_t>(text.size()));
  CHECK(p.match(toks, 0) == matched);
}

TEST_CASE("phrases that cannot be compiled say why", "[events]") {
  auto [pattern, why] = GENERATE(table<std::string, std::string>({
      {"* blocked", "pattern '* blocked' is empty or begins or ends with '*'"},
      {"blocked *", "pattern 'blocked *' is empty or begins or ends with '*'"},
      {"block||ban", "empty alternative in 'block||ban'"},
      {"   ", "pattern '   ' is empty or begins or ends with '*'"},
  }));
  timeline::events::Phrase p;
  std::string got;
  CHECK_FALSE(p.compile(pattern, false, &got));
  CHECK(got == why);
}

TEST_CASE("word tokens carry the word ids tokenize and index give, without text", "[events]") {
  using timeline::events::kNoWord;
  timeline::events::Vocabulary vocab;
  for (const char* w : {"russia", "'s", "state-backed", "n't", "blocked"}) vocab.add(w);
  auto [text, ids] = GENERATE(table<std::string, std::vector<std::uint32_t>>({
      {"Russia\xE2\x80\x99s state-backed app wasn't BLOCKED.",
       {0, 1, 2, kNoWord, kNoWord, 3, 4, kNoWord}},
      {"RUSSIA'S app wasn\xE2\x80\x99t blocked", {0, 1, kNoWord, kNoWord, 3, 4}},
      {"\xE2\x80\x9C" "Blocked\xE2\x80\x9D", {kNoWord, 4, kNoWord}},
      {"", {}},
  }));
  const auto b = static_cast<std::uint32_t>(0), e = static_cast<std::uint32_t>(text.size());
  const auto light = timeline::events::word_tokens(text, b, e, vocab);
  auto full = timeline::events::tokenize(text, b, e);
  vocab.index(&full);
  const auto indexed = timeline::events::tokenize(text, b, e, &vocab);
  std::vector<std::uint32_t> got;
  for (const auto& t : light) got.push_back(t.word_id);
  CHECK(got == ids);
  REQUIRE(light.size() == full.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    CHECK(light[i].begin == full[i].begin);
    CHECK(light[i].end == full[i].end);
    CHECK(light[i].word == full[i].word);
    CHECK(light[i].word_id == full[i].word_id);
    CHECK(indexed[i].word_id == full[i].word_id);
    CHECK(light[i].text.empty());
  }
}

TEST_CASE("a phrase compares by id only when every word slot is bound and without case",
          "[events]") {
  auto [pattern, case_sensitive, bound, by_id] = GENERATE(table<std::string, bool, bool, bool>({
      {"slow|slows * down", false, true, true},
      {"slow|slows * down", false, false, false},
      {"Max", true, true, false},          // compares with case: by text
      {"the Kremlin", true, true, false},  // "Kremlin" with case
      {"the kremlin", true, true, true},   // no capital: without case
  }));
  timeline::events::Phrase p;
  std::string why;
  REQUIRE(p.compile(pattern, case_sensitive, &why));
  timeline::events::Vocabulary vocab;
  if (bound) p.bind(&vocab);
  CHECK(p.by_id() == by_id);
}

TEST_CASE("a word set holds exactly its words", "[events]") {
  static const timeline::events::WordSet words{"the", "a", "telegram's", "state-backed", "i"};
  auto [word, in] = GENERATE(table<std::string, bool>({
      {"the", true},
      {"a", true},
      {"telegram's", true},
      {"state-backed", true},
      {"i", true},
      {"The", false},  // exact bytes: callers pass lower case
      {"th", false},
      {"them", false},
      {"", false},
      {"state", false},
  }));
  CHECK(words.has(word) == in);
}

namespace {

// Every phrase of the censorship pack that can start at a token, matched on tokens with word ids
// (the by-id paths: Phrase::match word by word, PhraseIndex::may_match and any_may_match on the
// second word) and on the same tokens without (the text comparison): the same length everywhere.
template <typename Rule>
void same_by_id_and_text(const std::vector<Rule>& rules,
                         const timeline::events::PhraseIndex& index,
                         const std::vector<timeline::events::Token>& by_id,
                         const std::vector<timeline::events::Token>& by_text,
                         const std::string& sentence) {
  for (std::size_t i = 0; i < by_id.size(); ++i) {
    const std::vector<std::size_t>* a = index.at(by_id[i]);
    const std::vector<std::size_t>* b = index.at(by_text[i]);
    INFO(sentence << " @" << i);
    REQUIRE((a == nullptr) == (b == nullptr));
    if (!a) continue;
    REQUIRE(*a == *b);
    for (const std::size_t r : *a) {
      const std::size_t n = rules[r].phrase.match(by_id, i);
      REQUIRE(n == rules[r].phrase.match(by_text, i));
      if (n > 0) REQUIRE(index.may_match(r, by_id, i));
      if (n > 0) REQUIRE(index.any_may_match(by_id, i));
    }
  }
}

void check_pack_phrases(const timeline::events::Pack& pack, const std::string& text,
                        std::uint32_t b, std::uint32_t e) {
  const auto by_id = timeline::events::tokenize(text, b, e, &pack.vocab);
  const auto by_text = timeline::events::tokenize(text, b, e);
  const std::string sentence = text.substr(b, e - b);
  same_by_id_and_text(pack.triggers, pack.trigger_index, by_id, by_text, sentence);
  same_by_id_and_text(pack.actors, pack.actor_index, by_id, by_text, sentence);
  same_by_id_and_text(pack.targets, pack.target_index, by_id, by_text, sentence);
  same_by_id_and_text(pack.regions, pack.region_index, by_id, by_text, sentence);
  same_by_id_and_text(pack.cues, pack.cue_index, by_id, by_text, sentence);
}

const timeline::events::Pack& pack_for_tokens() {
  static const timeline::events::Pack* pack = [] {
    auto* p = new timeline::events::Pack;
    timeline::Error err;
    if (!timeline::events::load_pack(timeline::DataFiles::builtin(), "censorship", p, &err))
      throw std::runtime_error(err.str());
    return p;
  }();
  return *pack;
}

}  // namespace

TEST_CASE("pack phrases match the same by word id as by text: sentences of my own", "[events]") {
  auto text = GENERATE(as<std::string>{},
                       "The Kremlin said the Kremlin and THE KREMLIN agreed.",
                       "Max, MAX and max: the state-backed messenger Max.",
                       "Officials said X was blocked; x marks the spot.",
                       "Russia\xE2\x80\x99s internet regulator slowed down YouTube.",
                       "RUSSIA'S INTERNET REGULATOR cut off access.",
                       "the communications watchdog Roskomnadzor, roskomnadzor",
                       "Telegram and telegram and TELEGRAM were unavailable.");
  check_pack_phrases(pack_for_tokens(), text, 0, static_cast<std::uint32_t>(text.size()));
}

TEST_CASE("pack phrases match the same by word id as by text: TempEval-3 silver", "[events]") {
  TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
  const auto& pack = pack_for_tokens();
  std::size_t files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(timeline::test::shared_dir() + "/data/te3-silver")) {
    if (++files > 600) break;  // a quarter of the corpus keeps the test quick
    timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                        [&](timeline::LoadItem&& item) {
                          if (!item.document) return;
                          const std::string& t = item.document->text;
                          for (const timeline::Sentence& s : timeline::segment(t))
                            check_pack_phrases(pack, t, s.begin, s.end);
                        });
  }
  CHECK(files > 600);
}
