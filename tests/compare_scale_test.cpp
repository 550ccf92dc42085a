// compare() at scale: the number of candidate checks grows with the number of claims, not with
// its square. Counted (CompareStats::pair_checks), not timed, so the test is stable on any machine.
#include <catch2/catch.hpp>

#include <cstdint>

#include <timeline/compare.hpp>

#include "compare_fixtures.hpp"

namespace {

using timeline::DocumentClaims;

// A deterministic stream of pseudo-random numbers (a linear congruential generator).
struct Lcg {
  std::uint64_t state;
  std::uint32_t next(std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33) % bound;
  }
};

// `articles` documents of `per_article` claims each, on 40 targets and 9 actions, dated by day
// over about three years, with a month-precision claim now and then.
std::vector<DocumentClaims> synthetic(int articles, int per_article) {
  Lcg rng{42};
  const timeline::Action actions[] = {
      timeline::Action::kBlock,   timeline::Action::kThrottle, timeline::Action::kRestrict,
      timeline::Action::kShutdown, timeline::Action::kRestore, timeline::Action::kOrder,
      timeline::Action::kPenalty, timeline::Action::kPromote, timeline::Action::kResponse};
  std::vector<DocumentClaims> docs;
  const boost::gregorian::date base(2023, 1, 1);
  for (int a = 0; a < articles; ++a) {
    std::vector<timeline::test::ClaimSpec> specs;
    for (int c = 0; c < per_article; ++c) {
      const auto day = base + boost::gregorian::days(rng.next(1100));
      std::string time = timeline::test::iso(day);
      if (rng.next(10) == 0) time = time.substr(0, 7);
      specs.push_back({actions[rng.next(9)], timeline::Status::kDone,
                       "service" + std::to_string(rng.next(40)), "", time, "", "s"});
    }
    docs.push_back(timeline::test::document("doc" + std::to_string(a), "2026-01-01", specs));
  }
  return docs;
}

}  // namespace

TEST_CASE("compare: candidate checks stay linear in the number of claims", "[compare]") {
  auto [articles, per_article] = GENERATE(table<int, int>({{250, 20}, {500, 20}, {1000, 20}}));
  const auto docs = synthetic(articles, per_article);
  const timeline::Comparison cmp = timeline::compare(docs);
  const std::size_t n = static_cast<std::size_t>(articles) * per_article;
  INFO(articles << " articles, " << n << " claims, " << cmp.stats.pair_checks << " checks");
  CHECK(cmp.stats.claims == n);
  CHECK(cmp.stats.keyed_entries == n);  // one target per claim
  // Each keyed entry is checked at most once against the open group of its key.
  CHECK(cmp.stats.pair_checks < cmp.stats.keyed_entries);
  // All pairs would be n(n-1)/2: 20 million for 1,000 articles of 20 claims.
  CHECK(cmp.stats.pair_checks * 1000 < n * (n - 1) / 2);
  std::size_t members = 0;
  for (const auto& e : cmp.events) members += e.members.size();
  CHECK(members == n);  // every claim is in exactly one event
}

TEST_CASE("compare: a thousand articles on one event make one event", "[compare]") {
  // The worst case for pairwise matching: every claim overlaps every other.
  std::vector<DocumentClaims> docs;
  for (int a = 0; a < 1000; ++a) {
    const std::string time = a % 4 == 0 ? "2025-08" : "2025-08-13";
    docs.push_back(timeline::test::document(
        "doc" + std::to_string(a), "2025-08-20",
        {{timeline::Action::kRestrict, timeline::Status::kDone, "Telegram|WhatsApp",
          "Roskomnadzor", time, "", "s"}}));
  }
  const timeline::Comparison cmp = timeline::compare(docs);
  REQUIRE(cmp.events.size() == 1);
  const auto& e = cmp.events[0];
  CHECK(e.documents.size() == 1000);
  CHECK(e.verdict == timeline::Verdict::kCorroborated);
  CHECK(e.when.timex3 == "2025-08-13");
  CHECK(cmp.stats.keyed_entries == 2000);  // two targets each
  CHECK(cmp.stats.pair_checks < 2000);
}
