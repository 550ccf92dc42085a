// The fast JSON Lines record reader (src/io/jsonl_fast.hpp): the fields it reads, the records it
// leaves to nlohmann, and agreement with nlohmann on every record it takes. Then the loader's
// reading of a JSON Lines file in 64 KB reads, a line parsed where it lies in the read, against
// each line cut out and parsed on its own.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/document.hpp>

#include "io/jsonl_fast.hpp"
#include "test_util.hpp"

namespace {

using timeline::io::read_simple_record;
using timeline::io::RecordFields;

// What nlohmann reads from the same record, for the members the fast reader fills.
RecordFields by_nlohmann(const std::string& body) {
  const nlohmann::json j = nlohmann::json::parse(body);
  RecordFields f;
  auto str = [&](const char* key, std::string* out) {
    if (j.contains(key) && j.at(key).is_string()) *out = j.at(key).get<std::string>();
  };
  if (j.contains("id") && j.at("id").is_string()) f.id = j.at("id").get<std::string>();
  f.has_text = j.contains("text");
  str("text", &f.text);
  str("title", &f.title);
  str("url", &f.url);
  str("published", &f.published);
  str("lang", &f.lang);
  return f;
}

}  // namespace

TEST_CASE("jsonl fast reader: fields of plain records", "[io]") {
  auto [body, id, text, title] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {R"({"id": "a1", "text": "Hello", "title": "T"})", "a1", "Hello", "T"},
      {R"(  {"text":"x"}  )", "", "x", ""},
      {R"({"text": "line\none\ttab \"q\" back\\slash \/"})", "", "line\none\ttab \"q\" back\\slash /", ""},
      {R"({"text": "caf\u00e9 \u041c\u0430\u043a\u0441"})", "", "caf\xC3\xA9 \xD0\x9C\xD0\xB0\xD0\xBA\xD1\x81", ""},
      {R"({"text": "\ud83d\ude00"})", "", "\xF0\x9F\x98\x80", ""},
      {R"({"te\u0078t": "escaped key"})", "", "escaped key", ""},
      {R"({"id": null, "text": "x", "title": null})", "", "x", ""},
      {R"({"n": -12, "z": 0, "ok": true, "no": false, "nil": null, "text": "x"})", "", "x", ""},
      {R"({"meta": {"tags": ["a", {"b": [1, 2]}], "e": {}}, "list": [], "text": "x"})", "", "x", ""},
      {"{\"text\": \"raw \xD0\x9C bytes\"}", "", "raw \xD0\x9C bytes", ""},
  }));
  RecordFields f;
  REQUIRE(read_simple_record(body, &f));
  CHECK(f.id.value_or("") == id);
  CHECK(f.text == text);
  CHECK(f.title == title);
  CHECK(f.has_text);
  const RecordFields n = by_nlohmann(body);
  CHECK(f.id == n.id);
  CHECK(f.text == n.text);
  CHECK(f.title == n.title);
}

TEST_CASE("jsonl fast reader: gives up on what only the full parser may judge", "[io]") {
  auto body = GENERATE(as<std::string>{},
      R"({"id": 12, "text": "x"})",             // numeric id: nlohmann writes it back
      R"({"text": 5})",                         // wrong type: nlohmann's error
      R"({"text": "x", "text": "y"})",          // a key twice
      R"({"text": "x", "n": 1.5})",             // fraction
      R"({"text": "x", "n": 1e999})",           // a number nlohmann cannot hold
      R"({"text": "x", "n": 1234567890123456789})",  // more digits than it takes
      R"({"text": "x", "n": 01})",              // leading zero: a syntax error
      R"({"text": "\ud800"})",                  // lone surrogate
      R"({"text": "\udc00x"})",                 // lone low surrogate
      R"({"text": "x",})",                      // trailing comma
      R"({"text": "x"} extra)",                 // text after the object
      R"(["text"])",                            // not an object
      "{\"text\": \"tab\tinside\"}",            // a raw control character
      R"({"text": "x", "n": tru})",             // a broken literal
      R"({"text": "\x"})",                      // an unknown escape
      "");
  RecordFields f;
  CHECK_FALSE(read_simple_record(body, &f));
}

TEST_CASE("jsonl fast reader: escaped strings decoded sixteen bytes a step agree with nlohmann",
          "[io]") {
  // Runs of every length from 0 to 40 between escapes, so that an escape, a multi-byte letter
  // and the closing quote fall at each place of a sixteen-byte step; a byte that is not UTF-8
  // anywhere in a run after an escape makes the reader give up.
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string run = std::string(n, 'r');
    for (const char* escape : {"\\n", "\\\"", "\\u00e9", "\\ud83d\\udcf0", "\\\\"}) {
      for (const std::string& text :
           {run + escape + run, escape + run + escape, run + escape + run + "\xC3\xA9" + run,
            run + "\xE2\x80\x9C" + escape + run + "\xF0\x9F\x93\xB0"}) {
        const std::string body = "{\"id\": \"d\", \"text\": \"" + text + "\", \"lang\": \"en\"}";
        CAPTURE(n, body);
        RecordFields f;
        REQUIRE(read_simple_record(body, &f));
        const RecordFields want = by_nlohmann(body);
        CHECK(f.text == want.text);
        CHECK(f.lang == "en");
      }
      for (std::size_t at = 0; at <= n; ++at) {
        std::string bad = run;
        bad.insert(at, "\xFF");
        const std::string body = "{\"text\": \"" + run + escape + bad + "\"}";
        CAPTURE(n, at, body);
        RecordFields f;
        CHECK_FALSE(read_simple_record(body, &f));
      }
    }
  }
}

