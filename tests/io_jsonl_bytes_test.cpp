// parse_jsonl_record on records whose bytes or escapes need care: bytes that are not UTF-8 in a
// value, a key or a member nobody reads; a NUL or '\r' written as an escape; a byte order mark.
// The fast reader (src/io/jsonl_fast.cpp) checks the bytes of the records it takes itself, so
// each row gives the error check_input() words, at the byte where it stands, or the text the
// escapes stand for. Columns are counted by hand from the record (1-based bytes).
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include <timeline/document.hpp>

TEST_CASE("JSON Lines records: bytes checked, escapes of NUL and CR", "[io]") {
  std::string record, want;
  std::tie(record, want) = GENERATE(table<std::string, std::string>({
      // Valid UTF-8 of two, three and four bytes passes through.
      {"{\"text\":\"Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 Friday.\"}",
       "text Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 Friday."},
      // {"text":" is 9 bytes, "Bad " 4 more: 0xFF is byte 14.
      {"{\"text\":\"Bad \xFF byte.\"}",
       "error t.jsonl:3:14: invalid UTF-8 (byte 0xFF); convert the file to UTF-8"},
      // In a key: {"id is 4 bytes.
      {"{\"id\xFF\":\"x\",\"text\":\"t\"}",
       "error t.jsonl:3:5: invalid UTF-8 (byte 0xFF); convert the file to UTF-8"},
      // An overlong form and a surrogate, after "Over " and "Sur ".
      {"{\"text\":\"Over \xC0\xAF long.\"}",
       "error t.jsonl:3:15: invalid UTF-8 (byte 0xC0); convert the file to UTF-8"},
      {"{\"text\":\"Sur \xED\xA0\x80.\"}",
       "error t.jsonl:3:14: invalid UTF-8 (byte 0xED); convert the file to UTF-8"},
      // Past the first sixteen bytes of a long value: 9 + 33 bytes before it.
      {"{\"text\":\"" + std::string(33, 'a') + "\xFF" + std::string(40, 'b') + "\"}",
       "error t.jsonl:3:43: invalid UTF-8 (byte 0xFF); convert the file to UTF-8"},
      // In a member nobody reads: {"text":"Fine.","other":" is 25 bytes.
      {"{\"text\":\"Fine.\",\"other\":\"\xFF\"}",
       "error t.jsonl:3:26: invalid UTF-8 (byte 0xFF); convert the file to UTF-8"},
      // A NUL written as an escape is refused; '\r' as \r or \u000d becomes a line break.
      {"{\"text\":\"Has \\u0000 nul.\"}", "error t.jsonl:3: field \"text\" holds a NUL character"},
      {"{\"text\":\"One.\\r\\nTwo.\"}", "text One.\nTwo."},
      {"{\"text\":\"One.\\u000dTwo.\"}", "text One.\nTwo."},
      // A byte order mark before the record is skipped.
      {"\xEF\xBB\xBF{\"text\":\"After a mark.\"}", "text After a mark."},
  }));
  CAPTURE(record);
  timeline::Document d;
  timeline::Error e;
  const bool ok = timeline::parse_jsonl_record(record, "t.jsonl", 3, &d, &e);
  CHECK((ok ? "text " + d.text : "error " + e.str()) == want);
}
