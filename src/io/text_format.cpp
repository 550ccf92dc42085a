// parse_text: a plain-text article with an optional header.
//
// The header is a run of "Key: value" lines ended by a blank line:
//
//   Title: Regulator restricts a messenger
//   Published: 2026-02-12
//   URL: https://example.org/story
//   Language: en
//   Id: story-1
//
//   The text of the article...
//
// Keys are case-insensitive: Title, Published (or Date), URL, Language (or Lang), Id. A file whose
// first line is not a known "Key:" line has no header and is all text. Inside a header, a line
// that is not a known "Key: value" is an error naming its line, so that a mistyped key is not
// silently read as article text. Windows and old Mac line endings become "\n"; Document::text is
// the body after the header and every offset points into it.
#include <timeline/document.hpp>

#include "io/io_util.hpp"

namespace timeline {
namespace {

enum class Key { kNone, kTitle, kPublished, kUrl, kLanguage, kId };

Key key_of(std::string_view name) {
  const std::string k = io::lower(io::trim(name));
  if (k == "title") return Key::kTitle;
  if (k == "published" || k == "date") return Key::kPublished;
  if (k == "url") return Key::kUrl;
  if (k == "language" || k == "lang") return Key::kLanguage;
  if (k == "id") return Key::kId;
  return Key::kNone;
}

// Splits "Key: value"; returns kNone when the line has no colon or an unknown key.
Key split_line(std::string_view line, std::string_view* value, std::size_t* value_col) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 20) return Key::kNone;
  const Key key = key_of(line.substr(0, colon));
  std::size_t v = colon + 1;
  while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
  *value = io::trim(line.substr(v));
  *value_col = v + 1;
  return key;
}

}  // namespace

bool parse_text(std::string_view bytes, const std::string& name, Document* doc, Error* error) {
  std::string_view body;
  if (!io::check_input(bytes, name, 1, &body, error)) return false;
  const std::string text = io::unix_newlines(body);
  Document d;
  d.id = io::stem(name);
  d.source = name;
  d.format = Format::kText;

  std::size_t pos = 0;
  int line_no = 1;
  std::string_view all(text);
  {
    std::string_view first = all.substr(0, all.find('\n'));
    std::string_view value;
    std::size_t col = 0;
    if (split_line(first, &value, &col) != Key::kNone) {
      // A header: read "Key: value" lines up to the first blank line.
      for (;;) {
        const auto nl = all.find('\n', pos);
        const std::string_view line =
            all.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? all.size() : nl + 1;
        if (io::is_blank(line)) break;
        const Key key = split_line(line, &value, &col);
        const std::string v(value);
        switch (key) {
          case Key::kNone:
            *error = Error{name, line_no, 1,
                           "expected a 'Key: value' header line (Title, Published, URL, "
                           "Language, Id) or a blank line ending the header"};
            return false;
          case Key::kTitle: d.title = v; break;
          case Key::kUrl: d.url = v; break;
          case Key::kId:
            if (!v.empty()) d.id = v;
            break;
          case Key::kLanguage:
            d.lang = io::language_subtag(v);
            if (d.lang.empty()) {
              *error = Error{name, line_no, static_cast<int>(col),
                             "'" + v + "' is not a language tag such as en or ru"};
              return false;
            }
            break;
          case Key::kPublished:
            d.published = normalize_published(v);
            if (d.published.empty()) {
              *error = Error{name, line_no, static_cast<int>(col), io::published_date_problem(v)};
              return false;
            }
            break;
        }
        ++line_no;
        if (pos >= all.size()) break;
      }
    }
  }
  d.text = text.substr(pos);
  if (io::is_blank(d.text)) {
    *error = Error{name, 0, 0, "empty document: the header is followed by no text"};
    return false;
  }
  *doc = std::move(d);
  return true;
}

}  // namespace timeline
