// Tokens and phrase patterns for the claim extractor.
//
// tokenize() cuts a span of the document into words and punctuation, keeping byte offsets into the
// document. A word is a run of letters, digits and inner marks ("Sboi.rf", "state-backed",
// "n't"); a possessive "'s" (or "’s") is a token of its own; every other mark is a one-character
// token. Non-ASCII letters count as letters, so Cyrillic or accented names stay whole.
//
// A Phrase is a compiled pattern of the domain pack: words separated by spaces, "a|b"
// alternatives, "*" for up to three other words (never across punctuation). Matching ignores case
// unless the phrase is case-sensitive (an alias written with capitals: "Max", "X"); even then a
// word written in lower case ("the" in "the Kremlin") matches in any case.
//
// Thread safety: values only; no shared state.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace timeline::events {

struct Token {
  std::uint32_t begin = 0, end = 0;  // byte offsets into the document
  std::string text;                  // as written, "’" folded to "'"
  std::string lower;                 // ASCII lower case of text
  bool word = false;                 // false for punctuation
  bool capital = false;              // starts with an upper-case ASCII letter (or non-ASCII)
};

// Tokens of text[begin, end).
std::vector<Token> tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end);

class Phrase {
 public:
  // Compiles `pattern`. Returns false and sets *why when the pattern is empty or malformed.
  bool compile(std::string_view pattern, bool case_sensitive, std::string* why);

  // The number of tokens matched at toks[i] (0 when no match).
  std::size_t match(const std::vector<Token>& toks, std::size_t i) const;

  // Lower-case alternatives of the first slot (for indexing); empty when it starts with "*".
  const std::vector<std::string>& first() const { return slots_.front().alts; }

 private:
  struct Slot {
    std::vector<std::string> alts;  // empty = gap
    bool exact = false;             // compare with case (a word written with a capital)
  };
  std::size_t match_from(const std::vector<Token>& toks, std::size_t i, std::size_t slot) const;
  std::vector<Slot> slots_;
  bool case_sensitive_ = false;
};

// Lower-case ASCII copy.
std::string lower(std::string_view s);

// Whether `s` is one of `list`.
inline bool one_of(const std::string& s, std::initializer_list<const char*> list) {
  for (const char* x : list)
    if (s == x) return true;
  return false;
}

}  // namespace timeline::events
