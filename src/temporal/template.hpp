// Value templates of the rules: "{year}-{month:month}-{day:day2}". A reference {g} is the text
// the named group `g` matched; {g:f} passes it through the function or lexicon table `f`:
//   num   number in digits or words ("two" -> 2, "twenty-five" -> 25, "a few" -> X)
//   num10, num100  the number times 10 or 100 ("two" decades -> 20 years)
//   day2  a number padded to two digits ("5" -> 05)
//   year4 a year, two-digit years read as 19xx/20xx ("'98" -> 1998, "05" -> 2005)
//   <table>? the same, giving "" instead of dropping the match when the word is not in it
//   <table> a lexicon table of rules/<lang>/*.tsv (key = the text in lower case, trailing '.'
//         dropped)
// {?g:THEN|ELSE} expands the template THEN when group g took part in the match, else ELSE
// (both may hold references). A group that did not take part in the match expands to "".
// Literal text is copied.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "temporal/rules.hpp"

namespace timeline::temporal_detail {

// The groups of one match: name -> the text it matched (data() nullptr: the group did not take
// part). A few entries, looked up by a linear scan; the names must outlive the Groups.
class Groups {
 public:
  void clear() { items_.clear(); }
  void set(std::string_view name, std::string_view text) { items_.emplace_back(name, text); }
  // The text of group `name`, or nullptr when the pattern has no such group.
  const std::string_view* find(std::string_view name) const {
    for (const auto& [n, text] : items_)
      if (n == name) return &text;
    return nullptr;
  }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> items_;
};

// Expands `tmpl`. Returns false when a lookup fails (a word missing from its table); the caller
// then drops the match.
bool expand_template(std::string_view tmpl, const Groups& groups, const Lexicon& lexicon,
                     std::string* out);

// Checks a template against the groups of a pattern and the lexicon; fills *message.
bool check_template(std::string_view tmpl, const std::set<std::string>& groups,
                    const Lexicon& lexicon, std::string* message);

// The form of a word in a lexicon key: lower case, trailing '.' dropped, runs of white space and
// hyphens as one space ("Year-Ago" -> "year ago").
std::string lexicon_key(std::string_view text);

// A number written in digits or English words; -1 when not a number, -2 for vague amounts
// ("a few", "several", "many").
long parse_number(std::string_view text, const Lexicon& lexicon);

}  // namespace timeline::temporal_detail
