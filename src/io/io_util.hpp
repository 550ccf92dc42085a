// Private helpers shared by the loaders in src/io/: checking raw bytes before parsing, turning a
// byte offset into a line and column, and small string utilities.
//
// check_input() is the gate every parser passes its bytes through: it skips a UTF-8 byte order
// mark, refuses NUL bytes and invalid UTF-8 with an Error naming the line and column of the first
// bad byte, and refuses input that holds nothing but white space.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <timeline/document.hpp>
#include <timeline/error.hpp>

namespace timeline::io {

// 1-based line and byte column of `offset` in `bytes`. `first_line` is the line `bytes` starts on.
struct Place {
  int line = 1;
  int column = 1;
};
Place place_of(std::string_view bytes, std::size_t offset, int first_line = 1);

// Skips a leading byte order mark, then checks UTF-8 validity and NULs. On success sets *body to
// the bytes after the mark and returns true. `first_line` is used for error places (JSON Lines).
bool check_input(std::string_view bytes, const std::string& name, int first_line,
                 std::string_view* body, Error* error);

// True when `s` holds only ASCII white space.
bool is_blank(std::string_view s);

// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

// ASCII lower case.
std::string lower(std::string_view s);

// Replaces "\r\n" and lone "\r" by "\n".
std::string unix_newlines(std::string_view s);

// The file name of `path` without folders and its last extension ("a/b.c.txt" -> "b.c");
// "stdin" for "-".
std::string stem(const std::string& path);

// The primary language subtag, lower case ("en-US" -> "en"); "" when `tag` is not a language tag.
std::string language_subtag(std::string_view tag);

// `value` between single quotes for an error message: control characters as \xNN (an error is one
// line), at most 60 bytes of it (then "...").
std::string quoted(std::string_view value);

// Why `raw` is not a publication date (normalize_published(raw) == ""), for an error message:
// "'1066-10-14' is before 1400-01-01, the first date the calendar (Boost.Date_Time) supports" for
// a real day before Boost.Date_Time's range (1400-01-01 to 9999-12-31; four-digit years cannot
// pass its end), else "'2025-02-30' is not a calendar date such as 2026-02-12".
std::string published_date_problem(std::string_view raw);

// parse_timeml() with a date to use when the file has no DCT ("" = none: then a missing DCT is
// an error). load_path() passes LoadOptions::published, which supplies a missing date.
bool parse_timeml_or(std::string_view bytes, const std::string& name, const std::string& published,
                     Document* doc, Error* error);

}  // namespace timeline::io
