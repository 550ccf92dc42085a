// A quick, sound test of whether a sentence can hold a trigger phrase, on its bytes, before it is
// cut into tokens.
//
// The claim extractor reads a document up to its last sentence with a trigger; to find that
// sentence it tests the sentences from the end, and most of them hold none. Tokenizing each to
// ask is the costly part, so this filter looks at the text first and only says "maybe" or "no".
// "No" is exact: whenever the tokenizer (tokens.hpp) would cut a token that begins a trigger
// phrase, the filter says "maybe". It reasons on runs of ASCII letters:
//
//  - A token that equals a phrase's first word w begins at a word start: the span's first byte,
//    or a byte after one that is not an ASCII letter or digit (the tokenizer never starts a word
//    right after one, except "n't", which no first word is).
//  - From there, the run of ASCII letters is w's leading letters (w's key: "state" for
//    "state-backed"), or, when the tokenizer split "n't" off ("mustn't" -> "must" "n't"), the
//    key followed by "n" and an apostrophe.
//
// So the filter hashes the letter run at each word start (found sixteen bytes a step with SSE2,
// where the target has it; case folded as the tokenizer does) and
// looks it up among the keys of the first words of every trigger phrase that is not a stop
// phrase. For a first word whose phrases all need a given second word (a bound word slot:
// "go|went down", "should|must use"), it also looks at the run of the next token, found the same
// way after the spaces; where the first word could be followed by anything the filter does not
// look further. A phrase of three slots or more whose last slot holds only words of ASCII
// letters ("made * inaccessible", "sign * law|bill") also needs one of those words at a word
// start somewhere after the first word. A first word that does not begin with an ASCII letter
// turns the filter off (always "maybe").
//
// Example:
//   TriggerPrefilter f;
//   f.build(pack.triggers);
//   if (!f.may_match(text, s.begin, s.end)) ... // no trigger in the sentence
//
// Thread safety: immutable after build(); may_match() from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace timeline::events {

struct TriggerRule;

class TriggerPrefilter {
 public:
  // Learns the first (and second) words of the phrases that are not stop phrases. The phrases
  // must be compiled; binding is not needed.
  void build(const std::vector<TriggerRule>& rules);

  // False only when no token of text[begin, end) (as tokenize() cuts it) begins a trigger
  // phrase of the rules given to build(): then the sentence holds no trigger.
  bool may_match(std::string_view text, std::uint32_t begin, std::uint32_t end) const;

  // Whether the filter can say "no" at all (false when a first word is not a letter word).
  bool active() const { return active_; }

 private:
  // A phrase of three slots or more whose last slot's words are all ASCII letters needs one of
  // them later in the sentence: a run at a word start after the first word (its key), besides
  // what the next token must be.
  struct Later {
    bool any_next = false;
    std::vector<std::uint64_t> next;   // as Key::next, for this phrase
    std::vector<std::uint64_t> later;  // the keys one later run must have
  };
  struct Key {
    std::uint64_t hash = 0;  // of the lower-case letter run
    bool any_next = false;   // some phrase with this first word takes any next token
    std::vector<std::uint64_t> next;  // else: the keys the next token's run may have
    std::vector<Later> with_later;    // phrases that also need a word later (not in the above)
  };
  const Key* find(std::uint64_t hash) const;
  const Key* find(std::string_view text, std::size_t b, std::size_t e) const;  // the run's key
  Key* add(std::uint64_t hash);
  // Whether a phrase of the key can begin at the word whose run ends at q (after_nt: the word
  // is that run without its last letter, and "n't" follows it).
  // What one may_match() learned of later words: from which place on a list of Later::later
  // was not found (nor is it from any later place: the places looked at are those after it).
  struct LaterMisses {
    const std::vector<std::uint64_t>* list[4] = {};
    std::size_t from[4] = {};
    unsigned size = 0;
  };
  bool key_fits(const Key& k, std::string_view text, std::size_t q, std::size_t stop,
                bool after_nt, LaterMisses* misses) const;
  bool next_fits(const std::vector<std::uint64_t>& next, std::string_view text, std::size_t q,
                 std::size_t stop) const;
  bool later_fits(const std::vector<std::uint64_t>& later, std::string_view text, std::size_t q,
                  std::size_t stop) const;

  bool active_ = false;
  std::vector<Key> keys_;             // open addressing on hash; hash 0 marks a free slot
  // To turn most runs away before hashing them: by the first two letters of a key (see
  // pair_of in the .cpp), the bit of each length (1..63) a key with them has.
  std::vector<std::uint64_t> pairs_;
  // Then by the last letter of a key (its index, 0..25), the bit of each length a key with it
  // has.
  std::vector<std::uint64_t> lasts_;
};

}  // namespace timeline::events
