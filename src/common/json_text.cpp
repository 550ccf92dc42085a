// JSON text written directly, as nlohmann::json's dump() writes it (see json_text.hpp).
#include "common/json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

// plain_run_end for what is left of p[i, n) after the sixteen-byte steps (or for a short
// string, without them): eight bytes a step, then one.
std::size_t short_run_end(const char* p, std::size_t i, std::size_t n) {
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = load8(p + i);
    if (bytes_below(w ^ (kOnes * '"'), 1) | bytes_below(w ^ (kOnes * '\\'), 1) | bytes_below(w, 0x20))
      break;
  }
  while (i < n && p[i] != '"' && p[i] != '\\' && static_cast<unsigned char>(p[i]) >= 0x20) ++i;
  return i;
}

}  // namespace

namespace {

// plain_run_end(), and with kHigh also whether a byte of the run may be 0x80 or above (*high set
// to true when one is, and sometimes when one only follows the run in its sixteen bytes).
template <bool kHigh>
std::size_t run_end(std::string_view s, std::size_t i, bool* high) {
  const char* p = s.data();
  const std::size_t n = s.size();
#ifdef __SSE2__
  // Sixteen bytes a step: equal to '"' or '\\', or unsigned at most 0x1F (max(v, 0x1F) == 0x1F).
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  __m128i seen = _mm_setzero_si128();  // the bytes looked at, or'ed: bit 7 tells of a high one
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    if constexpr (kHigh) seen = _mm_or_si128(seen, v);
    const __m128i stop = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
        _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
    if (const int mask = _mm_movemask_epi8(stop)) {
      if constexpr (kHigh)
        if (_mm_movemask_epi8(seen) != 0) *high = true;
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
  if constexpr (kHigh)
    if (_mm_movemask_epi8(seen) != 0) *high = true;
#endif
  const std::size_t end = short_run_end(p, i, n);
  if constexpr (kHigh)
    if (!*high && has_high_byte(std::string_view(p + i, end - i))) *high = true;
  return end;
}

}  // namespace

std::size_t plain_run_end(std::string_view s, std::size_t i) {
  return run_end<false>(s, i, nullptr);
}

std::size_t plain_run_end(std::string_view s, std::size_t i, bool* high) {
  return run_end<true>(s, i, high);
}

namespace {

// Copies `s` to `to` (which has 8 bytes of room past s.size()); the result is 0 when every
// byte is printable ASCII other than '"' and '\\': bytes a JSON string holds as they are,
// with no UTF-8 to check. Eight bytes a step; the last few in loads that overlap bytes already
// done (a byte looked at twice is copied twice, the same), never a byte loop. Inlined into
// each caller (a call per string cost write_timex a fifth more).
[[gnu::always_inline]] inline std::uint64_t copy_plain(std::string_view s, char* to) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t stop = 0;
  const auto check = [&stop](std::uint64_t w) {
    stop |= bytes_below(w ^ (kOnes * '"'), 1) | bytes_below(w ^ (kOnes * '\\'), 1) |
            bytes_below(w, 0x20) | (w & kHigh);
  };
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t w = load8(p + i);
      check(w);
      std::memcpy(to + i, &w, 8);
    }
    if (i < n) {  // the last eight bytes
      const std::uint64_t w = load8(p + n - 8);
      check(w);
      std::memcpy(to + n - 8, &w, 8);
    }
  } else if (n >= 4) {  // two four-byte halves, which overlap unless n is 8
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    check(static_cast<std::uint64_t>(a) << 32 | b);
    std::memcpy(to, &a, 4);
    std::memcpy(to + n - 4, &b, 4);
  } else if (n > 0) {  // the first, middle and last bytes, with spaces around them
    const char a = p[0], b = p[n / 2], c = p[n - 1];
    const char word[8] = {a, b, c, ' ', ' ', ' ', ' ', ' '};
    check(load8(word));
    to[0] = a;
    to[n / 2] = b;
    to[n - 1] = c;
  }
  return stop;
}

