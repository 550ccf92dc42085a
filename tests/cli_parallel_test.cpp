// The batch driver (src/cli/batch.cpp): results come out in input order whatever the number of
// threads and however long each document takes; failures take their place in the order; the
// window of documents in flight stays small; the program's output is byte-identical for
// --jobs 1 and --jobs 2; and tag and extract, which end the process once their output is flushed
// (finish_run), write every line in order from a file and from standard input.
//
// run_batch belongs to the program, not to the library, so its source is compiled into this test
// directly to drive it with a work function whose timing the test controls.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/batch.cpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using timeline::Document;
using timeline::Error;
using timeline::LoadOptions;
using timeline::cli::BatchItem;
using timeline::cli::Options;
using timeline::test::TempDir;

namespace {

void write(const fs::path& p, const std::string& content) {
  std::ofstream out(p, std::ios::binary);
  out << content;
}

// Runs `command` through the shell; returns its standard output and sets *status to its exit code.
std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int rc = ::pclose(pipe);
  *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

std::string shell_quote(const std::string& s) { return "'" + s + "'"; }

// An unbuffered stream target that appends each complete line to a log as "ERR <line>".
struct LineLog : std::streambuf {
  LineLog(std::string* log, std::atomic<int>* lines) : log(log), lines(lines) {}
  int overflow(int c) override {
    if (c == traits_type::eof()) return 0;
    line += static_cast<char>(c);
    if (c == '\n') {
      *log += "ERR " + line;
      line.clear();
      ++*lines;
    }
    return c;
  }
  std::string* log;
  std::atomic<int>* lines;
  std::string line;
};

}  // namespace

TEST_CASE("run_batch emits in input order, with failures in place, for any number of jobs", "[cli]") {
  const int jobs = GENERATE(1, 2, 3, 8);
  TempDir dir("timeline-batch-order");
  constexpr int kDocs = 120;
  Options opt;
  opt.jobs = jobs;
  std::string expected;
  for (int i = 0; i < kDocs; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "doc%03d", i);
    const fs::path p = dir.path / (std::string(name) + ".txt");
    write(p, "Article number " + std::to_string(i) + " of the batch.\n");
    opt.inputs.push_back(p.string());
    if (i % 7 == 3) expected += "ERR " + p.string() + ": refused by the test\n";
    else if (i == 77) expected += "ERR " + p.string() + ": internal error: thrown by the test\n";
    else expected += "OK " + std::string(name) + "\n";
    if (i == 50) {
      // A missing file: a loading error, reported in its place; the batch goes on.
      opt.inputs.push_back((dir.path / "missing.txt").string());
      expected += "ERR " + (dir.path / "missing.txt").string() + "\n";
    }
  }

  // Emitted results and error lines, in the order they came out (both on the calling thread).
  std::string log;
  std::atomic<int> running{0}, max_running{0}, started{0}, finished{0}, max_ahead{0};
  auto raise = [](std::atomic<int>& max, int value) {
    for (int seen = max.load(); value > seen && !max.compare_exchange_weak(seen, value);) {
    }
  };
  auto work = [&](const Document& d, std::string* result, Error* error) {
    raise(max_running, ++running);
    raise(max_ahead, ++started - finished.load());
    const int i = std::stoi(d.id.substr(3));
    // Uneven durations, so that later documents often finish before earlier ones.
    std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 150));
    --running;
    if (i % 7 == 3) {
      error->message = "refused by the test";
      return false;
    }
    if (i == 77) throw std::runtime_error("thrown by the test");
    *result = "OK " + d.id;
    return true;
  };
  LineLog errbuf(&log, &finished);
  std::ostream err(&errbuf);
  auto emit = [&](BatchItem&& item) {
    ++finished;
    log += item.result + "\n";
  };

  const int failures = timeline::cli::run_batch(opt, LoadOptions{}, work, emit, err);

  // The missing file's message is the loader's own; keep only its file name for the comparison.
  std::string got = log;
  const std::string missing = "ERR " + (dir.path / "missing.txt").string();
  const auto at = got.find(missing);
  REQUIRE(at != std::string::npos);
  got.erase(at + missing.size(), got.find('\n', at) - at - missing.size());
  CHECK(got == expected);
  CHECK(failures == 1 + 1 + (kDocs + 3) / 7);  // missing file, the throw, every i % 7 == 3
  CHECK(max_running.load() <= jobs);
  if (jobs > 1) CHECK(max_running.load() > 1);
  // Streaming: no more documents are in flight than the window holds (64 a job; see
  // cli_pool_test.cpp for a batch longer than the window).
  CHECK(max_ahead.load() < 64 * jobs);
}

