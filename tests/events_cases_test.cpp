// The claim extractor on short texts written for the hard cases: passive voice, an actor named
// only in a previous sentence, several targets, a quote that reports someone else's claim, a
// denial, negation, conditions, plans, "since", restatements; and the domain pack as data (load
// errors name file:line, a user's pack extends the built-in one).
#include <catch2/catch.hpp>

#include <string>
#include <tuple>

#include <timeline/extractor.hpp>

#include "events_util.hpp"

namespace {

std::string joined_targets(const timeline::Claim& c) {
  std::string out;
  for (const timeline::Entity& e : c.targets) {
    out += (out.empty() ? "" : "+") + e.name;
    if (!e.region.empty()) out += "@" + e.region;
  }
  return out;
}

}  // namespace

TEST_CASE("hard cases: one claim with the labels a reader gives it", "[events]") {
  static const timeline::test::ClaimPipeline pipe;
  // text, publication date, action, status, actor, targets, when (TIMEX3), claimed_by
  auto [text, published, action, status, actor, targets, when, claimed_by] =
      GENERATE(table<std::string, std::string, std::string, std::string, std::string,
                     std::string, std::string, std::string>({
          // passive voice with an agent; several targets
          {"Calls on Viber and Signal were restricted by Roskomnadzor in March.", "2025-06-10",
           "restrict", "done", "Roskomnadzor", "Viber+Signal", "2025-03", ""},
          // the actor named only in the sentence before ("It")
          {"Turkey's telecom regulator BTK met on Friday. It blocked Wikipedia on Saturday.",
           "2017-04-30", "block", "done", "BTK", "Wikipedia", "2017-04-29", ""},
          // several targets joined by commas and "and"
          {"Authorities in Ethiopia shut down Facebook, Telegram and TikTok on Thursday.",
           "2023-02-11", "block", "done", "authorities", "Facebook+Telegram+TikTok",
           "2023-02-09", ""},
          // a quote that reports someone else's claim
          {"A senior engineer told Reuters that the regulator had ordered operators to switch "
           "off mobile data in Tigray on Monday.",
           "2020-11-06", "order", "done", "regulator", "mobile internet@Tigray", "2020-11-02",
           "a senior engineer"},
          // a denial
          {"The ministry denied on Tuesday that it had slowed down Instagram.", "2024-05-09",
           "throttle", "denied", "ministry", "Instagram", "2024-05-07", "ministry"},
          // a negation under an attribution
          {"Officials insisted that the government had not blocked WhatsApp.", "2024-05-09",
           "block", "denied", "government", "WhatsApp", "2024-05-09", "officials"},
          // "since": ongoing, open interval
          {"X has been blocked in Venezuela since August, according to NetBlocks.", "2024-09-15",
           "block", "ongoing", "", "X", "2024-08", "NetBlocks"},
          // a condition: threatened
          {"The regulator warned that TikTok could be banned if it did not remove the videos.",
           "2024-03-01", "block", "threatened", "regulator", "TikTok", "2024-03-01", "regulator"},
          // a plan
          {"The ministry plans to restrict access to VPN services next month.", "2024-03-01",
           "restrict", "planned", "ministry", "VPN", "2024-04", ""},
          // a network with its region, restored
          {"Mobile internet was restored in Manipur on September 23.", "2023-09-24", "restore",
           "done", "", "mobile internet@Manipur", "2023-09-23", ""},
          // a restatement merges into one claim
          {"Russia blocked Signal on Friday. The ban on Signal was later confirmed by the "
           "communications watchdog.",
           "2024-08-12", "block", "done", "Russia", "Signal", "2024-08-09", "Roskomnadzor"},
      }));
  CAPTURE(text);
  const timeline::DocumentClaims d = pipe.run_text(text, published);
  for (const timeline::Claim& c : d.claims) UNSCOPED_INFO(timeline::test::describe(c));
  REQUIRE(d.claims.size() == 1);
  const timeline::Claim& c = d.claims[0];
  CHECK(timeline::action_name(c.action) == action);
  CHECK(timeline::status_name(c.status) == status);
  CHECK(c.actor.name == actor);
  CHECK(joined_targets(c) == targets);
  CHECK(c.when.timex3 == when);
  CHECK(c.claimed_by == claimed_by);
}

