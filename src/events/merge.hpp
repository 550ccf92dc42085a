// One claim per distinct action: restatements of an action in the same article are merged.
//
// Two drafts are the same action when their action labels are equal, their statuses are of the
// same kind (done and ongoing together; planned, threatened and denied each apart), their
// targets overlap, and their times do not contradict (two times from the text that do not
// overlap are two events). A draft without targets that refers back ("the ban") joins the last
// claim of its action. The merged claim keeps the most precise time (a time from the text beats
// the statement's time, a day beats a month) with that draft's status, the first actor and source
// named, every evidence sentence in reading order (the chosen one first), and confirmed
// certainty if any restatement is confirmed.
//
// Thread safety: reentrant.
#pragma once

#include <string>
#include <vector>

#include <timeline/claim.hpp>

#include "events/sentence.hpp"

namespace timeline::events {

// Merges drafts one at a time, in reading order, so that a document's drafts need not be held
// together: memory follows the claims kept, not the triggers read.
class Merger {
 public:
  void add(Draft&& d);
  // The claims, numbered "<doc_id>#1", "#2", ...; the merger is empty afterwards.
  std::vector<Claim> finish(const std::string& doc_id);

 private:
  struct Slot {
    Claim claim;
    bool inherited;
    std::size_t last_sentence;
    std::string country;
  };
  std::vector<Slot> out_;
};

// Merges `drafts` (in reading order) into claims, numbered "<doc_id>#1", "#2", ...
std::vector<Claim> merge_drafts(std::vector<Draft> drafts, const std::string& doc_id);

}  // namespace timeline::events
