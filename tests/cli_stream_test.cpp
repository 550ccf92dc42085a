// JSON Lines in, JSON Lines out: the program as a filter over standard input, the way a map step
// of GNU parallel, Hadoop Streaming or Spark's RDD.pipe runs it. One output line per article, in
// input order; a broken line is reported in its place and the stream goes on; and a corpus split
// into chunks by GNU parallel and merged back gives exactly the output of one run.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace fs = std::filesystem;
using timeline::test::TempDir;

namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command line; returns its exit code (-1 when it did not exit normally).
int sh(const std::string& command) {
  const int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A JSON Lines batch written for this test: short reports with dates, one per line.
std::string make_batch(int n, int broken_line) {
  static const char* kMonths[] = {"January", "March", "May", "July", "September", "November"};
  std::string out;
  for (int i = 1; i <= n; ++i) {
    if (i == broken_line) {
      out += "{\"id\": \"broken\", \"text\": \"the closing quote is missing}\n";
      continue;
    }
    nlohmann::json j{{"id", "r" + std::to_string(i)},
                     {"published", "2025-12-0" + std::to_string(1 + i % 9)},
                     {"text", "Report " + std::to_string(i) + ". The regulator ordered providers to "
                                  "block the messaging service on " + std::to_string(1 + i % 27) +
                                  " " + kMonths[i % 6] + " 2025, two days after the protests. "
                                  "Access was restored last week, the operators said."}};
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("JSON Lines on standard input: one line out per article, in order", "[cli]") {
  const std::string command = GENERATE(as<std::string>{}, "load", "tag", "extract");
  const int jobs = GENERATE(1, 2);
  TempDir dir("timeline-stream");
  constexpr int kLines = 400, kBroken = 173;
  const fs::path in = dir.path / "in.jsonl", out = dir.path / "out.jsonl", err = dir.path / "err";
  std::ofstream(in, std::ios::binary) << make_batch(kLines, kBroken);

  const int rc = sh(shell_quote(timeline::test::binary()) + " " + command + " - --jobs " +
                    std::to_string(jobs) + " < " + shell_quote(in.string()) + " > " +
                    shell_quote(out.string()) + " 2> " + shell_quote(err.string()));
  INFO("timeline " << command << " --jobs " << jobs);
  CHECK(rc == 1);  // one article failed, the others came out

  // The broken line is named by its place in the stream, and is the only error.
  const std::vector<std::string> errors = lines_of(timeline::test::read_file(err.string()));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("-:" + std::to_string(kBroken) + ":", 0) == 0);

  const std::vector<std::string> got = lines_of(timeline::test::read_file(out.string()));
  REQUIRE(got.size() == kLines - 1);
  int expect = 1;
  for (const std::string& line : got) {
    if (expect == kBroken) ++expect;
    const nlohmann::json j = nlohmann::json::parse(line);
    REQUIRE(j.at("id") == "r" + std::to_string(expect));
    ++expect;
  }
}

TEST_CASE("GNU parallel over JSON Lines chunks gives the output of a single run", "[cli]") {
  if (sh("parallel --version > /dev/null 2>&1") != 0) {
    WARN("skipped: GNU parallel is not installed (.ci/install-deps installs it)");
    return;
  }
  TempDir dir("timeline-parallel");
  const std::string bin = shell_quote(timeline::test::binary());
  const fs::path corpus = dir.path / "corpus.jsonl";

  // The corpus: the silver articles as JSON Lines (through `timeline load`), or, without them,
  // the project's own examples many times over under distinct ids.
  const std::string silver = timeline::test::shared_dir() + "/data/te3-silver";
  if (timeline::test::exists(silver)) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(silver)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    files.resize(std::min<std::size_t>(files.size(), 300));
    std::string list;
    for (const std::string& f : files) list += " " + shell_quote(f);
    REQUIRE(sh(bin + " load" + list + " > " + shell_quote(corpus.string())) == 0);
  } else {
    WARN("the silver corpus is absent (" << silver << "): using the examples, duplicated");
    std::string examples;
    for (const auto& e : fs::directory_iterator(timeline::test::source_dir() + "/examples"))
      if (e.path().extension() == ".txt") examples += " " + shell_quote(e.path().string());
    REQUIRE(sh(bin + " load" + examples + " > " + shell_quote(corpus.string())) == 0);
    const std::vector<std::string> records = lines_of(timeline::test::read_file(corpus.string()));
    std::ofstream many(corpus, std::ios::binary);
    for (int copy = 0; copy < 60; ++copy)
      for (const std::string& r : records) {
        nlohmann::json j = nlohmann::json::parse(r);
        j["id"] = j.at("id").get<std::string>() + "~" + std::to_string(copy);
        many << j.dump() << "\n";
      }
  }
  const std::size_t records = lines_of(timeline::test::read_file(corpus.string())).size();
  REQUIRE(records >= 300);

  const std::string command = GENERATE(as<std::string>{}, "tag", "extract");
  INFO("timeline " << command);
  const fs::path single = dir.path / "single.jsonl", merged = dir.path / "merged.jsonl";
  REQUIRE(sh(bin + " " + command + " - < " + shell_quote(corpus.string()) + " > " +
             shell_quote(single.string())) == 0);
  // 40 articles per chunk, two chunks at a time, outputs kept in input order (-k).
  REQUIRE(sh("parallel --will-cite --pipe -k -N 40 -j 2 " + bin + " " + command + " - < " +
             shell_quote(corpus.string()) + " > " + shell_quote(merged.string())) == 0);
  const std::string a = timeline::test::read_file(single.string());
  const std::string b = timeline::test::read_file(merged.string());
  CHECK(lines_of(a).size() == records);
  CHECK(a == b);
}
