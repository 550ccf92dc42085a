// Tokens and phrase patterns for the claim extractor.
//
// tokenize() cuts a span of the document into words and punctuation, keeping byte offsets into the
// document. A word is a run of letters, digits and inner marks ("Sboi.rf", "state-backed",
// "n't"); a possessive "'s" (or "’s") is a token of its own; every other mark is a one-character
// token. Non-ASCII letters count as letters, so Cyrillic or accented names stay whole.
//
// A token's text and lower case are views: into the document when they are its bytes (most
// tokens), else into the storage of the TokenList that holds the token ("Russia" lowered, "’s"
// folded). So a token is read while its list and the document live; the list moves freely (the
// storage does not move with it) but does not copy.
//
// A Phrase is a compiled pattern of the domain pack: words separated by spaces, "a|b"
// alternatives, "*" for up to three other words (never across punctuation). Matching ignores case
// unless the phrase is case-sensitive (an alias written with capitals: "Max", "X"); even then a
// word written in lower case ("the" in "the Kremlin") matches in any case.
//
// Example:
//   const TokenList toks = tokenize(text, s.begin, s.end, &pack.vocab);  // ids set too
//   for (const Token& t : toks) if (t.lower == "blocked") ...
//
// Thread safety: values only; no shared state.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
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
  std::string_view text;             // as written, "’" folded to "'"
  std::string_view lower;            // ASCII lower case of text
  bool word = false;                 // false for punctuation
  bool capital = false;              // starts with an upper-case ASCII letter (or non-ASCII)
  std::uint32_t word_id = kUnindexed;  // `lower` in a Vocabulary (see there)
};

// Tokens with the storage of the texts that are not the document's bytes (see above). A vector
// of tokens in every other respect: pass it where a `const std::vector<Token>&` is asked for.
// Never copy it into a plain vector that outlives it.
class TokenList : public std::vector<Token> {
 public:
  TokenList() = default;
  TokenList(TokenList&&) noexcept = default;
  TokenList& operator=(TokenList&&) noexcept = default;
  TokenList(const TokenList&) = delete;
  TokenList& operator=(const TokenList&) = delete;

 private:
  friend class TokenWriter;
  std::unique_ptr<char[]> storage_;  // allocated at the first token that needs it
  std::size_t storage_size_ = 0;     // bytes of storage_; kept when the list is refilled
};

class Vocabulary;
// Tokens of text[begin, end). With `vocab`, each token's word_id is set as vocab->index() sets
// it, in the same pass (no second lookup of the text).
TokenList tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   const Vocabulary* vocab = nullptr);
// The same into *out, replacing what it held but keeping its buffers (a caller reading many
// sentences keeps one list; views into the earlier tokens' storage are then invalid).
void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              const Vocabulary* vocab, TokenList* out);

// The tokens of tokenize(text, begin, end, &vocab) with their word_id, offsets and `word`, but
// without text: `text` and `lower` stay empty. Enough for phrases that compare every word by id
// (Phrase::by_id()), at a fraction of the cost. The second form fills *out (cleared first), so
// that a caller reading many sentences reuses one buffer.
std::vector<Token> word_tokens(std::string_view text, std::uint32_t begin, std::uint32_t end,
                               const Vocabulary& vocab);
void word_tokens(std::string_view text, std::uint32_t begin, std::uint32_t end,
                 const Vocabulary& vocab, std::vector<Token>* out);

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
  // find(lower_word) when `hash` is hash(lower_word), worked out by the caller on the way.
  std::uint32_t find_hashed(std::string_view lower_word, std::uint64_t hash) const {
    if (slots_.empty()) return kNoWord;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      const std::uint32_t id = slots_[i];
      if (id == kNoWord || words_[id] == lower_word) return id;
    }
  }
  // The hash the table uses: of the bytes' ASCII lower case (so hash("Russia") ==
  // hash("russia")), eight bytes a step (see tokens.cpp).
  static std::uint64_t hash(std::string_view bytes);
  // Sets word_id of every token.
  void index(std::vector<Token>* toks) const;
  std::size_t size() const { return words_.size(); }

 private:
  friend class TokenWriter;
  // An open-addressing table (linear probing, at most a quarter full) over words_: every token of
  // every sentence is looked up, most of them in vain, so a miss must be cheap.
  std::size_t slot_of(std::string_view word) const;  // the word's slot, or the empty one
  void grow();
  // find_hashed(lower, hash) for the tokenizer, which has `lower`'s first eight bytes and last
  // eight already loaded (head, tail: see Key): a word of sixteen bytes or fewer is compared as
  // those two numbers, without reading its text (tokens.cpp).
  std::uint32_t find_loaded(std::uint64_t head, std::uint64_t tail, std::string_view lower,
                            std::uint64_t hash) const;
  // Per id, a word's first eight bytes (a shorter word's bytes, the rest zero), its last eight
  // (zero for a word shorter than eight) and its length: equal for two words of sixteen bytes
  // or fewer exactly when the words are; for a longer one the middle is compared too.
  struct Key {
    std::uint64_t head = 0, tail = 0;
    std::size_t size = 0;
  };
  std::vector<std::string> words_;    // by id
  std::vector<Key> keys_;             // by id
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
  // The number of slots (words and gaps), and the alternatives of one (empty for a gap).
  std::size_t slot_count() const { return slots_.size(); }
  const std::vector<std::string>& alts(std::size_t slot) const { return slots_[slot].alts; }

  // Adds the phrase's lower-case words to `vocab` and compares them by id from now on with
  // tokens that carry a word_id of the same vocabulary.
  void bind(Vocabulary* vocab);
  // The ids the second slot takes, when match() needs the token after the first to be one of
  // them (whenever that token carries a word_id): the slot is a word, bound (a slot with case
  // takes only tokens whose lower case is one of its words', so its ids are those of the lower
  // case). Null otherwise (one slot only, a gap, not bound).
  const std::vector<std::uint32_t>* second_ids() const;
  // Whether match() reads only the word_id and `word` of tokens that carry a word_id: every
  // word slot is bound and compares without case.
  bool by_id() const;

 private:
  struct Slot {
    std::vector<std::string> alts;  // empty = gap
    bool exact = false;             // compare with case (a word written with a capital)
    std::vector<std::uint32_t> ids;  // after bind(): the alts' ids (of their lower case, for a
                                     // slot with case: a filter before comparing the text)
  };
  std::size_t match_from(const std::vector<Token>& toks, std::size_t i, std::size_t slot) const;
  std::vector<Slot> slots_;
  bool case_sensitive_ = false;
  bool plain_ids_ = false;  // after bind(): no gap, every slot bound
};

// Lower-case ASCII copy.
std::string lower(std::string_view s);

// A fixed set of words: one hash and a probe or two instead of comparing with every word of a
// long list. The words must outlive the set (string literals); build it once, as a function-local
// static const, and share it between threads.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : WordSet(words.begin(), words.end()) {}
  WordSet(const std::string_view* begin, const std::string_view* end);
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
