// The fast JSON Lines record reader (see jsonl_fast.hpp).
#include "io/jsonl_fast.hpp"

#include <cstdint>
#include <cstring>

#include <timeline/document.hpp>

#include "common/json_text.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace timeline::io {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool eat(char c) {
    space();
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool peek(char c) {
    space();
    return i_ < s_.size() && s_[i_] == c;
  }
  bool at_end() {
    space();
    return i_ == s_.size();
  }

  // A member's key: a view of the input when the key has no escape (as a key nearly always
  // has), else decoded into *storage and viewed there.
  bool key(std::string_view* key, std::string* storage) {
    const std::size_t at = i_;
    if (!eat('"')) return false;
    const std::size_t plain_end = run_end();
    if (plain_end != kBadBytes && plain_end < s_.size() && s_[plain_end] == '"') {
      *key = s_.substr(i_, plain_end - i_);
      i_ = plain_end + 1;
      return true;
    }
    i_ = at;
    if (!string(storage)) return false;
    *key = *storage;
    return true;
  }

  // A JSON string, decoded to UTF-8 into *out (when out is not null).
  bool string(std::string* out) {
    if (!eat('"')) return false;
    const std::size_t plain_end = run_end();
    if (plain_end == kBadBytes) return false;
    if (plain_end < s_.size() && s_[plain_end] == '"') {  // no escape: copied in one go
      if (out) out->append(s_.data() + i_, plain_end - i_);
      i_ = plain_end + 1;
      return true;
    }
    // The run before the first escape is read: decoding goes on from there.
    const std::size_t first_run = i_;
    i_ = plain_end;
    if (!out) return decode(nullptr);
    // Decoded into room for the rest of the input, which the decoding never outgrows (an escape
    // is at least as long as the UTF-8 it stands for), and kSlack bytes more for decode_into()'s
    // sixteen-byte stores. Up to kRoomBytes, the room is a buffer of the thread's, which grows
    // to the longest record and is not filled again for each string, and the result is
    // appended in one step; a longer rest is decoded in place in *out (filled first, then
    // cut), so that a huge record is not held twice.
    const std::size_t rest = s_.size() - first_run + kSlack;
    if (rest <= kRoomBytes) {
      static thread_local std::string room;
      if (room.size() < rest) room.resize(rest);
      char* w = &room[0];
      std::memcpy(w, s_.data() + first_run, plain_end - first_run);
      w += plain_end - first_run;
      const bool ok = decode(&w);
      if (ok) out->append(room.data(), static_cast<std::size_t>(w - room.data()));
      return ok;
    }
    const std::size_t base = out->size();
    out->resize(base + rest);
    char* w = &(*out)[base];
    std::memcpy(w, s_.data() + first_run, plain_end - first_run);
    w += plain_end - first_run;
    const bool ok = decode(&w);
    out->resize(static_cast<std::size_t>(w - out->data()));
    return ok;
  }

  // Any value this reader takes, discarded.
  bool skip_value(int depth) {
    if (depth > 32) return false;
    space();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '"') return string(nullptr);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      if (eat(close)) return true;
      do {
        if (c == '{' && !(string(nullptr) && eat(':'))) return false;
        if (!skip_value(depth + 1)) return false;
      } while (eat(','));
      return eat(close);
    }
    for (const char* word : {"true", "false", "null"}) {
      const std::string_view w(word);
      if (s_.substr(i_, w.size()) == w) {
        i_ += w.size();
        return true;
      }
    }
    return whole_number();
  }

  // null, taken as "absent".
  bool null() {
    space();
    if (s_.substr(i_, 4) != "null") return false;
    i_ += 4;
    return true;
  }

 private:
  // The rest of a string after its opening quote; the bytes it stands for are written at *w and
  // *w moved past them (when w is not null).
  bool decode(char** w) {
    if (w) return decode_into(w);
    for (;;) {
      i_ = run_end();
      if (i_ == kBadBytes) return false;
      if (i_ >= s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      if (s_[i_++] == '"') return true;
      if (i_ >= s_.size()) return false;
      if (!escape(nullptr)) return false;
    }
  }

  // The escape after a backslash, at i_ (moved past it): the bytes it stands for are written at
  // *w and *w moved past them (when w is not null).
  bool escape(char** w) {
    char c = 0;
    switch (s_[i_++]) {
      case '"': c = '"'; break;
      case '\\': c = '\\'; break;
      case '/': c = '/'; break;
      case 'b': c = '\b'; break;
      case 'f': c = '\f'; break;
      case 'n': c = '\n'; break;
      case 'r': c = '\r'; escaped_nul_or_cr_ = true; break;
      case 't': c = '\t'; break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(&cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t lo = 0;
          if (!(eat_raw('\\') && eat_raw('u') && hex4(&lo) && lo >= 0xDC00 && lo <= 0xDFFF))
            return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (cp == 0 || cp == '\r') escaped_nul_or_cr_ = true;
        if (w) *w = utf8(cp, *w);
        return true;
      }
      default: return false;
    }
    if (w) *(*w)++ = c;
    return true;
  }

  // decode() into *w, in one loop: the plain bytes are stored sixteen at a time (the room has
  // kSlack bytes to spare), each step keeping those before a '"', '\\' or control byte; an
  // escape is written and the copying goes on after it. The UTF-8 of the plain bytes is checked
  // once, over the whole string as it stands in the input, when a byte of 0x80 or above went by:
  // the escapes and quotes between the runs are ASCII, so that is valid exactly when each run is.
  // One pass over the bytes, with no call and no set-up for each run between two escapes.
  bool decode_into(char** w) {
    const char* p = s_.data();
    const std::size_t n = s_.size();
    const std::size_t from = i_;
    std::size_t i = i_;
    char* out = *w;
    unsigned high = 0;  // bit 7: a byte of 0x80 or above went by
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    __m128i seen = _mm_setzero_si128();  // the bytes stored, or'ed
#endif
    for (;;) {
#ifdef __SSE2__
      bool stopped = false;
      for (; i + 16 <= n; i += 16, out += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
        seen = _mm_or_si128(seen, v);
        const __m128i stop = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
            _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
        if (const int mask = _mm_movemask_epi8(stop)) {
          const auto k = static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
          i += k;
          out += k;
          stopped = true;
          break;
        }
      }
      if (!stopped)
#endif
      {  // fewer than sixteen bytes are left: one at a time
        for (; i < n && p[i] != '"' && p[i] != '\\' && static_cast<unsigned char>(p[i]) >= 0x20; ++i) {
          high |= static_cast<unsigned char>(p[i]);
          *out++ = p[i];
        }
      }
      if (i >= n || static_cast<unsigned char>(p[i]) < 0x20) return false;
      if (p[i++] == '"') break;
      if (i >= n) return false;
      i_ = i;
      if (!escape(&out)) return false;
      i = i_;
    }
#ifdef __SSE2__
    if (_mm_movemask_epi8(seen) != 0) high |= 0x80;
#endif
    if ((high & 0x80) != 0 && !valid_utf8(s_.substr(from, i - from), nullptr)) return false;
    i_ = i;
    *w = out;
    return true;
  }
  static constexpr std::size_t kRoomBytes = std::size_t{1} << 20;
  static constexpr std::size_t kSlack = 16;

  // The end of the plain run from i_ (json_text::plain_run_end), or kBadBytes when the run is
  // not valid UTF-8: then the record is left to check_input() and nlohmann.
  static constexpr std::size_t kBadBytes = static_cast<std::size_t>(-1);
  std::size_t run_end() const {
    bool high = false;
    const std::size_t end = json_text::plain_run_end(s_, i_, &high);
    if (high && !valid_utf8(s_.substr(i_, end - i_), nullptr)) return kBadBytes;
    return end;
  }

 public:
  bool escaped_nul_or_cr() const { return escaped_nul_or_cr_; }

 private:
  bool eat_raw(char c) {
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool hex4(std::uint32_t* out) {
    if (i_ + 4 > s_.size()) return false;
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') v |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') v |= static_cast<std::uint32_t>(h - 'A' + 10);
      else return false;
    }
    *out = v;
    return true;
  }
  // Writes code point `cp` in UTF-8 at w (a lead byte, then 6 bits per continuation byte);
  // returns the end of what it wrote.
  static char* utf8(std::uint32_t cp, char* w) {
    if (cp < 0x80) {
      *w++ = static_cast<char>(cp);
      return w;
    }
    const int tail = cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
    static const unsigned kLead[] = {0, 0xC0, 0xE0, 0xF0};
    *w++ = static_cast<char>(kLead[tail] | (cp >> (6 * tail)));
    for (int k = tail - 1; k >= 0; --k) *w++ = static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F));
    return w;
  }
  // -?(0|[1-9][0-9]*) with at most 18 digits: a number nlohmann holds exactly.
  bool whole_number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    const std::size_t first = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    const std::size_t digits = i_ - first;
    if (digits == 0 || digits > 18 || (digits > 1 && s_[first] == '0')) return false;
    return i_ >= s_.size() || (s_[i_] != '.' && s_[i_] != 'e' && s_[i_] != 'E');
  }

  std::string_view s_;
  std::size_t i_ = 0;
  bool escaped_nul_or_cr_ = false;
};

}  // namespace

