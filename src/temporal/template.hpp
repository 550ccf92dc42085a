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

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "temporal/rules.hpp"

namespace timeline::temporal_detail {

// A template read once, its table names looked up once, and flattened into a list of steps (a
// condition's two branches laid out in line, with jumps). Thread safety: immutable after it is
// made; the lexicon must outlive it.
class Template {
 public:
  Template() = default;
  // Reads `tmpl`, checked already by check_template(). `groups` are the pattern's named groups in
  // the order of their numbers (groups[k] is group k + 1).
  Template(std::string_view tmpl, const std::vector<std::string>& groups, const Lexicon& lexicon);

  // Expands it for a match in `text` whose groups are at `spans` (begin, end offsets for group
  // 0, the whole match, then each group; -1 for a group that took no part). Returns false when a
  // lookup fails (a word missing from its table); the caller then drops the match. Most of a
  // rule's templates are empty or plain text: those are answered here, without a call.
  bool expand(std::string_view text, const std::int32_t* spans, std::string* out) const {
    out->clear();
    if (steps_.empty()) {  // plain text, or nothing
      if (!literals_.empty()) out->append(literals_.data(), literals_.size());
      return true;
    }
    return run(text, spans, out);
  }

 private:
  enum class Fn : std::uint8_t { kText, kNum, kNum10, kNum100, kDay2, kYear4, kTable };
  // A piece of a template as read (a condition holds its two branches).
  struct Piece {
    std::string literal;  // copied; when group == 0
    int group = 0;        // a reference {g...} or condition {?g:...} to group g (>= 1)
    bool condition = false;
    Fn fn = Fn::kText;
    const LexiconTable* table = nullptr;  // Fn::kTable; nullptr: none
    bool optional = false;  // {g:table?}: "" when the word is not in it
    std::vector<Piece> then, otherwise;  // a condition's two templates
  };
  // A step of the flat list. kLiteral: literals_[at, at + size); kGroup: the group's text through
  // `fn`; kUnless: go to step `at` when the group took no part; kGoto: go to step `at`.
  struct Step {
    enum Kind : std::uint8_t { kLiteral, kGroup, kUnless, kGoto };
    Kind kind = kLiteral;
    Fn fn = Fn::kText;
    bool optional = false;
    std::int32_t group = 0;
    std::uint32_t at = 0, size = 0;
    const LexiconTable* table = nullptr;
  };
  class Sink;
  static std::vector<Piece> read(std::string_view tmpl, const std::vector<std::string>& groups,
                                 const Lexicon& lexicon);
  void flatten(const std::vector<Piece>& pieces);
  bool run(std::string_view text, const std::int32_t* spans, std::string* out) const;
  bool apply(const Step& s, std::string_view text, Sink* out) const;

  // Empty when the template is plain text (then literals_ is all of it).
  std::vector<Step> steps_;
  std::string literals_;
  const LexiconTable* numbers_ = nullptr;   // the lexicon's "number" table, if any
  const LexiconTable* ordinals_ = nullptr;  // its "ordinal" table, if any
};

// Checks a template against the groups of a pattern and the lexicon; fills *message.
bool check_template(std::string_view tmpl, const std::set<std::string>& groups,
                    const Lexicon& lexicon, std::string* message);

// The form of a word in a lexicon key: lower case, trailing '.' dropped, runs of white space and
// hyphens as one space ("Year-Ago" -> "year ago").
std::string lexicon_key(std::string_view text);

// A number written in digits or English words; -1 when not a number, -2 for vague amounts
// ("a few", "several", "many").
long parse_number(std::string_view text, const Lexicon& lexicon);
// The same with the lexicon's "number" table (or nullptr) looked up already.
long parse_number(std::string_view text, const LexiconTable* numbers);

}  // namespace timeline::temporal_detail
