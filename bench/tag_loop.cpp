// timeline_tag_loop: the tagger's throughput inside one process, for comparing two builds of
// the code (the whole-process benchmark, bench.py, is what the README reports; a run of it is
// ~0.1 s, and on a shared machine the noise of one process start outweighs a change of a few
// per cent). Reads a JSON Lines corpus once, then tags every document PASSES times and prints
// the fastest and the median pass:
//
//   timeline_tag_loop CORPUS.jsonl [PASSES]
//
// Phases: "segment" splits every document into sentences; "tag" segments and tags (what
// `timeline tag` does per document, without reading and writing JSON).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "timeline/data.hpp"
#include "timeline/document.hpp"
#include "timeline/tagger.hpp"
#include "timeline/text.hpp"

namespace {

template <typename F>
void report(const char* phase, int passes, double megabytes, const F& pass) {
  std::vector<double> ms;
  std::size_t sink = 0;
  for (int k = 0; k < passes; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    sink += pass();
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-8s fastest %8.2f ms  median %8.2f ms  %7.1f MB/s  (%zu)\n", phase, ms.front(),
              ms[ms.size() / 2], megabytes / (ms.front() / 1000.0), sink / static_cast<std::size_t>(passes));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: timeline_tag_loop CORPUS.jsonl [PASSES]\n");
    return 2;
  }
  const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  std::vector<timeline::Document> docs;
  std::size_t bytes = 0;
  timeline::LoadOptions options;
  timeline::load_path(argv[1], options, [&](timeline::LoadItem&& item) {
    if (item.error) {
      std::fprintf(stderr, "%s\n", item.error->str().c_str());
      return;
    }
    bytes += item.document->text.size();
    docs.push_back(std::move(*item.document));
  });
  timeline::Error error;
  const auto tagger = timeline::Tagger::create(timeline::DataFiles::builtin(), "en", &error);
  if (!tagger) {
    std::fprintf(stderr, "%s\n", error.str().c_str());
    return 1;
  }
  const double megabytes = static_cast<double>(bytes) / 1e6;
  std::printf("%zu documents, %.2f MB of text, %d passes\n", docs.size(), megabytes, passes);
  report("segment", passes, megabytes, [&] {
    std::size_t n = 0;
    for (const auto& d : docs) n += timeline::segment(d.text).size();
    return n;
  });
  report("tag", passes, megabytes, [&] {
    std::size_t n = 0;
    for (const auto& d : docs) n += tagger->tag(d).size();
    return n;
  });
  return 0;
}
