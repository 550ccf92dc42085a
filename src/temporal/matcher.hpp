// Phase one of the tagger: finds rule matches in a sentence. One RE2::Set pass over the
// sentence finds the literal words the rules need (RE2's FilteredRE2 atoms), which tells which
// rules can match; only those run, each once from left to right. The
// winners are chosen longest first (then higher priority, then leftmost), without overlap; blocking rules
// (type NONE) win spans that then yield nothing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include "temporal/rules.hpp"

namespace timeline::temporal_detail {

struct Match {
  std::uint32_t begin = 0, end = 0;  // byte offsets into the text given to find()
  const Rule* rule = nullptr;
  std::string type, value, mod, quant, freq;  // expanded templates (value is partial)
  std::string value_after_quarter;            // expanded, or ""
};

class Matcher {
 public:
  // Takes the rules; returns nullptr and fills *error when the set cannot be compiled.
  static std::unique_ptr<Matcher> create(RuleSet rules, Error* error);

  // Matches in text[begin, end) (a sentence), with offsets into `text`, sorted by begin.
  std::vector<Match> find(std::string_view text, std::uint32_t begin, std::uint32_t end) const;

  const RuleSet& rules() const { return rules_; }

 private:
  RuleSet rules_;
  // The literal words ("atoms") some rule needs, found in one RE2::Set pass; the filter then
  // names the rules whose atoms are all there, plus the rules that need none.
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::unique_ptr<RE2::Set> atoms_;
};

}  // namespace timeline::temporal_detail
