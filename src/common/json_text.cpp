// JSON text written directly, as nlohmann::json's dump() writes it (see json_text.hpp).
#include "common/json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

#include <timeline/document.hpp>

namespace timeline::json_text {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Bit 7 of some byte set exactly when a byte of `w` is below `n` (n <= 0x80); which bits are
// set above the first such byte is not exact, so callers find the byte itself.
constexpr std::uint64_t bytes_below(std::uint64_t w, unsigned n) {
  return (w - kOnes * n) & ~w & kHigh;
}

// True when a byte of `s` is 0x80 or above (not ASCII).
bool has_high_byte(std::string_view s) {
  std::uint64_t any = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) any |= load8(s.data() + i);
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & kHigh) != 0;
}

// Appends a string literal.
template <std::size_t N>
void put(std::string* out, const char (&text)[N]) {
  out->append(text, N - 1);
}

// Appends a whole number as dump() writes it.
template <typename Int>
void put_number(std::string* out, Int value) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  out->append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace

std::size_t plain_run_end(std::string_view s, std::size_t i) {
  const char* p = s.data();
  const std::size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = load8(p + i);
    if (bytes_below(w ^ (kOnes * '"'), 1) | bytes_below(w ^ (kOnes * '\\'), 1) | bytes_below(w, 0x20))
      break;
  }
  while (i < n && p[i] != '"' && p[i] != '\\' && static_cast<unsigned char>(p[i]) >= 0x20) ++i;
  return i;
}

void append_string(std::string* out, std::string_view s) {
  if (has_high_byte(s) && !valid_utf8(s, nullptr)) {
    // Not valid UTF-8 (or valid but for a NUL byte, which valid_utf8 refuses and JSON escapes):
    // nlohmann writes the escape or throws its own error, word for word.
    out->append(nlohmann::json(std::string(s)).dump());
    return;
  }
  std::size_t i = plain_run_end(s, 0);
  constexpr std::size_t kShort = 62;
  if (i == s.size() && s.size() <= kShort) {  // nothing to escape: one append (most strings)
    char buf[kShort + 2];
    buf[0] = '"';
    if (!s.empty()) std::memcpy(buf + 1, s.data(), s.size());
    buf[s.size() + 1] = '"';
    out->append(buf, s.size() + 2);
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (; i < s.size(); i = plain_run_end(s, i)) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    out->append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(esc, sizeof esc);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

std::size_t Object::start(const char* key) {
  members_.push_back(Member{key, values_.size(), 0});
  return members_.size() - 1;
}

void Object::add_string(const char* key, std::string_view value) {
  const std::size_t m = start(key);
  append_string(&values_, value);
  members_[m].end = values_.size();
}

void Object::add_uint(const char* key, std::uint64_t value) {
  const std::size_t m = start(key);
  put_number(&values_, value);
  members_[m].end = values_.size();
}

void Object::add_int(const char* key, std::int64_t value) {
  const std::size_t m = start(key);
  put_number(&values_, value);
  members_[m].end = values_.size();
}

void Object::add_bool(const char* key, bool value) {
  const std::size_t m = start(key);
  values_ += value ? "true" : "false";
  members_[m].end = values_.size();
}

void Object::add_double(const char* key, double value) {
  // nlohmann's shortest round-trip form (grisu2, ".0" for whole numbers, null when not finite).
  const std::size_t m = start(key);
  values_ += nlohmann::json(value).dump();
  members_[m].end = values_.size();
}

void Object::add_raw(const char* key, std::string_view json) {
  const std::size_t m = start(key);
  values_.append(json.data(), json.size());
  members_[m].end = values_.size();
}

void Object::write(std::string* out) {
  // The first bytes decide most comparisons without a call.
  std::sort(members_.begin(), members_.end(), [](const Member& a, const Member& b) {
    const auto a0 = static_cast<unsigned char>(a.key[0]), b0 = static_cast<unsigned char>(b.key[0]);
    return a0 != b0 ? a0 < b0 : std::strcmp(a.key, b.key) < 0;
  });
  out->push_back('{');
  for (std::size_t k = 0; k < members_.size(); ++k) {
    if (k > 0) out->push_back(',');
    append_string(out, members_[k].key);
    out->push_back(':');
    out->append(values_, members_[k].begin, members_[k].end - members_[k].begin);
  }
  out->push_back('}');
  members_.clear();
  values_.clear();
}

void write_timex(std::string* out, const Timex& t, const std::string* edtf,
                 const std::string* rule) {
  const bool set = t.type == "SET";
  put(out, "{\"anchor\":");
  append_string(out, t.anchor);
  put(out, ",\"begin\":");
  put_number(out, t.begin);
  if (edtf) {
    put(out, ",\"edtf\":");
    append_string(out, *edtf);
  }
  put(out, ",\"end\":");
  put_number(out, t.end);
  if (set) {
    put(out, ",\"freq\":");
    append_string(out, t.freq);
  }
  put(out, ",\"mod\":");
  append_string(out, t.mod);
  put(out, ",\"precision\":");
  append_string(out, precision_name(t.precision));
  if (set) {
    put(out, ",\"quant\":");
    append_string(out, t.quant);
  }
  if (t.range_partner >= 0) {
    put(out, ",\"range_partner\":");
    put_number(out, t.range_partner);
  }
  if (t.resolved) put(out, ",\"resolved\":true");
  else put(out, ",\"resolved\":false");
  if (rule) {
    put(out, ",\"rule\":");
    append_string(out, *rule);
  }
  put(out, ",\"signal\":");
  append_string(out, t.signal);
  put(out, ",\"text\":");
  append_string(out, t.text);
  put(out, ",\"type\":");
  append_string(out, t.type);
  put(out, ",\"value\":");
  append_string(out, t.value);
  out->push_back('}');
}

}  // namespace timeline::json_text
