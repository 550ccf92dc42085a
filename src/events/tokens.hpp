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

// Token::word_id before Vocabulary::index() looked the token up: phrases compare its text.
constexpr std::uint32_t kUnindexed = 0xFFFFFFFFu;
// Token::word_id of a word that no phrase of the vocabulary names.
constexpr std::uint32_t kNoWord = 0xFFFFFFFEu;

struct Token {
  std::uint32_t begin = 0, end = 0;  // byte offsets into the document
  std::string text;                  // as written, "’" folded to "'"
  std::string lower;                 // ASCII lower case of text
  bool word = false;                 // false for punctuation
  bool capital = false;              // starts with an upper-case ASCII letter (or non-ASCII)
  std::uint32_t word_id = kUnindexed;  // `lower` in a Vocabulary (see there)
};

// Tokens of text[begin, end).
std::vector<Token> tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end);

class Vocabulary;
// The tokens of tokenize(text, begin, end) with their word_id in `vocab` (as vocab.index() sets
// it), their offsets and `word`, but without text: `text` and `lower` stay empty. Enough for
// phrases that compare every word by id (Phrase::by_id()), at a fraction of the cost.
std::vector<Token> word_tokens(std::string_view text, std::uint32_t begin, std::uint32_t end,
                               const Vocabulary& vocab);

// Numbers for the lower-case words the phrases of a pack name. A sentence's tokens are looked up
// once (index()), and phrases bound to the vocabulary (Phrase::bind) then compare numbers instead
// of strings; the result is the same as comparing the lower-case text.
class Vocabulary {
 public:
  // The id of `lower_word`, adding it when new. Ids are 0, 1, 2, ... in order of addition.
  std::uint32_t add(const std::string& lower_word);
  // The id of `lower_word`, or kNoWord.
  std::uint32_t find(std::string_view lower_word) const;
  // The id of the ASCII lower case of `word`, or kNoWord: find(lower(word)) without the copy.
  std::uint32_t find_folding_case(std::string_view word) const;
  // Sets word_id of every token.
  void index(std::vector<Token>* toks) const;
  std::size_t size() const { return words_.size(); }

 private:
  // An open-addressing table (linear probing, at most half full) over words_: every token of
  // every sentence is looked up, most of them in vain, so a miss must be cheap.
  std::size_t slot_of(std::string_view word) const;  // the word's slot, or the empty one
  void grow();
  std::vector<std::string> words_;    // by id
  std::vector<std::uint32_t> slots_;  // ids, kNoWord when empty; size a power of two
};

class Phrase {
 public:
  // Compiles `pattern`. Returns false and sets *why when the pattern is empty or malformed.
  bool compile(std::string_view pattern, bool case_sensitive, std::string* why);

  // The number of tokens matched at toks[i] (0 when no match).
  std::size_t match(const std::vector<Token>& toks, std::size_t i) const;

  // Alternatives of the first slot (for indexing; lower case unless the slot compares with
  // case); empty when it starts with "*".
  const std::vector<std::string>& first() const { return slots_.front().alts; }

  // Adds the phrase's lower-case words to `vocab` and compares them by id from now on with
  // tokens that carry a word_id of the same vocabulary.
  void bind(Vocabulary* vocab);
  // The ids the second slot takes, when match() needs the token after the first to be one of
  // them (whenever that token carries a word_id): the slot is a word without case, bound. Null
  // otherwise (one slot only, a gap, a slot with case, not bound).
  const std::vector<std::uint32_t>* second_ids() const;
  // Whether match() reads only the word_id and `word` of tokens that carry a word_id: every
  // word slot is bound and compares without case.
  bool by_id() const;

 private:
  struct Slot {
    std::vector<std::string> alts;  // empty = gap
    bool exact = false;             // compare with case (a word written with a capital)
    std::vector<std::uint32_t> ids;  // after bind(), for a slot without case: the alts' ids
  };
  std::size_t match_from(const std::vector<Token>& toks, std::size_t i, std::size_t slot) const;
  std::vector<Slot> slots_;
  bool case_sensitive_ = false;
};

// Lower-case ASCII copy.
std::string lower(std::string_view s);

// A fixed set of words: one hash and a probe or two instead of comparing with every word of a
// long list. The words must outlive the set (string literals); build it once, as a function-local
// static const, and share it between threads.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  bool has(std::string_view word) const;

 private:
  std::size_t start(std::string_view word) const;
  std::vector<std::string_view> slots_;  // a null data() marks a free slot; at most half full
};

// Whether `s` is one of `list`. The list holds string views, so the lengths of literals are
// known when compiling and most words are told apart by their length alone.
inline bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  for (const std::string_view x : list)
    if (s == x) return true;
  return false;
}

}  // namespace timeline::events
