// timeline/text.hpp: sentences, with the cues later stages read from them.
//
// segment() splits a document's text into sentences by byte span. It knows the abbreviations of
// news text ("Jan.", "Mr.", "U.S.", "No. 5"), quotes that close after a full stop, and line breaks
// that end headlines and paragraphs. It never copies the text. The tense cues of a sentence
// (src/text/tense.hpp) are read by the tagger, only for sentences that hold a time expression.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace timeline {

enum class Tense { kUnknown, kPast, kPresent, kFuture };

struct Sentence {
  std::uint32_t begin = 0, end = 0;  // byte span in the text, trailing space excluded
};

std::vector<Sentence> segment(std::string_view text);

}  // namespace timeline
