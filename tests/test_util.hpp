// Helpers shared by the tests: where the repository and the shared corpora are, and reading files.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

namespace timeline::test {

inline std::string source_dir() { return TIMELINE_SOURCE_DIR; }
inline std::string binary() { return TIMELINE_BINARY; }

// ../shared beside the repository (CI has it; a user's fresh clone may not).
inline std::string shared_dir() { return source_dir() + "/../shared"; }

inline bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The files of `dir` whose name ends in `extension` (".tml"), one after the other.
inline std::string read_files(const std::string& dir, const std::string& extension) {
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == extension) all += read_file(entry.path().string());
  return all;
}

}  // namespace timeline::test

// Skips the rest of a test case when `path` is missing, saying so in the output.
#define TIMELINE_REQUIRE_DATA(path)                                                   \
  do {                                                                                \
    if (!::timeline::test::exists(path)) {                                            \
      WARN("skipped: " << (path) << " is not present (see ../shared/data/README.md)"); \
      return;                                                                         \
    }                                                                                 \
  } while (0)
