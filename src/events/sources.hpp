// Who says it and how sure: the sources of a sentence (claimed_by, reported_by) and the status
// and certainty of an action read from the cues around its trigger.
//
// Thread safety: reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>

#include "events/sentence.hpp"

namespace timeline::events {

struct Source {
  std::size_t verb = 0;      // token of the attribution cue
  std::string name;          // "Dmitry Peskov", "users", "a source in the industry"
  std::string kind;          // entity kind, "people" for role nouns, "" for free text
  bool official = false;     // an official source (authority, official person)
  bool outlet = false;       // a news outlet: goes to reported_by
  Mention mention;           // when the source is an entity mention
  bool has_mention = false;
};

// The sources named in the sentence, in order, into *out (cleared first, its capacity kept: a
// caller reading many sentences keeps one list).
// With `first_named_only`, the list ends after its first source that names an entity and is not
// an outlet (has_mention && !outlet): the sources before it are those of the whole list, and
// nothing after it is made (for a sentence without triggers, whose sources tell the discourse
// that one only).
void find_sources(std::string_view text, const SentenceInfo& si, std::vector<Source>* out,
                  bool first_named_only = false);

// True when the token at i is inside a clause boundary cue, a say cue, "that" or punctuation that
// ends a clause.
bool is_boundary(const SentenceInfo& si, std::size_t i);

// Status of the action whose trigger covers tokens [first, last) in clause [clause_first, ...).
Status status_of(const SentenceInfo& si, std::size_t first, std::size_t last,
                 std::size_t clause_first, bool* ongoing_cue);

// True when the trigger stands in a condition ("if Google did not restore ...").
bool in_condition(const SentenceInfo& si, std::size_t clause_first);

}  // namespace timeline::events