bool read_simple_record(std::string_view body, RecordFields* out) {
  Reader r(body);
  if (!r.eat('{')) return false;
  unsigned seen = 0;  // bit per known key, to give up on a key given twice
  if (!r.peek('}')) {
    do {
      std::string escaped_key;
      std::string_view key;
      if (!r.key(&key, &escaped_key) || !r.eat(':')) return false;
      static constexpr std::string_view kKeys[] = {"id", "text", "title", "url", "published", "lang"};
      int k = -1;
      for (int n = 0; n < 6; ++n)
        if (key == kKeys[n]) k = n;
      if (k < 0) {
        if (!r.skip_value(0)) return false;
        continue;
      }
      if (seen & (1u << k)) return false;
      seen |= 1u << k;
      if (k == 1) out->has_text = true;
      if (r.null()) continue;
      // Read straight into the member (empty until now: each key is taken once).
      std::string* const value = k == 0 ? &out->id.emplace()
                                 : k == 1 ? &out->text
                                 : k == 2 ? &out->title
                                 : k == 3 ? &out->url
                                 : k == 4 ? &out->published
                                          : &out->lang;
      value->clear();
      if (!r.string(value)) return false;
    } while (r.eat(','));
  }
  if (!(r.eat('}') && r.at_end())) return false;
  out->escaped_nul_or_cr = r.escaped_nul_or_cr();
  return true;
}

}  // namespace timeline::io
