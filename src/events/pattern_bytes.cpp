// The ASCII bytes a match of a regular expression can hold (see pattern_bytes.hpp).
#include "events/pattern_bytes.hpp"

#include <cstring>

namespace timeline::events {
namespace {

// What escape() read: a byte (>= 0), or one of these.
constexpr int kAdded = -1;    // a class (added to the set) or an assertion: no single byte
constexpr int kUnknown = -2;  // syntax not read here

// \d \s \w and their complements, as RE2 reads them (ASCII), into *s.
void perl_class(char c, ByteSet* s) {
  ByteSet m;
  switch (c == 'D' || c == 'S' || c == 'W' ? static_cast<char>(c - 'A' + 'a') : c) {
    case 'd':
      m.add_range('0', '9');
      break;
    case 's':
      m.add_range('\t', '\r');  // \t \n \v \f \r (RE2 leaves out \v: a superset)
      m.add(' ');
      break;
    default:  // 'w'
      m.add_range('0', '9');
      m.add_range('A', 'Z');
      m.add_range('a', 'z');
      m.add('_');
      break;
  }
  const bool negated = c == 'D' || c == 'S' || c == 'W';
  for (unsigned b = 0; b < 128; ++b)
    if (m.has(static_cast<unsigned char>(b)) != negated) s->add(b);
}

// The escape at r[*i] ('\'); moves *i past it. Classes go into *s.
int escape(std::string_view r, std::size_t* i, bool in_class, ByteSet* s) {
  if (*i + 1 >= r.size()) return kUnknown;
  const char c = r[*i + 1];
  *i += 2;
  switch (c) {
    case 'd': case 's': case 'w': case 'D': case 'S': case 'W':
      perl_class(c, s);
      return kAdded;
    case 'a': return 7;
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case 'b': case 'B': case 'A': case 'z':
      return in_class ? kUnknown : kAdded;  // assertions: no byte
    default:
      break;
  }
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'))
    return kUnknown;  // \p, \x, \Q, \C, octal, ...
  return u;           // an escaped mark stands for itself
}

// The bracket expression at r[*i] ('['), into *s; moves *i past it. False when not read.
bool bracket(std::string_view r, std::size_t* i, ByteSet* s) {
  std::size_t j = *i + 1;
  const bool negated = j < r.size() && r[j] == '^';
  if (negated) ++j;
  ByteSet m;
  for (bool first = true;; first = false) {
    if (j >= r.size()) return false;
    if (r[j] == ']' && !first) {
      ++j;
      break;
    }
    if (r[j] == '[' && j + 1 < r.size() && r[j + 1] == ':') return false;  // [:alpha:]
    int lo;
    if (r[j] == '\\') {
      lo = escape(r, &j, true, &m);
      if (lo == kUnknown) return false;
      if (lo == kAdded) continue;
    } else {
      lo = static_cast<unsigned char>(r[j++]);
    }
    if (j + 1 < r.size() && r[j] == '-' && r[j + 1] != ']') {  // a range lo-hi
      ++j;
      int hi;
      if (r[j] == '\\') {
        hi = escape(r, &j, true, &m);
        if (hi < 0) return false;
      } else {
        hi = static_cast<unsigned char>(r[j++]);
      }
      if (hi < lo) return false;
      m.add_range(static_cast<unsigned>(lo), static_cast<unsigned>(hi));
    } else {
      m.add(static_cast<unsigned>(lo));
    }
  }
  for (unsigned b = 0; b < 128; ++b)
    if (m.has(static_cast<unsigned char>(b)) != negated) s->add(b);
  *i = j;
  return true;
}

// Whether r[i] ('{') opens a repetition {n}, {n,} or {n,m}; *end is then past its '}'.
bool repetition(std::string_view r, std::size_t i, std::size_t* end) {
  std::size_t j = i + 1;
  const std::size_t digits = j;
  while (j < r.size() && r[j] >= '0' && r[j] <= '9') ++j;
  if (j == digits) return false;
  if (j < r.size() && r[j] == ',') {
    ++j;
    while (j < r.size() && r[j] >= '0' && r[j] <= '9') ++j;
  }
  if (j >= r.size() || r[j] != '}') return false;
  *end = j + 1;
  return true;
}

}  // namespace

bool match_bytes(std::string_view r, ByteSet* out) {
  ByteSet s;
  bool fold = false;  // a case-insensitive flag somewhere
  for (std::size_t i = 0; i < r.size();) {
    const char c = r[i];
    switch (c) {
      case '\\': {
        const int v = escape(r, &i, false, &s);
        if (v == kUnknown) return false;
        if (v >= 0) s.add(static_cast<unsigned>(v));
        break;
      }
      case '[':
        if (!bracket(r, &i, &s)) return false;
        break;
      case '.':
        s.add_range(0, 127);
        ++i;
        break;
      case '(':
        ++i;
        if (i < r.size() && r[i] == '?') {
          ++i;
          if (i < r.size() && (r[i] == 'P' || r[i] == '<')) {  // a named group: skip its name
            const std::size_t close = r.find('>', i);
            if (close == std::string_view::npos) return false;
            i = close + 1;
          } else {  // flags, up to ':' or ')'
            for (; i < r.size() && r[i] != ':' && r[i] != ')'; ++i) {
              if (r[i] == 'i') fold = true;
              else if (std::strchr("msU-", r[i]) == nullptr) return false;
            }
            if (i >= r.size()) return false;
            ++i;
          }
        }
        break;
      case ')': case '|': case '*': case '+': case '?': case '^': case '$':
        ++i;
        break;
      case '{': {
        std::size_t end = 0;
        if (repetition(r, i, &end)) {
          i = end;
        } else {
          s.add('{');  // RE2 reads a '{' that opens no repetition as itself
          ++i;
        }
        break;
      }
      default:
        s.add(static_cast<unsigned char>(c));
        ++i;
        break;
    }
  }
  if (fold) {
    for (unsigned l = 'a'; l <= 'z'; ++l) {
      const unsigned u = l - 'a' + 'A';
      if (s.has(static_cast<unsigned char>(l)) || s.has(static_cast<unsigned char>(u))) {
        s.add(l);
        s.add(u);
      }
    }
  }
  *out = s;
  return true;
}

}  // namespace timeline::events
