// The extractor on news that is not about censorship (TimeBank, ../shared/data/tbaq/timebank):
// wars, elections and markets should yield almost no censorship claims. A guard on precision
// where no claim is expected. Skips when the corpus is absent.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "events_util.hpp"
#include "test_util.hpp"

TEST_CASE("general news yields almost no censorship claims", "[events]") {
  namespace fs = std::filesystem;
  const std::string dir = timeline::test::shared_dir() + "/data/tbaq/timebank";
  TIMELINE_REQUIRE_DATA(dir);
  const timeline::test::ClaimPipeline pipe;
  int docs = 0, claims = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".tml") continue;
    ++docs;
    const timeline::DocumentClaims d = pipe.run(e.path().string());
    claims += static_cast<int>(d.claims.size());
    for (const timeline::Claim& c : d.claims) UNSCOPED_INFO(d.id << ": " << timeline::test::describe(c));
  }
  std::printf("events: %d claims on %d TimeBank documents about other subjects\n", claims, docs);
  REQUIRE(docs > 100);
  CHECK(claims <= docs / 20);
}
