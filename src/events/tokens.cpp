// Tokenizer and phrase matcher of the claim extractor (see tokens.hpp).
#include "events/tokens.hpp"

#include <algorithm>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "events/byte_masks.hpp"

namespace timeline::events {
namespace {

// ASCII classes (the C locale's, without a locale lookup per byte).
bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// ascii_alnum() of every ASCII byte.
struct AlnumTable {
  bool bit[128] = {};
  constexpr AlnumTable() {
    for (int c = 0; c < 128; ++c)
      bit[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
};
constexpr AlnumTable kAsciiAlnum;

// Per byte: ASCII lower case, and what a token's bytes need before they can be viewed in place.
constexpr unsigned char kUpper = 1;  // an upper-case ASCII letter: the lower case is a copy
constexpr unsigned char kE2 = 2;     // 0xE2, which may begin a "’" to fold: the text is a copy
struct ByteTables {
  char lower[256] = {};
  unsigned char flags[256] = {};
  constexpr ByteTables() {
    for (int c = 0; c < 256; ++c) {
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      flags[c] = static_cast<unsigned char>((c >= 'A' && c <= 'Z' ? kUpper : 0) |
                                            (c == 0xE2 ? kE2 : 0));
    }
  }
};
constexpr ByteTables kBytes;

unsigned char flags_of(std::string_view bytes) {
  unsigned char f = 0;
  for (const char c : bytes) f |= kBytes.flags[static_cast<unsigned char>(c)];
  return f;
}

// A word's bytes as the vocabulary reads them: the first eight (or all of a shorter word, the
// rest zero) and the last eight (zero for a word shorter than eight). p[0, readable) may be read
// (readable >= n > 0), so that a short word comes in one load when the bytes after it exist.
struct WordBytes {
  std::uint64_t head = 0, tail = 0;
};
inline WordBytes word_bytes(const char* p, std::size_t n, std::size_t readable) {
  WordBytes w;
  if (n >= 8) {
    std::memcpy(&w.head, p, 8);
    std::memcpy(&w.tail, p + n - 8, 8);
  } else {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (readable >= 8) {
      std::memcpy(&w.head, p, 8);
      w.head &= ~std::uint64_t{0} >> (64 - 8 * n);  // the first n bytes (n > 0: a token has bytes)
    } else {
      std::memcpy(&w.head, p, n);
    }
#else
    std::memcpy(&w.head, p, n);
#endif
  }
  return w;
}

// The hash of a word's ASCII lower case (Vocabulary::hash), from its bytes in any case
// (word_bytes): a function of the bytes with 0x20 set in each, which is the same for a byte and
// its ASCII lower case (and joins a few other pairs, '@' and '`' say, which the table's
// comparison tells apart). A longer word's middle is left to the comparison too.
inline std::uint64_t word_hash(WordBytes w, std::size_t n) {
  constexpr std::uint64_t kCase = 0x2020202020202020ull;
  // Both halves of a 128-bit product: every bit of it depends on every bit read.
  const unsigned __int128 m = static_cast<unsigned __int128>((w.head | kCase) ^ 0x9E3779B97F4A7C15ull) *
                              ((w.tail | kCase) ^ (n * 0xC2B2AE3D27D4EB4Full));
  return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
}

// The ASCII lower case of eight bytes at once: 0x20 added to each byte from 'A' to 'Z'.
inline std::uint64_t lower8(std::uint64_t x) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  const std::uint64_t low7 = x & ~kHigh;                        // each byte's seven low bits
  const std::uint64_t from_a = low7 + 0x3F3F3F3F3F3F3F3Full;     // high bit: low7 >= 'A'
  const std::uint64_t past_z = low7 + 0x2525252525252525ull;     // high bit: low7 > 'Z'
  const std::uint64_t upper = from_a & ~past_z & ~x & kHigh;     // and the byte is ASCII
  return x | (upper >> 2);
}

bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of a typographic mark at text[i] that is punctuation though not ASCII: ’ ‘ “ ” – — …
inline std::size_t typographic(std::string_view text, std::size_t i) {
  // Every mark begins with 0xC2 or 0xE2: most bytes are told apart by the first test.
  if (i >= text.size() || static_cast<unsigned char>(text[i]) < 0xC2) return 0;
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(text[i + 2]);
    if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x93 || c == 0x94 ||
        c == 0xA6)
      return 3;
  }
  if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
      (static_cast<unsigned char>(text[i + 1]) == 0xA0 ||
       static_cast<unsigned char>(text[i + 1]) == 0xAB ||
       static_cast<unsigned char>(text[i + 1]) == 0xBB))
    return 2;
  return 0;
}

