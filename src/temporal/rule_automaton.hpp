// Which rules may match at a place: one automaton for the patterns of all the rules.
//
// The matcher tries the rules where a word or a sign starts, and at nine places of ten no rule
// matches ("the", "of", "government"). RuleAutomaton takes the patterns' syntax trees
// (rule_syntax.hpp), builds one nondeterministic automaton of all of them (each rule's end marked
// with its number), and walks it byte by byte from the place, as a deterministic automaton whose
// states are made the first time they are reached and then reused: one table lookup per byte.
// The walk stops as soon as no rule can go on, usually after a byte or two; the rules whose end
// it passed are the candidates. Only those run, anchored, through the rule's own engine
// (RuleProgram, or RE2), which decides the match and its groups.
//
// The automaton accepts a superset of each pattern's matches (never fewer): constructs that
// depend on context or are not modelled are widened. Zero-width assertions (\b, ^, $) match
// anywhere; a character class with members beyond ASCII (\pL, \S, [^a], '.') matches its exact
// ASCII members and any character of several bytes; a class whose ASCII members are not known
// (\p{Greek}) any character; counts above 16 become unbounded; any non-ASCII character in a
// pattern stands for any non-ASCII character (case folding in RE2 can change its bytes). A
// pattern that cannot be read at all makes its rule a candidate everywhere.
//
// Thread safety: the patterns are read once by one thread (add, finish); after that any number
// of threads may walk it, each through its own Walker. The threads share the states of the
// deterministic automaton: a state is made once, under a lock, by the first thread to need it,
// and read by all without one (about 5,000 states for the 2,452 articles of te3-silver, some
// 160 bytes each). There is room for kMaxStates; past that a walk that would need a new state
// stops there as if deep (its rules under way become candidates, which their programs decide),
// so memory stays bounded however much text goes through.
//
// Made ahead of time: every state a walk can reach within kMaxDepth bytes, for the built-in
// rules, fits in the room (12,800 states), so the build makes them all once
// (src/tools/automaton_gen.cpp, write_prebuilt) and links the table into the program. finish()
// takes that table instead of building anything when the rules added are exactly the ones it
// was made from (a fingerprint of their patterns, in order), and take_prebuilt() does so before
// any pattern is read (the matcher then reads a pattern only for its program); walks only read
// the table, and no thread ever waits for another. Other rules (a user's rule directory, a
// test's patterns) are made as above.
#pragma once

#include <atomic>
#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "temporal/rule_syntax.hpp"

namespace timeline::temporal_detail {

class RuleAutomaton {
 public:
  // kUse: finish() takes the table made ahead of time when the rules are the ones it was made
  // from; kNever: the states are always made here (to check one against the other).
  enum class Prebuilt { kUse, kNever };
  explicit RuleAutomaton(Prebuilt prebuilt = Prebuilt::kUse);
  ~RuleAutomaton();
  RuleAutomaton(const RuleAutomaton&) = delete;
  RuleAutomaton& operator=(const RuleAutomaton&) = delete;

  // Adds the pattern of rule number size() (RE2 syntax, case-insensitive; (?-i:...) is exact).
  void add(std::string_view pattern);
  // The same, read already: `syntax` is `pattern` read, or nullptr for a pattern that could not
  // be read (a candidate anywhere); it must stay alive until finish() returns.
  void add(std::string_view pattern, const Syntax* syntax);
  // Ends adding; candidates() may be called after it.
  void finish();
  // Instead of add() and finish(): takes the table made ahead of time if it was made from
  // exactly `patterns` (then candidates() may be called, and true is returned; the patterns
  // need not be read at all), else does nothing and returns false.
  bool take_prebuilt(const std::vector<std::string_view>& patterns);
  std::size_t size() const { return rules_; }
  // The fingerprint of the patterns added (or taken with the table), as fingerprint() gives it.
  std::uint64_t patterns_fingerprint() const { return fingerprint_; }
  // The table made ahead of time was taken (by finish() or take_prebuilt()).
  bool prebuilt() const { return prebuilt_used_; }

  // For the build (src/tools/automaton_gen.cpp): after finish() with kNever, makes every state
  // a walk can reach and writes them as the table that finish() can take. False, with *error,
  // when they do not fit in kMaxStates.
  bool write_prebuilt(std::string* out, std::string* error) const;

