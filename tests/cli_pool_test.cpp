// The batch driver's pool (src/cli/batch.cpp) under uneven work: with --jobs N the calling
// thread is one of the N (it works documents when the window is full instead of sleeping, and
// no more than N threads ever work); the output keeps the input order when slow documents sit
// among many fast ones, at the head of the window or anywhere in it; records that fail to load
// or to work keep their place, also among the documents read ahead while a setup step runs,
// past the start-up window.
//
// run_batch is compiled into the test program by cli_parallel_test.cpp (which includes
// batch.cpp); this file only calls it.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using timeline::Document;
using timeline::Error;
using timeline::LoadOptions;
using timeline::cli::BatchItem;
using timeline::cli::Options;

namespace {

// What each record of a test batch is.
enum class Kind { kFast, kSlow, kStuck, kRefused, kThrows, kBroken };

// Writes one record per kind (line i + 1 holds record i, id "d<i>") and returns, line by line,
// what the batch must put out: "OK d<i>" for a worked document, "ERR <path>:<line>: <message>"
// for a refused or throwing one, and "ERR <path>:<line>:" (the start of the loader's own
// message) for a record that is not JSON.
// Each record's text is `padding` bytes longer than that.
std::vector<std::string> write_batch(const fs::path& path, const std::vector<Kind>& kinds,
                                     std::size_t padding) {
  std::ofstream out(path, std::ios::binary);
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const std::string id = "d" + std::to_string(i);
    const std::string where = path.string() + ":" + std::to_string(i + 1) + ":";
    if (kinds[i] == Kind::kBroken) {
      out << "{\"id\":\"" << id << "\",\"text\":\"cut short\n";
      expected.push_back("ERR " + where);
      continue;
    }
    out << "{\"id\":\"" << id << "\",\"text\":\"Record " << i << " of the batch."
        << std::string(padding, ' ') << "\"}\n";
    if (kinds[i] == Kind::kRefused) expected.push_back("ERR " + where + " refused by the test");
    else if (kinds[i] == Kind::kThrows)
      expected.push_back("ERR " + where + " internal error: thrown by the test");
    else expected.push_back("OK " + id);
  }
  return expected;
}

// A stream target that keeps each complete line it is given as "ERR <line>".
struct ErrLines : std::streambuf {
  ErrLines(std::vector<std::string>* lines, std::atomic<int>* count) : lines(lines), count(count) {}
  int overflow(int c) override {
    if (c == traits_type::eof()) return 0;
    if (c == '\n') {
      lines->push_back("ERR " + line);
      ++*count;
      line.clear();
    } else {
      line += static_cast<char>(c);
    }
    return c;
  }
  std::vector<std::string>* lines;
  std::atomic<int>* count;
  std::string line;
};

struct Outcome {
  std::set<std::thread::id> threads;  // the threads that ran `work`
  int max_ahead = 0;  // the most documents begun and not yet put out, at any one time
};

// Runs the batch of `kinds` with `jobs` threads and an optional setup step; checks the output
// against the expected lines.
Outcome run_and_check(const std::vector<Kind>& kinds, int jobs, const timeline::cli::SetupFn& setup,
                      const std::atomic<bool>* ready, std::size_t padding = 0) {
  const timeline::test::TempDir dir("timeline-pool");
  const fs::path file = dir.path / "batch.jsonl";
  const std::vector<std::string> expected = write_batch(file, kinds, padding);
  Options opt;
  opt.jobs = jobs;
  opt.inputs = {file.string()};
  std::mutex mu;
  Outcome outcome;
  std::atomic<int> running{0}, max_running{0}, before_setup{0}, started{0}, finished{0};
  auto work = [&](const Document& d, std::string* result, Error* error) {
    if (ready && !*ready) ++before_setup;
    const int ahead = ++started - finished.load();
    {
      std::lock_guard<std::mutex> lock(mu);
      outcome.threads.insert(std::this_thread::get_id());
      outcome.max_ahead = std::max(outcome.max_ahead, ahead);
    }
    const int now = ++running;
    for (int seen = max_running.load(); now > seen && !max_running.compare_exchange_weak(seen, now);) {
    }
    const std::size_t i = std::stoul(d.id.substr(1));
    if (kinds[i] == Kind::kSlow) std::this_thread::sleep_for(std::chrono::milliseconds(4));
    if (kinds[i] == Kind::kStuck) std::this_thread::sleep_for(std::chrono::milliseconds(60));
    --running;
    if (kinds[i] == Kind::kRefused) {
      error->message = "refused by the test";
      return false;
    }
    if (kinds[i] == Kind::kThrows) throw std::runtime_error("thrown by the test");
    *result = "OK " + d.id;
    return true;
  };
  std::vector<std::string> out;  // results and error lines, as they came (one thread)
  ErrLines errbuf(&out, &finished);
  std::ostream err(&errbuf);
  auto emit = [&](BatchItem&& item) {
    out.push_back(item.result);
    ++finished;
  };
  const int failures = setup ? timeline::cli::run_batch(opt, LoadOptions{}, setup, work, emit, err)
                             : timeline::cli::run_batch(opt, LoadOptions{}, work, emit, err);

  int expected_failures = 0;
  for (const std::string& line : expected) expected_failures += line.rfind("ERR ", 0) == 0;
  CHECK(failures == expected_failures);
  REQUIRE(out.size() == expected.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    INFO("line " << i + 1);
    // A loader's message is its own: only its place ("ERR path:line:") is compared.
    if (kinds[i] == Kind::kBroken) CHECK(out[i].substr(0, expected[i].size()) == expected[i]);
    else CHECK(out[i] == expected[i]);
  }
  CHECK(max_running.load() <= jobs);
  CHECK(before_setup.load() == 0);
  std::lock_guard<std::mutex> lock(mu);
  return outcome;
}