bool is_apostrophe(std::string_view text, std::size_t i) {
  return text[i] == '\'' ||
         (typographic(text, i) == 3 && static_cast<unsigned char>(text[i + 2]) == 0x99);
}

bool letter_at(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return ascii_alnum(c);
  return typographic(text, i) == 0;
}

// The text of text[b, e) as tokens carry it: a typographic apostrophe folded to "'".
bool has_byte_e2(std::string_view text, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i)
    if (static_cast<unsigned char>(text[i]) == 0xE2) return true;
  return false;
}

void fold(std::string_view text, std::size_t b, std::size_t e, std::string* out) {
  if (!has_byte_e2(text, b, e)) {
    out->assign(text.data() + b, e - b);  // no typographic apostrophe to fold
    return;
  }
  out->clear();
  for (std::size_t i = b; i < e;) {
    if (typographic(text, i) == 3 && static_cast<unsigned char>(text[i + 2]) == 0x99) {
      *out += '\'';
      i += 3;
    } else {
      *out += text[i++];
    }
  }
}

// The end of the run of ASCII letters and digits that begins at j (at most stop); sets *upper
// when the run holds an ASCII capital. Sixteen bytes a step with SSE2 where the target has it,
// while they lie within the text.
inline std::size_t alnum_run(std::string_view text, std::size_t j, std::size_t stop, bool* upper) {
#ifdef __SSE2__
  const __m128i below_a = _mm_set1_epi8('a' - 1), above_z = _mm_set1_epi8('z' + 1);
  const __m128i below_ua = _mm_set1_epi8('A' - 1), above_uz = _mm_set1_epi8('Z' + 1);
  const __m128i below_0 = _mm_set1_epi8('0' - 1), above_9 = _mm_set1_epi8('9' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  while (j + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + j));
    const __m128i lower = _mm_or_si128(v, case_bit);
    // Signed compares: a byte beyond ASCII is negative, so neither a letter nor a digit.
    const __m128i alpha =
        _mm_and_si128(_mm_cmpgt_epi8(lower, below_a), _mm_cmplt_epi8(lower, above_z));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below_0), _mm_cmplt_epi8(v, above_9));
    const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(v, below_ua), _mm_cmplt_epi8(v, above_uz));
    const auto other =
        ~static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit))) & 0xFFFFu;
    const auto caps = static_cast<std::uint32_t>(_mm_movemask_epi8(capital));
    const std::size_t len = other != 0 ? static_cast<std::size_t>(__builtin_ctz(other)) : 16;
    const std::size_t end = std::min(stop, j + len);
    if (caps & ((1u << (end - j)) - 1u)) *upper = true;  // end - j <= 16
    if (other != 0 || end >= stop) return end;
    j = end;
  }
#endif
  while (j < stop) {
    const unsigned char u = static_cast<unsigned char>(text[j]);
    if (u >= 0x80 || !kAsciiAlnum.bit[u]) break;
    if (u >= 'A' && u <= 'Z') *upper = true;
    ++j;
  }
  return j;
}

// The bytes after a run of ASCII letters and digits that may go on its word: an inner mark
// ('-', '.', an apostrophe, the first byte of "’") or a byte beyond ASCII (another letter).
struct JoinTable {
  bool bit[256] = {};
  constexpr JoinTable() {
    for (int c = 0x80; c < 256; ++c) bit[c] = true;
    bit[static_cast<unsigned char>('-')] = bit[static_cast<unsigned char>('.')] = true;
    bit[static_cast<unsigned char>('\'')] = true;
  }
};
constexpr JoinTable kJoins;

