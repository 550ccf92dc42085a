// TimeML input: the DCT as the publication date, the TEXT content as the text, DCT errors, and
// every file of the TBAQ corpus checked against an independent reading of the same file.
#include <dirent.h>

#include <algorithm>
#include <cstring>
#include <regex>

#include <catch2/catch.hpp>

#include <timeline/document.hpp>

#include "io_test_util.hpp"

using timeline::test::io_data;
using timeline::test::load_error;
using timeline::test::load_one;

namespace {

// TEXT content with tags removed by a regular expression and the five XML entities decoded.
std::string reference_text(const std::string& file) {
  const auto open = file.find("<TEXT>");
  const auto close = file.find("</TEXT>");
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  std::string inner = file.substr(open + 6, close - open - 6);
  inner = std::regex_replace(inner, std::regex("<[^>]*>"), "");
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t hit; (hit = inner.find(from, pos)) != std::string::npos; pos = hit + std::strlen(from))
      out += inner.substr(pos, hit - pos) + to;
    inner = out + inner.substr(pos);
  }
  return inner;
}

// The value attribute of the TIMEX3 inside DCT.
std::string reference_dct(const std::string& file) {
  std::smatch m;
  const std::string head = file.substr(0, file.find("</DCT>"));
  if (!std::regex_search(head, m, std::regex("<DCT>[\\s\\S]*?value=\"([^\"]*)\""))) return "";
  return m[1];
}

std::vector<std::string> tml_files(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) {
      const std::string n = e->d_name;
      if (n.size() > 4 && n.compare(n.size() - 4, 4, ".tml") == 0) out.push_back(dir + "/" + n);
    }
    ::closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a TimeML file gives its DCT, DOCID, TITLE and TEXT content", "[io]") {
  const timeline::Document d = load_one(io_data("small.tml"));
  CHECK(d.id == "io-small-1");
  CHECK(d.published == "2026-02-12");
  CHECK(d.title == "Regulator & messenger");
  CHECK(d.format == timeline::Format::kTimeml);
  CHECK(d.text ==
        "\nThe regulator restricted calls yesterday & said \"more <limits> follow\".\n");
  CHECK(d.timeml_source == timeline::test::read_file(io_data("small.tml")));
  // The TEXT range in the source is the text between <TEXT> and </TEXT>.
  const std::string& src = d.timeml_source;
  CHECK(src.substr(d.timeml_text_begin - 6, 6) == "<TEXT>");
  CHECK(src.substr(d.timeml_text_end, 7) == "</TEXT>");
}

TEST_CASE("a TimeML file without a usable DCT is an error naming the line", "[io]") {
  auto [name, message] = GENERATE(table<std::string, std::string>({
      // No DCT: the error points at the TEXT content (line 4, after "<TEXT>").
      {"no_dct.tml", ":4:7: no DCT element: the document creation time is missing"},
      // No February has 30 days. On line 5 the quote after value= is byte 41, the date byte 42.
      {"bad_dct.tml", ":5:42: the DCT value '1998-02-30' is not a date such as 1998-01-08"},
  }));
  const auto error = load_error(io_data(name));
  CHECK(error.str() == io_data(name) + message);
}

TEST_CASE("--published supplies the date of a TimeML file without a DCT", "[io]") {
  timeline::LoadOptions opt;
  opt.published = "2026-02-12";
  const auto d = load_one(io_data("no_dct.tml"), opt);
  CHECK(d.published == "2026-02-12");
  CHECK(d.text == "\nText without a creation time.\n");
}

TEST_CASE("every TBAQ TimeML file loads with its DCT and its TEXT content", "[io]") {
  const std::string root = timeline::test::shared_dir() + "/data/tbaq";
  TIMELINE_REQUIRE_DATA(root);
  std::vector<std::string> files = tml_files(root + "/timebank");
  const std::vector<std::string> aquaint = tml_files(root + "/aquaint");
  CHECK(files.size() == 183);
  CHECK(aquaint.size() == 73);
  files.insert(files.end(), aquaint.begin(), aquaint.end());
  int loaded = 0;
  for (const std::string& path : files) {
    CAPTURE(path);
    const std::string bytes = timeline::test::read_file(path);
    const timeline::Document d = load_one(path);
    CHECK(d.published == reference_dct(bytes));
    CHECK(d.text == reference_text(bytes));
    CHECK(d.timeml_source == bytes);
    ++loaded;
  }
  CHECK(loaded == 256);
}
