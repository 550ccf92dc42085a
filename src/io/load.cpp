// Placeholder loader: plain text only. The io unit replaces this file.
#include <fstream>
#include <iostream>
#include <sstream>

#include <timeline/document.hpp>

namespace timeline {

bool valid_utf8(std::string_view, std::size_t*) { return true; }
std::string normalize_published(std::string_view raw) { return std::string(raw); }
bool parse_text(std::string_view bytes, const std::string& name, Document* doc, Error*) {
  doc->id = name;
  doc->text = std::string(bytes);
  return true;
}
bool parse_html(std::string_view, const std::string& name, Document*, Error* e) {
  *e = Error{name, 0, 0, "html not supported yet"};
  return false;
}
bool parse_timeml(std::string_view, const std::string& name, Document*, Error* e) {
  *e = Error{name, 0, 0, "timeml not supported yet"};
  return false;
}
bool parse_jsonl_record(std::string_view, const std::string& name, int line, Document*, Error* e) {
  *e = Error{name, line, 0, "jsonl not supported yet"};
  return false;
}
int load_path(const std::string& path, const LoadOptions&,
              const std::function<void(LoadItem&&)>& sink) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  LoadItem item;
  Document d;
  Error e;
  parse_text(ss.str(), path, &d, &e);
  d.source = path;
  item.document = std::move(d);
  sink(std::move(item));
  return 0;
}

}  // namespace timeline
