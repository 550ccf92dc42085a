// timeline tag: finds and normalizes the time expressions of each article.
#include <iostream>
#include <memory>

#include <timeline/tagger.hpp>
#include <timeline/timeml.hpp>

#include "cli/cli.hpp"
#include "common/json_text.hpp"

namespace timeline::cli {
namespace {

const char kTagUsage[] =
    "usage: timeline tag [options] FILE...\n"
    "\n"
    "Finds the time expressions of each article and normalizes them (TIMEX3) against its\n"
    "publication date.\n"
    "\n"
    "options:\n"
    "  --format json|timeml     json (default): one object per document and line,\n"
    "                           {id, published, timexes: [{begin, end, text, type, value, mod,\n"
    "                           anchor, precision, edtf, ...}]}; timeml: TimeML with TIMEX3 tags\n"
    "                           (a .tml input comes back with its TEXT re-annotated)\n"
    "  -o, --output DIR         one file per document: DIR/<id>.json or DIR/<id>.tml\n"
    "  --explain                add the rule that matched each timex (json)\n"
    "  --published YYYY-MM-DD   publication date for every document (overrides the file's)\n"
    "  --input-format NAME      auto (default), txt, html, jsonl or tml\n"
    "  --rules DIR              rule files laid over the built-in ones (DIR/en/*.rules)\n"
    "  --jobs N                 threads\n";

// {"id", "published", "timexes": [...]}: each timex as to_json writes it, with its "edtf" and,
// for --explain, its "rule"; the bytes nlohmann::json would dump, written directly.
std::string to_json_line(const Document& d, const std::vector<Timex>& timexes, bool explain) {
  std::string out;
  out.reserve(64 + d.id.size() + 192 * timexes.size());  // a timex takes 150 to 200 bytes
  out = "{\"id\":";
  json_text::append_string(&out, d.id);
  out += ",\"published\":";
  json_text::append_string(&out, d.published);
  out += ",\"timexes\":[";
  std::string edtf;
  for (std::size_t k = 0; k < timexes.size(); ++k) {
    const Timex& t = timexes[k];
    if (k > 0) out += ',';
    edtf = edtf_of(t.value, t.mod, std::string_view(t.signal) == "since");
    json_text::write_timex(&out, t, &edtf, explain ? &t.rule : nullptr);
  }
  out += "]}";
  return out;
}

}  // namespace

int cmd_tag(int argc, char** argv) {
  Options opt;
  if (!parse_options(argc, argv, 2, {{"explain", false, "add the matching rule"}}, &opt,
                     std::cerr))
    return kExitUsage;
  if (opt.help) {
    std::cout << kTagUsage;
    return kExitOk;
  }
  const std::string format = opt.format.empty() ? "json" : opt.format;
  if (format != "json" && format != "timeml") {
    std::cerr << "timeline tag: unknown --format '" << format << "' (json or timeml)\n";
    return kExitUsage;
  }
  if (opt.inputs.empty()) {
    std::cerr << "timeline tag: no input (give files, or '-' for standard input)\n";
    return kExitUsage;
  }
  LoadOptions load;
  if (!load_options(opt, &load, std::cerr)) return kExitUsage;
  // The data files (built in, --rules laid over) are read and the tagger made while the first
  // documents are read and parsed (run_batch's setup); a bad --rules ends the run with
  // kExitUsage before any document is written.
  DataFiles data;
  std::unique_ptr<Tagger> tagger;
  auto setup = [&] {
    if (!load_data(opt, &data, std::cerr)) return false;
    tagger = create_tagger(data, "tag", std::cerr);
    return tagger != nullptr;
  };
  const bool explain = opt.has("explain");
  auto work = [&](const Document& d, std::string* out, Error*) {
    const std::vector<Timex> timexes = tagger->tag(d);
    *out = format == "json" ? to_json_line(d, timexes, explain) : write_timeml(d, timexes);
    return true;
  };
  bool write_failed = false;
  LineWriter out(std::cout, opt);
  auto emit = [&](BatchItem&& item) {
    if (opt.output.empty()) {
      out.write(item.result, format == "json" ? "\n" : "");
      return;
    }
    const std::string path =
        opt.output + "/" + file_name_for_id(item.document.id) + (format == "json" ? ".json" : ".tml");
    if (!write_file(path, item.result + (format == "json" ? "\n" : ""), std::cerr))
      write_failed = true;
  };
  const int failed = run_batch(opt, load, setup, work, emit, std::cerr);
  if (failed < 0) return kExitUsage;
  out.flush();
  return finish_run(failed > 0 || write_failed ? kExitSomeFailed : kExitOk);
}

}  // namespace timeline::cli
