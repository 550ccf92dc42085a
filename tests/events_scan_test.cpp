// The claim extractor's shortcuts through a sentence (src/events/pack.hpp find_starts and the
// find_all over its places; src/events/sentence.hpp analyze into a reused SentenceInfo, and
// analyze_tokens on the tokens may_hold_trigger cut): the same
// results as the plain paths, on sentences of my own and on every sentence of the TimeML corpora
// of ../shared/data (skipped when absent).
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/text.hpp>

#include "events/mentions.hpp"
#include "events/pack.hpp"
#include "events/sentence.hpp"
#include "test_util.hpp"

namespace {

namespace ev = timeline::events;

const ev::Pack& scan_pack() {
  static const ev::Pack* pack = [] {
    auto* p = new ev::Pack;
    timeline::Error err;
    if (!ev::load_pack(timeline::DataFiles::builtin(), "censorship", p, &err))
      throw std::runtime_error(err.str());
    return p;
  }();
  return *pack;
}

bool same_hits(const std::vector<ev::Hit>& a, const std::vector<ev::Hit>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].rule != b[k].rule || a[k].first != b[k].first || a[k].count != b[k].count)
      return false;
  return true;
}

// One table: every token where a rule of `index` can begin is among the starts with `bit`, and
// the hits found at the starts are those found at every token.
template <typename Rule>
void check_table(const std::vector<Rule>& rules, const ev::PhraseIndex& index,
                 const std::vector<ev::Token>& toks, const std::vector<ev::Start>& starts,
                 std::uint32_t bit) {
  std::size_t s = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    while (s < starts.size() && starts[s].token < i) ++s;
    const bool listed = s < starts.size() && starts[s].token == i && (starts[s].tables & bit) != 0;
    if (index.at(toks[i]) != nullptr) REQUIRE(listed);
  }
  std::vector<ev::Hit> at_starts;
  ev::find_all(rules, index, toks, starts, bit, &at_starts);
  REQUIRE(same_hits(at_starts, ev::find_all(rules, index, toks)));
}

// Returns the number of hits of every table in text[b, e), after checking each table.
std::size_t check_starts(const ev::Pack& pack, const std::string& text, std::uint32_t b,
                         std::uint32_t e) {
  INFO("sentence: " << text.substr(b, e - b));
  std::size_t hits = 0;
  for (const bool ids : {true, false}) {  // tokens with and without word ids
    const ev::TokenList toks = ev::tokenize(text, b, e, ids ? &pack.vocab : nullptr);
    std::vector<ev::Start> starts;
    ev::find_starts(pack, toks, &starts);
    for (std::size_t k = 1; k < starts.size(); ++k) REQUIRE(starts[k - 1].token < starts[k].token);
    if (!ids) REQUIRE(starts.size() == toks.size());  // without ids any token may begin any
    check_table(pack.triggers, pack.trigger_index, toks, starts, ev::kStartTrigger);
    check_table(pack.actors, pack.actor_index, toks, starts, ev::kStartActor);
    check_table(pack.targets, pack.target_index, toks, starts, ev::kStartTarget);
    check_table(pack.regions, pack.region_index, toks, starts, ev::kStartRegion);
    check_table(pack.cues, pack.cue_index, toks, starts, ev::kStartCue);
    if (ids)
      hits += ev::find_all(pack.actors, pack.actor_index, toks).size() +
              ev::find_all(pack.targets, pack.target_index, toks).size() +
              ev::find_all(pack.cues, pack.cue_index, toks).size();
  }
  return hits;
}

bool same_mention(const ev::Mention& a, const ev::Mention& b) {
  return a.first == b.first && a.count == b.count && a.role == b.role &&
         a.entity.name == b.entity.name && a.entity.mention == b.entity.mention &&
         a.entity.kind == b.entity.kind && a.entity.region == b.entity.region &&
         a.entity.span.begin == b.entity.span.begin && a.entity.span.end == b.entity.span.end &&
         a.country == b.country && a.affiliation == b.affiliation &&
         a.affiliation_kind == b.affiliation_kind && a.official == b.official &&
         a.anaphor == b.anaphor && a.generic == b.generic;
}

