// Reading claims files: every good JSON Lines record comes out even when others are bad, and a
// byte offset that is not a whole number from 0 to 2^32 - 1 is refused with its place instead of
// being wrapped or converted with undefined behaviour.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/json.hpp>
#include <timeline/timeline.hpp>

namespace {

// A document with one claim, as `timeline extract` writes it, whose evidence starts at `begin`
// (JSON number text, put in as written).
std::string record(const std::string& id, const std::string& begin) {
  timeline::DocumentClaims d;
  d.id = id;
  timeline::Claim c;
  c.id = id + "-1";
  timeline::Evidence e;
  e.sentence = "X was blocked.";
  e.span = {0, 14};
  c.evidence.push_back(e);
  d.claims.push_back(c);
  std::string text = nlohmann::json(d).dump();
  const std::string mark = "\"begin\":0,\"end\":14";
  const std::size_t at = text.find(mark);
  REQUIRE(at != std::string::npos);
  return text.replace(at, mark.size(), "\"begin\":" + begin + ",\"end\":14");
}

}  // namespace

TEST_CASE("claims JSON Lines: bad records are reported, the others still come out", "[render]") {
  const std::string bytes = record("a", "0") + "\n" + record("b", "1e10") + "\n" +
                            record("c", "-3") + "\n" + record("d", "2.5") + "\n" +
                            record("e", "4294967295") + "\n";
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  const int bad = timeline::read_document_claims(
      bytes, "c.jsonl", [&](timeline::DocumentClaims&& d) { ids.push_back(d.id); },
      [&](timeline::Error&& e) { errors.push_back(e.str()); });
  CHECK(bad == 3);
  CHECK(ids == std::vector<std::string>{"a", "e"});
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].rfind("c.jsonl:2:1: ", 0) == 0);
  CHECK(errors[0].find("offset \"begin\" must be a whole number") != std::string::npos);
  CHECK(errors[1].rfind("c.jsonl:3:1: ", 0) == 0);
  CHECK(errors[2].rfind("c.jsonl:4:1: ", 0) == 0);

  // The one-error form stops at the first bad record, as it always has.
  timeline::Error first;
  ids.clear();
  CHECK_FALSE(timeline::read_document_claims(
      bytes, "c.jsonl", [&](timeline::DocumentClaims&& d) { ids.push_back(d.id); }, &first));
  CHECK(ids == std::vector<std::string>{"a"});
  CHECK(first.line == 2);
}