namespace {

// A record of exactly `size` bytes (at least 40) whose text tells its number and has escapes.
std::string record_of_size(std::size_t size, int number) {
  const std::string head = "{\"id\": \"r" + std::to_string(number) + "\", \"text\": \"";
  std::string text = "Line " + std::to_string(number) + " says\\n \\\"so\\\" ";
  const std::size_t fixed = head.size() + 2;  // and the closing "}
  while (text.size() + fixed < size) text += static_cast<char>('a' + text.size() % 26);
  text.resize(size - fixed);
  if (text.back() == '\\') text.back() = 'z';  // never an escape cut in two
  return head + text + "\"}";
}

// What loading `content` gives, one line at a time: each line cut out and parsed on its own as
// the loader's documentation says (a '\r' before the newline dropped, blank lines skipped, a
// line longer than the limit refused).
std::vector<timeline::LoadItem> line_by_line(const std::string& content, const std::string& name,
                                             std::size_t limit) {
  std::vector<timeline::LoadItem> out;
  std::size_t at = 0;
  for (int line = 1; at < content.size(); ++line) {
    std::size_t nl = content.find('\n', at);
    if (nl == std::string::npos) nl = content.size();
    std::string_view text(content.data() + at, nl - at);
    at = nl + 1;
    timeline::LoadItem item;
    if (text.size() > limit) {
      item.error = timeline::Error{name, line, 0, "document too large"};
      out.push_back(std::move(item));
      continue;
    }
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    timeline::Document d;
    timeline::Error e;
    if (timeline::parse_jsonl_record(text, name, line, &d, &e)) item.document = std::move(d);
    else item.error = e;
    out.push_back(std::move(item));
  }
  return out;
}

void check_same_items(const std::vector<timeline::LoadItem>& got,
                      const std::vector<timeline::LoadItem>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    CAPTURE(k);
    REQUIRE(got[k].document.has_value() == want[k].document.has_value());
    if (got[k].document) {
      CHECK(got[k].document->id == want[k].document->id);
      CHECK(got[k].document->text == want[k].document->text);
      CHECK(got[k].document->source_line == want[k].document->source_line);
    } else {
      REQUIRE(got[k].error);
      CHECK(got[k].error->line == want[k].error->line);
      CHECK(got[k].error->message.substr(0, 18) == want[k].error->message.substr(0, 18));
    }
  }
}

}  // namespace

TEST_CASE("JSON Lines in 64 KB reads: lines cut by a read's end read as whole ones", "[io]") {
  // Lines of many sizes, so that the reads' ends (every 65,536 bytes) fall inside records, on a
  // newline, just before and after one, inside a '\r\n' and inside lines too long for the limit
  // (those whole in a read and those cut by one); blank lines and a broken record among them.
  const std::size_t limit = 20000;
  std::string content;
  const std::size_t sizes[] = {41, 997, 5003, 12007, 25000, 70001, 19999, 20000, 20001, 333};
  for (int k = 0; k < 120; ++k) {
    const std::size_t size = sizes[k % 10] + static_cast<std::size_t>(k) * 7;
    if (k % 17 == 5) content += "\n";                    // a blank line
    if (k % 23 == 11) content += "{\"id\": \"broken\", \"text\": }\n";
    content += record_of_size(size, k);
    content += k % 13 == 3 ? "\r\n" : "\n";
  }
  content += record_of_size(500, 999);  // the last line has no newline
  timeline::test::TempDir dir("jsonl-reads");
  const std::string path = (dir.path / "lines.jsonl").string();
  {
    std::ofstream f(path, std::ios::binary);
    f << content;
  }
  timeline::LoadOptions opt;
  opt.max_document_bytes = limit;
  const std::vector<timeline::LoadItem> want = line_by_line(content, path, limit);
  CHECK(want.size() > 120);

  std::vector<timeline::LoadItem> got;
  timeline::load_path(path, opt, [&](timeline::LoadItem&& item) { got.push_back(std::move(item)); });
  check_same_items(got, want);

  // The same bytes through standard input, read as they are buffered.
  std::istringstream in(content);
  std::streambuf* const saved = std::cin.rdbuf(in.rdbuf());
  std::vector<timeline::LoadItem> from_stdin;
  timeline::load_path("-", opt, [&](timeline::LoadItem&& item) { from_stdin.push_back(std::move(item)); });
  std::cin.rdbuf(saved);
  check_same_items(from_stdin, line_by_line(content, "-", limit));
}