  // The deterministic states there is room for. A transition holds the next state's number in
  // its low 14 bits and kEndsMark when some rule ends in that state; negative values are
  // Dfa's dead, unknown and no-room marks.
  static constexpr std::size_t kMaxStates = 16000;
  static constexpr std::int16_t kEndsMark = 0x4000;
  // How far a walk goes: past that, every rule still under way is a candidate (this bounds the
  // states made on long stretches of text that some pattern's open loop keeps alive).
  static constexpr std::size_t kMaxDepth = 32;
  // How far the inline part of a walk goes (the rest is out of line).
  static constexpr std::size_t kQuickDepth = 16;

  struct Nfa;  // the nondeterministic automaton (rule_automaton.cpp)
  struct Dfa;  // the deterministic states, made as walks need them

  // The table made ahead of time that is linked into this program, or an empty view.
  static std::string_view linked_table();
  // What a table made from `patterns` (in order) is known by (with the format and the limits).
  static std::uint64_t fingerprint(const std::vector<std::string_view>& patterns);

  // Walks the automaton in one thread (made where that thread starts a sentence).
  class Walker {
   public:
    explicit Walker(const RuleAutomaton& a);
    // Sets *ids to the rules that may have a match that starts at text[p] and ends at or
    // before `end`, in ascending order.
    void candidates(std::string_view text, std::size_t p, std::size_t end,
                    std::vector<int>* ids) {
      std::int16_t s;
      std::size_t q;
      if (!start(reinterpret_cast<const unsigned char*>(text.data()), p, end, &s, &q)) {
        ids->clear();
        return;
      }
      walk(text, p, q, s, end, ids, nullptr);
    }

    // The first, inline part of candidates(): most places end within a few bytes on
    // transitions already made, and with no rule ending on the way; for those it returns false
    // (no rule may match at text[p]). Otherwise it returns true with the state *s and the place
    // *q where the walk goes on: then candidates_from() gives the rules.
    bool start(const unsigned char* text, std::size_t p, std::size_t end, std::int16_t* s,
               std::size_t* q) const {
      std::size_t state = 0, at = p;
      if (quick_) {
        // In locals: after each load with acquire order the compiler reads memory anew, and
        // the walker's fields would be read again at every byte.
        const std::atomic<std::int16_t>* const next = next_;
        const std::uint8_t* const byte_class = byte_class_;
        const std::size_t classes = classes_;
        // The first two bytes in one lookup, when the table has them (most places end within
        // three bytes; a walk is a chain of loads, each waiting for the one before).
        if (pairs_ != nullptr && end - p >= 2) {
          const std::int16_t t = pairs_[byte_class[text[p]] * classes + byte_class[text[p + 1]]];
          if (t == -1) return false;  // dead within two bytes
          if (static_cast<std::uint16_t>(t) < static_cast<std::uint16_t>(kEndsMark)) {
            state = static_cast<std::size_t>(t);
            at = p + 2;
          }  // else a rule ends, or a state is missing, within two bytes: byte by byte
        }
        const std::size_t stop = end - p > kQuickDepth ? p + kQuickDepth : end;
        for (; at < stop; ++at) {
          const std::int16_t t =
              next[state * classes + byte_class[text[at]]].load(std::memory_order_acquire);
          if (t == -1) return false;  // dead: no rule matches here
          // Not made yet, no room, or a rule ends: the walk goes on out of line.
          if (static_cast<std::uint16_t>(t) >= static_cast<std::uint16_t>(kEndsMark)) break;
          state = static_cast<std::size_t>(t);
        }
        if (at == end) return false;  // the sentence ended before any rule did
      }
      *s = static_cast<std::int16_t>(state);
      *q = at;
      return true;
    }

    // What start() gives at a place p where it returns true: the walk goes on from state s at
    // text[q].
    struct Found {
      std::uint32_t p, q;
      std::int16_t s;
    };

    // start() at many places of one sentence: each_place(f) calls f(p) for each place, in
    // ascending order and each below `end`; the places where start() returns true are appended
    // to *out, in the same order, with what it gives there. The places whose first byte no rule
    // starts with are dropped at once; the others are gathered a few thousand at a time and
    // then walked together (starts_chunk).
    template <typename EachPlace>
    void starts(const unsigned char* text, std::size_t end, const EachPlace& each_place,
                std::vector<Found>* out) const {
      Chunk& chunk = thread_chunk();
      std::uint32_t* const places = chunk.places;
      const std::uint8_t* const may_start = may_start_;
      std::size_t n = 0;
      each_place([&](std::uint32_t p) __attribute__((always_inline)) {
        // Kept only if some rule may start with its first byte (written anyway: no branch).
        places[n] = p;
        n += may_start[text[p]];
        if (n == kChunk) {
          starts_chunk(text, end, chunk, n, out);
          n = 0;
        }
      });
      starts_chunk(text, end, chunk, n, out);
    }

