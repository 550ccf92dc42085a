// parse_html: a saved web page as a Document.
//
// The page is checked (UTF-8, no NUL; after decoding too), its nesting is capped at kMaxDepth levels (see
// html_depth.cpp), and gumbo parses it. The metadata comes from html_meta.cpp, the readable text
// of the article element from html_text.cpp, with a source map from text offsets to page bytes.
// Nothing here recurses over the tree: every walk keeps its own stack.
#include <memory>

#include <timeline/document.hpp>

#include "io/html_internal.hpp"
#include "io/io_util.hpp"

namespace timeline {
namespace {

// Deeper than any real page (news sites nest about 20 to 60 levels), and shallow enough that
// gumbo's quadratic checks stay well under a second.
constexpr std::size_t kMaxDepth = 2000;

struct OutputDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

// Gumbo 0.10 decodes a numeric character reference past 32 bits ("&#x888888886;") to bytes that
// are not UTF-8. Such a page is refused, with the place of the first bad byte's source.
bool decoded_utf8(const Document& d, std::string_view bytes, const std::string& name,
                  Error* error) {
  const char kWhy[] = "a character reference names no Unicode character";
  std::size_t bad = 0;
  if (!valid_utf8(d.title, &bad) || !valid_utf8(d.url, &bad)) {
    *error = Error{name, 0, 0, std::string(kWhy) + " (in the page's title or address)"};
    return false;
  }
  if (valid_utf8(d.text, &bad)) return true;
  std::size_t at = 0;
  for (const auto& [t, s] : d.source_map) {
    if (t > bad) break;
    at = s + (bad - t);
  }
  const io::Place p = io::place_of(bytes, std::min(at, bytes.size()));
  *error = Error{name, p.line, p.column, kWhy};
  return false;
}

}  // namespace

bool parse_html(std::string_view bytes, const std::string& name, Document* doc, Error* error) {
  std::string_view body;
  if (!io::check_input(bytes, name, 1, &body, error)) return false;
  const auto base = static_cast<std::uint32_t>(bytes.size() - body.size());  // a skipped BOM

  bool flattened = false;
  const std::string capped = io::html::limit_depth(body, kMaxDepth, &flattened);
  const std::string_view source = flattened ? std::string_view(capped) : body;

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported, only recovered from
  std::unique_ptr<GumboOutput, OutputDeleter> out(
      gumbo_parse_with_options(&options, source.data(), source.size()));
  if (!out) {
    *error = Error{name, 0, 0, "the HTML parser gave up on this page"};
    return false;
  }
  const io::html::Lengths lengths = io::html::text_lengths(out->document);
  const GumboNode* root = io::html::text_root(out->document, lengths);
  const io::html::Meta meta = io::html::read_meta(out->document, root);

  Document d;
  d.id = io::stem(name);
  d.source = name;
  d.format = Format::kHtml;
  d.title = meta.title;
  d.url = meta.url;
  d.published = meta.published;
  d.lang = meta.lang;
  io::html::extract_text(root, lengths, source, base, &d.text, &d.source_map);
  if (io::is_blank(d.text)) {
    *error = Error{name, 0, 0, "empty document: the page has no readable text"};
    return false;
  }
  if (!decoded_utf8(d, bytes, name, error)) return false;
  *doc = std::move(d);
  return true;
}

}  // namespace timeline
