// One sentence as the claim extractor reads it, and the claims drafted from it.
//
// analyze() finds triggers, mentions and cues; draft_claims() fills, for each trigger, the
// actor and targets from the clause around it (active or passive voice, several targets joined by
// "and"), the source (claimed_by, reported_by), the status (denial, negation, condition, plan,
// ongoing) and the certainty. Time is linked afterwards (timelink.hpp) and restatements are
// merged per document (merge.hpp).
//
// Thread safety: reentrant; the Discourse belongs to the document being read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/text.hpp>

#include "events/mentions.hpp"
#include "events/pack.hpp"
#include "events/tokens.hpp"

namespace timeline::events {

struct TriggerHit {
  std::size_t rule = 0;
  std::size_t first = 0, count = 0;
  bool nominal = false;  // a verb form used as a noun ("the block", "a ban")
  std::size_t last() const { return first + count; }
};

struct SentenceInfo {
  Sentence sentence;
  TokenList toks;
  std::vector<Start> starts;  // the tokens where phrases of the pack can begin (find_starts)
  std::vector<Mention> mentions;
  std::vector<TriggerHit> triggers;  // stop phrases removed
  std::vector<CueHit> cues;
  // Whether a cue of that kind covers token.
  bool has_cue(std::size_t token, std::string_view cue) const {
    const int kind = cue_kind(cue);
    if (kind >= 0 && cue_bits.size() == toks.size())
      return token < cue_bits.size() && (cue_bits[token] >> kind & 1u) != 0;
    return has_cue_in_list(token, cue);
  }
  bool has_cue_in_list(std::size_t token, std::string_view cue) const;  // from `cues`

  // Per token, filled by analyze() so that the clause and status scans look each up once (when
  // empty, has_cue and is_boundary work them out from the lists above):
  std::vector<std::uint16_t> cue_bits;  // bit cue_kind(name) set for each cue covering the token
  // One byte a token rather than std::vector<bool>'s bit: written and read without masking.
  std::vector<std::uint8_t> boundary;     // is_boundary()
  std::vector<std::uint8_t> since_ahead;  // a "since" at or after it, before any "but" or ";"
  std::vector<std::uint32_t> trigger_at;  // index of the trigger starting at it, or kNoTrigger
  static constexpr std::uint32_t kNoTrigger = 0xFFFFFFFFu;
};

SentenceInfo analyze(const Pack& pack, std::string_view text, const Sentence& s, Discourse* d);
// The same into *si, replacing what it held but keeping the capacity of its lists (a caller
// reading many sentences keeps one SentenceInfo).
void analyze(const Pack& pack, std::string_view text, const Sentence& s, Discourse* d,
             SentenceInfo* si);
// The same when si->toks already holds the tokens of `s` with their word ids (tokenize() with
// pack.vocab; may_hold_trigger() leaves them so): they are not cut again.
void analyze_tokens(const Pack& pack, std::string_view text, const Sentence& s, Discourse* d,
                    SentenceInfo* si);

// Whether the sentence holds a trigger phrase (not a stop phrase). When false, analyze() finds no
// triggers in it and draft_claims() drafts nothing from it; this is cheaper than analyze() (no
// mentions, no cues).
// The text is tested first by pack.trigger_prefilter, which rules most sentences out without
// tokenizing them. The second form leaves in *toks the tokens of `s` with their word ids when
// it had to cut them (always when it returns true), for analyze_tokens().
bool may_hold_trigger(const Pack& pack, std::string_view text, const Sentence& s);
bool may_hold_trigger(const Pack& pack, std::string_view text, const Sentence& s,
                      TokenList* toks);

// A claim drafted from one trigger, with what the time linker needs to know about it.
struct Draft {
  Claim claim;
  std::size_t sentence_index = 0;
  std::size_t trigger_first = 0, trigger_last = 0;  // tokens
  std::size_t clause_first = 0, clause_last = 0;    // tokens
  bool definite = false;      // "the ban": refers back to an action named before
  bool inherited_targets = false;
  bool ongoing_cue = false;   // "since" after the trigger without a timex
  std::string actor_country;  // the actor's country when known, to keep apart look-alikes
  bool restores_previous = false;   // "the shutdown was lifted": restores what that action hit
  Action restored_action = Action::kBlock;
  bool censorship_context = false;  // the sentence also names a block, slowdown, restriction,
                                    // shutdown or restoration
};

// The drafts' evidence holds the sentence's span; its `sentence` text is left for the caller to
// fill for the claims it keeps.
std::vector<Draft> draft_claims(const Pack& pack, std::string_view text, const SentenceInfo& si,
                                std::size_t sentence_index, Discourse* d);

}  // namespace timeline::events
