// Linking each drafted claim to the time that governs it.
//
// Within its sentence, a claim takes the nearest date or time expression, preferring one in its
// own clause and one that no other trigger stands closer to. A "since" signal opens the interval
// ("since January" → start 2026-01-01, open end) and makes a done action ongoing; a range ("from
// July 18 to July 23") gives both ends; a duration after "for" is kept as when.duration. With no
// time in the sentence, the claim takes the time of the statement: the publication date, basis
// "statement" (or basis "none" when the document has no date).
//
// Thread safety: reentrant.
#pragma once

#include <string_view>
#include <vector>

#include <timeline/timex.hpp>

#include "events/sentence.hpp"

namespace timeline::events {

// Fills draft.claim.when for every draft of the sentence `si`. `drafts` are draft_claims()'s,
// in its order.
void link_times(const SentenceInfo& si, const std::vector<Timex>& timexes,
                std::string_view published, std::vector<Draft>* drafts);
// The same, looking only at timexes[from, to): a range that holds every timex of the sentence
// (when the timexes are sorted by offset, the caller finds it by binary search).
void link_times(const SentenceInfo& si, const std::vector<Timex>& timexes, std::size_t from,
                std::size_t to, std::string_view published, std::vector<Draft>* drafts);

// The When of the publication date (basis "statement"), or basis "none" without a date.
When statement_time(std::string_view published);

}  // namespace timeline::events