// Flags of a token (kUpper, kE2) that scan() does not know: the emitter works them out.
constexpr int kUnknownFlags = -1;

// The word that begins at text[i] (an ASCII letter or digit, or a letter beyond ASCII), byte
// by byte: runs of ASCII letters and digits, with the other letters and inner marks that join
// them. Passes it to put(b, e, word, flags) (a negation "n't" split off as a token of its own)
// and returns where the next token may begin (past a space after the word).
template <typename Put>
std::size_t word_at(std::string_view text, std::size_t i, std::size_t stop, Put& put) {
  std::size_t j = i;
  bool upper = false, e2 = false;  // an ASCII capital, a byte 0xE2 taken
  bool other = false;              // a byte that is not an ASCII letter or digit taken
  while (j < stop) {
    j = alnum_run(text, j, stop, &upper);
    if (j >= stop) break;
    // Most words end at a byte that can neither go on a word nor join two runs.
    const unsigned char cj = static_cast<unsigned char>(text[j]);
    if (!kJoins.bit[cj]) break;
    other = true;
    // letter_at(text, j) for a byte that is not an ASCII letter or digit.
    if (cj >= 0x80 && typographic(text, j) == 0) {
      // Every byte looked at: text that is not UTF-8 may hold 0xE2 where a continuation
      // byte belongs.
      const std::size_t to = std::min(stop, j + (cj >= 0xF0 ? 4 : cj >= 0xE0 ? 3 : 2));
      for (; j < to; ++j) e2 = e2 || static_cast<unsigned char>(text[j]) == 0xE2;
      continue;
    }
    // Inner marks: "state-backed", "Sboi.rf", "n't", "don't"; not a possessive "'s".
    const bool inner = (text[j] == '-' || text[j] == '.' || is_apostrophe(text, j));
    if (!inner) break;
    const std::size_t w = typographic(text, j) == 3 ? 3 : 1;
    if (!letter_at(text, j + w)) break;
    if (is_apostrophe(text, j) && (text[j + w] == 's' || text[j + w] == 'S') &&
        !letter_at(text, j + w + 1))
      break;
    e2 = e2 || w == 3;  // a typographic apostrophe
    j = std::min(stop, j + w);
  }
  j = std::min(j, stop);
  // "didn't" → "did" + "n't", so that negation is a token of its own. (Only a word that took
  // a byte other than ASCII letters and digits can end so.)
  const std::size_t nt = !other ? 0
                         : (j - i > 3 && ascii_lower(text[j - 3]) == 'n' && text[j - 2] == '\'' &&
                            ascii_lower(text[j - 1]) == 't')                       ? 3
                         : (j - i > 5 && ascii_lower(text[j - 5]) == 'n' &&
                            typographic(text, j - 4) == 3 && text[j - 1] == 't') ? 5
                                                                                : 0;
  if (nt > 0) {
    put(i, j - nt, true, kUnknownFlags);
    put(j - nt, j, true, kUnknownFlags);
  } else {
    put(i, j, true, (upper ? kUpper : 0) | (e2 ? kE2 : 0));
  }
  // The space after a word, skipped here rather than by the next turn of the loop.
  if (j < stop && text[j] == ' ') ++j;
  return j;
}

// Whether a run of ASCII letters and digits that ends before text[j] ends its word: text[j]
// cannot join it, or is an inner mark ('-', '.', "'") followed by an ASCII byte that is not a
// letter or digit, or by nothing ("U.S. officials" has a word "U.S", "officials." one
// "officials"). False when word_at() must look (a byte beyond ASCII, a mark before a letter).
inline bool ends_word(std::string_view text, std::size_t j) {
  const unsigned char c = static_cast<unsigned char>(text[j]);
  if (!kJoins.bit[c]) return true;
  if (c >= 0x80) return false;
  if (j + 1 >= text.size()) return true;
  const unsigned char next = static_cast<unsigned char>(text[j + 1]);
  return next < 0x80 && !kAsciiAlnum.bit[next];
}