TEST_CASE("a merged restatement keeps every evidence sentence", "[events]") {
  static const timeline::test::ClaimPipeline pipe;
  const std::string text =
      "Russia blocked Signal on Friday. The ban on Signal was later confirmed by the "
      "communications watchdog.";
  const timeline::DocumentClaims d = pipe.run_text(text, "2024-08-12");
  REQUIRE(d.claims.size() == 1);
  REQUIRE(d.claims[0].evidence.size() == 2);
  CHECK(d.claims[0].evidence[0].sentence == "Russia blocked Signal on Friday.");
  CHECK(d.claims[0].evidence[1].span.begin == 33);
  CHECK(d.claims[0].certainty == timeline::Certainty::kConfirmed);
}

TEST_CASE("domain pack errors name the file and line", "[events]") {
  using Row = std::tuple<std::string, std::string, std::string>;
  auto [file, content, message] = GENERATE(table<std::string, std::string, std::string>({
      Row{"triggers.tsv", "# c\nblock\tverb\tblocked\nblok\tverb\tbanned\n",
          "rules/domains/censorship/triggers.tsv:3: unknown action 'blok'"},
      Row{"triggers.tsv", "block\tverbal\tblocked\n",
          "rules/domains/censorship/triggers.tsv:1: unknown form 'verbal' (verb or noun)"},
      Row{"triggers.tsv", "block\tverb\t* blocked\n",
          "rules/domains/censorship/triggers.tsv:1: pattern '* blocked' is empty or begins or "
          "ends with '*'"},
      Row{"cues.tsv", "say\tsaid\nsya\tsays\n",
          "rules/domains/censorship/cues.tsv:2: unknown cue 'sya'"},
      Row{"patterns.tsv", "actor\tcourt\t{name}\t(?P<name>[A-Z\n",
          "rules/domains/censorship/patterns.tsv:1: bad regular expression: missing ]: [A-Z"},
      Row{"patterns.tsv", "actor\tcourt\t{who}\t(?P<name>\\p{Lu}\\pL+) court\n",
          "rules/domains/censorship/patterns.tsv:1: template '{who}' names no group of the "
          "pattern"},
  }));
  timeline::DataFiles data = timeline::DataFiles::builtin();
  data.put("rules/domains/censorship/" + file, content);
  timeline::Error err;
  CHECK(timeline::Extractor::create(data, "censorship", &err) == nullptr);
  CHECK(err.str() == message);
}

TEST_CASE("a user's pack extends the built-in one without recompiling", "[events]") {
  timeline::DataFiles data = timeline::DataFiles::builtin();
  const std::string* targets = data.find("rules/domains/censorship/targets.tsv");
  REQUIRE(targets);
  timeline::Error err;
  auto tagger = timeline::Tagger::create(data, "en", &err);
  REQUIRE(tagger);
  timeline::Document doc;
  doc.id = "d";
  doc.published = "2024-01-10";
  doc.text = "The regulator blocked Zangi on Monday.";
  {
    auto plain = timeline::Extractor::create(data, "censorship", &err);
    REQUIRE(plain);
    CHECK(plain->extract(doc, tagger->tag(doc)).claims.empty());
  }
  data.put("rules/domains/censorship/targets.tsv", *targets + "Zangi\tmessaging\t\n");
  auto extended = timeline::Extractor::create(data, "censorship", &err);
  REQUIRE(extended);
  const auto claims = extended->extract(doc, tagger->tag(doc)).claims;
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].targets.at(0).name == "Zangi");
  CHECK(claims[0].when.timex3 == "2024-01-08");
}
