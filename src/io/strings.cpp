// Small string helpers shared by the loaders (see io_util.hpp).
#include <cstdio>

#include "io/io_util.hpp"

namespace timeline::io {

namespace {
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

bool is_blank(std::string_view s) {
  for (char c : s)
    if (!space(c)) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string unix_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out += s[i];
      continue;
    }
    out += '\n';
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
  return out;
}

std::string stem(const std::string& path) {
  if (path == "-") return "stdin";
  std::string base = path.substr(path.find_last_of('/') + 1);
  const auto dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

std::string language_subtag(std::string_view tag) {
  tag = trim(tag);
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return "";
    out += c;
  }
  if (out.size() < 2 || out.size() > 8) return "";
  return lower(out);
}

std::string quoted(std::string_view value) {
  constexpr std::size_t kMax = 60;
  std::string out = "'";
  std::size_t n = 0;
  for (; n < value.size() && n < kMax; ++n) {
    const auto c = static_cast<unsigned char>(value[n]);
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += value[n];
    }
  }
  while (n < value.size() && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80)
    out += value[n++];  // finish a character cut by the limit
  return out + (n < value.size() ? "...'" : "'");
}

}  // namespace timeline::io
