// Phase one of the tagger: finds rule matches in a sentence. At each place a word or sign starts,
// one walk of the rules' automaton (which stops as soon as no rule can go on, usually after a
// byte or two) says which rules may match there, and only those run, anchored, for the match and
// its groups: through the rule's own RuleProgram on a sentence of ASCII text, else (or when the
// program gives up) through RE2. A rule's next match starts after its last one, as in a
// left-to-right search. The winners are chosen longest first (then higher priority, then
// leftmost), without overlap; blocking rules (type NONE) win spans that then yield nothing.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "temporal/rule_automaton.hpp"
#include "temporal/rule_program.hpp"
#include "temporal/rules.hpp"
#include "temporal/template.hpp"
#include "timeline/text.hpp"

namespace timeline::temporal_detail {

struct Match {
  std::uint32_t begin = 0, end = 0;  // byte offsets into the text given to find()
  const Rule* rule = nullptr;
  std::string type, value, mod, quant, freq;  // expanded templates (value is partial)
  std::string value_after_quarter;            // expanded, or ""
};

class Matcher {
 public:
  // Takes the rules; returns nullptr and fills *error when the set cannot be compiled.
  static std::unique_ptr<Matcher> create(RuleSet rules, Error* error);

  // Matches in text[begin, end) (a sentence), with offsets into `text`, sorted by begin.
  std::vector<Match> find(std::string_view text, std::uint32_t begin, std::uint32_t end) const;

  // find() in two parts, for the sentences of a text: scan() finds, in every sentence, the
  // places where some rule may match (the automaton's walks: its table is then read in one go,
  // not between the rules' work on each sentence, which pushes it out of the cache); find()
  // with the scan then tries the rules at the places of sentence i. Together they give what
  // find() gives for each sentence.
  struct Scan {
    // A place where a rule may match, and where its walk goes on (from state s at text[q]).
    using Place = RuleAutomaton::Walker::Found;
    std::vector<Place> places;
    std::vector<std::uint32_t> first;  // sentence i's places: [first[i], first[i + 1])
    std::vector<std::uint8_t> ascii;   // sentence i is all ASCII
  };
  // A sentence that is empty or lies beyond the text has no places.
  void scan(std::string_view text, const std::vector<Sentence>& sentences, Scan* out) const;
  std::vector<Match> find(std::string_view text, std::uint32_t begin, std::uint32_t end,
                          const Scan& scan, std::size_t i) const;

  const RuleSet& rules() const { return rules_; }

  // For the build (src/tools/automaton_gen.cpp): every rule's program made ahead of time, as the
  // table a matcher of the same rules takes (with the automaton's): per rule, whether its
  // pattern could be read, whether RE2's Latin-1 program may stand in on ASCII, and the program.
  static std::string write_programs(const RuleSet& rules);
  // The programs table this matcher took, or an empty view.
  std::string_view prebuilt_programs() const { return programs_; }
  // Which rules may match where (prebuilt() tells whether it took the table made ahead of time).
  const RuleAutomaton& automaton() const { return automaton_; }

 private:
  struct RuleInfo {
    int ngroups = 0;
    int tx_group = -1;
    // The rule's templates: type, value, mod, quant, freq, value_after_quarter.
    std::vector<Template> templates;
    // The rule's own engine for sentences of ASCII text, or nullptr (then RE2 runs): compiled
    // from `syntax` the first time a walk names the rule (on one article most rules are never
    // named; with --jobs the threads share the work). `syntax` is the pattern read when the
    // automaton needed it (not with the one made ahead of time), else read then. `compiled` is
    // set, with release order, once `program` and `latin1_same` are final; `syntax` is dropped
    // then.
    mutable std::unique_ptr<Syntax> syntax;
    mutable std::unique_ptr<RuleProgram> program;
    std::unique_ptr<std::atomic<bool>> compiled;
    // RE2's Latin-1 program may stand in for the UTF-8 one on ASCII (read once compiled; only
    // ASCII sentences, which ask for the program first, look at it).
    mutable bool latin1_same = false;
  };
  // The program of rule `id` (see RuleInfo), compiled if not yet.
  const RuleProgram* program(std::size_t id) const {
    const RuleInfo& info = info_[id];
    if (!info.compiled->load(std::memory_order_acquire)) compile_program(id);
    return info.program.get();
  }
  void compile_program(std::size_t id) const;
  // Appends the places of text[begin, end) to *out (scan() for one sentence), walked by
  // `walker` (one of this matcher's automaton).
  void scan_sentence(const RuleAutomaton::Walker& walker, std::string_view text,
                     std::uint32_t begin, std::uint32_t end, Scan* out) const;
  // Rule `id`'s entry of the programs table (see write_programs), or an empty view.
  std::string_view program_entry(std::size_t id) const;
  RuleSet rules_;
  // The programs made ahead of time for these rules (taken with the automaton), or empty.
  std::string_view programs_;
  std::vector<RuleInfo> info_;  // by rule index (programs compiled under compile_locks_)
  RuleAutomaton automaton_;  // at a place, which rules may match starting there
  // Rule k's program is compiled under compile_locks_[k % kCompileLocks]: with --jobs the
  // threads need many programs at once early in a run, and one lock for all made them wait for
  // each other's compiles (a thread that needs the same rule still waits for it).
  static constexpr std::size_t kCompileLocks = 16;
  mutable std::array<std::mutex, kCompileLocks> compile_locks_;
};

}  // namespace timeline::temporal_detail
