// The extractor on the seed article (../shared/seed/, third-party text, read in place): the six
// claims the project started from, with their times and sources. Skips when the seed is absent.
#include <catch2/catch.hpp>

#include <string>

#include <timeline/json.hpp>
#include <timeline/text.hpp>

#include "events_util.hpp"
#include "test_util.hpp"

namespace {

using timeline::Claim;

// The first claim with this action whose targets include `target`, or nullptr.
const Claim* find(const timeline::DocumentClaims& d, const char* action, const char* target,
                  const char* status = nullptr) {
  for (const Claim& c : d.claims) {
    if (std::string(timeline::action_name(c.action)) != action) continue;
    if (status && std::string(timeline::status_name(c.status)) != status) continue;
    for (const timeline::Entity& e : c.targets)
      if (e.name == target) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("seed article: the claims it was written to show", "[events]") {
  const std::string seed = timeline::test::shared_dir() + "/seed/000_bf60ad6337aa9cfd.txt";
  TIMELINE_REQUIRE_DATA(seed);
  const timeline::test::ClaimPipeline pipe;
  // The file has no header; it was published on Thursday 2026-02-12.
  const timeline::DocumentClaims d = pipe.run(seed, "2026-02-12");
  for (const Claim& c : d.claims) INFO(timeline::test::describe(c));

  SECTION("calls on Telegram and WhatsApp restricted by Roskomnadzor in August 2025") {
    const Claim* c = find(d, "restrict", "WhatsApp", "done");
    REQUIRE(c);
    CHECK(c->actor.name == "Roskomnadzor");
    CHECK(c->when.timex3 == "2025-08");
    CHECK(c->when.start == "2025-08-01");
    CHECK(c->when.end == "2025-09-01");
    bool telegram = false;
    for (const auto& e : c->targets) telegram = telegram || e.name == "Telegram";
    CHECK(telegram);
  }
  SECTION("Telegram throttled since January 2026, ongoing, reported by users") {
    const Claim* c = find(d, "throttle", "Telegram");
    REQUIRE(c);
    CHECK(timeline::status_name(c->status) == std::string("ongoing"));
    CHECK(timeline::certainty_name(c->certainty) == std::string("reported"));
    CHECK(c->claimed_by == "users");
    CHECK(c->when.start == "2026-01-01");
    CHECK(c->when.end.empty());
    CHECK(c->when.edtf == "2026-01/..");
  }
  SECTION("WhatsApp blocked, confirmed by the Kremlin on 2026-02-12") {
    const Claim* c = find(d, "block", "WhatsApp", "done");
    REQUIRE(c);
    CHECK(c->when.timex3 == "2026-02-12");
    CHECK(c->claimed_by == "Kremlin");
    CHECK(timeline::certainty_name(c->certainty) == std::string("confirmed"));
  }
  SECTION("the Kremlin promotes Max as the alternative") {
    const Claim* c = find(d, "promote", "Max");
    REQUIRE(c);
    CHECK(c->actor.name == "Kremlin");
    CHECK(c->reported_by == "Ria Novosti");
  }
  SECTION("Roskomnadzor accuses Telegram on 2026-02-11") {
    const Claim* c = nullptr;
    for (const Claim& x : d.claims)
      if (x.action == timeline::Action::kPenalty && x.when.timex3 == "2026-02-11") c = &x;
    REQUIRE(c);
    CHECK(c->actor.name == "Roskomnadzor");
    REQUIRE(c->targets.size() == 1);
    CHECK(c->targets[0].name == "Telegram");
  }
  SECTION("Roskomnadzor announces further restrictions of Telegram") {
    const Claim* c = find(d, "restrict", "Telegram", "planned");
    REQUIRE(c);
    CHECK(c->actor.name == "Roskomnadzor");
    CHECK(c->reported_by == "RBC");
    CHECK(c->when.basis == "statement");
    CHECK(c->when.timex3 == "2026-02-12");
  }
  SECTION("every evidence span points at its sentence in the text") {
    const std::string text = timeline::test::read_file(seed);
    for (const Claim& c : d.claims) {
      for (const timeline::Evidence& e : c.evidence) {
        REQUIRE(e.span.end <= text.size());
        CHECK(text.substr(e.span.begin, e.span.end - e.span.begin) == e.sentence);
      }
    }
  }
}

TEST_CASE("seed article: the same claims when the caller gives the sentences", "[events]") {
  const std::string seed = timeline::test::shared_dir() + "/seed/000_bf60ad6337aa9cfd.txt";
  TIMELINE_REQUIRE_DATA(seed);
  const timeline::DataFiles data = timeline::DataFiles::builtin();
  timeline::Error err;
  const auto tagger = timeline::Tagger::create(data, "en", &err);
  const auto extractor = timeline::Extractor::create(data, "censorship", &err);
  REQUIRE(tagger);
  REQUIRE(extractor);
  timeline::LoadOptions opt;
  opt.published = "2026-02-12";
  std::vector<timeline::Document> docs;
  timeline::load_path(seed, opt, [&](timeline::LoadItem&& item) {
    if (item.document) docs.push_back(std::move(*item.document));
  });
  REQUIRE(docs.size() == 1);
  const timeline::Document& doc = docs[0];
  const std::vector<timeline::Sentence> sentences = timeline::segment(doc.text);
  const std::vector<timeline::Timex> timexes = tagger->tag(doc.text, doc.published, sentences);
  const timeline::DocumentClaims split_here = extractor->extract(doc, timexes);
  const timeline::DocumentClaims given = extractor->extract(doc, timexes, sentences);
  CHECK(split_here.claims.size() >= 6);  // the six the article was written to show, at least
  CHECK(timeline::dump_json(given) == timeline::dump_json(split_here));
}
