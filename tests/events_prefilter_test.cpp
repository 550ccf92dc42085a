// The byte-level trigger prefilter (src/events/prefilter.hpp): it may only say "no" where the
// token-level check finds no trigger, on hand-written sentences, on every sentence of the
// TimeML corpora of ../shared/data, and on generated word soup full of edge cases.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/text.hpp>

#include "events/pack.hpp"
#include "events/sentence.hpp"
#include "test_util.hpp"

namespace {

using timeline::events::Pack;

const Pack& censorship_pack() {
  static const Pack* pack = [] {
    auto* p = new Pack;
    timeline::Error err;
    if (!timeline::events::load_pack(timeline::DataFiles::builtin(), "censorship", p, &err))
      throw std::runtime_error(err.str());
    return p;
  }();
  return *pack;
}

// Whether a trigger phrase that is not a stop phrase matches at some token of text[b, e),
// overlapping or not: what the prefilter must never rule out.
bool any_trigger(const Pack& pack, const std::string& text, std::uint32_t b, std::uint32_t e) {
  const auto toks = timeline::events::tokenize(text, b, e, &pack.vocab);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::vector<std::size_t>* cand = pack.trigger_index.at(toks[i]);
    if (!cand) continue;
    for (const std::size_t r : *cand)
      if (!pack.triggers[r].stop && pack.triggers[r].phrase.match(toks, i) > 0) return true;
  }
  return false;
}

// Checks the prefilter against the token-level answer on every sentence of `text`, and on the
// same spans cut one and two bytes short (a span may end inside a word). Returns the number of
// spans the prefilter ruled out.
std::size_t check_text(const Pack& pack, const std::string& text) {
  std::size_t ruled_out = 0;
  for (const timeline::Sentence& s : timeline::segment(text)) {
    for (std::uint32_t cut = 0; cut < 3 && s.begin + cut < s.end; ++cut) {
      const std::uint32_t e = s.end - cut;
      const bool maybe = pack.trigger_prefilter.may_match(text, s.begin, e);
      if (!maybe) {
        ++ruled_out;
        INFO("span: " << text.substr(s.begin, e - s.begin));
        REQUIRE_FALSE(any_trigger(pack, text, s.begin, e));
        REQUIRE_FALSE(timeline::events::may_hold_trigger(pack, text, timeline::Sentence{s.begin, e}));
      }
    }
  }
  return ruled_out;
}

}  // namespace

TEST_CASE("trigger prefilter: sentences of my own", "[events]") {
  const Pack& pack = censorship_pack();
  REQUIRE(pack.trigger_prefilter.active());
  auto [text, maybe] = GENERATE(table<std::string, bool>({
      // A trigger, in any case, after punctuation, before "n't", across a no-break space.
      {"The regulator BLOCKED the app on Monday.", true},
      {"(blocked) for a week", true},
      {"\xE2\x80\x9C" "Throttling\xE2\x80\x9D was the word used.", true},
      {"Officials mustn't use the app, he said.", false},  // "must" + "n't", not "use"
      {"Officials must use the new app.", true},
      {"Officials must\xC2\xA0use the new app.", true},
      {"Officials MUST  USE the new app.", true},
      {"The network went down at noon.", true},
      {"The network went\n down at noon.", true},
      {"the state-backed messenger", true},
      {"Russia\xE2\x80\x99s national messenger", true},
      {"It came back after a day.", true},
      // A first word whose phrases need a second word that is not there.
      {"Officials must wait for the vote.", false},
      {"They went home early.", false},
      {"The network went downhill.", false},
      {"The national team won.", false},
      {"It came as a surprise.", false},
      // A phrase with a gap needs its last word later on ("made * inaccessible", "sign * law"):
      // anywhere after the first word, even past punctuation (the filter does not look there).
      {"They made the site inaccessible overnight.", true},
      {"They made the site slower.", false},
      {"Putin signed a decree on Friday.", true},
      {"Putin signed a letter.", false},
      {"It was made in China; the site stays inaccessible.", true},
      {"The law passed, and Putin signed it.", false},  // the word must come after
      {"They made it un-inaccessible.", true},               // a word start after a mark
      {"They made it uninaccessible.", false},
      // A first word inside a longer word, or glued to digits.
      {"The blockchain firm reported earnings.", false},
      {"An unblockable design.", false},
      {"Shares of Cutter Inc rose.", false},
      {"Model X2block shipped.", false},
      // Nothing like a trigger.
      {"Share prices rose 1.1 percent on Tuesday.", false},
      {"", false},
  }));
  const auto e = static_cast<std::uint32_t>(text.size());
  CHECK(pack.trigger_prefilter.may_match(text, 0, e) == maybe);
  // Never "no" where the tokens hold a trigger.
  if (any_trigger(pack, text, 0, e)) CHECK(pack.trigger_prefilter.may_match(text, 0, e));
}

