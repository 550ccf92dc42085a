// JSON Lines: one article per line, broken lines reported by line and column, the rest still read.
#include <sstream>

#include <catch2/catch.hpp>

#include <timeline/document.hpp>

#include "io_test_util.hpp"

using timeline::Document;
using timeline::Error;

TEST_CASE("a JSON Lines file with a broken line in the middle yields every other record", "[io]") {
  const std::string path = timeline::test::io_data("articles.jsonl");
  std::vector<timeline::LoadItem> items;
  const int errors = timeline::load_path(
      path, {}, [&](timeline::LoadItem&& item) { items.push_back(std::move(item)); });
  CHECK(errors == 1);
  REQUIRE(items.size() == 4);  // line 4 is blank and skipped

  REQUIRE(items[0].document);
  const Document& first = *items[0].document;
  CHECK(first.id == "first");
  CHECK(first.title == "Messenger blocked");
  CHECK(first.published == "2026-02-12");
  CHECK(first.url == "https://example.org/1");
  CHECK(first.text == "Authorities blocked a popular messenger on Thursday.");
  CHECK(first.source_line == 1);
  CHECK(first.source == path);
  CHECK(first.format == timeline::Format::kJsonl);

  // Line 2 is {"id": "second", "text": } and the parser stops at the '}' in column 26.
  REQUIRE(items[1].error);
  CHECK_FALSE(items[1].document);
  CHECK(items[1].error->file == path);
  CHECK(items[1].error->line == 2);
  CHECK(items[1].error->column == 26);
  CHECK(items[1].error->message.rfind("invalid JSON: ", 0) == 0);

  REQUIRE(items[2].document);
  CHECK(items[2].document->id == "3");
  CHECK(items[2].document->lang == "ru");
  CHECK(items[2].document->published == "2025-03-04");
  CHECK(items[2].document->text == "Власти ограничили доступ к сервису.\nВторая строка.");
  CHECK(items[2].document->source_line == 3);

  REQUIRE(items[3].document);
  CHECK(items[3].document->id == "articles-5");
  CHECK(items[3].document->published.empty());
  CHECK(items[3].document->source_line == 5);
}

TEST_CASE("parse_jsonl_record: accepted records", "[io]") {
  auto [line, id, text, published] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {R"({"text": "x"})", "a-7", "x", ""},
      {R"(  {"id": 12, "text": "x", "published": "12 Feb 2026"}  )", "12", "x", "2026-02-12"},
      {R"({"id": "k", "text": "a\r\nb", "extra": [1, 2]})", "k", "a\nb", ""},
      {R"({"text": "caf\u00e9", "title": null})", "a-7", "café", ""},
      {"\xEF\xBB\xBF{\"text\": \"x\"}", "a-7", "x", ""},
  }));
  Document d;
  Error e;
  REQUIRE(timeline::parse_jsonl_record(line, "a.jsonl", 7, &d, &e));
  CHECK(d.id == id);
  CHECK(d.text == text);
  CHECK(d.published == published);
  CHECK(d.source_line == 7);
}

TEST_CASE("parse_jsonl_record: errors name line and column", "[io]") {
  auto [line, message] = GENERATE(table<std::string, std::string>({
      {R"({"text": "x",})", "a.jsonl:7:14: invalid JSON: "},
      {R"(["text"])", "a.jsonl:7: expected a JSON object with a \"text\" field"},
      {R"({"id": "k"})", "a.jsonl:7: missing field \"text\""},
      {R"({"text": 5})", "a.jsonl:7: field \"text\" must be a string"},
      {R"({"text": "x", "id": [1]})", "a.jsonl:7: field \"id\" must be a string or a whole number"},
      {R"({"text": "  \n "})", "a.jsonl:7: empty document: field \"text\" is blank"},
      {R"({"text": "a\u0000b"})", "a.jsonl:7: field \"text\" holds a NUL character"},
      {R"({"text": "x", "published": "2025-02-30"})",
       "a.jsonl:7: field \"published\": '2025-02-30' is not a calendar date such as 2026-02-12"},
      {"{\"text\": \"caf\xE9\"}", "a.jsonl:7:14: invalid UTF-8 (byte 0xE9); convert the file to UTF-8"},
  }));
  Document d;
  Error e;
  REQUIRE_FALSE(timeline::parse_jsonl_record(line, "a.jsonl", 7, &d, &e));
  // Messages from the JSON parser itself are checked up to their fixed prefix.
  CHECK(e.str().substr(0, message.size()) == message);
}

TEST_CASE("a JSON Lines record longer than the limit is refused and the next one read", "[io]") {
  const std::string path = timeline::test::io_data("articles.jsonl");
  timeline::LoadOptions opt;
  opt.max_document_bytes = 120;  // lines 1 and 3 are longer, line 5 is shorter
  auto items = timeline::test::load_all(path, opt);
  REQUIRE(items.size() == 4);
  REQUIRE(items[0].error);
  CHECK(items[0].error->line == 1);
  CHECK(items[0].error->message.rfind("document too large", 0) == 0);
  REQUIRE(items[3].document);
  CHECK(items[3].document->source_line == 5);
}
