// read_claim_inputs(): claims JSON read as it is, articles run through tagger and extractor.
#include "cli/claim_inputs.hpp"

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <timeline/extractor.hpp>
#include <timeline/json.hpp>
#include <timeline/tagger.hpp>
#include <timeline/text.hpp>
#include <timeline/timeline.hpp>

namespace timeline::cli {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads `path` when it is a claims file; returns true with *is_claims == false for an article.
bool read_claims_file(const std::string& path, std::vector<DocumentClaims>* docs, bool* is_claims,
                      std::ostream& err) {
  *is_claims = false;
  if (path == "-" || !(ends_with(path, ".json") || ends_with(path, ".jsonl"))) return true;
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;  // the loader reports it as an article input would be
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string bytes = buf.str();
  if (!looks_like_claims_json(bytes)) return true;
  *is_claims = true;
  // Every good record comes out; each bad one is one error line.
  const int bad = read_document_claims(
      bytes, path,
      [&](DocumentClaims&& d) {
        if (d.source.empty()) d.source = path;
        docs->push_back(std::move(d));
      },
      [&](Error&& e) { err << e.str() << "\n"; });
  return bad == 0;
}

}  // namespace

ClaimInputs read_claim_inputs(const Options& opt, const DataFiles& data, const LoadOptions& load,
                              const std::string& domain, std::ostream& err) {
  ClaimInputs out;
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Extractor> extractor;
  std::vector<std::string> articles;  // consecutive article inputs, run as one batch
  auto flush = [&]() {
    if (articles.empty()) return true;
    Error e;
    if (!tagger && !(tagger = Tagger::create(data, "en", &e))) {
      err << e.str() << "\n";
      return false;
    }
    if (!extractor && !(extractor = Extractor::create(data, domain, &e))) {
      err << e.str() << "\n";
      return false;
    }
    Options sub = opt;
    sub.inputs = articles;
    auto work = [&](const Document& doc, std::string* result, Error*) {
      // The text split once, for the tagger and the extractor both.
      const std::vector<Sentence> sentences = segment(doc.text);
      DocumentClaims dc =
          extractor->extract(doc, tagger->tag(doc.text, doc.published, sentences), sentences);
      if (dc.id.empty()) dc.id = doc.id;
      if (dc.published.empty()) dc.published = doc.published;
      if (dc.source.empty()) dc.source = doc.source;
      *result = nlohmann::json(dc).dump();
      return true;
    };
    auto emit = [&](BatchItem&& item) {
      out.documents.push_back(nlohmann::json::parse(item.result).get<DocumentClaims>());
    };
    out.failures += run_batch(sub, load, work, emit, err);
    articles.clear();
    return true;
  };
  for (const std::string& path : opt.inputs) {
    bool is_claims = false;
    std::vector<DocumentClaims> found;
    if (!read_claims_file(path, &found, &is_claims, err)) ++out.failures;
    if (!is_claims) {
      articles.push_back(path);
      continue;
    }
    if (!flush()) {
      out.fatal = true;
      return out;
    }
    for (DocumentClaims& d : found) out.documents.push_back(std::move(d));
  }
  if (!flush()) out.fatal = true;
  return out;
}

}  // namespace timeline::cli
