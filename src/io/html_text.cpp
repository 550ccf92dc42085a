// extract_text: the readable text of the article element, and where each byte came from.
//
// White space is collapsed the way a browser renders it: runs of spaces, tabs, newlines and
// no-break spaces become one space, and block elements end lines. Paragraph-like blocks (p,
// headings, lists, quotes, tables, sections) are separated by a blank line, other blocks (div,
// li, tr, br) by a newline; two <br> in a row make a blank line. never_text() elements are left
// out everywhere; looks_like_noise() elements are left out unless they hold at least half of the
// article's text (a "content has-sidebar" wrapper is not page furniture).
//
// gumbo gives each text node its decoded text and its original bytes; walking both side by side
// gives the source offset of each decoded byte, including after entities (&amp; is five source
// bytes for one text byte), CR LF pairs (two source bytes for one '\n') and tags the parser
// ignored inside a run of text (a stray </b>).
#include <algorithm>
#include <cctype>

#include "io/html_internal.hpp"
#include "io/io_util.hpp"

namespace timeline::io::html {
namespace {

enum Break { kNone = 0, kSpace = 1, kLine = 2, kParagraph = 3 };

Break block_break(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return kNone;
  switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_HR: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
      return kParagraph;
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_BODY: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      return kLine;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return kSpace;
    default:
      return kNone;
  }
}

// Length of the UTF-8 sequence starting with byte `c` (1 for anything unexpected).
std::size_t sequence_length(unsigned char c) {
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

// The end of the character reference starting at raw[i] == '&': past its ';', or past its name
// or number when it has no ';'. i + 1 when no name follows (a literal '&').
std::size_t reference_end(std::string_view raw, std::size_t i) {
  std::size_t e = i + 1;
  if (e < raw.size() && raw[e] == '#') ++e;
  while (e < raw.size() && std::isalnum(static_cast<unsigned char>(raw[e]))) ++e;
  if (e < raw.size() && raw[e] == ';') ++e;
  return e;
}

// Whether the source after a reference (raw[e]) can continue the decoded text at dec[j].
bool lines_up(std::string_view raw, std::size_t e, std::string_view dec, std::size_t j) {
  if (j >= dec.size()) return true;
  if (e >= raw.size()) return false;
  return raw[e] == dec[j] || raw[e] == '&' || raw[e] == '\r' || raw[e] == '<';
}

// Whether the source from raw[e] and the text from dec[j] begin with the same few bytes.
bool agrees(std::string_view raw, std::size_t e, std::string_view dec, std::size_t j) {
  if (j >= dec.size()) return e >= raw.size() || raw[e] == '<';
  const std::size_t n = std::min<std::size_t>({4, dec.size() - j, raw.size() - std::min(e, raw.size())});
  if (n == 0) return false;
  for (std::size_t m = 0; m < n; ++m) {
    const char c = raw[e + m];
    if (c == '&' || c == '\r' || c == '<') return true;  // another reference, or a break
    if (c != dec[j + m]) return false;
  }
  return true;
}

// Offset (relative to the node's original text) of each byte of its decoded text.
std::vector<std::uint32_t> byte_origins(std::string_view raw, std::string_view dec) {
  std::vector<std::uint32_t> at(dec.size());
  std::size_t i = 0, j = 0;
  auto here = [&] { return static_cast<std::uint32_t>(raw.empty() ? 0 : std::min(i, raw.size() - 1)); };
  while (j < dec.size()) {
    if (i < raw.size() && raw[i] == '\r' && dec[j] == '\n') {
      at[j++] = here();
      i += (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (i < raw.size() && raw[i] == '&') {
      const std::size_t e = reference_end(raw, i);
      // Left as it was (no such entity) when the text repeats the reference and goes on alike.
      const bool literal = dec[j] == '&' &&
                           (e == i + 1 || (dec.compare(j, e - i, raw.substr(i, e - i)) == 0 &&
                                           lines_up(raw, e, dec, j + (e - i))));
      if (!literal) {
        // The reference's text is one code point or two, and a reference without ';' may end
        // before its run of letters ("&ampx" is "&" and "x"): take the first reading after
        // which source and text agree again.
        const std::size_t one = sequence_length(static_cast<unsigned char>(dec[j]));
        const std::size_t two =
            j + one < dec.size() ? one + sequence_length(static_cast<unsigned char>(dec[j + one])) : one;
        std::size_t k = one, end = e;
        bool found = false;
        for (std::size_t len : {one, two}) {
          for (std::size_t f = e; f >= i + 2 && !found; --f) {
            if (agrees(raw, f, dec, j + len)) {
              k = len;
              end = f;
              found = true;
            }
          }
          if (found) break;
        }
        for (std::size_t b = 0; b < k && j < dec.size(); ++b)
          at[j++] = static_cast<std::uint32_t>(i + std::min(b, end - i - 1));
        i = end;
        continue;
      }
    }
    if (i < raw.size() && raw[i] == '<' && dec[j] != '<') {
      // A tag the parser ignored (a stray end tag) inside the node's source: step over it.
      const auto gt = raw.find('>', i);
      if (gt != std::string_view::npos) {
        i = gt + 1;
        continue;
      }
    }
    at[j++] = here();
    ++i;
  }
  return at;
}

class TextBuilder {
 public:
  TextBuilder(std::string* text, std::vector<std::pair<std::uint32_t, std::uint32_t>>* map)
      : text_(text), map_(map) {}

  void request(Break b) {
    if (b == kLine && pending_ >= kLine) b = kParagraph;  // used for <br><br>
    if (b > pending_) pending_ = b;
  }
  void block(Break b) {
    if (b > pending_) pending_ = b;
  }

  // Appends decoded text whose byte k came from source offset origin[k].
  void append(std::string_view s, const std::vector<std::uint32_t>& origin) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        block(kSpace);
        continue;
      }
      if (c == 0xC2 && k + 1 < s.size() && static_cast<unsigned char>(s[k + 1]) == 0xA0) {
        block(kSpace);  // no-break space
        ++k;
        continue;
      }
      flush();
      put(s[k], origin[k]);
    }
  }

  void finish() {
    if (!text_->empty()) text_->push_back('\n');
  }

 private:
  void flush() {
    if (!text_->empty()) {
      if (pending_ == kSpace) text_->push_back(' ');
      if (pending_ >= kLine) text_->push_back('\n');
      if (pending_ == kParagraph) text_->push_back('\n');
    }
    pending_ = kNone;
  }
  void put(char c, std::uint32_t source) {
    const auto t = static_cast<std::uint32_t>(text_->size());
    if (map_->empty() || map_->back().second + (t - map_->back().first) != source)
      map_->emplace_back(t, source);
    text_->push_back(c);
  }

  std::string* text_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>>* map_;
  Break pending_ = kNone;
};

}  // namespace

