// Helpers for the io tests: the test inputs under tests/data/io/ and loading a path into a list.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

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

// The single document load_path() produces for `path`; the test fails on anything else.
inline Document load_one(const std::string& path, const LoadOptions& opt = {}) {
  auto items = load_all(path, opt);
  REQUIRE(items.size() == 1);
  if (items[0].error) FAIL(items[0].error->str());
  return std::move(*items[0].document);
}

// The single error load_path() produces for `path`; the test fails on anything else.
inline Error load_error(const std::string& path, const LoadOptions& opt = {}) {
  auto items = load_all(path, opt);
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].error);
  CHECK_FALSE(items[0].document);
  return *items[0].error;
}

}  // namespace timeline::test
