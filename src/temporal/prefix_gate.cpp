// PrefixGate (see prefix_gate.hpp): a small reader of RE2 syntax that computes, for a pattern,
// the first three bytes its matches can begin with.
//
// For a pattern R the reader keeps: nullable (R matches ""), first (bytes a match can begin
// with), ones and twos (whole matches of one and of two bytes), pairs and triples (the first two
// and three bytes of matches at least that long). Sets of strings are kept as lists of products
// ("any of A, then any of B, then any of C"). For a concatenation AB (a ∈ A, b ∈ B):
//   first   = first(A) + [A nullable] first(B)
//   ones    = [B nullable] ones(A) + [A nullable] ones(B)
//   twos    = [B nullable] twos(A) + ones(A) x ones(B) + [A nullable] twos(B)
//   pairs   = pairs(A) + ones(A) x first(B) + [A nullable] pairs(B)
//   triples = triples(A) + twos(A) x first(B) + ones(A) x pairs(B) + [A nullable] triples(B)
// An alternation is the union; a repetition R+ starts as R R? R? does (three copies decide the
// first three bytes); R* and R{0,n} are nullable besides.
#include "temporal/prefix_gate.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>

namespace timeline::temporal_detail {
namespace {

using Bytes = std::bitset<256>;
using Pair = std::array<Bytes, 2>;
using Triple = std::array<Bytes, 3>;

struct Info {
  bool nullable = true;
  Bytes first, ones;
  std::vector<Pair> twos, pairs;
  std::vector<Triple> triples;
};

Bytes all_bytes() { return Bytes().set(); }

Info of_bytes(const Bytes& b) {
  Info r;
  r.nullable = false;
  r.first = b;
  r.ones = b;
  return r;
}

// Characters of two or more UTF-8 bytes starting with one of `leads`: never one byte alone;
// the bytes after the lead are taken as any byte.
Info of_multibyte(const Bytes& leads) {
  Info r;
  r.nullable = false;
  r.first = leads;
  r.twos.push_back({leads, all_bytes()});
  r.pairs.push_back({leads, all_bytes()});
  r.triples.push_back({leads, all_bytes(), all_bytes()});
  return r;
}

template <typename T>
void append(std::vector<T>* to, const std::vector<T>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

Info concat(const Info& a, const Info& b) {
  Info r;
  r.nullable = a.nullable && b.nullable;
  r.first = a.first;
  if (a.nullable) r.first |= b.first;
  if (b.nullable) r.ones |= a.ones;
  if (a.nullable) r.ones |= b.ones;

  if (b.nullable) append(&r.twos, a.twos);
  if (a.ones.any() && b.ones.any()) r.twos.push_back({a.ones, b.ones});
  if (a.nullable) append(&r.twos, b.twos);

  r.pairs = a.pairs;
  if (a.ones.any() && b.first.any()) r.pairs.push_back({a.ones, b.first});
  if (a.nullable) append(&r.pairs, b.pairs);

  r.triples = a.triples;
  if (b.first.any())
    for (const Pair& t : a.twos) r.triples.push_back({t[0], t[1], b.first});
  if (a.ones.any())
    for (const Pair& p : b.pairs) r.triples.push_back({a.ones, p[0], p[1]});
  if (a.nullable) append(&r.triples, b.triples);
  return r;
}

void unite(Info* a, const Info& b) {
  a->nullable = a->nullable || b.nullable;
  a->first |= b.first;
  a->ones |= b.ones;
  append(&a->twos, b.twos);
  append(&a->pairs, b.pairs);
  append(&a->triples, b.triples);
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
    if (many) {
      Info optional = *a;
      optional.nullable = true;
      *a = concat(*a, concat(optional, optional));
    }
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
      return of_multibyte(Bytes().set(c));
    }
    ++i_;
    return letters(cased(Bytes().set(c)));
  }

