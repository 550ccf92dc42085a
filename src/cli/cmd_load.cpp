// timeline load: prints every loaded document as one JSON line, to check what the loader saw
// (HTML text extraction, header fields, the publication date it found).
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

const char kLoadUsage[] =
    "usage: timeline load [options] FILE...\n"
    "\n"
    "Loads each article and prints it as one JSON line: id, title, url, published, lang,\n"
    "source, format, text (and line for JSON Lines input, text_to_source for HTML).\n"
    "\n"
    "options:\n"
    "  --published YYYY-MM-DD   publication date for every document (overrides the file's)\n"
    "  --input-format NAME      auto (default), txt, html, jsonl or tml\n"
    "  --jobs N                 threads\n";

const char* format_name(Format f) {
  switch (f) {
    case Format::kHtml: return "html";
    case Format::kJsonl: return "jsonl";
    case Format::kTimeml: return "tml";
    case Format::kClaimsJson: return "json";
    default: return "txt";
  }
}

}  // namespace

int cmd_load(int argc, char** argv) {
  Options opt;
  if (!parse_options(argc, argv, 2, {}, &opt, std::cerr)) return kExitUsage;
  if (opt.help) {
    std::cout << kLoadUsage;
    return kExitOk;
  }
  if (opt.inputs.empty()) {
    std::cerr << "timeline load: no input (give files, or '-' for standard input)\n";
    return kExitUsage;
  }
  LoadOptions load;
  if (!load_options(opt, &load, std::cerr)) return kExitUsage;
  auto work = [](const Document& d, std::string* out, Error*) {
    nlohmann::json j{{"id", d.id},         {"title", d.title},   {"url", d.url},
                     {"published", d.published}, {"lang", d.lang}, {"source", d.source},
                     {"format", format_name(d.format)}, {"text", d.text}};
    if (d.source_line > 0) j["line"] = d.source_line;
    if (!d.source_map.empty()) j["text_to_source"] = d.source_map;
    *out = j.dump();
    return true;
  };
  LineWriter out(std::cout, opt);
  auto emit = [&](BatchItem&& item) { out.write(item.result, "\n"); };
  const int failed = run_batch(opt, load, work, emit, std::cerr);
  out.flush();
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace timeline::cli
