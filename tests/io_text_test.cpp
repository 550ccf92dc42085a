// Plain-text articles: the optional "Key: value" header, line endings, and header errors.
#include <catch2/catch.hpp>

#include <timeline/document.hpp>

#include "io_test_util.hpp"

using timeline::Document;
using timeline::Error;
using timeline::test::io_data;
using timeline::test::load_error;
using timeline::test::load_one;

TEST_CASE("a text file with a header gives its fields and the body after it", "[io]") {
  const Document d = load_one(io_data("header.txt"));
  CHECK(d.id == "throttle-story");
  CHECK(d.title == "Regulator slows down a video service");
  CHECK(d.published == "2025-11-03");
  CHECK(d.url == "https://example.org/news/video-throttling");
  CHECK(d.lang == "en");
  CHECK(d.format == timeline::Format::kText);
  CHECK(d.source == io_data("header.txt"));
  // The body starts right after the blank line ending the header.
  CHECK(d.text.rfind("The national communications regulator said on Monday", 0) == 0);
  CHECK(d.text.find("Title:") == std::string::npos);
}

TEST_CASE("a text file without a header is all text and takes its id from the file name", "[io]") {
  const auto d = load_one(io_data("no_header.txt"));
  CHECK(d.id == "no_header");
  CHECK(d.published.empty());
  CHECK(d.text.rfind("Residents of the coastal province", 0) == 0);
}

TEST_CASE("Windows line endings are read as newlines", "[io]") {
  const auto d = load_one(io_data("crlf.txt"));
  CHECK(d.title == "Windows line endings");
  CHECK(d.published == "2026-02-12");
  CHECK(d.text == "First line of the body.\nSecond line.\n");
}

TEST_CASE("--published overrides the header's date", "[io]") {
  timeline::LoadOptions opt;
  opt.published = "2024-01-31";
  const auto d = load_one(io_data("header.txt"), opt);
  CHECK(d.published == "2024-01-31");
}

TEST_CASE("the seed article has no header and loads whole", "[io]") {
  const std::string seed = timeline::test::shared_dir() + "/seed/000_bf60ad6337aa9cfd.txt";
  TIMELINE_REQUIRE_DATA(seed);
  const auto d = load_one(seed);
  CHECK(d.text == timeline::test::read_file(seed));
  CHECK(d.published.empty());
}

TEST_CASE("parse_text: header and body cases", "[io]") {
  auto [input, title, published, text] =
      GENERATE(table<std::string, std::string, std::string, std::string>({
          // No header: a first line that is not a known key.
          {"Moscow: the regulator acted.\n", "", "", "Moscow: the regulator acted.\n"},
          {"Plain text.", "", "", "Plain text."},
          // Keys are case-insensitive, "Date" is an alias, values are trimmed.
          {"TITLE:  Spaced  \ndate: 2026-02-12T08:00:00Z\n\nBody.\n", "Spaced", "2026-02-12",
           "Body.\n"},
          {"Published: Thursday, February 12, 2026\n\nBody.", "", "2026-02-12", "Body."},
          // A byte order mark is skipped; a lone CR is a line end.
          {"\xEF\xBB\xBFTitle: T\r\rBody.\r", "T", "", "Body.\n"},
          // The blank line ending the header may hold spaces.
          {"Title: T\n  \nBody.", "T", "", "Body."},
      }));
  Document d;
  Error e;
  REQUIRE(timeline::parse_text(input, "x.txt", &d, &e));
  CHECK(d.title == title);
  CHECK(d.published == published);
  CHECK(d.text == text);
}

TEST_CASE("parse_text: errors name the place", "[io]") {
  auto [input, message] = GENERATE(table<std::string, std::string>({
      {"Title: T\nPublished: 2025-02-30\n\nBody.",
       "x.txt:2:12: '2025-02-30' is not a calendar date such as 2026-02-12"},
      {"Title: T\nPublisehd: 2025-02-03\n\nBody.",
       "x.txt:2:1: expected a 'Key: value' header line (Title, Published, URL, Language, Id) or a "
       "blank line ending the header"},
      {"Title: T\nLanguage: 123\n\nBody.", "x.txt:2:11: '123' is not a language tag such as en or ru"},
      {"Title: Only a header\n\n  \n", "x.txt: empty document: the header is followed by no text"},
      {"Title: No blank line, no body", "x.txt: empty document: the header is followed by no text"},
      {"", "x.txt: empty document"},
      {" \n\t\n", "x.txt: empty document"},
  }));
  Document d;
  Error e;
  REQUIRE_FALSE(timeline::parse_text(input, "x.txt", &d, &e));
  CHECK(e.str() == message);
}

TEST_CASE("load_path reports files it cannot read", "[io]") {
  CHECK(load_error(io_data("no_such_file.txt")).str() ==
        io_data("no_such_file.txt") + ": cannot read file: No such file or directory");
  CHECK(load_error(io_data("")).message == "cannot read file: it is a folder");
}

TEST_CASE("load_path refuses a document over the size limit", "[io]") {
  timeline::LoadOptions opt;
  opt.max_document_bytes = 100;  // header.txt holds 340 bytes
  const auto error = load_error(io_data("header.txt"), opt);
  CHECK(error.str() == io_data("header.txt") +
                                     ": document too large: more than 100 bytes (the limit is "
                                     "LoadOptions::max_document_bytes)");
}
