// RuleProgram: one rule's pattern as a small program that finds its match and groups at a place
// of a sentence of ASCII text, without RE2.
//
// The matcher asks for a rule's match only where the rule automaton says it may start, some
// 40,000 times on the 2,452 articles of te3-silver. Through RE2 each ask cost a few thousand
// instructions (a DFA pass for the end, then a second engine for the groups), and each rule's
// first use compiled it (a tenth of a tagging run). A RuleProgram is made from the syntax tree in
// microseconds and answers most asks in a few hundred instructions.
//
// Semantics: those of RE2 with longest_match and ANCHOR_START on text.substr(0, end): the
// longest match that starts at p; among the ways to match that much, the one RE2 prefers
// (alternatives in order, greedy repetitions as long as they go, lazy ones as short), which
// decides the groups. \b and \B look at the bytes around (ASCII word characters, as RE2), ^ and \A
// hold at 0, $ and \z at `end`. The engine is a depth-first search over the program in order of
// preference that keeps the first match at the longest end; it needs no memory of visited places
// because a second visit to a place can only repeat what the first found. Its work is bounded:
// past kBudget branches (ways left waiting on its stack) it gives up and the caller asks RE2
// instead (no rule of the built-in set comes near it; the test suite has patterns that do).
// Between two branches the program only runs forward, so a search takes at most
// (kBudget + 1) * size() steps.
//
// What compiles: an exact tree (Syntax::exact) whose open repetitions (*, +, {m,}) cannot match
// the empty string, of at most kMaxInsts instructions. The text between p and end must be ASCII
// (the caller checks; a byte of 0x80 or above simply matches no character).
//
// Thread safety: a RuleProgram is immutable after compile(); each thread passes its own Scratch.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "temporal/rule_syntax.hpp"

namespace timeline::temporal_detail {

class RuleProgram {
 public:
  static constexpr int kMaxInsts = 20000;
  static constexpr int kBudget = 1 << 14;

  // The program of `syntax`, or nullptr when it cannot be run exactly (see above).
  static std::unique_ptr<RuleProgram> compile(const Syntax& syntax);

  // Working memory of match(), kept by the caller across calls (one per thread).
  struct Scratch {
    struct Job {
      std::int32_t pc;   // >= 0: go on at this instruction; < 0: restore slot -pc-1 to `pos`
      std::int32_t pos;
    };
    std::vector<Job> stack;          // room for the jobs (its size, not its use)
    std::vector<std::int32_t> caps;  // the groups of the longest match so far, when kept
  };

  enum Result { kNoMatch, kMatch, kGaveUp };

  // The match that starts at text[p] and ends at or before `end` (see above). On kMatch, *spans
  // holds 2 * (groups() + 1) offsets into `text`: the match's begin and end, then each group's
  // (-1, -1 for a group that took no part). `limit`: a place no match from p ends after, when
  // the caller knows one (RuleAutomaton's walk does); the search stops at the first match that
  // reaches it, as no later one can be longer. A wrong limit gives a wrong answer.
  Result match(std::string_view text, std::size_t p, std::size_t end, Scratch* scratch,
               std::vector<std::int32_t>* spans, std::size_t limit = SIZE_MAX) const;

  int groups() const { return groups_; }
  std::size_t size() const { return insts_.size(); }

  // The program as bytes, field by field (in the machine's byte order), for the table the build
  // makes ahead of time (src/tools/automaton_gen.cpp); read() makes it again from them, or
  // returns nullptr when the bytes are not one program's (a wrong size, an index out of range).
  void write(std::string* out) const;
  static std::unique_ptr<RuleProgram> read(std::string_view bytes);

 private:
  friend class ProgramCompiler;
  using Set = std::array<std::uint64_t, 2>;  // ASCII characters, one bit each
  // kStar and kOpt stand for a greedy split whose way in is one instruction that takes one
  // byte (a kSet, or a kLit of one byte) at x: kStar when that instruction goes back to the
  // split (a loop), kOpt when it goes on to the split's other way (y). They do at once what the
  // split and its byte would do turn by turn, leaving the same ways waiting.
  enum Op : std::uint8_t { kLit, kSet, kAlt, kSplit, kJmp, kSave, kAssert, kAccept, kStar, kOpt };
  struct Inst {
    Op op = kAccept;
    std::uint8_t assertion = 0;  // kAssert: a SyntaxNode::Assertion
    std::uint16_t n = 0;         // kLit: bytes; kAlt: alternatives
    std::int32_t x = 0;  // kLit: offset in lit_; kSet: set; kAlt: first entry of alts_;
                         // kSplit, kJmp: the (preferred) next instruction; kSave: slot
    std::int32_t y = 0;  // kSplit: the other next instruction; kAlt: its dispatch (or -1);
                         // kLit, kSet, kSave, kAssert: the next instruction
  };
  // Points every way on (y of kLit, kSet, kSave, kAssert; splits, jumps, alternatives) past the
  // jumps it would meet, once the instructions are emitted: a run of the program never steps
  // on a jump.
  void thread_jumps();
  // Turns the greedy splits over one byte into kStar and kOpt (after thread_jumps()).
  void fuse_byte_splits();
  // Whether instruction `in` (a kSet, or a kLit of one byte) takes the byte c.
  bool takes(const Inst& in, unsigned char c) const;
  static void grow(Scratch* scratch, Scratch::Job** top, Scratch::Job** cap, std::size_t more);
  struct Alt {
    std::int32_t pc;  // the alternative's first instruction
    Set first;        // the characters it can start with
    bool nullable;    // or it can match the empty string (then it is always tried)
  };
  std::vector<Inst> insts_;
  std::string lit_;   // kLit bytes, letters of case-folded runs lower-case
  std::string mask_;  // per byte of lit_: 0x20 where a letter's case is folded, else 0
  std::vector<Set> sets_;
  std::vector<Alt> alts_;
  // For a kAlt of many alternatives, the first instructions of those that can start with each
  // character (0..127, then 128 for none: the end of the text), in order of preference:
  // starts_[dispatch_[y + c] .. dispatch_[y + c + 1]).
  static constexpr int kDispatchFrom = 4;  // alternatives
  std::vector<std::uint32_t> dispatch_;
  std::vector<std::int32_t> starts_;
  int groups_ = 0;
};

}  // namespace timeline::temporal_detail
