// timeline load: a batch with a malformed file in the middle still prints every other document;
// standard input is read by content.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "io_test_util.hpp"

using timeline::test::io_data;

namespace {

struct Run {
  int status = -1;
  std::vector<std::string> out, err;  // lines
};

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Runs `timeline <args>` through the shell, capturing both streams in temporary files.
Run run_timeline(const std::string& args) {
  const std::string base = "/tmp/timeline_io_cli_" + std::to_string(::getpid());
  const std::string command = "'" + timeline::test::binary() + "' " + args + " >" + base +
                              ".out 2>" + base + ".err";
  Run r;
  const int raw = std::system(command.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = lines_of(timeline::test::read_file(base + ".out"));
  r.err = lines_of(timeline::test::read_file(base + ".err"));
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

}  // namespace

TEST_CASE("timeline load reports a malformed file and prints every other document", "[cli]") {
  const Run r = run_timeline("load " + io_data("header.txt") + " " + io_data("no_header.txt") + " " +
                             io_data("bad_utf8.txt") + " " + io_data("dates/jsonld_object.html") +
                             " " + io_data("small.tml"));
  CHECK(r.status == 1);
  REQUIRE(r.err.size() == 1);
  CHECK(r.err[0] == io_data("bad_utf8.txt") +
                        ":3:25: invalid UTF-8 (byte 0xC3); convert the file to UTF-8");
  REQUIRE(r.out.size() == 4);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"throttle-story", "txt"}, {"no_header", "txt"}, {"jsonld_object", "html"},
      {"io-small-1", "tml"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto j = nlohmann::json::parse(r.out[i]);
    CHECK(j.at("id") == expected[i].first);
    CHECK(j.at("format") == expected[i].second);
  }
  const auto html = nlohmann::json::parse(r.out[2]);
  CHECK(html.at("published") == "2025-06-03");
  CHECK(html.at("text") == "Mobile internet was cut in two provinces.\n");
  CHECK(html.at("text_to_source").is_array());
}

TEST_CASE("timeline load reads JSON Lines and HTML from standard input", "[cli]") {
  const Run jsonl = run_timeline("load --published 2026-01-15 - < '" + io_data("articles.jsonl") + "'");
  CHECK(jsonl.status == 1);  // line 2 is broken
  REQUIRE(jsonl.err.size() == 1);
  CHECK(jsonl.err[0].rfind("-:2:26: invalid JSON: ", 0) == 0);
  REQUIRE(jsonl.out.size() == 3);
  for (const std::string& line : jsonl.out)
    CHECK(nlohmann::json::parse(line).at("published") == "2026-01-15");
  CHECK(nlohmann::json::parse(jsonl.out[2]).at("id") == "stdin-5");

  const Run html = run_timeline("load - < '" + io_data("article.html") + "'");
  CHECK(html.status == 0);
  CHECK(html.err.empty());
  REQUIRE(html.out.size() == 1);
  const auto j = nlohmann::json::parse(html.out[0]);
  CHECK(j.at("format") == "html");
  CHECK(j.at("published") == "2024-08-09");
}

TEST_CASE("timeline load: usage errors", "[cli]") {
  CHECK(run_timeline("load").status == 2);
  CHECK(run_timeline("load --published 2025-02-30 x.txt").status == 2);
  const Run help = run_timeline("load --help");
  CHECK(help.status == 0);
  REQUIRE_FALSE(help.out.empty());
  CHECK(help.out[0] == "usage: timeline load [options] FILE...");
}
