// Helpers of the robustness tests (tests/robust_*_test.cpp): running the `timeline` program as a
// user would, with a time limit, and a scratch folder in the build tree for generated inputs and
// outputs (large hostile inputs are made at test time, never committed).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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

}  // namespace timeline::test