// `count` records of `kind` from record `first` on, `step` apart.
struct Mark {
  Kind kind;
  std::size_t first, step, count;
};

std::vector<Kind> batch_of(std::size_t size, const std::vector<Mark>& marks) {
  std::vector<Kind> kinds(size, Kind::kFast);
  for (const Mark& m : marks)
    for (std::size_t i = m.first, n = 0; i < size && n < m.count; i += m.step, ++n) kinds[i] = m.kind;
  return kinds;
}

constexpr std::size_t kAll = ~std::size_t{0};

}  // namespace

TEST_CASE("run_batch keeps the input order among slow and fast documents, failures in place",
          "[cli]") {
  using K = Kind;
  const auto [what, size, marks] = GENERATE(table<const char*, std::size_t, std::vector<Mark>>({
      // A slow record at the head and every 25th; some refused, one throwing, two not JSON.
      {"slow ones spread", 400,
       {{K::kSlow, 0, 25, kAll}, {K::kRefused, 7, 31, kAll}, {K::kThrows, 143, 1, 1},
        {K::kBroken, 101, 201, 2}}},
      // Slow records in a row at the head: the window fills behind them.
      {"slow ones at the head", 200,
       {{K::kSlow, 0, 1, 6}, {K::kRefused, 3, 1, 1}, {K::kBroken, 20, 1, 1}}},
  }));
  const int jobs = GENERATE(2, 3, 4);
  CAPTURE(what, jobs);
  const Outcome got = run_and_check(batch_of(size, marks), jobs, nullptr, nullptr);
  // No more threads work than --jobs says, and while slow documents hold the workers the
  // calling thread takes documents itself rather than sleeping on a full window.
  CHECK(got.threads.size() <= static_cast<std::size_t>(jobs));
  CHECK(got.threads.count(std::this_thread::get_id()) == 1);
}

TEST_CASE("run_batch streams: a stuck document holds back at most a window of others", "[cli]") {
  const int jobs = GENERATE(2, 3);
  CAPTURE(jobs);
  // The first record takes 60 ms; the others go on meanwhile, up to the window (64 documents a
  // job) of small records, or 8 MiB of long ones (each record here is a quarter MiB: the byte
  // bound holds 32 of them), and not all of the 1,000 or 64.
  const Outcome small = run_and_check(batch_of(1000, {{Kind::kStuck, 0, 1, 1}}), jobs, nullptr, nullptr);
  CHECK(small.max_ahead < 64 * jobs);
  CHECK(small.max_ahead > 1);
  const Outcome long_ones =
      run_and_check(batch_of(64, {{Kind::kStuck, 0, 1, 1}}), jobs, nullptr, nullptr, 256 << 10);
  CHECK(long_ones.max_ahead <= 33);
  CHECK(long_ones.max_ahead > 1);
}

TEST_CASE("run_batch with a setup step: documents read ahead keep their place, failures included",
          "[cli]") {
  const int jobs = GENERATE(2, 3, 4);
  CAPTURE(jobs);
  // More records than the start-up window holds (2,048), so that the reading waits for the
  // setup and the ring goes round while it is still the start-up ring.
  const std::vector<Kind> kinds =
      batch_of(3000, {{Kind::kBroken, 5, 97, kAll}, {Kind::kRefused, 11, 89, kAll},
                      {Kind::kBroken, 2047, 1, 2}, {Kind::kThrows, 2500, 1, 1},
                      {Kind::kSlow, 2999, 1, 1}});
  std::atomic<bool> ready{false};
  auto setup = [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    ready = true;
    return true;
  };
  run_and_check(kinds, jobs, setup, &ready);
}

TEST_CASE("run_batch with a setup step uses no more threads than --jobs, setup's included",
          "[cli]") {
  const int jobs = GENERATE(2, 3);
  CAPTURE(jobs);
  // Slow records spread through the batch keep every thread working; setup runs on one of the
  // `jobs` threads (not on one more), and no document is worked before it returns.
  std::mutex mu;
  std::set<std::thread::id> setup_threads;
  std::atomic<bool> ready{false};
  auto setup = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      setup_threads.insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ready = true;
    return true;
  };
  const Outcome got = run_and_check(
      batch_of(300, {{Kind::kSlow, 0, 10, kAll}, {Kind::kRefused, 5, 50, kAll}}), jobs, setup,
      &ready);
  std::set<std::thread::id> all = got.threads;
  all.insert(setup_threads.begin(), setup_threads.end());
  CHECK(setup_threads.size() == 1);
  CHECK(got.threads.size() >= 2);
  CHECK(all.size() <= static_cast<std::size_t>(jobs));
}
