// A fast reader for the common JSON Lines record, beside the full JSON parser.
//
// read_simple_record() reads one object whose members "id", "text", "title", "url", "published"
// and "lang" are strings or null, skipping every other member (strings, whole numbers of up to
// 18 digits, true, false, null, and arrays and objects of those). It decodes the escapes of JSON
// strings (\uXXXX and surrogate pairs included) to UTF-8 as nlohmann::json does.
//
// It gives up (returns false) on anything else: a syntax error, a member it does not take (a
// numeric id, a fraction or an exponent, a known key twice, nesting deeper than 32), a control
// character, a lone surrogate or bytes that are not UTF-8 in a string. So a record it takes is
// valid UTF-8 without a NUL byte (outside its strings only JSON's ASCII punctuation, white
// space, numbers and literals are taken), as check_input() would have found. The caller then parses the record with nlohmann,
// which yields the same fields or the exact error message; so the fast reader never decides an
// error, it only saves building a tree for the records that are well formed.
//
// Thread safety: reentrant.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace timeline::io {

struct RecordFields {
  // Absent or null members stay empty; `has_text` tells a null "text" from a missing one.
  std::optional<std::string> id;
  std::string text, title, url, published, lang;
  bool has_text = false;
  // An escape (\r, \u000d, \u0000) put a '\r' or a NUL into a string: no byte of the record
  // itself can (control characters are refused).
  bool escaped_nul_or_cr = false;
};

bool read_simple_record(std::string_view body, RecordFields* out);

}  // namespace timeline::io
