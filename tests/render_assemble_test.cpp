// Timeline assembly on hand-written claims JSON (tests/data/render/): two outlets on Russia's
// moves against messengers (JSON Lines) and one article on Bangladesh's 2024 shutdown (one JSON
// object). The expected order was worked out by hand from the claims' intervals.
#include <catch2/catch.hpp>

#include <timeline/timeline.hpp>

#include "test_util.hpp"

namespace {

std::vector<timeline::DocumentClaims> load(const std::vector<std::string>& files) {
  std::vector<timeline::DocumentClaims> docs;
  for (const std::string& f : files) {
    const std::string path = timeline::test::source_dir() + "/tests/data/render/" + f;
    timeline::Error e;
    const bool ok = timeline::read_document_claims(
        timeline::test::read_file(path), f,
        [&](timeline::DocumentClaims&& d) { docs.push_back(std::move(d)); }, &e);
    INFO(e.str());
    REQUIRE(ok);
  }
  return docs;
}

}  // namespace

TEST_CASE("assemble orders the claims of all documents by time", "[render]") {
  const auto docs = load({"russia_two_outlets.jsonl", "dhaka_shutdown.claims.json"});
  REQUIRE(docs.size() == 3);
  const timeline::Timeline t = timeline::assemble(docs);

  REQUIRE(t.documents.size() == 3);
  CHECK(t.documents[0].id == "moscow_messengers");
  CHECK(t.documents[0].claims == 6);
  CHECK(t.documents[1].claims == 4);
  CHECK(t.documents[2].claims == 3);

  // 13 claims; the August 2025 restriction is told by both outlets: 12 events.
  REQUIRE(t.events.size() == 12);
  CHECK(t.placed == 11);
  // (first source's claim id, number of sources), in the order a reader expects.
  const std::vector<std::pair<std::string, std::size_t>> expected = {
      {"dhaka_shutdown#1", 1},     // 18-23 July 2024, shutdown
      {"dhaka_shutdown#3", 1},     // week of 22 July 2024, denied shutdown
      {"dhaka_shutdown#2", 1},     // 23 July 2024, restore
      {"moscow_messengers#2", 2},  // August 2025, restrict calls (also telegram_limits#1)
      {"moscow_messengers#3", 1},  // since January 2026, throttle
      {"telegram_limits#2", 1},    // 11 February 2026, penalty
      {"moscow_messengers#1", 1},  // 12 February: block by Roskomnadzor (first given)
      {"telegram_limits#4", 1},    // 12 February: block, no actor named (another event)
      {"moscow_messengers#4", 1},  // 12 February: promote
      {"moscow_messengers#5", 1},  // 12 February: response
      {"telegram_limits#3", 1},    // 13 February: planned restriction
      {"moscow_messengers#6", 1},  // no time: listed last, not dropped
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(t.events[i].id == "e" + std::to_string(i + 1));
    CHECK(t.events[i].sources.front().claim.id == expected[i].first);
    CHECK(t.events[i].sources.size() == expected[i].second);
    CHECK(t.events[i].placed == (i < 11));
  }
  // The merged event keeps both documents, in input order, and fills the source it lacked.
  const timeline::Event& restrict = t.events[3];
  CHECK(restrict.sources[1].document == 1);
  CHECK(restrict.sources[1].claim.id == "telegram_limits#1");
  CHECK(restrict.claim.claimed_by == "Roskomnadzor");
  // "since January" runs to the publication date of the article that says it.
  CHECK(t.events[4].open_until == "2026-02-12");
  CHECK(t.events[3].open_until.empty());
}

TEST_CASE("assemble counts a document given twice once", "[render]") {
  auto docs = load({"dhaka_shutdown.claims.json", "dhaka_shutdown.claims.json"});
  const timeline::Timeline t = timeline::assemble(docs);
  CHECK(t.documents.size() == 1);
  CHECK(t.documents[0].claims == 3);
  REQUIRE(t.events.size() == 3);
  for (const timeline::Event& e : t.events) CHECK(e.sources.size() == 1);
}

TEST_CASE("assemble keeps claims apart that differ in status or time", "[render]") {
  auto docs = load({"dhaka_shutdown.claims.json"});
  timeline::DocumentClaims other = docs[0];
  other.id = "other_outlet";
  other.claims.resize(1);  // the July 18-23 shutdown
  other.claims[0].id = "other_outlet#1";
  timeline::DocumentClaims denied = other;
  denied.id = "denying_outlet";
  denied.claims[0].id = "denying_outlet#1";
  denied.claims[0].status = timeline::Status::kDenied;
  timeline::DocumentClaims later = other;
  later.id = "later_outlet";
  later.claims[0].id = "later_outlet#1";
  later.claims[0].when.start = "2024-07-19";
  docs.push_back(other);
  docs.push_back(denied);
  docs.push_back(later);
  const timeline::Timeline t = timeline::assemble(docs);
  // 3 events of the article + the denial + the shifted date; the identical one merged.
  REQUIRE(t.events.size() == 5);
  CHECK(t.events[0].sources.size() == 2);
  CHECK(t.events[0].sources[1].claim.id == "other_outlet#1");
}

TEST_CASE("assemble of nothing is an empty timeline", "[render]") {
  const timeline::Timeline t = timeline::assemble({});
  CHECK(t.documents.empty());
  CHECK(t.events.empty());
  CHECK(t.placed == 0);
}

TEST_CASE("read_document_claims reports the bad line of JSON Lines", "[render]") {
  const std::string good = timeline::test::read_file(timeline::test::source_dir() +
                                                     "/tests/data/render/russia_two_outlets.jsonl");
  const std::string first_line = good.substr(0, good.find('\n') + 1);
  int delivered = 0;
  timeline::Error e;
  SECTION("broken JSON on line 2") {
    const bool ok = timeline::read_document_claims(first_line + "{\"id\": \"x\", \n", "in.jsonl",
                                                   [&](auto&&) { ++delivered; }, &e);
    CHECK_FALSE(ok);
    CHECK(delivered == 1);
    CHECK(e.file == "in.jsonl");
    CHECK(e.line == 2);
  }
  SECTION("an unknown action label on line 3") {
    std::string bad = first_line;
    const auto at = bad.find("\"action\": \"block\"");
    REQUIRE(at != std::string::npos);
    bad.replace(at, 17, "\"action\": \"blok\"");
    const bool ok = timeline::read_document_claims(first_line + "\n" + bad, "in.jsonl",
                                                   [&](auto&&) { ++delivered; }, &e);
    CHECK_FALSE(ok);
    CHECK(delivered == 1);
    CHECK(e.line == 3);
    CHECK(e.message.find("unknown action 'blok'") != std::string::npos);
  }
}

TEST_CASE("looks_like_claims_json tells claims from articles", "[render]") {
  auto [bytes, expected] = GENERATE(table<std::string, bool>({
      {R"({"id": "a", "claims": []})", true},
      {"{\"id\": \"a\", \"claims\": []}\n{\"id\": \"b\", \"claims\": []}\n", true},
      {R"([{"id": "a", "claims": []}])", true},
      {"  \n{\"id\": \"a\", \"text\": \"Telegram was blocked.\"}\n", false},
      {"[]", false},
      {"<html></html>", false},
      {"", false},
      {R"({"id": "a", "claims": "none"})", false},
  }));
  CAPTURE(bytes);
  CHECK(timeline::looks_like_claims_json(bytes) == expected);
}
