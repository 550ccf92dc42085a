// timeline build: articles or claims JSON in, the timeline page and chart data out.
//
// Each input is either an article (.txt, .html, .jsonl of articles, .tml, "-") that goes through
// loader -> tagger -> extractor, or the output of `timeline extract` (.json or .jsonl whose records
// have a "claims" array), read as it is. All documents are assembled into one timeline and
// rendered into -o DIR.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <timeline/render.hpp>
#include <timeline/timeline.hpp>

#include "cli/claim_inputs.hpp"
#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

const char kHelp[] =
    "usage: timeline build FILE... -o DIR [options]\n"
    "\n"
    "Builds one timeline from all inputs and writes into DIR:\n"
    "  timeline.html    the page (self-contained: open it in any browser, offline)\n"
    "  timeline.json    claims in time order with their sources (schemas/timeline.schema.json)\n"
    "  timelinejs.json  TimelineJS 3 data\n"
    "  vis-items.json   vis-timeline items and groups\n"
    "  timeline.csv     one row per claim, for spreadsheets\n"
    "\n"
    "FILE is an article (.txt .html .jsonl .tml, '-' for standard input) or the output of\n"
    "'timeline extract' (.json or .jsonl of {id, title, url, published, claims})\n"
    "\n"
    "options:\n"
    "  -o, --output DIR        folder to write into (created if missing); required\n"
    "  --title TEXT            the page's title\n"
    "  --published YYYY-MM-DD  publication date for articles that do not give one\n"
    "  --input-format NAME     auto, txt, html, jsonl or tml (articles only)\n"
    "  --rules DIR             rules laid over the built-in ones\n"
    "  --templates DIR         page templates (page.mustache, page.claim.mustache, page.css,\n"
    "                          page.js) laid over the built-in ones\n"
    "  --jobs N                threads for articles (default 1)\n";

// Lays the files of `dir` over the built-in templates/: DIR/page.css replaces page.css.
bool overlay_templates(const std::string& dir, DataFiles* data, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    err << dir << ": not a folder of templates\n";
    return false;
  }
  for (const fs::directory_entry& f : fs::directory_iterator(dir, ec)) {
    if (!f.is_regular_file(ec)) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::ostringstream buf;
    if (!in || !(buf << in.rdbuf())) {
      err << f.path().string() << ": cannot read file\n";
      return false;
    }
    data->put("templates/" + f.path().filename().string(), buf.str());
  }
  return true;
}

}  // namespace

int cmd_build(int argc, char** argv) {
  Options opt;
  const std::vector<FlagSpec> flags = {{"title", true, "the page's title"},
                                       {"templates", true, "folder of page templates"}};
  if (!parse_options(argc, argv, 2, flags, &opt, std::cerr)) return kExitUsage;
  if (opt.help) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (opt.inputs.empty() || opt.output.empty()) {
    std::cerr << "timeline build: " << (opt.inputs.empty() ? "no input" : "no output folder (-o DIR)")
              << "\n" << kHelp;
    return kExitUsage;
  }
  DataFiles data;
  LoadOptions load;
  if (!prepare_inputs(opt, &load, &data, std::cerr)) return kExitUsage;
  if (opt.has("templates") && !overlay_templates(opt.get("templates"), &data, std::cerr))
    return kExitUsage;

  ClaimInputs in = read_claim_inputs(opt, data, load, "censorship", std::cerr);
  if (in.fatal) return kExitSomeFailed;

  RenderOptions render;
  render.title = opt.get("title");
  const Timeline t = assemble(in.documents);
  std::vector<OutputFile> files;
  Error e;
  if (!render_outputs(t, data, render, &files, &e)) {
    std::cerr << e.str() << "\n";
    return kExitSomeFailed;
  }
  for (const OutputFile& f : files) {
    if (!write_file(opt.output + "/" + f.name, f.content, std::cerr)) return kExitSomeFailed;
  }
  std::cerr << "timeline build: " << t.events.size() << " claims (" << t.placed
            << " on the calendar) from " << t.documents.size() << " documents -> " << opt.output
            << "/timeline.html\n";
  return in.failures ? kExitSomeFailed : kExitOk;
}

}  // namespace timeline::cli