// Cuts text[begin, end) into tokens: calls emit(b, e, word, flags) for each, in order; `flags`
// are the kUpper and kE2 flags of the token's bytes, or kUnknownFlags.
//
// Most words are a run of ASCII letters and digits followed by a byte that cannot join it (a
// space, a comma): such a word is read from the bit masks of a window of 64 bytes (ByteMasks),
// where its end is the next bit clear and its capitals the bits of `upper` it covers. A word
// that reaches the window's end or meets a byte that may go on it ("state-backed", "Zürich",
// "didn't") is read byte by byte (word_at), as are the other tokens.
template <typename Emit>
void scan(std::string_view text, std::uint32_t begin, std::uint32_t end, Emit&& emit) {
  std::size_t i = begin;
  const std::size_t stop = std::min<std::size_t>(end, text.size());
  bool any = false;          // a token was emitted
  std::size_t last_end = 0;  // the end of the last one
  auto put = [&](std::size_t b, std::size_t e, bool word,
                 int flags = kUnknownFlags) __attribute__((always_inline)) {
    emit(b, e, word, flags);
    any = true;
    last_end = e;
  };
  // The window: masks of text[base, base + 64), without the bytes at or past stop.
  std::size_t base = 0, limit = 0;  // limit: the window's end (base + 64, or stop)
  struct {
    std::uint64_t alnum = 0, upper = 0;
  } m;
  auto window = [&](std::size_t from) {
    base = from;
    limit = std::min(stop, base + 64);
    const ByteMasks b = ByteMasks::of(text.data() + base, std::min<std::size_t>(64, text.size() - base));
    m.alnum = b.letter | b.digit;
    m.upper = b.upper;
    if (limit - base < 64) {
      const std::uint64_t valid = (std::uint64_t{1} << (limit - base)) - 1;
      m.alnum &= valid;
      m.upper &= valid;
    }
  };
  while (i < stop) {
    if (i >= limit) window(i);
    unsigned off = static_cast<unsigned>(i - base);
    if ((m.alnum >> off) & 1u) {
      std::uint64_t rest = ~m.alnum >> off;  // set where the run has ended
      if (rest == 0 && off > 0 && limit < stop) {
        window(i);  // the run reaches the window's end: a window from its first byte
        off = 0;
        rest = ~m.alnum;
      }
      if (rest != 0) {
        const unsigned len = static_cast<unsigned>(__builtin_ctzll(rest));
        const std::size_t j = i + len;  // at most limit: the masks hold nothing past stop
        if (j >= stop || ends_word(text, j)) {
          // len < 64: rest has a bit set, so the run ends within the window.
          const bool upper = ((m.upper >> off) & ((std::uint64_t{1} << len) - 1)) != 0;
          emit(i, j, true, upper ? kUpper : 0);
          any = true;
          last_end = j;
          // The space after a word, skipped here rather than by the next turn of the loop.
          i = j < stop && text[j] == ' ' ? j + 1 : j;
          continue;
        }
      }
      i = word_at(text, i, stop, put);
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (ascii_space(c)) {
        ++i;
        continue;
      }
      // A possessive "'s" after a word.
      if (c == '\'' && any && last_end == i && i + 1 < stop &&
          (text[i + 1] == 's' || text[i + 1] == 'S') && !letter_at(text, i + 2)) {
        put(i, i + 2, true);
        i += 2;
        continue;
      }
      put(i, i + 1, false, 0);  // one ASCII mark: no capital, no 0xE2
      ++i;
      continue;
    }
    if (std::size_t n = typographic(text, i); n > 0) {
      if (n == 2 && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // no-break space
        i += n;
        continue;
      }
      // A possessive "’s" after a word.
      if (is_apostrophe(text, i) && any && last_end == i && i + n < stop &&
          (text[i + n] == 's' || text[i + n] == 'S') && !letter_at(text, i + n + 1)) {
        put(i, i + n + 1, true);
        i += n + 1;
        continue;
      }
      put(i, i + n, false);
      i += n;
      continue;
    }
    // A letter beyond ASCII begins a word.
    i = word_at(text, i, stop, put);
  }
}

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// How far the last token of a span may reach past its end: a typographic sign of three bytes
// that starts at the span's last byte (a span cut inside a character).
constexpr std::size_t kMaxOverhang = 2;

