// The hostile-input battery through the program, as a user runs it: every hostile input goes
// into a batch between two good articles, and the batch must keep the promises of
// src/cli/cli.hpp: exit 0 (all fine) or 1 (some failed), never a crash, a hang or a sanitizer
// report; each failure one line on stderr naming the hostile file; and the good articles' output
// byte for byte what each gives alone.
//
// Commands whose output is one record per document, in input order (load, tag, extract), are
// checked by prefix and suffix: batch output = output(good 1) + ... + output(good 2).
#include <catch2/catch.hpp>

#include <sstream>

#include "robust_inputs.hpp"

namespace timeline::test {
namespace {

// Every command of the battery.
std::vector<std::vector<std::string>> all_commands() {
  std::vector<std::vector<std::string>> all = per_document_commands();
  for (const auto& cmd : assembling_commands()) all.push_back(cmd);
  return all;
}

}  // namespace

TEST_CASE("hostile inputs in a batch: the good articles come out as they do alone", "[robust]") {
  const auto& cmd = GENERATE(from_range(per_document_commands()));
  const std::string scratch = scratch_dir("cli-" + cmd[0]);
  const std::vector<std::string> good = good_articles();
  std::vector<Run> alone;
  for (const std::string& g : good) {
    alone.push_back(run_timeline(with_inputs(cmd, {g}), scratch));
    INFO(alone.back().command << "\n" << alone.back().err);
    REQUIRE(alone.back().exit_code == 0);
    REQUIRE(alone.back().err.empty());
    REQUIRE(!alone.back().out.empty());
  }
  for (const std::string& hostile : hostile_inputs()) {
    if (too_big_for(cmd[0], hostile)) continue;
    const Run batch = run_timeline(with_inputs(cmd, {good[0], hostile, good[1]}), scratch);
    INFO(batch.command << " -> exit " << batch.exit_code << "\nstderr: " << batch.err.substr(0, 2000));
    CHECK(batch.exit_code != 124);  // the time limit
    CHECK(check_error_lines(batch, hostile) <= (ends_with(hostile, ".jsonl") ? 3u : 1u));
    CHECK(starts_with(batch.out, alone[0].out));
    CHECK(ends_with(batch.out, alone[1].out));
  }
}

TEST_CASE("an input that fails names its file and the place of the fault", "[robust]") {
  // Places worked out from the files (see tests/data/robust/README.md); ": " = the whole file.
  // For JSON Lines, the ids of the records that must still come out, in order.
  const auto [name, place, survivors] = GENERATE(table<const char*, const char*, const char*>({
      {"bad_utf8.txt", ":4:42: ", ""},       // the 0xFF after "on Monday "
      {"overlong_utf8.txt", ":4:12: ", ""},  // the 0xC0 after "Paths like "
      {"nul.txt", ":4:34: ", ""},            // the NUL after "blocked on Monday"
      {"binary.txt", ":1:2: ", ""},          // 0xB4, a continuation byte with nothing to continue
      {"bad_header.txt", ":2:1: ", ""},      // "Publishd:"
      {"far_past.txt", ":2:12: ", ""},       // 1066 is before the calendar's first year
      {"bad_dct.tml", ":4:42: ", ""},        // the value of the DCT's TIMEX3
      {"empty.txt", ": ", ""},
      {"reference_past_unicode.html", ":4:41: ", ""},  // the '&' of &#x888888886;
      {"broken_line.jsonl", ":2:", "robust-jsonl-one robust-jsonl-three"},  // the cut record
      {"number_overflow.jsonl", ":2:", "robust-number-one robust-number-three"},  // 1e999
  }));
  const std::string scratch = scratch_dir("cli-places");
  const std::string path = robust_data(name);
  for (const auto& cmd : all_commands()) {
    const Run run = run_command(cmd, {path}, scratch);
    INFO(run.command << "\nstderr: " << run.err);
    CHECK(run.exit_code == 1);
    const auto errors = lines_of(run.err);
    REQUIRE(errors.size() == 1);
    CHECK(starts_with(errors[0], path + place));
    std::size_t at = 0;
    std::istringstream ids(survivors);
    for (std::string id; ids >> id;) {
      INFO("record " << id);
      at = run.claims.find(id, at);
      CHECK(at != std::string::npos);
    }
  }
}

TEST_CASE("usage errors exit 2 with one line", "[robust]") {
  const std::string scratch = scratch_dir("cli-usage");
  for (const auto& cmd : all_commands()) {
    for (const std::vector<std::string>& extra :
         {std::vector<std::string>{}, {"--no-such-flag", robust_data("good_x.txt")},
          {"--jobs", "0", robust_data("good_x.txt")},
          {"--published", "2025-02-30", robust_data("good_x.txt")}}) {
      const Run run = run_command(cmd, extra, scratch);
      INFO(run.command << "\nstderr: " << run.err << run.summary);
      CHECK(run.exit_code == 2);
      CHECK(lines_of(run.err + run.summary).size() >= 1);
      CHECK(run.out.empty());
      CHECK(run.claims.empty());
    }
  }
  for (const auto& cmd : assembling_commands()) {  // no -o DIR
    const Run run = run_timeline(with_inputs(cmd, {robust_data("good_x.txt")}), scratch);
    INFO(run.command << "\nstderr: " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(starts_with(run.err, "timeline " + cmd[0] + ": no output folder (-o DIR)\n"));
  }
}

}  // namespace timeline::test
