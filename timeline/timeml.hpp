// timeline/timeml.hpp: TimeML in and out, for the TempEval-3 evaluation and `tag --format timeml`.
//
// write_timeml() turns a document and the tagger's timexes into a TimeML file:
//   - For a TimeML input (Document::timeml_source non-empty), it returns the source file with the
//     content of TEXT re-annotated: every TIMEX3 tag inside TEXT is removed, the other markup
//     (EVENT, SIGNAL, ...) is kept as it was, and the given timexes are inserted as
//     <TIMEX3 tid="tN" type=".." value=".." [mod=".."]>..</TIMEX3>. The text is unchanged byte for
//     byte, and everything outside TEXT (the DCT included) is kept. Timex offsets are offsets into
//     Document::text (TEXT content without tags, entities decoded); they are mapped back to the
//     source by walking it.
//   - For any other document, it writes a fresh TimeML file: DOCID, a DCT from Document::published
//     (left out when unknown), and TEXT with the text escaped and the timexes inserted.
//   A timex that overlaps one already written (nested or crossing), is empty, or lies outside the
//   text is left out, so the output is always well nested. If Document::text is not the decoded
//   TEXT content of timeml_source (a caller changed one of them), the source markup cannot be
//   kept and a fresh document is written, so that the timexes still sit on the right words.
//
// read_timeml() parses a TimeML file into its TEXT content (tags removed, entities decoded, the
// same text Document::text holds for a TimeML input) and the TIMEX3 annotations inside TEXT, with
// offsets into that text. The DCT's value is returned separately.
//
// Example:
//   std::string tml = timeline::write_timeml(doc, tagger->tag(doc));
//   timeline::TimemlFile gold;
//   if (!timeline::read_timeml(bytes, "wsj_0006.tml", &gold, &err)) report(err);
//
// Thread safety: plain functions without shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/document.hpp>
#include <timeline/error.hpp>
#include <timeline/timex.hpp>

namespace timeline {

std::string write_timeml(const Document& doc, const std::vector<Timex>& timexes);

// One TIMEX3 element found in a TimeML file's TEXT.
struct TimemlTimex {
  std::uint32_t begin = 0, end = 0;  // byte offsets into TimemlFile::text
  std::string tid, type, value, mod;
};

struct TimemlFile {
  std::string docid;                // DOCID content, "" when absent
  std::string dct;                  // the DCT TIMEX3's value ("1998-01-08"), "" when absent
  std::string text;                 // TEXT content, tags removed, entities decoded
  std::uint32_t text_begin = 0;     // byte range of the TEXT content in the source
  std::uint32_t text_end = 0;
  std::vector<TimemlTimex> timexes; // in document order
};

// Parses `bytes`. `name` is used in error messages. Returns false and fills *error
// ("name:line:col: message") when there is no TEXT element, a tag is not closed, an entity is
// unknown, or TIMEX3 tags are unbalanced.
bool read_timeml(std::string_view bytes, const std::string& name, TimemlFile* out, Error* error);

// Escapes &, <, > and " for XML text and attribute values.
std::string xml_escape(std::string_view s);

}  // namespace timeline
