// The domain pack: what the claim extractor knows about a domain, loaded from data.
//
// rules/domains/<domain>/ holds (format in rules/domains/censorship/README.md):
//   triggers.tsv  action words ("blocked", "slowed down") with their action and form
//   actors.tsv    known actors and sources with aliases ("the communications watchdog")
//   targets.tsv   services and networks with aliases ("mobile data" = mobile internet)
//   regions.tsv   countries and regions, with adjectives ("Russian")
//   cues.tsv      attribution, status, certainty cues, anaphors and clause boundaries
//   patterns.tsv  generic entity patterns (RE2): "the Ministry of X", "X's telecom regulator"
// Every file is optional except triggers.tsv; a bad line fails the load with "file:line: why".
//
// Thread safety: immutable after load; share freely.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/data.hpp>
#include <timeline/error.hpp>

#include "events/patterns.hpp"
#include "events/prefilter.hpp"
#include "events/tokens.hpp"

namespace timeline::events {

enum class Form { kVerb, kNoun };

struct TriggerRule {
  bool stop = false;  // "-": a phrase that is never a trigger
  Action action = Action::kBlock;
  Form form = Form::kVerb;
  Phrase phrase;
  std::string pattern;
};

struct EntityRule {
  std::string name, kind, country;  // country: for regions the kind ("country"/"region")
  Phrase phrase;
};

struct EntityPattern {
  bool actor = true;  // false: target
  std::string kind, name_template;
};

// The cue names cues.tsv may use; cue_kind() gives a name's position in this list (a bit in a
// 16-bit mask), or -1 for a name not in it.
// Both are constexpr, so that cue_kind("say") in the code costs nothing when it runs.
constexpr std::string_view kCueNames[] = {"say",           "according",      "report",  "deny",
                                          "negate",        "threaten",       "plan",    "ongoing",
                                          "reported",      "official",       "speaker", "authority",
                                          "anaphor-actor", "anaphor-target", "boundary"};
constexpr int cue_kind(std::string_view name) {
  int k = 0;
  for (const std::string_view c : kCueNames) {
    if (name == c) return k;
    ++k;
  }
  return -1;
}

struct CueRule {
  std::string cue;    // "say", "deny", "anaphor-actor", ...
  int kind = -1;      // cue_kind(cue)
  std::string value;  // "anaphor-actor": the kind pointed at ("regulator", "*")
  Phrase phrase;
};

enum class EntityTable { kActor, kTarget, kRegion };

// The rules of one table by the lower-case words their phrase can start with (Phrase::first()),
// each list in table order, so that a token only tries the rules that can begin at it.
class PhraseIndex {
 public:
  // `vocab` holds every first word of `rules` (load_pack binds the phrases first).
  template <typename Rule>
  void build(const std::vector<Rule>& rules, Vocabulary* vocab) {
    by_first_.clear();
    by_id_.clear();
    next_.clear();
    second_.assign(rules.size(), {});
    for (std::size_t r = 0; r < rules.size(); ++r) {
      if (const std::vector<std::uint32_t>* ids = rules[r].phrase.second_ids()) {
        second_[r].ids = *ids;
        second_[r].any = false;
      }
      for (const std::string& alt : rules[r].phrase.first()) {
        const std::string word = lower(alt);
        std::vector<std::size_t>& list = by_first_[word];
        if (list.empty() || list.back() != r) list.push_back(r);
        const std::uint32_t id = vocab->add(word);
        if (by_id_.size() <= id) {
          by_id_.resize(id + 1);
          next_.resize(id + 1);
        }
        if (by_id_[id].empty() || by_id_[id].back() != r) {
          by_id_[id].push_back(r);
          Next& n = next_[id];
          n.any = n.any || second_[r].any;
          n.ids.insert(n.ids.end(), second_[r].ids.begin(), second_[r].ids.end());
        }
      }
    }
    for (Next& n : next_) {
      std::sort(n.ids.begin(), n.ids.end());
      n.ids.erase(std::unique(n.ids.begin(), n.ids.end()), n.ids.end());
    }
  }
  // The rules that can start at `tok` (null when none): by its word_id when it has one, else by
  // its lower-case text.
  const std::vector<std::size_t>* at(const Token& tok) const {
    if (tok.word_id == kUnindexed) {
      const auto it = by_first_.find(std::string(tok.lower));
      return it == by_first_.end() ? nullptr : &it->second;
    }
    if (tok.word_id >= by_id_.size() || by_id_[tok.word_id].empty()) return nullptr;
    return &by_id_[tok.word_id];
  }
  // Whether a rule can start at a token whose word_id is `id` (at() is not null for it).
  bool starts_with(std::uint32_t id) const { return id < by_id_.size() && !by_id_[id].empty(); }
  // False when no rule of the list at() gave for toks[i] can match there because of the word
  // after it (may_match() would be false for each): one look for the whole list.
  bool any_may_match(const std::vector<Token>& toks, std::size_t i) const {
    const std::uint32_t first = toks[i].word_id;
    if (first == kUnindexed || first >= next_.size()) return true;
    const Next& n = next_[first];
    if (n.any) return true;
    if (i + 1 >= toks.size()) return false;
    const std::uint32_t id = toks[i + 1].word_id;
    return id == kUnindexed || std::binary_search(n.ids.begin(), n.ids.end(), id);
  }
  // False when rule `r` (of the list at() gave for toks[i]) cannot match at toks[i] because of
  // the word after it: a cheap look at the second word before Phrase::match. True otherwise.
  bool may_match(std::size_t r, const std::vector<Token>& toks, std::size_t i) const {
    const Second& s = second_[r];
    if (s.any) return true;
    if (i + 1 >= toks.size()) return false;
    const std::uint32_t id = toks[i + 1].word_id;
    if (id == kUnindexed) return true;
    for (const std::uint32_t x : s.ids)
      if (x == id) return true;
    return false;
  }

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
  std::vector<std::vector<std::size_t>> by_id_;
  // Per rule: the ids its second word slot takes (Phrase::second_ids), or any.
  struct Second {
    bool any = true;
    std::vector<std::uint32_t> ids;
  };
  std::vector<Second> second_;
  // Per first word id: what the rules of by_id_[id] take as second word, together (sorted).
  struct Next {
    bool any = false;
    std::vector<std::uint32_t> ids;
  };
  std::vector<Next> next_;
};

struct Pack {
  std::vector<TriggerRule> triggers;
  std::vector<EntityRule> actors, targets, regions;
  std::vector<EntityPattern> patterns;
  // The patterns' regular expressions (ids = indices into `patterns`) with their prefilter, so
  // that a sentence only runs the patterns whose words it holds (most sentences hold none).
  std::unique_ptr<EntityPatterns> pattern_set = std::make_unique<EntityPatterns>();
  std::vector<CueRule> cues;
  // Built by load_pack from the tables above. Every phrase is bound to `vocab`; analyze() indexes
  // a sentence's tokens with it.
  Vocabulary vocab;
  PhraseIndex trigger_index, actor_index, target_index, region_index, cue_index;
  bool triggers_by_id = false;  // every trigger phrase compares words by id (Phrase::by_id)
  // Says, on a sentence's bytes, when no trigger phrase can start in it (prefilter.hpp).
  TriggerPrefilter trigger_prefilter;
  // Per word id of `vocab`: the tables (kStart* bits) with a phrase that can begin with the word.
  std::vector<std::uint8_t> starts;
  // Per word id of `vocab`: the word lists of the mention finder the word is on (kWord* bits of
  // mentions.hpp); empty until add_word_classes. The ids it adds lie past `starts`.
  std::vector<std::uint8_t> word_classes;
};

// Bits of Pack::starts and Start::tables.
constexpr std::uint8_t kStartTrigger = 1, kStartActor = 2, kStartTarget = 4, kStartRegion = 8,
                       kStartCue = 16;

// A token at which a phrase of some table can begin: its index and the tables (kStart* bits).
struct Start {
  std::uint32_t token = 0;
  std::uint32_t tables = 0;
};

// The tokens of toks at which a phrase of some table of the pack can begin, in order, into *out
// (cleared first): by word id (pack.vocab); a token without one (kUnindexed) may begin any.
// Every other token begins no phrase of any table, so the searches need only look at these.
void find_starts(const Pack& pack, const std::vector<Token>& toks, std::vector<Start>* out);

// Loads rules/domains/<domain>/ from `data` into *pack. On failure fills *error.
bool load_pack(const DataFiles& data, const std::string& domain, Pack* pack, Error* error);

// A match of a phrase table on a token list: the rule's index and the tokens it covers.
struct Hit {
  std::size_t rule = 0;
  std::size_t first = 0, count = 0;  // toks[first, first + count)
};

// Longest, leftmost non-overlapping matches of `phrases` (any type with a `phrase` member),
// `index` built from `rules`; on equal length the earlier rule wins.
template <typename Rule>
std::vector<Hit> find_all(const std::vector<Rule>& rules, const PhraseIndex& index,
                          const std::vector<Token>& toks) {
  std::vector<Hit> out;
  for (std::size_t i = 0; i < toks.size();) {
    Hit best;
    const std::vector<std::size_t>* cand = index.at(toks[i]);
    if (cand && index.any_may_match(toks, i)) {
      for (const std::size_t r : *cand) {
        if (!index.may_match(r, toks, i)) continue;
        const std::size_t n = rules[r].phrase.match(toks, i);
        if (n > best.count) best = Hit{r, i, n};
      }
    }
    if (best.count > 0) {
      out.push_back(best);
      i += best.count;
    } else {
      ++i;
    }
  }
  return out;
}

// find_all() over the tokens of `starts` (find_starts()) that carry `table` only, into *out
// (cleared first): the same hits, as a token where no rule of `index` begins is passed over.
template <typename Rule>
void find_all(const std::vector<Rule>& rules, const PhraseIndex& index,
              const std::vector<Token>& toks, const std::vector<Start>& starts,
              std::uint32_t table, std::vector<Hit>* out) {
  out->clear();
  std::size_t next = 0;  // the first token after the last hit
  for (const Start& s : starts) {
    if ((s.tables & table) == 0 || s.token < next) continue;
    const std::size_t i = s.token;
    const std::vector<std::size_t>* cand = index.at(toks[i]);
    if (!cand || !index.any_may_match(toks, i)) continue;
    Hit best;
    for (const std::size_t r : *cand) {
      if (!index.may_match(r, toks, i)) continue;
      const std::size_t n = rules[r].phrase.match(toks, i);
      if (n > best.count) best = Hit{r, i, n};
    }
    if (best.count > 0) {
      out->push_back(best);
      next = i + best.count;
    }
  }
}

}  // namespace timeline::events
