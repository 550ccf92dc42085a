// Loading in two steps (src/io/deferred.hpp): reading with load_path_deferred() and parsing each
// Unparsed with parse_unparsed() gives, item for item and in the same order, what load_path()
// gives: the same documents and the same errors, word for word. The inputs are the project's
// hostile files (tests/data/robust/: broken JSON Lines records, bad UTF-8, a missing date...),
// its examples, and JSON Lines written here with blank lines, '\r' and a record over the limit.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "io/deferred.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using timeline::LoadItem;
using timeline::LoadOptions;

namespace {

// One line per item: the error's text, or the document's fields that loading sets.
std::string describe(const LoadItem& item) {
  if (item.error) return "error " + item.error->str();
  if (!item.document) return "nothing";
  const timeline::Document& d = *item.document;
  return "document id=" + d.id + " source=" + d.source + ":" + std::to_string(d.source_line) +
         " published=" + d.published + " lang=" + d.lang + " title=" + d.title +
         " url=" + d.url + " format=" + std::to_string(static_cast<int>(d.format)) +
         " map=" + std::to_string(d.source_map.size()) + " text=" + d.text;
}

std::vector<std::string> loaded(const std::string& path, const LoadOptions& options) {
  std::vector<std::string> out;
  timeline::load_path(path, options, [&](LoadItem&& item) { out.push_back(describe(item)); });
  return out;
}

// Unparsed items are parsed in the order they came, as a worker would.
std::vector<std::string> deferred(const std::string& path, const LoadOptions& options,
                                  int* unparsed_count) {
  std::vector<std::string> out;
  timeline::io::load_path_deferred(
      path, options, [&](LoadItem&& item) { out.push_back(describe(item)); },
      [&](timeline::io::Unparsed&& u) {
        ++*unparsed_count;
        out.push_back(describe(timeline::io::parse_unparsed(std::move(u))));
      });
  return out;
}

}  // namespace

TEST_CASE("deferred loading gives what load_path gives, item for item", "[io]") {
  std::vector<std::string> paths;
  for (const char* dir : {"/tests/data/robust", "/examples"})
    for (const auto& e : fs::directory_iterator(timeline::test::source_dir() + dir))
      if (e.is_regular_file()) paths.push_back(e.path().string());
  paths.push_back(timeline::test::source_dir() + "/tests/data/robust/no-such-file.txt");
  paths.push_back(timeline::test::source_dir() + "/tests/data");  // a folder
  REQUIRE(paths.size() > 20);
  // With and without a publication date for every document (it supplies a missing DCT).
  const std::string published = GENERATE(as<std::string>{}, "", "2026-02-12");
  LoadOptions options;
  options.published = published;
  for (const std::string& path : paths) {
    CAPTURE(path, published);
    int unparsed = 0;
    const std::vector<std::string> want = loaded(path, options);
    CHECK(deferred(path, options, &unparsed) == want);
  }
}

TEST_CASE("deferred JSON Lines: blank lines skipped, '\\r' dropped, long records refused", "[io]") {
  const fs::path path = fs::temp_directory_path() / "timeline-io-deferred.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\":\"a\",\"text\":\"The ban began on Monday.\"}\r\n"
        << "\n   \n"
        << "{\"id\":\"b\",\"text\":\"" << std::string(300, 'x') << "\"}\n"
        << "{\"id\":\"c\",\"text\":\"cut in the middle\n"
        << "{\"id\":7,\"text\":\"A number for an id.\",\"published\":\"2025-08-01\"}";
  }
  LoadOptions options;
  options.max_document_bytes = 200;
  int unparsed = 0;
  const std::vector<std::string> got = deferred(path.string(), options, &unparsed);
  const std::vector<std::string> want = loaded(path.string(), options);
  fs::remove(path);
  CHECK(got == want);
  // Lines 2 and 3 are blank. Records a, c (broken) and 7 wait to be parsed; b (line 4) is
  // refused while reading, by its length.
  CHECK(unparsed == 3);
  REQUIRE(got.size() == 4);
  CHECK(got[0].rfind("document id=a ", 0) == 0);
  CHECK(got[0].find("text=The ban began on Monday.") != std::string::npos);
  CHECK(got[1].rfind("error " + path.string() + ":4: document too large", 0) == 0);
  CHECK(got[2].rfind("error " + path.string() + ":5:", 0) == 0);
  CHECK(got[3].rfind("document id=7 ", 0) == 0);
}