// Appends `prefix` (JSON text such as ,"key":) and then `s` as a JSON string: in one append when
// `s` needs no escape and both are short, as most members are.
void append_prefixed(std::string* out, std::string_view prefix, std::string_view s) {
  // Most strings are short printable ASCII: checked while copied into their place at the end of
  // *out (with the eight bytes of room copy_plain() may write past them), in one pass.
  constexpr std::size_t kCopied = 512;
  if (s.size() <= kCopied) {
    const std::size_t at = out->size();
    out->resize(at + prefix.size() + s.size() + 2 + 8);
    char* w = &(*out)[at];
    if (!prefix.empty()) std::memcpy(w, prefix.data(), prefix.size());
    w += prefix.size();
    *w++ = '"';
    if (copy_plain(s, w) == 0) {
      w[s.size()] = '"';
      out->resize(at + prefix.size() + s.size() + 2);
      return;
    }
    out->resize(at);  // a byte to escape or UTF-8 to check: the general way below
  }
  if (has_high_byte(s) && !valid_utf8(s, nullptr)) {
    // Not valid UTF-8 (or valid but for a NUL byte, which valid_utf8 refuses and JSON escapes):
    // nlohmann writes the escape or throws its own error, word for word.
    const std::string dumped = nlohmann::json(std::string(s)).dump();
    out->append(prefix.data(), prefix.size());
    out->append(dumped);
    return;
  }
  // Most strings written are a few bytes long: those go without the sixteen-byte steps.
  auto run_end = [&s](std::size_t from) {
    return s.size() - from < 16 ? short_run_end(s.data(), from, s.size()) : plain_run_end(s, from);
  };
  std::size_t i = run_end(0);
  constexpr std::size_t kBuffer = 96;
  if (i == s.size() && prefix.size() + s.size() + 2 <= kBuffer) {
    char buf[kBuffer];
    if (!prefix.empty()) std::memcpy(buf, prefix.data(), prefix.size());
    char* q = buf + prefix.size();
    *q++ = '"';
    if (!s.empty()) std::memcpy(q, s.data(), s.size());
    q += s.size();
    *q++ = '"';
    out->append(buf, static_cast<std::size_t>(q - buf));
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  out->append(prefix.data(), prefix.size());
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (; i < s.size(); i = run_end(i)) {
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

// Appends the member prefix `key_text` (a literal such as ,"key":) and `s` as a JSON string.
template <std::size_t N>
void put_string(std::string* out, const char (&key_text)[N], std::string_view s) {
  append_prefixed(out, std::string_view(key_text, N - 1), s);
}

}  // namespace

void append_string(std::string* out, std::string_view s) { append_prefixed(out, {}, s); }

std::size_t Object::start(const char* key) {
  if (members_.empty()) {  // room for the members of the objects written here, at once
    members_.reserve(16);
    values_.reserve(256);
  }
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
  // Keys of printable ASCII with no '"' or '\\' (all the keys of this project) are written as
  // they are, with the values, into room made once; any other key goes the general way.
  std::size_t size = 2 + values_.size();
  bool plain = true;
  for (const Member& m : members_) {
    std::size_t n = 0;
    for (; m.key[n] != '\0'; ++n) {
      const auto c = static_cast<unsigned char>(m.key[n]);
      plain = plain && c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }
    size += n + 4;  // ,"key":
  }
  if (plain) {
    const std::size_t at = out->size();
    out->resize(at + size);
    char* w = &(*out)[at];
    *w++ = '{';
    for (std::size_t k = 0; k < members_.size(); ++k) {
      if (k > 0) *w++ = ',';
      *w++ = '"';
      const std::size_t n = std::strlen(members_[k].key);
      std::memcpy(w, members_[k].key, n);
      w += n;
      *w++ = '"';
      *w++ = ':';
      const std::size_t v = members_[k].end - members_[k].begin;
      if (v != 0) std::memcpy(w, values_.data() + members_[k].begin, v);
      w += v;
    }
    *w++ = '}';
    // One comma fewer than members when there are any.
    out->resize(static_cast<std::size_t>(w - out->data()));
  } else {
    out->push_back('{');
    for (std::size_t k = 0; k < members_.size(); ++k) {
      if (k > 0) out->push_back(',');
      append_string(out, members_[k].key);
      out->push_back(':');
      out->append(values_, members_[k].begin, members_[k].end - members_[k].begin);
    }
    out->push_back('}');
  }
  members_.clear();
  values_.clear();
}

namespace {

// A JSON object of short plain members put together in a buffer on the stack and appended in
// one step. A string that is not plain ASCII (it needs an escape, or its UTF-8 must be checked)
// stops it, and strings too long for the buffer are never given to it: the caller then writes
// the object the general way. The buffer is the caller's, not a member: the writer holds only
// where it is and what it has seen, which the compiler keeps in registers (a member array
// written through char pointers made it store and load them again around every copy).
class FlatWriter {
 public:
  // The buffer, and what a timex's members take in it beside their strings: keys (149 bytes
  // with the closing brace), two quotes for each of eleven strings, three numbers of at most
  // eleven characters, and the eight bytes the last string's copy may write past its end
  // (210 in all). write_timex() checks the strings' sizes once, so the puts need no check.
  static constexpr std::size_t kRoom = 512;
  static constexpr std::size_t kBesideStrings = 256;

  explicit FlatWriter(char* buffer) : begin_(buffer), w_(buffer) {}

  // Appends the literal `text`.
  template <std::size_t N>
  void put(const char (&text)[N]) {
    std::memcpy(w_, text, N - 1);
    w_ += N - 1;
  }
  // Appends the member prefix `key_text` and `s` as a JSON string.
  template <std::size_t N>
  void put_string(const char (&key_text)[N], std::string_view s) {
    std::memcpy(w_, key_text, N - 1);
    w_ += N - 1;
    *w_++ = '"';
    stop_ |= copy_plain(s, w_);
    w_ += s.size();
    *w_++ = '"';
  }
  template <typename Int>
  void put_number(Int value) {
    w_ = std::to_chars(w_, w_ + 24, value).ptr;  // 24: more than any whole number takes
  }
  // Appends what was put to *out; false (and nothing appended) when a string was not plain.
  bool finish(std::string* out) const {
    if (stop_ != 0) return false;
    out->append(begin_, static_cast<std::size_t>(w_ - begin_));
    return true;
  }

 private:
  char* const begin_;
  char* w_;
  std::uint64_t stop_ = 0;  // not 0: a string was not plain
};

// The members of a timex in key order, through `w` (FlatWriter, or General below).
template <typename Writer>
void timex_members(Writer& w, const Timex& t, const std::string* edtf, const std::string* rule) {
  const bool set = std::string_view(t.type) == "SET";
  w.put_string("{\"anchor\":", t.anchor);
  w.put(",\"begin\":");
  w.put_number(t.begin);
  if (edtf) w.put_string(",\"edtf\":", *edtf);
  w.put(",\"end\":");
  w.put_number(t.end);
  if (set) w.put_string(",\"freq\":", t.freq);
  w.put_string(",\"mod\":", t.mod);
  w.put_string(",\"precision\":", precision_name(t.precision));
  if (set) w.put_string(",\"quant\":", t.quant);
  if (t.range_partner >= 0) {
    w.put(",\"range_partner\":");
    w.put_number(t.range_partner);
  }
  if (t.resolved) w.put(",\"resolved\":true");
  else w.put(",\"resolved\":false");
  if (rule) w.put_string(",\"rule\":", *rule);
  w.put_string(",\"signal\":", t.signal);
  w.put_string(",\"text\":", t.text);
  w.put_string(",\"type\":", t.type);
  w.put_string(",\"value\":", t.value);
  w.put("}");
}

// Writes straight into the output, escaping and checking as nlohmann does.
struct General {
  std::string* out;
  template <std::size_t N>
  void put(const char (&text)[N]) {
    timeline::json_text::put(out, text);
  }
  template <std::size_t N>
  void put_string(const char (&key_text)[N], std::string_view s) {
    timeline::json_text::put_string(out, key_text, s);
  }
  template <typename Int>
  void put_number(Int value) {
    timeline::json_text::put_number(out, value);
  }
};

}  // namespace

void write_timex(std::string* out, const Timex& t, const std::string* edtf,
                 const std::string* rule) {
  // Nearly every timex is a few short ASCII strings: those are put together on the stack.
  const std::size_t strings = t.anchor.size() + t.mod.size() + t.signal.size() + t.text.size() +
                              t.type.size() + t.value.size() + t.quant.size() + t.freq.size() +
                              (edtf ? edtf->size() : 0) + (rule ? rule->size() : 0) +
                              16;  // the precision's name: "part-of-day" is the longest
  if (strings + FlatWriter::kBesideStrings <= FlatWriter::kRoom) {
    char buffer[FlatWriter::kRoom];
    FlatWriter flat(buffer);
    timex_members(flat, t, edtf, rule);
    if (flat.finish(out)) return;
  }
  General general{out};
  timex_members(general, t, edtf, rule);
}

}  // namespace timeline::json_text