inline std::uint32_t Vocabulary::find_loaded(std::uint64_t head, std::uint64_t tail,
                                             std::string_view lower, std::uint64_t hash) const {
  if (slots_.empty()) return kNoWord;
  const std::size_t mask = slots_.size() - 1, n = lower.size();
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    const std::uint32_t id = slots_[i];
    if (id == kNoWord) return kNoWord;
    const Key& k = keys_[id];
    if (k.head == head && k.tail == tail && k.size == n &&
        (n <= 16 || std::memcmp(words_[id].data() + 8, lower.data() + 8, n - 16) == 0))
      return id;
  }
}

// Fills a TokenList: the views of each token, and its storage when a token needs a copy.
class TokenWriter {
 public:
  TokenWriter(TokenList* out, std::string_view text, std::size_t capacity)
      : out_(out), text_(text), capacity_(capacity) {}

  [[gnu::always_inline]] inline void put(std::size_t b, std::size_t e, bool word, int flags,
                                         const Vocabulary* vocab) {
    // The token is made here and stored once (emplace_back() would clear it first).
    Token t;
    t.begin = static_cast<std::uint32_t>(b);
    t.end = static_cast<std::uint32_t>(e);
    t.word = word;
    const char* const p = text_.data() + b;
    const std::size_t n = e - b;
    t.text = std::string_view(p, n);
    // What the bytes need (kUpper, kE2): from scan() when it knows them, else one pass.
    unsigned char f = 0;
    if (flags == kUnknownFlags) {
      for (std::size_t k = 0; k < n; ++k) f = static_cast<unsigned char>(f | kBytes.flags[static_cast<unsigned char>(p[k])]);
    } else {
      f = static_cast<unsigned char>(flags);
    }
    if (f & kE2) {
      folded(b, e, vocab, &t);
    } else {
      // The hash of the lower case is that of the bytes as written (see word_hash); the words
      // are compared in lower case, eight bytes at a time.
      WordBytes w = word_bytes(p, n, text_.size() - b);
      const std::uint64_t hash = vocab ? word_hash(w, n) : 0;
      t.lower = t.text;
      if (f & kUpper) {
        char* q = room();
        lower_copy(p, n, text_.size() - b, q);
        t.lower = std::string_view(q, n);
        used_ += n;
        w.head = lower8(w.head);
        w.tail = lower8(w.tail);
      }
      const unsigned char c0 = static_cast<unsigned char>(p[0]);
      t.capital = word && ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80);
      if (vocab) t.word_id = vocab->find_loaded(w.head, w.tail, t.lower, hash);
    }
    out_->push_back(t);
  }

 private:
  // The token's text with each "’" folded to "'", and its lower case, in the storage.
  void folded(std::size_t b, std::size_t e, const Vocabulary* vocab, Token* t) {
    char* p = room();
    std::size_t n = 0;
    for (std::size_t i = b; i < e;) {
      if (typographic(text_, i) == 3 && static_cast<unsigned char>(text_[i + 2]) == 0x99) {
        p[n++] = '\'';
        i += 3;
      } else {
        p[n++] = text_[i++];
      }
    }
    t->text = std::string_view(p, n);
    used_ += n;
    char* q = room();
    for (std::size_t k = 0; k < n; ++k) q[k] = kBytes.lower[static_cast<unsigned char>(p[k])];
    t->lower = std::string_view(q, n);
    used_ += n;
    const unsigned char c0 = static_cast<unsigned char>(p[0]);
    t->capital = t->word && ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80);
    if (vocab) t->word_id = vocab->find_hashed(t->lower, Vocabulary::hash(t->lower));
  }
  // The lower case of p[0, n) into q, eight bytes a step where p[0, readable) allows (q has
  // room for n rounded up to eight: see room()).
  static void lower_copy(const char* p, std::size_t n, std::size_t readable, char* q) {
    std::size_t k = 0;
    for (; k + 8 <= readable && k < n; k += 8) {
      std::uint64_t x;
      std::memcpy(&x, p + k, 8);
      x = lower8(x);
      std::memcpy(q + k, &x, 8);
    }
    for (; k < n; ++k) q[k] = kBytes.lower[static_cast<unsigned char>(p[k])];
  }
  // Where the next copy goes. The storage is sized once for the whole span: every token takes
  // at most its length for its folded text and its length again for its lower case, and a
  // typographic sign that starts at the span's last byte or two still comes whole (tokenize()
  // allows for those bytes past the span's end); lower_copy() may write up to seven bytes past
  // a token's copy (kCopySlack).
  char* room() {
    if (used_ == 0 && (!out_->storage_ || out_->storage_size_ < capacity_)) {
      out_->storage_.reset(new char[capacity_]);
      out_->storage_size_ = capacity_;
    }
    return out_->storage_.get() + used_;
  }
  TokenList* out_;
  std::string_view text_;
  std::size_t capacity_;
  std::size_t used_ = 0;
};