// What analyze() found in a sentence, as one comparable text.
std::string describe(const ev::SentenceInfo& si) {
  std::string out;
  for (const ev::Token& t : si.toks)
    out += std::to_string(t.begin) + "-" + std::to_string(t.end) + ":" + std::string(t.text) +
           "/" + std::string(t.lower) + "#" + std::to_string(t.word_id) + (t.word ? "w" : "") +
           (t.capital ? "C" : "") + " ";
  out += "|";
  for (const ev::CueHit& c : si.cues)
    out += std::string(c.cue) + "=" + std::string(c.value) + "@" + std::to_string(c.first) + "+" +
           std::to_string(c.count) + "k" + std::to_string(c.kind) + " ";
  out += "|";
  for (const ev::TriggerHit& t : si.triggers)
    out += std::to_string(t.rule) + "@" + std::to_string(t.first) + "+" +
           std::to_string(t.count) + (t.nominal ? "n " : " ");
  out += "|" + std::to_string(si.cue_bits.size()) + "," + std::to_string(si.boundary.size()) +
         "," + std::to_string(si.since_ahead.size()) + "," + std::to_string(si.trigger_at.size());
  for (std::size_t i = 0; i < si.cue_bits.size(); ++i) out += " " + std::to_string(si.cue_bits[i]);
  for (std::size_t i = 0; i < si.boundary.size(); ++i) out += si.boundary[i] ? "B" : "b";
  for (std::size_t i = 0; i < si.since_ahead.size(); ++i) out += si.since_ahead[i] ? "S" : "s";
  for (const std::uint32_t t : si.trigger_at) out += " " + std::to_string(t);
  return out;
}

void same_analysis(const ev::SentenceInfo& a, const ev::SentenceInfo& b) {
  REQUIRE(describe(a) == describe(b));
  REQUIRE(a.mentions.size() == b.mentions.size());
  for (std::size_t k = 0; k < a.mentions.size(); ++k)
    REQUIRE(same_mention(a.mentions[k], b.mentions[k]));
}

void same_drafts(const std::vector<ev::Draft>& a, const std::vector<ev::Draft>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    REQUIRE(a[k].claim.trigger == b[k].claim.trigger);
    REQUIRE(a[k].claim.actor.name == b[k].claim.actor.name);
    REQUIRE(a[k].claim.targets.size() == b[k].claim.targets.size());
  }
}

// What the extractor keeps from one document to the next of a thread: a SentenceInfo, the
// tokens may_hold_trigger() cut (swapped with the SentenceInfo's), and a Discourse cleared
// for each document.
struct Carried {
  ev::SentenceInfo si;
  ev::TokenList toks;
  ev::Discourse d;
};

// Reads every sentence of `text` four times, each with its own discourse: into a fresh
// SentenceInfo; into one reused from sentence to sentence; into one reused that takes the
// tokens may_hold_trigger() cut when it says yes (analyze_tokens), as the extractor does for
// the last sentence it reads; and into `carried`, which earlier documents were read with, as the
// extractor's thread does. All must find the same. Returns the number of mentions found.
std::size_t check_reuse(const ev::Pack& pack, const std::string& text, Carried* carried) {
  ev::Discourse fresh_d, reused_d, taken_d;
  ev::SentenceInfo reused, taken;
  carried->d.clear();
  std::size_t mentions = 0;
  std::size_t index = 0;
  for (const timeline::Sentence& s : timeline::segment(text)) {
    const ev::SentenceInfo fresh = ev::analyze(pack, text, s, &fresh_d);
    ev::analyze(pack, text, s, &reused_d, &reused);
    ev::TokenList toks;
    if (ev::may_hold_trigger(pack, text, s, &toks)) {
      taken.toks = std::move(toks);
      ev::analyze_tokens(pack, text, s, &taken_d, &taken);
    } else {
      REQUIRE(fresh.triggers.empty());
      ev::analyze(pack, text, s, &taken_d, &taken);
    }
    if (ev::may_hold_trigger(pack, text, s, &carried->toks)) {
      std::swap(carried->si.toks, carried->toks);
      ev::analyze_tokens(pack, text, s, &carried->d, &carried->si);
    } else {
      ev::analyze(pack, text, s, &carried->d, &carried->si);
    }
    INFO("sentence: " << text.substr(s.begin, s.end - s.begin));
    same_analysis(fresh, reused);
    same_analysis(fresh, taken);
    same_analysis(fresh, carried->si);
    mentions += fresh.mentions.size();
    // The drafts update the discourse the next sentences read.
    const auto a = ev::draft_claims(pack, text, fresh, index, &fresh_d);
    same_drafts(a, ev::draft_claims(pack, text, reused, index, &reused_d));
    same_drafts(a, ev::draft_claims(pack, text, taken, index, &taken_d));
    same_drafts(a, ev::draft_claims(pack, text, carried->si, index, &carried->d));
    ++index;
  }
  return mentions;
}

