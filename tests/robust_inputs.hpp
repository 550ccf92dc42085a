// The battery of hostile inputs shared by the robustness tests: the small ones committed under
// tests/data/robust/ (see its README.md), and the large ones made at test time in the build tree.
#pragma once

#include <string>
#include <vector>

#include "robust_util.hpp"

namespace timeline::test {

// The commands whose output is one record per document, in input order, with their options.
inline const std::vector<std::vector<std::string>>& per_document_commands() {
  static const std::vector<std::vector<std::string>> cmds = {
      {"load"}, {"tag"}, {"tag", "--format", "timeml"}, {"extract"}};
  return cmds;
}

// The commands that gather the claims of all inputs into one output folder.
inline const std::vector<std::vector<std::string>>& assembling_commands() {
  static const std::vector<std::vector<std::string>> cmds = {{"build"}, {"compare"}};
  return cmds;
}

// The two well-formed articles that go into every batch beside a hostile input.
inline std::vector<std::string> good_articles() {
  return {robust_data("good_calls.txt"), robust_data("good_x.txt")};
}

// The committed hostile inputs, by file name.
inline const std::vector<std::string>& committed_hostile_names() {
  static const std::vector<std::string> names = {
      "empty.txt",        "blank.txt",          "binary.txt",          "bad_utf8.txt",
      "overlong_utf8.txt", "nul.txt",           "header_only.txt",     "bad_header.txt",
      "impossible_dates.txt", "extreme_numbers.txt", "far_past.txt",  "range_start.txt",
      "far_future.txt",   "scripts.txt",        "broken_line.jsonl",   "number_overflow.jsonl", "no_dct.tml",
      "bad_dct.tml",      "unclosed.html",       "reference_past_unicode.html"};
  return names;
}

// Hostile claims files (claims JSON as `timeline extract` writes it, edited by hand), for the
// commands that read claims: build and compare. See tests/data/robust/README.md.
inline std::vector<std::string> hostile_claims_files() {
  std::vector<std::string> out;
  for (const char* name : {"claims_calendar_ends.jsonl", "claims_bad_spans.jsonl",
                           "claims_wrong_type.jsonl", "claims_cut.jsonl",
                           "claims_number_overflow.jsonl"})
    out.push_back(robust_data(name));
  return out;
}

// An article of `bytes` bytes on one line: filler words with a dated censorship sentence every
// 64 KiB, so that the later stages have something to find, and no newline anywhere.
inline std::string one_line_article(std::size_t bytes) {
  const std::string filler = "the connection was slow and many readers waited for pages ";
  const std::string dated = "On March 3, 2025 the regulator blocked the news site, its editor said. ";
  std::string s = "Title: One very long line\nPublished: 2025-03-10\n\n";
  s.reserve(bytes + filler.size());
  std::size_t next_dated = 0;
  while (s.size() < bytes) {
    if (s.size() >= next_dated) {
      s += dated;
      next_dated += 64 * 1024;
    } else {
      s += filler;
    }
  }
  return s;
}

// A page whose article is `depth` elements deep; `close` decides whether the elements are closed.
inline std::string deep_html(int depth, bool close) {
  std::string s = "<!DOCTYPE html><html><head><title>Deep page</title>"
                  "<meta name=\"date\" content=\"2025-03-04\"></head><body>";
  for (int i = 0; i < depth; ++i) s += i % 2 ? "<span>" : "<div>";
  s += "The regulator blocked the news site on Monday, its editor said.";
  if (close)
    for (int i = depth - 1; i >= 0; --i) s += i % 2 ? "</span>" : "</div>";
  return s + "</body></html>\n";
}

// Every hostile input: the committed ones, and the generated ones written once per test run into
// <build>/robust-scratch/generated/.
inline const std::vector<std::string>& hostile_inputs() {
  static const std::vector<std::string> paths = [] {
    std::vector<std::string> out;
    for (const std::string& name : committed_hostile_names()) out.push_back(robust_data(name));
    const std::string dir = scratch_dir("generated");
    const std::vector<std::pair<std::string, std::string>> made = {
        {"one_line_50mb.txt", one_line_article(50u << 20)},
        {"one_line_5mb.txt", one_line_article(5u << 20)},
        {"deep_100000.html", deep_html(100000, true)},
        {"deep_unclosed_100000.html", deep_html(100000, false)},
    };
    for (const auto& [name, bytes] : made) {
      write_bytes(dir + "/" + name, bytes);
      out.push_back(dir + "/" + name);
    }
    return out;
  }();
  return paths;
}

// The 50 MB article goes through the loader and the tagger only: the claim extractor needs about
// 5 bytes of memory per byte of text and 0.2 s per MB (a 4 MB one-line article: 21.5 MB peak,
// 0.8 s), which, times the sanitizers' slowdown and again for build and compare, would add
// minutes to the suite under the sanitizers; the commands that extract claims (extract, build,
// compare) get the 5 MB one instead.
inline bool too_big_for(const std::string& command, const std::string& input) {
  return (command == "extract" || command == "build" || command == "compare") &&
         input.find("one_line_50mb") != std::string::npos;
}

}  // namespace timeline::test
