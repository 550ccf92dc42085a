// timeline/extractor.hpp: from a document and its timexes to censorship claims.
//
// The domain pack (rules/domains/<domain>/) is data: action triggers, actors and aliases, targets,
// attribution, status and certainty cues. The extractor finds triggers, fills the roles around
// each from the clause, links the governing timex, and merges restatements of one action.
//
// Example:
//   auto ex = timeline::Extractor::create(data, "censorship", &err);
//   timeline::DocumentClaims out = ex->extract(doc, tagger->tag(doc));
//   // or, splitting the text once for both stages:
//   const std::vector<timeline::Sentence> sentences = timeline::segment(doc.text);
//   out = ex->extract(doc, tagger->tag(doc.text, doc.published, sentences), sentences);
//
// Thread safety: immutable after create(); extract() may be called from many threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/error.hpp>
#include <timeline/text.hpp>
#include <timeline/timex.hpp>

namespace timeline {

class Extractor {
 public:
  // Loads rules/domains/<domain>/ from `data`. Returns nullptr and fills *error
  // ("rules/domains/censorship/actors.tsv:14: ...") when the pack is invalid.
  static std::unique_ptr<Extractor> create(const DataFiles& data, const std::string& domain,
                                           Error* error);
  virtual ~Extractor() = default;

  // `timexes` must be the tagger's output for `doc` (offsets into doc.text).
  virtual DocumentClaims extract(const Document& doc, const std::vector<Timex>& timexes) const = 0;

  // The same, when the caller already has the sentences of doc.text (segment(doc.text), as the
  // tagger read them): they are not split again. An implementation that does not take them
  // splits the text itself.
  virtual DocumentClaims extract(const Document& doc, const std::vector<Timex>& timexes,
                                 const std::vector<Sentence>& sentences) const {
    (void)sentences;
    return extract(doc, timexes);
  }
};

}  // namespace timeline
