// timeline/document.hpp: an article as the pipeline sees it, and how to load one.
//
// Every later stage works on Document::text and reports byte offsets into it. For HTML input the
// text is the article's readable text extracted from the page, and `source_map` leads from text
// offsets back to the page's bytes.
//
// Loading is the only stage that reads files. The parse_* functions take bytes already in memory
// and never touch the file system; load_path() reads a path (or "-" for standard input) and
// streams the documents it holds to a callback, one at a time, so a JSON Lines file of any length
// is read in constant memory.
//
// Example:
//   timeline::LoadOptions opt;
//   timeline::load_path("examples/whatsapp.txt", opt, [](timeline::LoadItem&& item) {
//     if (item.error) std::cerr << item.error->str() << "\n";
//     else use(*item.document);
//   });
//
// Thread safety: all functions are reentrant; no shared state.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <timeline/error.hpp>

namespace timeline {

enum class Format { kAuto, kText, kHtml, kJsonl, kTimeml, kClaimsJson };

struct Document {
  std::string id;         // unique within a batch: the file's stem, or the JSONL "id"
  std::string title;
  std::string url;
  std::string published;  // ISO 8601 date ("2026-02-12") or date-time; empty when unknown
  std::string lang = "en";
  std::string text;       // valid UTF-8, the text every offset points into

  std::string source;     // path as given ("-" for standard input)
  int source_line = 0;    // for JSON Lines: the line the document came from (1-based)
  Format format = Format::kText;

  // HTML only: pairs (text offset, source offset), sorted by text offset. A text byte at offset t
  // came from source offset s + (t - t0), where (t0, s) is the last pair with t0 <= t.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> source_map;

  // TimeML only: the whole file, and the byte range of the TEXT element's content in it, so that
  // the tagger can write the file back with its own annotations.
  std::string timeml_source;
  std::uint32_t timeml_text_begin = 0, timeml_text_end = 0;
};

struct LoadOptions {
  // Overrides (or supplies) every document's publication date: "YYYY-MM-DD". Empty: keep the
  // document's own.
  std::string published;
  // Format to assume; kAuto decides by the file's extension (.txt .html .htm .jsonl .tml .json)
  // and, for standard input, by its first non-blank byte ('{' is JSON Lines, '<' is HTML).
  Format format = Format::kAuto;
  // Documents larger than this are refused with an error rather than loaded.
  std::size_t max_document_bytes = 256u << 20;
};

// One result of loading: a document or an error, never both.
struct LoadItem {
  std::optional<Document> document;
  std::optional<Error> error;
};

// Reads `path` ("-" = standard input) and calls `sink` once per document or error, in file order.
// Errors never stop the stream: a broken JSON Lines line yields an error item and the next line
// is read. Returns the number of errors produced.
int load_path(const std::string& path, const LoadOptions& options,
              const std::function<void(LoadItem&&)>& sink);

// Parsers over bytes in memory. `name` is used for ids and error messages. Each returns true and
// fills *doc, or returns false and fills *error.
bool parse_text(std::string_view bytes, const std::string& name, Document* doc, Error* error);
bool parse_html(std::string_view bytes, const std::string& name, Document* doc, Error* error);
bool parse_timeml(std::string_view bytes, const std::string& name, Document* doc, Error* error);
// One JSON Lines record; `line` is its 1-based line number, for errors and the default id.
bool parse_jsonl_record(std::string_view line_bytes, const std::string& name, int line,
                        Document* doc, Error* error);

// Checks that `bytes` is valid UTF-8 (no overlong forms, no surrogates, no NUL). On failure
// returns false and the byte offset of the first bad byte in *bad_offset.
bool valid_utf8(std::string_view bytes, std::size_t* bad_offset);

// Normalizes a date given by a user or a page ("2026-02-12", "2026-02-12T09:30:00Z",
// "February 12, 2026", "12 Feb 2026", "20260212") to "YYYY-MM-DD". Returns "" when not a date.
std::string normalize_published(std::string_view raw);

}  // namespace timeline