// The bytes lower_copy() may write past the last copy.
constexpr std::size_t kCopySlack = 8;

TokenList tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                   const Vocabulary* vocab) {
  TokenList out;
  tokenize(text, begin, end, vocab, &out);
  return out;
}

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
              const Vocabulary* vocab, TokenList* out) {
  out->clear();
  const std::size_t stop = std::min<std::size_t>(end, text.size());
  if (stop <= begin) return;
  // About one token per five bytes of news text.
  out->reserve((stop - begin) / 5 + 4);
  TokenWriter w(out, text, 2 * (stop - begin + kMaxOverhang) + kCopySlack);
  scan(text, begin, end,
       [&](std::size_t b, std::size_t e, bool word, int flags) __attribute__((always_inline)) {
         w.put(b, e, word, flags, vocab);
       });
}

std::vector<Token> word_tokens(std::string_view text, std::uint32_t begin, std::uint32_t end,
                               const Vocabulary& vocab) {
  std::vector<Token> out;
  word_tokens(text, begin, end, vocab, &out);
  return out;
}

void word_tokens(std::string_view text, std::uint32_t begin, std::uint32_t end,
                 const Vocabulary& vocab, std::vector<Token>* out) {
  out->clear();
  if (end > begin) out->reserve((end - begin) / 5 + 4);
  std::string folded;
  scan(text, begin, end, [&](std::size_t b, std::size_t e, bool word, int) {
    Token& t = out->emplace_back();
    t.begin = static_cast<std::uint32_t>(b);
    t.end = static_cast<std::uint32_t>(e);
    t.word = word;
    const std::string_view raw = text.substr(b, e - b);
    if (!(flags_of(raw) & kE2)) {
      t.word_id = vocab.find_folding_case(raw);
    } else {
      fold(text, b, e, &folded);
      t.word_id = vocab.find_folding_case(folded);
    }
  });
}

