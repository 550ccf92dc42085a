// timeline eval: TempEval-3 scores of system TimeML against gold TimeML, or of the built-in tagger
// run on the gold files themselves.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <timeline/eval.hpp>

#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

const char kEvalUsage[] =
    "usage: timeline eval --gold DIR [--system DIR] [options]\n"
    "\n"
    "Scores temporal expressions the way the TempEval-3 toolkit does: strict and relaxed\n"
    "extent P/R/F1, value F1 and type F1 (attribute accuracy x relaxed F1), DCT excluded,\n"
    "counts summed over documents. Files of the two folders (*.tml, sub-folders included)\n"
    "are paired by relative path; a missing system file counts every gold timex as missed.\n"
    "Without --system, the built-in tagger is run on the gold files (it sees only their text\n"
    "and DCT) and its output is scored.\n"
    "\n"
    "options:\n"
    "  --gold DIR        folder of gold TimeML files\n"
    "  --system DIR      folder of system TimeML files with the same names\n"
    "  --format NAME     text (default) or json\n"
    "  --summary         text: leave out the list of misses and wrong values\n"
    "  --rules DIR       rules laid over the built-in ones (tagger mode)\n"
    "  --jobs N          threads\n"
    "  -o FILE           write the report to FILE\n"
    "\n"
    "exit codes: 0 scored; 1 some files could not be read (reported on stderr); 2 usage\n";

bool read_whole(const std::filesystem::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return static_cast<bool>(in) || in.eof();
}

// The *.tml files below `dir` (sub-folders included), as sorted paths relative to it; false when
// the folder cannot be read.
bool tml_names(const std::string& dir, std::vector<std::string>* names) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  if (ec) return false;
  for (const auto& entry : it) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file(ec) && (ext == ".tml" || ext == ".TML"))
      names->push_back(entry.path().lexically_relative(dir).generic_string());
  }
  std::sort(names->begin(), names->end());
  return true;
}

// Scores one gold file. Returns false with *error when a file cannot be read or parsed.
bool score_one(const std::string& name, const Options& opt, const Tagger* tagger,
               DocumentEval* out, Error* error) {
  namespace fs = std::filesystem;
  const fs::path gold_path = fs::path(opt.get("gold")) / name;
  std::string gold_bytes;
  if (!read_whole(gold_path, &gold_bytes)) {
    *error = Error{gold_path.string(), 0, 0, "cannot read file"};
    return false;
  }
  if (tagger) {
    if (tag_and_score(*tagger, gold_bytes, name, out, error)) return true;
    error->file = gold_path.string();  // the path the user can open
    return false;
  }
  TimemlFile gold, system;
  if (!read_timeml(gold_bytes, gold_path.string(), &gold, error)) return false;
  const fs::path sys_path = fs::path(opt.get("system")) / name;
  std::string sys_bytes;
  std::error_code ec;
  if (!fs::exists(sys_path, ec)) {
    *out = score_missing(name, gold);
    return true;
  }
  if (!read_whole(sys_path, &sys_bytes)) {
    *error = Error{sys_path.string(), 0, 0, "cannot read file"};
    return false;
  }
  if (!read_timeml(sys_bytes, sys_path.string(), &system, error)) return false;
  return score_document(name, gold, system, out, error);
}

}  // namespace

int cmd_eval(int argc, char** argv) {
  Options opt;
  const std::vector<FlagSpec> flags = {{"gold", true, "gold TimeML folder"},
                                       {"system", true, "system TimeML folder"},
                                       {"summary", false, "leave out the issue list"}};
  if (!parse_options(argc, argv, 2, flags, &opt, std::cerr)) return kExitUsage;
  if (opt.help) {
    std::cout << kEvalUsage;
    return kExitOk;
  }
  if (!opt.has("gold") || !opt.inputs.empty()) {
    std::cerr << "timeline eval: give --gold DIR (and optionally --system DIR), no files\n";
    return kExitUsage;
  }
  if (!opt.format.empty() && opt.format != "text" && opt.format != "json") {
    std::cerr << "timeline eval: --format takes text or json, not '" << opt.format << "'\n";
    return kExitUsage;
  }
  std::vector<std::string> names;
  if (!tml_names(opt.get("gold"), &names)) {
    std::cerr << opt.get("gold") << ": cannot read folder\n";
    return kExitUsage;
  }
  if (names.empty()) {
    std::cerr << "timeline eval: no .tml files in " << opt.get("gold") << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Tagger> tagger;
  if (opt.has("system")) {
    std::vector<std::string> sys_names;
    if (!tml_names(opt.get("system"), &sys_names)) {
      std::cerr << opt.get("system") << ": cannot read folder\n";
      return kExitUsage;
    }
    for (const std::string& n : sys_names)
      if (!std::binary_search(names.begin(), names.end(), n))
        std::cerr << "timeline eval: " << n << " has no gold file; not scored\n";
  } else {
    DataFiles data;
    if (!load_data(opt, &data, std::cerr)) return kExitUsage;
    Error e;
    tagger = Tagger::create(data, "en", &e);
    if (!tagger) {
      std::cerr << e.str() << "\n";
      return kExitUsage;
    }
  }

  std::vector<DocumentEval> results(names.size());
  std::vector<std::optional<Error>> errors(names.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < names.size();) {
      Error e;
      if (!score_one(names[i], opt, tagger.get(), &results[i], &e)) errors[i] = e;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::min<int>(opt.jobs, static_cast<int>(names.size())); ++t)
    pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  EvalReport report;
  int failed = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (errors[i]) {
      std::cerr << errors[i]->str() << "\n";
      ++failed;
    } else {
      if (!results[i].note.empty()) std::cerr << "timeline eval: " << names[i] << ": " << results[i].note << "\n";
      report.add(std::move(results[i]));
    }
  }
  std::string out = opt.format == "json" ? eval_json(report).dump(2) + "\n"
                                         : eval_text(report, !opt.has("summary"));
  if (!opt.output.empty()) {
    if (!write_file(opt.output, out, std::cerr)) return kExitSomeFailed;
  } else {
    std::cout << out;
  }
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace timeline::cli
