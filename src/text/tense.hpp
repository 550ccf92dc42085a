// Tense cues of a sentence: the resolver reads them to decide whether "Thursday" or "August"
// lies before or after the publication date.
#pragma once

#include <string_view>

#include <timeline/text.hpp>

namespace timeline {

// The tense of a stretch of text from its auxiliaries and verb forms: future when a future
// auxiliary ("will", "'ll", "shall", "going to", "plans to", "expects to", "planned to") is
// present, else past when a past form ("said", "was", "had", a verb in -ed) is, else present
// when a present form ("is", "are", "says", "has") is, else unknown. A plan in the past perfect
// ("had been due to") is past; "is to" + verb counts only in local_tense().
Tense sentence_tense(std::string_view text);

// The tense of the clause around text[pos, end): the nearest cue among the `window` words
// before it, else the nearest among the `window` words after it; kUnknown when no cue is near.
// Used for "confirmed on Thursday" inside a sentence whose main verb is in another tense. A
// reporting verb after the expression ends the search ("..., officials said"), unless the
// expression opens the sentence ("On Friday, officials said"); "planned" after it is past.
// With `weak_anywhere`, a regular -ed form anywhere in the window counts as past; otherwise only
// just before the expression ("announced Wednesday").
Tense local_tense(std::string_view text, std::size_t pos, std::size_t end, int window,
                  bool weak_anywhere = false);

}  // namespace timeline
