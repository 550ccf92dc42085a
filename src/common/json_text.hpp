// Writing JSON text directly, byte for byte as nlohmann::json's dump() writes it, without
// building an nlohmann value first (the output stage of `tag` and `extract` writes one object per
// document; building a tree of maps for each and dumping it cost more than the claims
// themselves).
//
// What "byte for byte" means here: dump() with no indentation, UTF-8 passed through, the escapes
// \" \\ \b \f \n \r \t and \u00xx (lower-case hex) for other control characters, object members in
// the byte order of their keys (nlohmann::json keeps them in a std::map), numbers as
// dump_integer and dump_float write them. A string that is not valid UTF-8 throws the same
// nlohmann::json::type_error (316) dump() throws.
//
// Example:
//   timeline::json_text::Object o;
//   o.add_string("id", "a1");
//   o.add_uint("begin", 4);
//   std::string out;
//   o.write(&out);  // {"begin":4,"id":"a1"}
//
// Thread safety: values only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/timex.hpp>

namespace timeline::json_text {

// Appends `s` as a JSON string, quotes included.
void append_string(std::string* out, std::string_view s);

// The end of the run of bytes from `i` on that a JSON string holds as they are: the index of the
// first '"', '\\' or control character (below 0x20) at or after `i`, else s.size(). Eight bytes
// are looked at in one step. Used by the writer here and by the JSON Lines reader (src/io/).
std::size_t plain_run_end(std::string_view s, std::size_t i);
// The same, and sets *high to true when a byte of s[i, end) is 0x80 or above (and, at times,
// when one only follows the end in the same sixteen bytes); never sets it to false.
std::size_t plain_run_end(std::string_view s, std::size_t i, bool* high);

// One JSON object being put together: members in any order, written in key order.
class Object {
 public:
  void add_string(const char* key, std::string_view value);
  void add_uint(const char* key, std::uint64_t value);
  void add_int(const char* key, std::int64_t value);
  void add_bool(const char* key, bool value);
  void add_double(const char* key, double value);
  // `json` is already JSON text (an array or object written by this module).
  void add_raw(const char* key, std::string_view json);
  // Appends {"key":value,...} to *out and empties the object for reuse. Keys must be distinct.
  void write(std::string* out);

 private:
  struct Member {
    const char* key;
    std::size_t begin, end;  // the value's text in values_
  };
  std::size_t start(const char* key);
  std::vector<Member> members_;
  std::string values_;
};

// Appends the JSON object of a Timex as to_json (timeline/json.hpp) makes it, with the members
// "edtf" and "rule" added when `edtf` and `rule` are not null: the bytes dump() writes, the keys
// in their order. The output stage of `tag` writes each timex with it.
void write_timex(std::string* out, const Timex& t, const std::string* edtf = nullptr,
                 const std::string* rule = nullptr);

}  // namespace timeline::json_text
