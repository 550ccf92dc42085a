// read_meta: title, publication date, canonical URL and language of an HTML page.
//
// Publication date, first that is a calendar date wins:
//   1. <meta property="article:published_time">
//   2. itemprop="datePublished": a meta's content, a <time>'s datetime, or the element's text
//   3. JSON-LD "datePublished" (script type="application/ld+json"; @graph and arrays searched,
//      objects whose @type names an article first)
//   4. the first <time datetime> inside the article
//   5. <meta name="date">, "pubdate", "publish-date", "dc.date", "dcterms.created" and kin
// Title: og:title, else <title>, else the first <h1>. URL: <link rel="canonical">, else og:url.
// Language: the primary subtag of <html lang>, else of og:locale or Content-Language, else "en".
#include <nlohmann/json.hpp>

#include <timeline/document.hpp>

#include "io/html_internal.hpp"
#include "io/io_util.hpp"

namespace timeline::io::html {
namespace {

using nlohmann::json;

// Names of <meta name=...> (or property=) that carry the publication date, in order of trust.
const char* const kDateMetas[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
    "og:published_time", "article.published", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "datepublished", "release_date", nullptr};

bool article_type(const json& obj) {
  const auto t = obj.find("@type");
  if (t == obj.end()) return false;
  auto names = [](const json& v) {
    std::string all;
    if (v.is_string()) all = v.get<std::string>();
    if (v.is_array())
      for (const json& x : v)
        if (x.is_string()) all += x.get<std::string>() + " ";
    return all;
  };
  const std::string n = names(*t);
  return n.find("Article") != std::string::npos || n.find("BlogPosting") != std::string::npos ||
         n.find("Report") != std::string::npos;
}

// datePublished from a JSON-LD block: article-typed objects first, then any object. The search
// is breadth-first over an explicit queue and stops at a fixed depth.
void json_ld_dates(std::string_view script, std::vector<std::string>* preferred,
                   std::vector<std::string>* others) {
  const json root = json::parse(script.begin(), script.end(), nullptr, false);
  if (root.is_discarded()) return;
  std::vector<std::pair<const json*, int>> queue{{&root, 0}};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const auto [node, depth] = queue[i];
    if (depth > 8) continue;
    if (node->is_object()) {
      const auto d = node->find("datePublished");
      if (d != node->end() && d->is_string())
        (article_type(*node) ? preferred : others)->push_back(d->get<std::string>());
      for (const auto& item : node->items())
        if (item.value().is_structured()) queue.emplace_back(&item.value(), depth + 1);
    } else if (node->is_array()) {
      for (const json& v : *node)
        if (v.is_structured()) queue.emplace_back(&v, depth + 1);
    }
  }
}

bool inside(const GumboNode* n, const GumboNode* ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

}  // namespace

Meta read_meta(const GumboNode* document, const GumboNode* article_root) {
  std::string og_title, title, h1, canonical, og_url, lang, locale;
  // Candidates for the date, by rank (see the file comment).
  std::vector<std::string> rank[5];
  std::vector<std::string> fallback_by_name[sizeof kDateMetas / sizeof *kDateMetas];
  walk(
      document,
      [&](const GumboNode* n) {
        if (n->type != GUMBO_NODE_ELEMENT) return n->type == GUMBO_NODE_DOCUMENT;
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_HTML && lang.empty()) lang = language_subtag(attr_lower(n, "lang"));
        if (tag == GUMBO_TAG_META) {
          const std::string key =
              !attr_lower(n, "property").empty() ? attr_lower(n, "property") : attr_lower(n, "name");
          const char* content = attr(n, "content");
          if (content) {
            if (key == "og:title" && og_title.empty()) og_title = trim(content);
            if (key == "og:url" && og_url.empty()) og_url = trim(content);
            if ((key == "og:locale" || key == "content-language" ||
                 attr_lower(n, "http-equiv") == "content-language") && locale.empty())
              locale = language_subtag(content);
            if (key == "article:published_time") rank[0].push_back(content);
            for (int i = 0; kDateMetas[i]; ++i)
              if (key == kDateMetas[i]) fallback_by_name[i].push_back(content);
          }
        }
        if (tag == GUMBO_TAG_LINK && attr_lower(n, "rel") == "canonical" && canonical.empty() &&
            attr(n, "href"))
          canonical = trim(attr(n, "href"));
        if (tag == GUMBO_TAG_TITLE && title.empty()) title = plain_text(n);
        if (tag == GUMBO_TAG_H1 && h1.empty()) h1 = plain_text(n);
        if (attr_lower(n, "itemprop") == "datepublished") {
          const char* v = attr(n, "content");
          if (!v) v = attr(n, "datetime");
          rank[1].push_back(v ? std::string(v) : plain_text(n));
        }
        if (tag == GUMBO_TAG_SCRIPT && attr_lower(n, "type") == "application/ld+json") {
          const GumboVector& kids = n->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) {
            const auto* c = static_cast<const GumboNode*>(kids.data[i]);
            if (c->type == GUMBO_NODE_TEXT) json_ld_dates(c->v.text.text, &rank[2], &rank[3]);
          }
        }
        if (tag == GUMBO_TAG_TIME && attr(n, "datetime") && inside(n, article_root))
          rank[4].push_back(attr(n, "datetime"));
        return true;
      },
      [](const GumboNode*) {});

  Meta meta;
  meta.title = !og_title.empty() ? og_title : !title.empty() ? title : h1;
  meta.url = !canonical.empty() ? canonical : og_url;
  meta.lang = !lang.empty() ? lang : !locale.empty() ? locale : "en";
  for (const auto& list : rank) {
    for (const std::string& raw : list) {
      meta.published = normalize_published(raw);
      if (!meta.published.empty()) return meta;
    }
  }
  for (const auto& list : fallback_by_name) {
    for (const std::string& raw : list) {
      meta.published = normalize_published(raw);
      if (!meta.published.empty()) return meta;
    }
  }
  return meta;
}

}  // namespace timeline::io::html
