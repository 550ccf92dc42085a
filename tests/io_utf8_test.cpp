// UTF-8 validation and the errors that name the first bad byte.
#include <catch2/catch.hpp>

#include <timeline/document.hpp>

#include "io_test_util.hpp"

TEST_CASE("valid_utf8 accepts well-formed text and finds the first bad byte", "[io]") {
  using namespace std::string_literals;
  auto [bytes, ok, bad] = GENERATE(table<std::string, bool, std::size_t>({
      {"abc", true, 0},
      {"h\xC3\xA9llo", true, 0},              // é, two bytes
      {"\xE2\x82\xAC 5", true, 0},            // €, three bytes
      {"\xF0\x9F\x98\x80", true, 0},          // U+1F600, four bytes
      {"\xF4\x8F\xBF\xBF", true, 0},          // U+10FFFF, the last code point
      {"\xC0\xAF", false, 0},                 // overlong '/'
      {"\xE0\x80\xAF", false, 0},             // overlong, three bytes
      {"ab\xED\xA0\x80", false, 2},           // UTF-16 surrogate U+D800
      {"\xF4\x90\x80\x80", false, 0},         // beyond U+10FFFF
      {"abc\xC3", false, 3},                  // sequence cut at the end
      {"a\x80", false, 1},                    // lone continuation byte
      {"ok \xE2\x82 no", false, 3},           // three-byte sequence missing its last byte
      {"a\0b"s, false, 1},                    // NUL
      {"\xFF", false, 0},
      {"\xF5\x80\x80\x80", false, 0},
      // Past the first eight bytes, which are looked at in one step when they are ASCII.
      {"0123456789abcdef\xC3", false, 16},
      {"01234567\0abc"s, false, 8},
      {"0123456\xC3\xA9 and more ASCII", true, 0},
      {"0123456789\x7F\x01 ok \xE2\x82\xAC", true, 0},
      {"0123456789ab\0defghijklmno"s, false, 12},
      {"0123456789\xC3\xA9 sixteen or more bytes", true, 0},
      {"0123456789\xC3( sixteen or more bytes", false, 10},
  }));
  std::size_t at = 999;
  CHECK(timeline::valid_utf8(bytes, &at) == ok);
  if (!ok) CHECK(at == bad);
}

TEST_CASE("bad bytes are reported with line and column", "[io]") {
  using namespace std::string_literals;
  auto [bytes, message] = GENERATE(table<std::string, std::string>({
      {"line one\nline \xE9two\n", "a.txt:2:6: invalid UTF-8 (byte 0xE9); convert the file to UTF-8"},
      {"abc\0def"s, "a.txt:1:4: NUL byte: this is not a text file"},
      // The column counts bytes from the start of the line, byte order mark included.
      {"\xEF\xBB\xBF" "ab\xFF", "a.txt:1:6: invalid UTF-8 (byte 0xFF); convert the file to UTF-8"},
      {"Title: T\n\nok\r\nbad \xC3\x28\n", "a.txt:4:5: invalid UTF-8 (byte 0xC3); convert the file to UTF-8"},
  }));
  timeline::Document d;
  timeline::Error e;
  REQUIRE_FALSE(timeline::parse_text(bytes, "a.txt", &d, &e));
  CHECK(e.str() == message);
}

TEST_CASE("a file with a bad byte yields one error naming it", "[io]") {
  const std::string path = timeline::test::io_data("bad_utf8.txt");
  const timeline::Error error = timeline::test::load_error(path);
  // Line 3 is "The text has a bad byte \xC3\x28 here.": 24 bytes before the bad one.
  CHECK(error.str() == path + ":3:25: invalid UTF-8 (byte 0xC3); convert the file to UTF-8");
}
