// parse_timeml: a TimeML file (TempEval-3 style) as a Document.
//
// The reading itself is read_timeml() (timeline/timeml.hpp), shared with the evaluator, so that
// the text the tagger sees is exactly the text the scorer aligns with: the TEXT element's content,
// tags removed and entities decoded, byte for byte. This file adds what a Document needs beyond
// that: the DCT value as the publication date (checked: its date part must be a calendar date),
// DOCID as the id, the TITLE element (TempEval-3 silver files have one) as the title, and the
// whole source with the TEXT range for writing the file back. A file without a DCT is an error,
// unless the caller supplies the date (load_path with LoadOptions::published).
#include <timeline/document.hpp>
#include <timeline/timeml.hpp>

#include "eval/xml_walk.hpp"
#include "io/io_util.hpp"

namespace timeline {
namespace {

// Byte offset of the first "<NAME>" or "<NAME " in `s`, npos when absent.
std::size_t find_tag(std::string_view s, std::string_view name) {
  const std::string needle = "<" + std::string(name);
  for (auto p = s.find(needle); p != std::string_view::npos; p = s.find(needle, p + 1)) {
    const char next = p + needle.size() < s.size() ? s[p + needle.size()] : '\0';
    if (next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r') return p;
  }
  return std::string_view::npos;
}

// The text content of the first NAME element (tags dropped, entities decoded); "" when absent.
std::string element_text(std::string_view s, std::string_view name, const std::string& file) {
  const auto open = find_tag(s, name);
  if (open == std::string_view::npos) return "";
  const auto gt = s.find('>', open);
  const auto close = s.find("</" + std::string(name) + ">", open);
  if (gt == std::string_view::npos || close == std::string_view::npos || close < gt) return "";
  std::string out;
  Error ignored;
  eval::xml_walk(
      s, static_cast<std::uint32_t>(gt + 1), static_cast<std::uint32_t>(close), file,
      [&](const eval::XmlPiece& p) {
        if (p.kind == eval::XmlPiece::kText) out += p.text;
      },
      &ignored);
  return std::string(io::trim(out));
}

// Checks a DCT value: "YYYY-MM-DD" with an optional "T..." time part.
bool valid_dct(const std::string& value) {
  if (value.size() < 10 || (value.size() > 10 && value[10] != 'T')) return false;
  const std::string date = value.substr(0, 10);
  return normalize_published(date) == date;
}

}  // namespace

bool parse_timeml(std::string_view bytes, const std::string& name, Document* doc, Error* error) {
  return io::parse_timeml_or(bytes, name, "", doc, error);
}

bool io::parse_timeml_or(std::string_view bytes, const std::string& name,
                         const std::string& published, Document* doc, Error* error) {
  std::string_view body;
  if (!io::check_input(bytes, name, 1, &body, error)) return false;
  TimemlFile file;
  if (!read_timeml(bytes, name, &file, error)) return false;

  // The DCT is the anchor of every relative date in the file: without it nothing resolves.
  const auto dct_at = find_tag(bytes, "DCT");
  if (file.dct.empty() && !published.empty()) file.dct = published;
  if (file.dct.empty() || !valid_dct(file.dct)) {
    std::size_t at = dct_at == std::string_view::npos ? file.text_begin : dct_at;
    std::string message = dct_at == std::string_view::npos
                              ? "no DCT element: the document creation time is missing"
                              : "the DCT has no TIMEX3 with a value";
    if (!file.dct.empty()) {
      const auto v = bytes.find("value=", dct_at == std::string_view::npos ? 0 : dct_at);
      if (v != std::string_view::npos) at = v + 7;
      message = "the DCT value " + io::quoted(file.dct) + " is not a date such as 1998-01-08";
    }
    const io::Place p = io::place_of(bytes, at);
    *error = Error{name, p.line, p.column, message};
    return false;
  }

  Document d;
  d.id = file.docid.empty() ? io::stem(name) : file.docid;
  d.title = element_text(bytes, "TITLE", name);
  d.published = file.dct;
  d.text = std::move(file.text);
  d.source = name;
  d.format = Format::kTimeml;
  d.timeml_source = std::string(bytes);
  d.timeml_text_begin = file.text_begin;
  d.timeml_text_end = file.text_end;
  if (io::is_blank(d.text)) {
    const io::Place p = io::place_of(bytes, file.text_begin);
    *error = Error{name, p.line, p.column, "empty document: the TEXT element holds no text"};
    return false;
  }
  *doc = std::move(d);
  return true;
}

}  // namespace timeline
