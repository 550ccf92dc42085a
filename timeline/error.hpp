// timeline/error.hpp: how the library reports a problem with its input.
//
// The library never prints and never exits. A function that can fail on user input returns an
// Error (or fills one), and the caller decides what to do with it. An Error names its place the
// way compilers do, so that a user can jump to it:
//
//   articles.jsonl:17:1: invalid JSON: unexpected end of input
//
// `line` and `column` are 1-based; 0 means "not known" and is left out of str().
#pragma once

#include <string>

namespace timeline {

struct Error {
  std::string file;     // the input's name as the user gave it ("-" for standard input)
  int line = 0;         // 1-based line, 0 when the error concerns the whole file
  int column = 0;       // 1-based column in bytes, 0 when not known
  std::string message;  // one line, lower case, no trailing period

  // "file:line:col: message", leaving out the parts that are 0.
  std::string str() const;
};

}  // namespace timeline
