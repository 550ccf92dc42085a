// timeline extract: the censorship claims of each article, one JSON object per article and line.
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include <timeline/extractor.hpp>
#include <timeline/json.hpp>
#include <timeline/tagger.hpp>
#include <timeline/text.hpp>

#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

const char kExtractUsage[] =
    "usage: timeline extract [options] FILE...\n"
    "\n"
    "Extracts the censorship claims of each article: who did what to which service, when,\n"
    "according to whom, with the sentence it comes from. Writes one JSON object per article and\n"
    "line: {id, title, url, published, source, claims: [...]} (schemas/claims.schema.json).\n"
    "\n"
    "options:\n"
    "  -o, --output FILE        write the JSON Lines to FILE instead of standard output\n"
    "  --domain NAME            domain pack under rules/domains/ (default: censorship)\n"
    "  --published YYYY-MM-DD   publication date for every document (overrides the file's)\n"
    "  --input-format NAME      auto (default), txt, html, jsonl or tml\n"
    "  --rules DIR              rule files laid over the built-in ones\n"
    "                           (DIR/domains/censorship/triggers.tsv, DIR/en/*.rules)\n"
    "  --jobs N                 threads\n";

}  // namespace

int cmd_extract(int argc, char** argv) {
  Options opt;
  if (!parse_options(argc, argv, 2, {{"domain", true, "domain pack"}}, &opt, std::cerr))
    return kExitUsage;
  if (opt.help) {
    std::cout << kExtractUsage;
    return kExitOk;
  }
  if (opt.inputs.empty()) {
    std::cerr << "timeline extract: no input (give files, or '-' for standard input)\n";
    return kExitUsage;
  }
  LoadOptions load;
  DataFiles data;
  if (!prepare_inputs(opt, &load, &data, std::cerr)) return kExitUsage;
  // With threads to spare, the domain pack loads while the tagger compiles its rules (both only
  // read `data`, which is safe to share).
  Error err;
  std::unique_ptr<Extractor> extractor;
  const std::string domain = opt.get("domain", "censorship");
  std::exception_ptr failure;  // an exception of the loading thread, thrown again here
  auto load_pack = [&] {
    try {
      extractor = Extractor::create(data, domain, &err);
    } catch (...) {
      failure = std::current_exception();
    }
  };
  std::unique_ptr<Tagger> tagger;
  if (opt.jobs > 1) {
    std::thread loader(load_pack);
    try {
      tagger = create_tagger(data, "extract", std::cerr);
    } catch (...) {
      loader.join();
      throw;
    }
    loader.join();
    if (failure) std::rethrow_exception(failure);
    if (!tagger) return kExitUsage;
  } else {
    tagger = create_tagger(data, "extract", std::cerr);
    if (!tagger) return kExitUsage;
    load_pack();
    if (failure) std::rethrow_exception(failure);
  }
  if (!extractor) {
    std::cerr << "timeline extract: " << err.str() << "\n";
    return kExitUsage;
  }
  std::ofstream file;
  if (!opt.output.empty()) {
    file.open(opt.output, std::ios::binary);
    if (!file) {
      std::cerr << "timeline extract: cannot write " << opt.output << "\n";
      return kExitSomeFailed;
    }
  }
  std::ostream& out = opt.output.empty() ? std::cout : file;
  LineWriter lines(out, opt);
  auto work = [&](const Document& d, std::string* result, Error*) {
    // The text is split into sentences once, for both stages.
    const std::vector<Sentence> sentences = segment(d.text);
    *result = dump_json(extractor->extract(d, tagger->tag(d.text, d.published, sentences),
                                           sentences));
    return true;
  };
  auto emit = [&](BatchItem&& item) { lines.write(item.result, "\n"); };
  const int failed = run_batch(opt, load, work, emit, std::cerr);
  lines.flush();
  if (!out) {
    std::cerr << "timeline extract: cannot write " << (opt.output.empty() ? "-" : opt.output)
              << "\n";
    return kExitSomeFailed;
  }
  if (file.is_open()) file.close();
  return finish_run(failed > 0 ? kExitSomeFailed : kExitOk);
}

}  // namespace timeline::cli
