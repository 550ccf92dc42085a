// The temporal rules of one language, as parsed from rules/<lang>/*.rules and *.tsv (the grammar
// is written down in rules/en/GRAMMAR.md). Private to src/temporal.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include <timeline/data.hpp>
#include <timeline/error.hpp>

namespace timeline::temporal_detail {

// One example line of a rule: the text (with the expected span in [brackets]), the anchor date
// and tense it is tagged with, and the expected annotation ("none" = no timex at all).
struct Example {
  std::string file;
  int line = 0;
  std::string text;      // without the brackets
  std::size_t span_begin = 0, span_end = 0;
  std::string anchor;    // "2026-02-12" by default
  std::string expected;  // "DATE 2026-02-12", "DURATION P2W", "DATE 2025 START", "none"
};

struct Rule {
  std::string name;
  std::string file;
  int line = 0;
  std::string pattern;  // after macro expansion
  std::vector<std::string> groups;  // the named groups, in the order of their group numbers
  // From a rule file compiled into the binary: its pattern's syntax is checked by the test suite
  // (tests/rules_test.cpp), not again at every start; a user's rule file is checked at start.
  bool builtin = false;
  // The pattern compiled (case-insensitive, leftmost-longest), on first use and once for all
  // threads: most rules never match a given text, and compiling every rule was most of the
  // tagger's start-up. Its syntax is checked when the matcher is made (see `builtin`).
  const RE2& regex() const;
  // The same pattern compiled for Latin-1 text, for sentences of ASCII only. RE2 then reads the
  // pattern as Latin-1 too, so it matches what regex() does on ASCII text only where the two
  // readings agree (Syntax::latin1_same: no repeated character of several bytes, no KELVIN SIGN
  // or LONG S folded with k or s); the matcher uses it only then. It compiles and runs faster
  // (\pL is 256 bytes, not all of Unicode).
  const RE2& ascii_regex() const;
  // Templates; see GRAMMAR.md. `type` NONE marks a blocking rule: its matches hide other
  // candidates and produce nothing.
  std::string type, value, mod, quant, freq;
  // The value to use instead once the document has named a quarter ("a year earlier" in an
  // earnings report is the year-ago quarter); "" when none.
  std::string value_after_quarter;
  int priority = 0;
  std::vector<Example> examples;

 private:
  mutable std::unique_ptr<RE2> compiled_, compiled_ascii_;
  mutable std::unique_ptr<std::once_flag> compile_once_ = std::make_unique<std::once_flag>();
  mutable std::unique_ptr<std::once_flag> compile_ascii_once_ =
      std::make_unique<std::once_flag>();
};

// The options every rule pattern is compiled with (the matcher's set uses the same).
RE2::Options rule_options();

// One lexicon table: lower-case key -> value. The templates look words up in it at every
// candidate match, so a key is found by its hash (open addressing), not by comparing strings
// down a tree.
class LexiconTable {
 public:
  // The value of `key`, added as "" first when it is not there (a later line for the same key
  // replaces the value).
  std::string& operator[](std::string_view key);
  // The value of `key`, or nullptr when it is not there.
  const std::string* find(std::string_view key) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string key, value;
    std::uint64_t hash;
  };
  static std::uint64_t hash(std::string_view key);
  // The slot that holds `key` (of hash h), or the empty one where it would go.
  std::size_t slot(std::string_view key, std::uint64_t h) const;
  std::vector<Entry> entries_;
  std::vector<std::int32_t> slots_;  // an entry's index or -1; a power of two, at most half full
};
// Table name -> table.
using Lexicon = std::map<std::string, LexiconTable, std::less<>>;

struct RuleSet {
  std::vector<Rule> rules;
  Lexicon lexicon;
};

// Reads every rules/<lang>/*.tsv (lexicon: "table<TAB>key<TAB>value" lines) and
// rules/<lang>/*.rules file. Returns false and fills *error with "file:line: message" when a file
// is invalid: unknown key, bad regex, numbered group, a template naming an unknown group or table.
bool load_rules(const DataFiles& data, const std::string& lang, RuleSet* out, Error* error);

}  // namespace timeline::temporal_detail