  Info group() {
    ++i_;  // '('
    const bool outer_case = fold_case_;
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
        // Flags: "(?-i:...)" is a group matched case-sensitively, "(?i:...)" one that folds
        // case; "(?-i)" alone changes the rest of the enclosing group.
        bool negate = false;
        bool fold = fold_case_;
        while (i_ < p_.size() && (std::isalpha(static_cast<unsigned char>(p_[i_])) || at('-'))) {
          if (at('-')) negate = true;
          if (at('i')) fold = !negate;
          ++i_;
        }
        if (at(')')) {
          ++i_;
          fold_case_ = fold;
          return Info();
        }
        if (!at(':')) {
          ok_ = false;
          return Info();
        }
        ++i_;
        fold_case_ = fold;
      }
    }
    Info r = alternation();
    fold_case_ = outer_case;
    if (!at(')')) {
      ok_ = false;
      return r;
    }
    ++i_;
    return r;
  }

  // `b` with the other case of each ASCII letter added when case is folded.
  Bytes cased(Bytes b) const {
    if (!fold_case_) return b;
    for (unsigned c = 'a'; c <= 'z'; ++c)
      if (b[c] || b[c - 'a' + 'A']) b.set(c).set(c - 'a' + 'A');
    return b;
  }

  // The single bytes `b` (already cased), plus, when case is folded, the two letters whose
  // case partners lie outside ASCII: k (KELVIN SIGN, U+212A) and s (LONG S, U+017F).
  Info letters(const Bytes& b) const {
    Info r = of_bytes(b);
    if (!fold_case_) return r;
    Bytes leads;
    if (b['k']) leads.set(0xE2);
    if (b['s']) leads.set(0xC5);
    if (leads.any()) unite(&r, of_multibyte(leads));
    r.nullable = false;
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
    Info r = letters(cased(single));
    if (leads.any()) unite(&r, of_multibyte(leads));
    r.nullable = false;
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
  bool fold_case_ = true;  // patterns are compiled case-insensitive
};

}  // namespace

// 0-25 lower-case letters, 26-51 capitals, 52-61 digits, 62 white space, 63 control bytes,
// 64 bytes of U+0080 and above, 65.. the other ASCII signs one by one.
const std::array<std::uint8_t, 256> PrefixGate::kClassOf = [] {
  std::array<std::uint8_t, 256> t{};
  std::uint8_t next = 65;
  for (unsigned b = 0; b < 256; ++b) {
    if (b >= 'a' && b <= 'z') t[b] = static_cast<std::uint8_t>(b - 'a');
    else if (b >= 'A' && b <= 'Z') t[b] = static_cast<std::uint8_t>(26 + b - 'A');
    else if (b >= '0' && b <= '9') t[b] = static_cast<std::uint8_t>(52 + b - '0');
    else if (b == ' ' || (b >= '\t' && b <= '\r')) t[b] = 62;
    else if (b < 0x20 || b == 0x7F) t[b] = 63;
    else if (b >= 0x80) t[b] = 64;
    else t[b] = next++;
  }
  return t;
}();

namespace {

PrefixGate::Classes classes_of(const Bytes& bytes) {
  PrefixGate::Classes c;
  for (unsigned b = 0; b < 256; ++b)
    if (bytes[b]) c.set(PrefixGate::class_of(static_cast<unsigned char>(b)));
  return c;
}

}  // namespace

void PrefixGate::add(std::string_view pattern) {
  Info info;
  if (!Reader(pattern).read(&info) || info.nullable) {
    open_ = true;
    return;
  }
  ones_ |= classes_of(info.ones);
  for (const Pair& t : info.twos) {
    const Classes second = classes_of(t[1]);
    const Classes first = classes_of(t[0]);
    for (unsigned a = 0; a < kClasses; ++a)
      if (first[a]) twos_[a] |= second;
  }
  for (const Triple& t : info.triples) {
    const Classes a = classes_of(t[0]), b = classes_of(t[1]), c = classes_of(t[2]);
    for (unsigned i = 0; i < kClasses; ++i)
      if (a[i])
        for (unsigned j = 0; j < kClasses; ++j)
          if (b[j]) triples_[i * kClasses + j] |= c;
  }
}

}  // namespace timeline::temporal_detail
