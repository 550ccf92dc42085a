#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/cli.hpp"

namespace timeline::cli {

std::string Options::get(const std::string& name, const std::string& fallback) const {
  for (const auto& kv : extra)
    if (kv.first == name) return kv.second;
  return fallback;
}

bool Options::has(const std::string& name) const {
  for (const auto& kv : extra)
    if (kv.first == name) return true;
  return false;
}

bool parse_options(int argc, char** argv, int first, const std::vector<FlagSpec>& allowed,
                   Options* out, std::ostream& err) {
  auto need_value = [&](int& i, const std::string& flag, std::string* value) {
    if (i + 1 >= argc) {
      err << "timeline: option " << flag << " needs a value\n";
      return false;
    }
    *value = argv[++i];
    return true;
  };
  bool only_files = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      out->inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_files = true;
      continue;
    }
    std::string value;
    const auto eq = arg.find('=');
    const bool inline_value = arg.rfind("--", 0) == 0 && eq != std::string::npos;
    if (inline_value) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    auto take = [&](std::string* slot) {
      if (inline_value) {
        *slot = value;
        return true;
      }
      return need_value(i, arg, slot);
    };
    if (arg == "-h" || arg == "--help") {
      out->help = true;
    } else if (arg == "--published") {
      if (!take(&out->published)) return false;
    } else if (arg == "--format") {
      if (!take(&out->format)) return false;
    } else if (arg == "-o" || arg == "--output") {
      if (!take(&out->output)) return false;
    } else if (arg == "--rules") {
      if (!take(&out->rules_dir)) return false;
    } else if (arg == "--input-format") {
      if (!take(&out->input_format)) return false;
    } else if (arg == "--jobs" || arg == "-j") {
      std::string n;
      if (!take(&n)) return false;
      char* end = nullptr;
      long v = std::strtol(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0' || v < 1 || v > 1024) {
        err << "timeline: --jobs takes a whole number from 1 to 1024, not '" << n << "'\n";
        return false;
      }
      out->jobs = static_cast<int>(v);
    } else {
      const std::string name = arg.substr(arg.find_first_not_of('-'));
      const FlagSpec* spec = nullptr;
      for (const FlagSpec& f : allowed)
        if (f.name == name) spec = &f;
      if (!spec) {
        err << "timeline: unknown option '" << arg << "' (see --help)\n";
        return false;
      }
      if (spec->takes_value) {
        if (!take(&value)) return false;
      } else {
        value = "1";
      }
      out->extra.emplace_back(name, value);
    }
  }
  return true;
}

bool load_data(const Options& opt, DataFiles* data, std::ostream& err) {
  *data = DataFiles::builtin();
  if (opt.rules_dir.empty()) return true;
  Error e;
  if (!data->overlay_rules_dir(opt.rules_dir, &e)) {
    err << e.str() << "\n";
    return false;
  }
  return true;
}

bool prepare_inputs(const Options& opt, LoadOptions* load, DataFiles* data, std::ostream& err) {
  return load_options(opt, load, err) && load_data(opt, data, err);
}

std::unique_ptr<Tagger> create_tagger(const DataFiles& data, const char* command,
                                      std::ostream& err) {
  Error e;
  std::unique_ptr<Tagger> tagger = Tagger::create(data, "en", &e);
  if (!tagger) err << "timeline " << command << ": " << e.str() << "\n";
  return tagger;
}

bool load_options(const Options& opt, LoadOptions* out, std::ostream& err) {
  if (!opt.published.empty()) {
    out->published = normalize_published(opt.published);
    if (out->published.empty()) {
      err << "timeline: --published takes a date such as 2026-02-12, not '" << opt.published
          << "'\n";
      return false;
    }
  }
  const std::string& f = opt.input_format;
  if (f.empty() || f == "auto") out->format = Format::kAuto;
  else if (f == "txt" || f == "text") out->format = Format::kText;
  else if (f == "html") out->format = Format::kHtml;
  else if (f == "jsonl") out->format = Format::kJsonl;
  else if (f == "tml" || f == "timeml") out->format = Format::kTimeml;
  else {
    err << "timeline: --input-format takes auto, txt, html, jsonl or tml, not '" << f << "'\n";
    return false;
  }
  return true;
}

std::string file_name_for_id(const std::string& id) {
  std::string name = id.empty() ? std::string("document") : id;
  for (char& c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\' || u < 0x20 || u == 0x7f) c = '_';
  }
  if (name[0] == '.') name.insert(name.begin(), '_');
  return name;
}

bool write_file(const std::string& path, const std::string& content, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  if (!out || !out.write(content.data(), static_cast<std::streamsize>(content.size()))) {
    err << path << ": cannot write file\n";
    return false;
  }
  return true;
}

}  // namespace timeline::cli
