// A minimal XML walk for TimeML: tags, text runs and entities, with source offsets.
#include "eval/xml_walk.hpp"

#include <cstdlib>

namespace timeline::eval {
namespace {

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == ':' || c == '.';
}

void append_utf8(std::string* out, unsigned long cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the entity body between '&' and ';'. Returns false when unknown.
bool decode_entity(std::string_view body, std::string* out) {
  if (body == "amp") *out = "&";
  else if (body == "lt") *out = "<";
  else if (body == "gt") *out = ">";
  else if (body == "quot") *out = "\"";
  else if (body == "apos") *out = "'";
  else if (body.size() >= 2 && body[0] == '#') {
    bool hex = body[1] == 'x' || body[1] == 'X';
    std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 8) return false;
    char* stop = nullptr;
    unsigned long cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (*stop != '\0' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out->clear();
    append_utf8(out, cp);
  } else {
    return false;
  }
  return true;
}

Error make_error(std::string_view source, std::size_t offset, const std::string& name,
                 std::string message) {
  Error e;
  e.file = name;
  xml_position(source, offset, &e.line, &e.column);
  e.message = std::move(message);
  return e;
}

}  // namespace

void xml_position(std::string_view source, std::size_t offset, int* line, int* column) {
  int l = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  }
  *line = l;
  *column = static_cast<int>(offset - line_start) + 1;
}

bool xml_walk(std::string_view source, std::uint32_t begin, std::uint32_t end,
              const std::string& name, const std::function<void(const XmlPiece&)>& sink,
              Error* error) {
  std::uint32_t i = begin;
  while (i < end) {
    char c = source[i];
    if (c == '<') {
      XmlPiece p;
      p.src_begin = i;
      std::string_view rest = source.substr(i, end - i);
      std::string_view closer = ">";
      if (rest.substr(0, 4) == "<!--") closer = "-->";
      else if (rest.substr(0, 9) == "<![CDATA[") closer = "]]>";
      std::size_t stop = rest.find(closer);
      if (stop == std::string_view::npos) {
        *error = make_error(source, i, name, "unterminated tag");
        return false;
      }
      p.src_end = static_cast<std::uint32_t>(i + stop + closer.size());
      std::string_view inner = source.substr(i + 1, p.src_end - i - 2);
      if (inner.empty() || inner[0] == '!' || inner[0] == '?') {
        p.kind = XmlPiece::kOther;
      } else {
        p.kind = XmlPiece::kOpen;
        if (inner[0] == '/') {
          p.kind = XmlPiece::kClose;
          inner.remove_prefix(1);
        } else if (inner.back() == '/') {
          p.kind = XmlPiece::kEmpty;
          inner.remove_suffix(1);
        }
        std::size_t n = 0;
        while (n < inner.size() && is_name_char(inner[n])) ++n;
        p.name = inner.substr(0, n);
        p.attrs = inner.substr(n);
      }
      sink(p);
      i = p.src_end;
    } else if (c == '&') {
      std::size_t semi = source.find(';', i);
      XmlPiece p;
      if (semi == std::string_view::npos || semi >= end || semi - i > 12 ||
          !decode_entity(source.substr(i + 1, semi - i - 1), &p.text)) {
        *error = make_error(source, i, name, "unknown or unterminated entity");
        return false;
      }
      p.src_begin = i;
      p.src_end = static_cast<std::uint32_t>(semi + 1);
      sink(p);
      i = p.src_end;
    } else {
      std::uint32_t j = i;
      while (j < end && source[j] != '<' && source[j] != '&') ++j;
      XmlPiece p;
      p.src_begin = i;
      p.src_end = j;
      p.text.assign(source.substr(i, j - i));
      sink(p);
      i = j;
    }
  }
  return true;
}

std::string xml_attr(std::string_view attrs, std::string_view key) {
  std::size_t pos = 0;
  while ((pos = attrs.find(key, pos)) != std::string_view::npos) {
    bool left_ok = pos == 0 || attrs[pos - 1] == ' ' || attrs[pos - 1] == '\t' ||
                   attrs[pos - 1] == '\n' || attrs[pos - 1] == '\r';
    std::size_t k = pos + key.size();
    while (k < attrs.size() && attrs[k] == ' ') ++k;
    if (left_ok && k < attrs.size() && attrs[k] == '=') {
      ++k;
      while (k < attrs.size() && attrs[k] == ' ') ++k;
      if (k < attrs.size() && (attrs[k] == '"' || attrs[k] == '\'')) {
        char q = attrs[k];
        std::size_t close = attrs.find(q, k + 1);
        if (close == std::string_view::npos) return "";
        std::string raw(attrs.substr(k + 1, close - k - 1));
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
          std::size_t semi = raw.find(';', i);
          std::string dec;
          if (raw[i] == '&' && semi != std::string::npos &&
              decode_entity(std::string_view(raw).substr(i + 1, semi - i - 1), &dec)) {
            out += dec;
            i = semi;
          } else {
            out.push_back(raw[i]);
          }
        }
        return out;
      }
    }
    pos += key.size();
  }
  return "";
}

}  // namespace timeline::eval