TEST_CASE("the program's output is byte-identical for --jobs 1 and --jobs 2", "[cli]") {
  // The project's examples, several times over, plus the silver corpus's first articles when present.
  std::string files;
  for (int copy = 0; copy < 3; ++copy)
    for (const auto& e : fs::directory_iterator(timeline::test::source_dir() + "/examples"))
      if (e.path().extension() == ".txt") files += " " + shell_quote(e.path().string());
  const std::string silver = timeline::test::shared_dir() + "/data/te3-silver";
  if (timeline::test::exists(silver)) {
    std::vector<std::string> tml;
    for (const auto& e : fs::directory_iterator(silver)) tml.push_back(e.path().string());
    std::sort(tml.begin(), tml.end());
    for (std::size_t i = 0; i < tml.size() && i < 200; ++i) files += " " + shell_quote(tml[i]);
  } else {
    WARN("the silver corpus is absent: only the examples are used (" << silver << ")");
  }
  REQUIRE(!files.empty());
  const std::string command = GENERATE(as<std::string>{}, "load", "tag", "extract");
  int rc1 = 0, rc2 = 0;
  const std::string base = shell_quote(timeline::test::binary()) + " " + command + files;
  const std::string one = run(base + " --jobs 1 2>/dev/null", &rc1);
  const std::string two = run(base + " --jobs 2 2>/dev/null", &rc2);
  INFO("timeline " << command);
  REQUIRE(rc1 == 0);
  CHECK(rc2 == rc1);
  CHECK(!one.empty());
  CHECK(one == two);
}

TEST_CASE("run_batch with a setup step: no document is worked before setup returns", "[cli]") {
  const int jobs = GENERATE(1, 2, 3);
  TempDir dir("timeline-batch-setup");
  Options opt;
  opt.jobs = jobs;
  std::string expected;
  for (int i = 0; i < 40; ++i) {
    const fs::path p = dir.path / ("doc" + std::to_string(100 + i) + ".txt");
    write(p, "Setup article " + std::to_string(i) + ".\n");
    opt.inputs.push_back(p.string());
    expected += "OK doc" + std::to_string(100 + i) + "\n";
  }
  std::atomic<bool> ready{false};
  std::atomic<int> early{0};
  auto setup = [&] {
    // Long enough for the reading and parsing to get ahead of it.
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    ready = true;
    return true;
  };
  auto work = [&](const Document& d, std::string* result, Error*) {
    if (!ready) ++early;
    *result = "OK " + d.id;
    return true;
  };
  std::string log;
  std::atomic<int> lines{0};
  LineLog errbuf(&log, &lines);
  std::ostream err(&errbuf);
  auto emit = [&](BatchItem&& item) { log += item.result + "\n"; };
  CHECK(timeline::cli::run_batch(opt, LoadOptions{}, setup, work, emit, err) == 0);
  CHECK(early.load() == 0);
  CHECK(log == expected);
}

