// timeline compare: the claims of several articles aligned into events, each corroborated, in
// conflict, or from a single source (timeline/compare.hpp); writes compare.json and compare.html.
#include <cstdlib>
#include <iostream>

#include <timeline/compare.hpp>

#include "cli/claim_inputs.hpp"
#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

const char kHelp[] =
    "usage: timeline compare FILE... -o DIR [options]\n"
    "\n"
    "Aligns the claims of all inputs: the same action on an overlapping target, at times that\n"
    "overlap (or lie a few days apart), is one event. Each event is corroborated (two or more\n"
    "articles agree within the precision they give), a conflict (they disagree on the date, the\n"
    "duration, the status or the actor; each side with its sentence) or single-source.\n"
    "Writes into DIR:\n"
    "  compare.json   events, verdicts, sides and evidence (schemas/compare.schema.json)\n"
    "  compare.html   one lane per article on a shared time axis, conflicts side by side, and a\n"
    "                 merged timeline with the number of sources per event (self-contained)\n"
    "\n"
    "FILE is an article (.txt .html .jsonl .tml, '-' for standard input) or the output of\n"
    "'timeline extract' (.json or .jsonl of {id, title, url, published, claims})\n"
    "\n"
    "options:\n"
    "  -o, --output DIR        folder to write into (created if missing); required\n"
    "  --max-gap-days N        disjoint times at most N days apart are one event in conflict\n"
    "                          (default 3); farther apart they are separate events\n"
    "  --domain NAME           domain pack under rules/domains/ (default: censorship)\n"
    "  --published YYYY-MM-DD  publication date for articles that do not give one\n"
    "  --input-format NAME     auto, txt, html, jsonl or tml (articles only)\n"
    "  --rules DIR             rules and templates laid over the built-in ones\n"
    "  --jobs N                threads for articles (default 1)\n";

}  // namespace

int cmd_compare(int argc, char** argv) {
  Options opt;
  const std::vector<FlagSpec> flags = {
      {"max-gap-days", true, "days between disjoint times of one event"},
      {"domain", true, "domain pack"}};
  if (!parse_options(argc, argv, 2, flags, &opt, std::cerr)) return kExitUsage;
  if (opt.help) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (opt.inputs.empty() || opt.output.empty()) {
    std::cerr << "timeline compare: "
              << (opt.inputs.empty() ? "no input" : "no output folder (-o DIR)") << "\n"
              << kHelp;
    return kExitUsage;
  }
  CompareOptions options;
  if (opt.has("max-gap-days")) {
    const std::string v = opt.get("max-gap-days");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 0 || n > 3660) {
      std::cerr << "timeline: --max-gap-days takes a whole number from 0 to 3660, not '" << v
                << "'\n";
      return kExitUsage;
    }
    options.max_gap_days = static_cast<int>(n);
  }
  DataFiles data;
  LoadOptions load;
  if (!prepare_inputs(opt, &load, &data, std::cerr)) return kExitUsage;

  ClaimInputs in = read_claim_inputs(opt, data, load, opt.get("domain", "censorship"), std::cerr);
  if (in.fatal) return kExitUsage;

  const Comparison cmp = compare(in.documents, options);
  std::string html;
  Error e;
  if (!render_compare_html(data, in.documents, cmp, &html, &e)) {
    std::cerr << e.str() << "\n";
    return kExitSomeFailed;
  }
  if (!write_file(opt.output + "/compare.json", compare_json(in.documents, cmp).dump(2) + "\n",
                  std::cerr) ||
      !write_file(opt.output + "/compare.html", html, std::cerr)) {
    return kExitSomeFailed;
  }
  if (cmp.stats.repeated_documents) {
    std::cerr << "timeline compare: left out " << cmp.stats.repeated_documents
              << " of the documents: their id repeats an earlier one\n";
  }
  std::size_t counts[3] = {0, 0, 0};
  for (const AlignedEvent& ev : cmp.events) ++counts[static_cast<int>(ev.verdict)];
  std::cerr << "timeline compare: " << cmp.events.size() << " events from "
            << in.documents.size() << " documents: "
            << counts[static_cast<int>(Verdict::kCorroborated)] << " corroborated, "
            << counts[static_cast<int>(Verdict::kConflict)] << " in conflict, "
            << counts[static_cast<int>(Verdict::kSingleSource)] << " single-source -> "
            << opt.output << "/compare.html\n";
  return in.failures ? kExitSomeFailed : kExitOk;
}

}  // namespace timeline::cli