bool Phrase::compile(std::string_view pattern, bool case_sensitive, std::string* why) {
  slots_.clear();
  plain_ids_ = false;
  case_sensitive_ = case_sensitive;
  // Tokenize each alternative the way text is tokenized, so "Russia's" and "state-backed"
  // compare token by token.
  std::string p(pattern);
  std::size_t i = 0;
  while (i < p.size()) {
    while (i < p.size() && p[i] == ' ') ++i;
    if (i >= p.size()) break;
    std::size_t j = p.find(' ', i);
    if (j == std::string::npos) j = p.size();
    const std::string word = p.substr(i, j - i);
    i = j;
    if (word == "*") {
      slots_.push_back(Slot{});
      continue;
    }
    // A word may tokenize into several tokens ("Russia's" → "Russia" "'s"); alternatives are
    // only allowed on single-token words.
    std::vector<std::string> alts;
    std::size_t a = 0;
    std::vector<Slot> multi;
    while (a <= word.size()) {
      std::size_t b = word.find('|', a);
      if (b == std::string::npos) b = word.size();
      const std::string alt = word.substr(a, b - a);
      if (alt.empty()) {
        *why = "empty alternative in '" + std::string(pattern) + "'";
        return false;
      }
      auto toks = tokenize(alt, 0, static_cast<std::uint32_t>(alt.size()));
      if (toks.size() == 1) {
        alts.emplace_back(case_sensitive ? toks[0].text : toks[0].lower);
      } else if (toks.size() > 1 && word.find('|') == std::string::npos) {
        for (const Token& t : toks) {
          const bool exact = case_sensitive && t.text != t.lower;
          multi.push_back(Slot{{std::string(exact ? t.text : t.lower)}, exact, {}});
        }
      } else {
        *why = "alternative '" + alt + "' is not a single word";
        return false;
      }
      a = b + 1;
    }
    if (!multi.empty()) {
      slots_.insert(slots_.end(), multi.begin(), multi.end());
    } else {
      bool exact = false;
      for (std::string& a : alts) exact = exact || (case_sensitive && a != lower(a));
      if (!exact)
        for (std::string& a : alts) a = lower(a);
      slots_.push_back(Slot{std::move(alts), exact, {}});
    }
  }
  if (slots_.empty() || slots_.front().alts.empty() || slots_.back().alts.empty()) {
    *why = "pattern '" + std::string(pattern) + "' is empty or begins or ends with '*'";
    return false;
  }
  return true;
}

std::size_t Phrase::match(const std::vector<Token>& toks, std::size_t i) const {
  if (plain_ids_) {
    // Word after word by id, without recursion: what match_from does for such a phrase. A slot
    // with case takes a token whose lower case is an alternative's, written as that one is.
    const std::size_t n = slots_.size();
    if (i + n > toks.size()) return 0;
    for (std::size_t k = 0; k < n; ++k) {
      const Token& tok = toks[i + k];
      if (tok.word_id == kUnindexed) return match_from(toks, i, 0);
      const Slot& s = slots_[k];
      bool ok = false;
      for (std::size_t a = 0; a < s.ids.size() && !ok; ++a)
        ok = s.ids[a] == tok.word_id && (!s.exact || s.alts[a] == tok.text);
      if (!ok) return 0;
    }
    return n;
  }
  return match_from(toks, i, 0);
}

std::size_t Phrase::match_from(const std::vector<Token>& toks, std::size_t i,
                               std::size_t slot) const {
  if (slot == slots_.size()) return 0;
  const Slot& s = slots_[slot];
  if (s.alts.empty()) {  // gap of 0..3 words; the next slot is a word (compile checks the end)
    for (std::size_t skip = 0; skip <= 3 && i + skip < toks.size(); ++skip) {
      if (skip > 0 && !toks[i + skip - 1].word) break;
      const std::size_t n = match_from(toks, i + skip, slot + 1);
      if (n > 0) return skip + n;
    }
    return 0;
  }
  if (i >= toks.size()) return 0;
  bool ok = false;
  const Token& tok = toks[i];
  if (!s.exact && tok.word_id != kUnindexed && s.ids.size() == s.alts.size()) {
    for (const std::uint32_t id : s.ids) {
      if (id == tok.word_id) {
        ok = true;
        break;
      }
    }
  } else {
    const std::string_view t = s.exact ? tok.text : tok.lower;
    for (const std::string& a : s.alts) {
      if (a == t) {
        ok = true;
        break;
      }
    }
  }
  if (!ok) return 0;
  if (slot + 1 == slots_.size()) return 1;
  const std::size_t n = match_from(toks, i + 1, slot + 1);
  return n > 0 ? n + 1 : 0;
}

