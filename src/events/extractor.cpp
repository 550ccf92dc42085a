// Extractor::create and extract(): the claim stage over a document (timeline/extractor.hpp).
#include <timeline/extractor.hpp>

#include <algorithm>

#include <timeline/text.hpp>

#include "events/merge.hpp"
#include "events/pack.hpp"
#include "events/sentence.hpp"
#include "events/timelink.hpp"

namespace timeline {
namespace {

class PackExtractor : public Extractor {
 public:
  explicit PackExtractor(events::Pack pack) : pack_(std::move(pack)) {}

  DocumentClaims extract(const Document& doc, const std::vector<Timex>& timexes) const override {
    return extract(doc, timexes, segment(doc.text));
  }

  DocumentClaims extract(const Document& doc, const std::vector<Timex>& timexes,
                         const std::vector<Sentence>& sentences) const override {
    DocumentClaims out;
    out.id = doc.id;
    out.title = doc.title;
    out.url = doc.url;
    out.published = doc.published;
    out.source = doc.source;
    // One sentence at a time: its tokens and drafts are dropped once merged, so memory follows
    // the longest sentence and the claims kept, not the document.
    // The thread's, cleared for each document: its lists keep their capacity (that of the
    // largest document read so far).
    thread_local events::Discourse discourse;
    discourse.clear();
    events::Merger merger;
    // Timexes in text order (the tagger's): a sentence's are found by binary search.
    const bool sorted = std::is_sorted(timexes.begin(), timexes.end(),
                                       [](const Timex& a, const Timex& b) { return a.begin < b.begin; });
    // The sentences after the last one with a trigger draft nothing, and what they would tell
    // the discourse no earlier sentence reads: they are left unread.
    // The tokens of the last sentence tested are kept: it is the last one analyzed below.
    std::size_t read = sentences.size();
    // Kept by the thread from one document to the next too, and swapped with si.toks below,
    // so that both keep their buffers.
    thread_local events::TokenList last;
    while (read > 0 && !events::may_hold_trigger(pack_, doc.text, sentences[read - 1], &last))
      --read;
    // One for every sentence of every document this thread reads: its lists keep their
    // capacity (analyze() replaces all that it holds).
    thread_local events::SentenceInfo si;
    for (std::size_t i = 0; i < read; ++i) {
      if (i + 1 == read) {
        std::swap(si.toks, last);
        events::analyze_tokens(pack_, doc.text, sentences[i], &discourse, &si);
      } else {
        events::analyze(pack_, doc.text, sentences[i], &discourse, &si);
      }
      std::vector<events::Draft> d = events::draft_claims(pack_, doc.text, si, i, &discourse);
      std::size_t from = 0, to = timexes.size();
      if (sorted) {
        auto by_begin = [](const Timex& t, std::uint32_t offset) { return t.begin < offset; };
        from = static_cast<std::size_t>(
            std::lower_bound(timexes.begin(), timexes.end(), sentences[i].begin, by_begin) -
            timexes.begin());
        to = static_cast<std::size_t>(
            std::upper_bound(timexes.begin() + static_cast<long>(from), timexes.end(),
                             sentences[i].end,
                             [](std::uint32_t offset, const Timex& t) { return offset < t.begin; }) -
            timexes.begin());
      }
      events::link_times(si, timexes, from, to, doc.published, &d);
      for (events::Draft& x : d) merger.add(std::move(x));
    }
    out.claims = merger.finish(doc.id);
    // The evidence sentences' words, for the claims kept (drafts carry the spans only).
    const std::string_view text = doc.text;
    for (Claim& c : out.claims)
      for (Evidence& e : c.evidence)
        e.sentence = std::string(text.substr(e.span.begin, e.span.end - e.span.begin));
    return out;
  }

 private:
  events::Pack pack_;
};

}  // namespace

std::unique_ptr<Extractor> Extractor::create(const DataFiles& data, const std::string& domain,
                                             Error* error) {
  events::Pack pack;
  if (!events::load_pack(data, domain, &pack, error)) return nullptr;
  return std::make_unique<PackExtractor>(std::move(pack));
}

}  // namespace timeline
