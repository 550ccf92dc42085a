// `timeline tag -o DIR` names each file after the document's id; an id taken from the input must
// not lead the file out of DIR.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_util.hpp"

namespace fs = std::filesystem;

TEST_CASE("tag -o keeps every file inside the output folder whatever the ids", "[cli]") {
  const fs::path work = fs::temp_directory_path() / "timeline_cli_output_test";
  fs::remove_all(work);
  fs::create_directories(work / "out");
  {
    std::ofstream in(work / "ids.jsonl");
    in << R"({"id": "../escaped", "text": "The ban began on Monday.", "published": "2026-02-12"})"
       << "\n"
       << R"({"id": "/abs/path", "text": "It ended in March.", "published": "2026-02-12"})" << "\n"
       << R"({"id": ".hidden", "text": "Nothing here.", "published": "2026-02-12"})" << "\n";
  }
  const std::string cmd = timeline::test::binary() + " tag -o " + (work / "out").string() + " " +
                          (work / "ids.jsonl").string() + " 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK_FALSE(fs::exists(work / "escaped.json"));
  CHECK(fs::exists(work / "out" / "_.._escaped.json"));
  CHECK(fs::exists(work / "out" / "_abs_path.json"));
  CHECK(fs::exists(work / "out" / "_.hidden.json"));
  fs::remove_all(work);
}