void Phrase::bind(Vocabulary* vocab) {
  plain_ids_ = true;
  for (Slot& s : slots_) {
    s.ids.clear();
    plain_ids_ = plain_ids_ && !s.alts.empty();
    for (const std::string& a : s.alts) s.ids.push_back(vocab->add(s.exact ? lower(a) : a));
  }
}

std::uint64_t Vocabulary::hash(std::string_view bytes) {
  return bytes.empty() ? 0 : word_hash(word_bytes(bytes.data(), bytes.size(), bytes.size()), bytes.size());
}

std::uint32_t Vocabulary::find_folding_case(std::string_view word) const {
  if (slots_.empty()) return kNoWord;
  const std::uint64_t h = hash(word);  // of the lower-case word, as slot_of()
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    const std::uint32_t id = slots_[i];
    if (id == kNoWord) return kNoWord;
    const std::string& w = words_[id];
    if (w.size() != word.size()) continue;
    std::size_t k = 0;
    while (k < w.size() && kBytes.lower[static_cast<unsigned char>(word[k])] == w[k]) ++k;
    if (k == w.size()) return id;
  }
}

const std::vector<std::uint32_t>* Phrase::second_ids() const {
  if (slots_.size() < 2) return nullptr;
  const Slot& s = slots_[1];
  if (s.alts.empty() || s.ids.size() != s.alts.size()) return nullptr;
  return &s.ids;
}

WordSet::WordSet(const std::string_view* begin, const std::string_view* end) {
  const std::size_t count = static_cast<std::size_t>(end - begin);
  std::size_t size = 16;
  while (size < count * 2) size *= 2;
  slots_.assign(size, std::string_view());
  for (const std::string_view* p = begin; p != end; ++p) {
    const std::string_view w = *p;
    std::size_t i = start(w);
    while (slots_[i].data() != nullptr && slots_[i] != w) i = (i + 1) & (size - 1);
    slots_[i] = w;
  }
}

std::size_t WordSet::start(std::string_view word) const {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return static_cast<std::size_t>(h) & (slots_.size() - 1);
}

bool WordSet::has(std::string_view word) const {
  for (std::size_t i = start(word);; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].data() == nullptr) return false;
    if (slots_[i] == word) return true;
  }
}

bool Phrase::by_id() const {
  for (const Slot& s : slots_)
    if (!s.alts.empty() && (s.exact || s.ids.size() != s.alts.size())) return false;
  return true;
}

std::size_t Vocabulary::slot_of(std::string_view word) const {
  const std::uint64_t h = hash(word);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask)
    if (slots_[i] == kNoWord || words_[slots_[i]] == word) return i;
}

void Vocabulary::grow() {
  slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, kNoWord);
  for (std::size_t id = 0; id < words_.size(); ++id) slots_[slot_of(words_[id])] = static_cast<std::uint32_t>(id);
}

std::uint32_t Vocabulary::add(const std::string& lower_word) {
  if (const std::uint32_t id = find(lower_word); id != kNoWord) return id;
  Key key;
  key.size = lower_word.size();
  if (!lower_word.empty()) {
    const WordBytes w = word_bytes(lower_word.data(), lower_word.size(), lower_word.size());
    key.head = w.head;
    key.tail = w.tail;
  }
  keys_.push_back(key);
  if ((words_.size() + 1) * 4 > slots_.size()) {  // at most a quarter full: most probes miss
    words_.push_back(lower_word);
    grow();
  } else {
    const std::size_t slot = slot_of(lower_word);
    words_.push_back(lower_word);
    slots_[slot] = static_cast<std::uint32_t>(words_.size() - 1);
  }
  return static_cast<std::uint32_t>(words_.size() - 1);
}

std::uint32_t Vocabulary::find(std::string_view lower_word) const {
  if (slots_.empty()) return kNoWord;
  return slots_[slot_of(lower_word)];
}

void Vocabulary::index(std::vector<Token>* toks) const {
  for (Token& t : *toks) t.word_id = find_hashed(t.lower, hash(t.lower));
}

}  // namespace timeline::events
