// parse_jsonl_record: one article of a JSON Lines file.
//
// Each line is an object: {"id": "a1", "text": "...", "title": "...", "url": "...",
// "published": "2026-02-12", "lang": "en"}. Only "text" is required; "id" may be a string or a
// number and defaults to "<file stem>-<line>". Unknown fields are ignored, so records from other
// tools pass through. A broken record yields an Error "file:LINE:COL: message" where COL is the
// byte of the line at which the JSON parser stopped.
#include <nlohmann/json.hpp>

#include <timeline/document.hpp>

#include "io/io_util.hpp"
#include "io/jsonl_fast.hpp"

namespace timeline {
namespace {

using nlohmann::json;

// The part of an nlohmann message after its "[json.exception...] ... column N: " prefix.
std::string parser_reason(const std::string& what) {
  auto pos = what.find(": ");
  std::string out = pos == std::string::npos ? what : what.substr(pos + 2);
  // "syntax error while parsing value - unexpected '}'; ..." -> "unexpected '}'; ..."
  const auto dash = out.find(" - ");
  if (out.rfind("syntax error while parsing ", 0) == 0 && dash != std::string::npos)
    out = out.substr(dash + 3);
  return out;
}

// Reads an optional string field; false (with *why) when present but not a string.
bool string_field(const json& j, const char* key, std::string* out, std::string* why) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *why = std::string("field \"") + key + "\" must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

// The fields of the record with nlohmann's parser, with the exact error of a broken record.
bool parse_fields(std::string_view line_bytes, std::string_view body, const std::string& name,
                  int line, io::RecordFields* f, Error* error) {
  json j;
  try {
    j = json::parse(body.begin(), body.end());
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    const int col = static_cast<int>(std::min(at, body.size()) + (line_bytes.size() - body.size())) + 1;
    *error = Error{name, line, col, "invalid JSON: " + parser_reason(e.what())};
    return false;
  } catch (const json::exception& e) {
    // A number the parser cannot hold ("1e999") is out_of_range, not parse_error, and has no
    // position of its own.
    const std::string what = e.what();
    *error = Error{name, line, 0, "invalid JSON: " + what.substr(what.find("] ") + 2)};
    return false;
  }
  auto fail = [&](const std::string& message) {
    *error = Error{name, line, 0, message};
    return false;
  };
  if (!j.is_object()) return fail("expected a JSON object with a \"text\" field");
  std::string why;
  if (const auto it = j.find("id"); it != j.end() && !it->is_null()) {
    if (it->is_string()) f->id = it->get<std::string>();
    else if (it->is_number_integer()) f->id = it->dump();
    else return fail("field \"id\" must be a string or a whole number");
  }
  if (!j.contains("text")) return fail("missing field \"text\"");
  f->has_text = true;
  if (!string_field(j, "text", &f->text, &why) || !string_field(j, "title", &f->title, &why) ||
      !string_field(j, "url", &f->url, &why) ||
      !string_field(j, "published", &f->published, &why) ||
      !string_field(j, "lang", &f->lang, &why))
    return fail(why);
  return true;
}

}  // namespace

bool parse_jsonl_record(std::string_view line_bytes, const std::string& name, int line,
                        Document* doc, Error* error) {
  // Most records are plain: the fast reader takes them, and checks their bytes as check_input()
  // would (it takes no byte order mark, no NUL, nothing but UTF-8, and a record is not blank).
  // Anything else goes through check_input() and then nlohmann, for the exact error.
  io::RecordFields f;
  bool fast = io::read_simple_record(line_bytes, &f) && f.has_text;
  if (!fast) {
    f = io::RecordFields{};
    std::string_view body;
    if (!io::check_input(line_bytes, name, line, &body, error)) return false;
    fast = io::read_simple_record(body, &f) && f.has_text;
    if (!fast) {
      f = io::RecordFields{};
      if (!parse_fields(line_bytes, body, name, line, &f, error)) return false;
    }
  }
  // A NUL or '\r' in a string the fast reader took came from an escape, which it noted.
  const bool nul_or_cr = !fast || f.escaped_nul_or_cr;
  auto fail = [&](const std::string& message) {
    *error = Error{name, line, 0, message};
    return false;
  };
  Document d;
  d.source = name;
  d.source_line = line;
  d.format = Format::kJsonl;
  d.id = f.id ? std::move(*f.id) : io::stem(name) + "-" + std::to_string(line);
  d.text = std::move(f.text);
  d.title = std::move(f.title);
  d.url = std::move(f.url);
  const std::string& published = f.published;
  const std::string& lang = f.lang;
  if (nul_or_cr && d.text.find('\0') != std::string::npos)
    return fail("field \"text\" holds a NUL character");
  if (nul_or_cr && d.text.find('\r') != std::string::npos) d.text = io::unix_newlines(d.text);
  if (io::is_blank(d.text)) return fail("empty document: field \"text\" is blank");
  if (!published.empty()) {
    d.published = normalize_published(published);
    if (d.published.empty())
      return fail("field \"published\": " + io::published_date_problem(published));
  }
  if (!lang.empty()) {
    d.lang = io::language_subtag(lang);
    if (d.lang.empty()) return fail("field \"lang\": '" + lang + "' is not a language tag such as en");
  }
  *doc = std::move(d);
  return true;
}

}  // namespace timeline
