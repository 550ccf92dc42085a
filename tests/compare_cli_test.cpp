// `timeline compare` end to end: articles written for the tests (tests/data/compare/) through
// loader, tagger, extractor and comparison, checked against tests/data/compare/expected.json,
// whose outcomes were worked out by hand; and the command's usage errors.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "schema_util.hpp"
#include "test_util.hpp"

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string data_dir() { return timeline::test::source_dir() + "/tests/data/compare/"; }

// Runs the program with `args` (already quoted), stderr to a file; returns the exit status.
int run(const std::string& args, const std::string& out_dir) {
  fs::create_directories(out_dir);
  const std::string cmd =
      timeline::test::binary() + " " + args + " 2> " + out_dir + "/stderr.txt > /dev/null";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string scratch(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("timeline_compare_cli_" + name);
  fs::remove_all(p);
  return p.string();
}

const json* find_event(const json& events, const std::string& action, const std::string& target) {
  for (const json& e : events) {
    if (e.at("action") != action) continue;
    for (const json& t : e.at("targets"))
      if (t.at("name") == target) return &e;
  }
  return nullptr;
}

void check_case(const json& c, const json& out) {
  const json& want = c.at("event");
  const json* got = find_event(out.at("events"), want.at("action"), want.at("target"));
  REQUIRE(got != nullptr);
  CHECK(got->at("verdict") == want.at("verdict"));
  CHECK(got->at("documents") == want.at("documents"));
  json conflicts = json::array();
  for (const json& k : got->at("conflicts")) {
    json sides = json::array();
    for (const json& s : k.at("sides"))
      sides.push_back(json{{"value", s.at("value")}, {"documents", s.at("documents")}});
    conflicts.push_back(json{{"field", k.at("field")}, {"sides", sides}});
  }
  CHECK(conflicts == want.at("conflicts"));
  if (want.contains("more_precise")) {
    REQUIRE(got->contains("more_precise"));
    CHECK(got->at("more_precise").at("document") == want.at("more_precise"));
  }
  for (const json& e : out.at("events")) {
    if (&e == got) continue;
    INFO("another event: " << e.dump());
    CHECK(e.at("verdict") != "conflict");
  }
}

}  // namespace

TEST_CASE("timeline compare on pairs and triples of articles", "[compare]") {
  const json expected = json::parse(timeline::test::read_file(data_dir() + "expected.json"));
  int n = 0;
  for (const json& c : expected.at("cases")) {
    const std::string name = c.at("name");
    SECTION(name) {
      const std::string dir = scratch("case" + std::to_string(n));
      std::string args = "compare -o " + dir;
      for (const json& a : c.at("articles")) args += " " + data_dir() + a.get<std::string>();
      REQUIRE(run(args, dir) == 0);
      INFO(timeline::test::read_file(dir + "/stderr.txt"));
      CHECK(timeline::test::schema_violations("compare.schema.json", dir + "/compare.json") == "");
      CHECK(timeline::test::read_file(dir + "/compare.html").find("<!DOCTYPE html>") == 0);
      check_case(c, json::parse(timeline::test::read_file(dir + "/compare.json")));
      fs::remove_all(dir);
    }
    ++n;
  }
}

TEST_CASE("timeline compare reads `timeline extract` output like articles", "[compare]") {
  const std::string dir = scratch("claims");
  const std::string a = data_dir() + "status_capital.txt", b = data_dir() + "status_province.txt";
  REQUIRE(run("extract " + a + " -o " + dir + "/capital.jsonl", dir) == 0);
  REQUIRE(run("compare " + dir + "/capital.jsonl " + b + " -o " + dir + "/mixed", dir) == 0);
  REQUIRE(run("compare " + a + " " + b + " -o " + dir + "/articles", dir) == 0);
  json mixed = json::parse(timeline::test::read_file(dir + "/mixed/compare.json"));
  json articles = json::parse(timeline::test::read_file(dir + "/articles/compare.json"));
  // The same comparison, but for the source the claims were read from.
  for (json* j : {&mixed, &articles})
    for (json& d : j->at("documents")) d.erase("source");
  CHECK(mixed == articles);
  const json* e = find_event(mixed.at("events"), "throttle", "YouTube");
  REQUIRE(e != nullptr);
  CHECK(e->at("verdict") == "conflict");
  fs::remove_all(dir);
}

TEST_CASE("timeline compare usage errors", "[compare]") {
  const std::string dir = scratch("usage");
  const std::string article = data_dir() + "agree_coastal.txt";
  auto [args, status, message] = GENERATE_COPY(table<std::string, int, std::string>({
      {"compare " + article, 2, "timeline compare: no output folder (-o DIR)"},
      {"compare -o " + dir + "/x", 2, "timeline compare: no input"},
      {"compare --max-gap-days soon -o " + dir + "/x " + article, 2,
       "timeline: --max-gap-days takes a whole number from 0 to 3660, not 'soon'"},
      {"compare --colour -o " + dir + "/x " + article, 2,
       "timeline: unknown option '--colour' (see --help)"},
      {"compare -o " + dir + "/x " + dir + "/missing.txt " + article, 1, dir + "/missing.txt"},
  }));
  CHECK(run(args, dir) == status);
  const std::string err = timeline::test::read_file(dir + "/stderr.txt");
  CHECK(err.substr(0, message.size()) == message);
  fs::remove_all(dir);
}
