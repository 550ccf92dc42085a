// Helpers of the rule program, template and automaton tests: the built-in rules, RE2's answer
// as the rules compile it, and a slice of te3-silver by the year in the articles' names.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "temporal/rules.hpp"
#include "test_util.hpp"
#include "timeline/data.hpp"

namespace timeline::test {

// The built-in English rules.
inline temporal_detail::RuleSet builtin_rules() {
  Error err;
  temporal_detail::RuleSet rules;
  REQUIRE(temporal_detail::load_rules(DataFiles::builtin(), "en", &rules, &err));
  return rules;
}

// RE2's match of `re` anchored at text[p], ending at or before `end`: the match's begin and end
// offsets into `text`, then each group's (-1, -1 for a group that took no part).
inline bool re2_match(const RE2& re, std::string_view text, std::size_t p, std::size_t end,
                      std::vector<std::int32_t>* spans) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> subs(static_cast<std::size_t>(n));
  if (!re.Match(re2::StringPiece(text.data(), end), p, end, RE2::ANCHOR_START, subs.data(), n))
    return false;
  spans->assign(2 * static_cast<std::size_t>(n), -1);
  for (int g = 0; g < n; ++g) {
    if (!subs[g].data()) continue;
    (*spans)[2 * g] = static_cast<std::int32_t>(subs[g].data() - text.data());
    (*spans)[2 * g + 1] = static_cast<std::int32_t>((*spans)[2 * g] + subs[g].size());
  }
  return true;
}

// The te3-silver articles whose file name holds `_<year>` ("_1997": 434 of 2,452; "_2005":
// 849), one after the other; "" when the corpus is absent.
inline std::string te3_silver_of(const std::string& year) {
  const std::string dir = shared_dir() + "/data/te3-silver";
  std::string all;
  if (!exists(dir)) return all;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().filename().string().find("_" + year) != std::string::npos)
      all += read_file(entry.path().string());
  return all;
}

}  // namespace timeline::test
