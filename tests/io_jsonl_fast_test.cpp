// The fast JSON Lines record reader (src/io/jsonl_fast.hpp): the fields it reads, the records it
// leaves to nlohmann, and agreement with nlohmann on every record it takes.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "io/jsonl_fast.hpp"

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
