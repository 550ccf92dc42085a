// PrefixGate (see prefix_gate.hpp): a small reader of RE2 syntax that computes, for a pattern,
// the bytes its matches can begin with and the byte pairs they can begin with.
//
// For a pattern R the reader keeps: nullable (R matches ""), first (bytes a match can begin
// with), ones (bytes that are a whole match alone) and pairs (the first two bytes of longer
// matches, as a list of products "any of A, then any of B"). Concatenation, alternation and
// repetition combine them:
//   AB:  first = first(A) + (A nullable ? first(B))     ones = (B nullable ? ones(A)) + (A nullable ? ones(B))
//        pairs = pairs(A) + ones(A) x first(B) + (A nullable ? pairs(B))
//   A|B: each the union;   A* A+ A{m,n}: pairs + ones(A) x first(A), nullable when m = 0.
#include "temporal/prefix_gate.hpp"

#include <cctype>
#include <string>
#include <utility>

namespace timeline::temporal_detail {
namespace {

using Bytes = std::bitset<256>;

struct Info {
  bool nullable = true;
  Bytes first, ones;
  std::vector<std::pair<Bytes, Bytes>> pairs;
};

Bytes all_bytes() { return Bytes().set(); }

Info of_bytes(const Bytes& b) {
  Info r;
  r.nullable = false;
  r.first = b;
  r.ones = b;
  return r;
}

// A UTF-8 character of two or more bytes: it starts with its lead byte, and it is never one
// byte alone; its second byte is taken as any byte.
Info of_multibyte(unsigned char lead) {
  Info r;
  r.nullable = false;
  r.first.set(lead);
  r.pairs.emplace_back(r.first, all_bytes());
  return r;
}

Info concat(Info a, const Info& b) {
  Info r;
  r.nullable = a.nullable && b.nullable;
  r.first = a.first;
  if (a.nullable) r.first |= b.first;
  if (b.nullable) r.ones |= a.ones;
  if (a.nullable) r.ones |= b.ones;
  r.pairs = std::move(a.pairs);
  if (a.ones.any() && b.first.any()) r.pairs.emplace_back(a.ones, b.first);
  if (a.nullable) r.pairs.insert(r.pairs.end(), b.pairs.begin(), b.pairs.end());
  return r;
}

void unite(Info* a, const Info& b) {
  a->nullable = a->nullable || b.nullable;
  a->first |= b.first;
  a->ones |= b.ones;
  a->pairs.insert(a->pairs.end(), b.pairs.begin(), b.pairs.end());
}

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  // False when the pattern uses syntax this reader does not know.
  bool read(Info* out) {
    *out = alternation();
    return ok_ && i_ == p_.size();
  }

 private:
  bool at(char c) const { return i_ < p_.size() && p_[i_] == c; }

  Info alternation() {
    Info r = sequence();
    while (ok_ && at('|')) {
      ++i_;
      unite(&r, sequence());
    }
    return r;
  }

  Info sequence() {
    Info r;  // the empty sequence: nullable, no bytes
    while (ok_ && i_ < p_.size() && !at('|') && !at(')')) {
      Info a = atom();
      repeat(&a);
      r = concat(std::move(r), a);
    }
    return r;
  }

  // A quantifier after an atom, if any: ? * + {m} {m,} {m,n}, each maybe followed by '?'.
  void repeat(Info* a) {
    if (!ok_ || i_ >= p_.size()) return;
    bool zero = false, many = false;
    const char c = p_[i_];
    if (c == '?') {
      zero = true;
      ++i_;
    } else if (c == '*' || c == '+') {
      zero = c == '*';
      many = true;
      ++i_;
    } else if (c == '{') {
      std::size_t j = i_ + 1;
      std::string lo, hi;
      bool comma = false;
      while (j < p_.size() && p_[j] != '}') {
        if (p_[j] == ',') {
          comma = true;
        } else if (std::isdigit(static_cast<unsigned char>(p_[j]))) {
          (comma ? hi : lo) += p_[j];
        } else {
          return;  // not a counted repetition: a literal '{' (read as an atom next)
        }
        ++j;
      }
      if (j >= p_.size() || lo.empty()) return;
      const long min = std::stol(lo);
      const long max = comma ? (hi.empty() ? -1 : std::stol(hi)) : min;
      zero = min == 0;
      many = max < 0 || max > 1;
      i_ = j + 1;
    } else {
      return;
    }
    if (at('?')) ++i_;  // lazy: the same strings
    if (many && a->ones.any() && a->first.any()) a->pairs.emplace_back(a->ones, a->first);
    if (zero) a->nullable = true;
  }

  Info atom() {
    const unsigned char c = static_cast<unsigned char>(p_[i_]);
    switch (c) {
      case '(':
        return group();
      case '[':
        return char_class();
      case '\\':
        return escape();
      case '.':
        ++i_;
        return of_bytes(all_bytes());
      case '^':
      case '$':
        ++i_;
        return Info();
      case '*':
      case '+':
      case '?':
      case ')':
        ok_ = false;
        return Info();
      default:
        break;
    }
    if (c >= 0xC0) {
      ++i_;
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return of_multibyte(c);
    }
    ++i_;
    return of_bytes(Bytes().set(c));
  }

