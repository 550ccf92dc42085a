// The small XML reader TimeML needs: a walk over a byte range that reports tags and text pieces,
// with entities decoded, so that text offsets can be mapped to source offsets both ways.
//
// It is not a general XML parser: TimeML files are flat, well-formed documents with a handful of
// elements. Comments, processing instructions and CDATA sections are reported as tags (kind
// kOther) and carry no text. Unknown entities are errors.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <timeline/error.hpp>

namespace timeline::eval {

struct XmlPiece {
  enum Kind { kText, kOpen, kClose, kEmpty, kOther } kind = kText;
  std::uint32_t src_begin = 0, src_end = 0;  // the piece's bytes in the source
  std::string_view name;                     // tags: the element name
  std::string_view attrs;                    // tags: the raw attribute text
  std::string text;                          // kText: the decoded bytes (one char or entity)
};

// Walks source[begin, end) and calls `sink` once per tag and once per text run. A text run is
// either a stretch of plain bytes or one entity. Returns false and fills *error (positions as
// line:col in `source`) on an unterminated tag or an unknown entity.
bool xml_walk(std::string_view source, std::uint32_t begin, std::uint32_t end,
              const std::string& name, const std::function<void(const XmlPiece&)>& sink,
              Error* error);

// The value of attribute `key` in raw attribute text (`tid="t1" type="DATE"`), entities decoded;
// "" when absent.
std::string xml_attr(std::string_view attrs, std::string_view key);

// 1-based line and column of byte `offset` in `source`.
void xml_position(std::string_view source, std::size_t offset, int* line, int* column);

}  // namespace timeline::eval
