// Helpers shared by the tests: where the repository and the shared corpora are, and reading files.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>

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

// A fresh folder under the system's temporary folder, removed at the end of the test. Its name
// holds the process and the thread, so that test groups running at once never share one.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name) {
    path = std::filesystem::temp_directory_path() /
           (name + "-" + std::to_string(::getpid()) + "-" +
            std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace timeline::test

// Skips the rest of a test case when `path` is missing, saying so in the output.
#define TIMELINE_REQUIRE_DATA(path)                                                   \
  do {                                                                                \
    if (!::timeline::test::exists(path)) {                                            \
      WARN("skipped: " << (path) << " is not present (see ../shared/data/README.md)"); \
      return;                                                                         \
    }                                                                                 \
  } while (0)
