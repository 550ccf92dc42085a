// JSON text written directly, as nlohmann::json's dump() writes it (see json_text.hpp).
#include "common/json_text.hpp"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include <timeline/document.hpp>

namespace timeline::json_text {

void append_string(std::string* out, std::string_view s) {
  bool high = false;
  for (const char c : s) high = high || static_cast<unsigned char>(c) >= 0x80;
  if (high && !valid_utf8(s, nullptr)) {
    // Not valid UTF-8 (or valid but for a NUL byte, which valid_utf8 refuses and JSON escapes):
    // nlohmann writes the escape or throws its own error, word for word.
    out->append(nlohmann::json(std::string(s)).dump());
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
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
  values_ += std::to_string(value);
  members_[m].end = values_.size();
}

void Object::add_int(const char* key, std::int64_t value) {
  const std::size_t m = start(key);
  values_ += std::to_string(value);
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
  std::sort(members_.begin(), members_.end(),
            [](const Member& a, const Member& b) { return std::strcmp(a.key, b.key) < 0; });
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

void add_members(Object* o, const Timex& t) {
  o->add_uint("begin", t.begin);
  o->add_uint("end", t.end);
  o->add_string("text", t.text);
  o->add_string("type", t.type);
  o->add_string("value", t.value);
  o->add_string("mod", t.mod);
  o->add_string("anchor", t.anchor);
  o->add_string("precision", precision_name(t.precision));
  o->add_bool("resolved", t.resolved);
  o->add_string("signal", t.signal);
  if (t.type == "SET") {
    o->add_string("quant", t.quant);
    o->add_string("freq", t.freq);
  }
  if (t.range_partner >= 0) o->add_int("range_partner", t.range_partner);
}

}  // namespace timeline::json_text
