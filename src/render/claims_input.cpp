// Reading `timeline extract` output back: one DocumentClaims object, an array, or JSON Lines.
#include <timeline/json.hpp>
#include <timeline/timeline.hpp>

namespace timeline {
namespace {

using nlohmann::json;

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i;
}

// Line and column (1-based) of byte offset `pos`.
void locate(std::string_view s, std::size_t pos, int* line, int* column) {
  *line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++*line;
      line_start = i + 1;
    }
  }
  *column = static_cast<int>(pos - line_start) + 1;
}

bool deliver(const json& j, const std::function<void(DocumentClaims&&)>& sink,
             std::string* message) {
  try {
    DocumentClaims d = j.get<DocumentClaims>();
    sink(std::move(d));
    return true;
  } catch (const json::exception& e) {
    *message = std::string("not claims JSON: ") + e.what();
    return false;
  }
}

}  // namespace

bool looks_like_claims_json(std::string_view bytes) {
  const std::size_t start = skip_space(bytes, 0);
  if (start >= bytes.size() || (bytes[start] != '{' && bytes[start] != '[')) return false;
  // The first record: the whole text, or else the first line of JSON Lines.
  json first = json::parse(bytes.substr(start), nullptr, false);
  if (first.is_discarded()) {
    const std::size_t nl = bytes.find('\n', start);
    first = json::parse(bytes.substr(start, nl == std::string_view::npos ? nl : nl - start),
                        nullptr, false);
  }
  if (first.is_array() && !first.empty()) first = first.front();
  return first.is_object() && first.contains("claims") && first.at("claims").is_array();
}

int read_document_claims(std::string_view bytes, const std::string& name,
                         const std::function<void(DocumentClaims&&)>& sink,
                         const std::function<void(Error&&)>& on_error) {
  int failures = 0;
  auto fail = [&](std::size_t pos, const std::string& message) {
    Error e;
    e.file = name;
    locate(bytes, pos, &e.line, &e.column);
    e.message = message;
    ++failures;
    on_error(std::move(e));
  };
  std::string message;
  const json whole = json::parse(bytes, nullptr, false);
  if (!whole.is_discarded()) {
    if (whole.is_array()) {
      for (const json& j : whole) {
        if (!deliver(j, sink, &message)) {
          fail(0, message);
          break;
        }
      }
    } else if (!deliver(whole, sink, &message)) {
      fail(0, message);
    }
    return failures;
  }
  // JSON Lines: one record per non-blank line; a bad one is reported and the next read.
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    const std::string_view line = bytes.substr(pos, nl - pos);
    if (skip_space(line, 0) < line.size()) {
      try {
        const json j = json::parse(line);
        if (!deliver(j, sink, &message)) fail(pos, message);
      } catch (const json::parse_error& e) {
        fail(pos + (e.byte > 0 ? e.byte - 1 : 0), "invalid JSON: " + std::string(e.what()));
      } catch (const json::exception& e) {  // a number no double holds (1e999): out_of_range
        fail(pos, "invalid JSON: " + std::string(e.what()));
      }
    }
    pos = nl + 1;
  }
  return failures;
}

bool read_document_claims(std::string_view bytes, const std::string& name,
                          const std::function<void(DocumentClaims&&)>& sink, Error* error) {
  // Stops at the first bad record: the records after it are not delivered.
  bool failed = false;
  const std::function<void(DocumentClaims&&)> until_error = [&](DocumentClaims&& d) {
    if (!failed) sink(std::move(d));
  };
  read_document_claims(bytes, name, until_error, [&](Error&& e) {
    if (!failed) *error = std::move(e);
    failed = true;
  });
  return !failed;
}

}  // namespace timeline
