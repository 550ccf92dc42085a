// fuzz/harness.hpp: one function per pipeline stage that runs a stage on arbitrary bytes and checks
// the promises its header makes, for the libFuzzer targets (src/fuzz/*_fuzz.cpp) and for the
// regression tests that replay saved inputs (tests/robust_replay_test.cpp).
//
// Each run_* function returns "" when every promise held, or one line naming the first one that
// broke ("timex 3: end 90 is past the text (80 bytes)"). A crash, a hang or a sanitizer report is
// caught by libFuzzer (or by the sanitizer build of the tests) rather than here.
//
// The promises checked, all taken from the public headers:
//   load     a document or an error, never both; an error is one line with a message; the text is
//            valid UTF-8; HTML source maps are sorted and point inside text and page; TimeML's
//            TEXT range lies inside the file; a publication date is "" or starts YYYY-MM-DD.
//   tag      every span lies inside the text, on UTF-8 boundaries, and equals its `text`; type is
//            one of DATE, TIME, DURATION, SET; the value is non-empty; range partners and signal
//            spans are in range; the interval and EDTF helpers accept every value; JSON serializes.
//   extract  every span (actor, targets, time, evidence, highlights) lies inside the text; the
//            evidence sentence is the text of its span; JSON serializes.
//   claims   claims JSON (what build and compare read) gives documents or an error, never both;
//            the documents assemble into a timeline whose five output files render (or a checked
//            error) and whose JSON outputs parse; they compare, and the comparison renders.
//
// The tagger and extractor are built once per process from the built-in rules (create() is the
// costly part); both are immutable and safe to share. The functions are inline so that the tests
// can use them without a library of their own (src/fuzz/ is outside timeline_core).
//
// Example (a libFuzzer entry point):
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     using namespace timeline::fuzz;
//     require(run_load(timeline::Format::kHtml, as_view(data, size)));
//     return 0;
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <timeline/compare.hpp>
#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/extractor.hpp>
#include <timeline/json.hpp>
#include <timeline/render.hpp>
#include <timeline/tagger.hpp>
#include <timeline/timeline.hpp>

namespace timeline::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Aborts with `problem` on stderr when it is not empty (libFuzzer then saves the input).
inline void require(const std::string& problem) {
  if (problem.empty()) return;
  std::fprintf(stderr, "broken promise: %s\n", problem.c_str());
  std::abort();
}

