// Tense cues of a sentence: the resolver reads them to decide whether "Thursday" or "August"
// lies before or after the publication date.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <timeline/text.hpp>

namespace timeline {

// The words of one sentence, found once, and the tense cues asked of them: the tagger asks
// about every expression of a sentence in turn. A word is a run of letters and apostrophes.
// reset() only finds where the words are; a word is looked up in the word lists below the first
// time a question reads it, and the answer kept: local_tense() reads the few words around an
// expression, sentence_tense() all of them. The answers are those of looking every word up at
// reset(). A view of the sentence is kept, so its text must outlive the questions asked
// after reset() (the const questions fill that cache of lookups). Reusing one TenseCues across
// sentences reuses its storage. Not shared between threads.
//
// Example:
//   TenseCues cues("Officials said on Friday that the ban will stay.");
//   cues.local_tense(18, 24, 5, true);  // kPast: "said" just before "Friday"
//   cues.sentence_tense();              // kFuture: "will"
class TenseCues {
 public:
  TenseCues() = default;
  explicit TenseCues(std::string_view sentence) { reset(sentence); }

  // Finds the words of `sentence`, replacing those found before.
  void reset(std::string_view sentence);

  // sentence_tense() and local_tense() below, for the sentence last given to reset().
  Tense sentence_tense() const;
  Tense local_tense(std::size_t pos, std::size_t end, int window, bool weak_anywhere = false) const;
  // local_tense() for `window`, and at once in *wide the same for `wide_window`: two questions
  // the tagger asks of one expression, answered in one search.
  Tense local_tense(std::size_t pos, std::size_t end, int window, int wide_window,
                    bool weak_anywhere, Tense* wide) const;

 private:
  std::string_view text_;  // the sentence
  bool high_ = false;      // a byte of a word is not ASCII: words are lowered by the locale
  std::size_t count_ = 0, capacity_ = 0;  // words, and the room for them
  // Where word k begins and ends: edges_[2k] and edges_[2k + 1], in room for 2 * capacity_.
  std::unique_ptr<std::uint32_t[]> edges_;
  // The word lists word k is in (bits), and its form (-ed); a bit of its own until the word is
  // looked up. In room for capacity_.
  std::unique_ptr<unsigned[]> lists_;
  std::vector<std::uint64_t> bits_;  // bit k: byte k is a word's
};

// The tense of a stretch of text from its auxiliaries and verb forms: future when a future
// auxiliary ("will", "'ll", "shall", "going to", "plans to", "expects to", "planned to") is
// present, else past when a past form ("said", "was", "had", a verb in -ed) is, else present
// when a present form ("is", "are", "says", "has") is, else unknown. A plan in the past perfect
// ("had been due to") is past; "is to" + verb counts only in local_tense().
// These two functions read the words of `text` at each call: a caller asking several questions
// of one sentence keeps a TenseCues instead.
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
