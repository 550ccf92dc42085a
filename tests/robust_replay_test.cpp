// Replays hostile inputs through the fuzz harness (src/fuzz/harness.hpp) inside the test process:
// every committed hostile input and claims file, the generated large ones, and every input that
// once broke a stage under the fuzzer (tests/data/robust/fuzz/<stage>/). Under `make sanitize`
// this is where a memory error in a loader, the tagger, the extractor or the timeline, its
// outputs and compare shows up with a stack.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fuzz/harness.hpp"
#include "robust_inputs.hpp"

namespace timeline::test {
namespace {

// The loader format a file name asks for, as LoadOptions::format = kAuto decides it.
Format format_of(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".jsonl") return Format::kJsonl;
  if (ext == ".tml") return Format::kTimeml;
  return Format::kText;
}

// The saved fuzzer inputs of `stage`, sorted.
std::vector<std::string> fuzz_inputs(const std::string& stage) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  const fs::path dir = fs::path(robust_data("fuzz")) / stage;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("loaders keep their promises on every hostile input", "[robust]") {
  for (const std::string& path : hostile_inputs()) {
    INFO(path);
    CHECK(fuzz::run_load(format_of(path), read_file(path)) == "");
  }
}

TEST_CASE("tagger and extractor keep their promises on every hostile text article", "[robust]") {
  for (const std::string& path : hostile_inputs()) {
    // The 50 MB article is left to robust_cli_test.cpp (see too_big_for there).
    if (format_of(path) != Format::kText || path.find("50mb") != std::string::npos) continue;
    INFO(path);
    const std::string bytes = read_file(path);
    CHECK(fuzz::run_tag(bytes) == "");
    CHECK(fuzz::run_extract(bytes) == "");
  }
}

TEST_CASE("inputs that once broke a stage under the fuzzer", "[robust]") {
  using Row = std::pair<const char*, Format>;
  for (const auto& [stage, format] :
       {Row{"load_text", Format::kText}, Row{"load_html", Format::kHtml},
        Row{"load_jsonl", Format::kJsonl}, Row{"load_timeml", Format::kTimeml}}) {
    for (const std::string& path : fuzz_inputs(stage)) {
      INFO(path);
      CHECK(fuzz::run_load(format, read_file(path)) == "");
    }
  }
  for (const std::string& path : fuzz_inputs("tag")) {
    INFO(path);
    CHECK(fuzz::run_tag(read_file(path)) == "");
  }
  for (const std::string& path : fuzz_inputs("extract")) {
    INFO(path);
    CHECK(fuzz::run_extract(read_file(path)) == "");
  }
  for (const std::string& path : fuzz_inputs("claims")) {
    INFO(path);
    CHECK(fuzz::run_claims(read_file(path)) == "");
  }
}

TEST_CASE("claims files keep their promises through timeline, outputs and compare", "[robust]") {
  for (const std::string& path : hostile_claims_files()) {
    INFO(path);
    CHECK(fuzz::run_claims(read_file(path)) == "");
  }
  // The claims of the good articles, as `timeline extract` writes them.
  std::string claims;
  for (const std::string& path : good_articles()) {
    std::string problem;
    auto doc = fuzz::detail::load_text(read_file(path), &problem);
    REQUIRE(doc);
    const auto timexes = fuzz::detail::tagger().tag(*doc);
    claims += nlohmann::json(fuzz::detail::extractor().extract(*doc, timexes)).dump() + "\n";
  }
  CHECK(fuzz::run_claims(claims) == "");
}

}  // namespace timeline::test