namespace detail {

inline std::string at(const std::string& what, std::size_t i) {
  return what + " " + std::to_string(i) + ": ";
}

// "" when [begin, end) lies inside `text` and begins and ends on UTF-8 character boundaries.
inline std::string check_span(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  if (begin > end)
    return "span begins at " + std::to_string(begin) + " after its end " + std::to_string(end);
  if (end > text.size())
    return "span end " + std::to_string(end) + " is past the text (" +
           std::to_string(text.size()) + " bytes)";
  auto inside_char = [&](std::uint32_t off) {
    return off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80;
  };
  if (inside_char(begin) || inside_char(end))
    return "span [" + std::to_string(begin) + ", " + std::to_string(end) +
           ") cuts a UTF-8 character";
  return "";
}

inline bool is_date_prefix(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

inline std::string check_error(const Error& e) {
  if (e.message.empty()) return "error without a message";
  if (e.line < 0 || e.column < 0) return "error with a negative line or column: " + e.str();
  if (e.str().find('\n') != std::string::npos) return "error is not one line: " + e.str();
  return "";
}

inline std::string check_json(const nlohmann::json& j) {
  try {
    (void)j.dump();
  } catch (const nlohmann::json::exception& ex) {
    return std::string("JSON output fails to serialize: ") + ex.what();
  }
  return "";
}

inline std::string check_document(const Document& d, std::string_view input) {
  std::size_t bad = 0;
  if (!valid_utf8(d.text, &bad)) return "text is not valid UTF-8 at byte " + std::to_string(bad);
  if (!d.published.empty() && !is_date_prefix(d.published))
    return "publication date '" + d.published + "' is not YYYY-MM-DD";
  for (std::size_t i = 0; i < d.source_map.size(); ++i) {
    const auto& [t, s] = d.source_map[i];
    if (t > d.text.size() || s > input.size())
      return at("source map pair", i) + "points outside the text or the page";
    if (i > 0 && t < d.source_map[i - 1].first)
      return at("source map pair", i) + "is out of order";
  }
  if (d.format == Format::kTimeml &&
      (d.timeml_text_begin > d.timeml_text_end || d.timeml_text_end > d.timeml_source.size()))
    return "TimeML TEXT range lies outside the file";
  return "";
}

// The document of a text article, or nullptr (after a checked error) when it does not load.
inline std::unique_ptr<Document> load_text(std::string_view bytes, std::string* problem) {
  auto doc = std::make_unique<Document>();
  Error error;
  if (!parse_text(bytes, "fuzz.txt", doc.get(), &error)) {
    *problem = check_error(error);
    return nullptr;
  }
  *problem = check_document(*doc, bytes);
  return problem->empty() ? std::move(doc) : nullptr;
}

inline const DataFiles& data() {
  static const DataFiles files = DataFiles::builtin();
  return files;
}

// One stage (Tagger or Extractor) built from the built-in data, once per process.
template <typename Stage>
const Stage& built(const char* name) {
  static const std::unique_ptr<Stage> stage = [name] {
    Error e;
    auto made = Stage::create(data(), name, &e);
    require(made ? "" : "built-in rules fail to load: " + e.str());
    return made;
  }();
  return *stage;
}
inline const Tagger& tagger() { return built<Tagger>("en"); }
inline const Extractor& extractor() { return built<Extractor>("censorship"); }

inline std::string check_timexes(const Document& d, const std::vector<Timex>& timexes) {
  for (std::size_t i = 0; i < timexes.size(); ++i) {
    const Timex& t = timexes[i];
    if (std::string p = check_span(d.text, t.begin, t.end); !p.empty()) return at("timex", i) + p;
    if (d.text.compare(t.begin, t.end - t.begin, t.text) != 0)
      return at("timex", i) + "text '" + t.text + "' differs from its span";
    if (t.type != "DATE" && t.type != "TIME" && t.type != "DURATION" && t.type != "SET")
      return at("timex", i) + "unknown type '" + t.type + "'";
    if (t.value.empty()) return at("timex", i) + "empty value";
    if (t.range_partner < -1 || t.range_partner >= static_cast<int>(timexes.size()))
      return at("timex", i) + "range partner out of range";
    if (t.signal_end != 0 || t.signal_begin != 0)
      if (std::string p = check_span(d.text, t.signal_begin, t.signal_end); !p.empty())
        return at("timex signal", i) + p;
    (void)interval_of(t.value);
    (void)edtf_of(t.value, t.mod, true);
    if (std::string p = check_json(nlohmann::json(t)); !p.empty()) return at("timex", i) + p;
  }
  return "";
}

inline std::string check_claims(const Document& d, const DocumentClaims& dc) {
  for (std::size_t i = 0; i < dc.claims.size(); ++i) {
    const Claim& c = dc.claims[i];
    std::vector<Span> spans{c.actor.span, c.when.span};
    for (const Entity& t : c.targets) spans.push_back(t.span);
    for (const Evidence& e : c.evidence) {
      spans.push_back(e.span);
      spans.insert(spans.end(), e.highlights.begin(), e.highlights.end());
      if (e.span.end <= d.text.size() && e.span.begin <= e.span.end &&
          d.text.compare(e.span.begin, e.span.end - e.span.begin, e.sentence) != 0)
        return at("claim", i) + "evidence sentence differs from its span";
    }
    if (c.evidence.empty()) return at("claim", i) + "no evidence";
    for (const Span& s : spans)
      if (std::string p = check_span(d.text, s.begin, s.end); !p.empty()) return at("claim", i) + p;
  }
  return check_json(nlohmann::json(dc));
}

}  // namespace detail

// Loads `bytes` as one document of `format` (JSON Lines: every line is a record).
inline std::string run_load(Format format, std::string_view bytes) {
  auto one = [&](bool ok, const Document& doc, const Error& error, std::string_view input) {
    return ok ? detail::check_document(doc, input) : detail::check_error(error);
  };
  if (format == Format::kJsonl) {
    int line = 0;
    while (!bytes.empty()) {
      const std::size_t nl = bytes.find('\n');
      const std::string_view record = bytes.substr(0, nl);
      bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
      Document doc;
      Error error;
      const bool ok = parse_jsonl_record(record, "fuzz.jsonl", ++line, &doc, &error);
      if (std::string p = one(ok, doc, error, record); !p.empty())
        return detail::at("line", line) + p;
    }
    return "";
  }
  Document doc;
  Error error;
  bool ok = false;
  switch (format) {
    case Format::kHtml: ok = parse_html(bytes, "fuzz.html", &doc, &error); break;
    case Format::kTimeml: ok = parse_timeml(bytes, "fuzz.tml", &doc, &error); break;
    default: ok = parse_text(bytes, "fuzz.txt", &doc, &error); break;
  }
  return one(ok, doc, error, bytes);
}

// Loads `bytes` as a text article (header and all) and tags it.
inline std::string run_tag(std::string_view bytes) {
  std::string problem;
  auto doc = detail::load_text(bytes, &problem);
  if (!doc) return problem;
  return detail::check_timexes(*doc, detail::tagger().tag(*doc));
}

// Loads `bytes` as a text article, tags it and extracts its claims.
inline std::string run_extract(std::string_view bytes) {
  std::string problem;
  auto doc = detail::load_text(bytes, &problem);
  if (!doc) return problem;
  const std::vector<Timex> timexes = detail::tagger().tag(*doc);
  if (problem = detail::check_timexes(*doc, timexes); !problem.empty()) return problem;
  return detail::check_claims(*doc, detail::extractor().extract(*doc, timexes));
}

// Reads `bytes` as claims JSON, as build and compare do, then assembles, renders and compares the
// documents.
inline std::string run_claims(std::string_view bytes) {
  std::vector<DocumentClaims> docs;
  Error error;
  if (!read_document_claims(bytes, "fuzz.jsonl",
                            [&](DocumentClaims&& d) { docs.push_back(std::move(d)); }, &error))
    return detail::check_error(error);
  const Timeline t = assemble(docs);
  std::vector<OutputFile> files;
  if (!render_outputs(t, detail::data(), {}, &files, &error)) return detail::check_error(error);
  for (const OutputFile& f : files) {
    if (f.content.empty()) return "output " + f.name + " is empty";
    if (f.name.size() > 5 && f.name.compare(f.name.size() - 5, 5, ".json") == 0 &&
        nlohmann::json::parse(f.content, nullptr, false).is_discarded())
      return "output " + f.name + " is not JSON";
  }
  const Comparison cmp = compare(docs);
  if (std::string p = detail::check_json(compare_json(docs, cmp)); !p.empty()) return p;
  std::string html;
  if (!render_compare_html(detail::data(), docs, cmp, &html, &error))
    return detail::check_error(error);
  return html.empty() ? "compare.html is empty" : "";
}

}  // namespace timeline::fuzz