  Info group() {
    ++i_;  // '('
    if (at('?')) {
      ++i_;
      if (at('P') && i_ + 1 < p_.size() && p_[i_ + 1] == '<') {
        const std::size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) {
          ok_ = false;
          return Info();
        }
        i_ = close + 1;
      } else {
        // Flags: "(?-i:" opens a group; "(?i)" alone changes the rest (case is folded anyway).
        while (i_ < p_.size() && (std::isalpha(static_cast<unsigned char>(p_[i_])) || at('-')))
          ++i_;
        if (at(')')) {
          ++i_;
          return Info();
        }
        if (!at(':')) {
          ok_ = false;
          return Info();
        }
        ++i_;
      }
    }
    Info r = alternation();
    if (!at(')')) {
      ok_ = false;
      return r;
    }
    ++i_;
    return r;
  }

  // Bytes of an escape that stands for one character (\s, \d, \., \t); any byte for the rest
  // (\pL, \S, \x41...). Sets *width_one false for the zero-width ones (\b, \A, \z).
  Bytes escaped(bool* zero_width) {
    *zero_width = false;
    ++i_;  // '\'
    if (i_ >= p_.size()) {
      ok_ = false;
      return Bytes();
    }
    const unsigned char e = static_cast<unsigned char>(p_[i_++]);
    Bytes b;
    switch (e) {
      case 's':
        for (char s : std::string(" \t\n\r\f\v")) b.set(static_cast<unsigned char>(s));
        return b;
      case 'd':
        for (char d = '0'; d <= '9'; ++d) b.set(static_cast<unsigned char>(d));
        return b;
      case 't':
        return b.set('\t');
      case 'n':
        return b.set('\n');
      case 'r':
        return b.set('\r');
      case 'f':
        return b.set('\f');
      case 'v':
        return b.set('\v');
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        *zero_width = true;
        return b;
      case 'p':
      case 'P':
        if (at('{')) {
          const std::size_t close = p_.find('}', i_);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else if (i_ < p_.size()) {
          ++i_;
        }
        return all_bytes();
      default:
        if (std::isalnum(e)) return all_bytes();  // \w, \S, \x.., \Q: not modelled
        return b.set(e);                           // an escaped sign: itself
    }
  }

  Info escape() {
    bool zero_width = false;
    const Bytes b = escaped(&zero_width);
    if (zero_width) return Info();
    return of_bytes(b);
  }

  Info char_class() {
    ++i_;  // '['
    if (at('^')) {  // a negated class: any byte (skip to its end)
      ++i_;
      if (at(']')) ++i_;
      while (i_ < p_.size() && !at(']')) i_ += at('\\') ? 2 : 1;
      if (!at(']')) ok_ = false;
      ++i_;
      return of_bytes(all_bytes());
    }
    Bytes single;     // members of one byte
    Bytes leads;      // lead bytes of members of two or more bytes
    bool first = true;
    while (i_ < p_.size() && (first || !at(']'))) {
      first = false;
      unsigned char lo = static_cast<unsigned char>(p_[i_]);
      if (lo == '\\') {
        bool zero_width = false;
        single |= escaped(&zero_width);
        continue;
      }
      if (lo >= 0xC0) {
        leads.set(lo);
        ++i_;
        while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
        continue;
      }
      ++i_;
      if (at('-') && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        const unsigned char hi = static_cast<unsigned char>(p_[i_ + 1]);
        if (hi >= 0x80 || hi == '\\') return skip_class_as_any();
        for (unsigned x = lo; x <= hi; ++x) single.set(x);
        i_ += 2;
      } else {
        single.set(lo);
      }
    }
    if (!at(']')) {
      ok_ = false;
      return Info();
    }
    ++i_;
    Info r = of_bytes(single);
    if (leads.any()) {
      r.first |= leads;
      r.pairs.emplace_back(leads, all_bytes());
    }
    return r;
  }

  Info skip_class_as_any() {
    while (i_ < p_.size() && !at(']')) i_ += at('\\') ? 2 : 1;
    if (!at(']')) ok_ = false;
    ++i_;
    return of_bytes(all_bytes());
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
};

}  // namespace

void PrefixGate::add(std::string_view pattern) {
  Info info;
  if (!Reader(pattern).read(&info) || info.nullable) {
    open_ = true;
    return;
  }
  for (unsigned c = 0; c < 256; ++c)
    if (info.ones[c]) ones_.set(fold(static_cast<unsigned char>(c)));
  for (const auto& [a, b] : info.pairs) {
    Bytes second;
    for (unsigned c = 0; c < 256; ++c)
      if (b[c]) second.set(fold(static_cast<unsigned char>(c)));
    for (unsigned c = 0; c < 256; ++c)
      if (a[c]) pairs_[fold(static_cast<unsigned char>(c))] |= second;
  }
}

}  // namespace timeline::temporal_detail