    // The rest of candidates(), from what start() returned for the same p and end. With
    // `limits`, also sets (*limits)[k] to a place no match of rule (*ids)[k] from p ends after:
    // the last place where the walk passed that rule's end, or `end` when the walk stopped
    // (deep, or out of room) with the rule still under way.
    void candidates_from(std::string_view text, std::size_t p, std::size_t q, std::int16_t s,
                         std::size_t end, std::vector<int>* ids,
                         std::vector<std::uint32_t>* limits = nullptr) {
      walk(text, p, q, s, end, ids, limits);
    }

   private:
    // The places starts() holds at a time, and its buffers (one set per thread).
    static constexpr std::size_t kChunk = 4096;
    struct Chunk {
      std::uint32_t places[kChunk];
      std::uint32_t open[2 * kChunk];  // place, state after four bytes
      std::uint32_t stopped[kChunk];
      std::vector<Found> found[2];  // of the stopped walks, and of the open ones
    };
    static Chunk& thread_chunk();
    // start() at p, appending what it gives to *out when it returns true.
    void slow_start(const unsigned char* text, std::size_t p, std::size_t end,
                    std::vector<Found>* out) const {
      std::int16_t s;
      std::size_t q;
      if (start(text, p, end, &s, &q)) out->push_back(Found{static_cast<std::uint32_t>(p),
                                                             static_cast<std::uint32_t>(q), s});
    }
    // starts() for the n places held in chunk.places.
    void starts_chunk(const unsigned char* text, std::size_t end, Chunk& chunk, std::size_t n,
                      std::vector<Found>* out) const;

    // Walks on from state s at text[q] (reached from p with no rule ending on the way).
    void walk(std::string_view text, std::size_t p, std::size_t q, std::int16_t s,
              std::size_t end, std::vector<int>* ids, std::vector<std::uint32_t>* limits);

    const RuleAutomaton& a_;
    Dfa* d_ = nullptr;
    bool quick_ = false;  // no rule is open or matches the empty string
    const std::atomic<std::int16_t>* next_ = nullptr;
    // [class * classes + class]: the state after the first two bytes of a place, -1 when dead
    // by then, else a value >= kEndsMark as uint16 (go byte by byte). Made ahead of time only.
    const std::int16_t* pairs_ = nullptr;
    // `next_` as plain numbers, for a table made ahead of time (read-only); and whether
    // starts() may take its branch-free way (quick_, with both tables).
    const std::int16_t* fixed_next_ = nullptr;
    bool fast_ = false;
    // [byte]: 0 when start() is false at any place that begins with it (state 0 is dead on
    // it in the table made ahead of time), else 1.
    const std::uint8_t* may_start_ = nullptr;
    const std::uint8_t* byte_class_ = nullptr;
    std::size_t classes_ = 0;
    std::size_t words_ = 1;  // 64-bit words of a set of rules
    std::vector<std::uint64_t> found_;  // the rules a walk has named, when there are > 256
  };

 private:

  // Takes the linked table if it was made from `rules` patterns of this fingerprint.
  bool take_table(std::uint64_t fingerprint, std::size_t rules);

  const Prebuilt use_prebuilt_;
  bool prebuilt_used_ = false;
  std::unique_ptr<Nfa> nfa_;  // built by finish() (not with a prebuilt table)
  std::size_t rules_ = 0;
  std::uint64_t fingerprint_;  // of the patterns added, in order
  std::vector<int> open_;  // rules whose pattern could not be read: candidates everywhere
  // The patterns added and not built yet (finish() builds them, or takes the prebuilt table).
  struct Pending {
    int rule;
    const Syntax* syntax;
  };
  std::vector<Pending> pending_;
  std::vector<std::unique_ptr<Syntax>> owned_;  // read by add(pattern), until finish()
  std::unique_ptr<Dfa> dfa_;  // made by finish()
  // Held while a state is made (a microsecond or so). Early in a run most walks need new
  // states, and with std::mutex the threads then slept and woke on the kernel at each one (half
  // of the context switches of `tag --jobs 2`); a waiter spins a little, then yields.
  class StateLock {
   public:
    void lock() {
      for (int tries = 0; locked_.exchange(true, std::memory_order_acquire); ++tries) {
        while (locked_.load(std::memory_order_relaxed)) {
          if (tries < 64) {
            pause();
            ++tries;
          } else {
            std::this_thread::yield();
          }
        }
      }
    }
    void unlock() { locked_.store(false, std::memory_order_release); }

   private:
    static void pause() {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
    std::atomic<bool> locked_{false};
  };
  mutable StateLock lock_;
};

}  // namespace timeline::temporal_detail
