// The generic entity patterns of a domain pack (patterns.tsv) as compiled regular expressions,
// with the prefilter that tells which of them can match in a sentence.
//
// A pattern is a RE2 regular expression over UTF-8 text, and its Unicode classes (\pL, \p{Lu})
// are what make it costly: compiling the eight patterns of the censorship pack, and the reverse
// programs RE2 builds at a pattern's first match, takes tens of milliseconds per process. On a
// sentence that is all ASCII, a pattern compiled for Latin-1 matches exactly what the UTF-8 one
// matches (the same spans and groups: both read one byte as one character below 0x80, class
// membership and case folding of ASCII characters are the same, and \b is ASCII in both), and
// costs a tenth as much. So each pattern is compiled for Latin-1 at load, and for UTF-8 only when
// the first sentence with a non-ASCII byte needs it (once per EntityPatterns, thread-safe).
// A pattern that only UTF-8 can compile (an escape above \xFF) turns the Latin-1 side off, and
// every sentence then uses the UTF-8 side, built at load. A pattern that Latin-1 compiles and
// UTF-8 refuses when it is first needed (RE2's size limit is reached sooner in UTF-8) matches
// nothing in non-ASCII sentences: extraction has no error channel, and the load already passed.
//
// Most of the time of compiling a pattern went to its Unicode classes (\p{Lu}, \pL: RE2 builds
// them from its tables and folds their case, then keeps what Latin-1 can hold). As the Latin-1
// side only ever reads ASCII sentences, it compiles the pattern with each such class replaced by
// its ASCII members (ascii_classes()): the same matches on ASCII text, a fifth of the work.
//
// The prefilter of each side is RE2's FilteredRE2: the lower-case literals ("atoms") a pattern
// cannot match without. One pass over the sentence finds the atoms it holds (AtomFinder: the
// substrings of its ASCII lower case, found by their first two bytes), and only the patterns they
// admit run (a pattern without atoms always runs).
//
// Example:
//   EntityPatterns ps;
//   std::string why;
//   if (ps.add("(?P<name>\\p{Lu}\\pL+) court", &why) < 0) fail(why);
//   ps.compile();
//   for (const EntityPatterns::Run& r : ps.candidates(sentence_text)) r.re->Match(...);
//
// Thread safety: add() and compile() before sharing; candidates() from many threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "events/pattern_bytes.hpp"

namespace timeline::events {

// `regex` with each Unicode class escape of a letter or digit category (\pL \p{L} \p{Lu}
// \p{Ll} \pN \p{N} \p{Nd}, and \P of them outside brackets) replaced by the ASCII characters it
// holds ([A-Za-z] [A-Z] [a-z] [0-9]; inside brackets, their ranges alone): an expression that
// matches what `regex` matches on ASCII text, spans and groups alike (case folding included: the
// Unicode letters that fold to ASCII ones fold to letters of the same class). Returns `regex`
// unchanged when it holds anything the replacement could not keep equal (another class name,
// a class escape at the end of a range, \Q...\E, a \P inside brackets).
std::string ascii_classes(const std::string& regex);

class EntityPatterns {
 public:
  EntityPatterns();
  ~EntityPatterns();
  EntityPatterns(const EntityPatterns&) = delete;
  EntityPatterns& operator=(const EntityPatterns&) = delete;

  // Compiles `regex` as the next pattern; returns its index, or -1 with *why set to
  // "bad regular expression: <RE2's message>" (the message UTF-8 compilation gives).
  int add(const std::string& regex, std::string* why);
  // The named groups of pattern k (the same in either encoding).
  const std::map<std::string, int>& groups(int k) const {
    return groups_[static_cast<std::size_t>(k)];
  }
  // Builds the prefilters; call once after the last add().
  void compile();
  std::size_t size() const { return sources_.size(); }

  // A pattern to run on a sentence: its index, the compilation to run and the part of the
  // sentence to search, [begin, end) (offsets into it).
  struct Run {
    int index = 0;
    const RE2* re = nullptr;
    std::uint32_t begin = 0, end = 0;
  };
  // The patterns that can match in `sentence` (the sentence's text), in index order, each with
  // the compilation that fits the sentence's bytes. The others cannot match anywhere in it.
  // A pattern comes once for each part of the sentence its matches can lie in, parts in order
  // and apart: every match of it in the sentence lies in one of them, and searching each from
  // its begin to its end (RE2::Match on the whole text, startpos and endpos at the part, so that
  // assertions see the bytes around) finds them all, in order. On a sentence that is all ASCII,
  // a pattern that needs an atom and whose bytes match_bytes() reads takes as parts the runs
  // of its bytes that hold an atom (see pattern_bytes.hpp); else the whole sentence.
  std::vector<Run> candidates(std::string_view sentence) const;
  // The same into *out (cleared first, its capacity kept).
  void candidates(std::string_view sentence, std::vector<Run>* out) const;