void extract_text(const GumboNode* root, const Lengths& lengths, std::string_view source,
                  std::uint32_t source_base, std::string* text,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>* map) {
  text->clear();
  map->clear();
  TextBuilder out(text, map);
  auto length = [&](const GumboNode* n) {
    const auto it = lengths.find(n);
    return it == lengths.end() ? std::size_t{0} : it->second;
  };
  const std::size_t root_length = length(root);
  walk(
      root,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
          const GumboText& t = n->v.text;
          std::string_view raw(t.original_text.data, t.original_text.length);
          std::size_t start = t.start_pos.offset;
          // Keep to the source buffer: a node whose original text lies elsewhere maps to its start.
          if (raw.data() < source.data() || raw.data() + raw.size() > source.data() + source.size())
            raw = {};
          else
            start = static_cast<std::size_t>(raw.data() - source.data());
          std::vector<std::uint32_t> origin = byte_origins(raw, t.text);
          for (auto& o : origin) o += static_cast<std::uint32_t>(start) + source_base;
          out.append(t.text, origin);
          return false;
        }
        if (n != root && (never_text(n) || (looks_like_noise(n) && 2 * length(n) < root_length)))
          return false;
        if (is_tag(n, GUMBO_TAG_BR)) out.request(kLine);
        out.block(block_break(n));
        return children(n) != nullptr;
      },
      [&](const GumboNode* n) { out.block(block_break(n)); });
  out.finish();
}

}  // namespace timeline::io::html
