// timeline/tagger.hpp: finds temporal expressions and normalizes them.
//
// Two phases. Match: the language's rules (data, rules/<lang>/) find spans and give each a partial
// value ("UNDEF-last-year-08", "UNDEF-this-weekday-4"). Resolve: the partial value, the anchor (the
// publication date, or the last date the narrative established for "the next day") and the tense
// of the sentence give the full TIMEX3 value; all arithmetic is Boost.Date_Time.
//
// Example:
//   timeline::Error err;
//   auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &err);
//   if (!tagger) { report(err); return; }
//   for (const timeline::Timex& t : tagger->tag(doc)) ...
//
// A document without a publication date is tagged all the same: absolute dates get values,
// relative ones keep "UNDEF-..." values with resolved == false.
//
// Thread safety: a Tagger is immutable after create(); tag() may be called from many threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/error.hpp>
#include <timeline/text.hpp>
#include <timeline/timex.hpp>

namespace timeline {

class Tagger {
 public:
  // Compiles the rules of `lang` found in `data`. Returns nullptr and fills *error
  // ("rules/en/dates.rules:12: unknown group 'foo'") when a rule file is invalid.
  static std::unique_ptr<Tagger> create(const DataFiles& data, const std::string& lang,
                                        Error* error);
  virtual ~Tagger() = default;

  // Tags `doc.text`, anchored at `doc.published`.
  virtual std::vector<Timex> tag(const Document& doc) const = 0;

  // Same, when the caller already has the sentences (the claim stage does).
  virtual std::vector<Timex> tag(std::string_view text, std::string_view published,
                                 const std::vector<Sentence>& sentences) const = 0;
};

}  // namespace timeline
