// timeline/data.hpp: the rule files and templates the library runs on.
//
// Rules (rules/<lang>/..., rules/domains/<domain>/...) and page templates (templates/...) are
// data. They are compiled into the binary, so the program runs from anywhere; a user who extends
// them points the program at a folder of their own (--rules DIR), whose files are laid over the
// built-in ones: DIR/en/dates.rules replaces the built-in rules/en/dates.rules, and a file with a
// new name is added.
//
// Keys are paths relative to the repository root with '/' separators: "rules/en/dates.rules",
// "templates/page.mustache".
//
// Thread safety: a DataFiles is immutable after construction and safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/error.hpp>

namespace timeline {

class DataFiles {
 public:
  // The files compiled into the binary.
  static DataFiles builtin();

  // Lays the files below `dir` over rules/: DIR/x/y.rules becomes "rules/x/y.rules".
  // Returns false and fills *error when the folder cannot be read.
  bool overlay_rules_dir(const std::string& dir, Error* error);

  // Adds or replaces one file (used by tests).
  void put(std::string path, std::string content);

  // The content of `path`, or nullptr when there is no such file.
  const std::string* find(std::string_view path) const;

  // True when the file at `path` is the one compiled into the binary (not laid over by a folder
  // or put by a test).
  bool is_builtin(std::string_view path) const;

  // Every path that begins with `prefix`, sorted.
  std::vector<std::string> list(std::string_view prefix) const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

}  // namespace timeline
