// Helpers of the robustness tests (tests/robust_*_test.cpp): running the `timeline` program as a
// user would, with a time limit (run_timeline), or any command of the battery with its claims
// gathered in one place (run_command); checking its error lines; and a scratch folder in the
// build tree for generated inputs and outputs (large hostile inputs are made at test time, never
// committed).
#pragma once

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace timeline::test {

// What one run of the program gave.
struct Run {
  int exit_code = -1;  // the program's exit code; 124 when the time limit stopped it
  std::string out, err;
  std::string command;  // as run, for failure messages
  // Filled by run_command(): the claims the run wrote (standard output, or the claims file of
  // build and compare), and the closing lines build and compare print on stderr.
  std::string claims, summary;
};

// The committed hostile inputs.
inline std::string robust_data(const std::string& name) {
  return source_dir() + "/tests/data/robust/" + name;
}

// An empty folder `name` under <build>/robust-scratch/, made afresh.
inline std::string scratch_dir(const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(binary()).parent_path() / "robust-scratch" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `timeline args...` with standard input from /dev/null, stopped after `seconds`.
// `scratch` is a folder for the captured streams.
inline Run run_timeline(const std::vector<std::string>& args, const std::string& scratch,
                        int seconds = 300) {
  Run r;
  r.command = "timeout -k 5 " + std::to_string(seconds) + " " + shell_quote(binary());
  for (const std::string& a : args) r.command += " " + shell_quote(a);
  const std::string out = scratch + "/stdout", err = scratch + "/stderr";
  const int status = std::system((r.command + " </dev/null >" + shell_quote(out) + " 2>" +
                                  shell_quote(err)).c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// The lines of `s`, without their '\n'.
inline std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}
inline bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// `cmd` followed by `inputs`.
inline std::vector<std::string> with_inputs(std::vector<std::string> cmd,
                                            const std::vector<std::string>& inputs) {
  cmd.insert(cmd.end(), inputs.begin(), inputs.end());
  return cmd;
}

// The file into which `command` writes its claims: timeline.json for build, compare.json for
// compare; "" for the commands that write to standard output.
inline std::string claims_file_of(const std::string& command) {
  if (command == "build") return "timeline.json";
  if (command == "compare") return "compare.json";
  return "";
}

// Runs `cmd inputs...` (cmd[0] is the command) as run_timeline() does. Build and compare write
// into <scratch>/out, made afresh; their claims file becomes Run::claims, and their stderr lines
// that begin "timeline <command>: " (the closing count) move from Run::err to Run::summary.
// For the other commands Run::claims is standard output.
inline Run run_command(const std::vector<std::string>& cmd, const std::vector<std::string>& inputs,
                       const std::string& scratch, int seconds = 300) {
  const std::string file = claims_file_of(cmd[0]);
  std::vector<std::string> args = with_inputs(cmd, inputs);
  const std::string out_dir = scratch + "/out";
  if (!file.empty()) {
    std::filesystem::remove_all(out_dir);
    args.insert(args.end(), {"-o", out_dir});
  }
  Run r = run_timeline(args, scratch, seconds);
  if (file.empty()) {
    r.claims = r.out;
    return r;
  }
  r.claims = read_file(out_dir + "/" + file);
  const std::string own = "timeline " + cmd[0] + ": ";
  std::string err;
  for (const std::string& line : lines_of(r.err))
    (starts_with(line, own) ? r.summary : err) += line + "\n";
  r.err = err;
  return r;
}

// Checks the promises of src/cli/cli.hpp on a run whose only failing input is `path`: every
// stderr line is "<path>:[line:[col:]] message", one per failed document; no sanitizer report;
// exit 1 when a document failed, else 0. Returns the number of error lines.
inline std::size_t check_error_lines(const Run& run, const std::string& path) {
  static const std::regex place(R"(^(:[0-9]+){0,2}: \S.*$)");
  std::size_t errors = 0;
  for (const std::string& line : lines_of(run.err)) {
    INFO("stderr line: " << line);
    ++errors;
    REQUIRE(starts_with(line, path));
    CHECK(std::regex_match(line.substr(path.size()), place));
  }
  CHECK(run.err.find("Sanitizer") == std::string::npos);
  CHECK(run.err.find("runtime error") == std::string::npos);
  CHECK(run.exit_code == (errors == 0 ? 0 : 1));
  return errors;
}

}  // namespace timeline::test
