// The hostile-input battery through `build` and `compare`, the commands that gather the claims of
// all inputs into one output folder: every hostile input goes into a batch between two good
// articles, and the batch must keep the promises of src/cli/cli.hpp (exit 0 or 1, never a crash,
// a hang or a sanitizer report; each failure one stderr line naming the hostile file and the
// place), and each good article's lane must be what the article gives alone.
//
// Beside the hostile articles go hostile claims files (calendar ends, spans out of range, wrong
// types, a cut record), which build and compare read as claims.
//
// A lane is what timeline.json or compare.json says about one document: its entry in
// "documents", and its claims (build: each event's "sources" of that document; compare: each
// event's "members"), by claim id; an event all of whose claims come from the document is
// compared whole but for its id ("e1", "e2", ... number the events of the whole run). No hostile
// input reports the good articles' events, so these stay the good article's own in a batch.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "robust_inputs.hpp"

namespace timeline::test {
namespace {

using nlohmann::json;

// Where each command lists the claims of an event.
const char* claims_key(const std::string& command) {
  return command == "build" ? "sources" : "members";
}

// The lane of document `id` in a timeline.json or compare.json (see the top of this file).
json lane_of(const json& output, const std::string& id, const std::string& command) {
  json lane = {{"document", nullptr}, {"claims", json::object()}, {"events", json::array()}};
  for (const json& d : output.at("documents"))
    if (d.at("id") == id) lane["document"] = d;
  for (json event : output.at("events")) {
    bool any = false, all = true;
    for (const json& claim : event.at(claims_key(command))) {
      if (claim.at("document") != id) {
        all = false;
        continue;
      }
      any = true;
      lane["claims"][claim.at("claim").get<std::string>()] = claim;
    }
    if (any && all) {
      event.erase("id");
      lane["events"].push_back(event);
    }
  }
  return lane;
}

// The claims file of a run, parsed; null (after a failed check) when it is not JSON.
json parse_claims(const Run& run) {
  json j = json::parse(run.claims, nullptr, false);
  CHECK_FALSE(j.is_discarded());
  return j.is_discarded() ? json() : j;
}

}  // namespace

TEST_CASE("hostile inputs in build and compare: the good articles' lanes come out as alone",
          "[robust]") {
  const auto& cmd = GENERATE(from_range(assembling_commands()));
  const std::string scratch = scratch_dir("assemble-" + cmd[0]);
  const std::vector<std::string> good = good_articles();
  std::vector<std::string> ids;
  std::vector<json> alone;
  for (const std::string& g : good) {
    const Run run = run_command(cmd, {g}, scratch);
    INFO(run.command << "\n" << run.err);
    REQUIRE(run.exit_code == 0);
    REQUIRE(run.err.empty());
    REQUIRE(lines_of(run.summary).size() == 1);
    const json out = parse_claims(run);
    REQUIRE(out.at("documents").size() == 1);
    ids.push_back(out.at("documents")[0].at("id").get<std::string>());
    alone.push_back(lane_of(out, ids.back(), cmd[0]));
    REQUIRE(!alone.back().at("claims").empty());  // the good articles have claims to compare
  }
  std::vector<std::string> inputs = hostile_inputs();
  for (const std::string& claims : hostile_claims_files()) inputs.push_back(claims);
  for (const std::string& hostile : inputs) {
    if (too_big_for(cmd[0], hostile)) continue;
    const Run batch = run_command(cmd, {good[0], hostile, good[1]}, scratch);
    INFO(batch.command << " -> exit " << batch.exit_code
                       << "\nstderr: " << batch.err.substr(0, 2000) << batch.summary);
    CHECK(batch.exit_code != 124);  // the time limit
    CHECK(check_error_lines(batch, hostile) <= (ends_with(hostile, ".jsonl") ? 3u : 1u));
    CHECK(lines_of(batch.summary).size() >= 1);
    const json out = parse_claims(batch);
    if (out.is_null()) continue;
    const json& documents = out.at("documents");
    REQUIRE(documents.size() >= 2);
    CHECK(documents.front().at("id") == ids[0]);  // documents in input order
    CHECK(documents.back().at("id") == ids[1]);
    for (std::size_t i = 0; i < good.size(); ++i) {
      const json lane = lane_of(out, ids[i], cmd[0]);
      INFO("lane of " << ids[i] << " in the batch: " << lane.dump().substr(0, 3000)
                      << "\nalone: " << alone[i].dump().substr(0, 3000));
      CHECK(lane == alone[i]);
    }
  }
}

}  // namespace timeline::test
