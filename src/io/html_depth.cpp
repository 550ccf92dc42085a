// limit_depth: keeps gumbo away from pathological nesting.
//
// gumbo's tree builder checks its stack of open elements on every start tag, so a page nested
// n levels deep costs time in n^2 (10,000 nested <div> take about 5 s, 100,000 would take
// minutes). This scan estimates the nesting from the tags alone, the way the tree builder will
// see it (void elements, self-closing tags, elements whose end tag is implied and the raw text of
// <script>/<style> do not nest), and blanks out the tags below `limit` levels. Blanking with
// spaces keeps every byte at its offset, so the source map still points at the page.
#include <algorithm>
#include <cstring>

#include "io/html_internal.hpp"
#include "io/io_util.hpp"

namespace timeline::io::html {
namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':';
}

bool in_list(const std::string& name, const char* const* list) {
  for (; *list; ++list)
    if (name == *list) return true;
  return false;
}

// Elements that never hold children, or whose end tag the parser implies when a sibling starts.
const char* const kFlat[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                             "meta", "param", "source", "track", "wbr", "keygen", "p", "li", "dt",
                             "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
                             "tfoot", "rb", "rt", "rp", "colgroup", "html", "head", "body",
                             nullptr};
// Elements whose content is raw text up to their end tag.
const char* const kRaw[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                            "noframes", "plaintext", nullptr};

// The end of the tag starting at `i` ('<'): the offset after its '>', quotes respected.
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

// Offset of "</name" (any case) at or after `from`, or the end.
std::size_t raw_end(std::string_view s, std::size_t from, const std::string& name) {
  for (std::size_t p = s.find("</", from); p != std::string_view::npos; p = s.find("</", p + 2)) {
    if (lower(s.substr(p + 2, name.size())) == name) return p;
  }
  return s.size();
}

}  // namespace

std::string limit_depth(std::string_view s, std::size_t limit, bool* changed) {
  *changed = false;
  std::string out;
  std::size_t depth = 0;
  auto blank = [&](std::size_t from, std::size_t to) {
    if (!*changed) {
      out.assign(s.data(), s.size());
      *changed = true;
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(from),
              out.begin() + static_cast<std::ptrdiff_t>(to), ' ');
  };
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      const auto end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    const bool closing = i + 1 < s.size() && s[i + 1] == '/';
    std::size_t n = i + (closing ? 2 : 1);
    const std::size_t name_begin = n;
    while (n < s.size() && name_char(s[n])) ++n;
    if (n == name_begin) {  // "<!DOCTYPE", "<?xml", or a lone '<' in text
      i = (s.size() > i + 1 && (s[i + 1] == '!' || s[i + 1] == '?')) ? tag_end(s, i) : i + 1;
      continue;
    }
    const std::string name = lower(s.substr(name_begin, n - name_begin));
    const std::size_t end = tag_end(s, i);
    if (closing) {
      if (!in_list(name, kFlat) && !in_list(name, kRaw) && depth > 0) {
        if (depth > limit) blank(i, end);
        --depth;
      }
    } else if (in_list(name, kRaw)) {
      const std::size_t close = raw_end(s, end, name);
      i = close;
      continue;
    } else if (!in_list(name, kFlat) && !(end >= 2 && s[end - 2] == '/')) {
      ++depth;
      if (depth > limit) blank(i, end);
    }
    i = end;
  }
  return out;
}

}  // namespace timeline::io::html
