// The extractor on the project's example articles, against the claims a person wrote down for
// each (tests/data/events/<name>.expected.json): precision, recall and per-field agreement,
// with a floor, and exact checks for the hard cases (passive voice, an actor named only in a
// previous sentence, several targets, a quote reporting someone else's claim, a denial).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include <timeline/extractor.hpp>
#include <timeline/json.hpp>
#include <timeline/tagger.hpp>

#include "events_util.hpp"
#include "schema_util.hpp"
#include "test_util.hpp"

namespace {

using nlohmann::json;
using timeline::Claim;
using timeline::test::Expected;

struct Tally {
  int expected = 0, got = 0, matched = 0;
  std::map<std::string, std::pair<int, int>> fields;  // field → (agree, compared)
};

}  // namespace

TEST_CASE("claims on the example articles match the hand-written expectations", "[events]") {
  namespace fs = std::filesystem;
  const std::string dir = timeline::test::source_dir() + "/tests/data/events";
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string f = e.path().filename().string();
    const std::string suffix = ".expected.json";
    if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(f.substr(0, f.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 5);

  const timeline::test::ClaimPipeline pipe;
  Tally total;
  std::vector<std::string> hard_failures;
  for (const std::string& name : names) {
    const std::string article = timeline::test::source_dir() + "/examples/" + name + ".txt";
    const timeline::DocumentClaims got = pipe.run(article);
    const std::vector<Expected> want =
        timeline::test::read_expected(dir + "/" + name + ".expected.json");
    REQUIRE(got.published == timeline::test::read_json(dir + "/" + name + ".expected.json")
                                 .at("published")
                                 .get<std::string>());
    const auto pairs = timeline::test::match_claims(want, got.claims);
    Tally t;
    t.expected = static_cast<int>(want.size());
    t.got = static_cast<int>(got.claims.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      const Expected& w = want[i];
      if (pairs[i] < 0) {
        if (!w.hard_case.empty())
          hard_failures.push_back(name + ": no claim for " + w.describe() + " [" + w.hard_case +
                                  "]");
        continue;
      }
      ++t.matched;
      const Claim& c = got.claims[pairs[i]];
      const auto agree = timeline::test::field_agreement(w, c);
      for (const auto& [field, ok] : agree) {
        auto& f = total.fields[field];
        f.first += ok ? 1 : 0;
        f.second += 1;
        if (!ok && !w.hard_case.empty() &&
            (field == "status" || field == "actor" || field == "targets"))
          hard_failures.push_back(name + ": " + field + " differs for " + w.describe() + " [" +
                                  w.hard_case + "], got " + timeline::test::describe(c));
      }
    }
    std::printf("events: %-32s expected %2d  extracted %2d  matched %2d\n", name.c_str(),
                t.expected, t.got, t.matched);
    total.expected += t.expected;
    total.got += t.got;
    total.matched += t.matched;
  }
  const double precision = total.got ? double(total.matched) / total.got : 0.0;
  const double recall = total.expected ? double(total.matched) / total.expected : 0.0;
  std::printf("events: claims precision %.3f (%d/%d)  recall %.3f (%d/%d)\n", precision,
              total.matched, total.got, recall, total.matched, total.expected);
  for (const auto& [field, f] : total.fields)
    std::printf("events:   %-12s agreement %.3f (%d/%d)\n", field.c_str(),
                f.second ? double(f.first) / f.second : 0.0, f.first, f.second);
  std::fflush(stdout);
  for (const std::string& h : hard_failures) UNSCOPED_INFO(h);
  CHECK(hard_failures.empty());
  // Floors: the level reached when these expectations were written, minus a margin.
  CHECK(recall >= 0.90);
  CHECK(precision >= 0.80);
  CHECK(double(total.fields["status"].first) / std::max(1, total.fields["status"].second) >= 0.9);
}

TEST_CASE("extract output validates against schemas/claims.schema.json", "[events]") {
  const std::string out = timeline::test::temp_path("claims_examples.jsonl");
  const std::string cmd = timeline::test::binary() + " extract " +
                          timeline::test::source_dir() + "/examples/*.txt -o " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string text = timeline::test::read_file(out);
  REQUIRE(std::count(text.begin(), text.end(), '\n') >= 5);
  CHECK(timeline::test::schema_violations("claims.schema.json", out) == "");
  std::remove(out.c_str());
}
