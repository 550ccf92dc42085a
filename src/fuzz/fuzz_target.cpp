// The libFuzzer entry point of every fuzz target. src/fuzz/CMakeLists.txt compiles this file once
// per target with TIMELINE_FUZZ_<STAGE> defined for the stage it feeds:
//   load_text load_html load_jsonl load_timeml   the loaders, one format each
//   tag                                          text loader + tagger
//   extract                                      text loader + tagger + claim extractor
//   claims                                       claims JSON -> timeline, its outputs, compare
// The checks themselves are in harness.hpp, shared with tests/robust_replay_test.cpp.
#include <cstddef>
#include <cstdint>

#include "fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace timeline::fuzz;
  const std::string_view bytes = as_view(data, size);
#if defined(TIMELINE_FUZZ_LOAD_TEXT)
  require(run_load(timeline::Format::kText, bytes));
#elif defined(TIMELINE_FUZZ_LOAD_HTML)
  require(run_load(timeline::Format::kHtml, bytes));
#elif defined(TIMELINE_FUZZ_LOAD_JSONL)
  require(run_load(timeline::Format::kJsonl, bytes));
#elif defined(TIMELINE_FUZZ_LOAD_TIMEML)
  require(run_load(timeline::Format::kTimeml, bytes));
#elif defined(TIMELINE_FUZZ_TAG)
  require(run_tag(bytes));
#elif defined(TIMELINE_FUZZ_EXTRACT)
  require(run_extract(bytes));
#elif defined(TIMELINE_FUZZ_CLAIMS)
  require(run_claims(bytes));
#else
#error "compile with -DTIMELINE_FUZZ_<STAGE>, see src/fuzz/CMakeLists.txt"
#endif
  return 0;
}