TEST_CASE("run_batch with a setup step that fails: nothing is worked or emitted", "[cli]") {
  const int jobs = GENERATE(1, 2, 3);
  // More documents than the start-up window holds, so that reading waits for the setup.
  const int docs = GENERATE(3, 5000);
  TempDir dir("timeline-batch-setup-fails");
  const fs::path p = dir.path / "many.jsonl";
  {
    std::ofstream out(p, std::ios::binary);
    for (int i = 0; i < docs; ++i) out << "{\"id\":\"d" << i << "\",\"text\":\"Article.\"}\n";
  }
  Options opt;
  opt.jobs = jobs;
  opt.inputs = {p.string()};
  std::atomic<int> worked{0}, emitted{0};
  auto work = [&](const Document&, std::string*, Error*) {
    ++worked;
    return true;
  };
  auto emit = [&](BatchItem&&) { ++emitted; };
  std::string log;
  std::atomic<int> lines{0};
  LineLog errbuf(&log, &lines);
  std::ostream err(&errbuf);
  CAPTURE(jobs, docs);
  auto refuse = [] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return false;
  };
  CHECK(timeline::cli::run_batch(opt, LoadOptions{}, refuse, work, emit, err) == -1);
  CHECK(worked.load() == 0);
  CHECK(emitted.load() == 0);
  CHECK(log.empty());
  // An exception from setup leaves run_batch.
  auto throws = []() -> bool { throw std::runtime_error("setup broke"); };
  CHECK_THROWS_WITH(timeline::cli::run_batch(opt, LoadOptions{}, throws, work, emit, err),
                    "setup broke");
  CHECK(worked.load() == 0);
  CHECK(emitted.load() == 0);
}

TEST_CASE("tag and extract write every line in order, from a file and from standard input",
          "[cli]") {
  // 400 short articles in my own words (about 150 KB of tag output: several blocks), one line
  // that is not JSON among them.
  TempDir dir("cli_writer");
  const fs::path input = dir.path / "articles.jsonl";
  const int count = 400, broken = 257;
  {
    std::ofstream f(input, std::ios::binary);
    for (int i = 0; i < count; ++i) {
      if (i == broken) {
        f << "{\"id\": \"a" << i << "\", \"text\": \"cut off\n";
        continue;
      }
      f << "{\"id\": \"a" << i << "\", \"published\": \"2024-03-0" << 1 + i % 9
        << "\", \"text\": \"On Monday the regulator ordered providers to block the site of paper "
        << i << ". Access came back on 12 March 2024, two weeks later, and the ban ended in "
        << "the spring.\"}\n";
    }
  }
  const std::string command = GENERATE(as<std::string>{}, "tag", "extract");
  const std::string bin = shell_quote(timeline::test::binary()) + " " + command;
  const std::string err_file = (dir.path / "err.txt").string();
  int rc_file = 0, rc_stdin = 0;
  const std::string from_file =
      run(bin + " --jobs 2 " + shell_quote(input.string()) + " 2>" + shell_quote(err_file), &rc_file);
  const std::string errors = timeline::test::read_file(err_file);
  const std::string from_stdin =
      run(bin + " --jobs 2 - < " + shell_quote(input.string()) + " 2>/dev/null", &rc_stdin);
  INFO("timeline " << command);
  CHECK(rc_file == 1);  // one line failed
  CHECK(rc_stdin == 1);
  // The same lines either way (extract's name the input they came from: "source").
  if (command == "tag") CHECK(from_file == from_stdin);
  CHECK(std::count(from_file.begin(), from_file.end(), '\n') ==
        std::count(from_stdin.begin(), from_stdin.end(), '\n'));
  // The broken line is reported in its place: "<file>:258: ...".
  CHECK(errors.rfind(input.string() + ":" + std::to_string(broken + 1) + ":", 0) == 0);
  CHECK(std::count(errors.begin(), errors.end(), '\n') == 1);
  // Every other article once, in input order, each line a whole JSON object.
  std::istringstream lines(from_file);
  std::string line;
  int next = 0;
  while (std::getline(lines, line)) {
    if (next == broken) ++next;
    const nlohmann::json j = nlohmann::json::parse(line);
    REQUIRE(j.at("id").get<std::string>() == "a" + std::to_string(next));
    ++next;
  }
  CHECK(next == count);
  if (command == "tag") CHECK(from_file.size() > (128u << 10));
}