TEST_CASE("trigger prefilter: a first word that is not a letter word turns it off", "[events]") {
  std::vector<timeline::events::TriggerRule> rules(2);
  std::string why;
  REQUIRE(rules[0].phrase.compile("blocked", false, &why));
  REQUIRE(rules[1].phrase.compile("5G shutdown", false, &why));
  timeline::events::TriggerPrefilter f;
  f.build(rules);
  CHECK_FALSE(f.active());
  const std::string text = "Nothing here.";
  CHECK(f.may_match(text, 0, static_cast<std::uint32_t>(text.size())));
  rules.pop_back();
  f.build(rules);
  CHECK(f.active());
  CHECK_FALSE(f.may_match(text, 0, static_cast<std::uint32_t>(text.size())));
}

TEST_CASE("trigger prefilter: every sentence of the TimeML corpora", "[events]") {
  TIMELINE_REQUIRE_DATA(timeline::test::shared_dir() + "/data/te3-silver");
  const Pack& pack = censorship_pack();
  std::size_t spans = 0, ruled_out = 0;
  for (const char* dir : {"/data/te3-silver", "/data/tbaq"}) {
    const std::filesystem::path root = timeline::test::shared_dir() + dir;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".tml") continue;
      timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                          [&](timeline::LoadItem&& item) {
                            if (!item.document) return;
                            spans += timeline::segment(item.document->text).size();
                            ruled_out += check_text(pack, item.document->text);
                          });
    }
  }
  // The filter is worth having: most sentences of news about markets and politics hold no
  // trigger, and it rules out most of them.
  REQUIRE(spans > 10000);
  CHECK(ruled_out > spans);  // of the three spans per sentence, well over one on average
}

TEST_CASE("trigger prefilter: generated word soup", "[events]") {
  // Trigger words, their neighbours and the marks the tokenizer treats specially, strung
  // together at random (a fixed seed): every joint of two pieces is a place to get wrong.
  const std::vector<std::string> pieces = {
      "must", "MUST", "should", "use", "Use", "n't", "n\xE2\x80\x99t", "mustn't", "go", "went",
      "down", "state", "-backed", "state-backed", "messenger", "national", "made", "make",
      "inaccessible", "in order to", "order", "took", "offline", "came", "back", "cut", "off",
      "switch", "on", "block", "Blocked", "ban", "internet", "shutdown", "return", "to normal",
      "law", "pass", "bill", "keep", "connected", "slow", "poor", "performance", "'s",
      "\xE2\x80\x99s", "'", "\xE2\x80\x99", " ", " ", " ", "\xC2\xA0", "\n", "-", ".", ",", "3",
      "x", "\xE2\x80\x9C", "\xE2\x80\x94", "\xD0\x96", "\xC3\xA9", "(", "\xE2", "\xC2"};
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  std::string text;
  for (int line = 0; line < 4000; ++line) {
    const std::size_t n = 1 + next() % 12;
    for (std::size_t k = 0; k < n; ++k) text += pieces[next() % pieces.size()];
    text += ".\n";
  }
  const Pack& pack = censorship_pack();
  CHECK(check_text(pack, text) > 0);
}
