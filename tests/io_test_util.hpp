// Helpers for the io tests: the test inputs under tests/data/io/ and loading a path into a list.
#pragma once

#include <string>
#include <vector>

#include <timeline/document.hpp>

#include "test_util.hpp"

namespace timeline::test {

inline std::string io_data(const std::string& name) {
  return source_dir() + "/tests/data/io/" + name;
}

// Every item load_path() produces for `path`, in order.
inline std::vector<LoadItem> load_all(const std::string& path, const LoadOptions& opt = {}) {
  std::vector<LoadItem> items;
  load_path(path, opt, [&](LoadItem&& item) { items.push_back(std::move(item)); });
  return items;
}

}  // namespace timeline::test