// Calls fn(text) for the text of every document of every TimeML file under `dir`.
template <typename Fn>
std::size_t each_document(const std::string& dir, Fn&& fn) {
  std::size_t docs = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".tml") continue;
    timeline::load_path(entry.path().string(), timeline::LoadOptions{},
                        [&](timeline::LoadItem&& item) {
                          if (!item.document) return;
                          fn(item.document->text);
                          ++docs;
                        });
  }
  return docs;
}

// Sentences of my own: names, cues, triggers, a possessive, typographic marks, a word cut off
// ("didn't"), a sentence without any phrase, one with no tokens at all.
const std::vector<std::string> kOwnTexts = {
    "Russia's communications watchdog Roskomnadzor said on Monday it had slowed down YouTube "
    "and blocked WhatsApp. Officials didn't comment.",
    "The Interior Ministry ordered operators to cut off mobile internet in Manipur, according "
    "to a spokesman. It was restored two days later.",
    "\xE2\x80\x9CWe have not blocked Telegram,\xE2\x80\x9D Dmitry Peskov told reporters. The "
    "weather was mild.",
    "A Moscow court fined Google; the Supreme Court of Pakistan ordered X to be unblocked.",
    "Nothing happened here at all.",
    " ... ",
};

}  // namespace

TEST_CASE("phrase starts: the same hits as every token, sentences of my own", "[events]") {
  const ev::Pack& pack = scan_pack();
  std::size_t hits = 0;
  for (const std::string& text : kOwnTexts)
    for (const timeline::Sentence& s : timeline::segment(text))
      hits += check_starts(pack, text, s.begin, s.end);
  CHECK(hits > 10);
}

TEST_CASE("analyze into a reused SentenceInfo: the same as a fresh one, sentences of my own",
          "[events]") {
  const ev::Pack& pack = scan_pack();
  std::string all;
  for (const std::string& text : kOwnTexts) all += text + " ";
  // Each text as a document of its own, then all as one, through the same carried state.
  Carried carried;
  for (const std::string& text : kOwnTexts) check_reuse(pack, text, &carried);
  CHECK(check_reuse(pack, all, &carried) > 10);
}

TEST_CASE("Discourse::clear: what a new Discourse holds, after a document filled it",
          "[events]") {
  const ev::Pack& pack = scan_pack();
  std::string all;
  for (const std::string& text : kOwnTexts) all += text + " ";
  ev::Discourse d;
  ev::SentenceInfo si;
  std::size_t index = 0;
  for (const timeline::Sentence& s : timeline::segment(all)) {
    ev::analyze(pack, all, s, &d, &si);
    ev::draft_claims(pack, all, si, index++, &d);
  }
  // The text names services, actors and people, so each list and mark has been set.
  REQUIRE(!d.recent_targets.empty());
  REQUIRE(!d.last_by_kind.empty());
  REQUIRE(!d.people.empty());
  REQUIRE(d.has_person);
  d.clear();
  CHECK(d.last_targets.empty());
  CHECK(d.recent_targets.empty());
  CHECK(d.lead_targets.empty());
  CHECK(d.last_by_kind.empty());
  CHECK(d.people.empty());
  CHECK_FALSE(d.has_subject);
  CHECK_FALSE(d.has_person);
  CHECK_FALSE(d.has_speaker);
  const ev::Mention none;
  for (const ev::Mention* m : {&d.last_subject, &d.last_person, &d.last_speaker})
    CHECK(same_mention(*m, none));
}

TEST_CASE("phrase starts and reused SentenceInfo: every sentence of TempEval-3 silver and TBAQ",
          "[events]") {
  const std::string data = timeline::test::shared_dir() + "/data";
  TIMELINE_REQUIRE_DATA(data + "/te3-silver");
  TIMELINE_REQUIRE_DATA(data + "/tbaq");
  const ev::Pack& pack = scan_pack();
  std::size_t hits = 0, mentions = 0;
  Carried carried;  // from one document to the next, as the extractor's thread
  auto check = [&](const std::string& text) {
    for (const timeline::Sentence& s : timeline::segment(text))
      hits += check_starts(pack, text, s.begin, s.end);
    mentions += check_reuse(pack, text, &carried);
  };
  CHECK(each_document(data + "/te3-silver", check) > 2000);
  CHECK(each_document(data + "/tbaq", check) > 200);
  CHECK(hits > 10000);
  CHECK(mentions > 10000);
}
