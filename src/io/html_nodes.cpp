// What the HTML loader knows about elements: which never hold article text, which look like page
// furniture, how much text each holds, and which one holds the article.
#include <algorithm>
#include <cctype>

#include "io/html_internal.hpp"
#include "io/io_util.hpp"

namespace timeline::io::html {

bool is_tag(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

const char* attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string attr_lower(const GumboNode* n, const char* name) {
  const char* v = attr(n, name);
  return v ? lower(trim(v)) : std::string();
}

bool never_text(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return true;
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MENU:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      break;
  }
  if (attr(n, "hidden") != nullptr || attr_lower(n, "aria-hidden") == "true") return true;
  std::string style = attr_lower(n, "style");
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos;
}

bool looks_like_noise(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  static const char* const kRoles[] = {"navigation", "banner", "contentinfo", "complementary",
                                       "dialog", "alertdialog", "menu", "menubar", "search",
                                       "toolbar", nullptr};
  const std::string role = attr_lower(n, "role");
  for (const char* const* r = kRoles; *r; ++r)
    if (role == *r) return true;
  // Words of the class and id: "cookie-banner js_consent" -> cookie, banner, js, consent.
  static const char* const kWords[] = {
      "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
      "signup", "share", "sharing", "social", "menu", "navbar", "breadcrumb", "breadcrumbs",
      "related", "recommended", "promo", "advert", "advertisement", "ad", "ads", "sponsored",
      "paywall", "comments", "popup", "modal", "sidebar", "toolbar", "caption", "credit",
      "credits", "byline", "tags", "footer", "header", "masthead", nullptr};
  for (const char* key : {"class", "id"}) {
    const std::string v = attr_lower(n, key);
    std::size_t i = 0;
    while (i < v.size()) {
      std::size_t j = i;
      while (j < v.size() && std::isalnum(static_cast<unsigned char>(v[j]))) ++j;
      if (j > i) {
        const std::string word = v.substr(i, j - i);
        for (const char* const* w = kWords; *w; ++w)
          if (word == *w) return true;
      }
      i = j + 1;
    }
  }
  return false;
}

Lengths text_lengths(const GumboNode* document) {
  Lengths len;
  walk(
      document,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
          std::size_t k = 0;
          for (const char* p = n->v.text.text; *p; ++p)
            if (!std::isspace(static_cast<unsigned char>(*p))) ++k;
          len[n->parent] += k;
          return false;
        }
        return children(n) != nullptr && !never_text(n);
      },
      [&](const GumboNode* n) {
        if (n->parent) len[n->parent] += len[n];
      });
  return len;
}

const GumboNode* text_root(const GumboNode* document, const Lengths& lengths) {
  auto length = [&](const GumboNode* n) {
    const auto it = lengths.find(n);
    return it == lengths.end() ? std::size_t{0} : it->second;
  };
  const GumboNode *body = nullptr, *article = nullptr, *main = nullptr, *marked = nullptr;
  walk(
      document,
      [&](const GumboNode* n) {
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return false;
        if (never_text(n)) return false;
        if (is_tag(n, GUMBO_TAG_BODY) && !body) body = n;
        if (attr_lower(n, "itemprop") == "articlebody" && (!marked || length(n) > length(marked)))
          marked = n;
        if (is_tag(n, GUMBO_TAG_ARTICLE) && (!article || length(n) > length(article))) article = n;
        if ((is_tag(n, GUMBO_TAG_MAIN) || attr_lower(n, "role") == "main") && !main) main = n;
        return true;
      },
      [](const GumboNode*) {});
  for (const GumboNode* n : {marked, article, main})
    if (n && length(n) > 0) return n;
  return body ? body : document;
}

std::string plain_text(const GumboNode* root) {
  std::string out;
  walk(
      root,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
          out += n->v.text.text;
          return false;
        }
        return children(n) != nullptr && (n == root || !never_text(n));
      },
      [](const GumboNode*) {});
  std::string collapsed;
  for (char c : out) {
    const bool space = std::isspace(static_cast<unsigned char>(c));
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  return std::string(trim(collapsed));
}

}  // namespace timeline::io::html
