// read_timeml(): TEXT content and TIMEX3 annotations of a TimeML file.
#include <timeline/timeml.hpp>

#include <vector>

#include "eval/xml_walk.hpp"

namespace timeline {
namespace {

// Finds the start tag <NAME> or <NAME attrs> at or after `from`; npos when absent.
std::size_t find_start_tag(std::string_view s, std::string_view name, std::size_t from) {
  std::string needle = "<" + std::string(name);
  for (std::size_t p = s.find(needle, from); p != std::string_view::npos;
       p = s.find(needle, p + 1)) {
    std::size_t k = p + needle.size();
    if (k < s.size() && (s[k] == '>' || s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
                         s[k] == '\r'))
      return p;
  }
  return std::string_view::npos;
}

// The content of the first NAME element: [*begin, *end). False when absent.
bool element_content(std::string_view s, std::string_view name, std::size_t from,
                     std::size_t* begin, std::size_t* end) {
  std::size_t open = find_start_tag(s, name, from);
  if (open == std::string_view::npos) return false;
  std::size_t gt = s.find('>', open);
  if (gt == std::string_view::npos) return false;
  std::size_t close = s.find("</" + std::string(name) + ">", gt + 1);
  if (close == std::string_view::npos) return false;
  *begin = gt + 1;
  *end = close;
  return true;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\n' || s[b] == '\r' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

// The value of the TIMEX3 that gives the creation time: inside DCT, or any TIMEX3 outside TEXT
// with functionInDocument="CREATION_TIME".
std::string find_dct(std::string_view s, std::size_t text_open, std::size_t text_close) {
  std::size_t b, e;
  if (element_content(s, "DCT", 0, &b, &e)) {
    std::size_t t = find_start_tag(s.substr(0, e), "TIMEX3", b);
    if (t != std::string_view::npos) {
      std::size_t gt = s.find('>', t);
      return eval::xml_attr(s.substr(t + 7, gt - t - 7), "value");
    }
  }
  for (std::size_t t = find_start_tag(s, "TIMEX3", 0); t != std::string_view::npos;
       t = find_start_tag(s, "TIMEX3", t + 1)) {
    if (t >= text_open && t < text_close) continue;
    std::size_t gt = s.find('>', t);
    if (gt == std::string_view::npos) break;
    std::string_view attrs = s.substr(t + 7, gt - t - 7);
    if (eval::xml_attr(attrs, "functionInDocument") == "CREATION_TIME")
      return eval::xml_attr(attrs, "value");
  }
  return "";
}

}  // namespace

bool read_timeml(std::string_view bytes, const std::string& name, TimemlFile* out,
                 Error* error) {
  *out = TimemlFile{};
  std::size_t tb, te;
  if (!element_content(bytes, "TEXT", 0, &tb, &te)) {
    *error = Error{name, 0, 0, "no <TEXT> element (is this a TimeML file?)"};
    return false;
  }
  std::size_t db, de;
  if (element_content(bytes, "DOCID", 0, &db, &de)) out->docid = trim(bytes.substr(db, de - db));
  out->dct = find_dct(bytes, tb, te);
  out->text_begin = static_cast<std::uint32_t>(tb);
  out->text_end = static_cast<std::uint32_t>(te);

  struct Open {
    std::size_t index;
    std::uint32_t src;
  };
  std::vector<Open> open;
  bool ok = true;
  bool walked = eval::xml_walk(
      bytes, out->text_begin, out->text_end, name,
      [&](const eval::XmlPiece& p) {
        if (!ok) return;
        if (p.kind == eval::XmlPiece::kText) {
          out->text += p.text;
        } else if (p.name == "TIMEX3" && p.kind == eval::XmlPiece::kOpen) {
          TimemlTimex t;
          t.begin = t.end = static_cast<std::uint32_t>(out->text.size());
          t.tid = eval::xml_attr(p.attrs, "tid");
          t.type = eval::xml_attr(p.attrs, "type");
          t.value = eval::xml_attr(p.attrs, "value");
          t.mod = eval::xml_attr(p.attrs, "mod");
          open.push_back({out->timexes.size(), p.src_begin});
          out->timexes.push_back(std::move(t));
        } else if (p.name == "TIMEX3" && p.kind == eval::XmlPiece::kClose) {
          if (open.empty()) {
            *error = Error{name, 0, 0, "</TIMEX3> without an opening tag"};
            eval::xml_position(bytes, p.src_begin, &error->line, &error->column);
            ok = false;
            return;
          }
          out->timexes[open.back().index].end = static_cast<std::uint32_t>(out->text.size());
          open.pop_back();
        }
      },
      error);
  if (!walked || !ok) return false;
  if (!open.empty()) {
    *error = Error{name, 0, 0, "<TIMEX3> is never closed"};
    eval::xml_position(bytes, open.back().src, &error->line, &error->column);
    return false;
  }
  return true;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace timeline
