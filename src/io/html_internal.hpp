// Private pieces of the HTML loader (html_*.cpp): a non-recursive walk over gumbo's tree, the
// depth guard that keeps gumbo fast on pathological nesting, the metadata reader and the
// readable-text extractor. parse_html() in html_format.cpp puts them together.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace timeline::io::html {

// The children of a document or element node; nullptr for text, comments and the like.
inline const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  return nullptr;
}

// Visits the nodes under `root` (itself included) in document order with an explicit stack, so
// that nesting depth never touches the call stack. `enter(node)` returns true to descend into
// the node; `leave(node)` is called after the children of every node entered.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  if (enter(root)) stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = children(top.node);
    if (kids && top.next < kids->length) {
      const auto* child = static_cast<const GumboNode*>(kids->data[top.next++]);
      if (enter(child)) stack.push_back({child, 0});
      continue;
    }
    const GumboNode* done = top.node;
    stack.pop_back();
    leave(done);
  }
}

// Element tests and attributes.
bool is_tag(const GumboNode* n, GumboTag tag);
const char* attr(const GumboNode* n, const char* name);  // nullptr when absent
std::string attr_lower(const GumboNode* n, const char* name);  // "" when absent

// Elements whose content is never article text, whatever their place (script, nav, form...),
// and hidden elements (hidden, aria-hidden="true", style="display: none").
bool never_text(const GumboNode* n);
// Elements that look like page furniture by role, class or id (cookie banners, share bars,
// menus, related links).
bool looks_like_noise(const GumboNode* n);

// Visible text bytes (white space excluded) under every element, never_text() parts left out.
using Lengths = std::unordered_map<const GumboNode*, std::size_t>;
Lengths text_lengths(const GumboNode* document);

// The element holding the article: [itemprop=articleBody], else the largest <article>, else
// <main> or [role=main], else <body>.
const GumboNode* text_root(const GumboNode* document, const Lengths& lengths);

// Collapsed, trimmed text of every text node under `n` (for titles and headings).
std::string plain_text(const GumboNode* n);

// Title, publication date ("" when none is a date), canonical URL and language subtag.
struct Meta {
  std::string title, published, url, lang;
};
Meta read_meta(const GumboNode* document, const GumboNode* article_root);

// The readable text of `root`: paragraphs separated by blank lines, block elements ending lines,
// white space collapsed. `source` is the buffer gumbo parsed; `source_base` is added to every
// source offset in *map (a skipped byte order mark).
void extract_text(const GumboNode* root, const Lengths& lengths, std::string_view source,
                  std::uint32_t source_base, std::string* text,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>* map);

// When tags nest deeper than `limit`, returns a copy of `bytes` in which the start and end tags
// below that depth are overwritten with spaces (so every byte keeps its offset and the text is
// kept), and sets *changed. Otherwise returns "" and leaves *changed false.
std::string limit_depth(std::string_view bytes, std::size_t limit, bool* changed);

}  // namespace timeline::io::html