  // Which of a list of ASCII strings of two bytes or more occur in a sentence's ASCII lower
  // case: what an unanchored RE2::Set of the quoted strings finds in lower(sentence), without
  // the copy or the automaton.
  class AtomFinder {
   public:
    // False (and unusable) when an atom is shorter than two bytes, not ASCII or holds a NUL.
    bool build(const std::vector<std::string>& atoms);
    // The indices of the atoms `sentence` holds, each once, into *out (cleared first). With
    // `at`, also every place an atom occurs, as [begin, end) offsets into `sentence`, by
    // begin (cleared first; one entry for each atom at a place).
    void find(std::string_view sentence, std::vector<int>* out,
              std::vector<std::pair<std::uint32_t, std::uint32_t>>* at = nullptr) const;
    std::size_t size() const { return atoms_.size(); }

   private:
    // Atoms are found by their first key_len_ bytes (the shortest atom's length, at most four),
    // lower case, seven bits each, as one number (a "head"). The head of an atom that begins at
    // b holds the pairs of bytes that begin at b, b + 1, ..., b + stride_ - 1 (stride_ =
    // key_len_ - 1, at least 1), and exactly one of those places is a multiple of stride_: so
    // only the pairs at multiples of stride_ are looked at, each in grams_ (bit k: the pair is
    // bytes k, k + 1 of some head), and a pair found there names the places b an atom may begin.
    // Another pair of the head at b, a bit per hashed head, then the head itself in heads_.
    std::vector<std::string> atoms_;
    std::size_t key_len_ = 2;
    std::size_t stride_ = 1;
    std::vector<std::uint8_t> grams_;      // by pair of lower-case bytes (128 x 128)
    // grams_ by the pair's bytes as written (256 x 256, first byte high): the pair's lower
    // case looked up once, when building, instead of at each place of each sentence.
    std::vector<std::uint8_t> raw_grams_;
    std::vector<std::uint64_t> bits_;      // by hash of the head: whether an atom may begin so
    std::vector<std::uint32_t> heads_;     // sorted heads of the atoms
    std::vector<std::vector<int>> lists_;  // per head (same order): the atoms beginning so
  };

 private:
  // The patterns compiled in one encoding, with their prefilter.
  struct Side {
    std::unique_ptr<re2::FilteredRE2> filter;
    std::unique_ptr<AtomFinder> atoms;  // null: no usable prefilter, every pattern runs
    std::vector<int> without_atoms;     // the patterns a sentence holding no atom runs (sorted)
    std::size_t count = 0;            // patterns added
  };
  static bool add_to(Side* side, const std::string& regex, bool latin1);
  static void finish(Side* side);
  void build_utf8() const;   // compiles the UTF-8 side once
  void build_marks() const;  // compiles the side of sentences with marks beyond ASCII once
  void runs(const Side& side, std::string_view sentence, std::vector<Run>* out) const;
  // Appends the runs of pattern k of side `side` in `sentence`, whose atoms occur at `at`.
  void parts(const Side& side, int k, std::string_view sentence,
             const std::vector<std::pair<std::uint32_t, std::uint32_t>>& at,
             std::vector<Run>* out) const;

  // Tells this set of patterns from every other in the process (never reused, unlike an
  // address): the key of runs()'s per-thread memory of what a set of atoms admits.
  const std::uint64_t serial_;
  std::vector<std::string> sources_;
  std::vector<std::map<std::string, int>> groups_;
  // Per pattern, for the Latin-1 side: the ASCII bytes its matches can hold, when known.
  std::vector<ByteSet> bytes_;
  std::vector<bool> bytes_known_;
  bool latin1_ok_ = true;  // every pattern compiled for Latin-1
  Side latin1_;
  mutable std::once_flag utf8_once_;
  mutable Side utf8_;
  // Sentences whose bytes beyond ASCII are all typographic marks (see typographic_only() in the
  // .cpp) take a third side: each pattern with ascii_classes() in UTF-8. No such mark is a
  // letter or a digit or folds to one, so a Unicode letter or digit class matches exactly its
  // ASCII members in them, and the rest of the pattern reads them as the UTF-8 side does; the
  // Unicode classes, the costly part of compiling in UTF-8, are never built for these (news
  // text in curly quotes and dashes, the commonest kind).
  mutable std::once_flag marks_once_;
  mutable Side marks_;
};

}  // namespace timeline::events
